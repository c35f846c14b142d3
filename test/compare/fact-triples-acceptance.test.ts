/**
 * @file Acceptance of the fact-triple measure on real data, real models and the real parser:
 * oracle predictions score fact F1 = 1 far above chance; half-oracle predictions score the recall
 * the per-fact coverage predicts; a random-initialised model scores at or below its chance band.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { chanceBaseline, factTripleScores } from '../../src/compare/index.js';
import { extractKnowledgeGraphs, type SentenceParser } from '../../src/extract/index.js';
import { initModel } from '../../src/lm/index.js';
import { probe, refillRecord, type PredictionRecord } from '../../src/probe/index.js';
import { loadNlp } from '../../src/nlp/index.js';
import { SeededRandom } from '../../src/random.js';
import { loadTokenizer, type Tokenizer } from '../../src/tokenizers/index.js';
import { sharedData } from '../helpers/data-dir.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = (): string => join(sharedData('lama'), '..');
const R = 39;
let parse: SentenceParser;
let dir: string;

before(async () => {
  dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  parse = (await loadNlp({ trainLimit: 2000, typeEntities: false })).parse;
});

/** The gold as the model writes it: encoded and decoded by the model's own tokenizer (lmkg's tokenizer layer). */
function modelWritten(tokenizer: Tokenizer, gold: string, byteLevel: boolean): string {
  return tokenizer.decode(tokenizer.encode(byteLevel ? ` ${gold}` : gold, { addSpecialTokens: false })).trim();
}

function scores(records: readonly PredictionRecord[], extractor: string) {
  const graphs = extractKnowledgeGraphs(records, { extractor, parse });
  return factTripleScores(graphs.predicted, graphs.gold, { records });
}

for (const arch of ['bert', 'roberta'] as const) {
  test(`oracle and half-oracle predictions (${arch}): fact F1 = 1 and the recall the coverage predicts, both above chance`, async () => {
    const [model] = await makeTinyModels(join(dir, arch), { names: ['m'], arch });
    const tokenizer = await loadTokenizer(join(dir, arch, 'tokenizer'));
    for (const dataset of ['re-place-birth', 'squad']) {
      const probed = (await probe(model!, dataset, { limit: 300, dataDir: dataDir() })).records;
      // golds with a piece outside the vocabulary cannot be written by the model at all: left out
      const records = probed.filter((r) => r.slot!.rendering === 'model-decoder');
      assert.ok(records.length >= 250, `${records.length} of ${probed.length} golds the model can write`);
      const oracle = records.map((r) => refillRecord(r, { text: modelWritten(tokenizer, r.gold, arch === 'roberta'), spaceBefore: true }));
      const exact = scores(oracle, 'svo-plus');
      assert.equal(exact.micro.f1, 1, `${dataset}: oracle fact F1`);
      assert.ok(exact.micro.gold > 50, `${dataset}: ${exact.micro.gold} gold fact triples`);
      const [oracleChance] = chanceBaseline(oracle, { extractors: ['svo-plus'], parse, replicates: R, seed: 11 });
      assert.ok(oracleChance!.overall.f1.high! < 1, 'the chance band lies below the oracle');
      assert.equal(oracleChance!.overall.f1.p, 1 / (R + 1));

      // half the facts (seeded) get their gold, the others the gold of another fact of the same relation
      const random = new SeededRandom(5);
      const factIds = [...new Set(records.map((r) => r.factId))];
      const right = new Set(factIds.filter(() => random.next() < 0.5));
      const byRelation = new Map<string, string[]>();
      for (const r of oracle) {
        const key = r.relation?.id ?? r.dataset;
        byRelation.set(key, [...(byRelation.get(key) ?? []), r.fill!.text]);
      }
      const half = oracle.map((r) => {
        if (right.has(r.factId)) return r;
        const others = byRelation.get(r.relation?.id ?? r.dataset)!.filter((text) => text.toLowerCase() !== r.fill!.text.toLowerCase());
        return refillRecord(r, { text: others[Math.floor(random.next() * others.length)]!, spaceBefore: true });
      });
      const halfScores = scores(half, 'svo-plus');
      // a right fact matches all its gold fact triples, a wrong one none: recall = covered gold triples of the right facts / all
      const perFact = exact.perFact;
      const expected = perFact.filter((c) => right.has(c.factId)).reduce((s, c) => s + c.gold, 0) / perFact.reduce((s, c) => s + c.gold, 0);
      assert.ok(Math.abs(halfScores.micro.recall! - expected) <= 0.01, `${dataset}: recall ${halfScores.micro.recall} vs ${expected}`);
      const [halfChance] = chanceBaseline(half, { extractors: ['svo-plus'], parse, replicates: R, seed: 11 });
      assert.ok(halfScores.micro.f1! > halfChance!.overall.f1.high!, `${dataset}: ${halfScores.micro.f1} above the band`);
      assert.equal(halfChance!.overall.f1.observed, halfScores.micro.f1);
      assert.equal(halfChance!.overall.f1.p, 1 / (R + 1));
    }
  });
}

test('a random-initialised model scores at or below chance; its band has width where its fills can hit a gold', async () => {
  // lmkg model init's defaults (HF's initializer range 0.02), a tokenizer trained by lmkg
  await makeTinyModels(join(dir, 'random'), { names: ['seed'], arch: 'roberta' });
  const model = join(dir, 'random', 'models', 'init-default');
  await initModel({ arch: 'roberta', preset: 'tiny', tokenizer: join(dir, 'random', 'tokenizer'), out: model, maxLength: 128 });
  for (const dataset of ['re-place-birth', 'squad']) {
    const { records } = await probe(model, dataset, { dataDir: dataDir() });
    const extractors = dataset === 'squad' ? ['svo-plus'] : ['svo-plus', 'lama'];
    const bands = chanceBaseline(records, { extractors, parse, replicates: R, seed: 11 });
    for (const band of bands) {
      const f1 = band.overall.f1;
      assert.ok(f1.observed! <= f1.high!, `${dataset}/${band.extractor}: F1 ${f1.observed} above the band [${f1.low}, ${f1.high}]`);
      assert.ok(f1.p! > 0.05, `${dataset}/${band.extractor}: p ${f1.p}`);
      // a sentence extractor's slot-coverage band has width: other facts' fills parse differently
      if (band.extractor !== 'lama') assert.ok(band.overall.slot.high! > band.overall.slot.low!, `${dataset}/${band.extractor}: slot band`);
      assert.deepEqual(band.constantGroups, []);
    }
    if (dataset === 're-place-birth') {
      // some fills are golds of other facts (place names), so some rotations score: the band has width
      const golds = new Set(records.map((r) => r.slot!.goldText.toLowerCase()));
      assert.ok(records.some((r) => golds.has(r.fill!.text.toLowerCase())));
      const lama = bands.find((b) => b.extractor === 'lama')!;
      assert.ok(lama.overall.f1.high! > lama.overall.f1.low!, `lama band [${lama.overall.f1.low}, ${lama.overall.f1.high}]`);
    }
    // On SQuAD this model has 12 distinct fills; one of them is a gold ("Spain", of one fact), and
    // svo-plus makes no fact triple of that fact's sentence: no rotation can score, so chance is
    // exactly 0 (a band of no width, at 0) and the observed 0 is at chance.
  }
});
