/**
 * @file The subject of each clause for the `clause` extractor, stated or implied. Rules, first that
 * gives a subject wins (rules 3, 4, 5 and 7 read the text, `clause-text.ts`):
 *
 * 1. Stated: `nsubj*`/`csubj*` dependents (not determiners) and their conjuncts; a pronoun stays the
 *    pronoun. A relative pronoun (who, whom, which, that) stands for the noun its clause modifies
 *    (the clause's head, else the nominal written before it), through `identityOf`. A subject inside
 *    a parenthesis the verb is not in is the parser's mistake ("X (1881, Bury -- 1951, Holborn) was
 *    ..."): the name before the parenthesis stands instead.
 * 2. Coordination: a conjunct verb without a subject shares its first conjunct's ("was born in X and
 *    died in Y").
 * 3. Parenthesis: a verb inside parentheses right after a name is about that name ("Allan Peiper
 *    (born 26 April 1960 in Y, Australia)"), read from the text (parsers attach these anywhere).
 *    Likewise a name written right before the verb and linked to it by any relation ("Long died",
 *    with Long parsed as an adverb).
 * 4. Initial participle: a verb that opens the sentence without a subject is about the main clause's
 *    subject ("Born in Y, X became ..."): the nominal run between the last comma and the first verb
 *    after the participle's first comma, else the stated subject of the clause it modifies (parsers
 *    often hang X on Y as an apposition, or make Y the main subject). The main verb, left without a
 *    subject by such a parse, takes the same run when it ends right before the verb.
 * 5. Comma participle: a subject-less verb right after ", " that follows a nominal modifies it
 *    ("X, born in Y, is ..."), when the parse does not give it a verb with a subject to depend on.
 * 6. Modifier: a subject-less verb that modifies a nominal (acl, or any clause hung on a noun) is
 *    about it, through `identityOf` ("X is a poet, born in Y" -> X); one that modifies a verb
 *    (advcl, xcomp, parataxis) without its own auxiliary shares that verb's subject.
 * 7. Lost subject: a verb with an auxiliary (or a copular predicate) left without a subject takes
 *    the name or pronoun written just before its auxiliaries ("X (1819 -- 1894) was born in Y").
 *
 * `identityOf(n)`: a noun that is the predicate of a copular clause stands for that clause's subject
 * (stated, or by rule 7), an apposition for the noun it is apposed to ("X, a *poet*" -> X), a
 * conjunct of a copular predicate for that predicate's ("X is a singer and *poet*"); otherwise the
 * noun itself. A clause that modifies the noun then says something about X.
 */
import { isNominal, opensParenthesis, phraseOf, type ClauseArgument } from './clause-phrases.js';
import {
  commaNominal, initialParticipleRun, linkedNameBefore, nameBefore, nominalBeforeVerbGroup, nominalHead, openingParenthesis, sentenceStart,
} from './clause-text.js';
import { baseRelation, childrenIn, headOf, withConjuncts, type DependencyTree } from './tree-helpers.js';

const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whom', 'which', 'that']);
const AUXILIARIES: ReadonlySet<string> = new Set(['aux', 'cop']);
const COP: ReadonlySet<string> = new Set(['cop']);
const VERB_CLAUSES: ReadonlySet<string> = new Set(['advcl', 'xcomp', 'parataxis', 'ccomp']);

/** The subjects of a predicate (see the file comment); empty when none is found. */
export function clauseSubjects(tree: DependencyTree, predicate: number, seen: Set<number> = new Set()): ClauseArgument[] {
  seen.add(predicate);
  const stated = statedSubjects(tree, predicate);
  if (stated.length > 0) return stated;
  const relation = baseRelation(tree.tokens[predicate]!.deprel);
  const head = headOf(tree, predicate);
  if (relation === 'conj' && head >= 0 && !seen.has(head)) {
    const shared = clauseSubjects(tree, head, seen);
    if (shared.length > 0) return shared;
  }
  const open = openingParenthesis(tree, predicate);
  const bracketed = open < 0 ? null : nameBefore(tree, open);
  if (bracketed !== null) return [bracketed];
  const adjacent = linkedNameBefore(tree, predicate);
  if (adjacent !== null) return [adjacent];
  const afterParticiple = mainSubjectAfterParticiple(tree, predicate);
  if (afterParticiple !== null) return [afterParticiple];
  if (childrenIn(tree, predicate, AUXILIARIES).length > 0) {
    const before = nominalBeforeVerbGroup(tree, predicate, AUXILIARIES);
    return before === null ? [] : [before];
  }
  if (sentenceStart(tree, predicate) === predicate) {
    const run = initialParticipleRun(tree, predicate);
    if (run !== null) return [run];
    return head > predicate && !seen.has(head) ? statedSubjects(tree, head) : [];
  }
  if (head >= 0 && !seen.has(head) && tree.tokens[head]!.upos === 'VERB' && VERB_CLAUSES.has(relation)) {
    const shared = clauseSubjects(tree, head, seen);
    if (shared.length > 0) return shared;
  }
  const before = commaNominal(tree, predicate);
  if (before !== null) return identityOf(tree, before);
  if (head >= 0 && !seen.has(head) && isNominal(tree, head)) return identityOf(tree, head);
  return [];
}

