/**
 * @file Benchmark of the tokenizer layer on the whole shared corpus (44 MB of Wikipedia, all files
 * under corpus/bio and corpus/general): training time of byte-level BPE at vocab 52,000 (RoBERTa /
 * the paper) and WordPiece at 30,522 (bert-base-uncased's size), then encode speed of lmkg's
 * tokenizer over the whole corpus (one core), next to tokenizers.js (@huggingface/tokenizers, what
 * transformers.js runs) on the first 2 MB, and the peak memory of the process. CPU seconds are in
 * the notes: on a busy machine they vary less than wall time.
 *
 * Run alone: LMKG_DATA_DIR=../shared/data node --import tsx bench/tokenizers.ts
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Tokenizer as HfTokenizer } from '@huggingface/tokenizers';
import { listCorpusFiles, saveTokenizer, trainTokenizer, type TokenizerKind } from '../src/index.js';
import { runAlone } from './table.js';
import type { BenchRow } from './types.js';


const RUNS: ReadonlyArray<{ type: TokenizerKind; vocabSize: number }> = [
  { type: 'bpe', vocabSize: 52000 },
  { type: 'wordpiece', vocabSize: 30522 },
];

export async function run(): Promise<BenchRow[]> {
  const root = process.env.LMKG_DATA_DIR;
  if (!root) throw new Error('bench/tokenizers: set LMKG_DATA_DIR to ../shared/data');
  const corpus = [join(resolve(root), 'corpus', 'bio'), join(resolve(root), 'corpus', 'general')];
  const files = await listCorpusFiles(corpus);
  const corpusBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const lines = files.flatMap((f) => readFileSync(f.file, 'utf8').split('\n')).filter((l) => l.length > 0);
  const sample: string[] = [];
  for (let bytes = 0, i = 0; bytes < 2e6 && i < lines.length; i++) {
    sample.push(lines[i]!);
    bytes += Buffer.byteLength(lines[i]!);
  }
  const sampleBytes = sample.reduce((sum, l) => sum + Buffer.byteLength(l), 0);
  const note = `${files.length} files, ${(corpusBytes / 1e6).toFixed(1)} MB`;
  const rows: BenchRow[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const out = await mkdtemp(join(tmpdir(), 'lmkg-bench-tok-'));
  try {
    for (const { type, vocabSize } of RUNS) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const tok = await trainTokenizer({ type, corpus, vocabSize, minFrequency: 2 });
      const trainSeconds = (performance.now() - t0) / 1000;
      const trainCpu = cpuSeconds(cpu0);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      rows.push({ name: `${type} train (vocab ${vocabSize})`, value: trainSeconds, unit: 's', note: `${note}; ${tok.training?.uniqueWords} unique words; learned vocab ${tok.vocabSize}; ${trainCpu.toFixed(1)} CPU s` });
      const dir = join(out, type);
      await saveTokenizer(tok, dir);

      // encode: the whole corpus, one line at a time, cold word cache first
      let t1 = performance.now();
      let cpu1 = process.cpuUsage();
      let tokens = 0;
      for (const line of lines) tokens += tok.encode(line).length;
      const coldSeconds = (performance.now() - t1) / 1000;
      const coldCpu = cpuSeconds(cpu1);
      t1 = performance.now();
      cpu1 = process.cpuUsage();
      for (const line of lines) tok.encode(line);
      const warmSeconds = (performance.now() - t1) / 1000;
      const warmCpu = cpuSeconds(cpu1);
      const perCpu = (seconds: number) => `${(corpusBytes / 1e6 / seconds).toFixed(2)} MB per CPU s`;
      rows.push({ name: `${type} encode, lmkg (cold cache)`, value: corpusBytes / 1e6 / coldSeconds, unit: 'MB/s', note: `${tokens} tokens, ${(corpusBytes / tokens).toFixed(2)} bytes/token; ${perCpu(coldCpu)}` });
      rows.push({ name: `${type} encode, lmkg (warm cache)`, value: corpusBytes / 1e6 / warmSeconds, unit: 'MB/s', note: perCpu(warmCpu) });

      const hf = new HfTokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')));
      t1 = performance.now();
      for (const line of sample) hf.encode(line);
      const hfSeconds = (performance.now() - t1) / 1000;
      t1 = performance.now();
      for (const line of sample) tok.encode(line);
      const lmkgSampleSeconds = (performance.now() - t1) / 1000;
      rows.push({ name: `${type} encode, tokenizers.js (first 2 MB)`, value: sampleBytes / 1e6 / hfSeconds, unit: 'MB/s', note: `lmkg is ${(hfSeconds / lmkgSampleSeconds).toFixed(1)}x faster on the same lines (warm)` });
    }
  } finally {
    clearInterval(sampler);
    await rm(out, { recursive: true, force: true });
  }
  rows.push({ name: 'tokenizers bench peak RSS', value: peakRss / 2 ** 30, unit: 'GiB' });
  return rows;
}

/** CPU seconds (user + system) since `start`: steadier than wall time on a shared machine. */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

await runAlone(import.meta.url, run);
