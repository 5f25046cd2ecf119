// Which ArcFace-format embedding model the arcface engine runs, and the check that it is the file we measured.
// The bundled model is server/face/models/fr_feature.onnx (MobileFaceNet, 512-d, MIT; from
// faceplugin-face-recognition-js@0.0.1, see bundled-models.ts). A venue that licenses another insightface-format model
// (112×112 input, 5-point aligned) points QUORUM_FACE_MODEL at it; see README "Face recognition model".
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ChannelOrder, InputNormalisation } from './align.js';
import { BUNDLED_MODEL } from './bundled-models.js';

export { BUNDLED_MODEL };

export interface ArcFaceModelSpec extends InputNormalisation {
  /** Absolute path of the .onnx file. */
  path: string;
  /** Expected SHA-256 (hex) of the file; init refuses any other file. */
  sha256: string;
  /** Descriptor model id stored beside every descriptor: the file's hash and the input options, so any change re-describes. */
  id: string;
}

/**
 * The model from the environment: QUORUM_FACE_MODEL (path of an .onnx file; default the bundled one),
 * QUORUM_FACE_MODEL_SHA256 (required with QUORUM_FACE_MODEL: the hash the venue recorded when it received the file),
 * QUORUM_FACE_MODEL_CHANNELS (bgr|rgb, default bgr), QUORUM_FACE_MODEL_MEAN / _STD (default 127 / 128: input is
 * (v − mean) / std). `channels` given by the engine (arcface-rgb) wins over the environment.
 */
export function modelSpecFromEnv(env: NodeJS.ProcessEnv = process.env, channels?: ChannelOrder): ArcFaceModelSpec {
  const custom = env.QUORUM_FACE_MODEL;
  if (custom && !env.QUORUM_FACE_MODEL_SHA256) {
    throw new Error(
      '使用自备人脸模型时须同时设置 QUORUM_FACE_MODEL_SHA256(模型文件的 SHA-256）/ QUORUM_FACE_MODEL needs QUORUM_FACE_MODEL_SHA256 (the SHA-256 of the model file)',
    );
  }
  const envChannels = env.QUORUM_FACE_MODEL_CHANNELS?.toLowerCase();
  if (envChannels !== undefined && envChannels !== 'bgr' && envChannels !== 'rgb') {
    throw new Error(`QUORUM_FACE_MODEL_CHANNELS 须为 bgr 或 rgb / QUORUM_FACE_MODEL_CHANNELS must be bgr or rgb, got ${envChannels}`);
  }
  const num = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || (name.endsWith('STD') && n === 0)) throw new Error(`${name} 须为数值 / ${name} must be a number, got ${v}`);
    return n;
  };
  const spec = {
    path: custom ?? BUNDLED_MODEL.path,
    sha256: (custom ? env.QUORUM_FACE_MODEL_SHA256! : BUNDLED_MODEL.sha256).toLowerCase(),
    channels: channels ?? envChannels ?? 'bgr',
    mean: num('QUORUM_FACE_MODEL_MEAN', 127),
    std: num('QUORUM_FACE_MODEL_STD', 128),
  };
  return { ...spec, id: modelId(spec) };
}

/** e.g. 'arcface-87aacdfe5751-bgr'; the normalisation is added only when it is not the usual (v − 127) / 128. */
export function modelId(spec: Omit<ArcFaceModelSpec, 'id'>): string {
  const norm = spec.mean === 127 && spec.std === 128 ? '' : `-m${spec.mean}s${spec.std}`;
  return `arcface-${spec.sha256.slice(0, 12)}-${spec.channels}${norm}`;
}

/** The model's bytes, refused unless their SHA-256 is the pinned one. */
export function readVerifiedModel(spec: Pick<ArcFaceModelSpec, 'path' | 'sha256'>): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(spec.path);
  } catch (err) {
    throw new Error(`无法读取人脸模型文件 ${spec.path} / Cannot read the face model file ${spec.path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== spec.sha256) {
    throw new Error(
      `人脸模型文件校验失败，拒绝加载：${spec.path} 的 SHA-256 为 ${actual}，应为 ${spec.sha256} / ` +
        `Face model refused: ${spec.path} has SHA-256 ${actual}, expected ${spec.sha256} (a different or damaged file)`,
    );
  }
  return bytes;
}
