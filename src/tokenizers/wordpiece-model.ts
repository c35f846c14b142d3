/**
 * @file Encoding one pre-tokenised word with a WordPiece model: greedy longest match first, pieces
 * after the first carry the continuation prefix (`##`), a word with no full cover (or longer than
 * `max_input_chars_per_word` characters) is one unknown token. Results are cached per word.
 */

export interface WordPieceModelSpec {
  /** token -> id of the model (vocab plus added tokens, which win). */
  tokenIds: ReadonlyMap<string, number>;
  prefix: string;
  maxInputCharsPerWord: number;
  unk: { token: string; id: number };
  finalId: (token: string) => number;
}

export interface WordPieceWordEncoder {
  encodeWord(word: string): readonly number[];
  wordTokens(word: string): string[];
}

const MAX_CACHE = 1 << 20;

export function createWordPieceModel(spec: WordPieceModelSpec): WordPieceWordEncoder {
  const cache = new Map<string, readonly number[]>();

  function wordTokens(word: string): string[] {
    // code point boundaries, in UTF-16 offsets
    const bounds: number[] = [0];
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < word.length) {
        const low = word.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) i++;
      }
      bounds.push(i + 1);
    }
    const chars = bounds.length - 1;
    if (chars > spec.maxInputCharsPerWord) return [spec.unk.token];
    const pieces: string[] = [];
    let start = 0;
    while (start < chars) {
      let end = chars;
      let found: string | null = null;
      while (start < end) {
        let piece = word.slice(bounds[start], bounds[end]);
        if (start > 0) piece = spec.prefix + piece;
        if (spec.tokenIds.has(piece)) {
          found = piece;
          break;
        }
        end--;
      }
      if (found === null) return [spec.unk.token];
      pieces.push(found);
      start = end;
    }
    return pieces;
  }

  function encodeWord(word: string): readonly number[] {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const ids = wordTokens(word).map((token) => (token === spec.unk.token ? spec.unk.id : spec.finalId(token)));
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, ids);
    return ids;
  }

  return { encodeWord, wordTokens };
}
