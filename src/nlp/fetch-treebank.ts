/**
 * @file `lmkg parser fetch`: downloads UD English EWT (release UD_EWT_RELEASE, from the official
 * UniversalDependencies/UD_English-EWT repository) into `<cache>/ud/UD_English-EWT/`. Each file is
 * downloaded (resumable, retried: data/download.ts), checked against the sha256 kept in code, and
 * only then renamed into place, so a corrupt or partial download is never installed.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IntegrityError } from '../errors.js';
import { withCacheLock } from '../data/cache-lock.js';
import { downloadFile, type DownloadProgress } from '../data/download.js';
import { sha256File } from '../data/checksums.js';
import { cacheDir as defaultCacheDir } from '../data/paths.js';
import { UD_EWT_BASE_URL } from './defaults.js';
import { UD_EWT_FILES, UD_EWT_SHA256 } from './treebank-checksums.js';
import { TREEBANK_NAME } from './treebank.js';

/** Progress events of `fetchTreebank`. */
export type FetchTreebankProgress =
  | (DownloadProgress & { file: string })
  | { stage: 'verify' | 'install' | 'present'; file: string }
  | { stage: 'wait'; message: string };

/** Options of `fetchTreebank`: where to put UD English EWT, the URL, progress. */
export interface FetchTreebankOptions {
  /** Where the files are (default: `$LMKG_UD_URL`, else the pinned release on raw.githubusercontent.com). */
  baseUrl?: string;
  /** Cache root (default `$LMKG_CACHE_DIR`, else `~/.cache/lmkg`). */
  cacheDir?: string;
  /** Download again even when a verified file is installed. */
  force?: boolean;
  retries?: number;
  backoffMs?: number;
  onProgress?: (progress: FetchTreebankProgress) => void;
  signal?: AbortSignal;
}

/** Where `fetchTreebank` put the treebank and what it checked. */
export interface FetchTreebankResult {
  folder: string;
  /** Files downloaded by this call (the others were already installed and verified). */
  downloaded: string[];
}

/** The base URL in force: `$LMKG_UD_URL` (a mirror of the release files), else the pinned release. */
export function treebankBaseUrl(): string {
  const mirror = process.env.LMKG_UD_URL;
  return mirror && mirror.length > 0 ? mirror : UD_EWT_BASE_URL;
}

/**
 * Downloads, checks and installs the release files (see the file comment), holding the cache's
 * `ud` lock meanwhile, so a second process waits and then finds the verified files.
 */
export async function fetchTreebank(options: FetchTreebankOptions = {}): Promise<FetchTreebankResult> {
  const root = options.cacheDir ?? defaultCacheDir();
  return withCacheLock(root, 'ud', () => fetchTreebankLocked(root, options), {
    ...(options.signal ? { signal: options.signal } : {}),
    onWait: (owner, lockFile) => options.onProgress?.({
      stage: 'wait', message: `waiting for ${owner ? `process ${owner.pid} on ${owner.host}` : 'another process'}, which is fetching UD English EWT into this cache (${lockFile})`,
    }),
  });
}

async function fetchTreebankLocked(root: string, options: FetchTreebankOptions): Promise<FetchTreebankResult> {
  const folder = join(root, 'ud', TREEBANK_NAME);
  const staging = join(root, 'downloads', 'ud');
  const baseUrl = (options.baseUrl ?? treebankBaseUrl()).replace(/\/+$/, '');
  await mkdir(folder, { recursive: true });
  const downloaded: string[] = [];
  for (const file of UD_EWT_FILES) {
    const target = join(folder, file);
    const expected = UD_EWT_SHA256[file]!;
    if (!options.force && existsSync(target) && (await sha256File(target)) === expected) {
      options.onProgress?.({ stage: 'present', file });
      continue;
    }
    const part = join(staging, file);
    await downloadFile(`${baseUrl}/${file}`, part, {
      ...(options.retries === undefined ? {} : { retries: options.retries }),
      ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (progress) => options.onProgress?.({ ...progress, file }),
    });
    options.onProgress?.({ stage: 'verify', file });
    const actual = await sha256File(part);
    if (actual !== expected) {
      await rm(part, { force: true }); // a wrong file will not get better; the next run downloads afresh
      throw new IntegrityError(
        `fetchTreebank: ${baseUrl}/${file} has sha256 ${actual}, expected ${expected} (UD_English-EWT ${UD_EWT_BASE_URL.split('/').pop()}); nothing was installed for it. Check the URL or mirror and run \`lmkg parser fetch\` again`,
      );
    }
    options.onProgress?.({ stage: 'install', file });
    await rename(part, target);
    downloaded.push(file);
  }
  return { folder, downloaded };
}
