// Ballots over a seat tablet's live socket: checked against the same schema as POST /api/votes/:id/ballots and
// cast by the same service (castFromSeat), answered on the socket with the ballot's clientId.
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { AppError } from '../../../shared/errors';
import type { ServerMessage } from '../../../shared/protocol';
import { Id } from '../../../shared/schemas/common';
import { CastBallot } from '../../../shared/schemas/votes';
import { castFromSeat } from '../../services/ballot-service';
import type { ServiceContext } from '../../services/context';
import { activeDevice } from '../../services/device-service';

const CastMessage = TypeCompiler.Compile(Type.Object({ type: Type.Literal('cast'), voteId: Id, ballot: CastBallot }, { additionalProperties: false }));

/** The cast's clientId if it has a usable one (to label the answer), else ''. */
function clientIdOf(message: unknown): string {
  const id = (message as { ballot?: { clientId?: unknown } }).ballot?.clientId;
  return typeof id === 'string' && id.length <= 64 ? id : '';
}

/**
 * One cast message from the socket of the device whose token hash is given (null: not a tablet's socket). Never
 * throws: every outcome is a message to send back; an unexpected error also goes to `logError`.
 */
export async function seatCast(ctx: ServiceContext, deviceHash: string | null, message: unknown, logError: (err: unknown) => void): Promise<ServerMessage> {
  const clientId = clientIdOf(message);
  try {
    if (!deviceHash) throw new AppError('ERR_UNAUTHORIZED', '只有已配对的表决终端可以投票 / Only a paired seat tablet can cast');
    if (!CastMessage.Check(message)) {
      const first = CastMessage.Errors(message).First();
      throw new AppError('ERR_VALIDATION', `选票格式错误 / Malformed ballot: ${first ? `${first.path || '/'} ${first.message}` : 'invalid'}`);
    }
    const device = await activeDevice(ctx, deviceHash, ['seat']);
    return { type: 'cast-result', clientId, reply: await castFromSeat(ctx, device, message.voteId, message.ballot) };
  } catch (e) {
    if (!(e instanceof AppError)) logError(e);
    const error = e instanceof AppError ? e : new AppError('ERR_INTERNAL', '服务器错误，正在重试 / Server error, retrying');
    return { type: 'cast-error', clientId, code: error.code, message: error.message, retry: error.status >= 500 };
  }
}
