import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/data-dir.js';
import { tempDir } from '../helpers/tmp.js';

const cache = tempDir({ after });
const env = () => ({ LMKG_DATA_DIR: join(sharedData('ud'), '..'), LMKG_CACHE_DIR: cache });

test('parser commands have help with examples', async () => {
  for (const args of [['parser', 'fetch'], ['parser', 'train'], ['parser', 'eval'], ['parse']]) {
    const help = await runCli([...args, '--help']);
    assert.equal(help.code, 0, args.join(' '));
    assert.match(help.stdout, /Example/, args.join(' '));
  }
});

test('lmkg parser train trains once and caches; eval scores the test set; parse prints a table', async () => {
  const first = await runCli(['parser', 'train', '--limit', '300', '--epochs', '2'], { env: env(), timeoutMs: 300_000 });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^trained model: .*parser\/ewt-[0-9a-f]{16}\.lmkgparser$/m);
  assert.match(first.stdout, /trained on 300 sentences \(\d+ non-projective, \d+ arcs lifted\), 2 epochs/);
  assert.match(first.stdout, /^dev\s+25147\s+\d+\.\d\d%\s+\d+\.\d\d%\s+\d+\.\d\d%/m);
  const second = await runCli(['parser', 'train', '--limit', '300', '--epochs', '2'], { env: env() });
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /^cached model: /m);

  const scores = await runCli(['parser', 'eval', '--limit', '300', '--epochs', '2'], { env: env() });
  assert.equal(scores.code, 0, scores.stderr);
  assert.match(scores.stdout, /^test\s+25094\s+\d+\.\d\d%\s+\d+\.\d\d%\s+\d+\.\d\d%\s+\d+\.\d\d%/m);
  assert.match(scores.stdout, /gold tokenisation, UPOS from wink/);

  const model = /^cached model: (.*)$/m.exec(second.stdout)![1]!;
  const table = await runCli(['parse', 'Allan Dwan was born in Toronto.', '--model', model], { env: env() });
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.trim().split('\n');
  assert.match(lines[0]!, /^ID\s+FORM\s+LEMMA\s+UPOS\s+HEAD\s+DEPREL\s+CHARS$/);
  assert.match(lines[2]!, /^1\s+Allan\s+Allan\s+PROPN\s+\d\s+\S+\s+0-5$/);
  assert.match(lines[5]!, /^4\s+born\s+bear\s+VERB\s+/);
  assert.match(table.stdout, /entities: Allan Dwan \[PERSON, tokens 1-2\]; Toronto \[PLACE, tokens 6-6\]/);
  const json = await runCli(['parse', 'Hello world.', '--model', model, '--json'], { env: env() });
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout).tokens.map((t: { text: string }) => t.text), ['Hello', 'world', '.']);
});

test('missing treebank and failed downloads are one-line errors with their exit codes', async (t) => {
  const empty = tempDir(t);
  const missing = await runCli(['parser', 'train'], { env: { LMKG_DATA_DIR: undefined, LMKG_CACHE_DIR: empty } });
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /^lmkg: no ud\/ data in the cache .*run `lmkg parser fetch`/);
  const server = createServer((_, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const failed = await runCli(['parser', 'fetch', '--url', url, '--retries', '0'], { env: { LMKG_CACHE_DIR: empty } });
  assert.equal(failed.code, 6, failed.stderr);
  assert.equal(failed.stderr.trim().split('\n').length, 1);
  assert.match(failed.stderr, /HTTP 404/);
});
