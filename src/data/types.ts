/**
 * @file The shared vocabulary of the data layer: LAMA facts, cloze queries and dataset statistics.
 */

/** lmkg's model-neutral mask marker: the LAMA marker, replaced by each model's own mask token. */
export const MASK_MARKER = '[MASK]';

/** The three record shapes LAMA ships, told apart by their fields. */
export type LamaShape = 'squad' | 'google-re' | 't-rex';

/** A LAMA relation: its id, label and template. */
export interface Relation {
  /** Short id: `place_of_birth` (Google-RE) or a Wikidata property such as `P19` (T-REx). */
  id: string;
  /** Readable label, e.g. "place of birth". */
  label: string;
  /** LAMA's template with `[X]` (subject) and `[Y]` (object), or null when there is none. */
  template: string | null;
}

/** One LAMA record: a fact with its gold object and the masked sentences that state it. */
export interface LamaFact {
  /** SQuAD `id`, Google-RE / T-REx `uuid`; without either, `line-<n>` (unique within the file). */
  factId: string;
  /** The field the id came from, or `line` when the record has none. */
  factIdFrom: 'id' | 'uuid' | 'line';
  dataset: string;
  /** `sub_label`; null for SQuAD, whose records have no subject. */
  subject: string | null;
  relation: Relation | null;
  /** The gold object: `obj_label` (never Google-RE's `obj`, a Freebase id). */
  gold: string;
  maskedSentences: string[];
  evidenceUrl: string | null;
  /** Human judgments (Google-RE only). */
  judgments: { yes: number; no: number } | null;
  /** 1-based line in the source file, for messages. */
  line: number;
}

/** One cloze query: a masked sentence with exactly one mask marker. */
export interface ClozeQuery {
  /** `<factId>#<sentence index>`, or `<factId>#template` in template mode. */
  id: string;
  dataset: string;
  factId: string;
  subject: string | null;
  relation: Relation | null;
  gold: string;
  /** The sentence with exactly one {@link MASK_MARKER}. */
  maskedSentence: string;
  evidenceUrl: string | null;
}

/** Counts of a loaded dataset: facts, sentences, queries and what was skipped. */
export interface DatasetStats {
  dataset: string;
  file: string;
  shape: LamaShape;
  /** Records in the file. */
  facts: number;
  /** Records kept by LAMA's judgment filter (equal to `facts` where there are no judgments). */
  factsAfterJudgmentFilter: number;
  /** Masked sentences in the file. */
  sentences: number;
  /** Sentences without exactly one mask marker, skipped as the paper's code does. */
  skippedSentences: number;
  /** Queries produced (sentences minus skipped, after the filter if it is on). */
  queries: number;
  /** Records without an `id` or `uuid`, whose fact id is their line number (`line-<n>`). */
  factIdsFromLines: number;
}
