/**
 * @file The one place that starts onnxruntime sessions, for probing and for training: thread
 * count, graph optimisation, and the execution provider (`cpu`, or `cuda` through onnxruntime's
 * CUDA execution provider).
 *
 * onnxruntime-node ships CPU binaries; its CUDA provider (libonnxruntime_providers_cuda.so, for
 * CUDA 12 and cuDNN 9, Linux x64 only) is a separate download that its install script fetches from
 * NuGet, and lmkg's .npmrc skips that script (offline machines cannot reach NuGet). So `cuda`
 * first checks that the provider library is there and says how to fetch it when it is not.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { UsageError } from '../errors.js';

/** Where onnxruntime runs: `cpu` or `cuda`. */
export type Device = 'cpu' | 'cuda';
/** The devices onnxruntime can run on. */
export const DEVICES = Object.freeze(['cpu', 'cuda'] as const);

export interface OrtSessionOptions {
  /** Intra-op threads (default: onnxruntime's choice, one per core). */
  threads?: number;
  device?: Device;
  /** Which deviceId of a multi-GPU machine (cuda only; default 0). */
  deviceId?: number;
}

/** The command that installs the CUDA provider next to onnxruntime-node's CPU binaries. */
export const CUDA_INSTALL_COMMAND = 'ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js';

/** Where onnxruntime-node looks for the CUDA provider library on this platform. */
export function cudaProviderPath(): string {
  const packageDir = dirname(dirname(createRequire(import.meta.url).resolve('onnxruntime-node')));
  return join(packageDir, 'bin', 'napi-v6', process.platform, process.arch, 'libonnxruntime_providers_cuda.so');
}

/** Throws a UsageError saying what to install when the CUDA provider cannot be used here. */
export function checkCudaProvider(file = cudaProviderPath()): void {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new UsageError(`--device cuda: onnxruntime-node ships its CUDA execution provider for Linux x64 only (this is ${process.platform}/${process.arch}); use --device cpu`);
  }
  if (!existsSync(file)) {
    throw new UsageError(`--device cuda: onnxruntime's CUDA execution provider is not installed (${file} is missing). It needs an NVIDIA GPU with CUDA 12 and cuDNN 9; install it once with\n  ${CUDA_INSTALL_COMMAND}\nor use --device cpu`);
  }
}

/** Starts a session on the model (bytes or file) with the given threads and device. */
export async function createOrtSession(model: Uint8Array | string, options: OrtSessionOptions = {}): Promise<ort.InferenceSession> {
  const sessionOptions: ort.InferenceSession.SessionOptions = { graphOptimizationLevel: 'all' };
  if (options.threads !== undefined) sessionOptions.intraOpNumThreads = options.threads;
  if ((options.device ?? 'cpu') === 'cuda') {
    checkCudaProvider();
    sessionOptions.executionProviders = [{ name: 'cuda', deviceId: options.deviceId ?? 0 }, 'cpu'];
  }
  try {
    return typeof model === 'string' ? await ort.InferenceSession.create(model, sessionOptions) : await ort.InferenceSession.create(model, sessionOptions);
  } catch (error) {
    if (options.device !== 'cuda') throw error;
    throw new UsageError(`--device cuda: onnxruntime could not start its CUDA execution provider (${(error as Error).message.split('\n')[0]}); check the NVIDIA driver, CUDA 12 and cuDNN 9 libraries (LD_LIBRARY_PATH), or use --device cpu`);
  }
}
