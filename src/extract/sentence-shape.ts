/**
 * @file Coarse shapes of a probe sentence, to say which sentences an extractor misses.
 *
 * `sentenceShape` looks at the masked sentence's text around the subject and the mask (no parse, so
 * the classes do not move with the parser); the classes are checked in this order:
 * - `no-subject`: the fact has no subject (SQuAD);
 * - `subject-absent`: no content word of the subject occurs in the sentence (a pronoun, "He was born in X");
 * - `parenthetical`: the mask sits inside parentheses ("Y (born 3 May 1920 in X) was ...");
 * - `initial-participle`: the sentence opens with "Born"/"Died" ("Born in X, Y became ...");
 * - `object-first`: the mask comes before the first subject mention ("In X, Y was born");
 * - `relative-clause`: "who"/"which"/"whose" stands between the subject and the mask ("Y is a writer who was born in X");
 * - `finite-clause`: a finite birth/death verb between them ("Y was born ... in X", "Y died in X");
 * - `participle-modifier`: a bare participle between them ("Y is a writer born in X", "Y, born in X, ...");
 * - `other`.
 *
 * `goldRole` names the dependency relation (universal part) of the gold object's phrase in the
 * parsed gold sentence: where the object sits grammatically (`obl`, `nmod`, `obj`, `nsubj`, `compound`, ...).
 *
 * @example
 * sentenceShape('Born in [MASK], Stephen became a welder .', 'John Stephen'); // 'initial-participle'
 */
import { MASK_MARKER } from '../data/types.js';
import type { ParsedSentence } from '../nlp/types.js';
import { SUBJECT_STOP_WORDS, linkWords } from './coverage.js';
import { entityRoot } from './entity-prep.js';
import { baseRelation, dependencyTree } from './tree-helpers.js';

export type SentenceShape =
  | 'no-subject' | 'subject-absent' | 'parenthetical' | 'initial-participle' | 'object-first' | 'relative-clause'
  | 'finite-clause' | 'participle-modifier' | 'other';

export const SENTENCE_SHAPES: readonly SentenceShape[] = Object.freeze([
  'no-subject', 'subject-absent', 'parenthetical', 'initial-participle', 'object-first', 'relative-clause',
  'finite-clause', 'participle-modifier', 'other',
] as SentenceShape[]);

const FINITE = /\b(?:was|were|is|are|has been|had been|have been)\s+(?:\w+ly\s+)?(?:born|raised|buried|killed|murdered|executed|baptized|baptised)\b|\b(?:died|dies|passed away|was killed)\b/i;
const PARTICIPLE = /\b(?:born|died|b\.|d\.)(?=\W|$)/i;
const RELATIVE = /\b(?:who|which|whose)\b/i;

/** The shape of a masked sentence for a fact's subject (see the file comment). */
export function sentenceShape(maskedSentence: string, subject: string | null): SentenceShape {
  if (subject === null) return 'no-subject';
  const mask = maskedSentence.indexOf(MASK_MARKER);
  const mention = firstMention(maskedSentence, subject);
  if (mention === null) return 'subject-absent';
  if (mask < 0) return 'other';
  const before = maskedSentence.slice(0, mask);
  if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) return 'parenthetical';
  if (/^\W*(?:born|died)\b/i.test(maskedSentence)) return 'initial-participle';
  if (mask < mention.start) return 'object-first';
  const between = maskedSentence.slice(mention.end, mask);
  if (RELATIVE.test(between)) return 'relative-clause';
  if (FINITE.test(between)) return 'finite-clause';
  if (PARTICIPLE.test(between)) return 'participle-modifier';
  return 'other';
}

/** The first occurrence of a subject content word (character range), or null. */
function firstMention(text: string, subject: string): { start: number; end: number } | null {
  const words = linkWords(subject).filter((word) => word.length > 1 && !SUBJECT_STOP_WORDS.has(word));
  let best: { start: number; end: number } | null = null;
  const lower = text.normalize('NFKC').toLowerCase();
  for (const word of words) {
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').exec(lower);
    if (match && (best === null || match.index < best.start)) best = { start: match.index, end: match.index + word.length };
  }
  return best;
}

/**
 * The universal dependency relation of the gold object's phrase in a parsed sentence: the relation
 * of the root of the first token run whose words equal the gold's words; `absent` when the gold's
 * words are not found as a token run.
 */
export function goldRole(sentence: ParsedSentence, gold: string): string {
  const needle = linkWords(gold);
  const tokens = sentence.tokens;
  if (needle.length === 0) return 'absent';
  const words = tokens.map((token) => linkWords(token.text));
  for (let start = 0; start < tokens.length; start += 1) {
    if (words[start]!.length === 0) continue;
    const run: string[] = [];
    for (let end = start; end < tokens.length; end += 1) {
      run.push(...words[end]!);
      if (run.length > needle.length || !run.every((word, k) => word === needle[k])) break;
      if (run.length === needle.length) {
        const root = entityRoot(dependencyTree(sentence), start, end + 1);
        return baseRelation(tokens[root]!.deprel);
      }
    }
  }
  return 'absent';
}
