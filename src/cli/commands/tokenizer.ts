/**
 * @file `lmkg tokenizer train | encode`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidOptionError, loadTokenizer, saveTokenizer, trainTokenizer, TOKENIZER_ENCODE_OPTIONS, TOKENIZER_TRAIN_OPTIONS, UsageError, type TokenizerKind } from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { createProgressDisplay, formatMegabytes, type ProgressDisplay } from '../progress.js';

interface TrainFlags {
  type: TokenizerKind;
  corpus: string[];
  vocabSize?: number;
  minFrequency?: number;
  limitAlphabet?: number;
  cased?: boolean;
  modelMaxLength?: number;
  out: string;
  force?: boolean;
}

export function registerTokenizerCommands(program: Command): void {
  const tokenizer = program.command('tokenizer').description('train byte-level BPE (RoBERTa) or WordPiece (BERT) tokenizers in the Hugging Face format');

  const train = tokenizer
    .command('train')
    .description('train a tokenizer on text files (one paragraph per line) and save it as a Hugging Face tokenizer folder');
  addTableOptions(train, TOKENIZER_TRAIN_OPTIONS)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ lmkg tokenizer train --type bpe --corpus ../shared/data/corpus/bio ../shared/data/corpus/general --vocab-size 52000 --out tokenizers/roberta-bpe\n' +
        '  $ lmkg tokenizer train --type wordpiece --corpus wiki.txt --vocab-size 30522 --out tokenizers/bert-wordpiece\n' +
        'The folder holds tokenizer.json and tokenizer_config.json (for transformers.js, Python transformers and tokenizers),\n' +
        'special_tokens_map.json, vocab.json + merges.txt (bpe) or vocab.txt (wordpiece), and lmkg_tokenizer.json (how it was trained).',
    )
    .action(async (_options: unknown, self: Command) => {
      // the defaults depend on --type: only what the user typed goes to the library
      const { values, explicit: flags } = tableValues<TrainFlags>(self, TOKENIZER_TRAIN_OPTIONS);
      const { type, corpus, out } = values;
      if (type === 'bpe' && (flags.limitAlphabet !== undefined || flags.cased)) {
        throw new InvalidOptionError('--limit-alphabet and --cased apply to --type wordpiece only (byte-level BPE always has the 256-byte alphabet and keeps case)');
      }
      // refuse before the long work, not after it
      if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0) && !flags.force) {
        throw new UsageError(`--out ${out} already exists and is not an empty folder; choose another folder or pass --force to replace it`);
      }
      let reading: ProgressDisplay | null = createProgressDisplay({ label: 'reading corpus', format: formatMegabytes });
      let merging: ProgressDisplay | null = null;
      try {
        const tok = await trainTokenizer({
          type,
          corpus,
          vocabSize: flags.vocabSize,
          minFrequency: flags.minFrequency,
          modelMaxLength: flags.modelMaxLength,
          ...(type === 'wordpiece' ? { limitAlphabet: flags.limitAlphabet, lowercase: flags.cased ? false : undefined } : {}),
          onProgress: (event) => {
            if (event.stage === 'read') reading?.update(event.bytes, event.totalBytes, `${event.lines} lines`);
            else if (event.stage === 'alphabet') {
              reading?.stop();
              reading = null;
              console.error(`${event.uniqueWords} unique words, alphabet of ${event.alphabet} symbols`);
              merging = createProgressDisplay({ label: 'learning vocabulary' });
            } else if (event.stage === 'merge') merging?.update(event.vocab, event.targetVocab, `best pair seen ${event.pairCount} times`);
          },
        });
        (merging as ProgressDisplay | null)?.stop();
        const files = await saveTokenizer(tok, out, { overwrite: flags.force === true });
        const t = tok.training!;
        if (t.learnedVocabSize < t.vocabSize) {
          console.error(`note: stopped at ${t.learnedVocabSize} entries: no pair is left that occurs at least ${t.minFrequency} times (asked for ${t.vocabSize})`);
        }
        console.log(
          `trained ${type} tokenizer: vocab ${tok.vocabSize}, ${t.merges} merges, from ${t.lines} lines (${(t.characters / 1e6).toFixed(1)}M characters, ${t.uniqueWords} unique words) in ${t.seconds.toFixed(1)} s`,
        );
        console.log(`wrote ${out}/: ${files.join(', ')}`);
      } finally {
        (reading as ProgressDisplay | null)?.stop();
        (merging as ProgressDisplay | null)?.stop();
      }
    });

  addTableOptions(tokenizer
    .command('encode')
    .description('show the tokens and ids of a text (any Hugging Face byte-level BPE or WordPiece tokenizer.json)'), TOKENIZER_ENCODE_OPTIONS)
    .argument('<text...>', 'the text (words are joined with spaces)')
    .addHelpText('after', '\nExample:\n  $ lmkg tokenizer encode --tokenizer tokenizers/roberta-bpe "Dante was born in <mask>."')
    .action(async (words: string[], _options: unknown, self: Command) => {
      const flags = tableValues<{ tokenizer: string; specialTokens: boolean; json: boolean }>(self, TOKENIZER_ENCODE_OPTIONS).values;
      const tok = await loadTokenizer(flags.tokenizer);
      const text = words.join(' ');
      const ids = tok.encode(text, { addSpecialTokens: flags.specialTokens });
      const tokens = ids.map((id) => tok.idToToken(id) ?? '?');
      if (flags.json) {
        console.log(JSON.stringify({ kind: tok.kind, text, ids, tokens, decoded: tok.decode(ids) }, null, 2));
        return;
      }
      console.log(`${tok.kind} tokenizer, vocab ${tok.vocabSize}: ${ids.length} tokens`);
      console.log(tokens.map((token, i) => `${token}=${ids[i]}`).join(' '));
      console.log(`decoded: ${JSON.stringify(tok.decode(ids))}`);
    });
}
