/**
 * @file `clause`: a general clause extractor. It reads every clause of a sentence, finite or not
 * (main and coordinated verbs, participles, relative clauses, copular predicates, appositions and
 * possessed nouns), finds each clause's subject, stated or implied, and gives one triple per
 * (subject, object): (subject, the verb or predicate word with its preposition, object). Named for
 * what it reads: where `svo` and `svo-plus` only read clauses with a stated subject (or climb the
 * tree to one), most facts in Wikipedia biographies sit in clauses whose subject is implied
 * ("Allan Peiper (born 26 April 1960 in Y, Australia)", "Born in Y, X became ...", "X, born in Y,
 * ...", "X is a poet, born in Y"). It reads only the parse, knows no relation and no slot (hence not
 * "svo-slot": it catches the slot by reading every clause, not by looking for it).
 *
 * Rules (details in the files that apply them):
 * - Predicates: verbs (UPOS VERB, or AUX for a main verb the tagger misreads, "has"; not attached as
 *   `aux`/`cop`); words with a copula ("X is a native of Y");
 *   common nouns and adjectives in apposition to a nominal ("X, a native of Y"); nouns with a
 *   possessor and a prepositional dependent ("his death in Y").
 * - Subjects (`clause-subjects.ts`): stated; shared over coordinated verbs; the name before the
 *   parenthesis a participle stands in; the main subject for a sentence-initial participle; the
 *   nominal before ", <participle>"; the noun a clause modifies, or the subject of the verb it
 *   modifies. A pronoun stays the pronoun; a relative pronoun stands for its antecedent; a
 *   predicate nominal stands for its copular subject ("X is a poet who ..." -> X).
 * - Objects (`clause-objects.ts`): direct objects, prepositional objects with their preposition,
 *   bare dates and places, nominal complements, "where" clauses; each spread over its list
 *   (conjuncts, names in apposition, a place inside a place or date).
 * - Relations are the surface words, lowercased: "born in", "born on", "died in", "native of",
 *   "directed by" (passives are not reversed); negation (not, n't, never, no) prefixes "not ".
 * - A triple whose object overlaps its subject is dropped; repeats are merged (`uniqueTriples`).
 *
 * @example
 * clauseTriples(parse('Allan Peiper (born 26 April 1960 in Alexandra, Australia) is a cyclist.'))
 * // [{ subject: 'Allan Peiper', relation: 'born', object: '26 April 1960' },
 * //  { subject: 'Allan Peiper', relation: 'born in', object: 'Alexandra' },
 * //  { subject: 'Allan Peiper', relation: 'born in', object: 'Australia' },
 * //  { subject: 'Allan Peiper', relation: 'is', object: 'cyclist' }]
 */
import type { Triple } from '../kg/types.js';
import type { ParsedSentence } from '../nlp/types.js';
import { copulaObjects, predicateWordObjects, verbObjects, type ClauseObject } from './clause-objects.js';
import { isNominal, phraseOf, type ClauseArgument } from './clause-phrases.js';
import { clauseSubjects, identityOf } from './clause-subjects.js';
import { plainTriples, type ExtractedTriple } from './extracted-triple.js';
import { baseRelation, childrenIn, dependencyTree, hasNegation, headOf, uniqueTriples, type DependencyTree } from './tree-helpers.js';

const COP: ReadonlySet<string> = new Set(['cop']);
const POSSESSOR: ReadonlySet<string> = new Set(['nmod:poss']);
const OBLIQUE_OR_OBJECT: ReadonlySet<string> = new Set(['obl', 'nmod', 'obj', 'iobj']);
const PREDICATE_NOUN_UPOS: ReadonlySet<string> = new Set(['NOUN', 'ADJ']);

/** Clause triples of one sentence (see the file comment). */
export function clauseTriples(sentence: ParsedSentence): Triple[] {
  return plainTriples(clauseExtraction(sentence));
}

/** `clauseTriples` with the words of each part. */
export function clauseExtraction(sentence: ParsedSentence): ExtractedTriple[] {
  const tree = dependencyTree(sentence);
  const triples: ExtractedTriple[] = [];
  for (const token of tree.tokens) {
    const clause = clauseAt(tree, token.index);
    if (clause === null) continue;
    for (const subject of clause.subjects) {
      for (const object of clause.objects) {
        if (object.tokens.some((index) => subject.tokens.includes(index)) || subject.tokens.includes(object.head)) continue;
        const negated = hasNegation(tree, token.index) || hasNegation(tree, object.head);
        triples.push({
          subject: subject.text, relation: (negated ? 'not ' : '') + object.relation, object: object.text,
          tokens: { subject: subject.tokens, relation: object.relationTokens, object: object.tokens },
        });
      }
    }
  }
  return uniqueTriples(triples.filter((triple) => triple.subject !== triple.object));
}

interface Clause {
  subjects: ClauseArgument[];
  objects: ClauseObject[];
}

/** The clause a word is the predicate of, or null (see the predicates in the file comment). */
function clauseAt(tree: DependencyTree, index: number): Clause | null {
  const token = tree.tokens[index]!;
  const relation = baseRelation(token.deprel);
  // a main verb the tagger calls AUX ("has" of possession) is still a verb when the parse does not make it an auxiliary
  if ((token.upos === 'VERB' || token.upos === 'AUX') && relation !== 'aux' && relation !== 'cop') {
    const objects = verbObjects(tree, index);
    if (childrenIn(tree, index, COP).length > 0) objects.push(...predicateWordObjects(tree, index));
    return withObjects(objects, () => clauseSubjects(tree, index));
  }
  if (childrenIn(tree, index, COP).length > 0) {
    return withObjects([...copulaObjects(tree, index), ...predicateWordObjects(tree, index)], () => clauseSubjects(tree, index));
  }
  if (!PREDICATE_NOUN_UPOS.has(token.upos)) return null;
  const head = headOf(tree, index);
  // an apposition to an oblique or an object is often the parser's mistake ("born in Glasgow, the
  // youngest brother of six"); to a subject or a predicate it describes the subject
  if (relation === 'appos' && head >= 0 && isNominal(tree, head) && !OBLIQUE_OR_OBJECT.has(baseRelation(tree.tokens[head]!.deprel))) {
    return withObjects(predicateWordObjects(tree, index), () => identityOf(tree, head));
  }
  const possessor = childrenIn(tree, index, POSSESSOR).find((child) => isNominal(tree, child));
  if (possessor !== undefined) return withObjects(predicateWordObjects(tree, index), () => [phraseOf(tree, possessor)]);
  return null;
}

/** A clause with these objects, its subjects found only when there are objects. */
function withObjects(objects: ClauseObject[], subjects: () => ClauseArgument[]): Clause | null {
  return objects.length === 0 ? null : { subjects: subjects(), objects };
}
