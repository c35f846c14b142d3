/**
 * @file `lmkg data fetch`: download LAMA's data.zip into the cache, check it, install it atomically.
 * An interrupted or corrupt download never leaves a `lama/` folder that a later run would trust:
 * the archive is extracted into a temporary folder, checked, and only then renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IntegrityError } from '../errors.js';
import { swapFolderIntoPlace } from '../files.js';
import { withCacheLock } from './cache-lock.js';
import { lamaArchiveUrl } from './defaults.js';
import { downloadFile, type DownloadProgress } from './download.js';
import { extractZip } from './extract-zip.js';
import { cacheDir } from './paths.js';
import { lamaChecksPass, verifyLamaFolder } from './verify.js';

/** Progress events of `fetchLama`. */
export type FetchProgress =
  | DownloadProgress
  | { stage: 'extract' | 'verify' | 'install' | 'wait'; message: string };

/** Options of `fetchLama`: where to put LAMA, the URL, progress. */
export interface FetchLamaOptions {
  /** Archive URL (default: `$LMKG_LAMA_URL`, else the official LAMA data.zip). */
  url?: string;
  /** Cache root (default: `$LMKG_CACHE_DIR` or `~/.cache/lmkg`). */
  cacheDir?: string;
  /** Download again even when a verified `lama/` is installed. */
  force?: boolean;
  retries?: number;
  backoffMs?: number;
  onProgress?: (progress: FetchProgress) => void;
  signal?: AbortSignal;
}

/** Where `fetchLama` put LAMA and what it checked. */
export interface FetchLamaResult {
  lamaFolder: string;
  /** False when a verified copy was already installed. */
  downloaded: boolean;
  files: number;
}

/**
 * Downloads, checks and installs LAMA into `<cache>/lama` (see the file comment). Holds the cache's
 * `lama` lock meanwhile, so a second process waits and then finds the verified copy.
 */
export async function fetchLama(options: FetchLamaOptions = {}): Promise<FetchLamaResult> {
  const root = options.cacheDir ?? cacheDir();
  return withCacheLock(root, 'lama', () => fetchLamaLocked(root, options), {
    ...(options.signal ? { signal: options.signal } : {}),
    onWait: (owner, lockFile) => options.onProgress?.({
      stage: 'wait', message: `waiting for ${owner ? `process ${owner.pid} on ${owner.host}` : 'another process'}, which is fetching LAMA into this cache (${lockFile})`,
    }),
  });
}

async function fetchLamaLocked(root: string, options: FetchLamaOptions): Promise<FetchLamaResult> {
  const lamaFolder = join(root, 'lama');
  if (!options.force && existsSync(lamaFolder)) {
    const checks = await verifyLamaFolder(lamaFolder);
    if (lamaChecksPass(checks)) return { lamaFolder, downloaded: false, files: checks.length };
  }
  const zipFile = join(root, 'downloads', 'lama-data.zip');
  await downloadFile(options.url ?? lamaArchiveUrl(), zipFile, {
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const staging = join(root, `.lama-staging-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(staging, { recursive: true });
    options.onProgress?.({ stage: 'extract', message: `extracting ${zipFile}` });
    const files = await extractZip(zipFile, staging, { stripPrefix: 'data/' });
    options.onProgress?.({ stage: 'verify', message: 'checking sha256 sums' });
    const bad = (await verifyLamaFolder(staging)).filter((c) => c.status === 'missing' || c.status === 'mismatch');
    if (bad.length > 0) {
      const detail = bad.map((c) => (c.status === 'missing' ? `${c.file} is missing` : `${c.file} has sha256 ${c.actual}, expected ${c.expected}`));
      throw new IntegrityError(`the downloaded LAMA archive fails its checks: ${detail.join('; ')}`);
    }
    options.onProgress?.({ stage: 'install', message: `installing into ${lamaFolder}` });
    swapFolderIntoPlace(staging, lamaFolder);
    await rm(zipFile, { force: true });
    return { lamaFolder, downloaded: true, files: files.length };
  } catch (error) {
    // A corrupt archive will not get better: remove it so the next run downloads afresh.
    if (error instanceof IntegrityError) await rm(zipFile, { force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
