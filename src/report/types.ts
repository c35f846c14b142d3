/**
 * @file The data a report shows: `lmkg run` writes it as `<run-dir>/report-data.json`, and
 * `lmkg report` turns it into one self-contained `report.html`. Every string in it may come from a
 * model or a dataset and must be shown as text, never as HTML.
 */

/** A [low, high] bootstrap 95% interval. */
export type Interval = [number, number];

/** The permutation null of a statistic (src/compare/chance-baseline.ts): chance mean, band, one-sided p. */
export interface ChanceView {
  mean: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
  /** R, the shuffles. */
  replicates: number;
}

/** Fields of a summary row that can carry a bootstrap interval. */
export type IntervalField = 'p1' | 'factP' | 'factR' | 'factF1' | 'tripleP' | 'tripleR' | 'tripleF1' | 'posOverlap';

/** Fields of a summary row that can carry a chance band. */
export type ChanceField = 'factP' | 'factR' | 'factF1' | 'slotCoverage';

/** One row per dataset x model x extractor. Null where a metric was not computed. */
export interface SummaryRow {
  dataset: string;
  model: string;
  extractor: string;
  /** Facts counted by the LAMA metrics (single-token golds). */
  facts: number;
  p1: number | null;
  pk: number | null;
  k: number;
  mrr: number | null;
  /**
   * Fact-triple precision, recall and F1 scored per fact: the triples that touch the filled slot
   * (what the model put into the blank) against those of the gold sentences.
   */
  factP: number | null;
  factR: number | null;
  factF1: number | null;
  /** Share of queries whose fill lies in a triple's subject or object (predicted sentences). */
  slotCoverage: number | null;
  /** Triple F1 over every triple (the paper's graph): high for any model, since context triples agree by construction. */
  allTripleF1: number | null;
  /** Which triples tripleP/R/F1, nodes, edges and the graph metrics saw: `fact`, `context` or `all`. */
  graph: 'fact' | 'context' | 'all';
  tripleP: number | null;
  tripleR: number | null;
  tripleF1: number | null;
  nodes: number;
  edges: number;
  aed: number | null;
  hed: number | null;
  featherCosine: number | null;
  featherEuclidean: number | null;
  posOverlap: number | null;
  /** Bootstrap intervals, keyed by the field they belong to. */
  ci: Partial<Record<IntervalField, Interval>>;
  /** Chance bands (permutation null) of the fact metrics and slot coverage, when computed. */
  chance: Partial<Record<ChanceField, ChanceView>>;
}

/** Whether an edge is in both graphs, only in the gold one, or only in the predicted one. */
export type EdgeStatus = 'both' | 'missed' | 'new';

/** A node of a graph in the report. */
export interface GraphViewNode {
  id: string;
  label: string;
}

/** An edge of a graph in the report. */
export interface GraphViewEdge {
  source: string;
  target: string;
  relation: string;
  /** both = in predicted and gold (green), missed = gold only (red), new = predicted only (blue). */
  status: EdgeStatus;
  /** Queries whose sentences yielded this triple (keys of GraphView.queries). */
  queryIds: string[];
}

/** One probed query in the report: sentence, gold and predictions. */
export interface QueryView {
  maskedSentence: string;
  predictedSentence: string;
  goldSentence: string;
  gold: string;
  /** Top-k predictions as words with probabilities. */
  predictions: Array<{ word: string; prob: number }>;
}

/** The merged predicted + gold graph of one dataset x model x extractor. */
export interface GraphView {
  dataset: string;
  model: string;
  extractor: string;
  /** Which triples it shows: `fact` (touching the filled slot), `context` or `all` (absent in reports of lmkg 0.1: all). */
  view?: 'fact' | 'context' | 'all';
  nodes: GraphViewNode[];
  edges: GraphViewEdge[];
  queries: Record<string, QueryView>;
}

/** What happened to a fact over the report's snapshots. */
export type FactStatus = 'acquired' | 'forgotten' | 'never';

/** A per-fact timeline over an ordered series of snapshots (epochs) of one dataset. */
export interface TimelineView {
  dataset: string;
  /** Snapshot (model) names in order; GraphView.model uses the same names. */
  snapshots: string[];
  facts: Array<{
    factId: string;
    subject: string | null;
    gold: string;
    /** Index of the first snapshot whose prediction equals the gold, or null. */
    firstCorrect: number | null;
    status: FactStatus;
    /** Correct at each snapshot. */
    correct: boolean[];
    /** Optional group, e.g. "seen" / "held-out" in the demo. */
    group?: string;
    /** Optional: the model's top-1 prediction at each snapshot (same length as `snapshots`); the per-fact table shows it. */
    predicted?: string[];
  }>;
  /** Per snapshot: facts first correct there (acquired so far), lost since, never, and correct now. */
  counts: Array<{ snapshot: string; acquired: number; forgotten: number; never: number; correct: number }>;
  /** Metric values per snapshot (e.g. p1, tripleF1), for the metric-over-epoch charts. */
  metrics: Array<{ snapshot: string; extractor?: string; values: Record<string, number | null> }>;
}

/** A part-of-speech profile of one graph against its gold graph. */
export interface PosView {
  dataset: string;
  model: string;
  extractor: string;
  /** Universal POS tags in display order. */
  tags: string[];
  predicted: Record<string, number>;
  gold: Record<string, number>;
  /** The paper's spider value per tag, (100 - |diff|) / 100 clipped to [0, 1]; null where gold has no such tag. */
  spider: Record<string, number | null>;
  overlap: number;
}

/** Everything the HTML report shows, as one JSON object. */
export interface ReportData {
  title: string;
  createdAt: string;
  lmkgVersion: string;
  run: {
    /** The exact arguments of the run. */
    args: Record<string, unknown>;
    models: string[];
    datasets: string[];
    extractors: string[];
    /** True when the models form an ordered series (epochs). */
    timeline: boolean;
  };
  summary: SummaryRow[];
  /** Every graph (a single-file report), or empty when `parts` lists them (a split report). */
  graphs: GraphView[];
  timelines: TimelineView[];
  pos: PosView[];
  /** A split report: the graphs and layouts in files beside report.html, loaded when shown. */
  parts?: ReportParts;
  /** Cells of the study that failed, with their errors. */
  failures?: Array<{ dataset: string; model: string; error: string }>;
}

/** The index of a split report's parts (src/report/write-study-report.ts). */
export interface ReportParts {
  /** Folder of the part files, relative to report.html. */
  folder: string;
  /** One file per cell (model x dataset): its extractors' graphs and their queries. */
  cells: Array<{ file: string; graphs: Array<{ dataset: string; model: string; extractor: string; nodes: number; edges: number }> }>;
  /** One file per dataset x extractor: node positions over the union of its graphs. */
  layouts: Array<{ dataset: string; extractor: string; file: string }>;
}

/** The payload of a split report's cell part: its graphs without their queries, and one query table (strings stored once). */
export interface CellPart {
  graphs: Array<Omit<GraphView, 'queries'>>;
  /** Every distinct string of the queries. */
  strings: string[];
  /** Query id -> [masked, predicted, gold sentence, gold] as indices into `strings`, and the top-k as [word index, prob] pairs. */
  queries: Record<string, [number, number, number, number, Array<[number, number]>]>;
}

/** The payload of a split report's layout part: node positions of a dataset x extractor group. */
export interface LayoutPart {
  ids: string[];
  x: number[];
  y: number[];
}
