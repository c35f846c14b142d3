/**
 * @file Resumable HTTP download: writes `<dest>.part`, resumes it with a Range request after a cut
 * connection, retries network errors and 5xx answers with exponential backoff, and renames the
 * part to `dest` only when every byte has arrived.
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NetworkError } from '../errors.js';
import { DOWNLOAD_DEFAULTS } from './defaults.js';

export interface DownloadProgress {
  stage: 'download';
  bytes: number;
  /** Total size when the server says it, else null. */
  total: number | null;
  attempt: number;
}

export interface DownloadOptions {
  /** Attempts after the first (default 4). */
  retries?: number;
  /** Delay before the first retry in ms; doubles each time (default 500). */
  backoffMs?: number;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

export interface DownloadResult {
  bytes: number;
  attempts: number;
  /** True when some bytes came from an earlier, interrupted attempt. */
  resumed: boolean;
}

class PermanentHttpError extends NetworkError {}

/** Downloads `url` to `dest` (see the file comment). */
export async function downloadFile(url: string, dest: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const retries = options.retries ?? DOWNLOAD_DEFAULTS.retries;
  const backoffMs = options.backoffMs ?? DOWNLOAD_DEFAULTS.backoffMs;
  const part = `${dest}.part`;
  await mkdir(dirname(dest), { recursive: true });
  let resumed = false;
  let lastError: unknown;
  for (let attempt = 1; attempt <= retries + 1; attempt += 1) {
    try {
      const start = existsSync(part) ? statSync(part).size : 0;
      if (start > 0) resumed = true;
      const done = await downloadOnce(url, part, start, attempt, options);
      if (done) {
        await rename(part, dest);
        return { bytes: statSync(dest).size, attempts: attempt, resumed };
      }
      lastError = new NetworkError(`${url}: the connection closed before the whole file arrived`);
    } catch (error) {
      if (error instanceof PermanentHttpError || options.signal?.aborted) throw error;
      lastError = error;
    }
    if (attempt <= retries) await sleep(backoffMs * 2 ** (attempt - 1), options.signal);
  }
  throw new NetworkError(
    `${url}: download failed after ${retries + 1} attempts (${(lastError as Error)?.message ?? lastError}); run the command again to resume`,
    { cause: lastError },
  );
}

/** One request. Returns true when the part file is complete. */
async function downloadOnce(url: string, part: string, start: number, attempt: number, options: DownloadOptions): Promise<boolean> {
  const headers: Record<string, string> = start > 0 ? { Range: `bytes=${start}-` } : {};
  const response = await fetch(url, { headers, signal: options.signal ?? null, redirect: 'follow' });
  if (response.status === 416 && start > 0) {
    // The part is as long as (or longer than) the file: it cannot be trusted; start over.
    await response.body?.cancel();
    await rm(part, { force: true });
    return false;
  }
  if (response.status >= 400 && response.status < 500) {
    await response.body?.cancel();
    throw new PermanentHttpError(`${url}: HTTP ${response.status} ${response.statusText}`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new NetworkError(`${url}: HTTP ${response.status} ${response.statusText}`);
  }
  const resuming = response.status === 206;
  if (resuming && !contentRangeStartsAt(response.headers.get('content-range'), start)) {
    await response.body.cancel();
    await rm(part, { force: true });
    throw new NetworkError(`${url}: the server answered a different byte range than asked`);
  }
  const offset = resuming ? start : 0;
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? offset + length : null;
  let bytes = offset;
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    options.onProgress?.({ stage: 'download', bytes, total, attempt });
  });
  try {
    await pipeline(body, createWriteStream(part, { flags: resuming ? 'a' : 'w' }));
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError(`${url}: connection lost after ${bytes} bytes (${(error as Error).message})`, { cause: error });
  }
  return total === null || bytes === total;
}

function contentRangeStartsAt(header: string | null, start: number): boolean {
  const match = header?.match(/^bytes (\d+)-/);
  return match !== null && match !== undefined && Number(match[1]) === start;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
