/**
 * @file Helpers over one parsed sentence's dependency tree, shared by the parse-based extractors:
 * children lists, phrase spans (a head word widened over chosen dependents), the text of a span with
 * the sentence's own spacing, prepositions (`case` children) and negation words. A tree is built
 * once per sentence in O(n); every query is local.
 */
import type { ParsedSentence, ParsedToken, UposTag } from '../nlp/types.js';
import type { TripleTokens } from './extracted-triple.js';

export interface DependencyTree {
  sentence: ParsedSentence;
  tokens: readonly ParsedToken[];
  /** Dependents of each token, in sentence order. */
  children: number[][];
  /** Index into `sentence.entities` of the span covering each token, or -1. */
  entityOf: Int32Array;
}

/** Words that negate a verb or a noun phrase (spaCy's `neg` words plus the determiners the paper counts). */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['not', "n't", 'nt', 'never', 'no', 'none']);

/** Universal POS tags of words that head a nominal phrase. */
export const NOMINAL_UPOS: ReadonlySet<UposTag> = new Set<UposTag>(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** Builds the tree view of a sentence. Heads outside the sentence are treated as roots. */
export function dependencyTree(sentence: ParsedSentence): DependencyTree {
  const tokens = sentence.tokens;
  const children: number[][] = tokens.map(() => []);
  for (const token of tokens) {
    const head = token.head;
    if (head >= 0 && head < tokens.length && head !== token.index) children[head]!.push(token.index);
  }
  const entityOf = new Int32Array(tokens.length).fill(-1);
  sentence.entities.forEach((entity, e) => {
    for (let i = Math.max(0, entity.start); i < Math.min(tokens.length, entity.end); i += 1) entityOf[i] = e;
  });
  return { sentence, tokens, children, entityOf };
}

/** The universal part of a UD relation: `nsubj:pass` -> `nsubj`. */
export function baseRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

/**
 * Whether `deprel` is in `labels`: a label with a subtype (`obl:agent`) matches exactly, a label
 * without one (`flat`) matches every subtype (`flat:name`).
 */
export function relationIn(deprel: string, labels: ReadonlySet<string>): boolean {
  return labels.has(deprel) || labels.has(baseRelation(deprel));
}

/** The head of `index`, or -1 for the root (or a head outside the sentence). */
export function headOf(tree: DependencyTree, index: number): number {
  const head = tree.tokens[index]!.head;
  return head >= 0 && head < tree.tokens.length && head !== index ? head : -1;
}

/** Dependents of `index` whose relation is in `labels` (see `relationIn`). */
export function childrenIn(tree: DependencyTree, index: number, labels: ReadonlySet<string>): number[] {
  return tree.children[index]!.filter((child) => relationIn(tree.tokens[child]!.deprel, labels));
}

/** A token range [start, end) of the sentence. */
export interface TokenSpan {
  start: number;
  end: number;
}

export interface PhraseOptions {
  /** Dependents that belong to the phrase (followed transitively), e.g. `compound`, `flat`. */
  labels: ReadonlySet<string>;
  /** Also cover the whole entity span that contains the head word. */
  widenToEntity?: boolean;
}

/**
 * The phrase of a head word: the head plus its dependents (transitively) whose relation is in
 * `labels`, optionally widened to the entity span around the head, cut to the contiguous run around
 * the head. Punctuation between two covered words is kept ("March 28, 2005").
 */
export function phraseSpan(tree: DependencyTree, head: number, options: PhraseOptions): TokenSpan {
  const covered = new Set<number>([head]);
  const stack = [head];
  while (stack.length > 0) {
    const index = stack.pop()!;
    for (const child of tree.children[index]!) {
      if (!covered.has(child) && relationIn(tree.tokens[child]!.deprel, options.labels)) {
        covered.add(child);
        stack.push(child);
      }
    }
  }
  if (options.widenToEntity) {
    const e = tree.entityOf[head]!;
    if (e >= 0) {
      const entity = tree.sentence.entities[e]!;
      for (let i = entity.start; i < entity.end; i += 1) covered.add(i);
    }
  }
  return contiguousRun(tree, covered, head);
}

/** The span of the whole subtree of `head` (contiguous run around the head). */
export function subtreeSpan(tree: DependencyTree, head: number): TokenSpan {
  const covered = new Set<number>([head]);
  const stack = [head];
  while (stack.length > 0) {
    for (const child of tree.children[stack.pop()!]!) {
      if (!covered.has(child)) {
        covered.add(child);
        stack.push(child);
      }
    }
  }
  return contiguousRun(tree, covered, head);
}

function contiguousRun(tree: DependencyTree, covered: ReadonlySet<number>, head: number): TokenSpan {
  const isPunct = (i: number) => tree.tokens[i]?.upos === 'PUNCT';
  let start = head;
  for (;;) {
    if (covered.has(start - 1)) start -= 1;
    else if (isPunct(start - 1) && covered.has(start - 2)) start -= 2;
    else break;
  }
  let end = head + 1;
  for (;;) {
    if (covered.has(end)) end += 1;
    else if (isPunct(end) && covered.has(end + 1)) end += 2;
    else break;
  }
  // a subtree's own leading or trailing punctuation is never part of a phrase
  while (end - start > 1 && isPunct(start) && start !== head) start += 1;
  while (end - start > 1 && isPunct(end - 1) && end - 1 !== head) end -= 1;
  return { start, end };
}

/** The sentence text of a token span, with its original spacing. */
export function spanText(tree: DependencyTree, span: TokenSpan): string {
  const first = tree.tokens[span.start]!;
  const last = tree.tokens[span.end - 1]!;
  const text = tree.sentence.text.slice(first.start, last.end);
  // offsets that do not fit the text (a hand-made parse) fall back to the words joined by spaces
  if (text.length === 0 || !text.startsWith(first.text) || !text.endsWith(last.text)) {
    return tree.tokens.slice(span.start, span.end).map((token) => token.text).join(' ');
  }
  return text.replace(/\s+/gu, ' ');
}

/**
 * The words at `indices` (any order), in sentence order, joined with the sentence's spacing between
 * neighbours ("did" + "n't" -> "didn't") and one space across gaps.
 */
export function joinTokens(tree: DependencyTree, indices: Iterable<number>): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  let text = '';
  sorted.forEach((index, k) => {
    const token = tree.tokens[index]!;
    if (k > 0) {
      const previous = tree.tokens[sorted[k - 1]!]!;
      const adjacent = sorted[k - 1] === index - 1 && previous.end === token.start && previous.end > 0;
      if (!adjacent) text += ' ';
    }
    text += token.text;
  });
  return text;
}

