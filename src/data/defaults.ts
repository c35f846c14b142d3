/** @file Defaults of the data layer. */
/** Defaults of the LAMA readers (mode, judgment filter, limit). */
export const DATA_DEFAULTS = Object.freeze({
  /** `sentences`: one query per masked sentence (the paper); `template`: one per fact from the relation template (LAMA's T-REx mode). */
  mode: 'sentences' as 'sentences' | 'template',
  /** Apply LAMA's judgment filter (drop Google-RE facts whose "no" judgments outnumber "yes"). */
  filterJudgments: false,
  /** Keep at most this many queries (in file order); undefined keeps all. */
  limit: undefined as number | undefined,
});

/** `downloadFile` (LAMA's data.zip, the UD treebank). */
export const DOWNLOAD_DEFAULTS = Object.freeze({
  /** Retries after a failed attempt (each resumes where the last stopped). */
  retries: 4,
  /** Wait before the first retry, doubling after each. */
  backoffMs: 500,
});

/** Where `lmkg data fetch` downloads LAMA from. */
export const LAMA_URL = 'https://dl.fbaipublicfiles.com/LAMA/data.zip';

/** The data.zip URL in force: `$LMKG_LAMA_URL` (a mirror), else {@link LAMA_URL}. */
export function lamaArchiveUrl(): string {
  const mirror = process.env.LMKG_LAMA_URL;
  return mirror && mirror.length > 0 ? mirror : LAMA_URL;
}
