import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic, writeJsonAtomic, writeTextAtomic } from '../src/files.js';
import { tempDir } from './helpers/tmp.js';

test('atomic writes replace a file whole, create the folder and leave no temporary file', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.txt');
  writeFileSync(path, 'old');
  await writeTextAtomic(path, 'new');
  assert.equal(readFileSync(path, 'utf8'), 'new');
  writeFileAtomic(join(dir, 'sub', 'b.bin'), Uint8Array.from([1, 2, 3]));
  assert.deepEqual([...readFileSync(join(dir, 'sub', 'b.bin'))], [1, 2, 3]);
  writeJsonAtomic(join(dir, 'c.json'), { x: 1 });
  assert.equal(readFileSync(join(dir, 'c.json'), 'utf8'), '{\n  "x": 1\n}\n');
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'c.json', 'sub']);
});

test('a failed write leaves the old file as it was', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.txt');
  writeFileSync(path, 'old');
  await assert.rejects(writeTextAtomic(path, { toString: () => { throw new Error('boom'); } } as unknown as string));
  assert.equal(readFileSync(path, 'utf8'), 'old');
  assert.deepEqual(readdirSync(dir), ['a.txt']);
});
