import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { IntegrityError, NetworkError } from '../../src/errors.js';
import { sha256File } from '../../src/data/checksums.js';
import { fetchTreebank } from '../../src/nlp/fetch-treebank.js';
import { UD_EWT_SHA256 } from '../../src/nlp/treebank-checksums.js';
import { readTreebank } from '../../src/nlp/treebank.js';
import { udReleaseFiles } from '../helpers/mirror.js';
import { tempDir } from '../helpers/tmp.js';

let server: Server;
let base: string;
let files: Map<string, Buffer>;
const requests: string[] = [];

before(async () => {
  files = udReleaseFiles();
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const [, mirror, name] = (request.url ?? '').split('/');
    let body = files.get(name ?? '');
    if (!body) {
      response.writeHead(404).end('not found');
      return;
    }
    if (mirror === 'tampered' && name === 'en_ewt-ud-test.conllu') body = Buffer.concat([body, Buffer.from('# extra\n')]);
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('fetchTreebank downloads, checks and installs the release; a second call downloads nothing', async (t) => {
  const cache = tempDir(t);
  const events: string[] = [];
  const first = await fetchTreebank({ baseUrl: `${base}/good/`, cacheDir: cache, onProgress: (e) => events.push(`${e.stage} ${'file' in e ? e.file : e.message}`) });
  assert.equal(first.folder, join(cache, 'ud', 'UD_English-EWT'));
  assert.deepEqual(first.downloaded, ['en_ewt-ud-train.conllu', 'en_ewt-ud-dev.conllu', 'en_ewt-ud-test.conllu']);
  for (const [name, sum] of Object.entries(UD_EWT_SHA256)) assert.equal(await sha256File(join(first.folder, name)), sum, name);
  assert.ok(events.includes('verify en_ewt-ud-dev.conllu') && events.includes('install en_ewt-ud-test.conllu'));
  // The cache root works as a data root, like LMKG_DATA_DIR.
  assert.equal((await readTreebank('dev', { dataDir: cache })).length, 2001);
  const before = requests.length;
  const second = await fetchTreebank({ baseUrl: `${base}/good`, cacheDir: cache });
  assert.deepEqual(second.downloaded, []);
  assert.equal(requests.length, before, 'verified files are not downloaded again');
});

test('a file with the wrong checksum is refused and not installed', async (t) => {
  const cache = tempDir(t);
  await assert.rejects(
    fetchTreebank({ baseUrl: `${base}/tampered`, cacheDir: cache, retries: 0 }),
    (error: unknown) => error instanceof IntegrityError
      && /en_ewt-ud-test\.conllu has sha256 [0-9a-f]{64}, expected e266e515/.test((error as Error).message),
  );
  const folder = join(cache, 'ud', 'UD_English-EWT');
  assert.equal(existsSync(join(folder, 'en_ewt-ud-test.conllu')), false);
  assert.equal(existsSync(join(cache, 'downloads', 'ud', 'en_ewt-ud-test.conllu')), false, 'the bad download is removed');
  assert.equal(existsSync(join(folder, 'en_ewt-ud-dev.conllu')), true, 'files checked before it stay installed');
});

test('a missing file on the server is a NetworkError', async (t) => {
  await assert.rejects(fetchTreebank({ baseUrl: `${base}/good/nowhere`, cacheDir: tempDir(t), retries: 0 }), NetworkError);
});
