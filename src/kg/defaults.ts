/** @file Defaults of the knowledge-graph layer. */
import type { KgMode } from './types.js';

/** Defaults of knowledge-graph building (mode: lmkg or paper). */
export const KG_DEFAULTS = Object.freeze({
  /** `triples` keeps every distinct triple; `paper` keeps one relation per (source, target) pair, the last one seen. */
  mode: 'triples' as KgMode,
});

/** The `format` field of lmkg's JSON knowledge-graph files, and its version. */
export const KG_JSON_FORMAT = 'lmkg-knowledge-graph';
export const KG_JSON_FORMAT_VERSION = 1;
