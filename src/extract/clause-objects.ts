/**
 * @file The objects of each clause for the `clause` extractor, each with its relation words.
 *
 * - A verb's objects: `obj`/`iobj` (relation: the verb; a relative pronoun stands for what its
 *   clause modifies, "the film that Dwan directed"), nominals attached by `obl` with a preposition
 *   (relation: verb + preposition, "born in", "directed by"), a bare `obl` naming a date or a place
 *   ("born 1932"), a nominal `xcomp` ("became a welder"), and a nominal the parser coordinated with
 *   the verb itself, in apposition or parataxis to it ("born 1975, Venice": a list it did not see).
 * - A predicate word that is not a verb (a copular predicate, "X is a native of Y"; an apposition,
 *   "X, a native of Y"; a possessed noun, "his death in Y") takes its prepositional dependents with
 *   the word as relation ("native of", "death in"); a copular nominal is also the object of the
 *   copula ("X was a painter").
 * - A "where" clause ("the town where he died") takes the place it modifies, relation verb + "in".
 * - Every object spreads over its list: conjuncts ("in Paris and Vienna"), names in apposition to a
 *   name ("Lodi, Italy": Lodi and Italy, each its own object), and a name or year inside it after
 *   "in", "at" or "near" ("at his home in Y", "in Hackney in Y", "on 8 June 1918 in Y", "in Toronto
 *   in 1862": relation verb + that preposition), unless the outer preposition bounds the event in
 *   time (`BOUNDING_PREPOSITIONS`: "served until his death in Y" does not say "served in Y"); inside a
 *   direct object only when it is a name or a date ("born Gladys Gunn in Y", not "the history of Jews
 *   in Poland").
 */
import { CLAUSE_PHRASE_LABELS, isName, isNominal, isNumber, phraseOf, type ClauseArgument } from './clause-phrases.js';
import { antecedentOf, identityOf } from './clause-subjects.js';
import { baseRelation, childrenIn, joinTokens, phrasePrepositionTokens, withConjuncts, type DependencyTree } from './tree-helpers.js';

export interface ClauseObject extends ClauseArgument {
  /** The relation: the verb or predicate word and the preposition, lowercased ("born in"). */
  relation: string;
  /** The relation's words. */
  relationTokens: number[];
}

/**
 * Prepositions that bound an event in time rather than place it: a place inside their object does
 * not place the event ("served until his death in Y" does not say "served in Y").
 */
export const BOUNDING_PREPOSITIONS: ReadonlySet<string> = new Set(['until', 'till', 'after', 'before', 'since', 'following', 'prior']);

const COP: ReadonlySet<string> = new Set(['cop']);
const NMOD_OR_OBL: ReadonlySet<string> = new Set(['nmod', 'obl']);
const APPOS: ReadonlySet<string> = new Set(['appos']);
const MISATTACHED_ITEM: ReadonlySet<string> = new Set(['conj', 'appos', 'parataxis']);
const CLAUSE_MARKERS: ReadonlySet<string> = new Set(['nsubj', 'csubj', 'cop', 'aux']);
/** Prepositions that put a name inside the place or date before it ("at his home in Y", "of cancer at the Z Center"). */
const PLACE_IN_PLACE: ReadonlySet<string> = new Set(['in', 'at', 'near']);
const PARTICLE: ReadonlySet<string> = new Set(['compound:prt']);
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['that', 'which', 'whom', 'who']);

/** The objects of a verb (see the file comment). */
export function verbObjects(tree: DependencyTree, verb: number): ClauseObject[] {
  const objects = ownVerbObjects(tree, verb);
  return objects.length > 0 ? objects : objectsOfNextConjunct(tree, verb);
}

/** The verb with its particles ("brought up"; parsers also attach "up" right after a verb as advmod). */
function verbWords(tree: DependencyTree, verb: number): number[] {
  const next = tree.tokens[verb + 1];
  const adverbialParticle = next !== undefined && next.head === verb && next.upos === 'ADP' && baseRelation(next.deprel) === 'advmod';
  return [verb, ...childrenIn(tree, verb, PARTICLE), ...(adverbialParticle ? [verb + 1] : [])];
}

/** "was born and raised in Y": a verb without objects takes those of the verb coordinated right after it. */
function objectsOfNextConjunct(tree: DependencyTree, verb: number): ClauseObject[] {
  const next = tree.tokens[verb + 1];
  if (next === undefined || baseRelation(next.deprel) !== 'cc') return [];
  const conjunct = next.head;
  if (conjunct < 0 || tree.tokens[conjunct]!.head !== verb || baseRelation(tree.tokens[conjunct]!.deprel) !== 'conj') return [];
  const theirs = new Set(verbWords(tree, conjunct));
  const own = verbWords(tree, verb);
  return ownVerbObjects(tree, conjunct).map((object) => {
    const preposition = object.relationTokens.filter((index) => !theirs.has(index));
    return objectOf(tree, object.head, own, preposition);
  });
}

