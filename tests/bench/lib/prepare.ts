// Prepares a data folder before the server process starts: a body of N deputies with one synthetic face
// descriptor each (random directions, far apart, so matching works like a well-separated real roster),
// a meeting with one sitting and an agenda item. Written through the app's own services and repositories.
import { join } from 'node:path';
import { buildApp } from '../../../server/app';
import { dataSecret, deriveKey } from '../../../server/data-secret';
import { insertDescriptor } from '../../../server/repositories/faces-repository';
import { getEngine } from '../../../server/face/engines';
import { signIn } from '../../helpers/app';

export interface Prepared {
  bodyId: number;
  meetingId: number;
  sittingId: number;
  agendaItemId: number;
  deputyIds: number[];
  model: string;
  /** Descriptor per deputy id, as enrolled. */
  faces: Map<number, Float32Array>;
  /** The server's voter-token key (hex), so the bench can hold the token a seat gets for a recognised deputy. */
  voterTokenKey: string;
  /** The staff account (an admin: it also creates the body) the bench signs in with to pair tablets and open and close the vote. */
  clerk: { username: string; password: string };
}

export function randomUnit(dimensions: number): Float32Array {
  const v = new Float32Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    // Box–Muller: Gaussian components make a uniformly random direction.
    const g = Math.sqrt(-2 * Math.log(Math.random() || 1e-12)) * Math.cos(2 * Math.PI * Math.random());
    v[i] = g;
    norm += g * g;
  }
  const s = 1 / Math.sqrt(norm);
  for (let i = 0; i < dimensions; i++) v[i]! *= s;
  return v;
}

/** The enrolled descriptor with a little noise, as a kiosk's live descriptor of the same person would be. */
export function probeOf(enrolled: Float32Array, noise = 0.01): number[] {
  return Array.from(enrolled, (x) => x + (Math.random() - 0.5) * 2 * noise);
}

export async function prepare(dataDir: string, deputies: number): Promise<Prepared> {
  const app = await buildApp({ dbPath: join(dataDir, 'quorum.db') });
  const cookie = await signIn(app, 'admin', 'bench-admin');
  const json = async <T>(method: 'POST' | 'GET', url: string, payload?: unknown): Promise<T> => {
    const res = await app.inject({ method, url, payload: payload as never, headers: { cookie } });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body) as T;
  };
  const body = await json<{ id: number }>('POST', '/api/bodies', { name: '全国规模压力测试代表大会' });
  const rows = Array.from({ length: deputies }, (_, i) => ({ name: `代表${i + 1}`, cardNo: `B${i + 1}`, delegation: `代表团${(i % 35) + 1}` }));
  const report = await json<{ deputyIds: Record<number, number> }>('POST', `/api/bodies/${body.id}/roster`, { rows });
  const deputyIds = Object.values(report.deputyIds);
  const engine = getEngine(app.ctx.face.settings.engine);
  const faces = new Map<number, Float32Array>();
  await app.ctx.db.write(async (tx) => {
    for (const id of deputyIds) {
      const d = randomUnit(engine.dimensions);
      faces.set(id, d);
      await insertDescriptor(tx, { deputyId: id, model: engine.model, descriptor: d, source: 'synthetic', score: 1 });
    }
  });
  const meeting = await json<{ id: number; sittings: Array<{ id: number }> }>('POST', `/api/bodies/${body.id}/meetings`, {
    name: '第一次会议',
    sittings: [{ name: '第一次全体会议' }],
  });
  const sittingId = meeting.sittings[0]!.id;
  const item = await json<{ id: number }>('POST', `/api/sittings/${sittingId}/agenda`, { title: '压力测试议程' });
  const voterTokenKey = deriveKey(dataSecret(join(dataDir, 'quorum.db')), 'voter-token').toString('hex'); // the server's own key, from its secret file
  await app.close();
  return {
    voterTokenKey,
    bodyId: body.id,
    meetingId: meeting.id,
    sittingId,
    agendaItemId: item.id,
    deputyIds,
    model: engine.model,
    faces,
    clerk: { username: 'bench-admin', password: 'bench-admin-password' },
  };
}
