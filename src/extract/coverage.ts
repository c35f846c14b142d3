/**
 * @file Whether an extracted triple links a fact's subject to its gold object: the coverage measure
 * of the extractor benchmark (`bench/extract.ts`).
 *
 * Words: NFKC, lowercased, split on anything that is not a letter or digit. A triple argument
 * *names the subject* when it shares a word with the subject label, not counting one-letter words
 * (initials) and particles (de, van, von, ...). An argument *holds the gold object* when the gold's
 * words occur in it as a contiguous run ("Philadelphia" in "Philadelphia, Pennsylvania", "1920" in
 * "3 April 1920"). A triple links the fact when one argument names the subject and the other holds
 * the gold, in either direction (`svo-plus` reverses passives). For SQuAD, whose facts have no
 * subject, a triple links the fact when either argument holds the gold.
 *
 * @example
 * tripleLinksFact({ subject: 'Corrsin', relation: 'born in', object: 'Philadelphia' }, { subject: 'Stanley Corrsin', gold: 'Philadelphia' }); // true
 */
import type { Triple } from '../kg/types.js';

export interface FactToLink {
  /** The subject label, or null (SQuAD). */
  subject: string | null;
  gold: string;
}

/** Words that never count as naming a subject on their own. */
export const SUBJECT_STOP_WORDS: ReadonlySet<string> = new Set([
  'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'el', 'al', 'bin', 'ibn', 'the', 'of', 'and', 'jr', 'sr', 'st',
]);

/** The words of a text (see the file comment). */
export function linkWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** Whether `argument` shares a content word with the subject label. */
export function namesSubject(argument: string, subject: string): boolean {
  const wanted = new Set(linkWords(subject).filter((word) => word.length > 1 && !SUBJECT_STOP_WORDS.has(word)));
  return linkWords(argument).some((word) => wanted.has(word));
}

/** Whether the gold object's words occur in `argument` as a contiguous run. */
export function holdsGold(argument: string, gold: string): boolean {
  const needle = linkWords(gold);
  const hay = linkWords(argument);
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= hay.length; i += 1) {
    if (needle.every((word, k) => hay[i + k] === word)) return true;
  }
  return false;
}

/** Whether a triple links the fact's subject to its gold object (see the file comment). */
export function tripleLinksFact(triple: Triple, fact: FactToLink): boolean {
  if (fact.subject === null) return holdsGold(triple.subject, fact.gold) || holdsGold(triple.object, fact.gold);
  return (namesSubject(triple.subject, fact.subject) && holdsGold(triple.object, fact.gold)) ||
    (namesSubject(triple.object, fact.subject) && holdsGold(triple.subject, fact.gold));
}
