/**
 * @file `lama-evidence:<dataset>[,...]`: a training corpus made of the Wikipedia evidence snippets
 * inside the Google-RE files, with a seeded share of the subjects held out.
 *
 * Leakage rule: a snippet is excluded from training when it is the evidence of a held-out fact, or
 * when its text contains both a held-out fact's subject label and its gold object (snippets are
 * shared between facts, e.g. a biography paragraph serves both date_of_birth and place_of_birth).
 * A fact counts as seen when it is not held out and one of its own snippets is in the corpus.
 */
import { InvalidOptionError, UsageError } from '../errors.js';
import { readJsonl } from '../data/jsonl.js';
import { resolveDataset } from '../data/datasets.js';
import type { DataRootOptions } from '../data/paths.js';
import { SeededRandom } from '../random.js';

export const EVIDENCE_PREFIX = 'lama-evidence:';

export interface EvidenceCorpusOptions extends DataRootOptions {
  /** Share of subjects held out, in [0, 1). */
  holdout?: number;
  /**
   * What each fact contributes: its evidence paragraphs (`snippets`, default) or only the
   * sentences that state it (`fact-sentences`, the files' `considered_sentences`, which the
   * probes are made from): a third of the text, so three times the passes in the same time.
   */
  text?: 'snippets' | 'fact-sentences';
  seed?: number;
}

export interface EvidenceFact {
  factId: string;
  dataset: string;
  subject: string;
  gold: string;
}

export interface EvidenceCorpus {
  datasets: string[];
  /** Paragraphs for training, one per line, deduplicated, in file order. */
  lines: string[];
  holdout: number;
  seed: number;
  heldOutFactIds: string[];
  seenFactIds: string[];
  /** Facts neither held out nor seen (their only snippet was excluded because it mentions a held-out fact). */
  unseenFactIds: string[];
  excludedSnippets: number;
}

interface FactSnippets extends EvidenceFact {
  snippets: string[];
}

/** Parses `lama-evidence:a,b` into dataset ids (Google-RE only: SQuAD has no evidence). */
export function parseEvidenceSource(source: string): string[] {
  const ids = source.slice(EVIDENCE_PREFIX.length).split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InvalidOptionError(`corpus "${source}": name the datasets, e.g. lama-evidence:re-place-birth,re-date-birth,re-place-death`);
  for (const id of ids) {
    if (!id.startsWith('re-') && !id.startsWith('file:')) {
      throw new InvalidOptionError(`corpus "${source}": dataset "${id}" has no evidence snippets; use the Google-RE datasets (re-place-birth, re-date-birth, re-place-death)`);
    }
  }
  return ids;
}

export async function buildEvidenceCorpus(datasets: string[], options: EvidenceCorpusOptions = {}): Promise<EvidenceCorpus> {
  const holdout = options.holdout ?? 0;
  const seed = options.seed ?? 0;
  if (!(holdout >= 0 && holdout < 1)) throw new InvalidOptionError(`buildEvidenceCorpus: holdout must be in [0, 1), got ${holdout}`);
  const root = options.dataDir === undefined ? {} : { dataDir: options.dataDir };
  const facts: FactSnippets[] = [];
  for (const dataset of datasets) {
    const { file } = resolveDataset(dataset, root);
    for await (const { value } of readJsonl(file)) {
      const evidences = Array.isArray(value.evidences) ? (value.evidences as Array<Record<string, unknown>>) : [];
      const snippets = evidenceTexts(evidences, options.text ?? 'snippets');
      if (typeof value.uuid !== 'string' || typeof value.sub_label !== 'string' || typeof value.obj_label !== 'string') continue;
      facts.push({ factId: value.uuid, dataset, subject: value.sub_label, gold: value.obj_label, snippets });
    }
  }
  if (facts.every((f) => f.snippets.length === 0)) {
    throw new UsageError(`lama-evidence:${datasets.join(',')}: no evidence snippets found (only Google-RE files carry them)`);
  }
  // Hold out subjects, not facts, so no fact about a held-out person is trained on.
  const subjects = [...new Set(facts.map((f) => f.subject))].sort();
  const heldOutSubjects = new Set(new SeededRandom(seed).shuffle(subjects).slice(0, Math.round(holdout * subjects.length)));
  const heldOut = facts.filter((f) => heldOutSubjects.has(f.subject));
  const excluded = new Set(heldOut.flatMap((f) => f.snippets));
  const allSnippets = [...new Set(facts.flatMap((f) => f.snippets))];
  for (const snippet of allSnippets) {
    if (!excluded.has(snippet) && heldOut.some((f) => snippet.includes(f.subject) && snippet.includes(f.gold))) excluded.add(snippet);
  }
  const lines = allSnippets.filter((s) => !excluded.has(s));
  const kept = new Set(lines);
  const heldOutIds = new Set(heldOut.map((f) => f.factId));
  const seen: string[] = [];
  const unseen: string[] = [];
  for (const fact of facts) {
    if (heldOutIds.has(fact.factId)) continue;
    (fact.snippets.some((s) => kept.has(s)) ? seen : unseen).push(fact.factId);
  }
  return {
    datasets, lines, holdout, seed,
    heldOutFactIds: [...heldOutIds], seenFactIds: seen, unseenFactIds: unseen,
    excludedSnippets: allSnippets.length - lines.length,
  };
}

/** A fact's training text: its evidence paragraphs, or the sentences of them that state it. */
function evidenceTexts(evidences: Array<Record<string, unknown>>, text: 'snippets' | 'fact-sentences'): string[] {
  const raw = text === 'fact-sentences'
    ? evidences.flatMap((e) => (Array.isArray(e?.considered_sentences) ? (e.considered_sentences as unknown[]) : []))
    : evidences.map((e) => e?.snippet);
  return raw.map((t) => (typeof t === 'string' ? cleanSnippet(t) : '')).filter(Boolean);
}

/** Snippets are paragraphs; keep each on one line. */
function cleanSnippet(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
