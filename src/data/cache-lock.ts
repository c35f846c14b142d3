/**
 * @file A lock on the download cache, so two processes fetching into one cache (two `npm test`
 * runs, a test run and `lmkg data fetch`) do not write the same files at once.
 *
 * The lock is a file `<root>/.<name>.lock`, created with O_EXCL (open flag `wx`: exactly one
 * process can create it), holding the owner's host, pid and a random token. The owner touches the
 * file every `heartbeatMs` while it works. A waiter takes a lock over when it is stale: its owner
 * is a process of this host that no longer exists, or the file has not been touched for `staleMs`
 * (an owner on another host of a shared file system that died). Taking over renames the stale
 * file away and checks that what it moved is the lock it judged stale, so two waiters never both
 * win.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, open, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';

export interface CacheLockOwner {
  host: string;
  pid: number;
  /** When the owner took the lock (ISO time). */
  since: string;
  token: string;
}

export interface CacheLockOptions {
  /** A lock untouched for this long is stale (default 60 s; the owner touches it every heartbeatMs). */
  staleMs?: number;
  /** How often the owner touches the lock file (default 5 s). */
  heartbeatMs?: number;
  /** How often a waiter looks again (default 250 ms). */
  pollMs?: number;
  /** Called once when the lock is held by someone else and this call starts to wait. */
  onWait?: (owner: CacheLockOwner | null, lockFile: string) => void;
  signal?: AbortSignal;
}

export const CACHE_LOCK_DEFAULTS = Object.freeze({ staleMs: 60_000, heartbeatMs: 5_000, pollMs: 250 });

/** Runs `work` while holding the lock `<root>/.<name>.lock` (see the file comment). */
export async function withCacheLock<T>(root: string, name: string, work: () => Promise<T>, options: CacheLockOptions = {}): Promise<T> {
  const settings = { ...CACHE_LOCK_DEFAULTS, ...options };
  const file = join(root, `.${name}.lock`);
  await mkdir(root, { recursive: true });
  const owner: CacheLockOwner = { host: hostname(), pid: process.pid, since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  let waiting = false;
  while (!(await tryCreate(file, owner))) {
    const current = await readOwner(file);
    if (await isStale(file, current, settings.staleMs)) {
      await takeOver(file, current);
      continue;
    }
    if (!waiting) {
      waiting = true;
      settings.onWait?.(current, file);
    }
    await sleep(settings.pollMs, settings.signal);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(file, now, now).catch(() => {});
  }, settings.heartbeatMs);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    if ((await readOwner(file))?.token === owner.token) await rm(file, { force: true });
  }
}

/** The owner recorded in a lock file, or null when there is none or it cannot be read. */
export async function readLockOwner(root: string, name: string): Promise<CacheLockOwner | null> {
  return readOwner(join(root, `.${name}.lock`));
}

async function tryCreate(file: string, owner: CacheLockOwner): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(owner)}\n`, 'utf8');
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(file: string): Promise<CacheLockOwner | null> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheLockOwner>;
    return typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.host === 'string' ? value as CacheLockOwner : null;
  } catch {
    return null; // absent, or being written this very moment
  }
}

async function isStale(file: string, owner: CacheLockOwner | null, staleMs: number): Promise<boolean> {
  if (owner && owner.host === hostname() && !processExists(owner.pid)) return true;
  try {
    return Date.now() - (await stat(file)).mtimeMs > staleMs;
  } catch {
    return false; // gone already: the next create will tell
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

/** Moves a stale lock away; puts it back when what moved was a fresh lock another waiter just made. */
async function takeOver(file: string, judged: CacheLockOwner | null): Promise<void> {
  const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readOwner(aside);
  if (moved?.token !== judged?.token) {
    await link(aside, file).catch(() => {}); // not the lock judged stale: put it back (link never overwrites)
  }
  await rm(aside, { force: true });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
