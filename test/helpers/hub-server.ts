/**
 * @file A local server that imitates the Hugging Face hub for one repository, for the hub tests:
 * `/<repo>/resolve/<revision>/<file>` answers as huggingface.co does. A file kept in git LFS
 * (`onnx/model.onnx`) answers a HEAD or GET with 302, `X-Linked-Etag` (its sha256, in quotes),
 * `X-Linked-Size`, `X-Repo-Commit` and a `Location` on the "file host" (`/cdn/<sha256>` here);
 * a small file kept in git answers 200 with `ETag` = its git blob sha1 and `Content-Length`. A file
 * or repository that is not there answers 404. `Range: bytes=a-b` gets 206 (transformers.js asks
 * for byte 0 to learn a size). Every request is logged. `truncate` makes the file host send only
 * the first part of a blob (with a matching Content-Length, as a broken proxy would) on the first
 * N whole downloads of it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface HubServerOptions {
  repo: string;
  /** The repository's files (relative path -> content). */
  files: Map<string, Buffer>;
  /** Files stored with git LFS (default: the .onnx files). */
  lfs?: (file: string) => boolean;
  /** Truncate the blob of this file on its first `times` downloads. */
  truncate?: { file: string; times: number; bytes: number };
}

export interface HubServer {
  /** The endpoint, as HF_ENDPOINT takes it. */
  url: string;
  /** Every request: method, path and Range header (transformers.js asks for byte 0 to learn sizes). */
  requests: Array<{ method: string; url: string; range?: string }>;
  commit: string;
  close(): Promise<void>;
}

/** The files of a model folder that lmkg downloads from the hub. */
export function repositoryFiles(folder: string, names = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']): Map<string, Buffer> {
  return new Map(names.map((name) => [name, readFileSync(join(folder, name))]));
}

export function gitBlobSha1(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** 200 with the body, or 206 with the asked range. */
function send(range: string | undefined, method: string, body: Buffer, headers: Record<string, string>, response: import('node:http').ServerResponse): void {
  const match = /^bytes=(\d+)-(\d*)$/.exec(range ?? '');
  if (match) {
    const start = Number(match[1]);
    const end = Math.min(body.length - 1, match[2] ? Number(match[2]) : body.length - 1);
    const part = body.subarray(start, end + 1);
    response.writeHead(206, { ...headers, 'content-length': part.length, 'content-range': `bytes ${start}-${end}/${body.length}` });
    response.end(method === 'HEAD' ? undefined : part);
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': body.length });
  response.end(method === 'HEAD' ? undefined : body);
}

export async function serveHub(options: HubServerOptions): Promise<HubServer> {
  const isLfs = options.lfs ?? ((file: string) => file.endsWith('.onnx'));
  const commit = createHash('sha1').update([...options.files.keys()].join()).digest('hex');
  const blobs = new Map<string, { file: string; body: Buffer }>();
  for (const [file, body] of options.files) if (isLfs(file)) blobs.set(createHash('sha256').update(body).digest('hex'), { file, body });
  const requests: HubServer['requests'] = [];
  let truncated = 0;
  const server: Server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '';
    requests.push({ method, url, ...(request.headers.range ? { range: request.headers.range } : {}) });
    const cdn = /^\/cdn\/([0-9a-f]{64})$/.exec(url);
    if (cdn) {
      const blob = blobs.get(cdn[1]!);
      if (!blob) return void response.writeHead(404).end();
      let body = blob.body;
      if (method === 'GET' && !request.headers.range && options.truncate?.file === blob.file && truncated < options.truncate.times) {
        truncated += 1;
        body = body.subarray(0, options.truncate.bytes);
      }
      return void send(request.headers.range, method, body, { 'content-type': 'application/octet-stream' }, response);
    }
    const prefix = `/${options.repo}/resolve/`;
    if (!url.startsWith(prefix)) return void response.writeHead(404, { 'x-error-code': 'RepoNotFound' }).end('Repository not found');
    const [revision, ...rest] = url.slice(prefix.length).split('/');
    const file = rest.map(decodeURIComponent).join('/');
    const body = options.files.get(file);
    if (revision !== 'main' || !body) return void response.writeHead(404, { 'x-error-code': 'EntryNotFound' }).end('Entry not found');
    if (isLfs(file)) {
      const sha256 = createHash('sha256').update(body).digest('hex');
      response.writeHead(302, {
        location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cdn/${sha256}`,
        'x-linked-etag': `"${sha256}"`, 'x-linked-size': String(body.length), 'x-repo-commit': commit, 'content-length': 0,
      });
      return void response.end();
    }
    send(request.headers.range, method, body, { etag: `"${gitBlobSha1(body)}"`, 'x-repo-commit': commit, 'content-type': 'application/json' }, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    commit,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
