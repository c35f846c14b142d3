import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFormatError, NotFoundError } from '../../src/errors.js';
import { parseConllu, readConllu } from '../../src/nlp/conllu.js';
import { tempDir } from '../helpers/tmp.js';

const row = (...fields: string[]) => fields.join('\t');

const SAMPLE = [
  '# newdoc id = d1',
  '# sent_id = s1',
  '# text = I don\'t know.',
  row('1', 'I', 'I', 'PRON', 'PRP', '_', '4', 'nsubj', '4:nsubj', '_'),
  row('2-3', 'don\'t', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('2', 'do', 'do', 'AUX', 'VBP', '_', '4', 'aux', '4:aux', '_'),
  row('3', 'n\'t', 'not', 'PART', 'RB', '_', '4', 'advmod', '4:advmod', '_'),
  row('4', 'know', 'know', 'VERB', 'VB', '_', '0', 'root', '0:root', 'SpaceAfter=No'),
  row('5', '.', '.', 'PUNCT', '.', '_', '4', 'punct', '4:punct', '_'),
  '',
  '# sent_id = s2',
  row('1', 'Sue', 'Sue', 'PROPN', 'NNP', '_', '0', 'root', '0:root', '_'),
  row('1.1', 'likes', 'like', 'VERB', 'VBZ', '_', '_', '_', '0:root', 'CopyOf=2'),
  row('2', 'tea', 'tea', 'NOUN', 'NN', '_', '1', 'obj:x', '1:obj', '_'),
  '',
].join('\n');

test('parseConllu keeps syntactic words, skips ranges and empty nodes, and reads heads, labels and spacing', () => {
  const [first, second] = parseConllu(SAMPLE, 'sample.conllu');
  assert.equal(first!.id, 's1');
  assert.equal(first!.text, 'I don\'t know.');
  assert.equal(first!.line, 4);
  assert.deepEqual(first!.words.map((w) => w.form), ['I', 'do', 'n\'t', 'know', '.']);
  assert.deepEqual(first!.words.map((w) => w.head), [3, 3, 3, -1, 3]);
  assert.deepEqual(first!.words.map((w) => w.deprel), ['nsubj', 'aux', 'advmod', 'root', 'punct']);
  // "do" inside the range "don't" has no space after it; "n't" takes the range's spacing.
  assert.deepEqual(first!.words.map((w) => w.spaceAfter), [true, false, true, false, true]);
  assert.equal(second!.id, 's2');
  assert.equal(second!.text, 'Sue tea'); // no # text: rebuilt from the words
  assert.deepEqual(second!.words.map((w) => [w.form, w.head, w.deprel]), [['Sue', -1, 'root'], ['tea', 0, 'obj:x']]);
});

test('parseConllu accepts a last sentence without a closing blank line and CRLF line ends', () => {
  const text = [row('1', 'Hi', 'hi', 'INTJ', 'UH', '_', '0', 'root', '_', '_'), row('2', '!', '!', 'PUNCT', '.', '_', '1', 'punct', '_', '_')].join('\r\n');
  const [sentence] = parseConllu(text, 'x.conllu');
  assert.deepEqual(sentence!.words.map((w) => w.form), ['Hi', '!']);
  assert.equal(sentence!.id, 'x.conllu#1');
});

function formatError(text: string): DataFormatError {
  try {
    parseConllu(text, 'bad.conllu');
  } catch (error) {
    assert.ok(error instanceof DataFormatError, String(error));
    return error;
  }
  assert.fail('expected a DataFormatError');
}

test('a malformed line is a DataFormatError naming the file and line', () => {
  const wrongFields = formatError(['# sent_id = a', row('1', 'Hi', 'hi', 'INTJ', 'UH', '_', '0', 'root', '_'), ''].join('\n'));
  assert.deepEqual(wrongFields.location, { file: 'bad.conllu', line: 2 });
  assert.match(wrongFields.message, /^bad\.conllu:2: expected 10 tab-separated fields, got 9/);

  const badHead = formatError(['', row('1', 'Hi', 'hi', 'INTJ', 'UH', '_', 'x', 'root', '_', '_'), ''].join('\n'));
  assert.deepEqual(badHead.location, { file: 'bad.conllu', line: 2, field: 'HEAD' });

  const gap = formatError([row('1', 'a', 'a', 'X', '_', '_', '0', 'root', '_', '_'), row('3', 'b', 'b', 'X', '_', '_', '1', 'dep', '_', '_'), ''].join('\n'));
  assert.deepEqual(gap.location, { file: 'bad.conllu', line: 2, field: 'ID' });
  assert.match(gap.message, /expected word id 2, got 3/);

  const farHead = formatError([row('1', 'a', 'a', 'X', '_', '_', '0', 'root', '_', '_'), row('2', 'b', 'b', 'X', '_', '_', '7', 'dep', '_', '_'), ''].join('\n'));
  assert.deepEqual(farHead.location, { file: 'bad.conllu', line: 2, field: 'HEAD' });

  const noRoot = formatError(['# sent_id = r', row('1', 'a', 'a', 'X', '_', '_', '2', 'dep', '_', '_'), row('2', 'b', 'b', 'X', '_', '_', '1', 'dep', '_', '_'), ''].join('\n'));
  assert.equal(noRoot.location.line, 2);
  assert.match(noRoot.message, /no root/);

  const noLabel = formatError([row('1', 'a', 'a', 'X', '_', '_', '0', '_', '_', '_'), ''].join('\n'));
  assert.deepEqual(noLabel.location, { file: 'bad.conllu', line: 1, field: 'DEPREL' });
});

test('readConllu reads a file and names it in errors; a missing file is NotFoundError', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'a.conllu');
  writeFileSync(file, SAMPLE);
  assert.equal((await readConllu(file)).length, 2);
  writeFileSync(file, `${SAMPLE}${row('1', 'x')}\n`);
  await assert.rejects(readConllu(file), (error: unknown) => error instanceof DataFormatError && error.location.file === file && error.location.line === 15);
  await assert.rejects(readConllu(join(dir, 'none.conllu')), NotFoundError);
});