/**
 * The preposition marking a nominal: its first `case` dependent tagged ADP, with that word's `fixed`
 * dependents ("out of", "according to"); null when it has none. Possessive `'s` (PART) is not one.
 */
export function prepositionOf(tree: DependencyTree, nominal: number): string | null {
  const tokens = prepositionTokens(tree, nominal);
  return tokens === null ? null : joinTokens(tree, tokens);
}

/** The words of `prepositionOf` (sentence order), or null. */
export function prepositionTokens(tree: DependencyTree, nominal: number): number[] | null {
  for (const child of tree.children[nominal]!) {
    const token = tree.tokens[child]!;
    if (baseRelation(token.deprel) === 'case' && token.upos === 'ADP') {
      return [child, ...childrenIn(tree, child, FIXED)].sort((a, b) => a - b);
    }
  }
  return null;
}

const FIXED: ReadonlySet<string> = new Set(['fixed']);

/**
 * `prepositionOf` the nominal, else of the first word of its phrase (dependents in `labels`) that has
 * one: parsers often hang a date's preposition on its first word ("on 28 December": `on` <- 28).
 */
export function phrasePrepositionOf(tree: DependencyTree, nominal: number, labels: ReadonlySet<string>): string | null {
  const tokens = phrasePrepositionTokens(tree, nominal, labels);
  return tokens === null ? null : joinTokens(tree, tokens);
}

/** The words of `phrasePrepositionOf`, or null. */
export function phrasePrepositionTokens(tree: DependencyTree, nominal: number, labels: ReadonlySet<string>): number[] | null {
  const own = prepositionTokens(tree, nominal);
  if (own !== null) return own;
  for (const child of childrenIn(tree, nominal, labels)) {
    const inner = prepositionTokens(tree, child);
    if (inner !== null) return inner;
  }
  return null;
}

/** The token indices of a span, in order. */
export function spanTokens(span: TokenSpan): number[] {
  return Array.from({ length: Math.max(0, span.end - span.start) }, (_, k) => span.start + k);
}

/** Whether a token is a negation word (see NEGATION_WORDS). */
export function isNegationWord(token: ParsedToken): boolean {
  return NEGATION_WORDS.has(token.text.toLowerCase());
}

/** Whether `index` has a dependent that is a negation word. */
export function hasNegation(tree: DependencyTree, index: number): boolean {
  return tree.children[index]!.some((child) => isNegationWord(tree.tokens[child]!));
}

/** The token and its `conj` dependents (UD attaches every conjunct to the first one). */
export function withConjuncts(tree: DependencyTree, index: number): number[] {
  return [index, ...childrenIn(tree, index, CONJ)];
}

/** All members of the coordination `index` belongs to (the first conjunct and its `conj` dependents). */
export function coordinationOf(tree: DependencyTree, index: number): number[] {
  let first = index;
  const seen = new Set<number>([index]);
  while (baseRelation(tree.tokens[first]!.deprel) === 'conj') {
    const head = headOf(tree, first);
    if (head < 0 || seen.has(head)) break;
    seen.add(head);
    first = head;
  }
  return withConjuncts(tree, first);
}

const CONJ: ReadonlySet<string> = new Set(['conj']);

/**
 * Removes repeated triples (same subject, relation and object), keeping the first; the words of a
 * repeat (when triples carry them) are added to the kept triple's, so a repeat that touched the
 * filled slot still counts as touching it.
 */
export function uniqueTriples<T extends { subject: string; relation: string; object: string; tokens?: TripleTokens }>(triples: T[]): T[] {
  const kept = new Map<string, T>();
  for (const triple of triples) {
    const key = `${triple.subject}\u0000${triple.relation}\u0000${triple.object}`;
    const first = kept.get(key);
    if (first === undefined) kept.set(key, triple);
    else if (first.tokens && triple.tokens) first.tokens = mergeTripleTokens(first.tokens, triple.tokens);
  }
  return [...kept.values()];
}

function mergeTripleTokens(a: TripleTokens, b: TripleTokens): TripleTokens {
  const merge = (x: readonly number[], y: readonly number[]) => [...new Set([...x, ...y])].sort((p, q) => p - q);
  return { subject: merge(a.subject, b.subject), relation: merge(a.relation, b.relation), object: merge(a.object, b.object) };
}
