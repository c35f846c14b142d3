/**
 * @file AdamW moments between the two engines' layouts. The tfjs engine keeps linear weights
 * (and so their moments) as [in, out]; the ONNX engine as PyTorch does, [out, in]. Checkpoints
 * record which (`layout` in optimizer.safetensors), so a run can be resumed on the other engine.
 */
import { parameterSpecs, type MaskedLmConfig } from '../lm/index.js';
import type { AdamWState } from './optimizer.js';

/** The state with its linear-weight moments in `target` layout (the same object when already so). */
export function convertMoments(state: AdamWState, config: MaskedLmConfig, target: 'tfjs' | 'pytorch'): AdamWState {
  const current = state.layout ?? 'tfjs';
  if (current === target) return state;
  const moments = new Map(state.moments);
  for (const spec of parameterSpecs(config)) {
    if (spec.kind !== 'linear-weight') continue;
    const [out, inp] = spec.shape as [number, number];
    // pytorch [out, in] -> tfjs [in, out], or back
    const [rows, cols] = target === 'tfjs' ? [out, inp] : [inp, out];
    for (const key of [`m.${spec.name}`, `v.${spec.name}`]) {
      const data = moments.get(key);
      if (data) moments.set(key, transpose(data, rows, cols));
    }
  }
  return { step: state.step, moments, layout: target };
}

function transpose(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) out[c * rows + r] = data[r * cols + c]!;
  return out;
}
