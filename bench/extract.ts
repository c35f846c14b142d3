/**
 * @file Extractor coverage and throughput on the gold-filled LAMA sentences (SQuAD and the three
 * Google-RE relations, about 6,000 queries): each query's masked sentence filled with its gold object.
 *
 * Coverage: the share of facts for which an extractor yields, from at least one of the fact's
 * gold-filled sentences, a triple that *links* the fact: one argument names the subject (shares a
 * content word with the subject label) and the other holds the gold object (its words as a
 * contiguous run), in either direction; for SQuAD (no subject), a triple with the gold as either
 * argument (`tripleLinksFact` in src/extract/coverage.ts). Missed facts are counted by sentence shape
 * (`sentenceShape`, on the fact's first sentence) and by the dependency relation of the gold object
 * in the parse (`goldRole`).
 *
 * Throughput: parsing every sentence once, each extractor over the parsed sentences, and the whole
 * `extractKnowledgeGraphs` step (predicted and gold graphs, here both from the gold sentences, with
 * the parse cache fresh) per extractor.
 *
 * Slot measures (issue 14, bench/extract-slot.ts): slot and fact coverage per extractor, dataset and
 * relation, on all queries and on the development and held-out halves of the facts; held-out
 * precision of slot-touching triples against hand labels; the hand-written sentences.
 *
 * Run alone: LMKG_DATA_DIR=../shared/data node --import tsx bench/extract.ts
 * (the first run trains the dependency parser, about 4 minutes, and caches it).
 */
import {
  EXTRACTORS, extractKnowledgeGraphs, loadLamaDataset, loadNlp, type ExtractorName, type ParsedSentence, type PredictionRecord,
  type Triple,
} from '../src/index.js';
import { SENTENCE_SHAPES, goldFilledRecord, goldRole, sentenceShape, tripleLinksFact, type SentenceShape } from '../src/internal.js';
import { printSlotTable, slotRows } from './extract-slot.js';
import { printBenchTable } from './table.js';
import type { BenchRow } from './types.js';


const DATASETS = ['squad', 're-place-birth', 're-date-birth', 're-place-death'] as const;
const EXTRACTOR_ORDER: ExtractorName[] = ['entity-prep', 'svo', 'svo-plus', 'clause', 'lama'];
/** The sentence extractors, in table order. */
const SENTENCE_EXTRACTORS = EXTRACTOR_ORDER.filter((name) => EXTRACTORS[name].input === 'sentence');

interface Coverage {
  dataset: string;
  extractor: ExtractorName;
  facts: number;
  coveredFacts: number;
  queries: number;
  coveredQueries: number;
  /** Facts and covered facts per sentence shape. */
  shapes: Map<SentenceShape, { facts: number; covered: number }>;
  /** Missed facts by the gold object's dependency relation. */
  missedRoles: Map<string, number>;
  /** Facts the extractor could not run on (the lama extractor on SQuAD). */
  notApplicable: boolean;
}

