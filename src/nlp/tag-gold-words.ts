/**
 * @file UPOS tags from the run-time tagger (wink) for a given word sequence, as the evaluation
 * protocol needs (gold tokenisation, predicted tags) and as training uses (so the parser learns
 * from the tags it will see).
 *
 * The words are joined with single spaces and read by wink; wink's tokens are aligned to the words
 * by character offsets. A word that is exactly one wink token takes its tag (99.2% of EWT test
 * words). Alignment fallback: a word wink splits into several tokens ("01-Feb-02", "!!!",
 * "Space.com", "it's" written without a space) takes the tag of its first token that is not
 * PUNCT/SYM, else the first token's tag; a word covered by a token that also covers other words
 * takes that token's tag.
 */
import type { UposTag } from './types.js';
import { analyzeText } from './wink.js';

export function tagGoldWords(forms: readonly string[]): UposTag[] {
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  for (let i = 0; i < forms.length; i += 1) {
    if (i > 0) text += ' ';
    starts.push(text.length);
    text += forms[i]!;
    ends.push(text.length);
  }
  const tokens = analyzeText(text).tokens;
  const tags: UposTag[] = new Array(forms.length);
  let k = 0;
  for (let i = 0; i < forms.length; i += 1) {
    while (k < tokens.length && tokens[k]!.end <= starts[i]!) k += 1;
    let tag: UposTag | undefined;
    let first: UposTag | undefined;
    for (let j = k; j < tokens.length && tokens[j]!.start < ends[i]!; j += 1) {
      const upos = tokens[j]!.upos;
      first ??= upos;
      if (tag === undefined && upos !== 'PUNCT' && upos !== 'SYM') tag = upos;
    }
    tags[i] = tag ?? first ?? 'X';
  }
  return tags;
}
