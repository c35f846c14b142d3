/**
 * @file `lmkg parser fetch | train | eval` and `lmkg parse "<sentence>"`.
 */
import type { Command } from 'commander';
import {
  evaluateParser, fetchTreebank, loadNlp, loadOrTrainParser, PARSE_OPTIONS, PARSER_EVAL_OPTIONS, PARSER_FETCH_OPTIONS, PARSER_TRAIN_OPTIONS,
  readTreebank, type ParserProgress, type ParserScores,
} from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { createProgressDisplay, formatMegabytes, type ProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';

/** The flags of parser train and eval, under loadOrTrainParser's keys. */
interface ParserFlags {
  dataDir?: string;
  trainLimit?: number;
  epochs: number;
}

export function registerParserCommands(program: Command): void {
  const parser = program.command('parser').description('get the UD English EWT treebank, train and evaluate the dependency parser');

  addTableOptions(parser
    .command('fetch')
    .description('download UD English EWT (pinned release, sha256-checked) into the cache'), PARSER_FETCH_OPTIONS)
    .addHelpText('after', '\nExample:\n  $ lmkg parser fetch\n  (installs into $LMKG_CACHE_DIR/ud/UD_English-EWT, default ~/.cache/lmkg/ud/UD_English-EWT)')
    .action(async (_options: unknown, self: Command) => {
      const options = tableValues<{ force: boolean; baseUrl?: string; retries: number }>(self, PARSER_FETCH_OPTIONS).values;
      const progress = createProgressDisplay({ label: 'UD_English-EWT', format: formatMegabytes });
      try {
        const result = await fetchTreebank({
          ...(options.force ? { force: true } : {}),
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          retries: options.retries,
          onProgress: (event) => {
            if (event.stage === 'download') progress.update(event.bytes, event.total, event.file);
            else if (event.stage === 'wait') progress.log(event.message);
            else progress.log(`${event.file}: ${event.stage === 'present' ? 'already installed and verified' : event.stage}`);
          },
        });
        progress.stop();
        console.log(result.downloaded.length > 0
          ? `installed ${result.downloaded.join(', ')} into ${result.folder}`
          : `UD_English-EWT already installed and verified in ${result.folder} (use --force to download again)`);
      } finally {
        progress.stop();
      }
    });

  addTableOptions(parser
    .command('train')
    .description('train the parser on EWT train (once: the model is cached) and print its dev scores'), PARSER_TRAIN_OPTIONS)
    .addHelpText('after', '\nExamples:\n  $ lmkg parser train\n  $ lmkg parser train --limit 2000 --epochs 8')
    .action(async (_options: unknown, self: Command) => {
      const flags = tableValues<ParserFlags & { retrain: boolean }>(self, PARSER_TRAIN_OPTIONS).values;
      const { display, onProgress } = progressReporter();
      try {
        const result = await loadOrTrainParser({ ...flags, onProgress });
        display.stop();
        const info = result.model.info;
        console.log(`${result.trained ? 'trained' : 'cached'} model: ${result.file}`);
        console.log(`trained on ${info.trainSentences} sentences (${info.nonProjectiveTrees} non-projective, ${info.liftedArcs} arcs lifted), ${info.epochs} epochs, ${info.features} features, ${info.trainingSeconds.toFixed(1)} s`);
        if (info.dev) printScores('dev', { ...info.dev });
      } finally {
        display.stop();
      }
    });

  addTableOptions(parser
    .command('eval')
    .description('score the (cached) parser on EWT test: gold tokens, wink tags, punctuation included'), PARSER_EVAL_OPTIONS)
    .addHelpText('after', '\nExample:\n  $ lmkg parser eval')
    .action(async (_options: unknown, self: Command) => {
      const { split, ...flags } = tableValues<ParserFlags & { split: 'test' | 'dev' }>(self, PARSER_EVAL_OPTIONS).values;
      const { display, onProgress } = progressReporter();
      try {
        const { model } = await loadOrTrainParser({ ...flags, onProgress });
        const sentences = await readTreebank(split, flags.dataDir === undefined ? {} : { dataDir: flags.dataDir });
        const scores = evaluateParser(model, sentences, onProgress);
        display.stop();
        printScores(split, scores);
      } finally {
        display.stop();
      }
    });

  addTableOptions(program
    .command('parse')
    .description('parse a sentence and print a CoNLL-U-like table (ID, FORM, LEMMA, UPOS, HEAD, DEPREL) and its entities')
    .argument('<text>', 'the sentence (or a few)'), PARSE_OPTIONS)
    .addHelpText('after', '\nExample:\n  $ lmkg parse "Allan Dwan was born in Toronto."')
    .action(async (text: string, _options: unknown, self: Command) => {
      const { json, ...flags } = tableValues<{ dataDir?: string; modelFile?: string; json: boolean }>(self, PARSE_OPTIONS).values;
      const { display, onProgress } = progressReporter();
      let nlp;
      try {
        nlp = await loadNlp({ ...flags, onProgress });
      } finally {
        display.stop();
      }
      const parsed = nlp.parse(text);
      if (json) {
        console.log(JSON.stringify(parsed, null, 2));
        return;
      }
      printTable(
        ['ID', 'FORM', 'LEMMA', 'UPOS', 'HEAD', 'DEPREL', 'CHARS'],
        parsed.tokens.map((t) => [t.index + 1, t.text, t.lemma, t.upos, t.head + 1, t.deprel, `${t.start}-${t.end}`]),
      );
      if (parsed.entities.length > 0) {
        console.log(`\nentities: ${parsed.entities.map((e) => `${e.text} [${e.type}, tokens ${e.start + 1}-${e.end}]`).join('; ')}`);
      }
    });
}

function progressReporter(): { display: ProgressDisplay; onProgress: (event: ParserProgress) => void } {
  const display = createProgressDisplay({ label: 'parser' });
  const onProgress = (event: ParserProgress) => {
    switch (event.stage) {
      case 'train':
        display.update((event.epoch - 1) * event.sentences + event.done, event.epochs * event.sentences,
          `epoch ${event.epoch}/${event.epochs}, transitions right ${(100 * event.accuracy).toFixed(1)}%`);
        break;
      case 'tag':
        display.update(event.done, event.sentences, 'tagging the training sentences');
        break;
      case 'lexical-tagger':
        display.update(event.done, event.total, 'training the lexical tagger (jackknifed)');
        break;
      case 'evaluate':
        display.update(event.done, event.sentences, 'evaluating');
        break;
      default:
        display.log(`${event.stage === 'load' ? 'loading' : 'saving'} ${event.file}`);
    }
  };
  return { display, onProgress };
}

function printScores(split: string, scores: Pick<ParserScores, 'uas' | 'las' | 'lasUniversal' | 'words'> & Partial<ParserScores>): void {
  const percent = (value: number) => `${(100 * value).toFixed(2)}%`;
  printTable(
    ['split', 'words', 'UAS', 'LAS', 'LAS (universal labels)', 'UPOS accuracy'],
    [[split, scores.words, percent(scores.uas), percent(scores.las), percent(scores.lasUniversal), scores.tagAccuracy === undefined ? null : percent(scores.tagAccuracy)]],
  );
  console.log('protocol: gold tokenisation, UPOS from wink (the run-time tagger), punctuation included');
}
