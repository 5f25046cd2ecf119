// face-api's three nets (tinyFaceDetector, SSD MobileNet v1, the 68-point landmark net) written as ONNX models from
// the weights face-api loads from its own package, and run by ONNX Runtime instead of tfjs's WASM backend. Same
// networks, same numbers: tests/integration/faceapi-onnx.test.ts compares boxes, scores and landmarks with face-api's
// own on real photos. What changes is the cost: tfjs-wasm runs 1×1 convolutions at ~8 GMAC/s here and spends as much
// again outside them (face-api's input normalisation builds its mean image with a per-pixel concat, 44 of 110 ms at
// 320 px; every bias, leaky ReLU and residual add is its own pass over memory), where ONNX Runtime fuses them
// (BENCHMARKS.md "Detection on ONNX Runtime"). The preparation and reading of each net's tensors: faceapi-pipeline.ts.
import * as ort from 'onnxruntime-node';
import { OnnxGraph, type Dim } from './onnx-graph.js';
import { LANDMARK_SIDE, SSD_SIDE } from './faceapi-pipeline.js';

/** The tfjs tensor methods used here. */
interface Tensor {
  shape: number[];
  dataSync(): Float32Array;
}
type Params = { [key: string]: Tensor | Params };
/** The loaded nets of face-api whose weights are read here. */
export interface FaceApiNets {
  tinyFaceDetector: { params: Params };
  ssdMobilenetv1: { params: Params };
  faceLandmark68Net: { params: Params; faceFeatureExtractor: { params: Params } };
}

const TINY_MEAN_RGB = [117.001, 114.697, 97.404]; // face-api tinyFaceDetector/const.ts
const LANDMARK_MEAN_RGB = [122.782, 117.001, 104.298]; // face-api faceFeatureExtractor/FaceFeatureExtractor.ts

const tensorOf = (params: Params, path: string): Tensor => {
  const t = path.split('.').reduce<Tensor | Params>((o, k) => (o as Params)[k]!, params);
  if (!t || !('shape' in t)) throw new Error(`face-api weight ${path} missing`);
  return t as Tensor;
};

/** tfjs filter [kh, kw, cin, cout] → ONNX [cout, cin, kh, kw]. A depthwise [kh, kw, c, 1] becomes [c, 1, kh, kw]. */
function onnxFilter(t: Tensor, depthwise = false): { values: Float32Array; dims: number[] } {
  const [kh, kw, cin, cout] = t.shape as [number, number, number, number];
  const src = t.dataSync();
  const [o, i] = depthwise ? [cin, cout] : [cout, cin]; // depthwise: one output per input channel, multiplier 1
  const out = new Float32Array(src.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let c = 0; c < cin; c++)
        for (let m = 0; m < cout; m++) {
          const [oo, ii] = depthwise ? [c, m] : [m, c];
          out[((oo * i + ii) * kh + y) * kw + x] = src[((y * kw + x) * cin + c) * cout + m]!;
        }
  return { values: out, dims: [o, i, kh, kw] };
}

class NetGraph extends OnnxGraph {
  constructor(private readonly params: Params) {
    super();
  }

  /** NHWC pixels (0–255) → (v − mean) / 255, NCHW: face-api's normalize() then div(255). */
  normalisedInput(dims: Dim[], mean: number[]): string {
    const x = this.input('image', dims);
    const centred = this.node('Sub', [x, this.weight(Float32Array.from(mean), [3])]);
    const scaled = this.node('Div', [centred, this.weight(Float32Array.of(255), [1])]);
    return this.node('Transpose', [scaled], { perm: [0, 3, 1, 2] });
  }

  conv(x: string, path: string, attrs: Record<string, number | number[] | string> = {}): string {
    return this.convWithBias(x, path, 'filters', 'bias', attrs);
  }

  convWithBias(x: string, path: string, filterKey: string, biasKey: string, attrs: Record<string, number | number[] | string>): string {
    const f = onnxFilter(tensorOf(this.params, `${path}.${filterKey}`));
    return this.node('Conv', [x, this.weight(f.values, f.dims), this.param(`${path}.${biasKey}`)], { kernel_shape: f.dims.slice(2), ...attrs });
  }

  /** A depthwise 3×3 convolution (one filter per channel, no bias) of the weight at `filterPath`. */
  depthwise(x: string, filterPath: string, attrs: Record<string, number | number[] | string>): string {
    const dw = onnxFilter(tensorOf(this.params, filterPath), true);
    return this.node('Conv', [x, this.weight(dw.values, dw.dims)], { kernel_shape: [3, 3], group: dw.dims[0]!, ...attrs });
  }

