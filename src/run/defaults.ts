/** @file Defaults of `lmkg run`: one study = models x datasets x extractors. Its flags and config-file fields: options.ts. */
import { AED_DEFAULTS, BOOTSTRAP_DEFAULTS, CHANCE_DEFAULTS } from '../compare/index.js';
import { PROBE_DEFAULTS } from '../probe/index.js';

/** Defaults of `runStudy` (datasets, extractors, graph view, chance, bootstrap, seed). */
export const RUN_DEFAULTS = Object.freeze({
  /** Extractors run on every predictions file: lmkg's clause extractor catches the slot most often (src/extract/README.md). */
  extractors: ['clause'] as string[],
  // probing: `lmkg probe`'s defaults (top k, batch size, mode, fill rule, judgment filter)
  topK: PROBE_DEFAULTS.topK,
  batchSize: PROBE_DEFAULTS.batchSize,
  mode: PROBE_DEFAULTS.mode,
  fill: PROBE_DEFAULTS.fill,
  fillPieces: PROBE_DEFAULTS.fillPieces,
  filterJudgments: PROBE_DEFAULTS.filterJudgments,
  /** Graph metrics: `exact-defs` (published definitions) or `paper` (the paper's code, quirks included). */
  compareMode: 'exact-defs' as 'exact-defs' | 'paper',
  /** Each graph is compared with the gold graph, or with the predicted graph of the model named here. */
  reference: 'gold',
  /**
   * Which triples the graph metrics (triple P/R/F1, AED, HED, FEATHER, POS) see: `fact` (those that
   * touch the filled slot), `context` or `all` (the paper's graph). Fact-triple P/R/F1 per fact and
   * all-triple F1 are always in the summary.
   */
  graph: 'fact' as 'fact' | 'context' | 'all',
  /** Chance baseline of the fact metrics: R shuffles of the fills (0: none). */
  chance: CHANCE_DEFAULTS.replicates,
  /** Facts per permutation block of the chance baseline. */
  chanceBlockSize: CHANCE_DEFAULTS.blockSize,
  /** Bootstrap replicates for P@1, triple P/R/F1 and POS overlap intervals. */
  bootstrap: BOOTSTRAP_DEFAULTS.replicates,
  /** Seed of the bootstrap resampling and of the chance baseline's shuffles: `lmkg compare`'s (lmkg 0.1 used 0). */
  seed: BOOTSTRAP_DEFAULTS.seed,
  /** AED is skipped (HED is always computed) above this many nodes or this many seconds: `lmkg compare`'s limits. */
  aedMaxNodes: AED_DEFAULTS.maxNodes,
  aedTimeBudgetSeconds: AED_DEFAULTS.timeBudgetMs / 1000,
  /** Write report.html at the end. */
  report: true,
  /** `single` (one self-contained report.html), `split` (each cell's graphs in a file loaded on demand) or `auto` (split above 8 MB of graphs). */
  reportMode: 'auto' as 'auto' | 'single' | 'split',
});

/** Folder names a model path may have to be read as a snapshot series (natural order). */
export const SNAPSHOT_NAME = /^(epoch|step|checkpoint)-(\d+)$/;

/**
 * Cell leases (cell-lease.ts): the holder touches `<cell>/.lease` every heartbeatMs; a waiter takes
 * the lease over when it has seen no touch for expiryMs of its own clock (or at once when the holder
 * is a dead process of its own host). The expiry allows for NFS attribute caching (up to 60 s).
 */
export const LEASE_DEFAULTS = Object.freeze({
  heartbeatMs: 10_000,
  expiryMs: 120_000,
  /** How often a cell waiting for another worker's lease (its reference cell, or itself) looks again. */
  pollMs: 1_000,
});

/** The BullMQ work queue (`--queue`, `lmkg worker`). */
export const QUEUE_DEFAULTS = Object.freeze({
  /** The queue's name on the Redis server. */
  name: 'lmkg-cells',
  /** Tries per cell (a failed try is retried after backoffMs, doubling). */
  attempts: 3,
  backoffMs: 5_000,
  /** BullMQ's job lock: renewed by the worker's main process every lockDurationMs / 2. */
  lockDurationMs: 30_000,
  /** How often workers look for jobs whose lock lapsed (their worker died) and put them back. */
  stalledIntervalMs: 30_000,
  /** A job that stalls more often than this fails (its cell record says so). */
  maxStalledCount: 2,
  /** Cells a worker runs at once (each in its own process). */
  concurrency: 1,
  /**
   * Cells a worker's child process runs before a fresh one replaces it: the parser, its memo and the
   * chance cache carry over between cells (most of a small cell's time otherwise), and the memo grows.
   */
  cellsPerProcess: 16,
  /** How often the submitter reads the run folder while it follows the queue. */
  pollMs: 1_000,
});
