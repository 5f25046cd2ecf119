// face-api's preparation and reading of its nets' tensors, done on plain arrays around ONNX Runtime (the nets
// themselves: faceapi-onnx.ts). face-api does these steps as dozens of small tfjs operations per face, each a trip
// through the WASM backend (a face crop is copied element by element in JavaScript); with the nets on ONNX Runtime
// those steps cost more than the nets (BENCHMARKS.md "Detection on ONNX Runtime"). Each function names the face-api
// code it follows, and tests/integration/faceapi-onnx.test.ts checks the results against face-api's own on real
// photos (boxes, scores and landmarks equal to 1e-3 px).
import type { FaceBox, Point } from './engine.js';

/**
 * NetInput.toBatchTensor: the image (or a crop of it) padded with black to a square (face-api's padToSquare: at the end, or split with
 * the larger half at the end when centred), then tf.image.resizeBilinear to side × side (align_corners and
 * half-pixel centres off).
 */
export function squareInput(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  side: number,
  centred: boolean,
  crop: FaceBox = { x: 0, y: 0, width, height },
  data: Float32Array = new Float32Array(side * side * 3), // every value is written: a reused buffer needs no clearing
): Float32Array {
  const w = crop.width;
  const h = crop.height;
  const square = Math.max(w, h);
  const diff = square - Math.min(w, h);
  const after = Math.round(diff * (centred ? 0.5 : 1));
  const before = diff - after;
  const offX = w < h ? before : 0; // where the image starts inside the padded square
  const offY = h < w ? before : 0;
  // tfjs's kernel takes the scale as a float32 (old / new) and the source coordinate as scale × o in float32: with the
  // scale in doubles, a 640×478 image's 224 input was up to 0.012 (of 255) off face-api's; now it is equal but for
  // the last bit of the interpolation (done in doubles here, in float32 there).
  const scale = Math.fround(square / side);
  // Per output column and row: byte offsets of the two source pixels (−1 in the padding) and the weight between them.
  const axis = (n: number, off: number, len: number, origin: number, stride: number) => {
    const o0 = new Int32Array(n);
    const o1 = new Int32Array(n);
    const f = new Float32Array(n);
    const at = (v: number) => (v - off < 0 || v - off >= len ? -1 : (origin + v - off) * stride);
    for (let o = 0; o < n; o++) {
      const v = Math.fround(o * scale);
      const lo = Math.floor(v);
      o0[o] = at(lo);
      o1[o] = at(Math.min(square - 1, Math.ceil(v)));
      f[o] = v - lo;
    }
    return { o0, o1, f };
  };
  const xs = axis(side, offX, w, crop.x, 4);
  const ys = axis(side, offY, h, crop.y, width * 4);
  for (let oy = 0, o = 0; oy < side; oy++) {
    const r0 = ys.o0[oy]!;
    const r1 = ys.o1[oy]!;
    const dy = ys.f[oy]!;
    for (let ox = 0; ox < side; ox++, o += 3) {
      const c0 = xs.o0[ox]!;
      const c1 = xs.o1[ox]!;
      const dx = xs.f[ox]!;
      if (r0 >= 0 && r1 >= 0 && c0 >= 0 && c1 >= 0) {
        // Inside the image, as nearly every pixel is: the four neighbours' channels read straight.
        const tl = r0 + c0;
        const tr = r0 + c1;
        const bl = r1 + c0;
        const br = r1 + c1;
        for (let c = 0; c < 3; c++) {
          const top = rgba[tl + c]! + (rgba[tr + c]! - rgba[tl + c]!) * dx;
          data[o + c] = top + (rgba[bl + c]! + (rgba[br + c]! - rgba[bl + c]!) * dx - top) * dy;
        }
        continue;
      }
      const tl = r0 < 0 || c0 < 0 ? -1 : r0 + c0;
      const tr = r0 < 0 || c1 < 0 ? -1 : r0 + c1;
      const bl = r1 < 0 || c0 < 0 ? -1 : r1 + c0;
      const br = r1 < 0 || c1 < 0 ? -1 : r1 + c1;
      for (let c = 0; c < 3; c++) {
        const a = tl < 0 ? 0 : rgba[tl + c]!;
        const b = tr < 0 ? 0 : rgba[tr + c]!;
        const d = bl < 0 ? 0 : rgba[bl + c]!;
        const e = br < 0 ? 0 : rgba[br + c]!;
        const top = a + (b - a) * dx;
        data[o + c] = top + (d + (e - d) * dx - top) * dy;
      }
    }
  }
  return data;
}

