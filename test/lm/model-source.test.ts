import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initModel, NetworkError, NotFoundError, probe, resolveModelSource } from '../../src/index.js';
import { writeSafetensors, readSafetensors, decodeFloat32 } from '../../src/internal.js';
import { tempDir } from '../helpers/tmp.js';
import { makeTokenizer } from './fixtures.js';

test('a hub id offline fails with one line that says how to use a local folder', async (t) => {
  const dir = tempDir(t);
  // 127.0.0.1:9 refuses connections: an unreachable hub, as on a machine without internet
  await assert.rejects(resolveModelSource('bert-base-uncased', { hubUrl: 'http://127.0.0.1:9/', hubCacheDir: dir }), (error: unknown) => {
    assert.ok(error instanceof NetworkError);
    assert.ok(!error.message.includes('\n'));
    assert.match(error.message, /^model "bert-base-uncased": cannot reach the Hugging Face hub for Xenova\/bert-base-uncased \(.*\)\. Offline\? Use a local model folder instead: --model \.\/my-model .*, or set HF_ENDPOINT to a mirror$/);
    return true;
  });
  await assert.rejects(resolveModelSource('./no/such/folder'), NotFoundError);
});

test('a folder with only model.safetensors is exported to ONNX on first use, keyed by the weights sha256', async (t) => {
  const dir = tempDir(t);
  const tokenizer = await makeTokenizer('wordpiece', join(dir, 'tok'));
  const model = await initModel({ arch: 'distilbert', tokenizer, out: join(dir, 'm'), onnx: false });
  assert.ok(!existsSync(join(model.dir, 'onnx')));
  const first = await resolveModelSource(model.dir);
  assert.equal(first.onnxPath, join(model.dir, 'onnx', 'model.onnx'));
  assert.equal(first.weightsSha256, model.weightsSha256);
  assert.ok(first.notes.some((note) => /exported model\.safetensors/.test(note)));
  const exportedAt = statSync(first.onnxPath).mtimeMs;
  const second = await resolveModelSource(model.dir);
  assert.deepEqual(second.notes, []);
  assert.equal(statSync(second.onnxPath).mtimeMs, exportedAt, 'not exported again');
  // new weights (as a training epoch writes them) are exported again
  const file = readSafetensors(join(model.dir, 'model.safetensors'));
  const tensors = [...file.tensors].map(([name, entry]) => ({ name, shape: entry.shape, data: decodeFloat32(entry).map((v) => v * 2) }));
  writeSafetensors(join(model.dir, 'model.safetensors'), tensors);
  const third = await resolveModelSource(model.dir);
  assert.notEqual(third.weightsSha256, first.weightsSha256);
  assert.ok(third.notes.some((note) => /exported/.test(note)));
});

test('a hub id downloads through transformers.js (from a local server with the hub URL layout) and probes', async (t) => {
  const dir = tempDir(t);
  const tokenizer = await makeTokenizer('bpe', join(dir, 'tok'));
  const model = await initModel({ arch: 'roberta', tokenizer, out: join(dir, 'repo'), std: 0.5 });
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const match = /^\/lmkg-test\/tiny-roberta\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    const file = match ? join(model.dir, decodeURIComponent(match[1]!)) : null;
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-length': body.length }).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const port = (server.address() as { port: number }).port;
  const hubCacheDir = join(dir, 'cache');
  const source = await resolveModelSource('lmkg-test/tiny-roberta', { hubUrl: `http://127.0.0.1:${port}`, hubCacheDir });
  assert.equal(source.kind, 'hub');
  assert.equal(source.dir, join(hubCacheDir, 'lmkg-test', 'tiny-roberta'));
  assert.ok(requests.some((url) => url.endsWith('/onnx/model.onnx')));
  assert.deepEqual(readFileSync(source.onnxPath), readFileSync(join(model.dir, 'onnx', 'model.onnx')));
  const count = requests.length;
  const again = await resolveModelSource('lmkg-test/tiny-roberta', { hubUrl: `http://127.0.0.1:${port}`, hubCacheDir });
  assert.equal(requests.length, count, 'the second use reads the cache');
  const queries = [{ id: 'q#0', dataset: 'd', factId: 'q', subject: 'X', relation: null, gold: 'Paris', maskedSentence: 'X was born in [MASK] .', evidenceUrl: null }];
  const viaHub = await probe('lmkg-test/tiny-roberta', queries, { hubUrl: `http://127.0.0.1:${port}`, hubCacheDir });
  const viaFolder = await probe(model.dir, queries);
  assert.equal(again.weightsSha256, source.weightsSha256);
  assert.deepEqual(viaHub.records[0]!.predictions, viaFolder.records[0]!.predictions);
});
