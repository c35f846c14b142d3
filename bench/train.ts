/**
 * @file Training throughput of the `tiny` and `small` presets on both engines, in one run: tokens/s
 * and achieved GFLOP/s of the tfjs reference and of the ONNX engine, next to the matmul peak of
 * each engine's own runtime on the model's largest GEMM shape ([batch x block, hidden] x [hidden,
 * intermediate]) at the same thread count.
 * Run alone: LMKG_DATA_DIR=../shared/data node --import tsx bench/train.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { availableCpus, readModelConfig, train, type TrainConfig } from '../src/index.js';
import { encodeModel, GraphBuilder, initTfBackend, ONNX_TYPES, valueInfo } from '../src/internal.js';
import { runAlone } from './table.js';
import type { BenchRow } from './types.js';

const WARMUP_STEPS = 3;

/** Matmul FLOPs of one training token: 3 x forward (backward = 2 x forward), MLM head on the masked share only. */
export function trainingFlopsPerToken(c: Pick<TrainConfig, 'hiddenSize' | 'numLayers' | 'intermediateSize' | 'mlmProbability'>, vocab: number, seqLen: number): number {
  const h = c.hiddenSize;
  const perLayer = 2 * (4 * h * h + 2 * h * c.intermediateSize) + 4 * seqLen * h;
  const head = c.mlmProbability * 2 * (h * h + h * vocab);
  return 3 * (c.numLayers * perLayer + head);
}

/** Best GFLOP/s of a plain 2-D matmul [m,k] x [k,n] on the current tfjs backend. */
async function tfjsMatmulPeak(m: number, k: number, n: number): Promise<number> {
  const a = tf.randomNormal([m, k]);
  const b = tf.randomNormal([k, n]);
  let best = Infinity;
  for (let i = 0; i < 8; i += 1) {
    const start = performance.now();
    const c = tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);
    await c.data();
    c.dispose();
    if (i > 1) best = Math.min(best, performance.now() - start);
  }
  a.dispose();
  b.dispose();
  return (2 * m * k * n) / (best / 1000) / 1e9;
}

/** Best GFLOP/s of onnxruntime's MatMul [m,k] x [k,n] with `threads` intra-op threads (the run's own copies included). */
async function onnxMatmulPeak(m: number, k: number, n: number, threads: number): Promise<number> {
  const g = new GraphBuilder();
  g.named('c', 'MatMul', ['a', 'b']);
  const float = ONNX_TYPES.float32;
  const model = encodeModel(g, { name: 'matmul', opset: 17, inputs: [valueInfo('a', float, [m, k]), valueInfo('b', float, [k, n])], outputs: [valueInfo('c', float, [m, n])] });
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: threads, graphOptimizationLevel: 'all' });
  const a = new ort.Tensor('float32', Float32Array.from({ length: m * k }, (_, i) => Math.sin(i)), [m, k]);
  const b = new ort.Tensor('float32', Float32Array.from({ length: k * n }, (_, i) => Math.cos(i)), [k, n]);
  let best = Infinity;
  for (let i = 0; i < 40; i += 1) {
    const start = performance.now();
    await session.run({ a, b });
    if (i > 4) best = Math.min(best, performance.now() - start);
  }
  await session.release();
  return (2 * m * k * n) / (best / 1000) / 1e9;
}

interface EngineRun { tokensPerSecond: number; meanTokensPerSecond: number; gflops: number; backend: string; parameters: number; vocab: number; config: TrainConfig }

