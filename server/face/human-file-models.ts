// Lets tfjs load graph models from file:// URLs in Node. Plain @tensorflow/tfjs-core only knows http(s) and
// browser storage, and Node's fetch refuses file:, so without this human would have no way to read the models
// shipped in node_modules short of a local web server.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as tfc from '@tensorflow/tfjs-core';

/** The tfjs-core instance human runs on (human.tf): register on that one, not on a second copy. */
export type Tf = typeof tfc;

const registered = new WeakSet<object>();

export function registerFileModelLoader(tf: Tf): void {
  if (registered.has(tf.io)) return;
  registered.add(tf.io);
  // A router answers null for URLs that are not its own (documented by tfjs; its type just omits the null).
  tf.io.registerLoadRouter((url: string | string[]) => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null as unknown as tfc.io.IOHandler;
    return { load: () => loadFromFile(tf, fileURLToPath(url)) };
  });
}

async function loadFromFile(tf: Tf, path: string): Promise<tfc.io.ModelArtifacts> {
  const json = JSON.parse(await readFile(path, 'utf8')) as tfc.io.ModelJSON;
  return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs: tfc.io.WeightsManifestEntry[] = [];
    const buffers: ArrayBuffer[] = [];
    for (const group of manifest) {
      specs.push(...group.weights);
      for (const file of group.paths) {
        const bytes = await readFile(join(dirname(path), file));
        buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      }
    }
    return [specs, tf.io.concatenateArrayBuffers(buffers)];
  });
}
