/**
 * @file Kernels for training on the tfjs WebAssembly backend.
 *
 * - UnsortedSegmentSum, which the backend lacks, is the gradient of tf.gather (every embedding
 *   lookup): without it the wasm backend cannot train at all, and the cpu backend's version takes
 *   about 100 s a step for a 5,000-row table. This one is a plain scatter-add over rows,
 *   O(rows x row size), reading and writing the wasm heap directly.
 * - BatchMatMul with a batch (attention: [B, heads, S, d] products, forward and backward) runs
 *   through the backend's slow generic loop; only single 2-D products without transposes reach
 *   XNNPACK. The override below copies each batch slice (transposed where asked) into fresh
 *   tensors and multiplies it on the fast path: about 2x faster for attention-sized slices.
 *   Fresh tensors matter: XNNPACK caches packed weights by tensor id.
 */
import * as tf from '@tensorflow/tfjs';

interface WasmBackendLike {
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

interface WasmBackendFull extends WasmBackendLike {
  disposeData(dataId: object): void;
}

let registered = false;

/** Registers the missing kernels for the wasm backend (idempotent). */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const wasm = backend as unknown as WasmBackendLike;
      const leading = segmentIds.shape.reduce((a, b) => a * b, 1);
      const inner = x.shape.slice(segmentIds.shape.length);
      const rowSize = inner.reduce((a, b) => a * b, 1);
      const out = wasm.makeOutput([numSegments, ...inner], x.dtype);
      const values = wasm.typedArrayFromHeap(x);
      const ids = wasm.typedArrayFromHeap(segmentIds);
      const result = wasm.typedArrayFromHeap(out);
      result.fill(0);
      for (let row = 0; row < leading; row += 1) {
        const segment = ids[row]!;
        if (segment < 0 || segment >= numSegments) continue; // as TensorFlow: out-of-range ids are dropped
        const from = row * rowSize;
        const to = segment * rowSize;
        for (let i = 0; i < rowSize; i += 1) result[to + i] = result[to + i]! + values[from + i]!;
      }
      return out;
    },
  });
  registerBatchedMatMul();
}

function registerBatchedMatMul(): void {
  const original = tf.getKernel('BatchMatMul', 'wasm');
  if (!original) return;
  const originalFunc = original.kernelFunc;
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      const { inputs, attrs, backend } = args as unknown as { inputs: { a: tf.TensorInfo; b: tf.TensorInfo }; attrs: { transposeA: boolean; transposeB: boolean }; backend: WasmBackendFull };
      const { a, b } = inputs;
      const batchA = a.shape.slice(0, -2).reduce((x, y) => x * y, 1);
      const batchB = b.shape.slice(0, -2).reduce((x, y) => x * y, 1);
      if (batchA === 1 || batchA !== batchB || a.dtype !== 'float32') return originalFunc(args);
      const { transposeA, transposeB } = attrs;
      const [aRows, aCols] = a.shape.slice(-2) as [number, number];
      const [bRows, bCols] = b.shape.slice(-2) as [number, number];
      const m = transposeA ? aCols : aRows;
      const k = transposeA ? aRows : aCols;
      const n = transposeB ? bRows : bCols;
      const out = backend.makeOutput([...a.shape.slice(0, -2), m, n], 'float32');
      for (let i = 0; i < batchA; i += 1) {
        const aSlice = backend.makeOutput([1, m, k], 'float32');
        const bSlice = backend.makeOutput([1, k, n], 'float32');
        copySlice(backend.typedArrayFromHeap(a) as Float32Array, i * aRows * aCols, aRows, aCols, transposeA, backend.typedArrayFromHeap(aSlice) as Float32Array);
        copySlice(backend.typedArrayFromHeap(b) as Float32Array, i * bRows * bCols, bRows, bCols, transposeB, backend.typedArrayFromHeap(bSlice) as Float32Array);
        const product = originalFunc({ inputs: { a: aSlice, b: bSlice }, attrs: { transposeA: false, transposeB: false }, backend } as unknown as Parameters<typeof originalFunc>[0]) as tf.TensorInfo;
        (backend.typedArrayFromHeap(out) as Float32Array).set(backend.typedArrayFromHeap(product) as Float32Array, i * m * n);
        backend.disposeData(product.dataId);
        backend.disposeData(aSlice.dataId);
        backend.disposeData(bSlice.dataId);
      }
      return out;
    },
  });
}

/** Copies a [rows, cols] slice at `offset` into `target`, transposed to [cols, rows] when asked. */
function copySlice(source: Float32Array, offset: number, rows: number, cols: number, transpose: boolean, target: Float32Array): void {
  if (!transpose) {
    target.set(source.subarray(offset, offset + rows * cols));
    return;
  }
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) target[c * rows + r] = source[offset + r * cols + c]!;
  }
}