/**
 * Rule 4, the main clause's side: "Born in Y, X became ...", with X hung elsewhere, gives "became"
 * the subject run of the sentence-initial participle when that run ends right before the verb.
 */
function mainSubjectAfterParticiple(tree: DependencyTree, predicate: number): ClauseArgument | null {
  const first = sentenceStart(tree, predicate);
  if (first === predicate || tree.tokens[first]!.upos !== 'VERB' || statedSubjects(tree, first).length > 0) return null;
  const run = initialParticipleRun(tree, first);
  const group = Math.min(predicate, ...childrenIn(tree, predicate, AUXILIARIES));
  return run !== null && run.tokens.at(-1)! + 1 === group ? run : null;
}

function statedSubjects(tree: DependencyTree, predicate: number): ClauseArgument[] {
  const subjects: ClauseArgument[] = [];
  const stated = tree.children[predicate]!.filter((child) => {
    const relation = baseRelation(tree.tokens[child]!.deprel);
    return (relation === 'nsubj' || relation === 'csubj') && tree.tokens[child]!.upos !== 'DET';
  });
  // "estimate that X was born": a "that" beside another subject is a complementiser the parser misread
  const isRelative = (child: number) => RELATIVE_PRONOUNS.has(tree.tokens[child]!.text.toLowerCase());
  const own = stated.some((child) => !isRelative(child)) ? stated.filter((child) => !isRelative(child)) : stated;
  for (const child of own) {
    const token = tree.tokens[child]!;
    const open = openingParenthesis(tree, child);
    if (open >= 0 && open !== openingParenthesis(tree, predicate)) {
      const named = nameBefore(tree, open);
      if (named !== null) subjects.push(named);
    } else if (isRelative(child)) {
      const antecedent = antecedentOf(tree, predicate, child);
      if (antecedent >= 0) subjects.push(...identityOf(tree, antecedent));
    } else {
      // conjuncts the parser found inside a parenthesis after the subject are not subjects ("X (1949, Kharkiv) is")
      const conjuncts = withConjuncts(tree, child).filter((index) => isNominal(tree, index) && openingParenthesis(tree, index) === open);
      subjects.push(...conjuncts.map((index) => phraseOf(tree, index)));
    }
  }
  return subjects;
}

/** The nominal a relative clause modifies: its head when nominal, else the nominal written just before the relative word. */
export function antecedentOf(tree: DependencyTree, clause: number, relativeWord: number): number {
  const head = headOf(tree, clause);
  if (head >= 0 && head < relativeWord && isNominal(tree, head)) return head;
  let i = relativeWord - 1;
  while (i >= 0 && tree.tokens[i]!.upos === 'PUNCT' && !opensParenthesis(tree, i)) i -= 1;
  return i >= 0 && isNominal(tree, i) ? nominalHead(tree, i) : -1;
}

/** The subjects a noun stands for (see the file comment), never empty. */
export function identityOf(tree: DependencyTree, noun: number): ClauseArgument[] {
  const seen = new Set<number>();
  // a conjunct is only the same thing as its first conjunct when that one is a copular predicate
  let named = noun;
  let current = noun;
  for (;;) {
    seen.add(current);
    if (childrenIn(tree, current, COP).length > 0) {
      const subjects = statedSubjects(tree, current);
      if (subjects.length > 0) return subjects;
      const before = nominalBeforeVerbGroup(tree, current, AUXILIARIES);
      if (before !== null) return [before];
    }
    const relation = baseRelation(tree.tokens[current]!.deprel);
    const head = headOf(tree, current);
    if ((relation !== 'appos' && relation !== 'conj') || head < 0 || seen.has(head) || !isNominal(tree, head)) break;
    if (relation === 'appos' && named === current) named = head;
    current = head;
  }
  return [phraseOf(tree, named)];
}
