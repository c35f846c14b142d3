import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFormatError, InvalidOptionError, NotFoundError, UsageError } from '../../src/errors.js';
import { listCorpusFiles, readCorpusLines } from '../../src/tokenizers/index.js';
import { tempDir } from '../helpers/tmp.js';

async function collect(paths: string[], options = {}): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readCorpusLines(paths, options)) lines.push(line);
  return lines;
}

test('folders give their *.txt files recursively in path order; files stand for themselves', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'b', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'b', 'deep', 'z.txt'), 'deep\n');
  writeFileSync(join(dir, 'b', 'a.txt'), 'b/a\n');
  writeFileSync(join(dir, 'a.txt'), 'a\n');
  writeFileSync(join(dir, 'notes.tsv'), 'skipped\n');
  writeFileSync(join(dir, '.hidden.txt'), 'skipped\n');
  writeFileSync(join(dir, 'extra.text'), 'explicit file\n');
  const files = await listCorpusFiles([dir, join(dir, 'extra.text')]);
  assert.deepEqual(files.map((f) => f.file.slice(dir.length + 1)), ['a.txt', 'b/a.txt', 'b/deep/z.txt', 'extra.text']);
  assert.deepEqual(files.map((f) => f.bytes), [2, 4, 5, 14]);
  assert.deepEqual(await collect([dir, join(dir, 'extra.text')]), ['a', 'b/a', 'deep', 'explicit file']);
});

test('lines: CRLF endings, a last line without newline, empty lines skipped (or kept), UTF-8 across chunks', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'c.txt');
  const long = 'é'.repeat(700_000); // 1.4 MB: crosses the 1 MB read chunks inside a character
  writeFileSync(file, `first\r\n\r\nsecond\n\n${long}\nlast`);
  assert.deepEqual(await collect([file]), ['first', 'second', long, 'last']);
  assert.deepEqual(await collect([file], { keepEmpty: true }), ['first', '', 'second', '', long, 'last']);
  const events: number[] = [];
  await collect([file], { onProgress: (e: { bytes: number; totalBytes: number }) => events.push(e.bytes / e.totalBytes) });
  assert.equal(events.at(-1), 1);
});

test('corpus errors: nothing given, missing path, folder without text, binary file, not a regular file', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(listCorpusFiles([]), InvalidOptionError);
  await assert.rejects(listCorpusFiles([join(dir, 'missing.txt')]), (e) => e instanceof NotFoundError && /missing\.txt/.test(e.message));
  await assert.rejects(listCorpusFiles([dir]), (e) => e instanceof UsageError && /no \*\.txt files/.test(e.message));
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
  await assert.rejects(listCorpusFiles([join(dir, 'bin.txt')]), (e) => e instanceof DataFormatError && e.location.file.endsWith('bin.txt'));
  await assert.rejects(listCorpusFiles(['/dev/null']), UsageError);
});
