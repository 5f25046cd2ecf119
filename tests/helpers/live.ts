// Real WebSocket clients (the `ws` package) against an app listening on a random loopback port.
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { LiveClient, type ConnectionStatus, type SocketLike } from '../../shared/live-client';
import type { MeetingState, ServerMessage } from '../../shared/protocol';
import { lazySigner } from './devices';

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `127.0.0.1:${address.port}`;
}

export interface Watched {
  client: LiveClient;
  messages: ServerMessage[];
  /** Resolves when the client's state satisfies the predicate. */
  until(predicate: (s: MeetingState) => boolean, timeoutMs?: number): Promise<MeetingState>;
}

/** A console's live view, signed in with `cookie` (TestApp.cookie). */
export function watch(host: string, meetingId: number, cookie: string): Watched {
  const messages: ServerMessage[] = [];
  const waiters: Array<{ predicate: (s: MeetingState) => boolean; resolve: (s: MeetingState) => void }> = [];
  const client = new LiveClient({
    origin: `ws://${host}`,
    meetingId,
    connect: (url) => new WebSocket(url, { headers: { cookie } }) as unknown as SocketLike,
    onMessage: (m) => messages.push(m),
    onState: (s) => {
      for (const w of [...waiters]) {
        if (w.predicate(s)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(s);
        }
      }
    },
  });
  return {
    client,
    messages,
    until(predicate, timeoutMs = 5000) {
      if (client.state && predicate(client.state)) return Promise.resolve(client.state);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('live state did not reach the expected value')), timeoutMs);
        waiters.push({ predicate, resolve: (s) => (clearTimeout(timer), resolve(s)) });
      });
    },
  };
}

export interface Tablet {
  client: LiveClient;
  statuses: ConnectionStatus[];
  /** Resolves with the client's status once it is `status`, or whatever it is after 5 s. */
  until(status: ConnectionStatus): Promise<ConnectionStatus>;
}

/** A tablet's live client (kiosk view) with its device token and key (helpers/devices), as the kiosk app makes it. */
export function tablet(host: string, meetingId: number, deviceToken: string, onMessage?: (m: ServerMessage) => void): Tablet {
  const statuses: ConnectionStatus[] = [];
  const client = new LiveClient({
    origin: `ws://${host}`,
    meetingId,
    view: 'kiosk',
    device: lazySigner(deviceToken),
    connect: (url) => new WebSocket(url) as unknown as SocketLike,
    onStatus: (st) => statuses.push(st),
    onMessage,
  });
  return {
    client,
    statuses,
    async until(status) {
      for (let i = 0; i < 100 && client.status !== status; i++) await new Promise((r) => setTimeout(r, 50));
      return client.status;
    },
  };
}
