/**
 * @file The one place that sets up the tfjs backend: `@tensorflow/tfjs-node` (libtensorflow) when
 * the user has installed it — lmkg cannot depend on it, its install script downloads
 * libtensorflow — else the WebAssembly backend (@tensorflow/tfjs-backend-wasm, XNNPACK matmuls,
 * about 15-23 GFLOP/s on one core), with the pure-JS cpu backend as a slow fallback.
 * `LMKG_TFJS_BACKEND=tensorflow|wasm|cpu` forces one. Call `initTfBackend()` before building a model.
 */
import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors.js';

export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';

let current: Promise<TfBackendName> | null = null;

/**
 * Selects and initialises the tfjs backend once per process (later calls return the same
 * promise). Throws UsageError if the requested backend cannot start.
 * @example
 * await initTfBackend(); // 'wasm'
 */
export function initTfBackend(preferred: TfBackendName | 'auto' = 'auto'): Promise<TfBackendName> {
  current ??= (async () => {
    const fromEnv = process.env.LMKG_TFJS_BACKEND;
    const wanted = preferred === 'auto' && (fromEnv === 'tensorflow' || fromEnv === 'wasm' || fromEnv === 'cpu') ? fromEnv : preferred;
    if (wanted === 'auto' || wanted === 'tensorflow') {
      if (await startTensorflowBackend()) return 'tensorflow';
      if (wanted === 'tensorflow') {
        throw new UsageError('initTfBackend: @tensorflow/tfjs-node is not installed (or failed to load); install it with `npm install @tensorflow/tfjs-node`, or unset LMKG_TFJS_BACKEND');
      }
    }
    if (wanted !== 'cpu') {
      await import('@tensorflow/tfjs-backend-wasm'); // registers the backend
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return 'wasm';
      }
      throw new UsageError('initTfBackend: the tfjs WebAssembly backend failed to start; reinstall @tensorflow/tfjs-backend-wasm, or use the slow "cpu" backend');
    }
    if (!(await tf.setBackend('cpu'))) throw new UsageError('initTfBackend: the tfjs cpu backend failed to start');
    await tf.ready();
    return 'cpu';
  })();
  current.catch(() => {
    current = null; // a failed start may be retried (e.g. with 'cpu')
  });
  return current;
}

/** Loads @tensorflow/tfjs-node if the user installed it; false when it is absent. */
async function startTensorflowBackend(): Promise<boolean> {
  const name = '@tensorflow/tfjs-node'; // a variable: the package is optional and not a dependency
  try {
    await import(name);
  } catch {
    return false;
  }
  if (!(await tf.setBackend('tensorflow'))) return false;
  await tf.ready();
  return true;
}
