/**
 * @file `svo` (alias `textacy`): textacy's `subject_verb_object_triples` in Universal Dependencies
 * terms (textacy 0.11+, `textacy/extract/triples.py`, with the object labels of textacy 0.10, which
 * the paper ran).
 *
 * - Predicates: verbs (UPOS VERB, not `aux`/`cop`), and copular predicates (a word with a `cop`
 *   dependent; spaCy makes the copula the head and the predicate its `attr` object).
 * - Subjects: `nsubj`, `nsubj:pass` (nominal; expanded) and `csubj`, `csubj:pass` (the whole clause).
 * - Objects: `obj` (spaCy `dobj`), `iobj` (`dative`), the nominal of `obl:agent` (spaCy's `pobj`
 *   under `agent`: the passive agent), a nominal `xcomp` (`oprd`/`attr`), the predicate nominal of a
 *   copular clause (`attr`), and a verbal `xcomp` (whole clause) when the verb has no `obj`.
 * - Coordinated verbs: a verb without a subject takes the subjects of its coordinated verbs; a verb
 *   without an object takes their objects (textacy's conjunct pass).
 * - Nominal arguments expand over their conjuncts (one triple per conjunct, as textacy 0.10 yields;
 *   0.11 merges the conjuncts into one token list) and each to its compound noun (`compound` and, for
 *   UD's names, `flat`).
 * - The verb text is the verb with its auxiliaries (`aux`, `aux:pass`) and negation (`not`, `n't`,
 *   `never`), in sentence order ("was not born"); for a copular predicate, the copula's.
 *
 * @example
 * svoTriples(parse('Allan Dwan directed films and plays.'))
 * // [{ subject: 'Allan Dwan', relation: 'directed', object: 'films' },
 * //  { subject: 'Allan Dwan', relation: 'directed', object: 'plays' }]
 */
import type { Triple } from '../kg/types.js';
import type { ParsedSentence } from '../nlp/types.js';
import { plainTriples, type ExtractedTriple } from './extracted-triple.js';
import {
  NOMINAL_UPOS, baseRelation, childrenIn, coordinationOf, dependencyTree, joinTokens, phraseSpan, spanText, spanTokens, subtreeSpan,
  uniqueTriples, withConjuncts, type DependencyTree, type TokenSpan,
} from './tree-helpers.js';

/** textacy's compound-noun expansion: spaCy `compound` is UD `compound` plus `flat` (names). */
export const SVO_PHRASE_LABELS: ReadonlySet<string> = new Set(['compound', 'flat']);

const VERB_MODIFIERS: ReadonlySet<string> = new Set(['aux', 'aux:pass']);
const SPACY_NEG_WORDS: ReadonlySet<string> = new Set(['not', "n't", 'nt', 'never']);

interface Argument {
  text: string;
  tokens: number[];
}

interface Predicate {
  /** The word whose dependents are the arguments (the verb, or the copular predicate). */
  head: number;
  /** The verb words shown (verb or copula, with auxiliaries and negation). */
  verb: number[];
  subjects: Argument[];
  objects: Argument[];
}

/** Subject-verb-object triples of one sentence (see the file comment). */
export function svoTriples(sentence: ParsedSentence): Triple[] {
  return plainTriples(svoExtraction(sentence));
}

/** `svoTriples` with the words of each part. */
export function svoExtraction(sentence: ParsedSentence): ExtractedTriple[] {
  const tree = dependencyTree(sentence);
  const predicates = new Map<number, Predicate>();
  for (const token of tree.tokens) {
    const relation = baseRelation(token.deprel);
    const copula = childrenIn(tree, token.index, COP)[0];
    if (copula !== undefined) {
      const predicate = createPredicate(tree, token.index, copula);
      if (NOMINAL_UPOS.has(token.upos)) predicate.objects.push(...nominalArguments(tree, token.index));
      predicates.set(token.index, predicate);
    } else if (token.upos === 'VERB' && relation !== 'aux' && relation !== 'cop') {
      predicates.set(token.index, createPredicate(tree, token.index, token.index));
    }
  }
  for (const predicate of predicates.values()) collectArguments(tree, predicate);
  shareOverCoordination(tree, predicates);
  const triples: ExtractedTriple[] = [];
  for (const predicate of [...predicates.values()].sort((a, b) => a.head - b.head)) {
    const relation = joinTokens(tree, predicate.verb);
    for (const subject of predicate.subjects) {
      for (const object of predicate.objects) {
        triples.push({ subject: subject.text, relation, object: object.text, tokens: { subject: subject.tokens, relation: [...predicate.verb], object: object.tokens } });
      }
    }
  }
  return uniqueTriples(triples);
}

