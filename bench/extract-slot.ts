/**
 * @file The slot measures of the extractor benchmark (issue 14), called by bench/extract.ts:
 *
 * - slot and fact coverage (`slotCoverageSummary`) of each sentence extractor per dataset and
 *   relation, on all gold-filled queries and on the development and held-out halves (`factSplit`:
 *   the `clause` rules were written reading development sentences only);
 * - held-out slot misses of `svo-plus` and `clause` by sentence shape (`sentenceShape`);
 * - precision of slot-touching triples against the hand labels of test/extract/fixtures/
 *   slot-precision-{dev,heldout}.json (`labelledPrecision`; triples the labels do not cover are
 *   counted apart);
 * - the hand-written sentences of test/extract/fixtures/slot-sentences.json (`judgeSlotSentence`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRACTORS, extractTriples, type ExtractorName, type PredictionRecord, type SentenceExtractor, type SentenceParser } from '../src/index.js';
import {
  SENTENCE_SHAPES, factSplit, judgeSlotSentence, labelledPrecision, markedSentence, querySlotCoverage, sentenceShape,
  slotCoverageSummary, slotTouchingTriples, type LabelledTriple,
} from '../src/internal.js';
import { printBenchTable } from './table.js';
import type { BenchRow } from './types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'extract', 'fixtures');
const PARTS = ['all', 'development', 'held-out'] as const;

interface PrecisionFixture {
  entries: Array<{ queryId: string; sentence: string; triples: LabelledTriple[] }>;
}
interface SlotSentencesFixture {
  sentences: Array<{ text: string; accept: Array<[string, string, string]> }>;
}

const percent = (share: number | null): number => (share === null ? Number.NaN : 100 * share);

/** Every slot row (see the file comment) for gold-filled records of several datasets. */
export function slotRows(records: readonly PredictionRecord[], parse: SentenceParser, extractors: readonly ExtractorName[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const sentenceExtractors = extractors.filter((name) => EXTRACTORS[name].input === 'sentence');
  const datasets = [...new Set(records.map((record) => record.dataset))];
  for (const name of sentenceExtractors) {
    const triples = extractTriples(records, { extractor: name, side: 'gold', parse });
    for (const dataset of datasets) {
      for (const part of PARTS) {
        const own = records.filter((record) => record.dataset === dataset && (part === 'all' || factSplit(record.factId) === part));
        for (const figures of slotCoverageSummary(own, triples).byRelation) {
          const cell = `${dataset}.${figures.relation}.${name}.${part}`;
          rows.push({ name: `extract.slot-coverage.${cell}`, value: percent(figures.slot), unit: '%', note: `${figures.queries} queries` });
          rows.push({ name: `extract.fact-coverage.${cell}`, value: percent(figures.fact), unit: '%', note: `${figures.queries} queries` });
        }
      }
      if (name === 'svo-plus' || name === 'clause') rows.push(...shapeRows(records.filter((r) => r.dataset === dataset && factSplit(r.factId) === 'held-out'), triples, dataset, name));
    }
  }
  for (const part of ['dev', 'heldout'] as const) {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, `slot-precision-${part}.json`), 'utf8')) as PrecisionFixture;
    for (const name of ['svo-plus', 'clause'] as const) rows.push(precisionRow(fixture, records, parse, name, part));
  }
  const sentences = JSON.parse(readFileSync(join(FIXTURES, 'slot-sentences.json'), 'utf8')) as SlotSentencesFixture;
  for (const name of sentenceExtractors) rows.push(handLabelledRow(sentences, parse, name));
  return rows;
}

