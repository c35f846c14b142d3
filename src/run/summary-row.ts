/**
 * @file One summary row per cell (dataset x model x extractor): LAMA metrics at the fact level
 * (pooled over the dataset), graph sizes and the graph comparison, with bootstrap intervals.
 */
import type { GraphComparison } from '../compare/index.js';
import type { LamaMetrics } from '../lm/index.js';
import type { Interval, SummaryRow } from '../report/index.js';

export function summaryRow(
  cell: { dataset: string; model: string; extractor: string },
  lama: LamaMetrics,
  comparison: GraphComparison,
  p1Interval: { low: number | null; high: number | null } | null,
): SummaryRow {
  const facts = lama.overall.facts;
  const ci: SummaryRow['ci'] = {};
  const interval = (value: { low: number | null; high: number | null } | null | undefined): Interval | undefined =>
    value && value.low !== null && value.high !== null ? [value.low, value.high] : undefined;
  const set = (key: keyof SummaryRow['ci'], value: Interval | undefined) => {
    if (value) ci[key] = value;
  };
  set('p1', interval(p1Interval)); // fact-level, the unit of the p1 column (not the query-level P@1 of compareGraphs)
  set('tripleP', interval(comparison.triples?.ci?.precision));
  set('tripleR', interval(comparison.triples?.ci?.recall));
  set('tripleF1', interval(comparison.triples?.ci?.f1));
  set('posOverlap', interval(comparison.pos?.ci));
  return {
    ...cell,
    facts: facts.counted,
    p1: facts.counted > 0 ? facts.p1 : null,
    pk: facts.counted > 0 ? facts.pk : null,
    k: lama.k,
    mrr: facts.counted > 0 ? facts.mrr : null,
    tripleP: comparison.triples?.precision ?? null,
    tripleR: comparison.triples?.recall ?? null,
    tripleF1: comparison.triples?.f1 ?? null,
    nodes: comparison.graph.nodes,
    edges: comparison.graph.edges,
    aed: comparison.aed?.value ?? null,
    hed: comparison.hed?.value ?? null,
    featherCosine: finiteOrNull(comparison.feather?.cosine),
    featherEuclidean: finiteOrNull(comparison.feather?.euclidean),
    posOverlap: comparison.pos?.overlap ?? null,
    ci,
  };
}

function finiteOrNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

const COLUMNS: Array<keyof Omit<SummaryRow, 'ci'>> = [
  'dataset', 'model', 'extractor', 'facts', 'p1', 'pk', 'k', 'mrr', 'tripleP', 'tripleR', 'tripleF1', 'nodes', 'edges', 'aed', 'hed',
  'featherCosine', 'featherEuclidean', 'posOverlap',
];
const CI_COLUMNS = ['p1', 'tripleP', 'tripleR', 'tripleF1', 'posOverlap'] as const;

/** summary.csv: one line per row; intervals as <metric>Low / <metric>High columns; empty for null. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const header = [...COLUMNS, ...CI_COLUMNS.flatMap((c) => [`${c}Low`, `${c}High`])];
  const lines = rows.map((row) => [
    ...COLUMNS.map((c) => row[c]),
    ...CI_COLUMNS.flatMap((c) => [row.ci[c]?.[0] ?? null, row.ci[c]?.[1] ?? null]),
  ].map(csvValue).join(','));
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

function csvValue(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
