/**
 * @file A local mirror of lmkg's two data downloads, for the tests of a fresh machine: LAMA's
 * data.zip (built at test time from the data root's lama/ files, under the archive's leading
 * `data/`) at `/LAMA/data.zip`, and the UD English EWT release files (train joined from its parts
 * when the data root has it in parts) under `/ud/`. Point LMKG_LAMA_URL and LMKG_UD_URL at it.
 * Range requests are honoured (resumed downloads); every request is logged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LAMA_SHA256 } from '../../src/data/checksums.js';
import { sharedData } from './data-dir.js';
import { buildZip } from './zip.js';

export interface DataMirror {
  /** For LMKG_LAMA_URL. */
  lamaUrl: string;
  /** For LMKG_UD_URL. */
  udUrl: string;
  requests: Array<{ method: string; url: string; range?: string }>;
  close(): Promise<void>;
}

/** The UD English EWT release files, rebuilt from the data root (train from its parts, in order). */
export function udReleaseFiles(): Map<string, Buffer> {
  const folder = join(sharedData('ud'), 'UD_English-EWT');
  const whole = join(folder, 'en_ewt-ud-train.conllu');
  const parts = readdirSync(folder).filter((f) => f.startsWith('en_ewt-ud-train.part')).sort();
  const train = existsSync(whole) ? readFileSync(whole) : Buffer.concat(parts.map((p) => readFileSync(join(folder, p))));
  return new Map([
    ['en_ewt-ud-train.conllu', train],
    ['en_ewt-ud-dev.conllu', readFileSync(join(folder, 'en_ewt-ud-dev.conllu'))],
    ['en_ewt-ud-test.conllu', readFileSync(join(folder, 'en_ewt-ud-test.conllu'))],
  ]);
}

/** data.zip with the LAMA files lmkg checks, as LAMA ships them (under `data/`). */
export function lamaArchive(): Buffer {
  const lama = sharedData('lama');
  return buildZip(Object.keys(LAMA_SHA256).map((name) => ({ name: `data/${name}`, data: readFileSync(join(lama, name)) })));
}

/** `delayMs`: wait this long before answering a whole download of data.zip (to make two clients overlap). */
export async function serveDataMirror(options: { delayMs?: number } = {}): Promise<DataMirror> {
  const files = new Map<string, Buffer>([['/LAMA/data.zip', lamaArchive()]]);
  for (const [name, body] of udReleaseFiles()) files.set(`/ud/${name}`, body);
  const requests: DataMirror['requests'] = [];
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    requests.push({ method: request.method ?? 'GET', url, ...(request.headers.range ? { range: request.headers.range } : {}) });
    const body = files.get(url);
    if (!body) return void response.writeHead(404).end('not found');
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const slice = body.subarray(start);
    const headers = { 'content-length': String(slice.length), 'accept-ranges': 'bytes' };
    const answer = () => {
      if (range) response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
      else response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : slice);
    };
    if (options.delayMs && !range && url === '/LAMA/data.zip') setTimeout(answer, options.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    lamaUrl: `${base}/LAMA/data.zip`,
    udUrl: `${base}/ud`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
