/**
 * @file The NLP layer's numbers: full parser training time (EWT train, default settings, in a
 * fresh cache), UAS / LAS / universal LAS on EWT test under the fixed protocol (gold tokens, wink
 * UPOS, punctuation included), parsing speed (`nlp.parse` on raw sentence text: wink, lexical
 * tagger, parser and entities; and the parser alone on given words and tags), and wink's speed.
 * Times are wall clock; CPU seconds are given too, since a busy machine stretches wall time.
 *
 * Run alone: LMKG_DATA_DIR=../shared/data node --import tsx bench/parser.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateParser, loadNlp, loadOrTrainParser, readTreebank } from '../src/index.js';
import { tagGoldWords, tagWords } from '../src/internal.js';
import { runAlone } from './table.js';
import type { BenchRow } from './types.js';


function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; wall: number; cpu: number }> {
  const wall0 = performance.now();
  const cpu0 = cpuSeconds();
  const result = await work();
  return { result, wall: (performance.now() - wall0) / 1000, cpu: cpuSeconds() - cpu0 };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cache = mkdtempSync(join(tmpdir(), 'lmkg-bench-parser-'));
  try {
    const training = await timed(() => loadOrTrainParser({ cacheDir: cache, evaluateDev: false }));
    const { model, file } = training.result;
    const info = model.info;
    rows.push({
      name: 'parser: full training (tag, jackknife lexical tagger, train, save)', value: training.wall, unit: 's',
      note: `${training.cpu.toFixed(1)} s CPU; ${info.trainSentences} sentences, ${info.epochs} epochs, ${info.features} features; aim <= 180 s`,
    });
    rows.push({ name: 'parser: non-projective training trees (projectivised by lifting)', value: info.nonProjectiveTrees, unit: 'trees', note: `${info.liftedArcs} arcs lifted` });

    const test = await readTreebank('test');
    const scores = evaluateParser(model, test);
    const note = `EWT test, ${scores.words} words, gold tokens, wink UPOS, punctuation included`;
    rows.push({ name: 'parser: UAS', value: 100 * scores.uas, unit: '%', note: `${note}; aim >= 85` });
    rows.push({ name: 'parser: LAS (full labels)', value: 100 * scores.las, unit: '%', note: 'aim >= 80' });
    rows.push({ name: 'parser: LAS (universal labels)', value: 100 * scores.lasUniversal, unit: '%', note: 'subtypes stripped' });
    rows.push({ name: 'wink: UPOS accuracy on EWT test', value: 100 * scores.tagAccuracy, unit: '%', note: 'the run-time tagger the protocol uses' });

    const words = test.map((s) => s.words.map((w) => w.form));
    const tags = words.map((forms) => tagGoldWords(forms));
    const nlp = await loadNlp({ modelFile: file });
    for (let i = 0; i < 200; i += 1) nlp.parseWords(words[i]!, tags[i]!); // warm-up
    const parserOnly = await timed(() => words.forEach((forms, i) => nlp.parseWords(forms, tags[i]!)));
    rows.push({
      name: 'parser alone (lexical tagger + parser, given words and wink tags)', value: test.length / parserOnly.wall, unit: 'sentences/s',
      note: `${(test.length / parserOnly.cpu).toFixed(0)} per CPU second; EWT test, ${(scores.words / test.length).toFixed(1)} words per sentence`,
    });
    const texts = test.map((s) => s.text);
    for (const text of texts.slice(0, 200)) nlp.parse(text); // warm-up
    const parsing = await timed(() => texts.forEach((text) => nlp.parse(text)));
    rows.push({
      name: 'nlp.parse(text) (wink + lexical tagger + parser + entity spans)', value: texts.length / parsing.wall, unit: 'sentences/s',
      note: `${(texts.length / parsing.cpu).toFixed(0)} per CPU second; aim >= 2000; EWT test sentence texts; entity types not read`,
    });
    let spans = 0;
    const typing = await timed(() => texts.forEach((text) => {
      for (const entity of nlp.parse(text).entities) if (entity.type) spans += 1;
    }));
    rows.push({
      name: 'nlp.parse(text) reading every entity type (compromise on each new proper-noun run)', value: texts.length / typing.wall, unit: 'sentences/s',
      note: `${(texts.length / typing.cpu).toFixed(0)} per CPU second; ${spans} spans; the type cache was cold for most`,
    });
    let tokens = 0;
    const wink = await timed(() => texts.forEach((text) => (tokens += tagWords(text).length)));
    rows.push({ name: 'wink: tagWords', value: tokens / wink.wall, unit: 'tokens/s', note: `${(tokens / wink.cpu).toFixed(0)} per CPU second` });
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  return rows;
}

await runAlone(import.meta.url, run);
