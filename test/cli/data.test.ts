import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, REPO_ROOT } from '../helpers/cli.js';
import { sharedData } from '../helpers/data-dir.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = () => join(sharedData('lama'), '..');

test('lmkg --version and --help', async () => {
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /data/);
});

test('every data command has --help with an example', async () => {
  for (const command of ['fetch', 'list', 'verify']) {
    const help = await runCli(['data', command, '--help']);
    assert.equal(help.code, 0, command);
    assert.match(help.stdout, /Example/, command);
  }
});

test('lmkg data list shows the counts; --dataset picks one', async () => {
  const all = await runCli(['data', 'list', '--data-dir', dataDir()]);
  assert.equal(all.code, 0, all.stderr);
  assert.match(all.stdout, /re-place-birth\s+google-re\s+2937\s+2937\s+3078\s+395\s+2683/);
  const one = await runCli(['data', 'list', '--dataset', 'squad', '--json'], { env: { LMKG_DATA_DIR: dataDir() } });
  assert.equal(one.code, 0, one.stderr);
  const [stats] = JSON.parse(one.stdout);
  assert.deepEqual([stats.facts, stats.sentences, stats.skippedSentences], [305, 305, 3]);
});

test('lmkg data verify passes on the shared data and fails on a changed file', async (t) => {
  const ok = await runCli(['data', 'verify'], { env: { LMKG_DATA_DIR: dataDir() } });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /all 5 files .* match/);
  const root = tempDir(t);
  const { cpSync } = await import('node:fs');
  cpSync(sharedData('lama'), join(root, 'lama'), { recursive: true });
  mkdirSync(join(root, 'lama', 'TREx'), { recursive: true });
  writeFileSync(join(root, 'lama', 'TREx', 'P19.jsonl'), '{}\n');
  const extra = await runCli(['data', 'verify', '--data-dir', root]);
  assert.equal(extra.code, 0, extra.stderr);
  assert.match(extra.stdout, /TREx\/P19\.jsonl\s+no sum/);
  assert.match(extra.stdout, /file.* no official sum in lmkg and .*not checked: .*TREx\/P19\.jsonl/);
  writeFileSync(join(root, 'lama', 'relations.jsonl'), '{}\n');
  const bad = await runCli(['data', 'verify', '--data-dir', root]);
  assert.equal(bad.code, 5);
  assert.match(bad.stderr, /^lmkg: 1 of 5 LAMA files .*\(relations\.jsonl: mismatch\)/);
});

test('errors are one clear line with a non-zero exit; --verbose adds the stack', async (t) => {
  const unknown = await runCli(['data', 'list', '--dataset', 'nope', '--data-dir', dataDir()]);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr.trim().split('\n').length, 1);
  assert.match(unknown.stderr, /^lmkg: unknown dataset "nope"; valid ids: squad, re-place-birth/);
  const empty = tempDir(t);
  const missing = await runCli(['data', 'list'], { env: { LMKG_DATA_DIR: undefined, LMKG_CACHE_DIR: empty } });
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /run `lmkg data fetch`, or set LMKG_DATA_DIR/);
  const verbose = await runCli(['data', 'list', '--dataset', 'nope', '--data-dir', dataDir(), '--verbose']);
  assert.match(verbose.stderr, /\n\s+at /);
  const badOption = await runCli(['data', 'list', '--no-such-option']);
  assert.notEqual(badOption.code, 0);
});
