// Worker thread of bench:documents: the tablets' downloads (document-tablets.ts), driven by the main thread, which
// forwards each tablet's live notice and asks to be told when every tablet holds the set.
import { parentPort, workerData } from 'node:worker_threads';
import { signerOf } from '../../../shared/device-proof';
import { DocumentTablets } from './document-tablets';

export type ToFetcher = { type: 'notice'; index: number } | { type: 'wanted'; hashes: string[] } | { type: 'stop' };
export type FromFetcher = { type: 'all-held' } | { type: 'log'; log: DocumentTablets['log'] };

const data = workerData as { port: number; tablets: Array<{ token: string; privateKey: CryptoKey }> };
const tablets = new DocumentTablets(
  data.port,
  data.tablets.map((t) => ({ headers: { authorization: `Bearer ${t.token}` }, signer: signerOf(t.token, t.privateKey) })),
);
const post = (m: FromFetcher) => parentPort!.postMessage(m);

parentPort!.on('message', (m: ToFetcher) => {
  if (m.type === 'notice') tablets.notice(tablets.holders[m.index]!);
  else if (m.type === 'wanted') void tablets.allHold(m.hashes).then(() => post({ type: 'all-held' }));
  else {
    post({ type: 'log', log: tablets.log });
    tablets.close();
    parentPort!.close();
  }
});
