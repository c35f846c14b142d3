/**
 * @file `lmkg tokenizer train | encode`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidOptionError, loadTokenizer, saveTokenizer, trainTokenizer, UsageError, type TokenizerKind } from '../../index.js';
import { createProgressDisplay, formatMegabytes, type ProgressDisplay } from '../progress.js';
import { wholeNumber } from '../numbers.js';

interface TrainFlags {
  type: string;
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

  tokenizer
    .command('train')
    .description('train a tokenizer on text files (one paragraph per line) and save it as a Hugging Face tokenizer folder')
    .requiredOption('--type <type>', 'bpe (byte-level BPE, as RoBERTa) or wordpiece (as BERT)')
    .requiredOption('--corpus <paths...>', 'text files, or folders of *.txt files (recursive)')
    .option('--vocab-size <n>', 'vocabulary size, special tokens included (default: 52000 for bpe, 30522 for wordpiece)', wholeNumber('--vocab-size', { min: 1 }))
    .option('--min-frequency <n>', 'pairs seen fewer times are never merged (default 2)', wholeNumber('--min-frequency', { min: 1 }))
    .option('--limit-alphabet <n>', 'wordpiece: keep this many most frequent characters (default 1000)', wholeNumber('--limit-alphabet', { min: 1 }))
    .option('--cased', 'wordpiece: keep case and accents (default: uncased, as bert-base-uncased)')
    .option('--model-max-length <n>', 'model_max_length written to tokenizer_config.json (default 512)', wholeNumber('--model-max-length', { min: 1 }))
    .requiredOption('--out <dir>', 'output folder (created atomically; must not exist or be empty unless --force)')
    .option('--force', 'replace a non-empty output folder')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ lmkg tokenizer train --type bpe --corpus ../shared/data/corpus/bio ../shared/data/corpus/general --vocab-size 52000 --out tokenizers/roberta-bpe\n' +
        '  $ lmkg tokenizer train --type wordpiece --corpus wiki.txt --vocab-size 30522 --out tokenizers/bert-wordpiece\n' +
        'The folder holds tokenizer.json and tokenizer_config.json (for transformers.js, Python transformers and tokenizers),\n' +
        'special_tokens_map.json, vocab.json + merges.txt (bpe) or vocab.txt (wordpiece), and lmkg_tokenizer.json (how it was trained).',
    )
    .action(async (flags: TrainFlags) => {
      if (flags.type !== 'bpe' && flags.type !== 'wordpiece') throw new InvalidOptionError(`--type must be bpe or wordpiece, got "${flags.type}"`);
      const type: TokenizerKind = flags.type;
      if (type === 'bpe' && (flags.limitAlphabet !== undefined || flags.cased)) {
        throw new InvalidOptionError('--limit-alphabet and --cased apply to --type wordpiece only (byte-level BPE always has the 256-byte alphabet and keeps case)');
      }
      // refuse before the long work, not after it
      if (existsSync(flags.out) && (!statSync(flags.out).isDirectory() || readdirSync(flags.out).length > 0) && !flags.force) {
        throw new UsageError(`--out ${flags.out} already exists and is not an empty folder; choose another folder or pass --force to replace it`);
      }
      let reading: ProgressDisplay | null = createProgressDisplay({ label: 'reading corpus', format: formatMegabytes });
      let merging: ProgressDisplay | null = null;
      try {
        const tok = await trainTokenizer({
          type,
          corpus: flags.corpus,
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
        const files = await saveTokenizer(tok, flags.out, { overwrite: flags.force === true });
        const t = tok.training!;
        if (t.learnedVocabSize < t.vocabSize) {
          console.error(`note: stopped at ${t.learnedVocabSize} entries: no pair is left that occurs at least ${t.minFrequency} times (asked for ${t.vocabSize})`);
        }
        console.log(
          `trained ${type} tokenizer: vocab ${tok.vocabSize}, ${t.merges} merges, from ${t.lines} lines (${(t.characters / 1e6).toFixed(1)}M characters, ${t.uniqueWords} unique words) in ${t.seconds.toFixed(1)} s`,
        );
        console.log(`wrote ${flags.out}/: ${files.join(', ')}`);
      } finally {
        (reading as ProgressDisplay | null)?.stop();
        (merging as ProgressDisplay | null)?.stop();
      }
    });

  tokenizer
    .command('encode')
    .description('show the tokens and ids of a text (any Hugging Face byte-level BPE or WordPiece tokenizer.json)')
    .requiredOption('--tokenizer <path>', 'tokenizer folder or tokenizer.json')
    .option('--no-special-tokens', 'leave out <s> </s> / [CLS] [SEP]')
    .option('--json', 'print JSON')
    .argument('<text...>', 'the text (words are joined with spaces)')
    .addHelpText('after', '\nExample:\n  $ lmkg tokenizer encode --tokenizer tokenizers/roberta-bpe "Dante was born in <mask>."')
    .action(async (words: string[], flags: { tokenizer: string; specialTokens: boolean; json?: boolean }) => {
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
