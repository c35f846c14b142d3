/**
 * @file Hand-built parses for the `clause` extractor's rules (format: conllu-fixture.ts). Most are
 * the trees lmkg's parser gives for these sentences, wrong attachments included, since the rules
 * that read the text exist for them; each comment says what is wrong with the tree.
 */
import { conllu } from './conllu-fixture.js';

export const CLAUSE_SENTENCES = {
  // the parser hangs the parenthetical participle on the predicate, and Australia on Alexandra
  parenthesisMisattached: conllu(`
    1 Allan Allan PROPN 13 nsubj
    2 Peiper Peiper PROPN 1 flat
    3 ( ( PUNCT 4 punct SpaceAfter=No
    4 born bear VERB 13 parataxis
    5 26 26 NUM 4 obj
    6 April April PROPN 5 nmod:unmarked
    7 1960 1960 NUM 5 nmod:unmarked
    8 in in ADP 9 case
    9 Alexandra Alexandra PROPN 4 obl SpaceAfter=No
    10 , , PUNCT 11 punct
    11 Australia Australia PROPN 9 appos SpaceAfter=No
    12 ) ) PUNCT 4 punct
    13 cyclist cyclist NOUN 0 root SpaceAfter=No
    14 . . PUNCT 13 punct
    # entity 1-2 PERSON
    # entity 9-9 PLACE
    # entity 11-11 PLACE`),
  // "Born" is the root and the subject hangs on the place as an apposition
  initialParticipleAppos: conllu(`
    1 Born bear VERB 0 root
    2 in in ADP 3 case
    3 Trenton Trenton PROPN 1 obl SpaceAfter=No
    4 , , PUNCT 6 punct
    5 New New PROPN 6 amod
    6 Jersey Jersey PROPN 3 appos SpaceAfter=No
    7 , , PUNCT 8 punct
    8 Connor Connor PROPN 3 appos
    9 attended attend VERB 1 xcomp
    10 schools school NOUN 9 obj SpaceAfter=No
    11 . . PUNCT 1 punct
    # entity 3-3 PLACE
    # entity 5-6 PLACE
    # entity 8-8 PERSON`),
  // the participle is the root and the subject an unmarked oblique
  commaParticipleRoot: conllu(`
    1 Natalia Natalia PROPN 4 obl:unmarked
    2 Skobeeva Skobeeva PROPN 1 flat SpaceAfter=No
    3 , , PUNCT 1 punct
    4 born bear VERB 0 root
    5 in in ADP 6 case
    6 Russia Russia PROPN 4 obl
    7 in in ADP 8 case
    8 1975 1975 NUM 4 obl SpaceAfter=No
    9 , , PUNCT 12 punct
    10 is be AUX 12 cop
    11 an an DET 12 det
    12 artist artist NOUN 4 conj SpaceAfter=No
    13 . . PUNCT 4 punct
    # entity 1-2 PERSON
    # entity 6-6 PLACE`),
  // a participle on the predicate nominal of a copular clause
  predicateParticiple: conllu(`
    1 Geoffrey Geoffrey PROPN 6 nsubj
    2 Nutter Nutter PROPN 1 flat
    3 is be AUX 6 cop
    4 an an DET 6 det
    5 American American ADJ 6 amod
    6 poet poet NOUN 0 root SpaceAfter=No
    7 , , PUNCT 8 punct
    8 born bear VERB 6 parataxis
    9 in in ADP 10 case
    10 Sacramento Sacramento PROPN 8 obl SpaceAfter=No
    11 . . PUNCT 6 punct
    # entity 1-2 PERSON
    # entity 10-10 PLACE`),
  nativeOf: conllu(`
    1 Richard Richard PROPN 5 nsubj
    2 Tillinghast Tillinghast PROPN 1 flat
    3 is be AUX 5 cop
    4 a a DET 5 det
    5 native native ADJ 0 root
    6 of of ADP 7 case
    7 Memphis Memphis PROPN 5 nmod SpaceAfter=No
    8 , , PUNCT 9 punct
    9 Tennessee Tennessee PROPN 7 appos SpaceAfter=No
    10 . . PUNCT 5 punct
    # entity 1-2 PERSON
    # entity 7-7 PLACE
    # entity 9-9 PLACE`),
  apposedNative: conllu(`
    1 Jenkins Jenkins PROPN 8 nsubj SpaceAfter=No
    2 , , PUNCT 4 punct
    3 a a DET 4 det
    4 native native NOUN 1 appos
    5 of of ADP 6 case
    6 Ohio Ohio PROPN 4 nmod SpaceAfter=No
    7 , , PUNCT 4 punct
    8 served serve VERB 0 root SpaceAfter=No
    9 . . PUNCT 8 punct
    # entity 1-1 PERSON
    # entity 6-6 PLACE`),
  deathUntil: conllu(`
    1 He he PRON 2 nsubj
    2 served serve VERB 0 root
    3 until until ADP 5 case
    4 his his PRON 5 nmod:poss
    5 death death NOUN 2 obl
    6 in in ADP 7 case
    7 Erie Erie PROPN 5 nmod SpaceAfter=No
    8 . . PUNCT 2 punct
    # entity 7-7 PLACE`),
  homeIn: conllu(`
    1 Fiona Fiona PROPN 2 nsubj
    2 died die VERB 0 root
    3 at at ADP 5 case
    4 her her PRON 5 nmod:poss
    5 home home NOUN 2 obl
    6 in in ADP 7 case
    7 Edinburgh Edinburgh PROPN 5 nmod SpaceAfter=No
    8 . . PUNCT 2 punct
    # entity 1-1 PERSON
    # entity 7-7 PLACE`),
  whereClause: conllu(`
    1 He he PRON 2 nsubj
    2 retired retire VERB 0 root
    3 to to ADP 4 case
    4 Miami Miami PROPN 2 obl SpaceAfter=No
    5 , , PUNCT 8 punct
    6 where where ADV 8 advmod
    7 he he PRON 8 nsubj
    8 died die VERB 4 acl:relcl SpaceAfter=No
    9 . . PUNCT 2 punct
    # entity 4-4 PLACE`),
  // the subject of "was born" is lost: the parser hangs "born" on the name as parataxis
  lostSubject: conllu(`
    1 Matthew Matthew PROPN 0 root
    2 Begbie Begbie PROPN 1 flat
    3 ( ( PUNCT 4 punct SpaceAfter=No
    4 1819 1819 NUM 1 appos
    5 -- -- PUNCT 6 punct
    6 1894 1894 NUM 4 nmod:unmarked SpaceAfter=No
    7 ) ) PUNCT 4 punct
    8 was be AUX 9 aux:pass
    9 born bear VERB 1 parataxis
    10 on on ADP 11 case
    11 Mauritius Mauritius PROPN 9 obl SpaceAfter=No
    12 . . PUNCT 1 punct
    # entity 1-2 PERSON
    # entity 11-11 PLACE`),
  // the parser makes a place inside the parenthesis the subject
  subjectInParenthesis: conllu(`
    1 Thomas Thomas PROPN 0 root
    2 Quinlan Quinlan PROPN 1 flat
    3 ( ( PUNCT 4 punct SpaceAfter=No
    4 1881 1881 NUM 1 appos SpaceAfter=No
    5 , , PUNCT 6 punct
    6 Bury Bury PROPN 10 nsubj SpaceAfter=No
    7 ) ) PUNCT 6 punct
    8 was be AUX 10 cop
    9 an an DET 10 det
    10 impresario impresario NOUN 1 parataxis SpaceAfter=No
    11 . . PUNCT 1 punct
    # entity 1-2 PERSON
    # entity 6-6 PLACE`),
  bornAndRaised: conllu(`
    1 Willem Willem PROPN 4 nsubj:pass
    2 Vries Vries PROPN 1 flat
    3 was be AUX 4 aux:pass
    4 born bear VERB 0 root
    5 and and CCONJ 6 cc
    6 raised raise VERB 4 conj
    7 in in ADP 8 case
    8 Utrecht Utrecht PROPN 6 obl SpaceAfter=No
    9 . . PUNCT 4 punct
    # entity 1-2 PERSON
    # entity 8-8 PLACE`),
  // the tagger takes the name for a verb
  mistaggedName: conllu(`
    1 Born bear VERB 0 root
    2 in in ADP 3 case
    3 Scotland Scotland PROPN 1 obl SpaceAfter=No
    4 , , PUNCT 5 punct
    5 Belches belch VERB 1 conj
    6 joined join VERB 5 xcomp
    7 the the DET 8 det
    8 navy navy NOUN 6 obj SpaceAfter=No
    9 . . PUNCT 1 punct
    # entity 3-3 PLACE`),
  // the second item of a list hangs on the participle
  listOnVerb: conllu(`
    1 Didier Didier PROPN 0 root
    2 Pfirter Pfirter PROPN 1 flat
    3 ( ( PUNCT 4 punct SpaceAfter=No
    4 born bear VERB 1 parataxis
    5 1959 1959 NUM 4 obj SpaceAfter=No
    6 , , PUNCT 7 punct
    7 Basel Basel PROPN 4 parataxis SpaceAfter=No
    8 ) ) PUNCT 7 punct
    9 is be AUX 11 cop
    10 a a DET 11 det
    11 diplomat diplomat NOUN 4 conj SpaceAfter=No
    12 . . PUNCT 1 punct
    # entity 1-2 PERSON
    # entity 7-7 PLACE`),
  // "that" read as a relative pronoun beside the real subject
  complementiser: conllu(`
    1 Analysts analyst NOUN 2 nsubj
    2 estimate estimate VERB 0 root
    3 that that PRON 6 nsubj:pass
    4 Obaidullah Obaidullah PROPN 6 nsubj:pass
    5 was be AUX 6 aux:pass
    6 born bear VERB 2 ccomp
    7 in in ADP 8 case
    8 1980 1980 NUM 6 obl SpaceAfter=No
    9 . . PUNCT 2 punct
    # entity 4-4 PERSON`),
  // the name is parsed as an adverb of the verb
  nameAsAdverb: conllu(`
    1 Long Long PROPN 2 advmod
    2 died die VERB 0 root
    3 in in ADP 4 case
    4 Portsmouth Portsmouth PROPN 2 obl SpaceAfter=No
    5 . . PUNCT 2 punct
    # entity 4-4 PLACE`),
  namedObjectPlace: conllu(`
    1 Henson Henson PROPN 3 nsubj:pass
    2 was be AUX 3 aux:pass
    3 born bear VERB 0 root
    4 Gladys Gladys PROPN 3 obj
    5 Gunn Gunn PROPN 4 flat
    6 in in ADP 7 case
    7 Dublin Dublin PROPN 4 nmod SpaceAfter=No
    8 . . PUNCT 3 punct
    # entity 1-1 PERSON
    # entity 4-5 PERSON
    # entity 7-7 PLACE`),
  copulaPreposition: conllu(`
    1 The the DET 2 det
    2 street street NOUN 5 nsubj
    3 is be AUX 5 cop
    4 in in ADP 5 case
    5 Dublin Dublin PROPN 0 root SpaceAfter=No
    6 . . PUNCT 5 punct
    # entity 5-5 PLACE`),
};
