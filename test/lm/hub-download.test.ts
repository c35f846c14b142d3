/**
 * @file The hub path end to end against a local server that imitates the Hugging Face hub
 * (test/helpers/hub-server.ts): transformers.js downloads, lmkg checks sizes and hashes against the
 * hub's headers, fetches a damaged file again once, records the verified download, and runs the
 * model in its own engine.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { initModel, IntegrityError, probe, resolveModelSource, UsageError, type ClozeQuery } from '../../src/index.js';
import { HUB_RECORD_FILE, modelProblems } from '../../src/internal.js';
import { repositoryFiles, serveHub } from '../helpers/hub-server.js';
import { tempDir } from '../helpers/tmp.js';
import { makeTokenizer } from './fixtures.js';

const REPO = 'lmkg-test/tiny-roberta';
const QUERIES: ClozeQuery[] = ['Allan Dwan was born in [MASK] .', 'The capital of France is [MASK] .'].map((maskedSentence, i) => ({
  id: `q${i}#0`, dataset: 'd', factId: `q${i}`, subject: null, relation: null, gold: 'Paris', maskedSentence, evidenceUrl: null,
}));

let modelDir: string;
let files: Map<string, Buffer>;
let expected: Awaited<ReturnType<typeof probe>>['records'];

before(async () => {
  const dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  const tokenizer = await makeTokenizer('bpe', join(dir, 'tok'));
  modelDir = (await initModel({ arch: 'roberta', tokenizer, out: join(dir, 'repo'), std: 0.5 })).dir;
  files = repositoryFiles(modelDir);
  expected = (await probe(modelDir, QUERIES)).records;
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** Whole downloads of the model file from the file host (not transformers.js's one-byte size probes). */
const blobDownloads = (requests: Array<{ method: string; url: string; range?: string }>) => requests.filter((r) => r.method === 'GET' && r.url.startsWith('/cdn/') && !r.range).length;

test('hub: first download with progress, checked and recorded; a second run with the server stopped makes no request', async (t) => {
  const hub = await serveHub({ repo: REPO, files });
  t.after(() => hub.close());
  const cache = tempDir(t);
  const events: Array<{ message: string; file?: string; bytes?: number }> = [];
  const source = await resolveModelSource(REPO, { hubUrl: hub.url, hubCacheDir: cache, onProgress: (e) => events.push(e) });
  assert.equal(source.kind, 'hub');
  assert.equal(source.dir, join(cache, 'lmkg-test', 'tiny-roberta'));
  for (const [file, body] of files) assert.ok(readFileSync(join(source.dir, file)).equals(body), file);
  assert.equal(source.weightsSha256, sha256(files.get('onnx/model.onnx')!));
  assert.ok(source.notes.some((n) => /sizes and hashes checked/.test(n)));
  // progress: bytes of the model file as they arrive
  const modelEvents = events.filter((e) => e.file === 'onnx/model.onnx' && e.bytes !== undefined);
  assert.ok(modelEvents.length > 0, JSON.stringify(events.slice(0, 5)));
  assert.equal(modelEvents.at(-1)!.bytes, files.get('onnx/model.onnx')!.length);
  // one HEAD per file (the metadata), then the downloads; the model file through the file host
  const heads = hub.requests.filter((r) => r.method === 'HEAD').map((r) => r.url);
  assert.deepEqual(heads, [...files.keys()].map((f) => `/${REPO}/resolve/main/${f}`));
  assert.equal(blobDownloads(hub.requests), 1, JSON.stringify(hub.requests));
  const record = JSON.parse(readFileSync(join(source.dir, HUB_RECORD_FILE), 'utf8'));
  assert.equal(record.commit, hub.commit);
  assert.deepEqual(record.files['onnx/model.onnx'].hash, { kind: 'sha256', value: sha256(files.get('onnx/model.onnx')!) });
  assert.equal(record.files['config.json'].hash.kind, 'git-sha1');
  const viaHub = await probe(REPO, QUERIES, { hubUrl: hub.url, hubCacheDir: cache });
  assert.deepEqual(viaHub.records.map((r) => r.predictions), expected.map((r) => r.predictions));

  const logged = hub.requests.length;
  await hub.close();
  const again = await resolveModelSource(REPO, { hubUrl: hub.url, hubCacheDir: cache });
  assert.deepEqual(again.notes, []);
  const offline = await probe(REPO, QUERIES, { hubUrl: hub.url, hubCacheDir: cache });
  assert.deepEqual(offline.records.map((r) => r.predictions), expected.map((r) => r.predictions));
  assert.equal(hub.requests.length, logged, 'no request after the first run');
  assert.deepEqual(await modelProblems([REPO], { hubUrl: hub.url, hubCacheDir: cache }), [], 'preflight: a verified copy needs no hub');
});

