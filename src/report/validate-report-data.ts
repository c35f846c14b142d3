/**
 * @file Checks that a parsed report-data.json has the shape of `ReportData` before the browser app
 * relies on it: every field's type, the enums, interval pairs, snapshot-length arrays, and that
 * every edge names nodes of its graph. The first problem throws a DataFormatError that names the
 * file and the field path (e.g. `graphs[0].edges[3].status`). Unknown extra fields are allowed.
 */
import { DataFormatError } from '../errors.js';
import type { ReportData } from './types.js';

type Json = Record<string, unknown>;

const SUMMARY_NUMBERS = ['facts', 'k', 'nodes', 'edges'] as const;
const SUMMARY_NULLABLE = [
  'p1', 'pk', 'mrr', 'factP', 'factR', 'factF1', 'slotCoverage', 'allTripleF1', 'tripleP', 'tripleR', 'tripleF1', 'aed', 'hed',
  'featherCosine', 'featherEuclidean', 'posOverlap',
] as const;
const CI_FIELDS = ['p1', 'factP', 'factR', 'factF1', 'tripleP', 'tripleR', 'tripleF1', 'posOverlap'];
const CHANCE_FIELDS = ['factP', 'factR', 'factF1', 'slotCoverage'];
const GRAPH_VIEWS = ['fact', 'context', 'all'];
const EDGE_STATUSES = ['both', 'missed', 'new'];
const FACT_STATUSES = ['acquired', 'forgotten', 'never'];

/** Returns `value` typed as ReportData, or throws DataFormatError naming `file` and the bad field. */
export function validateReportData(value: unknown, file: string): ReportData {
  const check = new Checker(file);
  const root = check.object(value, '');
  check.string(root.title, 'title');
  check.string(root.createdAt, 'createdAt');
  check.string(root.lmkgVersion, 'lmkgVersion');
  const run = check.object(root.run, 'run');
  check.object(run.args, 'run.args');
  for (const key of ['models', 'datasets', 'extractors'] as const) check.strings(run[key], `run.${key}`);
  check.boolean(run.timeline, 'run.timeline');

  check.array(root.summary, 'summary').forEach((item, i) => {
    const path = `summary[${i}]`;
    const row = check.object(item, path);
    for (const key of ['dataset', 'model', 'extractor']) check.string(row[key], `${path}.${key}`);
    for (const key of SUMMARY_NUMBERS) check.number(row[key], `${path}.${key}`);
    for (const key of SUMMARY_NULLABLE) check.numberOrNull(row[key], `${path}.${key}`);
    if (!GRAPH_VIEWS.includes(row.graph as string)) check.fail(`${path}.graph`, `must be one of ${GRAPH_VIEWS.join(', ')}, got ${JSON.stringify(row.graph)}`);
    const ci = check.object(row.ci, `${path}.ci`);
    for (const [key, interval] of Object.entries(ci)) {
      if (!CI_FIELDS.includes(key)) check.fail(`${path}.ci.${key}`, `is not a field with intervals (${CI_FIELDS.join(', ')})`);
      if (interval !== undefined) check.interval(interval, `${path}.ci.${key}`);
    }
    const chance = check.object(row.chance, `${path}.chance`);
    for (const [key, band] of Object.entries(chance)) {
      if (!CHANCE_FIELDS.includes(key)) check.fail(`${path}.chance.${key}`, `is not a field with a chance band (${CHANCE_FIELDS.join(', ')})`);
      const b = check.object(band, `${path}.chance.${key}`);
      for (const part of ['mean', 'low', 'high', 'p']) check.numberOrNull(b[part], `${path}.chance.${key}.${part}`);
      check.number(b.replicates, `${path}.chance.${key}.replicates`);
    }
  });

  check.array(root.graphs, 'graphs').forEach((item, g) => graph(check, item, `graphs[${g}]`));
  check.array(root.timelines, 'timelines').forEach((item, t) => timeline(check, item, `timelines[${t}]`));
  check.array(root.pos, 'pos').forEach((item, p) => posView(check, item, `pos[${p}]`));
  if (root.parts !== undefined) parts(check, root.parts);
  if (root.failures !== undefined) {
    check.array(root.failures, 'failures').forEach((f, i) => {
      const failure = check.object(f, `failures[${i}]`);
      for (const key of ['dataset', 'model', 'error']) check.string(failure[key], `failures[${i}].${key}`);
    });
  }
  return value as ReportData;
}