/** Seconds of CPU time this process used since `since` (user + system); less sensitive than wall time to a busy machine. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export async function run(): Promise<BenchRow[]> {
  const dataDir = process.env.LMKG_DATA_DIR;
  if (!dataDir) throw new Error('bench/extract.ts: set LMKG_DATA_DIR to ../shared/data');
  const rows: BenchRow[] = [];

  let started = performance.now();
  // no extractor reads entity types; typing them (compromise) would triple the parse time
  const nlp = await loadNlp({ dataDir, typeEntities: false });
  rows.push({ name: 'extract.parser-load', value: (performance.now() - started) / 1000, unit: 's', note: `${nlp.modelFile} (includes training when it was not cached)` });
  rows.push({ name: 'extract.machine-load', value: (await import('node:os')).loadavg()[0]!, unit: 'load avg', note: 'timings are wall-clock; a busy machine inflates them' });

  const records: PredictionRecord[] = [];
  // each query's masked sentence with the gold in the blank, and the blank's span (the slot)
  for (const id of DATASETS) records.push(...(await loadLamaDataset(id, { dataDir })).queries.map((query) => goldFilledRecord(query)));
  const sentences = records.map((record) => record.goldSentence);

  // parse every sentence once
  started = performance.now();
  let cpu = process.cpuUsage();
  const parsed = new Map<string, ParsedSentence>();
  for (const text of sentences) if (!parsed.has(text)) parsed.set(text, nlp.parse(text));
  const parseSeconds = (performance.now() - started) / 1000;
  const tokens = [...parsed.values()].reduce((sum, sentence) => sum + sentence.tokens.length, 0);
  rows.push({ name: 'extract.parse', value: parseSeconds, unit: 's', note: `${parsed.size} distinct sentences of ${records.length}, ${tokens} tokens; CPU ${cpuSeconds(cpu).toFixed(1)} s` });
  rows.push({ name: 'extract.parse-rate', value: parsed.size / parseSeconds, unit: 'sentences/s' });

  // each extractor over the parsed sentences (extraction only), and coverage
  const coverages: Coverage[] = [];
  for (const name of EXTRACTOR_ORDER) {
    const extractor = EXTRACTORS[name];
    const triplesOf = new Map<string, Triple[]>();
    started = performance.now();
    let count = 0;
    for (const record of records) {
      let triples: Triple[];
      if (extractor.input === 'sentence') {
        triples = extractor.extract(parsed.get(record.goldSentence)!);
      } else {
        if (record.subject === null) continue;
        triples = extractor.extract(record, 'gold');
      }
      triplesOf.set(record.queryId, triples);
      count += triples.length;
    }
    const seconds = (performance.now() - started) / 1000;
    rows.push({ name: `extract.${name}.extract-only`, value: seconds * 1000, unit: 'ms', note: `${count} triples from ${triplesOf.size} sentences` });
    for (const dataset of DATASETS) coverages.push(measureCoverage(dataset, name, records.filter((r) => r.dataset === dataset), triplesOf, parsed));
  }

  // the whole step per extractor: parse (fresh cache) + extract both sides + build and compare graphs
  for (const name of EXTRACTOR_ORDER) {
    const usable = name === 'lama' ? records.filter((record) => record.subject !== null) : records;
    started = performance.now();
    cpu = process.cpuUsage();
    const result = extractKnowledgeGraphs(usable, { extractor: name, parse: nlp.parse });
    const seconds = (performance.now() - started) / 1000;
    rows.push({
      name: `extract.${name}.graphs-end-to-end`, value: seconds, unit: 's',
      note: `${usable.length} records, CPU ${cpuSeconds(cpu).toFixed(1)} s; gold graph ${result.gold.order} nodes, ${result.gold.size} edges`,
    });
  }

  rows.push(...slotRows(records, (text) => parsed.get(text) ?? nlp.parse(text), EXTRACTOR_ORDER));

  for (const c of coverages) {
    if (c.notApplicable) continue;
    rows.push({
      name: `extract.coverage.${c.dataset}.${c.extractor}`, value: (100 * c.coveredFacts) / c.facts, unit: '%',
      note: `${c.coveredFacts}/${c.facts} facts; ${c.coveredQueries}/${c.queries} sentences`,
    });
  }
  for (const c of coverages) {
    if (c.notApplicable || c.extractor === 'lama') continue;
    for (const [shape, counts] of c.shapes) {
      rows.push({ name: `extract.missed-by-shape.${c.dataset}.${c.extractor}.${shape}`, value: counts.facts - counts.covered, unit: 'facts', note: `of ${counts.facts} facts of this shape` });
    }
    for (const [role, missed] of [...c.missedRoles].sort((a, b) => b[1] - a[1])) {
      rows.push({ name: `extract.missed-by-role.${c.dataset}.${c.extractor}.${role}`, value: missed, unit: 'facts', note: 'missed facts whose gold object has this relation in the parse' });
    }
  }
  return rows;
}

function measureCoverage(dataset: string, extractor: ExtractorName, records: PredictionRecord[], triplesOf: Map<string, Triple[]>, parsed: Map<string, ParsedSentence>): Coverage {
  const coverage: Coverage = {
    dataset, extractor, facts: 0, coveredFacts: 0, queries: 0, coveredQueries: 0, shapes: new Map(), missedRoles: new Map(),
    notApplicable: extractor === 'lama' && records.every((record) => record.subject === null),
  };
  const byFact = new Map<string, PredictionRecord[]>();
  for (const record of records) byFact.set(record.factId, [...(byFact.get(record.factId) ?? []), record]);
  for (const [, factRecords] of byFact) {
    const first = factRecords[0]!;
    const fact = { subject: first.subject, gold: first.gold };
    let covered = false;
    for (const record of factRecords) {
      const linked = (triplesOf.get(record.queryId) ?? []).some((triple) => tripleLinksFact(triple, fact));
      coverage.queries += 1;
      if (linked) coverage.coveredQueries += 1;
      covered ||= linked;
    }
    coverage.facts += 1;
    if (covered) coverage.coveredFacts += 1;
    const shape = sentenceShape(first.maskedSentence, first.subject);
    const counts = coverage.shapes.get(shape) ?? { facts: 0, covered: 0 };
    counts.facts += 1;
    if (covered) counts.covered += 1;
    coverage.shapes.set(shape, counts);
    if (!covered) increment(coverage.missedRoles, goldRole(parsed.get(first.goldSentence)!, first.gold));
  }
  return coverage;
}

function printReport(rows: BenchRow[]): void {
  printBenchTable(rows.filter((row) => !/^extract\.(missed-by-|slot-|fact-coverage|hand-labelled)/.test(row.name)));
  // per dataset: facts of each shape, and how many each extractor covers
  for (const dataset of DATASETS) {
    const prefix = `extract.missed-by-shape.${dataset}.`;
    const shapeRows = rows.filter((row) => row.name.startsWith(prefix));
    if (shapeRows.length === 0) continue;
    console.log(`\n${dataset}: facts covered / facts, by sentence shape`);
    console.log(`${'shape'.padEnd(22)}${SENTENCE_EXTRACTORS.map((e) => e.padStart(16)).join('')}`);
    for (const shape of SENTENCE_SHAPES) {
      const cells = SENTENCE_EXTRACTORS.map((extractor) => {
        const row = shapeRows.find((r) => r.name === `${prefix}${extractor}.${shape}`);
        if (!row) return '';
        const total = Number(/of (\d+)/.exec(row.note ?? '')![1]);
        return `${total - row.value}/${total}`;
      });
      if (cells.every((cell) => cell === '')) continue;
      console.log(`${shape.padEnd(22)}${cells.map((cell) => cell.padStart(16)).join('')}`);
    }
    for (const extractor of SENTENCE_EXTRACTORS) {
      const rolePrefix = `extract.missed-by-role.${dataset}.${extractor}.`;
      const top = rows.filter((row) => row.name.startsWith(rolePrefix)).slice(0, 6).map((row) => `${row.name.slice(rolePrefix.length)} ${row.value}`);
      console.log(`  missed by gold-object relation, ${extractor}: ${top.join(', ')}`);
    }
    for (const extractor of ['svo-plus', 'clause']) {
      const shapePrefix = `extract.slot-missed-by-shape.${dataset}.${extractor}.`;
      const missed = rows.filter((row) => row.name.startsWith(shapePrefix) && row.value > 0)
        .map((row) => `${row.name.slice(shapePrefix.length)} ${row.value}/${/of (\d+)/.exec(row.note ?? '')![1]}`);
      console.log(`  held-out queries whose slot ${extractor} misses, by shape: ${missed.join(', ')}`);
    }
  }
  printSlotTable(rows, EXTRACTOR_ORDER);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run();
  printReport(rows);
}
