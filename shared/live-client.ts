// The one live-state client both apps use (and the realtime tests, with the `ws` package in Node).
// It says hello, applies each next version, asks for a snapshot on a gap or a new server epoch, and
// reconnects with backoff after a drop, resyncing from a fresh snapshot. A seat tablet casts through it too
// (cast): sent once live, sent again after a reconnect until answered.
import { PendingCasts } from './live-casts';
import { helloProofText, type DeviceSigner } from './device-proof';
import {
  LIVE_PATH,
  PROTOCOL_VERSION,
  isVersioned,
  type ClientMessage,
  type LiveView,
  type MeetingState,
  type ServerMessage,
} from './protocol';
import type { CastBallot, CastReply } from './schemas/votes';

/** The part of the WebSocket API the client needs (the browser's, or the `ws` package's). */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

/** 'unauthorized': the server refused this tablet (revoked or unknown token); the app must pair again. */
export type ConnectionStatus = 'connecting' | 'live' | 'offline' | 'incompatible' | 'unauthorized';

export interface LiveClientOptions {
  /** Server origin, e.g. 'ws://127.0.0.1:3000' or 'wss://quorum.local'. */
  origin: string;
  meetingId: number;
  /** Default 'console'; tablets use 'kiosk' (vote state changes only). */
  view?: LiveView;
  /** A paired tablet: its token and key, checked by the server on a signed hello. */
  device?: DeviceSigner;
  connect: SocketFactory;
  onState?: (state: MeetingState) => void;
  onStatus?: (status: ConnectionStatus) => void;
  /** Called for every message, after it is applied (tests count them). */
  onMessage?: (message: ServerMessage) => void;
  maxBackoffMs?: number;
}

/** Applies one versioned change to a state; pure, so the apps can also use it in reducers. */
export function applyChange(state: MeetingState, m: ServerMessage): MeetingState {
  if (m.type === 'attendance') {
    const rest = state.attendance.filter((a) => a.sittingId !== m.attendance.sittingId);
    return { ...state, attendance: [...rest, m.attendance].sort((a, b) => a.sittingId - b.sittingId) };
  }
  if (m.type === 'vote') {
    const rest = state.votes.filter((v) => v.id !== m.vote.id);
    return { ...state, votes: [...rest, m.vote].sort((a, b) => a.id - b.id) };
  }
  if (m.type === 'agenda') {
    const rest = (state.agenda ?? []).filter((a) => a.sittingId !== m.agenda.sittingId);
    return { ...state, agenda: [...rest, m.agenda].sort((a, b) => a.sittingId - b.sittingId) };
  }
  return state;
}

export class LiveClient {
  state: MeetingState | null = null;
  version = -1;
  epoch: string | null = null;
  status: ConnectionStatus = 'connecting';
  /** Snapshots received, for tests: a resync shows up here. */
  snapshots = 0;
  private socket: SocketLike | null = null;
  private backoff = 250;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Set when a connection dropped: casts in flight then are sent again once the next snapshot arrives. */
  private dropped = false;
  private readonly casts = new PendingCasts((m) => this.status === 'live' && this.send(m));

  /** Tablets say they are still there (the console's 最近在线); the server writes it at most every 30 s. */
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: LiveClientOptions) {
    this.open();
    if (options.device) this.heartbeat = setInterval(() => this.send({ type: 'ping' }), 30_000);
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === 1) this.socket.send(JSON.stringify(message));
  }

  private open(): void {
    this.setStatus('connecting');
    const socket = this.options.connect(`${this.options.origin}${LIVE_PATH}`);
    this.socket = socket;
    socket.onopen = () => void this.sayHello(socket);
    socket.onmessage = (ev) => this.receive(JSON.parse(String(ev.data)) as ServerMessage);
    socket.onerror = () => undefined; // onclose follows and schedules the retry
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped || this.status === 'incompatible' || this.status === 'unauthorized') return;
      this.dropped = true;
      this.setStatus('offline');
      this.timer = setTimeout(() => this.open(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs ?? 5000);
    };
  }

  /** hello, signed when this is a tablet (the signature is made fresh for each connection). */
  private async sayHello(socket: SocketLike): Promise<void> {
    const { meetingId, device } = this.options;
    const view = this.options.view ?? 'console';
    const proof = device ? await device.prove((p) => helloProofText(meetingId, view, p)) : undefined;
    if (this.socket !== socket) return;
    this.send({ type: 'hello', protocol: PROTOCOL_VERSION, meetingId, view, ...(device ? { deviceToken: device.token, proof } : {}) });
  }

  private receive(m: ServerMessage): void {
    if (m.type === 'snapshot') {
      this.state = m.state;
      this.version = m.version;
      this.epoch = m.epoch;
      this.snapshots += 1;
      this.backoff = 250;
      this.setStatus('live');
      this.options.onState?.(m.state);
      if (this.dropped) this.casts.resendAll();
      this.dropped = false;
    } else if (m.type === 'incompatible') {
      this.setStatus('incompatible');
      this.casts.failAll('ERR_CLOSED', '版本不兼容 / Incompatible server');
      this.socket?.close();
    } else if (m.type === 'error' && m.code === 'ERR_UNAUTHORIZED') {
      this.setStatus('unauthorized');
      this.casts.failAll('ERR_UNAUTHORIZED', m.message);
      this.socket?.close();
    } else if (m.type === 'cast-result' || m.type === 'cast-error') {
      this.casts.receive(m);
    } else if (isVersioned(m) && this.state) {
      if (m.version !== this.version + 1) {
        // A gap: something was missed. Drop the state's claim to be current and ask for a snapshot.
        this.send({ type: 'resync' });
      } else {
        this.version = m.version;
        this.state = applyChange(this.state, m);
        this.options.onState?.(this.state);
      }
    }
    this.options.onMessage?.(m);
  }

  /** Casts a ballot; resolves with the server's answer, rejects with CastFailed when refused. Never sent twice as two. */
  cast(voteId: number, ballot: CastBallot, onRetry?: (attempt: number) => void): Promise<CastReply> {
    return this.casts.add(voteId, ballot, onRetry);
  }

  /** Forces a fresh snapshot (e.g. when the app returns to the foreground). */
  resync(): void {
    this.send({ type: 'resync' });
  }

  /** Drops the connection as a network failure would; the client reconnects by itself. */
  dropConnection(): void {
    this.socket?.close();
  }

  close(): void {
    this.stopped = true;
    this.casts.failAll('ERR_CLOSED', '连接已关闭 / Connection closed');
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.socket?.close();
  }
}