async function measure(corpus: string, preset: string, engine: 'tfjs' | 'onnx', steps: number, threads: number): Promise<EngineRun> {
  const out = mkdtempSync(join(tmpdir(), `lmkg-bench-train-${preset}-${engine}-`));
  try {
    const result = await train({ corpus: [corpus], out, preset, config: { maxSteps: WARMUP_STEPS + steps, blockMode: 'packed', engine, threads } });
    const log = result.state.log;
    const first = log[WARMUP_STEPS - 1]!;
    const last = log.at(-1)!;
    const meanTokensPerSecond = (last.tokens - first.tokens) / (last.seconds - first.seconds);
    // the median step: other work on a shared machine lengthens some steps, which a mean would
    // charge to the engine (the matmul peak it is compared with is a best-of-40 on its side)
    const rates = log.slice(WARMUP_STEPS).map((entry, i) => (entry.tokens - log[WARMUP_STEPS - 1 + i]!.tokens) / (entry.seconds - log[WARMUP_STEPS - 1 + i]!.seconds)).sort((a, b) => a - b);
    const tokensPerSecond = rates[Math.floor(rates.length / 2)]!;
    const config = result.state.config;
    const vocab = readModelConfig(join(out, 'epoch-0')).config.vocabSize;
    return { tokensPerSecond, meanTokensPerSecond, gflops: (tokensPerSecond * trainingFlopsPerToken(config, vocab, config.blockSize)) / 1e9, backend: result.backend, parameters: result.parameters, vocab, config };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const dataDir = process.env.LMKG_DATA_DIR;
  if (!dataDir) throw new Error('bench/train: set LMKG_DATA_DIR to ../shared/data');
  const corpus = join(dataDir, 'corpus', 'bio', 'bio_000.txt');
  const threads = availableCpus();
  const backend = await initTfBackend();
  const rows: BenchRow[] = [];
  const cases = [
    { preset: 'tiny', tfjsSteps: 25, onnxSteps: 60 },
    { preset: 'small', tfjsSteps: 8, onnxSteps: 24 },
  ] as const;
  for (const { preset, tfjsSteps, onnxSteps } of cases) {
    const reference = await measure(corpus, preset, 'tfjs', tfjsSteps, threads);
    const fast = await measure(corpus, preset, 'onnx', onnxSteps, threads);
    const { config, vocab } = fast;
    const [m, k, n] = [config.batchSize * config.blockSize, config.hiddenSize, config.intermediateSize];
    const shape = `[${m},${k}]x[${k},${n}]`;
    const onnxPeak = await onnxMatmulPeak(m, k, n, threads);
    const tfjsPeak = await tfjsMatmulPeak(m, k, n);
    const model = `${config.numLayers} layers, hidden ${k}, vocab ${vocab}, batch ${config.batchSize} x ${config.blockSize} tokens (packed), dropout ${config.hiddenDropout}, ${fast.parameters.toLocaleString('en-US')} params`;
    rows.push({ name: `train ${preset}: tfjs tokens/s`, value: reference.tokensPerSecond, unit: 'tokens/s', note: `median of ${tfjsSteps} steps after ${WARMUP_STEPS} warm-up (mean ${reference.meanTokensPerSecond.toFixed(0)}) on ${reference.backend}; ${model}` });
    rows.push({ name: `train ${preset}: tfjs achieved`, value: reference.gflops, unit: 'GFLOP/s', note: `${((100 * reference.gflops) / tfjsPeak).toFixed(0)}% of tfjs-${backend}'s own matmul peak ${tfjsPeak.toFixed(1)} GFLOP/s on ${shape}` });
    rows.push({ name: `train ${preset}: onnx tokens/s`, value: fast.tokensPerSecond, unit: 'tokens/s', note: `median of ${onnxSteps} steps after ${WARMUP_STEPS} warm-up (mean ${fast.meanTokensPerSecond.toFixed(0)}) on ${fast.backend}` });
    rows.push({ name: `train ${preset}: onnx achieved`, value: fast.gflops, unit: 'GFLOP/s', note: 'matmul FLOPs (2mnk; training = 3 x forward; MLM head on the masked share)' });
    rows.push({ name: `train ${preset}: onnxruntime matmul peak`, value: onnxPeak, unit: 'GFLOP/s', note: `best MatMul ${shape}, ${threads} threads, same run` });
    rows.push({ name: `train ${preset}: onnx share of peak`, value: (100 * fast.gflops) / onnxPeak, unit: '%', note: 'goal >= 50%' });
    rows.push({ name: `train ${preset}: speed-up onnx / tfjs`, value: fast.tokensPerSecond / reference.tokensPerSecond, unit: 'x', note: 'goal >= 2 (tokens/s, same config and data)' });
  }
  return rows;
}

await runAlone(import.meta.url, run);
