/**
 * @file Hand-built parses for the extractor tests, written like CoNLL-U: one word a line,
 * `ID FORM LEMMA UPOS HEAD DEPREL [SpaceAfter=No]` (whitespace-separated, HEAD 0 = root), then
 * entity lines `# entity FIRST-LAST TYPE` (1-based word ids, inclusive). The sentence text and the
 * character offsets follow from the forms and their spacing.
 */
import type { SentenceParser } from '../../src/extract/extract-triples.js';
import type { EntityType, ParsedSentence, ParsedToken, UposTag } from '../../src/nlp/types.js';

export function conllu(source: string): ParsedSentence {
  const tokens: ParsedToken[] = [];
  const entityLines: string[] = [];
  let text = '';
  let spaceBefore = false;
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('# entity')) {
      entityLines.push(line.slice('# entity'.length).trim());
      continue;
    }
    const [id, form, lemma, upos, head, deprel, misc] = line.split(/\s+/);
    if (deprel === undefined || Number(id) !== tokens.length + 1) throw new Error(`fixture line "${line}": expected ID FORM LEMMA UPOS HEAD DEPREL`);
    if (spaceBefore) text += ' ';
    const start = text.length;
    text += form!;
    tokens.push({ index: tokens.length, text: form!, lemma: lemma!, upos: upos as UposTag, head: Number(head) - 1, deprel: deprel!, start, end: text.length });
    spaceBefore = misc !== 'SpaceAfter=No';
  }
  const entities = entityLines.map((entry) => {
    const [range, type] = entry.split(/\s+/);
    const [first, last] = range!.split('-').map(Number);
    const start = first! - 1;
    const end = (last ?? first!);
    return { start, end, text: text.slice(tokens[start]!.start, tokens[end - 1]!.end), type: (type ?? 'OTHER') as EntityType };
  });
  return { text, tokens, entities };
}