test('hub: a file truncated in transit is fetched again exactly once and ends matching its hash', async (t) => {
  const model = files.get('onnx/model.onnx')!;
  const hub = await serveHub({ repo: REPO, files, truncate: { file: 'onnx/model.onnx', times: 1, bytes: Math.floor(model.length / 2) } });
  t.after(() => hub.close());
  const cache = tempDir(t);
  const messages: string[] = [];
  const source = await resolveModelSource(REPO, { hubUrl: hub.url, hubCacheDir: cache, onProgress: (e) => messages.push(e.message) });
  assert.equal(blobDownloads(hub.requests), 2, 'downloaded twice, not more');
  assert.equal(sha256(readFileSync(source.onnxPath)), sha256(model));
  assert.ok(messages.some((m) => new RegExp(`${REPO}/onnx/model\\.onnx: it has ${Math.floor(model.length / 2)} bytes, the hub says ${model.length}; fetching it again`).test(m)), messages.join('\n'));
  const viaHub = await probe(REPO, QUERIES, { hubUrl: hub.url, hubCacheDir: cache });
  assert.deepEqual(viaHub.records.map((r) => r.predictions), expected.map((r) => r.predictions));
});

test('hub: a file that stays damaged fails naming the file, and nothing damaged is kept', async (t) => {
  const model = files.get('onnx/model.onnx')!;
  const hub = await serveHub({ repo: REPO, files, truncate: { file: 'onnx/model.onnx', times: 99, bytes: 1000 } });
  t.after(() => hub.close());
  const cache = tempDir(t);
  await assert.rejects(resolveModelSource(REPO, { hubUrl: hub.url, hubCacheDir: cache }), (error: unknown) => {
    assert.ok(error instanceof IntegrityError);
    assert.match(error.message, new RegExp(`${REPO}/onnx/model\\.onnx does not match what the hub says after two downloads \\(it has 1000 bytes, the hub says ${model.length}\\)`));
    return true;
  });
  assert.equal(blobDownloads(hub.requests), 2);
  const dir = join(cache, 'lmkg-test', 'tiny-roberta');
  assert.equal(existsSync(join(dir, 'onnx', 'model.onnx')), false);
  assert.equal(existsSync(join(dir, HUB_RECORD_FILE)), false);
});

test('hub: a repository without an ONNX file gets a clear error that says what to do', async (t) => {
  const withoutOnnx = new Map([...files].filter(([file]) => file !== 'onnx/model.onnx'));
  const hub = await serveHub({ repo: REPO, files: withoutOnnx });
  t.after(() => hub.close());
  const cache = tempDir(t);
  await assert.rejects(resolveModelSource(REPO, { hubUrl: hub.url, hubCacheDir: cache }), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.match(error.message, /^model "lmkg-test\/tiny-roberta": the hub repository lmkg-test\/tiny-roberta has no onnx\/model\.onnx, and lmkg runs ONNX masked LMs; use an ONNX conversion of it .* or download its config\.json, tokenizer\.json and model\.safetensors into a folder and give that folder \(--model \.\/folder\): lmkg exports it to ONNX on first use$/);
    return true;
  });
  assert.equal(hub.requests.filter((r) => r.method === 'GET').length, 0, 'nothing is downloaded');
  const [problem] = await modelProblems([REPO], { hubUrl: hub.url, hubCacheDir: cache });
  assert.match(problem!.what, /has no onnx\/model\.onnx/);
  assert.match(problem!.fix, /model\.safetensors/);
  const [unknown] = await modelProblems(['lmkg-test/nothing-here'], { hubUrl: hub.url, hubCacheDir: cache });
  assert.match(unknown!.what, /the hub \(http:\/\/127\.0\.0\.1:\d+\) has no repository lmkg-test\/nothing-here/);
});

test('hub preflight: a hub that never answers is given up after the timeout, not waited for', async (t) => {
  const silent = createServer(() => { /* accepts, never answers */ });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => {
    silent.closeAllConnections();
    silent.close(() => resolve());
  }));
  const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  const started = Date.now();
  const problems = await modelProblems(['bert-base-uncased'], { hubUrl: url, hubCacheDir: tempDir(t), timeoutMs: 400 });
  assert.ok(Date.now() - started < 3_000);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.what, /^model "bert-base-uncased": Xenova\/bert-base-uncased is not in the cache .* cannot be reached \(.*no answer within 0\.4 s\)/);
  assert.match(problems[0]!.fix, /HF_ENDPOINT/);
});
