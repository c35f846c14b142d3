/**
 * @file Reading the text around a clause, for the subjects a parser often attaches wrongly in
 * Wikipedia biographies (the `clause` extractor's rules 3, 4, 5 and 7, `clause-subjects.ts`). Each
 * looks at word order, brackets and commas, and only at the tree to find a phrase's head:
 *
 * - the name before a parenthesis ("X (born ...)", "X, (born ...)", "X (Z) (born ...)", "X, CBE
 *   (born ...)": postnominal letters skipped);
 * - the subject run of a sentence-initial participle: the nominal words between the last comma and
 *   the first verb after the participle's first comma ("Born in Y, Z, X became ...");
 * - the name or pronoun right before a verb group, over parentheses ("X (1819 -- 1894) was born");
 * - the nominal before ", <participle>".
 */
import type { ParsedToken } from '../nlp/types.js';
import {
  CLAUSE_PHRASE_LABELS, closesParenthesis, isMistaggedName, isName, isNominal, opensParenthesis, phraseOf, spanArgument, type ClauseArgument,
} from './clause-phrases.js';
import { baseRelation, childrenIn, headOf, type DependencyTree } from './tree-helpers.js';

/** Tags of the words a subject run may hold. */
const SUBJECT_RUN_UPOS: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM', 'X', 'PART']);
const CASE: ReadonlySet<string> = new Set(['case']);
const RELATIVE_WORDS: ReadonlySet<string> = new Set(['who', 'whom', 'which', 'that', 'whose', 'where']);

/** The first word (punctuation skipped) of the sentence a word is in (a parse may hold several). */
export function sentenceStart(tree: DependencyTree, index: number): number {
  const parts = tree.sentence.sentences ?? [{ start: 0, end: tree.tokens.length }];
  const part = parts.find((p) => index >= p.start && index < p.end) ?? { start: 0, end: tree.tokens.length };
  let first = part.start;
  while (first < index && tree.tokens[first]!.upos === 'PUNCT') first += 1;
  return first;
}

