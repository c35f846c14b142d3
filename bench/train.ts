/**
 * @file Training throughput: tokens/s and achieved GFLOP/s of the `tiny` and `small` presets next to
 * the measured 2-D matmul peak of the same tfjs backend, in the same run.
 * Run alone: LMKG_DATA_DIR=../shared/data node --import tsx bench/train.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initTfBackend, train, type TrainConfig } from '../src/index.js';
import type { BenchRow } from './types.js';

const WARMUP_STEPS = 3;

/** Matmul FLOPs of one training token: 3 x forward (backward = 2 x forward), MLM head on the masked share only. */
export function trainingFlopsPerToken(c: Pick<TrainConfig, 'hiddenSize' | 'numLayers' | 'intermediateSize' | 'mlmProbability'>, vocab: number, seqLen: number): number {
  const h = c.hiddenSize;
  const perLayer = 2 * (4 * h * h + 2 * h * c.intermediateSize) + 4 * seqLen * h;
  const head = c.mlmProbability * 2 * (h * h + h * vocab);
  return 3 * (c.numLayers * perLayer + head);
}

/** Best-of-5 GFLOP/s of a plain 2-D matmul [m,k] x [k,n] on the current backend. */
async function matmulPeak(m: number, k: number, n: number): Promise<number> {
  const a = tf.randomNormal([m, k]);
  const b = tf.randomNormal([k, n]);
  let best = Infinity;
  for (let i = 0; i < 6; i += 1) {
    const start = performance.now();
    const c = tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);
    await c.data();
    c.dispose();
    if (i > 0) best = Math.min(best, performance.now() - start);
  }
  a.dispose();
  b.dispose();
  return (2 * m * k * n) / (best / 1000) / 1e9;
}

export async function run(): Promise<BenchRow[]> {
  const dataDir = process.env.LMKG_DATA_DIR;
  if (!dataDir) throw new Error('bench/train: set LMKG_DATA_DIR to ../shared/data');
  const backend = await initTfBackend();
  const rows: BenchRow[] = [];
  const cases = [
    { preset: 'tiny', steps: 25 },
    { preset: 'small', steps: 8 },
  ] as const;
  for (const { preset, steps } of cases) {
    const out = mkdtempSync(join(tmpdir(), `lmkg-bench-train-${preset}-`));
    try {
      const result = await train({
        corpus: [join(dataDir, 'corpus', 'bio', 'bio_000.txt')], out, preset,
        config: { maxSteps: WARMUP_STEPS + steps, blockMode: 'packed' },
      });
      const log = result.state.log;
      const first = log[WARMUP_STEPS - 1]!;
      const last = log.at(-1)!;
      const tokensPerSecond = (last.tokens - first.tokens) / (last.seconds - first.seconds);
      const config = result.state.config;
      const modelVocab = (await import('../src/index.js')).readModelConfig(join(out, 'epoch-0')).config.vocabSize;
      const gflops = (tokensPerSecond * trainingFlopsPerToken(config, modelVocab, config.blockSize)) / 1e9;
      const h = config.hiddenSize;
      const peak = await matmulPeak(config.batchSize * config.blockSize, h, config.intermediateSize);
      const shape = `${config.numLayers} layers, hidden ${h}, vocab ${modelVocab}, batch ${config.batchSize} x ${config.blockSize} tokens (packed), ${result.parameters.toLocaleString('en-US')} params`;
      rows.push({ name: `train ${preset}: tokens/s`, value: tokensPerSecond, unit: 'tokens/s', note: `${steps} steps after ${WARMUP_STEPS} warm-up, ${shape}` });
      rows.push({ name: `train ${preset}: achieved`, value: gflops, unit: 'GFLOP/s', note: `matmul FLOPs (3 x forward, MLM head on 15% of tokens), tfjs-${backend}` });
      rows.push({ name: `train ${preset}: matmul peak`, value: peak, unit: 'GFLOP/s', note: `best 2-D matmul [${config.batchSize * config.blockSize},${h}]x[${h},${config.intermediateSize}], same run` });
      rows.push({ name: `train ${preset}: share of peak`, value: (100 * gflops) / peak, unit: '%', note: 'goal >= 50%' });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(`${row.name}\t${row.value.toFixed(2)} ${row.unit}\t${row.note ?? ''}`);
}
