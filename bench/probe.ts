/**
 * @file Probe throughput: all 3,078 re-place-birth sentences (2,683 with one mask) through a
 * random-weight bert-base-shaped model (12 layers, hidden 768, WordPiece vocabulary of about
 * 30k tokens trained by lmkg), end to end with `probe()`, against the bare onnxruntime forward
 * passes of the same batches through the folder's onnx/model.onnx (the graph transformers.js
 * runs: logits at every position; lmkg's probe builds a graph whose MLM head runs on the mask
 * rows only), and against its own time inside onnxruntime; plus peak memory and the speed-up of
 * batching over batch size 1.
 *
 * Run alone: LMKG_DATA_DIR=../shared/data node --import tsx bench/probe.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProber, initModel, loadLamaDataset, MaskedLm, saveTokenizer, trainTokenizer } from '../src/index.js';
import { encodeQueries, planBatches, type EncodedItem } from '../src/internal.js';
import { runAlone } from './table.js';
import type { BenchRow } from './types.js';


const BATCH = 32;
const SUBSET = 200; // queries used for the batch-size-1 comparison

/**
 * Seconds inside onnxruntime's run() for the same batches through onnx/model.onnx (`graph: 'full'`:
 * logits at every position), the inputs built by MaskedLm as probing builds them.
 */
async function bareForward(dir: string, batches: EncodedItem[][]): Promise<number> {
  const full = await MaskedLm.load(dir, { graph: 'full' });
  try {
    for (const batch of batches) await full.maskLogits(batch.map((item) => item.encoded));
    return full.forwardStats.seconds;
  } finally {
    await full.dispose();
  }
}

/** Phase log on stderr (the bench table goes to stdout). */
const log = (message: string): void => {
  process.stderr.write(`[bench/probe ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lmkg-bench-probe-'));
  try {
    const dataDir = process.env.LMKG_DATA_DIR;
    if (!dataDir) throw new Error('bench/probe.ts: set LMKG_DATA_DIR to ../shared/data');
    log('training a WordPiece tokenizer (vocab 30,522) on corpus/bio');
    const tokenizer = await trainTokenizer({ type: 'wordpiece', corpus: [join(dataDir, 'corpus', 'bio')], vocabSize: 30522 });
    await saveTokenizer(tokenizer, join(dir, 'tok'));
    log('writing a random bert-base model');
    const model = await initModel({ arch: 'bert', preset: 'base', tokenizer: join(dir, 'tok'), out: join(dir, 'bert-base'), seed: 1 });

    const dataset = await loadLamaDataset('re-place-birth', { dataDir });
    const prober = await createProber(model.dir);
    const lm = prober.model;
    try {
      // end to end: tokenize, batch, forward, softmax/top-k/ranks in JS, records
      log(`probing ${dataset.queries.length} queries end to end`);
      const forwardBefore = lm.forwardStats.seconds;
      let probeRss = process.memoryUsage().rss;
      let started = performance.now();
      const result = await prober.probe(dataset.queries, {
        batchSize: BATCH,
        onProgress: () => { probeRss = Math.max(probeRss, process.memoryUsage().rss); },
      });
      const endToEnd = (performance.now() - started) / 1000;
      const inRunForward = lm.forwardStats.seconds - forwardBefore;

      log(`end to end: ${endToEnd.toFixed(1)} s; now the bare forward passes`);
      // bare onnxruntime forward passes of the very same batches
      const { items } = encodeQueries(lm, dataset.queries);
      const bare = await bareForward(model.dir, planBatches(items, BATCH).batches);

      log(`bare forward: ${bare.toFixed(1)} s; now batch 1 vs ${BATCH} on ${SUBSET} queries`);
      // batching speed-up on a subset: batch size 1 vs 32
      const subset = dataset.queries.slice(0, SUBSET);
      started = performance.now();
      await prober.probe(subset, { batchSize: 1 });
      const single = (performance.now() - started) / 1000;
      started = performance.now();
      await prober.probe(subset, { batchSize: BATCH });
      const batched = (performance.now() - started) / 1000;

      const sentences = result.records.length;
      const tokens = items.reduce((sum, item) => sum + item.encoded.ids.length, 0);
      return [
        { name: 'probe: sentences', value: sentences, unit: 'sentences', note: `re-place-birth, ${dataset.stats.sentences} sentences, ${dataset.stats.queries} with one mask; ${(tokens / sentences).toFixed(1)} tokens/sentence; bert-base shape, vocab ${model.config.vocabSize}` },
        { name: 'probe: end to end', value: sentences / endToEnd, unit: 'sentences/s', note: `${endToEnd.toFixed(1)} s, batch ${BATCH}` },
        { name: 'probe: bare onnxruntime forward', value: sentences / bare, unit: 'sentences/s', note: `${bare.toFixed(1)} s for the same batches through onnx/model.onnx (logits at every position), time inside onnxruntime run(); lmkg runs the mask-rows graph` },
        { name: 'probe: end to end / bare forward', value: endToEnd / bare, unit: 'ratio', note: 'goal <= 1.2; two separate passes, so other load on the machine can tilt it' },
        { name: 'probe: end to end / its own forward time', value: endToEnd / inRunForward, unit: 'ratio', note: `the same run: ${inRunForward.toFixed(1)} s inside onnxruntime run(), the rest is lmkg (tokenizing, batching, scoring, records)` },
        { name: 'probe: ms per sentence at batch 1', value: (1000 * single) / subset.length, unit: 'ms', note: `first ${subset.length} queries` },
        { name: `probe: ms per sentence at batch ${BATCH}`, value: (1000 * batched) / subset.length, unit: 'ms', note: `first ${subset.length} queries` },
        { name: 'probe: batching speed-up', value: single / batched, unit: 'x', note: `batch ${BATCH} over batch 1` },
        { name: 'probe: peak RSS while probing', value: probeRss / 2 ** 20, unit: 'MiB', note: 'sampled after every batch, model loaded' },
        { name: 'probe: peak RSS of the process', value: process.resourceUsage().maxRSS / 1024, unit: 'MiB', note: 'tokenizer training and model build included' },
      ];
    } finally {
      await prober.dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await runAlone(import.meta.url, run);