function ownVerbObjects(tree: DependencyTree, verb: number): ClauseObject[] {
  const words = verbWords(tree, verb);
  const objects: ClauseObject[] = [];
  for (const child of tree.children[verb]!) {
    const token = tree.tokens[child]!;
    const relation = baseRelation(token.deprel);
    if (!isNominal(tree, child)) continue;
    if (token.deprel === 'obj' && RELATIVE_PRONOUNS.has(token.text.toLowerCase()) && baseRelation(tree.tokens[verb]!.deprel) === 'acl') {
      // "the film that Dwan directed": the relative pronoun stands for what the clause modifies
      const antecedent = antecedentOf(tree, verb, child);
      if (antecedent >= 0) objects.push(...identityOf(tree, antecedent).map((argument) => objectOf(tree, argument.head, words)));
    } else if (token.deprel === 'obj' || token.deprel === 'iobj' || relation === 'xcomp') {
      // a place inside a named or dated object places the event ("born Gladys Gunn in Dublin"); inside
      // a common noun it often describes the noun ("the history of Jews in Poland")
      objects.push(...spread(tree, child, words, null, namesDateOrPlace(tree, child)));
    } else if (relation === 'obl') {
      const preposition = phrasePrepositionTokens(tree, child, CLAUSE_PHRASE_LABELS);
      if (preposition !== null) objects.push(...spread(tree, child, words, preposition, placesEvent(tree, preposition)));
      else if (namesDateOrPlace(tree, child)) objects.push(...spread(tree, child, words, null, true));
    } else if (MISATTACHED_ITEM.has(relation) && namesDateOrPlace(tree, child) && childrenIn(tree, child, CLAUSE_MARKERS).length === 0) {
      // a name or date coordinated with the verb is a list item the parser misplaced; one with its own
      // subject or copula is a clause ("...; London is his home")
      objects.push(...spread(tree, child, words, null, true));
    }
  }
  objects.push(...whereObjects(tree, verb));
  return objects;
}

/** The prepositional dependents of a predicate word that is not a verb, relation "<word> <preposition>". */
export function predicateWordObjects(tree: DependencyTree, word: number): ClauseObject[] {
  const objects: ClauseObject[] = [];
  for (const child of childrenIn(tree, word, NMOD_OR_OBL)) {
    // a phrase before the word ("In 1990, he was a member of ...") modifies the clause, not the word
    if (child < word || !isNominal(tree, child) || tree.tokens[child]!.deprel === 'nmod:poss') continue;
    const preposition = phrasePrepositionTokens(tree, child, CLAUSE_PHRASE_LABELS);
    if (preposition === null) continue;
    objects.push(...spread(tree, child, [word], preposition, placesEvent(tree, preposition)));
  }
  return objects;
}

/** The copular object: (subject, copula, predicate nominal), with the predicate's preposition ("is in"). */
export function copulaObjects(tree: DependencyTree, predicate: number): ClauseObject[] {
  const copula = childrenIn(tree, predicate, COP)[0];
  if (copula === undefined || !isNominal(tree, predicate)) return [];
  const preposition = phrasePrepositionTokens(tree, predicate, CLAUSE_PHRASE_LABELS) ?? [];
  return withConjuncts(tree, predicate).filter((index) => isNominal(tree, index)).map((index) => objectOf(tree, index, [copula], preposition));
}

/**
 * The object phrase headed by `index`, with its relation words: the predicate's words, then the
 * preposition's, whatever their order in the sentence ("In 1953, X created" -> "created in").
 */
function objectOf(tree: DependencyTree, index: number, words: number[], preposition: number[] = [], relation?: string): ClauseObject {
  const text = relation ?? [joinTokens(tree, words), ...(preposition.length > 0 ? [joinTokens(tree, preposition)] : [])].join(' ').toLowerCase();
  return { ...phraseOf(tree, index), relation: text, relationTokens: [...words, ...preposition] };
}

/** "the town where he died": the modified place, relation verb + "in" (the relative adverb's sense). */
function whereObjects(tree: DependencyTree, verb: number): ClauseObject[] {
  const where = tree.children[verb]!.find((child) => tree.tokens[child]!.text.toLowerCase() === 'where' && baseRelation(tree.tokens[child]!.deprel) === 'advmod');
  if (where === undefined) return [];
  const place = antecedentOf(tree, verb, where);
  if (place < 0 || !isName(tree, place)) return [];
  // the relation's words are the verb and "where", which stands for "in <place>"
  return [objectOf(tree, place, [verb, where], [], `${tree.tokens[verb]!.text.toLowerCase()} in`)];
}

function placesEvent(tree: DependencyTree, preposition: number[]): boolean {
  return !preposition.some((index) => BOUNDING_PREPOSITIONS.has(tree.tokens[index]!.text.toLowerCase()));
}

/** A name, or a phrase with a number in it (a date, a year). */
function namesDateOrPlace(tree: DependencyTree, nominal: number): boolean {
  return isName(tree, nominal) || phraseOf(tree, nominal).tokens.some((index) => isNumber(tree, index));
}

/**
 * An object and its list (see the file comment): conjuncts, names in apposition to a name, and places
 * inside it when `placing` (its preposition places the event, or it has none: a date). `words` are
 * the predicate's words, `preposition` the object's.
 */
function spread(tree: DependencyTree, nominal: number, words: number[], preposition: number[] | null, placing: boolean): ClauseObject[] {
  const out: ClauseObject[] = [];
  const seen = new Set<number>();
  const visit = (index: number, own: number[], locative: boolean) => {
    if (seen.has(index)) return;
    seen.add(index);
    out.push(objectOf(tree, index, words, own));
    for (const conjunct of withConjuncts(tree, index).slice(1)) if (isNominal(tree, conjunct)) visit(conjunct, own, locative);
    if (isName(tree, index)) {
      for (const appos of childrenIn(tree, index, APPOS)) if (isName(tree, appos)) visit(appos, own, locative);
    }
    if (!locative) return;
    for (const inner of childrenIn(tree, index, NMOD_OR_OBL)) {
      const innerPreposition = phrasePrepositionTokens(tree, inner, CLAUSE_PHRASE_LABELS);
      if (!(isName(tree, inner) || isNumber(tree, inner)) || innerPreposition === null || innerPreposition.length !== 1) continue;
      if (!PLACE_IN_PLACE.has(tree.tokens[innerPreposition[0]!]!.text.toLowerCase())) continue;
      visit(inner, innerPreposition, true);
    }
  };
  visit(nominal, preposition ?? [], placing);
  return out;
}
