// face-api's nets are written as ONNX and given a session once per process (faceapi-onnx.ts moveToOnnx), however many
// detections ask for them at once: a server that starts with several door frames in flight must not build the SSD
// (22 MB of weights rewritten) and its session once per frame. Its own file: the sessions must not exist yet.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import * as ort from 'onnxruntime-node';
import { describe, expect, it, vi } from 'vitest';
import { findFaces } from '../../server/face/faceapi-engine.js';

const photo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'faces', 'multi', '1.jpg');

describe('face-api on ONNX Runtime, first calls at once', () => {
  it('creates one session per net and finds the same faces as one call alone', async () => {
    const img = await loadImage(readFileSync(photo));
    const ctx = createCanvas(img.width, img.height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
    const create = vi.spyOn(ort.InferenceSession, 'create');
    const together = await Promise.all(Array.from({ length: 4 }, () => findFaces(rgba, img.width, img.height, 'tiny', 224)));
    expect(create).toHaveBeenCalledTimes(2); // the tiny detector and the landmark net
    const alone = await findFaces(rgba, img.width, img.height, 'tiny', 224);
    expect(alone.length).toBeGreaterThan(0);
    for (const faces of together) expect(faces).toEqual(alone);
  }, 60_000);
});
