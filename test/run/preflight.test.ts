/**
 * @file `lmkg run` checks everything before it starts: a missing parser, a missing model and an
 * output folder it cannot write are named together in one message, and nothing is written.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { PreflightError } from '../../src/errors.js';
import { runProblems } from '../../src/run/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      out.push(`${relative(dir, path)} ${statSync(path).size} ${statSync(path).mtimeMs}`);
      if (statSync(path).isDirectory()) walk(path);
    }
  };
  walk(dir);
  return out.sort();
}

test('lmkg run with a missing parser, a missing model and an unwritable output folder writes no file and names all three', async (t) => {
  const dir = tempDir(t);
  const probe = join(dir, 'probe.jsonl');
  writeFileSync(probe, `${JSON.stringify({ masked_sentences: ['Ann Lee was born in [MASK] .'], obj_label: 'Paris' })}\n`);
  writeFileSync(join(dir, 'a-file'), 'not a folder\n');
  const cache = join(dir, 'cache');
  const home = join(dir, 'home');
  mkdirSync(cache);
  mkdirSync(home);
  const before = listing(dir);
  const result = await runCli(['run', '--models', join(dir, 'no-such-model'), '--datasets', `file:${probe}`, '--extractors', 'svo-plus',
    '--out', join(dir, 'a-file', 'study')], { env: { LMKG_DATA_DIR: undefined, LMKG_CACHE_DIR: cache, HOME: home } });
  assert.equal(result.code, 7, result.stderr);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.match(lines[0]!, /^lmkg: run cannot start; 3 things are missing or unusable \(nothing was written\):$/);
  assert.match(result.stderr, new RegExp(`--out .*cannot create ${join(dir, 'a-file', 'study')}, because ${join(dir, 'a-file')} is a file\\n    fix: give --out a folder you can write`));
  assert.match(result.stderr, new RegExp(`model ".*no-such-model": no such folder .*\\n    fix: give a model folder`));
  assert.match(result.stderr, /the dependency parser: no ud\/UD_English-EWT in the cache .*\n    fix: `lmkg parser fetch` \(downloads into the cache\).*--parser-model <file>/);
  assert.equal(lines.filter((line) => line.startsWith('lmkg:')).length, 1, 'one message');
  assert.deepEqual(listing(dir), before, 'nothing was written');
});

test('--out naming an existing file is a clear preflight problem, not EEXIST', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'results.txt');
  writeFileSync(file, 'x');
  const problems = await runProblems({ models: [], datasets: [], out: file, extractors: ['lama'] });
  assert.deepEqual(problems.slice(0, 1), [{ what: `--out ${file}: ${file} is a file, not a folder`, fix: 'give --out a folder you can write (a new one, or an existing folder)' }]);
  const result = await runCli(['run', '--models', dir, '--datasets', `file:${join(dir, 'none.jsonl')}`, '--extractors', 'lama', '--out', file]);
  assert.equal(result.code, 7);
  assert.doesNotMatch(result.stderr, /EEXIST/);
  assert.match(result.stderr, /results\.txt is a file, not a folder/);
  assert.match(result.stderr, /dataset "file:.*none\.jsonl": .*no such file/);
  assert.ok(new PreflightError('run', problems) instanceof PreflightError);
});