/** Held-out queries whose slot no triple holds, by sentence shape. */
function shapeRows(records: readonly PredictionRecord[], triples: Parameters<typeof querySlotCoverage>[1], dataset: string, name: string): BenchRow[] {
  const coverage = new Map(querySlotCoverage(records, triples).map((query) => [query.queryId, query.slot]));
  const counts = new Map<string, { queries: number; missed: number }>();
  for (const record of records) {
    const shape = sentenceShape(record.maskedSentence, record.subject);
    const count = counts.get(shape) ?? { queries: 0, missed: 0 };
    count.queries += 1;
    if (!coverage.get(record.queryId)) count.missed += 1;
    counts.set(shape, count);
  }
  return SENTENCE_SHAPES.filter((shape) => counts.has(shape)).map((shape) => ({
    name: `extract.slot-missed-by-shape.${dataset}.${name}.${shape}`, value: counts.get(shape)!.missed, unit: 'queries',
    note: `of ${counts.get(shape)!.queries} held-out queries of this shape`,
  }));
}

function precisionRow(fixture: PrecisionFixture, records: readonly PredictionRecord[], parse: SentenceParser, name: 'svo-plus' | 'clause', part: string): BenchRow {
  const extractor = EXTRACTORS[name] as SentenceExtractor;
  const byQuery = new Map(records.map((record) => [record.queryId, record]));
  let triples = 0;
  let labelled = 0;
  let correct = 0;
  for (const entry of fixture.entries) {
    const record = byQuery.get(entry.queryId);
    if (record?.slot === undefined) throw new Error(`bench/extract-slot.ts: labelled query ${entry.queryId} is not among the gold-filled records`);
    const found = slotTouchingTriples(extractor, parse(record.goldSentence), { text: record.goldSentence, slot: record.slot.gold });
    const judged = labelledPrecision(found, entry.triples);
    triples += judged.triples;
    labelled += judged.labelled;
    correct += judged.correct;
  }
  return {
    name: `extract.slot-precision.${part}.${name}`, value: labelled === 0 ? Number.NaN : (100 * correct) / labelled, unit: '%',
    note: `${correct}/${labelled} labelled triples correct; ${triples} slot-touching triples (${triples - labelled} unlabelled) on ${fixture.entries.length} sentences`,
  };
}

function handLabelledRow(fixture: SlotSentencesFixture, parse: SentenceParser, name: ExtractorName): BenchRow {
  const extractor = EXTRACTORS[name] as SentenceExtractor;
  let right = 0;
  let caught = 0;
  for (const entry of fixture.sentences) {
    const sentence = markedSentence(entry.text);
    const accept = entry.accept.map(([subject, relation, object]) => ({ subject, relation, object }));
    const judged = judgeSlotSentence(extractor, parse(sentence.text), sentence, accept);
    if (judged.right) right += 1;
    if (judged.caught) caught += 1;
  }
  return { name: `extract.hand-labelled.${name}`, value: right, unit: 'sentences', note: `right of ${fixture.sentences.length} (${caught} caught)` };
}

/** The coverage table: slot / fact coverage per dataset and relation, extractor and part. */
export function printSlotTable(rows: readonly BenchRow[], extractors: readonly ExtractorName[]): void {
  const value = (name: string) => rows.find((row) => row.name === name)?.value;
  const cells = rows.filter((row) => row.name.startsWith('extract.slot-coverage.'));
  const datasets = [...new Set(cells.map((row) => row.name.split('.').slice(2, 4).join('.')))];
  console.log('\nslot / fact coverage (%) on gold-filled sentences: all | development | held-out');
  console.log(`${'dataset.relation'.padEnd(32)}${extractors.filter((e) => EXTRACTORS[e].input === 'sentence').map((e) => e.padStart(34)).join('')}`);
  for (const dataset of datasets) {
    const parts = extractors.filter((e) => EXTRACTORS[e].input === 'sentence').map((extractor) => PARTS.map((part) => {
      const slot = value(`extract.slot-coverage.${dataset}.${extractor}.${part}`);
      const fact = value(`extract.fact-coverage.${dataset}.${extractor}.${part}`);
      return slot === undefined ? '' : `${slot.toFixed(1)}/${fact!.toFixed(1)}`;
    }).join(' ').padStart(34));
    console.log(`${dataset.padEnd(32)}${parts.join('')}`);
  }
  printBenchTable(rows.filter((r) => r.name.startsWith('extract.slot-precision.') || r.name.startsWith('extract.hand-labelled.')));
}
