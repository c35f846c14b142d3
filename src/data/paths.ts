/**
 * @file Where lmkg finds and keeps data. One root layout everywhere — `lama/`, `corpus/`, `ud/` —
 * shared by `--data-dir`, `$LMKG_DATA_DIR` and the download cache (`$LMKG_CACHE_DIR`, default
 * `~/.cache/lmkg`), so downloaded and local data are interchangeable.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { NotFoundError } from '../errors.js';

export type DataSubfolder = 'lama' | 'corpus' | 'ud';

/** Where the data root is (default $LMKG_DATA_DIR, else the cache). */
export interface DataRootOptions {
  /** An explicit data root (the CLI's `--data-dir`); wins over the environment. */
  dataDir?: string;
}

/** The data root in use and where the setting came from. */
export interface ResolvedDataRoot {
  root: string;
  /** Where the root came from, for messages. */
  source: '--data-dir' | 'LMKG_DATA_DIR' | 'cache';
}

/** The download cache root: `$LMKG_CACHE_DIR`, else `~/.cache/lmkg`. */
export function cacheDir(): string {
  const fromEnv = process.env.LMKG_CACHE_DIR;
  return fromEnv && fromEnv.length > 0 ? resolve(fromEnv) : join(homedir(), '.cache', 'lmkg');
}

/** The data root in force: `dataDir`, else `$LMKG_DATA_DIR`, else the cache. */
export function dataRoot(options: DataRootOptions = {}): ResolvedDataRoot {
  if (options.dataDir) return { root: resolve(options.dataDir), source: '--data-dir' };
  const fromEnv = process.env.LMKG_DATA_DIR;
  if (fromEnv && fromEnv.length > 0) return { root: resolve(fromEnv), source: 'LMKG_DATA_DIR' };
  return { root: cacheDir(), source: 'cache' };
}

const FETCH_HINT: Record<DataSubfolder, string> = {
  lama: 'run `lmkg data fetch`',
  corpus: 'copy a text corpus there',
  ud: 'run `lmkg parser fetch`',
};

/**
 * The folder `<root>/<sub>` that must exist. An explicitly named root that lacks it is an
 * error (never a silent fall-back to the cache); the message says what to run or set.
 */
export function dataFolder(sub: DataSubfolder, options: DataRootOptions = {}): string {
  const { root, source } = dataRoot(options);
  const folder = join(root, sub);
  if (existsSync(folder) && statSync(folder).isDirectory()) return folder;
  const where = source === 'cache' ? `the cache (${root})` : `${source} (${root})`;
  throw new NotFoundError(
    `no ${sub}/ data in ${where}: ${FETCH_HINT[sub]}, or set LMKG_DATA_DIR (or --data-dir) to a folder that has ${sub}/ (e.g. ../shared/data)`,
  );
}
