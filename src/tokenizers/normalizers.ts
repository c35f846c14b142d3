/**
 * @file Text normalisers of a `tokenizer.json` (BertNormalizer, Lowercase, NFC/NFD/NFKC/NFKD,
 * StripAccents, Sequence), with the semantics of Hugging Face tokenizers.js (the tokenizer inside
 * transformers.js), so lmkg's ids equal the ones transformers.js feeds a model.
 */
import { UsageError } from '../errors.js';

export type Normalize = (text: string) => string;

/** BertNormalizer options as `tokenizer.json` writes them. */
export interface BertNormalizerConfig {
  type: 'BertNormalizer';
  clean_text?: boolean;
  handle_chinese_chars?: boolean;
  strip_accents?: boolean | null;
  lowercase?: boolean;
}

// NUL, U+FFFD and control/format/private-use/surrogate characters, but not \t \n \r (which become spaces)
const REMOVED = /[\0\uFFFD]|(?![\t\n\r])[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
const NEEDS_CLEANING = /[^\x20-\x7e]/;
// JS \s, exactly as BertNormalizer.clean_text tests each character
const WHITESPACE = /\s/g;
// CJK ideographs of the Basic Multilingual Plane (tokenizers.js tests UTF-16 code units)
const CHINESE = /[\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF]/g;
const HAS_CHINESE = /[\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF]/;
const NONSPACING_MARKS = /\p{Mn}/gu;
const ALL_MARKS = /\p{M}/gu;
const NON_ASCII = /[^\x00-\x7f]/;

export function stripAccents(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(NONSPACING_MARKS, '');
}

/**
 * Whether a `tokenizer.json` normalizer lowercases and strips accents, as tokenizers.js (the
 * encoder inside transformers.js, which lmkg runs) reads it: a BertNormalizer lowercases only when
 * `lowercase` is true (a missing field does not lowercase) and strips accents when it lowercases
 * unless `strip_accents` is false, or when `strip_accents` is true; `Lowercase` and `StripAccents`
 * do one each; a `Sequence` does what any of its members does.
 */
export function normalizerCasing(normalizer: unknown): { lowercase: boolean; stripAccents: boolean } {
  const n = normalizer as { type?: unknown; lowercase?: unknown; strip_accents?: unknown; normalizers?: unknown } | null | undefined;
  if (!n || typeof n !== 'object') return { lowercase: false, stripAccents: false };
  if (n.type === 'BertNormalizer') {
    const lowercase = n.lowercase === true;
    return { lowercase, stripAccents: lowercase ? n.strip_accents !== false : n.strip_accents === true };
  }
  if (n.type === 'Lowercase') return { lowercase: true, stripAccents: false };
  if (n.type === 'StripAccents') return { lowercase: false, stripAccents: true };
  if (n.type === 'Sequence' && Array.isArray(n.normalizers)) {
    const parts = n.normalizers.map(normalizerCasing);
    return { lowercase: parts.some((p) => p.lowercase), stripAccents: parts.some((p) => p.stripAccents) };
  }
  return { lowercase: false, stripAccents: false };
}

/** BERT's normaliser: clean text, space out CJK ideographs, lowercase and strip accents. */
export function bertNormalizer(config: BertNormalizerConfig): Normalize {
  const clean = config.clean_text === true;
  const chinese = config.handle_chinese_chars === true;
  const { lowercase, stripAccents: strip } = normalizerCasing(config);
  return (text) => {
    if (clean && NEEDS_CLEANING.test(text)) text = text.replace(REMOVED, '').replace(WHITESPACE, ' ');
    if (chinese && HAS_CHINESE.test(text)) text = text.replace(CHINESE, ' $& ');
    if (lowercase) text = text.toLowerCase();
    if (strip) text = stripAccents(text);
    return text;
  };
}

/** Builds the normaliser a `tokenizer.json` describes (null: none). */
export function createNormalizer(config: unknown, where: string): Normalize | null {
  if (config === null || config === undefined) return null;
  const c = config as { type?: unknown; normalizers?: unknown };
  switch (c.type) {
    case 'BertNormalizer':
      return bertNormalizer(c as BertNormalizerConfig);
    case 'Lowercase':
      return (text) => text.toLowerCase();
    case 'StripAccents':
      return (text) => text.replace(ALL_MARKS, ''); // tokenizers.js removes every mark (\p{M}) here
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD': {
      const form = c.type;
      return (text) => text.normalize(form);
    }
    case 'Sequence': {
      if (!Array.isArray(c.normalizers)) throw new UsageError(`${where}: normalizer Sequence has no "normalizers" list`);
      const steps = c.normalizers.map((n) => createNormalizer(n, where)).filter((n): n is Normalize => n !== null);
      return (text) => steps.reduce((t, step) => step(t), text);
    }
    default:
      throw new UsageError(
        `${where}: normalizer type ${JSON.stringify(c.type)} is not supported by lmkg's tokenizer ` +
          '(supported: BertNormalizer, Lowercase, StripAccents, NFC, NFD, NFKC, NFKD, Sequence); use transformers.js for this tokenizer',
      );
  }
}
