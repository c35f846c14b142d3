/**
 * @file The shared vocabulary of knowledge graphs. `extract/`, `compare/` and `report/` import
 * these types; only `src/kg/` constructs graphology graphs.
 */
import type { MultiDirectedGraph } from 'graphology';

/** The three parts of a triple. */
export type TriplePart = 'subject' | 'relation' | 'object';

export const TRIPLE_PARTS: readonly TriplePart[] = Object.freeze(['subject', 'relation', 'object'] as TriplePart[]);

/** Where a triple came from. */
export interface Provenance {
  /** The cloze query (`<factId>#<n>`) whose filled sentence yielded the triple. */
  queryId: string;
  factId: string;
  /** The sentence the triple was extracted from. */
  sentence: string;
  /** Extractor name (e.g. `svo`). */
  extractor: string;
  /**
   * The parts of the triple that contain the filled slot (the model's fill in a predicted sentence,
   * the gold object in a gold sentence), in subject, relation, object order. Empty: a *context*
   * triple (it does not touch the slot); non-empty: a *fact* triple. Absent when the record carries
   * no slot position (predictions written before slot provenance existed).
   */
  slot?: TriplePart[];
}

/** A (subject, relation, object) triple as extracted, with display text. */
export interface Triple {
  subject: string;
  relation: string;
  object: string;
}

/** A triple with where it came from (record, sentence, extractor). */
export interface TripleWithProvenance extends Triple {
  provenance: Provenance;
}

/** Node attributes. The node key is the normalised entity string (see `normaliseKey`). */
export interface KgNode {
  /** Display label: the first surface form seen. */
  label: string;
  /** How many triples touch this node. */
  count: number;
}

/** Edge attributes. */
export interface KgEdge {
  /** Relation label as displayed. */
  relation: string;
  /** Normalised relation key (case and whitespace folded). */
  relationKey: string;
  /** How many times this triple was extracted. */
  count: number;
  /** Query ids that yielded it, in order of first appearance. */
  queryIds: string[];
  /**
   * Slot provenance (present when the triples were extracted with slot positions): the parts that
   * held the filled slot in any of this edge's extractions (empty: never), how many extractions
   * touched the slot (fact extractions), and the queries of the fact and of the context
   * extractions. `count - factCount` extractions did not touch the slot.
   */
  slot?: TriplePart[];
  factCount?: number;
  factQueryIds?: string[];
  contextQueryIds?: string[];
}

/**
 * Which triples a graph view keeps: `fact` (triples that touch the filled slot: what the model
 * put into the blank), `context` (the rest: shared by the predicted and the gold sentence by
 * construction) or `all` (the paper's graph).
 */
export type KgView = 'fact' | 'context' | 'all';

/** The views of a knowledge graph: fact triples, context triples, or all. */
export const KG_VIEWS: readonly KgView[] = Object.freeze(['fact', 'context', 'all'] as KgView[]);

/** Graph attributes: what the graph was built from. */
export interface KgMeta {
  name?: string;
  /** `predicted` (from the model's filled sentences) or `gold`. */
  side?: 'predicted' | 'gold';
  predictionsFile?: string;
  model?: string;
  extractor?: string;
  /** The extractor's version (registry.ts), raised whenever its output changes. */
  extractorVersion?: number;
  dataset?: string;
  /** `triples` keeps every distinct triple; `paper` keys edges by (source, target). */
  mode?: KgMode;
  /** Set on graphs made by `knowledgeGraphView`: which triples they keep. */
  view?: KgView;
  lmkgVersion?: string;
  /** The resolved options of the call that built the graph (JSON values only). */
  options?: { [option: string]: string | number | boolean | null };
}

/**
 * How triples become edges. `triples` (default): every distinct (source, relation, target) is an
 * edge. `paper`: as the paper's code, which keys relations by the (source, target) pair, so a later
 * relation between the same pair replaces an earlier one (one edge per ordered pair).
 */
export type KgMode = 'triples' | 'paper';

/** A directed multigraph of entities linked by relations. */
export type KnowledgeGraph = MultiDirectedGraph<KgNode, KgEdge, KgMeta>;