  /** tf.separableConv2d + bias: depthwise 3×3 (no bias), then pointwise 1×1 with the bias. */
  separable(x: string, path: string, attrs: Record<string, number | number[] | string>): string {
    const pw = onnxFilter(tensorOf(this.params, `${path}.pointwise_filter`));
    return this.node('Conv', [this.depthwise(x, `${path}.depthwise_filter`, attrs), this.weight(pw.values, pw.dims), this.param(`${path}.bias`)], { kernel_shape: [1, 1] });
  }

  /** A 1-D weight as it is (biases, batch-norm terms). */
  param(path: string): string {
    const t = tensorOf(this.params, path);
    return this.weight(t.dataSync(), t.shape);
  }
}

/** tf's 'same' padding: the odd pixel of padding goes at the end. */
const same = (stride: number) => ({ strides: [stride, stride], auto_pad: 'SAME_UPPER' });

/** face-api TinyYolov2Base.runMobilenet with the tiny face detector's config (conv0 plain, no conv6/conv7). */
export function tinyDetectorModel(params: Params): Uint8Array {
  const g = new NetGraph(params);
  const leaky = (x: string) => g.node('LeakyRelu', [x], { alpha: { float: 0.1 } });
  const pool = (x: string, stride: number) => g.node('MaxPool', [x], { kernel_shape: [2, 2], strides: [stride, stride], auto_pad: 'SAME_UPPER' });
  let x = g.normalisedInput(['batch', 'size', 'size', 3], TINY_MEAN_RGB);
  x = pool(leaky(g.conv(x, 'conv0')), 2); // 'valid'
  for (const [i, stride] of [[1, 2], [2, 2], [3, 2], [4, 2], [5, 1]] as const) {
    x = pool(leaky(g.separable(x, `conv${i}`, { pads: [1, 1, 1, 1] })), stride); // face-api pads by 1, then 'valid'
  }
  x = g.node('Transpose', [g.conv(x, 'conv8')], { perm: [0, 2, 3, 1] }); // back to NHWC for face-api's box decoding
  g.output(x, ['batch', 'cells', 'cells', 25]);
  return g.model('faceapi-tiny-face-detector');
}

/** face-api FaceLandmark68Net: FaceFeatureExtractor's four dense blocks, 7×7 average pool, fully connected 136. */
export function landmarkModel(extractor: Params, fc: Params): Uint8Array {
  const g = new NetGraph(extractor);
  const add = (a: string, b: string) => g.node('Add', [a, b]);
  const relu = (a: string) => g.node('Relu', [a]);
  let x = g.normalisedInput(['batch', LANDMARK_SIDE, LANDMARK_SIDE, 3], LANDMARK_MEAN_RGB);
  for (let d = 0; d < 4; d++) {
    const p = `dense${d}`;
    const out1 = relu(d === 0 ? g.conv(x, `${p}.conv0`, same(2)) : g.separable(x, `${p}.conv0`, same(2)));
    const out2 = g.separable(out1, `${p}.conv1`, same(1));
    const out3 = g.separable(relu(add(out1, out2)), `${p}.conv2`, same(1));
    const out4 = g.separable(relu(add(out1, add(out2, out3))), `${p}.conv3`, same(1));
    x = relu(add(out1, add(out2, add(out3, out4))));
  }
  const pooled = g.node('Flatten', [g.node('AveragePool', [x], { kernel_shape: [7, 7], strides: [2, 2] })]);
  const w = tensorOf(fc, 'fc.weights');
  const b = tensorOf(fc, 'fc.bias');
  const out = g.node('Gemm', [pooled, g.weight(w.dataSync(), w.shape), g.weight(b.dataSync(), b.shape)]);
  g.output(out, ['batch', 136]);
  return g.model('faceapi-face-landmark-68');
}

/**
 * face-api SsdMobilenetv1 up to its raw predictions: mobileNetV1 (ReLU6 convolutions, the depthwise ones batch
 * normalised) and predictionLayer. Outputs the box encodings [batch, 5118, 4] and class logits [batch, 5118, 3],
 * in face-api's anchor order (each feature map's NHWC order, maps concatenated); faceapi-pipeline.ts ssdDetections
 * decodes them.
 */
