/**
 * @file lmkg's ONNX graph builder, written with onnx-proto: nodes, constants and the model
 * envelope. Shared by the export of the masked LMs (`onnx-export.ts`) and by the training-step
 * graph (`src/train/onnx-*.ts`). Every floating-point tensor it makes has the builder's element
 * type (float32, or float64 for gradient checks), so one graph definition serves both.
 */
import onnxProto from 'onnx-proto';
import { LMKG_VERSION } from '../version.js';

const { onnx } = onnxProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;
export type GraphProto = onnxProto.onnx.IGraphProto;

export type OnnxFloatType = 'float32' | 'float64';

export const ONNX_TYPES = Object.freeze({
  float32: onnx.TensorProto.DataType.FLOAT,
  float64: onnx.TensorProto.DataType.DOUBLE,
  int64: onnx.TensorProto.DataType.INT64,
  bool: onnx.TensorProto.DataType.BOOL,
  uint8: onnx.TensorProto.DataType.UINT8,
});

/** Microsoft's operator domain (contrib kernels every onnxruntime build ships: FusedMatMul, Gelu, ...). */
export const MS_DOMAIN = 'com.microsoft';

export const intAttr = (name: string, value: number): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INT, i: value });
export const intsAttr = (name: string, values: number[]): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: values });
export const floatAttr = (name: string, value: number): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value });
export const stringAttr = (name: string, value: string): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode(value) });
/** A one-element float tensor attribute (ConstantOfShape's fill value) of the given type. */
export function floatTensorAttr(name: string, value: number, floatType: OnnxFloatType): AttributeProto {
  const data = floatType === 'float64' ? new Float64Array([value]) : new Float32Array([value]);
  return { name, type: onnx.AttributeProto.AttributeType.TENSOR, t: { dims: [1], dataType: ONNX_TYPES[floatType], rawData: new Uint8Array(data.buffer) } };
}
export const graphAttr = (name: string, graph: GraphProto): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.GRAPH, g: graph });

export class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private readonly names = new Set<string>();
  private counter = 0;

  /** `floatType`: the element type of every float constant; `prefix` keeps names unique in subgraphs. */
  constructor(readonly floatType: OnnxFloatType = 'float32', private readonly prefix = '') {}

  fresh(hint: string): string {
    this.counter += 1;
    return `${this.prefix}/${hint}_${this.counter}`;
  }

  /** A float initializer in the builder's element type (converted from float32 data when needed). */
  floatTensor(name: string, dims: number[], data: Float32Array | Float64Array): string {
    if (!this.names.has(name)) {
      this.names.add(name);
      const typed = this.floatType === 'float64' ? Float64Array.from(data) : data instanceof Float32Array ? data : Float32Array.from(data);
      this.initializers.push({ name, dims, dataType: ONNX_TYPES[this.floatType], rawData: new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength) });
    }
    return name;
  }

  int64Tensor(name: string, dims: number[], values: number[]): string {
    if (!this.names.has(name)) {
      this.names.add(name);
      const data = BigInt64Array.from(values.map((v) => BigInt(v)));
      this.initializers.push({ name, dims, dataType: ONNX_TYPES.int64, rawData: new Uint8Array(data.buffer) });
    }
    return name;
  }

  /** A float scalar constant of the builder's element type. */
  scalar(value: number): string {
    return this.floatTensor(`${this.prefix}const_f_${value}`, [], new Float64Array([value]));
  }

  /** An int64 constant: a scalar for a number, a 1-D tensor for an array. */
  ints(values: number | number[]): string {
    const list = typeof values === 'number' ? [values] : values;
    return this.int64Tensor(`${this.prefix}const_i_${typeof values === 'number' ? 's' : 'v'}_${list.join('_')}`, typeof values === 'number' ? [] : [list.length], list);
  }

  node(opType: string, inputs: string[], attributes: AttributeProto[] = [], hint = opType, domain = ''): string {
    return this.nodeOutputs(opType, inputs, 1, attributes, hint, domain)[0]!;
  }

  /** A node with several outputs (e.g. LayerNormalization's mean and inverse std). */
  nodeOutputs(opType: string, inputs: string[], outputs: number, attributes: AttributeProto[] = [], hint = opType, domain = ''): string[] {
    const names = Array.from({ length: outputs }, () => this.fresh(hint));
    this.nodes.push({ opType, input: inputs, output: names, name: `${names[0]}_node`, attribute: attributes, ...(domain ? { domain } : {}) });
    return names;
  }

  /** A node whose single output gets a fixed name (graph outputs). */
  named(output: string, opType: string, inputs: string[], attributes: AttributeProto[] = [], domain = ''): string {
    this.nodes.push({ opType, input: inputs, output: [output], name: `${output}_node`, attribute: attributes, ...(domain ? { domain } : {}) });
    return output;
  }
}

/** A tensor's declared type: element type and dims (a string is a symbolic dimension). */
export function valueInfo(name: string, elemType: number, dims: Array<string | number> | null): ValueInfoProto {
  const shape = dims === null ? undefined : { dim: dims.map((v) => (typeof v === 'string' ? { dimParam: v } : { dimValue: v })) };
  return { name, type: { tensorType: { elemType, ...(shape ? { shape } : {}) } } };
}

export interface EncodeModelOptions {
  name: string;
  inputs: ValueInfoProto[];
  outputs: ValueInfoProto[];
  opset: number;
  /** Also import the com.microsoft domain (contrib kernels). */
  microsoftOps?: boolean;
  docString?: string;
}

/** The bytes of an ONNX model holding the builder's nodes and initializers. */
export function encodeModel(builder: GraphBuilder, options: EncodeModelOptions): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: options.opset }, ...(options.microsoftOps ? [{ domain: MS_DOMAIN, version: 1 }] : [])],
    producerName: 'lmkg',
    producerVersion: LMKG_VERSION,
    docString: options.docString ?? '',
    graph: { name: options.name, node: builder.nodes, initializer: builder.initializers, input: options.inputs, output: options.outputs },
  });
  return onnx.ModelProto.encode(model).finish();
}