/** tinyFaceDetector's anchors (face-api tinyFaceDetector/const.ts BOX_ANCHORS). */
const TINY_ANCHORS = [
  [1.603231, 2.094468],
  [6.041143, 7.080126],
  [2.882459, 3.518061],
  [4.266906, 5.178857],
  [9.041765, 10.66308],
] as const;
/** tinyFaceDetector's non-maximum suppression bound (face-api tinyFaceDetector/const.ts IOU_THRESHOLD). */
const TINY_IOU = 0.4;

export interface Detection {
  box: FaceBox;
  score: number;
}

/** A box by its edges, as face-api's Box compares them. */
type Rect = { left: number; top: number; right: number; bottom: number };

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * TinyYolov2Base.extractBoxes and detect: the grid [cells, cells, 5 anchors, 5] read into boxes above the score
 * floor, suppressed at IoU 0.4, and scaled to the image (coordinates relative to the image before padding).
 */
export function tinyDetections(out: Float32Array, side: number, width: number, height: number, scoreThreshold: number): Detection[] {
  const cells = Math.round(Math.sqrt(out.length / (TINY_ANCHORS.length * 5)));
  const scale = side / Math.max(width, height);
  // face-api's correctionFactorX/Y: the input's side over the unpadded image's, rounded (computeReshapedDimensions).
  const correctX = side / Math.round(width * scale);
  const correctY = side / Math.round(height * scale);
  const found: Array<Detection & { rel: Rect }> = [];
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      for (let a = 0; a < TINY_ANCHORS.length; a++) {
        const o = ((row * cells + col) * TINY_ANCHORS.length + a) * 5;
        const score = sigmoid(out[o + 4]!);
        if (score <= scoreThreshold) continue;
        const cx = ((col + sigmoid(out[o]!)) / cells) * correctX;
        const cy = ((row + sigmoid(out[o + 1]!)) / cells) * correctY;
        const w = ((Math.exp(out[o + 2]!) * TINY_ANCHORS[a]![0]) / cells) * correctX;
        const h = ((Math.exp(out[o + 3]!) * TINY_ANCHORS[a]![1]) / cells) * correctY;
        const rel = { left: cx - w / 2, top: cy - h / 2, right: cx - w / 2 + w, bottom: cy - h / 2 + h };
        found.push({ score, rel, box: { x: rel.left * width, y: rel.top * height, width: w * width, height: h * height } });
      }
    }
  }
  // face-api compares the boxes rescaled to the input's side; IoU does not change with a uniform scale.
  return nonMaxSuppression(found, TINY_IOU).map(({ box, score }) => ({ box, score }));
}

/** ops/nonMaxSuppression.ts (IoU), on relative boxes: highest score first, drop those overlapping a kept one. */
function nonMaxSuppression<T extends { score: number; rel: Rect }>(items: T[], iouThreshold: number): T[] {
  let order = items.map((_, i) => i).sort((a, b) => items[a]!.score - items[b]!.score);
  const kept: T[] = [];
  while (order.length > 0) {
    const current = items[order.pop()!]!;
    kept.push(current);
    order = order.filter((i) => iou(current.rel, items[i]!.rel) <= iouThreshold);
  }
  return kept;
}

const area = (r: Rect) => (r.right - r.left) * (r.bottom - r.top);

/** ops/iou.ts: intersection over union. */
function iou(a: Rect, b: Rect): number {
  const inter = Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  return inter / (area(a) + area(b) - inter);
}

/** SSD's input side (face-api SsdMobilenetv1.forwardInput) and its non-maximum suppression bound (locateFaces). */
export const SSD_SIDE = 512;
const SSD_IOU = 0.5;

/**
 * ssdMobilenetv1/outputLayer.ts, nonMaxSuppression.ts and locateFaces: box encodings against the anchors →
 * [ymin, xmin, ymax, xmax] of the input, face score = sigmoid of class 1; the greedy suppression (IoU > 0.5, at most
 * maxResults, above minConfidence); boxes clipped to the input and scaled to the image.
 */
