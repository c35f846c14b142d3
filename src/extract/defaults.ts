/** @file Defaults of the extraction layer. */
import type { KgMode } from '../kg/types.js';
import type { ExtractorName } from './registry.js';

/** Defaults of triple extraction (extractor, mode, model name). */
export const EXTRACT_DEFAULTS = Object.freeze({
  /**
   * Extractor name or alias: `entity-prep` (`spacy`), `svo` (`textacy`), `svo-plus` (`custom`) — the
   * paper's three — `clause` (lmkg's, which catches the slot most often) or `lama`.
   */
  extractor: 'clause' as string,
  /** `triples` keeps every distinct triple; `paper` keeps one relation per (source, target) pair, the last one (the paper's code). */
  mode: 'triples' as KgMode,
  /** Model name recorded in the graphs' meta when the predictions file does not say (null: unknown). */
  model: null as string | null,
});

/** Extractor names in table order, for help texts. */
export const EXTRACTOR_NAMES: readonly ExtractorName[] = Object.freeze(['entity-prep', 'svo', 'svo-plus', 'clause', 'lama'] as ExtractorName[]);

/** The development / held-out split of facts used to develop and test extractor rules (`factSplit`). */
export const FACT_SPLIT_DEFAULTS = Object.freeze({
  /** Recorded with every figure measured on a part; changing it gives another split. */
  seed: 14,
  /** Half the facts are held out. */
  heldOutShare: 0.5,
});
