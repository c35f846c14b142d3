/**
 * @file Which token plays which special role (cls, sep, pad, unk, mask, bos, eos): from
 * tokenizer_config.json when it says so, else from the post-processor and the usual names.
 */
import type { SingleTemplate } from './post-processors.js';
import type { SpecialToken, TokenizerKind, TokenizerSpecials } from './types.js';

/** A token entry of tokenizer_config.json: a string or an AddedToken object. */
export function configToken(config: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = config[key];
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string') {
    return (value as { content: string }).content;
  }
  return null;
}

export function deriveSpecials(
  kind: TokenizerKind,
  config: Readonly<Record<string, unknown>>,
  template: SingleTemplate,
  modelUnk: string | null,
  idOf: (token: string) => number | undefined,
): TokenizerSpecials {
  const pick = (key: string, ...fallbacks: Array<string | null | undefined>): SpecialToken | null => {
    for (const token of [configToken(config, key), ...fallbacks]) {
      if (typeof token !== 'string') continue;
      const id = idOf(token);
      if (id !== undefined) return { token, id };
    }
    return null;
  };
  const bpe = kind === 'bpe';
  return {
    cls: pick('cls_token', template.before[0], bpe ? '<s>' : '[CLS]'),
    sep: pick('sep_token', template.after[template.after.length - 1], bpe ? '</s>' : '[SEP]'),
    pad: pick('pad_token', bpe ? '<pad>' : '[PAD]'),
    unk: pick('unk_token', modelUnk, bpe ? '<unk>' : '[UNK]'),
    mask: pick('mask_token', bpe ? '<mask>' : '[MASK]'),
    bos: bpe ? pick('bos_token', '<s>') : pick('bos_token'),
    eos: bpe ? pick('eos_token', '</s>') : pick('eos_token'),
  };
}

/** The ids of all special tokens (never masked, never part of a word). */
export function specialTokenIds(specials: TokenizerSpecials): Set<number> {
  return new Set(Object.values(specials).filter((s): s is SpecialToken => s !== null).map((s) => s.id));
}