export function ssdDetections(
  encodings: Float32Array,
  logits: Float32Array,
  anchors: Float32Array,
  width: number,
  height: number,
  minConfidence: number,
  maxResults: number,
): Detection[] {
  const n = anchors.length / 4;
  const boxes = new Float32Array(n * 4);
  const candidates: Array<{ score: number; i: number }> = [];
  for (let k = 0; k < n; k++) {
    const score = sigmoid(logits[3 * k + 1]!);
    if (score <= minConfidence) continue; // only candidates are decoded: what face-api decodes and then filters
    const [a0, a1, a2, a3] = [anchors[4 * k]!, anchors[4 * k + 1]!, anchors[4 * k + 2]!, anchors[4 * k + 3]!];
    const sizeY = a2 - a0;
    const sizeX = a3 - a1;
    const centreY = (encodings[4 * k]! / 10) * sizeY + (a0 + sizeY / 2);
    const centreX = (encodings[4 * k + 1]! / 10) * sizeX + (a1 + sizeX / 2);
    const halfY = (Math.exp(encodings[4 * k + 2]! / 5) * sizeY) / 2;
    const halfX = (Math.exp(encodings[4 * k + 3]! / 5) * sizeX) / 2;
    boxes.set([centreY - halfY, centreX - halfX, centreY + halfY, centreX + halfX], 4 * k);
    candidates.push({ score, i: k });
  }
  candidates.sort((a, b) => b.score - a.score);
  const selected: Array<{ score: number; i: number }> = [];
  for (const c of candidates) {
    if (selected.length >= Math.min(maxResults, n)) break;
    if (selected.every((s) => ssdIou(boxes, c.i, s.i) <= SSD_IOU)) selected.push(c);
  }
  const scale = SSD_SIDE / Math.max(width, height);
  const padX = SSD_SIDE / Math.round(width * scale);
  const padY = SSD_SIDE / Math.round(height * scale);
  return selected.map(({ score, i }) => {
    const top = Math.max(0, boxes[4 * i]!) * padY;
    const bottom = Math.min(1, boxes[4 * i + 2]!) * padY;
    const left = Math.max(0, boxes[4 * i + 1]!) * padX;
    const right = Math.min(1, boxes[4 * i + 3]!) * padX;
    return { score, box: { x: left * width, y: top * height, width: (right - left) * width, height: (bottom - top) * height } };
  });
}

/** ssdMobilenetv1/nonMaxSuppression.ts IOU: rows i and j of [ymin, xmin, ymax, xmax], corners put in order; 0 for an empty box. */
function ssdIou(boxes: Float32Array, i: number, j: number): number {
  const rect = (k: number): Rect => {
    const [y0, x0, y1, x1] = boxes.subarray(4 * k, 4 * k + 4);
    return { left: Math.min(x0!, x1!), top: Math.min(y0!, y1!), right: Math.max(x0!, x1!), bottom: Math.max(y0!, y1!) };
  };
  const [a, b] = [rect(i), rect(j)];
  return area(a) <= 0 || area(b) <= 0 ? 0 : iou(a, b);
}

/** The 68-point net's input side (face-api FaceFeatureExtractor). */
export const LANDMARK_SIDE = 112;

/**
 * extractFaceTensors: the detection box clipped to the image and floored (Box.clipAtImageBorders). face-api first
 * takes the box to the image's size again (det.forSize: times 1 / width, then times width), which is not always the
 * identity in doubles: 249 × (1 / 249) × 249 = 248.99999999999997. An SSD box clipped to the whole height of a
 * 249-px image so floors to a 248-row crop, and the landmarks move by pixels; the same round trip here keeps them equal.
 */
export function faceCrop(detected: FaceBox, width: number, height: number): FaceBox {
  const [sx, sy] = [1 / width, 1 / height]; // Dimensions.reverse()
  const box = { x: detected.x * sx * width, y: detected.y * sy * height, width: detected.width * sx * width, height: detected.height * sy * height };
  const x = Math.max(box.x, 0);
  const y = Math.max(box.y, 0);
  const w = Math.min(box.x + box.width - x, width - x);
  const h = Math.min(box.y + box.height - y, height - y);
  return { x: Math.floor(x), y: Math.floor(y), width: Math.floor(w), height: Math.floor(h) };
}

/**
 * FaceLandmark68NetBase.postProcess and extendWithFaceLandmarks: the net's 136 outputs (relative to the centred,
 * padded crop) → points of the image. face-api places them from the crop's size and the detection's own
 * (unclipped) corner, and so does this.
 */
export function placeLandmarks(out: Float32Array, crop: FaceBox, box: FaceBox): Point[] {
  const scale = LANDMARK_SIDE / Math.max(crop.width, crop.height);
  const w = crop.width * scale;
  const h = crop.height * scale;
  const padX = w < h ? Math.abs(w - h) / 2 : 0;
  const padY = h < w ? Math.abs(w - h) / 2 : 0;
  return Array.from({ length: 68 }, (_, k) => ({
    x: ((out[2 * k]! * LANDMARK_SIDE - padX) / w) * crop.width + box.x,
    y: ((out[2 * k + 1]! * LANDMARK_SIDE - padY) / h) * crop.height + box.y,
  }));
}
