/**
 * @file How the ONNX training engine lays the parameters out: one flat vector [P], in blocks.
 * A flat vector lets the optimizer run a dozen element-wise ops over all parameters at once
 * (instead of a dozen per tensor, ~40 tensors), and lets the graph cut every block out with one
 * Split. Each block is one Hugging Face parameter in PyTorch layout ([out, in] for linear
 * weights), except that each layer's query, key and value weights form one [3H, H] block (and
 * their biases one [3H] block), so attention projects with one GEMM. The optimizer moments use
 * the same layout.
 */
import { modelNames, parameterSpecs, type MaskedLmConfig, type ModelWeights } from '../lm/index.js';
import { decaysParameter } from './optimizer.js';

/** A contiguous part of the flat vector: one parameter, or a layer's fused q/k/v weights or biases. */
export interface FlatBlock {
  /** The HF name, or `<layer>.qkv.weight` / `<layer>.qkv.bias` for the fused blocks. */
  key: string;
  offset: number;
  size: number;
  shape: number[];
  /** The HF parameters in this block, in order, with their offsets inside the flat vector. */
  parts: Array<{ name: string; offset: number; size: number; shape: number[] }>;
  /** Whether AdamW decays it (not biases and LayerNorm weights). */
  decays: boolean;
}

export interface FlatLayout {
  size: number;
  blocks: FlatBlock[];
  /** Each HF parameter's block key. */
  blockOf: Map<string, string>;
}

/** The layout of a config's parameters (every parameter of `parameterSpecs`, once). */
export function flatLayout(config: MaskedLmConfig): FlatLayout {
  const specs = new Map(parameterSpecs(config).map((s) => [s.name, s]));
  const fused = new Map<string, { key: string; members: string[] }>();
  for (const [i, layer] of modelNames(config).layers.entries()) {
    const weights = { key: `layer.${i}.qkv.weight`, members: [layer.query.weight, layer.key.weight, layer.value.weight] };
    const biases = { key: `layer.${i}.qkv.bias`, members: [layer.query.bias, layer.key.bias, layer.value.bias] };
    for (const group of [weights, biases]) for (const name of group.members) fused.set(name, group);
  }
  const blocks: FlatBlock[] = [];
  const blockOf = new Map<string, string>();
  let offset = 0;
  for (const spec of specs.values()) {
    if (blockOf.has(spec.name)) continue;
    const group = fused.get(spec.name);
    const members = group ? group.members : [spec.name];
    const parts = members.map((name) => {
      const shape = specs.get(name)!.shape;
      const size = shape.reduce((a, b) => a * b, 1);
      const part = { name, offset, size, shape };
      offset += size;
      blockOf.set(name, group?.key ?? name);
      return part;
    });
    const size = parts.reduce((n, p) => n + p.size, 0);
    const first = specs.get(members[0]!)!.shape;
    const shape = group ? [first[0]! * members.length, ...first.slice(1)] : first;
    blocks.push({ key: group?.key ?? spec.name, offset: parts[0]!.offset, size, shape, parts, decays: decaysParameter(spec.name) });
  }
  return { size: offset, blocks, blockOf };
}

/** The flat vector of a model's weights. */
export function packWeights(layout: FlatLayout, weights: ModelWeights): Float32Array {
  const flat = new Float32Array(layout.size);
  for (const block of layout.blocks) {
    for (const part of block.parts) {
      const tensor = weights.get(part.name);
      if (!tensor || tensor.data.length !== part.size) throw new Error(`packWeights: weight "${part.name}" is missing or has ${tensor?.data.length ?? 0} values, expected ${part.size}`);
      flat.set(tensor.data, part.offset);
    }
  }
  return flat;
}

/** HF weights (copies) from a flat vector. */
export function unpackWeights(layout: FlatLayout, flat: Float32Array): ModelWeights {
  const weights: ModelWeights = new Map();
  for (const block of layout.blocks) {
    for (const part of block.parts) weights.set(part.name, { shape: part.shape, data: flat.slice(part.offset, part.offset + part.size) });
  }
  return weights;
}

/** 1 where AdamW decays the parameter, 0 elsewhere: [P]. */
export function decayMask(layout: FlatLayout): Float32Array {
  const mask = new Float32Array(layout.size);
  for (const block of layout.blocks) if (block.decays) mask.fill(1, block.offset, block.offset + block.size);
  return mask;
}
