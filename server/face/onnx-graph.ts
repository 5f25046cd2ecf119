// A small ONNX graph builder: enough of onnx.proto (protobufjs reflection, no generated code) to write the
// convolution nets of face-api as ONNX models in memory, so ONNX Runtime can run them (faceapi-onnx.ts). Field
// numbers are onnx.proto's; only the fields these graphs use are declared.
import protobuf from 'protobufjs';

const repeated = (type: string, id: number) => ({ rule: 'repeated', type, id });
const root = protobuf.Root.fromJSON({
  nested: {
    ModelProto: {
      fields: { irVersion: { type: 'int64', id: 1 }, producerName: { type: 'string', id: 2 }, graph: { type: 'GraphProto', id: 7 }, opsetImport: repeated('OperatorSetIdProto', 8) },
    },
    OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
    GraphProto: {
      fields: {
        node: repeated('NodeProto', 1),
        name: { type: 'string', id: 2 },
        initializer: repeated('TensorProto', 5),
        input: repeated('ValueInfoProto', 11),
        output: repeated('ValueInfoProto', 12),
      },
    },
    NodeProto: {
      fields: {
        input: repeated('string', 1),
        output: repeated('string', 2),
        name: { type: 'string', id: 3 },
        opType: { type: 'string', id: 4 },
        attribute: repeated('AttributeProto', 5),
      },
    },
    AttributeProto: {
      fields: { name: { type: 'string', id: 1 }, f: { type: 'float', id: 2 }, i: { type: 'int64', id: 3 }, s: { type: 'bytes', id: 4 }, ints: repeated('int64', 8), type: { type: 'int32', id: 20 } },
    },
    TensorProto: { fields: { dims: repeated('int64', 1), dataType: { type: 'int32', id: 2 }, name: { type: 'string', id: 8 }, rawData: { type: 'bytes', id: 9 } } },
    ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
    TypeProto: { fields: { tensorType: { type: 'TensorType', id: 1 } } },
    TensorType: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
    TensorShapeProto: { fields: { dim: repeated('Dimension', 1) } },
    Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
  },
});
const ModelProto = root.lookupType('ModelProto');

const FLOAT = 1; // TensorProto.DataType
const INT64 = 7;
const ATTR = { float: 1, int: 2, string: 3, ints: 7 } as const; // AttributeProto.AttributeType

export type Attribute = number | string | number[] | { float: number };
/** A dimension: a fixed size, or a name for one fixed only when the model runs. */
export type Dim = number | string;

/** Collects nodes and weights; `model()` writes the ONNX bytes. Names are generated, so callers pass values around. */
export class OnnxGraph {
  private readonly nodes: object[] = [];
  private readonly initializers: object[] = [];
  private readonly inputs: object[] = [];
  private readonly outputs: object[] = [];
  private count = 0;

  input(name: string, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, dims));
    return name;
  }

  output(value: string, dims: Dim[]): void {
    this.outputs.push(valueInfo(value, dims));
  }

  /** A float32 weight of the given ONNX shape. */
  weight(values: Float32Array, dims: number[]): string {
    const name = `w${this.count++}`;
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    this.initializers.push({ name, dims, dataType: FLOAT, rawData: Uint8Array.from(bytes) });
    return name;
  }

  /** An int64 constant (Reshape's shape). */
  int64s(values: number[]): string {
    const name = `c${this.count++}`;
    const data = BigInt64Array.from(values.map(BigInt));
    this.initializers.push({ name, dims: [values.length], dataType: INT64, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  /** Adds one node and returns its (single) output's name. */
  node(opType: string, inputs: string[], attributes: Record<string, Attribute> = {}): string {
    const output = `v${this.count++}`;
    const attribute = Object.entries(attributes).map(([name, v]) =>
      typeof v === 'number'
        ? { name, type: ATTR.int, i: v }
        : typeof v === 'string'
          ? { name, type: ATTR.string, s: new TextEncoder().encode(v) }
          : Array.isArray(v)
            ? { name, type: ATTR.ints, ints: v }
            : { name, type: ATTR.float, f: v.float },
    );
    this.nodes.push({ opType, input: inputs, output: [output], name: output, attribute });
    return output;
  }

  model(name: string): Uint8Array {
    const graph = { name, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs };
    const message = ModelProto.fromObject({ irVersion: 8, producerName: 'quorum', graph, opsetImport: [{ domain: '', version: 13 }] });
    return ModelProto.encode(message).finish();
  }
}

function valueInfo(name: string, dims: Dim[]) {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType: FLOAT, shape: { dim } } } };
}
