/**
 * @file `svo-plus` (alias `custom`): the paper's enhanced subject-verb-object extractor
 * (`scripts/custom_svo_extractor.py` in epfml/interpret-lm-knowledge, after
 * peter3125/enhanced-subject-verb-object-extraction) in Universal Dependencies terms.
 *
 * - Predicates: verbs (UPOS VERB, not `aux`/`cop`/`xcomp`); only when a sentence has none, copular
 *   predicates (the paper falls back to auxiliaries, and spaCy makes the copula the head).
 * - Subjects: `nsubj*` and `csubj*` dependents (not determiners) and their conjuncts. A relative
 *   pronoun (who, which, that) stands for the noun its clause modifies (as subject or object). A verb without a subject takes
 *   the subjects of the verb it is coordinated with ("was born in X and died in Y"); otherwise, as
 *   the paper, the first noun or proper noun above it ("a director born in X", "Y (born in X)"),
 *   unless the verb is a clause of a copular predicate (spaCy hangs those from the copula).
 * - Objects: `obj`, `iobj`, a nominal `xcomp`, the predicate nominal of a copular clause, and
 *   prepositional objects (nominals attached by `obl`, any subtype, with a `case` preposition, the
 *   passive agent included); each expanded over its conjuncts. A verbal `xcomp` adds its own objects
 *   under its own verb ("wanted to buy a car" -> buy). A verb with no objects at all shares the
 *   objects of a verb coordinated right after it ("beat and hurt me").
 * - Passive clauses (an `aux:pass`, `nsubj:pass`, `csubj:pass` or `obl:agent` dependent, or a
 *   subject-less conjunct of a passive verb) are reversed: (object, lemma of the verb, subject),
 *   as the paper does ("Allan Dwan was born in Toronto" -> (Toronto, bear, Allan Dwan)).
 * - Active clauses give (subject, verb, object) with the verb lowercased; a prepositional object adds
 *   its preposition ("died in"), which the paper never reaches (its active branch drops them).
 * - Negation (not, n't, never, no, none on the verb or the object) prefixes the relation with "!".
 * - Phrases: the head word with its compound, flat, number, unmarked-date and adjective dependents,
 *   widened to the entity span around it (the paper took all left and right dependents, articles
 *   included).
 *
 * Differences from the paper's code, all deliberate: passive is decided per clause (the paper marks
 * the whole sentence passive when any `auxpass` occurs), coordinated verbs inherit their subject (a
 * typo, `dep_ == "SUB"`, keeps the paper's code from doing so), `expl` ("there") is not a subject,
 * and prepositional objects of active verbs are kept.
 *
 * @example
 * svoPlusTriples(parse('Allan Dwan was born in Toronto.'))
 * // [{ subject: 'Toronto', relation: 'bear', object: 'Allan Dwan' }]
 */
import type { Triple } from '../kg/types.js';
import type { ParsedSentence } from '../nlp/types.js';
import { plainTriples, type ExtractedTriple } from './extracted-triple.js';
import {
  NOMINAL_UPOS, baseRelation, childrenIn, dependencyTree, hasNegation, headOf, joinTokens, phrasePrepositionTokens, phraseSpan, spanText,
  spanTokens, subtreeSpan, uniqueTriples, withConjuncts, type DependencyTree,
} from './tree-helpers.js';

/** Dependents that belong to a subject or object phrase of `svo-plus`. */
export const SVO_PLUS_PHRASE_LABELS: ReadonlySet<string> = new Set(['compound', 'flat', 'fixed', 'nummod', 'nmod:unmarked', 'amod', 'goeswith']);

const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whom', 'which', 'that']);
const PASSIVE_MARKERS: ReadonlySet<string> = new Set(['aux:pass', 'nsubj:pass', 'csubj:pass', 'obl:agent']);
const COP: ReadonlySet<string> = new Set(['cop']);

interface Argument {
  index: number;
  text: string;
  /** The words of the phrase. */
  tokens: number[];
}

interface ObjectArgument extends Argument {
  /** The verb word the object belongs to (the predicate, its copula or an xcomp verb). */
  verb: number;
  /** The words of its preposition, or null. */
  preposition: number[] | null;
}

