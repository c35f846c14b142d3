/**
 * @file One flat row per compared graph (the columns of `lmkg compare`'s table and CSV, and of the
 * report's summary): sizes, P@1, fact-triple P/R/F1 (per fact), triple P/R/F1 of the graph view, AED, HED, aligned edit distance, FEATHER cosine and
 * euclidean distance, POS overlap, with bootstrap interval bounds where computed.
 */
import type { GraphComparison } from './compare-graphs.js';
import { csvCell } from './fact-timeline.js';

/** One row of the comparison table (one graph pair, one metric per column). */
export interface ComparisonRow {
  graph: string;
  reference: string;
  mode: string;
  nodes: number;
  edges: number;
  p1: number | null;
  p1Low: number | null;
  p1High: number | null;
  /** Which triples the graph metrics saw. */
  graphView: string;
  factP: number | null;
  factR: number | null;
  factF1: number | null;
  factF1Low: number | null;
  factF1High: number | null;
  /** Facts scored, and of them those with a gold fact triple. */
  facts: number | null;
  factsCovered: number | null;
  tripleP: number | null;
  triplePLow: number | null;
  triplePHigh: number | null;
  tripleR: number | null;
  tripleRLow: number | null;
  tripleRHigh: number | null;
  tripleF1: number | null;
  tripleF1Low: number | null;
  tripleF1High: number | null;
  aed: number | null;
  hed: number | null;
  aligned: number | null;
  exact: number | null;
  featherCosine: number | null;
  featherEuclidean: number | null;
  posOverlap: number | null;
  posOverlapLow: number | null;
  posOverlapHigh: number | null;
  skipped: string;
}

/** The flat row of one comparison. */
export function comparisonRow(graph: string, reference: string, c: GraphComparison): ComparisonRow {
  return {
    graph,
    reference,
    mode: c.mode,
    nodes: c.graph.nodes,
    edges: c.graph.edges,
    p1: c.precisionAt1?.value ?? null,
    p1Low: c.precisionAt1?.ci?.low ?? null,
    p1High: c.precisionAt1?.ci?.high ?? null,
    graphView: c.graphView,
    factP: c.facts?.micro.precision ?? null,
    factR: c.facts?.micro.recall ?? null,
    factF1: c.facts?.micro.f1 ?? null,
    factF1Low: c.facts?.ci?.f1.low ?? null,
    factF1High: c.facts?.ci?.f1.high ?? null,
    facts: c.facts?.micro.facts ?? null,
    factsCovered: c.facts?.coveredOnly.facts ?? null,
    tripleP: c.triples?.precision ?? null,
    triplePLow: c.triples?.ci?.precision.low ?? null,
    triplePHigh: c.triples?.ci?.precision.high ?? null,
    tripleR: c.triples?.recall ?? null,
    tripleRLow: c.triples?.ci?.recall.low ?? null,
    tripleRHigh: c.triples?.ci?.recall.high ?? null,
    tripleF1: c.triples?.f1 ?? null,
    tripleF1Low: c.triples?.ci?.f1.low ?? null,
    tripleF1High: c.triples?.ci?.f1.high ?? null,
    aed: c.aed?.value ?? null,
    hed: c.hed?.value ?? null,
    aligned: c.aligned?.value ?? null,
    exact: c.exact?.value ?? null,
    featherCosine: c.feather?.cosine ?? null,
    featherEuclidean: c.feather?.euclidean ?? null,
    posOverlap: c.pos?.overlap ?? null,
    posOverlapLow: c.pos?.ci?.low ?? null,
    posOverlapHigh: c.pos?.ci?.high ?? null,
    skipped: c.skipped.map((s) => s.metric).join(' '),
  };
}

/** Rows as CSV (header = the row's field names; empty cells for nulls). */
export function comparisonRowsCsv(rows: readonly ComparisonRow[]): string {
  const header = Object.keys(rows[0] ?? comparisonRow('', '', emptyComparison())) as Array<keyof ComparisonRow>;
  const cell = (value: string | number | null) => (value === null ? '' : csvCell(String(value)));
  return `${[header.join(','), ...rows.map((row) => header.map((key) => cell(row[key])).join(','))].join('\n')}\n`;
}

function emptyComparison(): GraphComparison {
  const summary = { name: null, nodes: 0, edges: 0 };
  return { mode: 'exact-defs', metrics: [], graphView: 'fact', graph: summary, reference: summary, skipped: [], notes: [], options: {} };
}