export function ssdModel(params: Params): Uint8Array {
  const g = new NetGraph(params);
  const zero = g.weight(Float32Array.of(0), []);
  const six = g.weight(Float32Array.of(6), []);
  const relu6 = (x: string) => g.node('Clip', [x, zero, six]);
  // pointwiseConvLayer: conv 'same' + batch_norm_offset, ReLU6 (the offset is the conv's bias).
  const pointwise = (x: string, path: string, stride: number) => relu6(g.convWithBias(x, path, 'filters', 'batch_norm_offset', same(stride)));
  const depthwise = (x: string, path: string, stride: number) => {
    const conv = g.depthwise(x, `${path}.filters`, same(stride));
    const bn = ['batch_norm_scale', 'batch_norm_offset', 'batch_norm_mean', 'batch_norm_variance'].map((k) => g.param(`${path}.${k}`));
    return relu6(g.node('BatchNormalization', [conv, ...bn], { epsilon: { float: 0.0010000000474974513 } }));
  };
  const x = g.node('Sub', [g.node('Div', [g.input('image', ['batch', SSD_SIDE, SSD_SIDE, 3]), g.weight(Float32Array.of(127.5), [1])]), g.weight(Float32Array.of(1), [1])]);
  let out = pointwise(g.node('Transpose', [x], { perm: [0, 3, 1, 2] }), 'mobilenetv1.conv_0', 2);
  let conv11 = '';
  for (let i = 1; i <= 13; i++) {
    out = depthwise(out, `mobilenetv1.conv_${i}.depthwise_conv`, [2, 4, 6, 12].includes(i) ? 2 : 1);
    out = pointwise(out, `mobilenetv1.conv_${i}.pointwise_conv`, 1);
    if (i === 11) conv11 = out;
  }
  const p = 'prediction_layer';
  const c: string[] = [];
  let y = out;
  for (let i = 0; i < 8; i++) c.push((y = pointwise(y, `${p}.conv_${i}`, i % 2 === 1 ? 2 : 1)));
  const maps = [conv11, out, c[1]!, c[3]!, c[5]!, c[7]!];
  const predict = (kind: string, width: number) =>
    g.node(
      'Concat',
      maps.map((m, i) => {
        const conv = g.convWithBias(m, `${p}.box_predictor_${i}.${kind}`, 'filters', 'bias', same(1));
        return g.node('Reshape', [g.node('Transpose', [conv], { perm: [0, 2, 3, 1] }), g.int64s([0, -1, width])]);
      }),
      { axis: 1 },
    );
  g.output(predict('box_encoding_predictor', 4), ['batch', 5118, 4]);
  g.output(predict('class_predictor', 3), ['batch', 5118, 3]);
  return g.model('faceapi-ssd-mobilenet-v1');
}

export type NetName = 'tinyFaceDetector' | 'ssdMobilenetv1' | 'faceLandmark68Net';

const builders: Record<NetName, (nets: FaceApiNets) => Uint8Array> = {
  tinyFaceDetector: (nets) => tinyDetectorModel(nets.tinyFaceDetector.params),
  ssdMobilenetv1: (nets) => ssdModel(nets.ssdMobilenetv1.params),
  faceLandmark68Net: (nets) => landmarkModel(nets.faceLandmark68Net.faceFeatureExtractor.params, nets.faceLandmark68Net.params),
};
/** Each net's session, created once per process; calls that arrive while it is created wait for the same one. */
const sessions = new Map<NetName, Promise<ort.InferenceSession>>();

/** Builds the ONNX model of a face-api net whose weights are loaded, and its session (once per process). */
export async function moveToOnnx(nets: FaceApiNets, name: NetName): Promise<void> {
  let session = sessions.get(name);
  if (!session) {
    // One thread, as the embedder: the server's other work keeps the second core.
    session = ort.InferenceSession.create(builders[name](nets), { intraOpNumThreads: 1, interOpNumThreads: 1 });
    session.catch(() => sessions.delete(name)); // a later call may retry
    sessions.set(name, session);
  }
  await session;
}

/** The SSD anchors [ymin, xmin, ymax, xmax] relative to the input (face-api's output_layer.extra_dim). */
export const ssdAnchors = (nets: FaceApiNets): Float32Array => tensorOf(nets.ssdMobilenetv1.params, 'output_layer.extra_dim').dataSync();

/** Input buffers by size, reused: a door frame's inputs are 0.75 MB, and fresh ones each time make V8 collect often. */
const spare = new Map<number, Float32Array[]>();
const SPARE_PER_SIZE = 4;

/**
 * Runs a net (after moveToOnnx) on one NHWC float32 image of side × side, which `fill` writes (faceapi-pipeline.ts
 * squareInput) into a buffer lent for the run.
 */
export async function runNet(name: NetName, side: number, fill: (input: Float32Array) => void): Promise<Float32Array[]> {
  const pending = sessions.get(name);
  if (!pending) throw new Error(`face-api ${name} is not on ONNX Runtime yet`);
  const s = await pending;
  const free = spare.get(side) ?? [];
  spare.set(side, free);
  const input = free.pop() ?? new Float32Array(side * side * 3);
  try {
    fill(input);
    const result = await s.run({ image: new ort.Tensor('float32', input, [1, side, side, 3]) });
    return s.outputNames.map((n) => result[n]!.data as Float32Array);
  } finally {
    if (free.length < SPARE_PER_SIZE) free.push(input); // the run has read it
  }
}
