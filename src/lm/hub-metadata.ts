/**
 * @file What the Hugging Face hub says about a file before it is downloaded, and the check of the
 * file after. A HEAD of `<endpoint>/<repo>/resolve/<revision>/<file>` (redirects not followed,
 * except relative ones: a renamed repository) answers, for a file stored with git LFS, 302 with
 * `X-Linked-Size`, `X-Linked-Etag` (the file's sha256, in quotes) and `X-Repo-Commit`, and a
 * `Location` on the file host; for a small file kept in git, 200 with `Content-Length` and an
 * `ETag` that is the git blob sha1 (sha1 of "blob <size>\0" + content). huggingface_hub's
 * `get_hf_file_metadata` reads the same headers.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { NetworkError, NotFoundError } from '../errors.js';
import { HUB_DEFAULTS } from './defaults.js';

export interface HubFileMetadata {
  file: string;
  /** Bytes, or null when the hub did not say. */
  size: number | null;
  /** What the ETag is: the sha256 of an LFS file, the git blob sha1 of a small file, or neither (only the size is checked). */
  hash: { kind: 'sha256' | 'git-sha1'; value: string } | null;
  /** The commit the revision points to (`X-Repo-Commit`), when given. */
  commit: string | null;
}

export interface HubRequestOptions {
  /** Default HUB_DEFAULTS.timeoutMs. */
  timeoutMs?: number;
  revision?: string;
}

/** The hub endpoint in force: the option, else `$HF_ENDPOINT`, else https://huggingface.co (no trailing slash). */
export function hubEndpoint(option?: string): string {
  const value = option ?? process.env.HF_ENDPOINT;
  return (value && value.length > 0 ? value : HUB_DEFAULTS.endpoint).replace(/\/+$/, '');
}

/** `<endpoint>/<repo>/resolve/<revision>/<file>`. */
export function hubFileUrl(endpoint: string, repo: string, file: string, revision: string = HUB_DEFAULTS.revision): string {
  return `${endpoint}/${repo}/resolve/${encodeURIComponent(revision)}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * HEADs one file (see the file comment). Throws NotFoundError for 404 (no such repository, or no
 * such file in it), NetworkError for a timeout, a refused connection or another failure.
 */
export async function hubFileMetadata(endpoint: string, repo: string, file: string, options: HubRequestOptions = {}): Promise<HubFileMetadata> {
  const timeoutMs = options.timeoutMs ?? HUB_DEFAULTS.timeoutMs;
  let url = hubFileUrl(endpoint, repo, file, options.revision);
  for (let hop = 0; hop < 5; hop += 1) {
    let response: Response;
    try {
      response = await fetch(url, { method: 'HEAD', redirect: 'manual', headers: requestHeaders(url), signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const cause = error as Error;
      const why = cause.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ''}`;
      throw new NetworkError(`${url}: ${why}`, { cause: error });
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location && isRelative(location)) {
      url = new URL(location, url).toString(); // a renamed repository: same host, follow it
      continue;
    }
    if (response.status === 404) throw new NotFoundError(`${url}: HTTP 404 (no such repository, revision or file)`);
    if (response.status === 401 || response.status === 403) throw new NotFoundError(`${url}: HTTP ${response.status} (a private or gated repository; set HF_TOKEN)`);
    if (response.status >= 400) throw new NetworkError(`${url}: HTTP ${response.status} ${response.statusText}`);
    const etag = normaliseEtag(response.headers.get('x-linked-etag') ?? response.headers.get('etag'));
    const size = Number(response.headers.get('x-linked-size') ?? response.headers.get('content-length') ?? NaN);
    return {
      file,
      size: Number.isFinite(size) ? size : null,
      hash: etag === null ? null : /^[0-9a-f]{64}$/.test(etag) ? { kind: 'sha256', value: etag } : /^[0-9a-f]{40}$/.test(etag) ? { kind: 'git-sha1', value: etag } : null,
      commit: response.headers.get('x-repo-commit'),
    };
  }
  throw new NetworkError(`${hubFileUrl(endpoint, repo, file, options.revision)}: too many redirects`);
}

/** Why a downloaded file does not match its metadata, or null when it does. */
export async function hubFileMismatch(path: string, expected: HubFileMetadata): Promise<string | null> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return 'it is missing after the download';
  }
  if (expected.size !== null && size !== expected.size) return `it has ${size} bytes, the hub says ${expected.size}`;
  if (expected.hash === null) return null;
  const actual = await fileHash(path, expected.hash.kind, size);
  return actual === expected.hash.value ? null : `its ${expected.hash.kind} is ${actual}, the hub says ${expected.hash.value}`;
}

/** sha256 of the content, or git's blob sha1 (sha1 of "blob <size>\0" + content). */
export async function fileHash(path: string, kind: 'sha256' | 'git-sha1', size?: number): Promise<string> {
  const hash = createHash(kind === 'sha256' ? 'sha256' : 'sha1');
  if (kind === 'git-sha1') hash.update(`blob ${size ?? (await stat(path)).size}\0`);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function normaliseEtag(etag: string | null): string | null {
  if (!etag) return null;
  return etag.replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
}

function isRelative(location: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(location) && !location.startsWith('//');
}

function requestHeaders(url: string): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Encoding': 'identity', 'User-Agent': 'lmkg' };
  const token = process.env.HF_TOKEN;
  if (token && /^https:\/\/(huggingface\.co|hf\.co)\//.test(url)) headers.Authorization = `Bearer ${token}`;
  return headers;
}
