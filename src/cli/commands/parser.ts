/**
 * @file `lmkg parser fetch | train | eval` and `lmkg parse "<sentence>"`.
 */
import type { Command } from 'commander';
import {
  evaluateParser, fetchTreebank, loadNlp, loadOrTrainParser, readTreebank, InvalidOptionError,
  type ParserProgress, type ParserScores,
} from '../../index.js';
import { createProgressDisplay, formatMegabytes, type ProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';
import { wholeNumber } from '../numbers.js';

interface TrainFlags {
  dataDir?: string;
  limit?: number;
  epochs?: number;
  retrain?: boolean;
}

export function registerParserCommands(program: Command): void {
  const parser = program.command('parser').description('get the UD English EWT treebank, train and evaluate the dependency parser');

  parser
    .command('fetch')
    .description('download UD English EWT (pinned release, sha256-checked) into the cache')
    .option('--force', 'download again even if verified files are installed')
    .option('--url <base>', 'base URL holding en_ewt-ud-{train,dev,test}.conllu (a mirror; default $LMKG_UD_URL, else the official release)')
    .option('--retries <n>', 'retries after a failed attempt', wholeNumber('--retries'), 4)
    .addHelpText('after', '\nExample:\n  $ lmkg parser fetch\n  (installs into $LMKG_CACHE_DIR/ud/UD_English-EWT, default ~/.cache/lmkg/ud/UD_English-EWT)')
    .action(async (options: { force?: boolean; url?: string; retries: number }) => {
      const progress = createProgressDisplay({ label: 'UD_English-EWT', format: formatMegabytes });
      try {
        const result = await fetchTreebank({
          ...(options.force ? { force: true } : {}),
          ...(options.url ? { baseUrl: options.url } : {}),
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

  parser
    .command('train')
    .description('train the parser on EWT train (once: the model is cached) and print its dev scores')
    .option('--data-dir <dir>', 'data root with ud/UD_English-EWT (default: $LMKG_DATA_DIR, else the cache)')
    .option('--limit <n>', 'train on the first n sentences only', wholeNumber('--limit', { min: 1 }))
    .option('--epochs <n>', 'passes over the training data', wholeNumber('--epochs', { min: 1 }))
    .option('--retrain', 'train again even if a cached model exists')
    .addHelpText('after', '\nExamples:\n  $ lmkg parser train\n  $ lmkg parser train --limit 2000 --epochs 8')
    .action(async (flags: TrainFlags) => {
      const { display, onProgress } = progressReporter();
      try {
        const result = await loadOrTrainParser({ ...trainOptions(flags), ...(flags.retrain ? { retrain: true } : {}), onProgress });
        display.stop();
        const info = result.model.info;
        console.log(`${result.trained ? 'trained' : 'cached'} model: ${result.file}`);
        console.log(`trained on ${info.trainSentences} sentences (${info.nonProjectiveTrees} non-projective, ${info.liftedArcs} arcs lifted), ${info.epochs} epochs, ${info.features} features, ${info.trainingSeconds.toFixed(1)} s`);
        if (info.dev) printScores('dev', { ...info.dev });
      } finally {
        display.stop();
      }
    });

  parser
    .command('eval')
    .description('score the (cached) parser on EWT test: gold tokens, wink tags, punctuation included')
    .option('--data-dir <dir>', 'data root with ud/UD_English-EWT (default: $LMKG_DATA_DIR, else the cache)')
    .option('--split <split>', 'test or dev', 'test')
    .option('--limit <n>', 'use the model trained on the first n sentences', wholeNumber('--limit', { min: 1 }))
    .option('--epochs <n>', 'use the model trained for n epochs', wholeNumber('--epochs', { min: 1 }))
    .addHelpText('after', '\nExample:\n  $ lmkg parser eval')
    .action(async (flags: TrainFlags & { split: string }) => {
      if (flags.split !== 'test' && flags.split !== 'dev') throw new InvalidOptionError(`--split must be "test" or "dev", got "${flags.split}"`);
      const { display, onProgress } = progressReporter();
      try {
        const { model } = await loadOrTrainParser({ ...trainOptions(flags), onProgress });
        const sentences = await readTreebank(flags.split, flags.dataDir === undefined ? {} : { dataDir: flags.dataDir });
        const scores = evaluateParser(model, sentences, onProgress);
        display.stop();
        printScores(flags.split, scores);
      } finally {
        display.stop();
      }
    });

  program
    .command('parse')
    .description('parse a sentence and print a CoNLL-U-like table (ID, FORM, LEMMA, UPOS, HEAD, DEPREL) and its entities')
    .argument('<text>', 'the sentence (or a few)')
    .option('--data-dir <dir>', 'data root with ud/UD_English-EWT (default: $LMKG_DATA_DIR, else the cache)')
    .option('--model <file>', 'a parser model file (default: the cached model, trained on first use)')
    .option('--json', 'print the ParsedSentence as JSON')
    .addHelpText('after', '\nExample:\n  $ lmkg parse "Allan Dwan was born in Toronto."')
    .action(async (text: string, flags: { dataDir?: string; model?: string; json?: boolean }) => {
      const { display, onProgress } = progressReporter();
      let nlp;
      try {
        nlp = await loadNlp({
          ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
          ...(flags.model === undefined ? {} : { modelFile: flags.model }),
          onProgress,
        });
      } finally {
        display.stop();
      }
      const parsed = nlp.parse(text);
      if (flags.json) {
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

function trainOptions(flags: TrainFlags) {
  return {
    ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
    ...(flags.limit === undefined ? {} : { trainLimit: flags.limit }),
    ...(flags.epochs === undefined ? {} : { epochs: flags.epochs }),
  };
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
