/**
 * @file sha256 sums of the UD English EWT release lmkg downloads (UD_EWT_RELEASE, r2.16: the
 * release of the shared test data, which has v2.16's `nmod:desc`). Kept in code so a download is
 * checked against the published files, not against whatever arrived. The train sum is that of the
 * whole en_ewt-ud-train.conllu (= its parts concatenated in order).
 */
export const UD_EWT_SHA256: Readonly<Record<string, string>> = Object.freeze({
  'en_ewt-ud-train.conllu': '3fb78e2b55482c8ee00caa653af436c88c9e5bc9a73ce26e4ae3ddc79d2b7e7b',
  'en_ewt-ud-dev.conllu': '531a54ff90d6ab12201c5a50c3e78e6ddac4de69abc4bce5d275d3cd29efe2b6',
  'en_ewt-ud-test.conllu': 'e266e515a0a7547657ed3d90d9ba46487d6bd251f27ad4269d4e8a427c8555cd',
});

/** The files `lmkg parser fetch` downloads, in order. */
export const UD_EWT_FILES: readonly string[] = Object.freeze(Object.keys(UD_EWT_SHA256));
