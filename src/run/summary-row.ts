/**
 * @file One summary row per cell (dataset x model x extractor): LAMA metrics at the fact level
 * (pooled over the dataset), fact-triple P/R/F1 scored per fact with their bootstrap intervals and
 * chance bands, slot coverage, all-triple F1 (the paper's graph, for contrast), graph sizes and the
 * graph comparison of the chosen view.
 */
import type { ChanceBaseline, ChanceBand, GraphComparison } from '../compare/index.js';
import { csvCell } from '../csv.js';
import type { LamaMetrics } from '../probe/index.js';
import type { ChanceField, ChanceView, Interval, IntervalField, SummaryRow } from '../report/index.js';

export interface SummaryExtras {
  /** Fact-level P@1 interval (the unit of the p1 column, not the query-level P@1 of compareGraphs). */
  p1Interval: { low: number | null; high: number | null } | null;
  /** Slot coverage of the predicted sentences. */
  slotCoverage: number | null;
  /** F1 of every triple (the paper's graph). */
  allTripleF1: number | null;
  chance: ChanceBaseline | null;
}

export function summaryRow(cell: { dataset: string; model: string; extractor: string }, lama: LamaMetrics, comparison: GraphComparison, extras: SummaryExtras): SummaryRow {
  const facts = lama.overall.facts;
  const ci: SummaryRow['ci'] = {};
  const interval = (value: { low: number | null; high: number | null } | null | undefined): Interval | undefined =>
    value && value.low !== null && value.high !== null ? [value.low, value.high] : undefined;
  const set = (key: IntervalField, value: Interval | undefined) => {
    if (value) ci[key] = value;
  };
  set('p1', interval(extras.p1Interval));
  set('factP', interval(comparison.facts?.ci?.precision));
  set('factR', interval(comparison.facts?.ci?.recall));
  set('factF1', interval(comparison.facts?.ci?.f1));
  set('tripleP', interval(comparison.triples?.ci?.precision));
  set('tripleR', interval(comparison.triples?.ci?.recall));
  set('tripleF1', interval(comparison.triples?.ci?.f1));
  set('posOverlap', interval(comparison.pos?.ci));
  const chance: SummaryRow['chance'] = {};
  if (extras.chance) {
    const figures = extras.chance.overall;
    const bands: Array<[ChanceField, ChanceBand]> = [['factP', figures.precision], ['factR', figures.recall], ['factF1', figures.f1], ['slotCoverage', figures.slot]];
    for (const [field, band] of bands) chance[field] = chanceView(band, extras.chance.replicates);
  }
  return {
    ...cell,
    facts: facts.counted,
    p1: facts.counted > 0 ? facts.p1 : null,
    pk: facts.counted > 0 ? facts.pk : null,
    k: lama.k,
    mrr: facts.counted > 0 ? facts.mrr : null,
    factP: comparison.facts?.micro.precision ?? null,
    factR: comparison.facts?.micro.recall ?? null,
    factF1: comparison.facts?.micro.f1 ?? null,
    slotCoverage: extras.slotCoverage,
    allTripleF1: extras.allTripleF1,
    graph: comparison.graphView,
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
    chance,
  };
}

function chanceView(band: ChanceBand, replicates: number): ChanceView {
  return { mean: band.mean, low: band.low, high: band.high, p: band.p, replicates };
}

function finiteOrNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

type ScalarColumn = Exclude<keyof SummaryRow, 'ci' | 'chance'>;

const COLUMNS: ScalarColumn[] = [
  'dataset', 'model', 'extractor', 'facts', 'p1', 'pk', 'k', 'mrr', 'factP', 'factR', 'factF1', 'slotCoverage', 'allTripleF1', 'graph',
  'tripleP', 'tripleR', 'tripleF1', 'nodes', 'edges', 'aed', 'hed', 'featherCosine', 'featherEuclidean', 'posOverlap',
];
const CI_COLUMNS: IntervalField[] = ['p1', 'factP', 'factR', 'factF1', 'tripleP', 'tripleR', 'tripleF1', 'posOverlap'];
const CHANCE_COLUMNS: ChanceField[] = ['factP', 'factR', 'factF1', 'slotCoverage'];

/**
 * summary.csv: one line per row; intervals as <metric>Low / <metric>High columns, chance bands as
 * <metric>Chance (mean), <metric>ChanceLow / <metric>ChanceHigh and <metric>ChanceP (one-sided
 * p-value); empty for null.
 */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const header = [
    ...COLUMNS, ...CI_COLUMNS.flatMap((c) => [`${c}Low`, `${c}High`]),
    ...CHANCE_COLUMNS.flatMap((c) => [`${c}Chance`, `${c}ChanceLow`, `${c}ChanceHigh`, `${c}ChanceP`]),
  ];
  const lines = rows.map((row) => [
    ...COLUMNS.map((c) => row[c]),
    ...CI_COLUMNS.flatMap((c) => [row.ci[c]?.[0] ?? null, row.ci[c]?.[1] ?? null]),
    ...CHANCE_COLUMNS.flatMap((c) => {
      const band = row.chance[c];
      return [band?.mean ?? null, band?.low ?? null, band?.high ?? null, band?.p ?? null];
    }),
  ].map((value) => csvCell(value)).join(','));
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
