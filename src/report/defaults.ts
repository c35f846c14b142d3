/** @file Defaults of the report: file names, the graph layout's work bounds, the local server. */

/** Defaults of the HTML report (file names, the size above which it is split into parts). */
export const REPORT_DEFAULTS = Object.freeze({
  /** What `lmkg run` writes into the run folder and `lmkg report` reads. */
  dataFile: 'report-data.json',
  /** The self-contained report written beside it. */
  htmlFile: 'report.html',
  /** A split report's part files (a folder beside report.html). */
  partsFolder: 'report-parts',
  /** `lmkg run` splits the report (graphs loaded on demand) when its graphs exceed this many bytes of JSON. */
  splitAboveBytes: 8_000_000,
});

/** Defaults of `lmkg report --serve` (host, port). */
export const SERVE_DEFAULTS = Object.freeze({
  /** The server binds here only: the report is never exposed beyond this machine. */
  host: '127.0.0.1',
  /** 0 asks the system for a free port. */
  port: 0,
});

/**
 * The graph layout (src/report/layout.ts): a deterministic radial-tree placement per connected
 * component, then force refinement (exact for small components, Barnes-Hut for large ones), bounded
 * by a fixed amount of work so 10,000-node graphs lay out in well under a second in the browser.
 */
export const LAYOUT_DEFAULTS = Object.freeze({
  /** Components up to this size get exact force iterations (O(n^2) each); larger ones Barnes-Hut. */
  forceMaxNodes: 250,
  /** Exact force iterations per small component. */
  forceIterations: 50,
  /** Node-pair evaluations the exact force step may spend over all small components. */
  forceBudget: 20_000_000,
  /** Most Barnes-Hut iterations for one large component. */
  largeIterations: 40,
  /**
   * Estimated quadtree visits (n log2 n x 4 per iteration) Barnes-Hut may spend over all large
   * components: about 11 iterations at 10,000 nodes, 40 at 1,000; none past about 40,000 nodes.
   */
  largeBudget: 6_000_000,
  /** Smallest distance between neighbouring nodes on a ring of the radial placement. */
  nodeSpacing: 1,
  /** Gap between packed components. */
  componentGap: 2,
});