function graph(check: Checker, item: unknown, path: string): void {
  const view = check.object(item, path);
  for (const key of ['dataset', 'model', 'extractor']) check.string(view[key], `${path}.${key}`);
  const ids = new Set<string>();
  check.array(view.nodes, `${path}.nodes`).forEach((n, i) => {
    const node = check.object(n, `${path}.nodes[${i}]`);
    const id = check.string(node.id, `${path}.nodes[${i}].id`);
    check.string(node.label, `${path}.nodes[${i}].label`);
    if (ids.has(id)) check.fail(`${path}.nodes[${i}].id`, `repeats node id ${JSON.stringify(id)}; node ids must be unique within a graph`);
    ids.add(id);
  });
  const queries = check.object(view.queries, `${path}.queries`);
  check.array(view.edges, `${path}.edges`).forEach((e, i) => {
    const at = `${path}.edges[${i}]`;
    const edge = check.object(e, at);
    for (const end of ['source', 'target']) {
      const id = check.string(edge[end], `${at}.${end}`);
      if (!ids.has(id)) check.fail(`${at}.${end}`, `names node ${JSON.stringify(id)}, which is not in ${path}.nodes`);
    }
    check.string(edge.relation, `${at}.relation`);
    check.oneOf(edge.status, EDGE_STATUSES, `${at}.status`);
    check.strings(edge.queryIds, `${at}.queryIds`).forEach((id, q) => {
      if (!Object.hasOwn(queries, id)) check.fail(`${at}.queryIds[${q}]`, `names query ${JSON.stringify(id)}, which is not in ${path}.queries`);
    });
  });
  for (const [id, q] of Object.entries(queries)) {
    const at = `${path}.queries[${JSON.stringify(id)}]`;
    const query = check.object(q, at);
    for (const key of ['maskedSentence', 'predictedSentence', 'goldSentence', 'gold']) check.string(query[key], `${at}.${key}`);
    check.array(query.predictions, `${at}.predictions`).forEach((p, i) => {
      const prediction = check.object(p, `${at}.predictions[${i}]`);
      check.string(prediction.word, `${at}.predictions[${i}].word`);
      check.number(prediction.prob, `${at}.predictions[${i}].prob`);
    });
  }
}

/** A part file name: generated by lmkg, never a path (the page turns it into a script URL). */
const PART_FILE = /^(cell|layout)-\d+\.js$/;

function parts(check: Checker, value: unknown): void {
  const index = check.object(value, 'parts');
  if (check.string(index.folder, 'parts.folder') !== 'report-parts') check.fail('parts.folder', 'must be "report-parts"');
  check.array(index.cells, 'parts.cells').forEach((c, i) => {
    const cell = check.object(c, `parts.cells[${i}]`);
    if (!PART_FILE.test(check.string(cell.file, `parts.cells[${i}].file`))) check.fail(`parts.cells[${i}].file`, 'must be a part file name such as cell-0.js');
    check.array(cell.graphs, `parts.cells[${i}].graphs`).forEach((g, j) => {
      const graph = check.object(g, `parts.cells[${i}].graphs[${j}]`);
      for (const key of ['dataset', 'model', 'extractor']) check.string(graph[key], `parts.cells[${i}].graphs[${j}].${key}`);
      for (const key of ['nodes', 'edges']) check.number(graph[key], `parts.cells[${i}].graphs[${j}].${key}`);
    });
  });
  check.array(index.layouts, 'parts.layouts').forEach((l, i) => {
    const layout = check.object(l, `parts.layouts[${i}]`);
    for (const key of ['dataset', 'extractor']) check.string(layout[key], `parts.layouts[${i}].${key}`);
    if (!PART_FILE.test(check.string(layout.file, `parts.layouts[${i}].file`))) check.fail(`parts.layouts[${i}].file`, 'must be a part file name such as layout-0.js');
  });
}

