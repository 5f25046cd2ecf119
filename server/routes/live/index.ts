// The live-state WebSocket: hello → snapshot, then versioned changes; resync on request; a seat tablet's ballots.
//
// A console is let in by its staff session, checked again on every message, whenever an account changes
// (services/staff-service tells the hub) and when the session ends; a session that must still change its one-time
// password is refused. A tablet is let in by its device token and a hello signed by its key, only for its own
// meeting and the view its mode needs, and sees only its own sitting's votes and attendance: checked again when the
// device is changed (services/device-service tells the hub) and on every resync (./scope).
import type { FastifyInstance } from 'fastify';
import { LIVE_PATH, PROTOCOL_VERSION, type ClientMessage, type LiveView, type ServerMessage } from '../../../shared/protocol';
import { AppError } from '../../../shared/errors';
import { getMeeting } from '../../services/meeting-service';
import { assertProof, deviceByTokenHash, hashToken } from '../../services/device-service';
import { helloProofText, parseProof } from '../../../shared/device-proof';
import { markSeen } from '../../services/device-presence';
import { sessionEndOf, staffOf } from '../../plugins/access';
import { seatCast } from './seat-cast';
import { deviceRefusal, watchSessionEnd } from './scope';
import { MAX_BUFFERED_BYTES, MAX_REFUSED, messageBucket, snapshotBucket } from './socket-limits';

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
  app.get(LIVE_PATH, { websocket: true, config: { access: 'public' } }, (socket, request) => {
    let meetingId: number | null = null;
    let view: LiveView = 'console';
    /** The tablet's token hash once its hello was accepted: only then may it cast. */
    let deviceHash: string | null = null;
    /** The tablet on this socket, for its online state and last seen time. */
    let deviceId: number | null = null;
    /** A tablet sees its own sitting only; a console the whole meeting (null). */
    let scope: number | null = null;
    let closed = false;
    /** Stops every push to this socket and forgets it (on a refusal, a stalled reader, or the socket's close). */
    const release = () => {
      closed = true;
      ctx.hub.unsubscribe(sub);
      detach?.();
      unwatch?.();
    };
    const close = (code: number, reason: string) => {
      if (closed) return;
      release();
      socket.close(code, reason);
    };
    const write = (data: string | Buffer) => {
      if (closed || socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        // A reader that does not read: stop holding pushes for it.
        release();
        return void socket.terminate();
      }
      socket.send(data, { binary: false });
    };
    const sub = { send: (message: ServerMessage) => write(JSON.stringify(message)), sendRaw: (data: Buffer) => write(data) };
    const fail = (code: string, message: string) => sub.send({ type: 'error', code, message });
    let detach: (() => void) | null = null;
    let unwatch: (() => void) | null = null;
    const refuse = (message: string) => {
      fail('ERR_UNAUTHORIZED', message);
      close(4401, 'unauthorized');
    };
    const refuseDevice = () => refuse('终端已停用，请重新配对 / Device revoked: pair again');
    /** A staff socket's session, checked on every message and on every account change. */
    const staffStillValid = async () => {
      const staff = await staffOf(app, request);
      if (staff && !staff.mustChangePassword) return true;
      refuse(staff ? '请先修改初始密码 / Change your one-time password first' : '登录已失效，请重新登录 / Session ended: sign in again');
      return false;
    };
    /** The tablet's device read again: null (and the socket refused) when it may no longer have this meeting and view. */
    const deviceScope = async (): Promise<{ sittingId: number | null } | null> => {
      const device = deviceHash === null ? undefined : await deviceByTokenHash(ctx, deviceHash);
      if (!device || device.status !== 'active') return refuseDevice(), null;
      const refusal = deviceRefusal(device, meetingId!, view);
      if (refusal) return refuse(refusal), null;
      return { sittingId: device.sittingId };
    };
    /** Moves the socket to its sitting's channel as it is now, with a fresh snapshot. */
    const rescope = async (sittingId: number | null) => {
      ctx.hub.unsubscribe(sub);
      scope = sittingId;
      if (!closed) await ctx.hub.subscribe(meetingId!, sub, view, scope);
    };
    /** The device changed: no push reaches this socket until it is known what it may still see. */
    const recheckDevice = () => {
      ctx.hub.unsubscribe(sub);
      if (meetingId === null) return;
      void deviceScope()
        .then((now) => now && rescope(now.sittingId))
        .catch(() => close(1011, 'recheck failed'));
    };
    const messages = messageBucket();
    const snapshots = snapshotBucket();
    let refused = 0;
    const limited = (bucket: ReturnType<typeof messageBucket>) => {
      if (bucket.take()) return (refused = 0), false;
      if (++refused >= MAX_REFUSED) close(4429, 'rate limited');
      else fail('ERR_RATE_LIMITED', '消息过于频繁，请稍后再试 / Too many messages; slow down');
      return true;
    };

    const hello = async (id: number, requested: LiveView, token: unknown, proofHeader: unknown) => {
      await getMeeting(ctx, id);
      if (token !== undefined) {
        const hash = typeof token === 'string' ? hashToken(token) : null;
        const device = hash ? await deviceByTokenHash(ctx, hash) : undefined;
        if (!device || device.status !== 'active') return refuseDevice();
        const proof = parseProof(proofHeader);
        // A token copied out of a tablet says hello from nowhere else: the hello must be signed by the tablet's key.
        const unproved = await assertProof(ctx, device, proof ? helloProofText(id, requested, proof) : '', proof).then(
          () => null,
          (e: Error) => e,
        );
        if (unproved) return refuse(unproved.message);
        const refusal = deviceRefusal(device, id, requested);
        if (refusal) return refuse(refusal);
        detach?.();
        detach = ctx.hub.attachDevice(device.id, { disconnect: refuseDevice, recheck: recheckDevice });
        deviceHash = hash;
        deviceId = device.id;
        scope = device.sittingId;
        void markSeen(ctx, device.id, true).catch(() => undefined);
      } else {
        if (!(await staffStillValid())) return;
        const endsAt = await sessionEndOf(app, request);
        if (closed) return;
        detach?.();
        detach = ctx.hub.attachStaff(() => void staffStillValid());
        unwatch?.();
        unwatch = watchSessionEnd(endsAt, staffStillValid);
      }
      if (closed) return;
      ctx.hub.unsubscribe(sub);
      meetingId = id;
      view = requested;
      return ctx.hub.subscribe(id, sub, requested, scope);
    };

    socket.on('message', (data) => {
      if (closed || limited(messages)) return;
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
        const requested = m.view ?? 'console';
        if (requested !== 'console' && requested !== 'kiosk') return fail('ERR_VALIDATION', 'view 须为 console 或 kiosk / view must be console or kiosk');
        if (limited(snapshots)) return;
        void hello(m.meetingId, requested, m.deviceToken, m.proof).catch((e: unknown) =>
          fail(e instanceof AppError ? e.code : 'ERR_INTERNAL', (e as Error).message),
        );
        return;
      }
      if (m.type === 'resync') {
        if (meetingId === null) return fail('ERR_VALIDATION', '请先发送 hello / Send hello first');
        if (limited(snapshots)) return;
        const current = meetingId;
        void (async () => {
          if (deviceHash === null) {
            if (!(await staffStillValid())) return;
          } else {
            const now = await deviceScope();
            if (!now) return;
            if (now.sittingId !== scope) return rescope(now.sittingId);
          }
          await ctx.hub.sendSnapshot(current, sub, view, scope);
        })().catch(() => fail('ERR_INTERNAL', '快照失败 / Snapshot failed'));
        return;
      }
      fail('ERR_VALIDATION', '未知消息类型 / Unknown message type');
    });
    socket.on('close', () => {
      release();
      if (deviceId !== null) void markSeen(ctx, deviceId, true).catch(() => undefined);
    });
  });
}
