/**
 * @file `lmkg tokenizer train | encode` through the built binary.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { writeTrainingText } from './fixtures.js';

test('lmkg tokenizer train writes a tokenizer folder; encode shows tokens; help has examples', async (t) => {
  const dir = tempDir(t);
  const corpus = writeTrainingText(dir);
  const out = join(dir, 'tok');
  const train = await runCli(['tokenizer', 'train', '--type', 'bpe', '--corpus', corpus, '--vocab-size', '900', '--out', out]);
  assert.equal(train.code, 0, train.stderr);
  assert.match(train.stdout, /trained bpe tokenizer: vocab 900/);
  assert.ok(existsSync(join(out, 'tokenizer.json')) && existsSync(join(out, 'merges.txt')));
  const encode = await runCli(['tokenizer', 'encode', '--tokenizer', out, '--json', 'Dante was born in <mask>.']);
  assert.equal(encode.code, 0, encode.stderr);
  const result = JSON.parse(encode.stdout);
  assert.deepEqual(result.tokens, ['<s>', 'Dante', 'Ġwas', 'Ġborn', 'Ġin', '<mask>', '.', '</s>']);
  const wordpiece = await runCli(['tokenizer', 'train', '--type', 'wordpiece', '--corpus', dir, '--vocab-size', '420', '--min-frequency', '2', '--out', join(dir, 'wp')]);
  assert.equal(wordpiece.code, 0, wordpiece.stderr);
  assert.ok(existsSync(join(dir, 'wp', 'vocab.txt')));
  for (const command of ['train', 'encode']) {
    const help = await runCli(['tokenizer', command, '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Example/);
  }
});

test('lmkg tokenizer train: bad input exits with the error kind\'s code and writes nothing', async (t) => {
  const dir = tempDir(t);
  const corpus = writeTrainingText(dir);
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '\n\n');
  const cases: Array<[string[], number, RegExp]> = [
    [['--type', 'bpe', '--corpus', join(dir, 'missing.txt'), '--out', join(dir, 'o1')], 3, /does not exist/],
    [['--type', 'bpe', '--corpus', empty, '--out', join(dir, 'o2')], 2, /corpus is empty/],
    [['--type', 'bpe', '--corpus', corpus, '--vocab-size', '200', '--out', join(dir, 'o3')], 2, /at least 261/],
    [['--type', 'wordpiece', '--corpus', corpus, '--vocab-size', '50', '--out', join(dir, 'o4')], 2, /alphabet/],
    [['--type', 'sentencepiece', '--corpus', corpus, '--out', join(dir, 'o5')], 2, /bpe or wordpiece/],
    [['--type', 'bpe', '--corpus', corpus, '--vocab-size', 'many', '--out', join(dir, 'o6')], 2, /whole number/],
    [['--type', 'bpe', '--corpus', corpus, '--out', dir], 2, /not an empty folder/],
  ];
  for (const [args, code, message] of cases) {
    const result = await runCli(['tokenizer', 'train', ...args]);
    assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace without --verbose');
  }
  assert.deepEqual(readdirSync(dir).sort(), ['empty.txt', 'train.txt']);
});
