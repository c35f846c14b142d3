/**
 * @file Added tokens (the specials `<s>`, `<mask>`, `[CLS]` ...): finding them in raw text before the
 * normaliser runs, with `lstrip`/`rstrip` eating the whitespace beside them, exactly as Hugging Face
 * tokenizers.js does (so "born in <mask>" gives no token for the space before `<mask>`).
 */

/** One entry of `added_tokens` in `tokenizer.json`. */
export interface AddedTokenSpec {
  id: number;
  content: string;
  single_word?: boolean;
  lstrip?: boolean;
  rstrip?: boolean;
  normalized?: boolean;
  special?: boolean;
}

export interface AddedToken {
  readonly id: number;
  readonly content: string;
  readonly lstrip: boolean;
  readonly rstrip: boolean;
  readonly special: boolean;
  /** Matched after normalisation (true) or in the raw text (false). Default: not special. */
  readonly normalized: boolean;
}

export function toAddedToken(spec: AddedTokenSpec): AddedToken {
  const special = spec.special ?? false;
  return {
    id: spec.id,
    content: spec.content,
    lstrip: spec.lstrip ?? false,
    rstrip: spec.rstrip ?? false,
    special,
    normalized: spec.normalized ?? !special,
  };
}

/**
 * Splits text at the first occurrence of any of `contents` (the longest where several start at the
 * same place), keeping the matches as their own pieces. Returns null when nothing matches.
 */
export type Splitter = (text: string) => string[] | null;

export function createSplitter(contents: readonly string[]): Splitter {
  const words = [...new Set(contents.filter((c) => c.length > 0))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return () => null;
  // alternatives ordered longest first: at the leftmost position the longest content wins, as in a trie walk
  const pattern = new RegExp(words.map(escapeRegExp).join('|'), 'g');
  return (text) => {
    pattern.lastIndex = 0;
    let match = pattern.exec(text);
    if (match === null) return null;
    const pieces: string[] = [];
    let start = 0;
    while (match !== null) {
      if (match.index > start) pieces.push(text.slice(start, match.index));
      pieces.push(match[0]);
      start = match.index + match[0].length;
      match = pattern.exec(text);
    }
    if (start < text.length) pieces.push(text.slice(start));
    return pieces;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Applies lstrip/rstrip of the added tokens among `pieces` to their neighbours, in place. */
export function stripAroundAdded(pieces: string[], added: ReadonlyMap<string, AddedToken>): void {
  for (let i = 0; i < pieces.length; i++) {
    const token = added.get(pieces[i]!);
    if (token === undefined) continue;
    if (token.lstrip && i > 0) pieces[i - 1] = pieces[i - 1]!.trimEnd();
    if (token.rstrip && i < pieces.length - 1) pieces[i + 1] = pieces[i + 1]!.trimStart();
  }
}