/** The "(" of the innermost parenthesis around a word, or -1. */
export function openingParenthesis(tree: DependencyTree, index: number): number {
  let depth = 0;
  for (let i = index - 1; i >= 0; i -= 1) {
    if (closesParenthesis(tree, i)) depth += 1;
    else if (opensParenthesis(tree, i)) {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

/** The index before any closed parentheses that end at `index` ("X (a) (b)" from ")" to "X"). */
export function skipParentheses(tree: DependencyTree, index: number): number {
  let before = index;
  while (before >= 0 && closesParenthesis(tree, before)) {
    let close = 1;
    before -= 1;
    while (before >= 0 && close > 0) {
      if (closesParenthesis(tree, before)) close += 1;
      if (opensParenthesis(tree, before)) close -= 1;
      before -= 1;
    }
  }
  return before;
}

/** The name written before the parenthesis opened at `open` (see the file comment), or null. */
export function nameBefore(tree: DependencyTree, open: number): ClauseArgument | null {
  let before = skipParentheses(tree, open - 1);
  if (before >= 0 && tree.tokens[before]!.text === ',') before -= 1;
  // "X, CBE (born ...)": postnominal letters after a comma are not the name
  while (before >= 2 && isPostnominal(tree.tokens[before]!) && tree.tokens[before - 1]!.text === ',') before -= 2;
  if (before < 0 || !isName(tree, nameWordHead(tree, before))) return null;
  return phraseOf(tree, nominalHead(tree, nameWordHead(tree, before)));
}

function isPostnominal(token: ParsedToken): boolean {
  return /^\p{Lu}{2,5}$/u.test(token.text);
}

/**
 * The piece of a word a tokeniser split ("Muszy" "ń" "ski") that can head it: the first piece tagged
 * as a name, walking left over pieces glued to each other; the word itself otherwise.
 */
function nameWordHead(tree: DependencyTree, index: number): number {
  let first = index;
  while (first > 0 && tree.tokens[first - 1]!.end === tree.tokens[first]!.start && !/[()[\],;]/u.test(tree.tokens[first - 1]!.text)) first -= 1;
  for (let i = first; i <= index; i += 1) if (isName(tree, i)) return i;
  return index;
}

/** The head of the name phrase a word belongs to (climbs flat, compound and fixed links to a nearby head). */
export function nominalHead(tree: DependencyTree, index: number): number {
  let current = index;
  for (let step = 0; step < 6; step += 1) {
    const head = headOf(tree, current);
    const relation = tree.tokens[current]!.deprel;
    if (head < 0 || !CLAUSE_PHRASE_LABELS.has(relation) || relation === 'amod' || Math.abs(head - current) > 4) break;
    current = head;
  }
  return current;
}

/** The subject run of a sentence-initial participle (see the file comment), or null. */
export function initialParticipleRun(tree: DependencyTree, participle: number): ClauseArgument | null {
  const tokens = tree.tokens;
  let firstComma = participle + 1;
  while (firstComma < tokens.length && tokens[firstComma]!.text !== ',') firstComma += 1;
  let lastComma = firstComma;
  for (let m = firstComma + 1; m < tokens.length; m += 1) {
    const token = tokens[m]!;
    if (token.text === ',' || token.text === ';') {
      lastComma = m;
      continue;
    }
    if ((token.upos !== 'VERB' && token.upos !== 'AUX') || isMistaggedName(tree, m)) continue;
    let end = m;
    while (end > lastComma + 1 && tokens[end - 1]!.upos === 'ADV') end -= 1;
    const run = tokens.slice(lastComma + 1, end);
    const fits = (t: ParsedToken) => SUBJECT_RUN_UPOS.has(t.upos) || isName(tree, t.index);
    if (run.length > 0 && run.length <= 8 && run.every(fits) && run.some((t) => isNominal(tree, t.index) && t.upos !== 'NUM')) {
      return spanArgument(tree, nominalHead(tree, end - 1), { start: lastComma + 1, end });
    }
  }
  return null;
}

/**
 * The name or pronoun written right before a predicate's verb group (its auxiliaries and copula),
 * over parentheses, or a capitalised first word whatever its tag ("Downing was born"); null for a
 * nominal with its own preposition ("in Paris was ...") or a relative word.
 */
export function nominalBeforeVerbGroup(tree: DependencyTree, predicate: number, auxiliaries: ReadonlySet<string>): ClauseArgument | null {
  const group = [predicate, ...childrenIn(tree, predicate, auxiliaries)];
  let before = Math.min(...group) - 1;
  while (before >= 0 && tree.tokens[before]!.upos === 'ADV') before -= 1;
  before = skipParentheses(tree, before);
  if (before < 0) return null;
  const token = tree.tokens[before]!;
  const capitalisedOpening = before === sentenceStart(tree, before) && /^\p{Lu}/u.test(token.text) && token.upos !== 'ADP';
  if (token.upos !== 'PRON' && !isName(tree, before) && !capitalisedOpening) return null;
  const head = nominalHead(tree, before);
  if (childrenIn(tree, head, CASE).length > 0 || RELATIVE_WORDS.has(token.text.toLowerCase())) return null;
  return phraseOf(tree, head);
}

/** The head of the nominal right before ", <predicate>", or null. */
export function commaNominal(tree: DependencyTree, predicate: number): number | null {
  const comma = tree.tokens[predicate - 1];
  const before = tree.tokens[predicate - 2];
  if (comma?.text !== ',' || before === undefined || !isNominal(tree, before.index) || before.upos === 'NUM') return null;
  return nominalHead(tree, before.index);
}

/**
 * The name written right before a subject-less verb and linked to it either way ("Long/advmod died",
 * "Manning/root died/xcomp": a name the tagger or parser did not make the subject), or a capitalised
 * first word so linked; null when it carries a preposition.
 */
export function linkedNameBefore(tree: DependencyTree, predicate: number): ClauseArgument | null {
  let before = predicate - 1;
  while (before >= 0 && tree.tokens[before]!.upos === 'ADV' && !/^\p{Lu}/u.test(tree.tokens[before]!.text)) before -= 1;
  if (before < 0) return null;
  const token = tree.tokens[before]!;
  const verb = tree.tokens[predicate]!;
  // the name hangs from the verb by a relation a subject-less verb's name should not have, or the
  // verb hangs from the name as a complement a name cannot take (a modifying clause, acl, can)
  const linked = verb.upos === 'VERB' &&
    ((token.head === predicate && !PHRASE_OR_ARGUMENT.has(baseRelation(token.deprel))) ||
      (verb.head === before && COMPLEMENTS.has(baseRelation(verb.deprel))));
  const capitalisedOpening = before === sentenceStart(tree, before) && /^\p{Lu}/u.test(token.text) && !FUNCTION_UPOS.has(token.upos);
  if (!linked || !(isName(tree, before) || capitalisedOpening) || childrenIn(tree, before, CASE).length > 0) return null;
  return phraseOf(tree, nominalHead(tree, before));
}

const FUNCTION_UPOS: ReadonlySet<string> = new Set(['ADP', 'DET', 'SCONJ', 'CCONJ', 'PRON', 'AUX', 'PART', 'INTJ', 'PUNCT']);
const PHRASE_OR_ARGUMENT: ReadonlySet<string> = new Set(['compound', 'flat', 'amod', 'nummod', 'fixed', 'goeswith', 'obj', 'iobj', 'obl', 'nsubj', 'csubj', 'xcomp', 'ccomp', 'conj', 'appos', 'case', 'mark', 'cc', 'det', 'punct']);
const COMPLEMENTS: ReadonlySet<string> = new Set(['xcomp', 'ccomp']);
