/**
 * @file `serveReport(runDir)`: a static file server for a run folder, bound to 127.0.0.1 only.
 * GET and HEAD only; paths are confined to the folder (no `..`, no symlinks out of it); requests
 * whose Host header is not this loopback address are refused (DNS rebinding); `/` is the report.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { InvalidOptionError, NotFoundError, UsageError } from '../errors.js';
import { REPORT_DEFAULTS, SERVE_DEFAULTS } from './defaults.js';

/** Options of `serveReport`: host and port. */
export interface ServeReportOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
}

/** A running local report server; `close()` stops it. */
export interface ReportServer {
  /** The report's address, e.g. http://127.0.0.1:41234/report.html */
  url: string;
  host: string;
  port: number;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.graphml': 'application/xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves a run folder's report on a local HTTP server. */
export async function serveReport(runDir: string, options: ServeReportOptions = {}): Promise<ReportServer> {
  const port = options.port ?? SERVE_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidOptionError(`serveReport: port must be a whole number in [0, 65535], got ${JSON.stringify(port)}; pass 0 for a free port`);
  }
  const folder = await stat(runDir).catch(() => null);
  if (!folder?.isDirectory()) throw new NotFoundError(`serveReport: run folder ${runDir} does not exist or is not a folder`);
  const root = await realpath(runDir);
  const host = SERVE_DEFAULTS.host;
  let allowedHosts = new Set<string>();

  const server = createServer((request, response) => {
    handle(root, allowedHosts, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new UsageError(`serveReport: port ${port} on ${host} is in use; pass another --port, or 0 for a free one`, { cause: error })
        : error);
    });
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${host}:${actual}`, `localhost:${actual}`]);
  return {
    url: `http://${host}:${actual}/${REPORT_DEFAULTS.htmlFile}`,
    host,
    port: actual,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function handle(root: string, allowedHosts: Set<string>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!allowedHosts.has(request.headers.host ?? '')) return send(response, 421, 'this server answers only requests for its loopback address');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'method not allowed');
  }
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(response, 400, 'bad path');
  }
  if (path.includes('\0') || path.split('/').includes('..')) return send(response, 400, 'bad path');
  if (path === '/') path = `/${REPORT_DEFAULTS.htmlFile}`;
  let file: string;
  try {
    file = await realpath(join(root, path));
  } catch {
    return send(response, 404, 'not found');
  }
  if (file !== root && !file.startsWith(root + sep)) return send(response, 404, 'not found');
  const info = await stat(file);
  if (!info.isFile()) return send(response, 404, 'not found');
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    response.on('close', resolve);
    stream.pipe(response);
  });
}

function send(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  response.end(`${message}\n`);
}