/** Enhanced subject-verb-object triples of one sentence (see the file comment). */
export function svoPlusTriples(sentence: ParsedSentence): Triple[] {
  return plainTriples(svoPlusExtraction(sentence));
}

/** `svoPlusTriples` with the words of each part. */
export function svoPlusExtraction(sentence: ParsedSentence): ExtractedTriple[] {
  const tree = dependencyTree(sentence);
  let predicates = tree.tokens
    .filter((token) => token.upos === 'VERB' && !['aux', 'cop', 'xcomp'].includes(baseRelation(token.deprel)))
    .map((token) => token.index);
  if (predicates.length === 0) {
    predicates = tree.tokens.filter((token) => childrenIn(tree, token.index, COP).length > 0).map((token) => token.index);
  }
  const triples: ExtractedTriple[] = [];
  for (const predicate of predicates) {
    const subjects = subjectsOf(tree, predicate, new Set());
    if (subjects.length === 0) continue;
    let objects = objectsOf(tree, predicate);
    if (objects.length === 0) objects = objectsOfNextCoordinatedVerb(tree, predicate);
    const verbNegated = hasNegation(tree, predicate);
    for (const subject of subjects) {
      for (const object of objects) {
        const negated = verbNegated || hasNegation(tree, object.index) || (object.verb !== predicate && hasNegation(tree, object.verb));
        const mark = negated ? '!' : '';
        const verb = tree.tokens[object.verb]!;
        if (isPassive(tree, object.verb, new Set())) {
          triples.push({
            subject: object.text, relation: mark + verb.lemma.toLowerCase(), object: subject.text,
            tokens: { subject: object.tokens, relation: [object.verb], object: subject.tokens },
          });
        } else {
          const preposition = object.preposition === null ? '' : ` ${joinTokens(tree, object.preposition).toLowerCase()}`;
          triples.push({
            subject: subject.text, relation: mark + verb.text.toLowerCase() + preposition, object: object.text,
            tokens: { subject: subject.tokens, relation: [object.verb, ...(object.preposition ?? [])], object: object.tokens },
          });
        }
      }
    }
  }
  return uniqueTriples(triples.filter((triple) => triple.subject !== triple.object));
}

function phrase(tree: DependencyTree, index: number): Argument {
  const span = phraseSpan(tree, index, { labels: SVO_PLUS_PHRASE_LABELS, widenToEntity: true });
  return { index, text: spanText(tree, span), tokens: spanTokens(span) };
}

function subjectsOf(tree: DependencyTree, predicate: number, seen: Set<number>): Argument[] {
  seen.add(predicate);
  const relation = baseRelation(tree.tokens[predicate]!.deprel);
  const subjects: Argument[] = [];
  for (const child of tree.children[predicate]!) {
    const token = tree.tokens[child]!;
    const childRelation = baseRelation(token.deprel);
    if ((childRelation !== 'nsubj' && childRelation !== 'csubj') || token.upos === 'DET') continue;
    if (childRelation === 'csubj') {
      const span = subtreeSpan(tree, child);
      subjects.push({ index: child, text: spanText(tree, span), tokens: spanTokens(span) });
    } else if (RELATIVE_PRONOUNS.has(token.text.toLowerCase()) && relation === 'acl' && headOf(tree, predicate) >= 0) {
      subjects.push(...withConjuncts(tree, headOf(tree, predicate)).map((index) => phrase(tree, index)));
    } else {
      subjects.push(...withConjuncts(tree, child).map((index) => phrase(tree, index)));
    }
  }
  if (subjects.length > 0) return subjects;
  const head = headOf(tree, predicate);
  if (head < 0 || seen.has(head)) return [];
  if (relation === 'conj') return subjectsOf(tree, head, seen);
  // as the paper, climb to the first verb or noun above; a noun there is the subject. A clause that
  // hangs from a copular predicate (advcl, parataxis) hangs from the copula in spaCy: no subject.
  let above = head;
  while (above >= 0 && !seen.has(above) && !NOUN_HEADS.has(tree.tokens[above]!.upos) && tree.tokens[above]!.upos !== 'VERB') {
    seen.add(above);
    above = headOf(tree, above);
  }
  if (above < 0 || !NOUN_HEADS.has(tree.tokens[above]!.upos)) return [];
  if (relation !== 'acl' && above === head && childrenIn(tree, above, COP).length > 0) return [];
  return [phrase(tree, above)];
}

