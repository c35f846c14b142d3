/**
 * @file The files a tokenizer folder holds, as name -> text: `tokenizer.json` and
 * `tokenizer_config.json` (what transformers.js and Python `tokenizers`/`transformers` read),
 * `special_tokens_map.json`, the slow-tokenizer files (`vocab.json` + `merges.txt` for RoBERTa,
 * `vocab.txt` for BERT) and `lmkg_tokenizer.json` (how lmkg trained it).
 */
import { serializeTokenizerJson } from './tokenizer-json.js';
import type { Tokenizer } from './types.js';

export const TRAINING_RECORD_FILE = 'lmkg_tokenizer.json';

export function tokenizerFiles(tok: Tokenizer): Map<string, string> {
  const files = new Map<string, string>();
  files.set('tokenizer.json', serializeJson(tok));
  const config = Object.keys(tok.tokenizerConfig).length > 0 ? tok.tokenizerConfig : defaultConfig(tok);
  files.set('tokenizer_config.json', `${JSON.stringify(config, null, 2)}\n`);
  files.set('special_tokens_map.json', `${JSON.stringify(specialTokensMap(tok), null, 2)}\n`);
  const model = tok.tokenizerJson.model as { vocab?: Record<string, number>; merges?: unknown[] };
  const byId = Object.entries(model.vocab ?? {}).sort((a, b) => a[1] - b[1]);
  if (tok.kind === 'bpe') {
    files.set('vocab.json', `${JSON.stringify(Object.fromEntries(byId))}\n`);
    const merges = (model.merges ?? []).map((m) => (Array.isArray(m) ? m.join(' ') : String(m)));
    files.set('merges.txt', `#version: 0.2\n${merges.map((m) => `${m}\n`).join('')}`);
  } else if (byId.every(([, id], i) => id === i)) {
    // the slow BertTokenizer reads ids as line numbers, so only a gap-free vocabulary can be written
    files.set('vocab.txt', byId.map(([token]) => `${token}\n`).join(''));
  }
  if (tok.training) files.set(TRAINING_RECORD_FILE, `${JSON.stringify(tok.training, null, 2)}\n`);
  return files;
}

function serializeJson(tok: Tokenizer): string {
  return serializeTokenizerJson(tok.tokenizerJson);
}

function addedToken(tok: Tokenizer, content: string): Record<string, unknown> | string {
  const added = (tok.tokenizerJson.added_tokens as Array<Record<string, unknown>> | undefined)?.find((t) => t.content === content);
  if (!added || added.lstrip !== true) return content;
  return { content, lstrip: true, normalized: added.normalized ?? false, rstrip: added.rstrip ?? false, single_word: added.single_word ?? false };
}

function specialTokensMap(tok: Tokenizer): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const role of ['bos', 'cls', 'eos', 'mask', 'pad', 'sep', 'unk'] as const) {
    const special = tok.specials[role];
    if (special) map[`${role}_token`] = addedToken(tok, special.token);
  }
  return map;
}

/** A tokenizer_config.json for a tokenizer.json that came without one. */
function defaultConfig(tok: Tokenizer): Record<string, unknown> {
  const config: Record<string, unknown> = {
    tokenizer_class: tok.kind === 'bpe' ? 'RobertaTokenizer' : 'BertTokenizer',
    model_max_length: tok.modelMaxLength ?? 512,
    clean_up_tokenization_spaces: tok.kind !== 'bpe',
  };
  if (tok.kind === 'wordpiece') config.do_lower_case = tok.lowercase;
  for (const role of ['bos', 'cls', 'eos', 'mask', 'pad', 'sep', 'unk'] as const) {
    const special = tok.specials[role];
    if (special) config[`${role}_token`] = special.token;
  }
  return config;
}