function timeline(check: Checker, item: unknown, path: string): void {
  const view = check.object(item, path);
  check.string(view.dataset, `${path}.dataset`);
  const snapshots = check.strings(view.snapshots, `${path}.snapshots`);
  check.array(view.facts, `${path}.facts`).forEach((f, i) => {
    const at = `${path}.facts[${i}]`;
    const fact = check.object(f, at);
    check.string(fact.factId, `${at}.factId`);
    if (fact.subject !== null) check.string(fact.subject, `${at}.subject`);
    check.string(fact.gold, `${at}.gold`);
    if (fact.firstCorrect !== null) {
      const first = check.number(fact.firstCorrect, `${at}.firstCorrect`);
      if (!Number.isInteger(first) || first < 0 || first >= snapshots.length) {
        check.fail(`${at}.firstCorrect`, `must be null or a snapshot index in [0, ${snapshots.length - 1}], got ${first}`);
      }
    }
    check.oneOf(fact.status, FACT_STATUSES, `${at}.status`);
    const correct = check.array(fact.correct, `${at}.correct`);
    check.sameLength(correct, snapshots, `${at}.correct`);
    correct.forEach((c, s) => check.boolean(c, `${at}.correct[${s}]`));
    if (fact.group !== undefined) check.string(fact.group, `${at}.group`);
    if (fact.predicted !== undefined) check.sameLength(check.strings(fact.predicted, `${at}.predicted`), snapshots, `${at}.predicted`);
  });
  const counts = check.array(view.counts, `${path}.counts`);
  counts.forEach((c, i) => {
    const row = check.object(c, `${path}.counts[${i}]`);
    check.string(row.snapshot, `${path}.counts[${i}].snapshot`);
    for (const key of ['acquired', 'forgotten', 'never', 'correct']) check.number(row[key], `${path}.counts[${i}].${key}`);
  });
  check.array(view.metrics, `${path}.metrics`).forEach((m, i) => {
    const row = check.object(m, `${path}.metrics[${i}]`);
    check.string(row.snapshot, `${path}.metrics[${i}].snapshot`);
    if (row.extractor !== undefined) check.string(row.extractor, `${path}.metrics[${i}].extractor`);
    const values = check.object(row.values, `${path}.metrics[${i}].values`);
    for (const [key, v] of Object.entries(values)) check.numberOrNull(v, `${path}.metrics[${i}].values.${key}`);
  });
}

function posView(check: Checker, item: unknown, path: string): void {
  const view = check.object(item, path);
  for (const key of ['dataset', 'model', 'extractor']) check.string(view[key], `${path}.${key}`);
  check.strings(view.tags, `${path}.tags`);
  for (const key of ['predicted', 'gold']) {
    const record = check.object(view[key], `${path}.${key}`);
    for (const [tag, v] of Object.entries(record)) check.number(v, `${path}.${key}.${tag}`);
  }
  const spider = check.object(view.spider, `${path}.spider`);
  for (const [tag, v] of Object.entries(spider)) check.numberOrNull(v, `${path}.spider.${tag}`);
  check.number(view.overlap, `${path}.overlap`);
}

class Checker {
  constructor(private readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new DataFormatError({ file: this.file, field: field || '(root)' }, `${problem}; write it with \`lmkg run\` or fix the field`);
  }

  object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, `must be an object, got ${describe(value)}`);
    return value as Json;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `must be an array, got ${describe(value)}`);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, `must be a string, got ${describe(value)}`);
    return value;
  }

  strings(value: unknown, path: string): string[] {
    return this.array(value, path).map((v, i) => this.string(v, `${path}[${i}]`));
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, `must be a finite number, got ${describe(value)}`);
    return value;
  }

  numberOrNull(value: unknown, path: string): number | null {
    return value === null ? null : this.number(value, path);
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, `must be true or false, got ${describe(value)}`);
    return value;
  }

  oneOf(value: unknown, allowed: string[], path: string): string {
    if (typeof value !== 'string' || !allowed.includes(value)) this.fail(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(value)}`);
    return value;
  }

  interval(value: unknown, path: string): void {
    const pair = this.array(value, path);
    if (pair.length !== 2) this.fail(path, `must be a [low, high] pair, got ${pair.length} values`);
    const low = this.number(pair[0], `${path}[0]`);
    const high = this.number(pair[1], `${path}[1]`);
    if (low > high) this.fail(path, `must have low <= high, got [${low}, ${high}]`);
  }

  sameLength(values: unknown[], snapshots: string[], path: string): void {
    if (values.length !== snapshots.length) this.fail(path, `must have one entry per snapshot (${snapshots.length}), got ${values.length}`);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
