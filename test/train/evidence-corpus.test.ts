import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildEvidenceCorpus, parseEvidenceSource } from '../../src/train/evidence-corpus.js';
import { loadLamaDataset } from '../../src/data/load-dataset.js';
import { InvalidOptionError } from '../../src/errors.js';
import { sharedData } from '../helpers/data-dir.js';

const dataDir = () => join(sharedData('lama'), '..');
const DATASETS = ['re-place-birth', 're-date-birth', 're-place-death'];

/** No training line names a held-out fact's subject together with its gold object. */
async function assertNoLeak(corpus: Awaited<ReturnType<typeof buildEvidenceCorpus>>): Promise<Map<string, { subject: string | null; gold: string }>> {
  const facts = new Map<string, { subject: string | null; gold: string }>();
  for (const id of DATASETS) for (const f of (await loadLamaDataset(id, { dataDir: dataDir() })).facts) facts.set(f.factId, f);
  const heldOut = corpus.heldOutFactIds.map((id) => facts.get(id)!);
  const share = corpus.heldOutFactIds.length / facts.size;
  assert.ok(share > 0.15 && share < 0.25, `held-out share ${share}`);
  for (const line of new Set(corpus.lines)) {
    for (const fact of heldOut) assert.ok(!(line.includes(fact.subject!) && line.includes(fact.gold)), `leak: ${fact.subject}`);
  }
  return facts;
}

test('lama-evidence: held-out facts never appear in a training snippet', async () => {
  const corpus = await buildEvidenceCorpus(DATASETS, { holdout: 0.2, seed: 1, dataDir: dataDir() });
  assert.ok(corpus.lines.length > 3000);
  const facts = await assertNoLeak(corpus);
  const heldOut = corpus.heldOutFactIds.map((id) => facts.get(id)!);
  // Held-out subjects are whole people: no seen fact shares a subject with a held-out fact.
  const heldOutSubjects = new Set(heldOut.map((f) => f.subject));
  for (const id of corpus.seenFactIds) assert.ok(!heldOutSubjects.has(facts.get(id)!.subject));
  assert.equal(corpus.heldOutFactIds.length + corpus.seenFactIds.length + corpus.unseenFactIds.length, facts.size);
  // Seeded: same seed, same split; another seed, another split.
  const again = await buildEvidenceCorpus(DATASETS, { holdout: 0.2, seed: 1, dataDir: dataDir() });
  assert.deepEqual(again.heldOutFactIds, corpus.heldOutFactIds);
  const other = await buildEvidenceCorpus(DATASETS, { holdout: 0.2, seed: 2, dataDir: dataDir() });
  assert.notDeepEqual(other.heldOutFactIds, corpus.heldOutFactIds);
});

test('lama-evidence, fact sentences only (the demo\'s text): held-out facts never appear in a training sentence', async () => {
  const corpus = await buildEvidenceCorpus(DATASETS, { holdout: 0.2, seed: 1, dataDir: dataDir(), text: 'fact-sentences' });
  const snippets = await buildEvidenceCorpus(DATASETS, { holdout: 0.2, seed: 1, dataDir: dataDir() });
  const chars = (lines: string[]) => lines.reduce((sum, line) => sum + line.length, 0);
  // the sentences that state a fact: a third of the evidence text
  assert.ok(corpus.lines.length > 1000 && chars(corpus.lines) < 0.5 * chars(snippets.lines), `${corpus.lines.length} sentences, ${chars(corpus.lines)} characters`);
  // the same subjects are held out whatever the text
  assert.deepEqual(corpus.heldOutFactIds, snippets.heldOutFactIds);
  await assertNoLeak(corpus);
});

test('lama-evidence: source parsing and bad input', async () => {
  assert.deepEqual(parseEvidenceSource('lama-evidence:re-place-birth, re-date-birth'), ['re-place-birth', 're-date-birth']);
  assert.throws(() => parseEvidenceSource('lama-evidence:'), InvalidOptionError);
  assert.throws(() => parseEvidenceSource('lama-evidence:squad'), /has no evidence snippets/);
  await assert.rejects(buildEvidenceCorpus(['re-place-birth'], { holdout: 1, dataDir: dataDir() }), /holdout must be in \[0, 1\)/);
  const none = await buildEvidenceCorpus(['re-place-death'], { holdout: 0, dataDir: dataDir() });
  assert.equal(none.heldOutFactIds.length, 0);
});
