// The live-state WebSocket: hello → snapshot, then versioned changes; resync on request; a seat tablet's ballots.
import type { FastifyInstance } from 'fastify';
import { LIVE_PATH, PROTOCOL_VERSION, type ClientMessage, type LiveView, type ServerMessage } from '../../../shared/protocol';
import { AppError } from '../../../shared/errors';
import { getMeeting } from '../../services/meeting-service';
import { deviceByTokenHash, hashToken } from '../../services/device-service';
import { markSeen } from '../../services/device-presence';
import { staffOf } from '../../plugins/access';
import { seatCast } from './seat-cast';

function parse(raw: string): ClientMessage | null {
  try {
    const m = JSON.parse(raw) as ClientMessage;
    if (m && typeof m === 'object' && typeof m.type === 'string') return m;
  } catch {
    /* answered below as an error message */
  }
  return null;
}

export default async function liveRoutes(app: FastifyInstance) {
  const { ctx } = app;
  // Public at the HTTP level: a console is let in by the staff session on its upgrade request, a tablet by the
  // device token in its hello; anyone else is refused at hello.
  app.get(LIVE_PATH, { websocket: true, config: { access: 'public' } }, (socket, request) => {
    const staff = staffOf(app, request);
    let meetingId: number | null = null;
    let view: LiveView = 'console';
    /** The tablet's token hash once its hello was accepted: only then may it cast. */
    let deviceHash: string | null = null;
    /** The tablet on this socket, for its online state and last seen time. */
    let deviceId: number | null = null;
    const sub = {
      send(message: ServerMessage) {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      },
      sendRaw(data: Buffer) {
        if (socket.readyState === socket.OPEN) socket.send(data, { binary: false });
      },
    };
    const fail = (code: string, message: string) => sub.send({ type: 'error', code, message });
    let detach: (() => void) | null = null;
    const refuseDevice = () => {
      fail('ERR_UNAUTHORIZED', '终端已停用，请重新配对 / Device revoked: pair again');
      ctx.hub.unsubscribe(sub);
      socket.close(4401, 'device revoked');
    };

    socket.on('message', (data) => {
      const m = parse(data.toString());
      if (!m) return fail('ERR_VALIDATION', '消息格式错误 / Malformed message');
      if (m.type === 'ping') {
        if (deviceId !== null) void markSeen(ctx, deviceId, false).catch(() => undefined);
        return sub.send({ type: 'pong' });
      }
      if (m.type === 'cast') {
        void seatCast(ctx, deviceHash, m, (err) => request.log.error({ err }, 'cast failed')).then((answer) => sub.send(answer));
        return;
      }
      if (m.type === 'hello') {
        if (m.protocol !== PROTOCOL_VERSION) return sub.send({ type: 'incompatible', expected: PROTOCOL_VERSION });
        if (!Number.isInteger(m.meetingId)) return fail('ERR_VALIDATION', 'meetingId 必须是整数 / meetingId must be an integer');
        const id = m.meetingId;
        const requested = m.view ?? 'console';
        if (requested !== 'console' && requested !== 'kiosk') return fail('ERR_VALIDATION', 'view 须为 console 或 kiosk / view must be console or kiosk');
        void getMeeting(ctx, id)
          .then(async () => {
            if (m.deviceToken !== undefined) {
              const hash = typeof m.deviceToken === 'string' ? hashToken(m.deviceToken) : null;
              const device = hash ? await deviceByTokenHash(ctx, hash) : undefined;
              if (!device || device.status !== 'active') return refuseDevice();
              detach?.();
              detach = ctx.hub.attachDevice(device.id, refuseDevice);
              deviceHash = hash;
              deviceId = device.id;
              void markSeen(ctx, device.id, true).catch(() => undefined);
            } else if (!(await staff)) {
              fail('ERR_UNAUTHORIZED', '请先登录或配对终端 / Sign in, or pair this tablet');
              return void socket.close(4401, 'unauthorized');
            }
            ctx.hub.unsubscribe(sub);
            meetingId = id;
            view = requested;
            return ctx.hub.subscribe(id, sub, requested);
          })
          .catch((e: unknown) => fail(e instanceof AppError ? e.code : 'ERR_INTERNAL', (e as Error).message));
        return;
      }
      if (m.type === 'resync') {
        if (meetingId === null) return fail('ERR_VALIDATION', '请先发送 hello / Send hello first');
        void ctx.hub.sendSnapshot(meetingId, sub, view).catch(() => fail('ERR_INTERNAL', '快照失败 / Snapshot failed'));
        return;
      }
      fail('ERR_VALIDATION', '未知消息类型 / Unknown message type');
    });
    socket.on('close', () => {
      ctx.hub.unsubscribe(sub);
      detach?.();
      if (deviceId !== null) void markSeen(ctx, deviceId, true).catch(() => undefined);
    });
  });
}