/** Words a subject-less verb may take as its subject when it modifies them (the paper: NOUN; UD adds PROPN). */
const NOUN_HEADS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

function objectsOf(tree: DependencyTree, predicate: number): ObjectArgument[] {
  const token = tree.tokens[predicate]!;
  const copula = childrenIn(tree, predicate, COP)[0];
  const objects: ObjectArgument[] = [];
  if (copula !== undefined && token.upos !== 'VERB') {
    if (NOMINAL_UPOS.has(token.upos)) objects.push(...expand(tree, predicate, copula, null));
    return objects;
  }
  objects.push(...verbObjects(tree, predicate));
  for (const child of childrenIn(tree, predicate, XCOMP)) {
    const complement = tree.tokens[child]!;
    if (NOMINAL_UPOS.has(complement.upos)) objects.push(...expand(tree, child, predicate, null));
    else if (complement.upos === 'VERB') objects.push(...verbObjects(tree, child));
  }
  return objects;
}

const XCOMP: ReadonlySet<string> = new Set(['xcomp']);

/** Direct, indirect and prepositional objects of a verb, expanded over conjuncts. */
function verbObjects(tree: DependencyTree, verb: number): ObjectArgument[] {
  const objects: ObjectArgument[] = [];
  for (const child of tree.children[verb]!) {
    const token = tree.tokens[child]!;
    if (token.deprel === 'obj' || token.deprel === 'iobj') {
      objects.push(...expand(tree, child, verb, null));
    } else if (baseRelation(token.deprel) === 'obl' && NOMINAL_UPOS.has(token.upos)) {
      const preposition = phrasePrepositionTokens(tree, child, SVO_PLUS_PHRASE_LABELS);
      if (preposition !== null) objects.push(...expand(tree, child, verb, preposition));
    }
  }
  return objects;
}

function expand(tree: DependencyTree, nominal: number, verb: number, preposition: number[] | null): ObjectArgument[] {
  // "the film that Dwan directed": a relative pronoun object stands for the noun the clause modifies
  const modified = headOf(tree, verb);
  if (RELATIVE_PRONOUNS.has(tree.tokens[nominal]!.text.toLowerCase()) && baseRelation(tree.tokens[verb]!.deprel) === 'acl' && modified >= 0) {
    return withConjuncts(tree, modified).map((index) => ({ ...phrase(tree, index), verb, preposition }));
  }
  return withConjuncts(tree, nominal).map((index) => ({ ...phrase(tree, index), verb, preposition }));
}

/** "beat and hurt me": objects of a verb coordinated right after `predicate`, credited to it. */
function objectsOfNextCoordinatedVerb(tree: DependencyTree, predicate: number): ObjectArgument[] {
  for (const conjunct of childrenIn(tree, predicate, CONJ)) {
    if (tree.tokens[conjunct]!.upos !== 'VERB') continue;
    const adjacent = tree.tokens[predicate + 1];
    if (adjacent !== undefined && adjacent.head === conjunct && baseRelation(adjacent.deprel) === 'cc') {
      return verbObjects(tree, conjunct).map((object) => ({ ...object, verb: predicate }));
    }
  }
  return [];
}

const CONJ: ReadonlySet<string> = new Set(['conj']);

function isPassive(tree: DependencyTree, verb: number, seen: Set<number>): boolean {
  seen.add(verb);
  const children = tree.children[verb]!;
  if (children.some((child) => PASSIVE_MARKERS.has(tree.tokens[child]!.deprel))) return true;
  const head = headOf(tree, verb);
  if (baseRelation(tree.tokens[verb]!.deprel) !== 'conj' || head < 0 || seen.has(head)) return false;
  const ownSubjectOrAux = children.some((child) => ['nsubj', 'csubj', 'aux'].includes(baseRelation(tree.tokens[child]!.deprel)));
  return !ownSubjectOrAux && isPassive(tree, head, seen);
}
