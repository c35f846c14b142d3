/**
 * @file Fact triples against all triples, and what the chance baseline costs.
 *
 * 1. Random-initialised models (a tiny RoBERTa and a base-size RoBERTa, `lmkg model init` defaults,
 *    byte-level BPE trained by lmkg on corpus/bio) on the four LAMA datasets through `runStudy` with
 *    its defaults (clause extractor, fact view, chance baseline R = 39): P@1, all-triple F1 (the
 *    paper's graph), fact-triple F1 with its chance band and p-value. A model that knows nothing
 *    scores high on all triples and at chance on fact triples.
 * 2. Cost: the chance baseline's seconds against the rest of the cell (one model on one dataset:
 *    probe, extraction and every metric), from run.json's timings, for the default extractor and
 *    for the demo's four extractors; goal: under 30% of the cell.
 * 3. Block size: the chance band, p-value and parses of one model on re-place-birth for blocks of
 *    2, 4, 8, 16 facts and for rotations of the whole relation (the unrestricted shuffle).
 *
 * Run alone: LMKG_DATA_DIR=../shared/data node --import tsx bench/chance.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chanceBaseline, initModel, loadNlp, probe, runStudy, saveTokenizer, trainTokenizer } from '../src/index.js';
import { runAlone } from './table.js';
import type { BenchRow } from './types.js';

const DATASETS = ['squad', 're-place-birth', 're-date-birth', 're-place-death'];

const log = (message: string): void => {
  process.stderr.write(`[bench/chance ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

const f = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toFixed(3));

export async function run(): Promise<BenchRow[]> {
  const dataDir = process.env.LMKG_DATA_DIR;
  if (!dataDir) throw new Error('bench/chance.ts: set LMKG_DATA_DIR to ../shared/data');
  const dir = mkdtempSync(join(tmpdir(), 'lmkg-bench-chance-'));
  const rows: BenchRow[] = [];
  try {
    log('training a byte-level BPE tokenizer (vocab 30,000) on corpus/bio');
    await saveTokenizer(await trainTokenizer({ type: 'bpe', corpus: [join(dataDir, 'corpus', 'bio')], vocabSize: 30000 }), join(dir, 'tok'));
    const nlp = await loadNlp({ dataDir, typeEntities: false });
    for (const preset of ['tiny', 'base'] as const) {
      const model = (await initModel({ arch: 'roberta', preset, tokenizer: join(dir, 'tok'), out: join(dir, `random-${preset}`), seed: 1 })).dir;
      for (const [label, extractors] of [['clause', ['clause']], ['demo', ['entity-prep', 'svo-plus', 'clause', 'lama']]] as const) {
        if (preset === 'base' && label === 'demo') continue;
        log(`random ${preset} RoBERTa, extractors ${extractors.join(',')}: study on ${DATASETS.join(', ')}`);
        const out = join(dir, `study-${preset}-${label}`);
        const result = await runStudy({ models: [model], datasets: DATASETS, extractors: [...extractors], out, dataDir, report: false, nlp: { modelFile: nlp.modelFile } });
        const timings = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).timings as Record<string, number>;
        for (const dataset of DATASETS) {
          const key = `${dataset}/random-${preset}`;
          const chance = timings[`chance ${key}`] ?? 0;
          const cell = Object.entries(timings).filter(([name]) => name !== `chance ${key}` && (name.endsWith(` ${key}`) || name.includes(` ${key}/`))).reduce((s, [, v]) => s + v, 0);
          rows.push({
            name: `chance.cost.${preset}.${label}.${dataset}`, value: cell > 0 ? chance / cell : 0, unit: 'x cell',
            note: `chance ${chance.toFixed(1)} s vs the rest of the cell ${cell.toFixed(1)} s (probe, ${extractors.length} extractor(s), metrics); R = 39, blocks of 4; goal < 0.30`,
          });
          if (label !== 'clause') continue;
          for (const row of result.summary.filter((r) => r.dataset === dataset)) {
            const c = row.chance.factF1;
            rows.push({
              name: `chance.random-${preset}.${dataset}.${row.extractor}`, value: row.factF1 ?? 0, unit: 'fact F1',
              note: `P@1 ${f(row.p1)}; all-triple F1 ${f(row.allTripleF1)}; fact F1 ${f(row.factF1)}, chance ${f(c?.mean)} [${f(c?.low)}, ${f(c?.high)}], p ${f(c?.p)}; slot coverage ${f(row.slotCoverage)}`,
            });
          }
        }
      }
    }

    log('block sizes: the tiny random model on re-place-birth');
    const records = (await probe(join(dir, 'random-tiny'), 're-place-birth', { dataDir })).records;
    for (const blockSize of [2, 4, 8, 16, records.length]) {
      let stats = { parsed: 0, cached: 0, seconds: 0 };
      const [clause] = chanceBaseline(records, { extractors: ['clause'], parse: nlp.parse, replicates: 39, seed: 1337, blockSize, onStats: (s) => { stats = s; } });
      const band = clause!.overall;
      rows.push({
        name: `chance.block-size.${blockSize === records.length ? 'whole-relation' : blockSize}`, value: stats.seconds, unit: 's',
        note: `${stats.parsed} sentences parsed for ${records.length} queries; fact F1 chance ${f(band.f1.mean)} [${f(band.f1.low)}, ${f(band.f1.high)}] p ${f(band.f1.p)}; ` +
          `slot coverage chance ${f(band.slot.mean)} [${f(band.slot.low)}, ${f(band.slot.high)}] p ${f(band.slot.p)}`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

await runAlone(import.meta.url, run);
