/**
 * @file The one place that sets up the tfjs backend: the WebAssembly backend
 * (@tensorflow/tfjs-backend-wasm, XNNPACK matmuls, about 15-23 GFLOP/s on one core), with the
 * pure-JS cpu backend as a slow fallback. Call `initTfBackend()` before building a tfjs model.
 */
import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors.js';

export type TfBackendName = 'wasm' | 'cpu';

let current: Promise<TfBackendName> | null = null;

/**
 * Selects and initialises the tfjs backend once per process (later calls return the same
 * promise). Throws UsageError if the requested backend cannot start.
 * @example
 * await initTfBackend(); // 'wasm'
 */
export function initTfBackend(preferred: TfBackendName = 'wasm'): Promise<TfBackendName> {
  current ??= (async () => {
    if (preferred === 'wasm') {
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
