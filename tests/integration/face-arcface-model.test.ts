// The arcface engine's model file: the bundled one is verified by SHA-256 at init, and any other file is refused
// with a clear message rather than silently producing descriptors nobody measured.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArcFaceEngine } from '../../server/face/arcface-engine.js';
import { BUNDLED_MODEL, modelSpecFromEnv } from '../../server/face/arcface-model.js';
import { BUNDLED_LIVENESS_MODEL } from '../../server/face/bundled-models.js';

describe('arcface model file', () => {
  it('bundles both model files in the repository (no npm package), with the pinned bytes', () => {
    for (const m of [BUNDLED_MODEL, BUNDLED_LIVENESS_MODEL]) {
      expect(m.path).not.toContain('node_modules');
      expect(createHash('sha256').update(readFileSync(m.path)).digest('hex')).toBe(m.sha256);
    }
  });

  it('loads the bundled model at its pinned hash: unit-length 512-d descriptors', async () => {
    const engine = new ArcFaceEngine({ env: {} });
    await engine.init();
    expect(engine.dimensions).toBe(512);
    expect(engine.model).toBe(`arcface-${BUNDLED_MODEL.sha256.slice(0, 12)}-bgr`);
    const rgba = new Uint8ClampedArray(112 * 112 * 4).map((_, i) => (i * 7) % 256);
    const { descriptor } = await engine.describeRgba(rgba);
    expect(Math.hypot(...descriptor)).toBeCloseTo(1, 5);
  });

  it('refuses a model file whose SHA-256 is not the pinned one, naming both hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-model-'));
    const bad = join(dir, 'fr_feature.onnx');
    copyFileSync(BUNDLED_MODEL.path, bad);
    const bytes = readFileSync(bad);
    bytes[bytes.length - 1] ^= 0xff; // one flipped byte: a damaged or swapped file
    writeFileSync(bad, bytes);
    const engine = new ArcFaceEngine({ env: { QUORUM_FACE_MODEL: bad, QUORUM_FACE_MODEL_SHA256: BUNDLED_MODEL.sha256 } });
    await expect(engine.init()).rejects.toThrow(/人脸模型文件校验失败.*Face model refused.*expected 87aacdfe/s);
  });

  it('refuses a venue model given without its SHA-256, and a channel order it does not know', () => {
    expect(() => modelSpecFromEnv({ QUORUM_FACE_MODEL: '/x/model.onnx' })).toThrow(/QUORUM_FACE_MODEL_SHA256/);
    expect(() => modelSpecFromEnv({ QUORUM_FACE_MODEL_CHANNELS: 'grb' })).toThrow(/bgr 或 rgb/);
  });

  it('gives each input option its own model id, so a change re-describes everyone', () => {
    const ids = [
      modelSpecFromEnv({}).id,
      modelSpecFromEnv({ QUORUM_FACE_MODEL_CHANNELS: 'rgb' }).id,
      modelSpecFromEnv({ QUORUM_FACE_MODEL_MEAN: '127.5', QUORUM_FACE_MODEL_STD: '127.5' }).id,
      modelSpecFromEnv({ QUORUM_FACE_MODEL: '/x/m.onnx', QUORUM_FACE_MODEL_SHA256: 'AB'.repeat(32) }).id,
    ];
    expect(new Set(ids).size).toBe(4);
    expect(ids[3]).toBe('arcface-abababababab-bgr');
  });
});
