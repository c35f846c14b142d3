/**
 * @file `entity-prep` (alias `spacy`): the paper's spaCy heuristic in Universal Dependencies terms.
 *
 * The paper's code (`spacy_extract_relations`, epfml/interpret-lm-knowledge) takes, for each named
 * entity, the head word of the entity's root and emits one triple per prepositional dependent of
 * that head: (entity, "<head> <preposition>", object of the preposition). In UD a preposition is a
 * `case` dependent of its nominal, and the nominal hangs from the head by `obl` or `nmod`, so:
 *
 *   for each entity span E with root r (its word whose head lies outside E):
 *     skip E when r itself carries a preposition (spaCy's head would be that preposition, which has
 *       no prepositional dependents);
 *     h = the head of r (r itself when r is the sentence root);
 *     for each dependent d of h, outside E, attached by obl or nmod (any subtype) with a `case` ADP:
 *       emit (E's text, "<h's text> <preposition>", phrase of d).
 *
 * A preposition the parser hung on a word inside the nominal's phrase ("on" <- "28" in "on 28
 * December 1981") counts as the nominal's.
 *
 * The phrase of d is d with its compound, flat, number and unmarked-date dependents, widened to the
 * entity span containing d ("5 April 1885", "New York City"); spaCy's code took the single word.
 *
 * @example
 * entityPrepTriples(parse('Allan Dwan was born in Toronto.'))
 * // [{ subject: 'Allan Dwan', relation: 'born in', object: 'Toronto' }]
 */
import type { Triple } from '../kg/types.js';
import type { ParsedSentence } from '../nlp/types.js';
import { plainTriples, type ExtractedTriple } from './extracted-triple.js';
import {
  baseRelation, dependencyTree, headOf, joinTokens, phraseSpan, phrasePrepositionOf, phrasePrepositionTokens, spanText, spanTokens,
  uniqueTriples, type DependencyTree,
} from './tree-helpers.js';

/** Dependents that belong to an object phrase of `entity-prep`. */
export const ENTITY_PREP_PHRASE_LABELS: ReadonlySet<string> = new Set(['compound', 'flat', 'fixed', 'nummod', 'nmod:unmarked', 'goeswith']);

/** Triples of one sentence by the entity-preposition heuristic (see the file comment). */
export function entityPrepTriples(sentence: ParsedSentence): Triple[] {
  return plainTriples(entityPrepExtraction(sentence));
}

/** `entityPrepTriples` with the words of each part. */
export function entityPrepExtraction(sentence: ParsedSentence): ExtractedTriple[] {
  const tree = dependencyTree(sentence);
  const triples: ExtractedTriple[] = [];
  for (const entity of sentence.entities) {
    const root = entityRoot(tree, entity.start, entity.end);
    if (root < 0 || phrasePrepositionOf(tree, root, ENTITY_PREP_PHRASE_LABELS) !== null) continue;
    const head = headOf(tree, root) < 0 ? root : headOf(tree, root);
    for (const dependent of tree.children[head]!) {
      if (dependent >= entity.start && dependent < entity.end) continue;
      const relation = baseRelation(tree.tokens[dependent]!.deprel);
      if (relation !== 'obl' && relation !== 'nmod') continue;
      const preposition = phrasePrepositionTokens(tree, dependent, ENTITY_PREP_PHRASE_LABELS);
      if (preposition === null) continue;
      const objectSpan = phraseSpan(tree, dependent, { labels: ENTITY_PREP_PHRASE_LABELS, widenToEntity: true });
      triples.push({
        subject: entity.text,
        relation: `${tree.tokens[head]!.text} ${joinTokens(tree, preposition)}`,
        object: spanText(tree, objectSpan),
        tokens: { subject: spanTokens(entity), relation: [head, ...preposition], object: spanTokens(objectSpan) },
      });
    }
  }
  return uniqueTriples(triples);
}

/**
 * The root of a token span: the word whose head lies outside the span; when several do (a span the
 * parser split), the one nearest the sentence root. -1 for an empty span.
 */
export function entityRoot(tree: DependencyTree, start: number, end: number): number {
  let best = -1;
  let bestDepth = Infinity;
  for (let i = Math.max(0, start); i < Math.min(end, tree.tokens.length); i += 1) {
    const head = headOf(tree, i);
    if (head >= start && head < end) continue;
    const depth = depthOf(tree, i);
    if (depth < bestDepth) {
      best = i;
      bestDepth = depth;
    }
  }
  return best;
}

function depthOf(tree: DependencyTree, index: number): number {
  let depth = 0;
  for (let i = headOf(tree, index); i >= 0 && depth <= tree.tokens.length; i = headOf(tree, i)) depth += 1;
  return depth;
}