/** The hand-parsed sentences shared by the extractor tests (parses follow UD English EWT). */
export const SENTENCES = {
  active: conllu(`
    1 Allan Allan PROPN 3 nsubj
    2 Dwan Dwan PROPN 1 flat
    3 directed direct VERB 0 root
    4 Robin Robin PROPN 3 obj
    5 Hood Hood PROPN 4 flat SpaceAfter=No
    6 . . PUNCT 3 punct
    # entity 1-2 PERSON
    # entity 4-5 OTHER`),
  passive: conllu(`
    1 Allan Allan PROPN 4 nsubj:pass
    2 Dwan Dwan PROPN 1 flat
    3 was be AUX 4 aux:pass
    4 born bear VERB 0 root
    5 in in ADP 6 case
    6 Toronto Toronto PROPN 4 obl SpaceAfter=No
    7 . . PUNCT 4 punct
    # entity 1-2 PERSON
    # entity 6-6 PLACE`),
  agent: conllu(`
    1 Robin Robin PROPN 4 nsubj:pass
    2 Hood Hood PROPN 1 flat
    3 was be AUX 4 aux:pass
    4 directed direct VERB 0 root
    5 by by ADP 7 case
    6 Allan Allan PROPN 7 compound
    7 Dwan Dwan PROPN 4 obl:agent SpaceAfter=No
    8 . . PUNCT 4 punct
    # entity 1-2 OTHER
    # entity 6-7 PERSON`),
  negated: conllu(`
    1 Dwan Dwan PROPN 4 nsubj
    2 did do AUX 4 aux SpaceAfter=No
    3 n't not PART 4 advmod
    4 direct direct VERB 0 root
    5 Metropolis Metropolis PROPN 4 obj SpaceAfter=No
    6 . . PUNCT 4 punct
    # entity 1-1 PERSON
    # entity 5-5 OTHER`),
  coordinated: conllu(`
    1 Dwan Dwan PROPN 2 nsubj
    2 wrote write VERB 0 root
    3 and and CCONJ 4 cc
    4 directed direct VERB 2 conj
    5 films film NOUN 4 obj
    6 and and CCONJ 7 cc
    7 plays play NOUN 5 conj SpaceAfter=No
    8 . . PUNCT 2 punct
    # entity 1-1 PERSON`),
  coordinatedSubjects: conllu(`
    1 Dwan Dwan PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Griffith Griffith PROPN 1 conj
    4 directed direct VERB 0 root
    5 silent silent ADJ 6 amod
    6 films film NOUN 4 obj SpaceAfter=No
    7 . . PUNCT 4 punct
    # entity 1-1 PERSON
    # entity 3-3 PERSON`),
  prepositional: conllu(`
    1 Dwan Dwan PROPN 2 nsubj
    2 died die VERB 0 root
    3 in in ADP 5 case
    4 Los Los PROPN 5 compound
    5 Angeles Angeles PROPN 2 obl
    6 on on ADP 8 case
    7 December December PROPN 8 nmod:unmarked
    8 28 28 NUM 2 obl SpaceAfter=No
    9 , , PUNCT 10 punct
    10 1981 1981 NUM 8 nmod:unmarked SpaceAfter=No
    11 . . PUNCT 2 punct
    # entity 1-1 PERSON
    # entity 4-5 PLACE
    # entity 7-10 DATE`),
  copula: conllu(`
    1 Allan Allan PROPN 2 compound
    2 Dwan Dwan PROPN 7 nsubj
    3 was be AUX 7 cop
    4 a a DET 7 det
    5 Canadian Canadian ADJ 7 amod
    6 film film NOUN 7 compound
    7 director director NOUN 0 root SpaceAfter=No
    8 . . PUNCT 7 punct
    # entity 1-2 PERSON`),
  xcomp: conllu(`
    1 Dwan Dwan PROPN 2 nsubj
    2 wanted want VERB 0 root
    3 to to PART 4 mark
    4 direct direct VERB 2 xcomp
    5 a a DET 6 det
    6 western western NOUN 4 obj SpaceAfter=No
    7 . . PUNCT 2 punct
    # entity 1-1 PERSON`),
  relative: conllu(`
    1 Georgina Georgina PROPN 5 nsubj
    2 Willis Willis PROPN 1 flat
    3 is be AUX 5 cop
    4 a a DET 5 det
    5 director director NOUN 0 root
    6 who who PRON 8 nsubj:pass
    7 was be AUX 8 aux:pass
    8 born bear VERB 5 acl:relcl
    9 in in ADP 10 case
    10 Australia Australia PROPN 8 obl SpaceAfter=No
    11 . . PUNCT 5 punct
    # entity 1-2 PERSON
    # entity 10-10 PLACE`),
  initialParticiple: conllu(`
    1 Born bear VERB 6 advcl
    2 in in ADP 3 case
    3 Glasgow Glasgow PROPN 1 obl SpaceAfter=No
    4 , , PUNCT 1 punct
    5 Stephen Stephen PROPN 6 nsubj
    6 became become VERB 0 root
    7 a a DET 8 det
    8 welder welder NOUN 6 xcomp SpaceAfter=No
    9 . . PUNCT 6 punct
    # entity 3-3 PLACE
    # entity 5-5 PERSON`),
  parenthetical: conllu(`
    1 Peter Peter PROPN 10 nsubj
    2 Martin Martin PROPN 1 flat
    3 ( ( PUNCT 4 punct SpaceAfter=No
    4 born bear VERB 1 acl
    5 in in ADP 6 case
    6 Boston Boston PROPN 4 obl SpaceAfter=No
    7 ) ) PUNCT 4 punct
    8 is be AUX 10 cop
    9 a a DET 10 det
    10 politician politician NOUN 0 root SpaceAfter=No
    11 . . PUNCT 10 punct
    # entity 1-2 PERSON
    # entity 6-6 PLACE`),
  parataxis: conllu(`
    1 Peter Peter PROPN 10 nsubj
    2 Martin Martin PROPN 1 flat
    3 ( ( PUNCT 4 punct SpaceAfter=No
    4 born bear VERB 1 parataxis
    5 in in ADP 6 case
    6 Boston Boston PROPN 4 obl SpaceAfter=No
    7 ) ) PUNCT 4 punct
    8 is be AUX 10 cop
    9 a a DET 10 det
    10 politician politician NOUN 0 root SpaceAfter=No
    11 . . PUNCT 10 punct
    # entity 1-2 PERSON
    # entity 6-6 PLACE`),
  copularAdvcl: conllu(`
    1 Born bear VERB 7 advcl
    2 in in ADP 3 case
    3 Glasgow Glasgow PROPN 1 obl SpaceAfter=No
    4 , , PUNCT 1 punct
    5 Stephen Stephen PROPN 7 nsubj
    6 was be AUX 7 cop
    7 welder welder NOUN 0 root SpaceAfter=No
    8 . . PUNCT 7 punct
    # entity 3-3 PLACE
    # entity 5-5 PERSON`),
  // the parse a parser often gives: the preposition hangs on the date's first word
  dateCaseOnNumber: conllu(`
    1 Dwan Dwan PROPN 2 nsubj
    2 died die VERB 0 root
    3 on on ADP 4 case
    4 28 28 NUM 5 nummod
    5 December December PROPN 2 obl
    6 1981 1981 NUM 5 nmod:unmarked
    7 in in ADP 8 case
    8 Los Los PROPN 2 obl
    9 Angeles Angeles PROPN 8 flat SpaceAfter=No
    10 . . PUNCT 2 punct
    # entity 1-1 PERSON
    # entity 4-6 DATE
    # entity 8-9 PLACE`),
  relativeObject: conllu(`
    1 Robin Robin PROPN 2 compound
    2 Hood Hood PROPN 5 nsubj
    3 is be AUX 5 cop
    4 the the DET 5 det
    5 film film NOUN 0 root
    6 that that PRON 8 obj
    7 Dwan Dwan PROPN 8 nsubj
    8 directed direct VERB 5 acl:relcl SpaceAfter=No
    9 . . PUNCT 5 punct
    # entity 1-2 OTHER
    # entity 7-7 PERSON`),
};

const dwanBornIn = (place: string) => conllu(`
  1 Dwan Dwan PROPN 3 nsubj:pass
  2 was be AUX 3 aux:pass
  3 born bear VERB 0 root
  4 in in ADP 5 case
  5 ${place} ${place} PROPN 3 obl SpaceAfter=No
  6 . . PUNCT 3 punct
  # entity 1-1 PERSON
  # entity 5-5 PLACE`);

/** Hand-built parses looked up by text: the extractor contract without the trained parser. */
export const fixtureParser: SentenceParser = (text) => {
  const known: ParsedSentence[] = [SENTENCES.passive, dwanBornIn('Paris'), dwanBornIn('Toronto')];
  const found = known.find((sentence) => sentence.text === text);
  if (!found) throw new Error(`no fixture parse for "${text}"`);
  return found;
};