const COP: ReadonlySet<string> = new Set(['cop']);

function createPredicate(tree: DependencyTree, head: number, verb: number): Predicate {
  const modifiers = tree.children[head]!.filter((child) => {
    const token = tree.tokens[child]!;
    return VERB_MODIFIERS.has(token.deprel) || (baseRelation(token.deprel) === 'advmod' && SPACY_NEG_WORDS.has(token.text.toLowerCase()));
  });
  return { head, verb: [verb, ...modifiers], subjects: [], objects: [] };
}

function collectArguments(tree: DependencyTree, predicate: Predicate): void {
  const children = tree.children[predicate.head]!;
  const hasObject = children.some((child) => tree.tokens[child]!.deprel === 'obj');
  for (const child of children) {
    const token = tree.tokens[child]!;
    switch (token.deprel) {
      case 'nsubj':
      case 'nsubj:pass':
        predicate.subjects.push(...nominalArguments(tree, child));
        break;
      case 'csubj':
      case 'csubj:pass':
        predicate.subjects.push(spanArgument(tree, subtreeSpan(tree, child)));
        break;
      case 'obj':
      case 'iobj':
      case 'obl:agent':
        predicate.objects.push(...nominalArguments(tree, child));
        break;
      case 'xcomp':
        if (NOMINAL_UPOS.has(token.upos)) predicate.objects.push(...nominalArguments(tree, child));
        else if (token.upos === 'VERB' && !hasObject) predicate.objects.push(spanArgument(tree, subtreeSpan(tree, child)));
        break;
      default:
        break;
    }
  }
}

/** A nominal and its conjuncts, each expanded to its compound noun. */
function nominalArguments(tree: DependencyTree, nominal: number): Argument[] {
  return withConjuncts(tree, nominal).map((index) => spanArgument(tree, phraseSpan(tree, index, { labels: SVO_PHRASE_LABELS })));
}

function spanArgument(tree: DependencyTree, span: TokenSpan): Argument {
  return { text: spanText(tree, span), tokens: spanTokens(span) };
}

/** Arguments with distinct texts, the first of each kept. */
function distinct(args: Argument[]): Argument[] {
  const seen = new Set<string>();
  return args.filter((arg) => {
    if (seen.has(arg.text)) return false;
    seen.add(arg.text);
    return true;
  });
}

function shareOverCoordination(tree: DependencyTree, predicates: Map<number, Predicate>): void {
  const objectsBefore = new Map([...predicates].map(([head, predicate]) => [head, [...predicate.objects]]));
  const subjectsBefore = new Map([...predicates].map(([head, predicate]) => [head, [...predicate.subjects]]));
  for (const predicate of predicates.values()) {
    const group = coordinationOf(tree, predicate.head).filter((member) => member !== predicate.head && predicates.has(member));
    if (predicate.subjects.length === 0) {
      // textacy copies the subjects of a verb to each subject-less conjunct
      for (const member of group) predicate.subjects.push(...subjectsBefore.get(member)!);
    }
    if (predicate.objects.length === 0) {
      for (const member of group) predicate.objects.push(...objectsBefore.get(member)!);
    }
  }
  for (const predicate of predicates.values()) {
    predicate.subjects = distinct(predicate.subjects);
    predicate.objects = distinct(predicate.objects);
  }
}
