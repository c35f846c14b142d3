/**
 * @file Arguments of the `clause` extractor: the phrase of a head word, and which words count as
 * nominals, names, numbers and brackets.
 *
 * - A phrase is the head with its compound, flat, fixed, number, unmarked-date and adjective
 *   dependents, widened to the entity span around it, plus an "of" + name complement of its head
 *   ("the city of Naples", "University of Toronto"): the name is what the phrase refers to.
 * - Nominals: nouns, names, pronouns and numbers, and names the tagger missed (`isNominal`).
 * - Brackets: a phrase never crosses a bracket or a semicolon (`opensParenthesis`, `closesParenthesis`).
 */
import { NOMINAL_UPOS, baseRelation, childrenIn, headOf, phraseSpan, prepositionTokens, spanText, spanTokens, type DependencyTree, type TokenSpan } from './tree-helpers.js';

/** Dependents that belong to a phrase of the `clause` extractor. */
export const CLAUSE_PHRASE_LABELS: ReadonlySet<string> = new Set(['compound', 'flat', 'fixed', 'nummod', 'nmod:unmarked', 'amod', 'goeswith']);

export interface ClauseArgument {
  /** The head word of the phrase. */
  head: number;
  /** The words of the phrase, in sentence order. */
  tokens: number[];
  text: string;
}

const NMOD: ReadonlySet<string> = new Set(['nmod']);

/** The argument made of a token span. */
export function spanArgument(tree: DependencyTree, head: number, span: TokenSpan): ClauseArgument {
  return { head, tokens: spanTokens(span), text: spanText(tree, span) };
}

/** The phrase of a head word (see the file comment). */
export function phraseOf(tree: DependencyTree, head: number): ClauseArgument {
  let span = phraseSpan(tree, head, { labels: CLAUSE_PHRASE_LABELS, widenToEntity: true });
  for (const child of childrenIn(tree, head, NMOD)) {
    const preposition = prepositionTokens(tree, child);
    if (child < span.end || !isName(tree, child) || preposition === null || preposition.length !== 1) continue;
    if (tree.tokens[preposition[0]!]!.text.toLowerCase() !== 'of' || preposition[0] !== span.end) continue;
    const inner = phraseSpan(tree, child, { labels: CLAUSE_PHRASE_LABELS, widenToEntity: true });
    if (inner.start === span.end + 1) span = { start: span.start, end: inner.end };
  }
  return spanArgument(tree, head, withoutEdgePrepositions(tree, withinBrackets(tree, wholeWords(tree, span), head), head));
}

/** A span without prepositions at its edges (an entity span may hold one: "around 1907"). */
function withoutEdgePrepositions(tree: DependencyTree, span: TokenSpan, head: number): TokenSpan {
  let { start, end } = span;
  while (start < head && tree.tokens[start]!.upos === 'ADP') start += 1;
  while (end - 1 > head && tree.tokens[end - 1]!.upos === 'ADP') end -= 1;
  return { start, end };
}

/** A span widened over the pieces of its first and last words a tokeniser split off ("Muszy" "ń" "ski"). */
function wholeWords(tree: DependencyTree, span: TokenSpan): TokenSpan {
  let { start, end } = span;
  while (start > 0 && tree.tokens[start - 1]!.end === tree.tokens[start]!.start && isWordPiece(tree, start - 1)) start -= 1;
  while (end < tree.tokens.length && tree.tokens[end - 1]!.end === tree.tokens[end]!.start && isWordPiece(tree, end)) end += 1;
  return { start, end };
}

/** A token that can be part of a longer word: letters or digits, not punctuation. */
function isWordPiece(tree: DependencyTree, index: number): boolean {
  return /^[\p{L}\p{M}\p{N}]+$/u.test(tree.tokens[index]!.text);
}

/** A span cut to the part around its head that no bracket or semicolon crosses ("X (1803" -> "X"). */
function withinBrackets(tree: DependencyTree, span: TokenSpan, head: number): TokenSpan {
  const isBreak = (index: number) => /[()[\];]/u.test(tree.tokens[index]!.text);
  let start = head;
  while (start > span.start && !isBreak(start - 1)) start -= 1;
  let end = head + 1;
  while (end < span.end && !isBreak(end)) end += 1;
  return { start, end };
}

/** Whether a word opens a parenthesis ("(", or a tokeniser's "(;"). */
export function opensParenthesis(tree: DependencyTree, index: number): boolean {
  const text = tree.tokens[index]!.text;
  return text.startsWith('(') && !text.includes(')');
}

/** Whether a word closes a parenthesis. */
export function closesParenthesis(tree: DependencyTree, index: number): boolean {
  const text = tree.tokens[index]!.text;
  return text.endsWith(')') && !text.includes('(');
}

/**
 * Whether a word heads a nominal phrase: a noun, name, pronoun or number, or a name the tagger took
 * for a verb or an adjective ("Belches", "Hull", "Shine"): a capitalised word inside the sentence
 * (not its first word, not the first after a bracket) that the parse attaches as a nominal.
 */
export function isNominal(tree: DependencyTree, index: number): boolean {
  return NOMINAL_UPOS.has(tree.tokens[index]!.upos) || isNumber(tree, index) || isMistaggedName(tree, index);
}

/** A number, or a word with digits the tagger did not call one ("2nd", "1943-47"). */
export function isNumber(tree: DependencyTree, index: number): boolean {
  const token = tree.tokens[index]!;
  return token.upos === 'NUM' || (token.upos !== 'PUNCT' && /\d/u.test(token.text));
}

/** A proper noun, or a name the tagger missed (see `isNominal`). */
export function isName(tree: DependencyTree, index: number): boolean {
  return tree.tokens[index]!.upos === 'PROPN' || isMistaggedName(tree, index);
}

/** A capitalised VERB, ADJ or X inside the sentence attached as a nominal (see `isNominal`). */
export function isMistaggedName(tree: DependencyTree, index: number): boolean {
  const token = tree.tokens[index]!;
  if (!MISTAGGED_UPOS.has(token.upos) || !/^\p{Lu}/u.test(token.text) || !NOMINAL_RELATIONS.has(baseRelation(token.deprel))) return false;
  let before = index - 1;
  while (before >= 0 && tree.tokens[before]!.upos === 'PUNCT' && !opensParenthesis(tree, before)) before -= 1;
  return before >= 0 && !opensParenthesis(tree, before) && !startsSentence(tree, index);
}

function startsSentence(tree: DependencyTree, index: number): boolean {
  const parts = tree.sentence.sentences ?? [];
  return parts.some((part) => part.start === index);
}

const MISTAGGED_UPOS: ReadonlySet<string> = new Set(['VERB', 'ADJ', 'X']);
const NOMINAL_RELATIONS: ReadonlySet<string> = new Set(['nsubj', 'obj', 'iobj', 'obl', 'nmod', 'appos', 'conj', 'flat', 'compound', 'parataxis', 'list']);
