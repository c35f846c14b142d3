/**
 * @file Judging an extractor's slot-touching triples against hand labels, for the two hand-labelled
 * checks of the slot extractors (issue 14): sentences written with their slot marked and the triples
 * a correct extraction may give (`judgeSlotSentence`), and triples labelled correct or wrong by a
 * reader of the sentence (`labelledPrecision`).
 *
 * - A triple *touches the slot* when its subject or object holds a word of the slot (the relation
 *   does not count: a slot there is not a fact about the slot).
 * - Triples are compared with their subject and object folded to their words (`linkWords`: case and
 *   punctuation do not count) and their relation lowercased and trimmed.
 * - A marked sentence is *caught* when some slot-touching triple is acceptable, and *right* when it
 *   is caught and every slot-touching triple is acceptable.
 *
 * @example
 * markedSentence('Allan Peiper was born in [[Alexandra]].'); // { text: 'Allan Peiper was born in Alexandra.', slot: { start: 25, end: 34 } }
 */
import { InvalidOptionError } from '../errors.js';
import type { Triple } from '../kg/types.js';
import type { CharSpan } from '../probe/slot-fill.js';
import type { ParsedSentence } from '../nlp/types.js';
import { linkWords } from './coverage.js';
import { sentenceTriples } from './extract-triples.js';
import type { SentenceExtractor } from './registry.js';

/** A sentence with its slot: the text without the marks, and the slot's character span. */
export interface MarkedSentence {
  text: string;
  slot: CharSpan;
}

export interface SlotSentenceJudgement {
  /** The extractor's triples whose subject or object holds the slot. */
  slotTriples: Triple[];
  /** Those not among the acceptable triples. */
  unexpected: Triple[];
  caught: boolean;
  right: boolean;
}

export interface LabelledTriple extends Triple {
  /** Whether the triple is a faithful statement of its sentence. */
  correct: boolean;
}

export interface LabelledPrecision {
  /** Slot-touching triples of the extractor. */
  triples: number;
  /** Of those, the ones a label covers. */
  labelled: number;
  correct: number;
  /** correct / labelled (null without labelled triples). */
  precision: number | null;
}

/** The text of a sentence written with its slot in double brackets ("born in [[Y]]"). Throws InvalidOptionError without exactly one slot. */
export function markedSentence(marked: string): MarkedSentence {
  const start = marked.indexOf('[[');
  const end = marked.indexOf(']]', start);
  if (start < 0 || end < 0 || marked.indexOf('[[', start + 2) >= 0) {
    throw new InvalidOptionError(`markedSentence: expected one slot marked [[...]] in "${marked}"`);
  }
  const text = marked.slice(0, start) + marked.slice(start + 2, end) + marked.slice(end + 2);
  return { text, slot: { start, end: end - 2 } };
}

/** Whether two triples are the same (see the file comment). */
export function sameTriple(a: Triple, b: Triple): boolean {
  const words = (text: string) => linkWords(text).join(' ');
  return words(a.subject) === words(b.subject) && words(a.object) === words(b.object) &&
    a.relation.trim().toLowerCase() === b.relation.trim().toLowerCase();
}

/** The extractor's slot-touching triples of one parsed sentence. */
export function slotTouchingTriples(extractor: SentenceExtractor, parsed: ParsedSentence[] | ParsedSentence, sentence: MarkedSentence): Triple[] {
  return sentenceTriples(extractor, parsed, sentence.text, sentence.slot)
    .filter((triple) => (triple.slot ?? []).some((part) => part !== 'relation'))
    .map(({ subject, relation, object }) => ({ subject, relation, object }));
}

/** How an extractor does on one marked sentence with its acceptable slot-touching triples. */
export function judgeSlotSentence(
  extractor: SentenceExtractor, parsed: ParsedSentence[] | ParsedSentence, sentence: MarkedSentence, accept: readonly Triple[],
): SlotSentenceJudgement {
  const slotTriples = slotTouchingTriples(extractor, parsed, sentence);
  const unexpected = slotTriples.filter((triple) => !accept.some((good) => sameTriple(good, triple)));
  const caught = slotTriples.length > unexpected.length;
  return { slotTriples, unexpected, caught, right: caught && unexpected.length === 0 };
}

/** Precision of slot-touching triples against labelled triples of the same sentences (unlabelled ones are counted, not judged). */
export function labelledPrecision(triples: readonly Triple[], labels: readonly LabelledTriple[]): LabelledPrecision {
  let labelled = 0;
  let correct = 0;
  for (const triple of triples) {
    const label = labels.find((candidate) => sameTriple(candidate, triple));
    if (label === undefined) continue;
    labelled += 1;
    if (label.correct) correct += 1;
  }
  return { triples: triples.length, labelled, correct, precision: labelled === 0 ? null : correct / labelled };
}
