/**
 * @file A lease per cell, so two workers never compute one cell at once: `<cell>/.lease`, created
 * with O_EXCL (open flag `wx`; atomic on local disks and on NFS v3+), holding the holder's host,
 * pid and a random token.
 *
 * Heartbeat: while a lease is held, a worker thread (its own event loop, so long synchronous work
 * such as parsing never delays it) touches the file every `heartbeatMs`.
 *
 * Expiry without trusting clocks: a waiter never compares the file's mtime with its own clock
 * (the holder may be on a machine whose clock is minutes off). It remembers the mtime it saw and
 * declares the lease expired only when that mtime has not changed for `expiryMs` of its own
 * monotonic time. A holder on this host whose process is gone is expired at once.
 *
 * Taking an expired lease over renames it aside and checks that what moved is the lease judged
 * expired (else puts it back), then creates a fresh one with O_EXCL: two waiters never both win.
 * A holder checks its token before writing its record, so a holder that was taken over (paused past
 * the expiry) writes nothing.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, openSync, closeSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LEASE_DEFAULTS } from './defaults.js';

export const LEASE_FILE = '.lease';

export interface LeaseHolder {
  host: string;
  pid: number;
  token: string;
  /** When it was taken (ISO time of the holder's clock; shown, never compared). */
  since: string;
}

export interface LeaseOptions {
  heartbeatMs?: number;
  expiryMs?: number;
}

export interface HeldLease {
  file: string;
  holder: LeaseHolder;
  /** True while the file still holds this lease's token. */
  stillHeld(): boolean;
  release(): void;
}

/** What a waiter has seen of a lease: its mtime and since when (monotonic ms) it has not changed. */
interface Observation {
  token: string | null;
  mtimeMs: number;
  unchangedSince: number;
}

const observations = new Map<string, Observation>();

export function leaseFile(cellDir: string): string {
  return join(cellDir, LEASE_FILE);
}

/** The holder recorded in a lease file, or null (none, or being written this moment). */
export function readLease(file: string): LeaseHolder | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LeaseHolder>;
    return typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.host === 'string' ? value as LeaseHolder : null;
  } catch {
    return null;
  }
}

/**
 * Whether the lease in `file` is expired as seen from here (see the file comment). The first look
 * at a lease starts its clock, so a lease seen for the first time is live for `expiryMs`.
 */
export function leaseExpired(file: string, options: LeaseOptions = {}): boolean {
  const expiryMs = options.expiryMs ?? LEASE_DEFAULTS.expiryMs;
  const holder = readLease(file);
  if (holder && holder.host === hostname() && !processExists(holder.pid)) return true;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return false; // gone: the next try to take it will tell
  }
  const now = performance.now();
  const seen = observations.get(file);
  const token = holder?.token ?? null;
  if (!seen || seen.mtimeMs !== mtimeMs || seen.token !== token) {
    observations.set(file, { token, mtimeMs, unchangedSince: now });
    return false;
  }
  return now - seen.unchangedSince >= expiryMs;
}

/** Takes the lease of a cell folder, taking an expired one over; null when someone else holds it. */
export function tryAcquireLease(cellDir: string, options: LeaseOptions = {}): HeldLease | null {
  const file = leaseFile(cellDir);
  const holder: LeaseHolder = { host: hostname(), pid: process.pid, token: randomBytes(8).toString('hex'), since: new Date().toISOString() };
  if (!tryCreate(file, holder)) {
    if (!leaseExpired(file, options)) return null;
    takeOver(file, readLease(file));
    if (!tryCreate(file, holder)) return null;
  }
  observations.delete(file);
  heartbeats(options.heartbeatMs ?? LEASE_DEFAULTS.heartbeatMs).postMessage({ add: file });
  return {
    file,
    holder,
    stillHeld: () => readLease(file)?.token === holder.token,
    release: () => {
      heartbeatThread?.postMessage({ remove: file });
      if (readLease(file)?.token === holder.token) rmSync(file, { force: true });
    },
  };
}

function tryCreate(file: string, holder: LeaseHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Moves an expired lease away; puts it back when what moved was a fresh lease another waiter just made. */
function takeOver(file: string, judged: LeaseHolder | null): void {
  const aside = `${file}.expired-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else moved it first
  }
  if (readLease(aside)?.token !== judged?.token) {
    try {
      linkSync(aside, file); // not the lease judged expired: put it back (link never overwrites)
    } catch {
      // a new lease is already there: leave it
    }
  }
  rmSync(aside, { force: true });
}

/** Whether a process of this host with this pid exists (EPERM: it does, owned by another user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lease file exists (held, or left by a holder that died). */
export function leasePresent(cellDir: string): boolean {
  return existsSync(leaseFile(cellDir));
}

let heartbeatThread: Worker | null = null;

/** One thread per process touches every held lease file every `heartbeatMs`. */
function heartbeats(heartbeatMs: number): Worker {
  if (heartbeatThread) return heartbeatThread;
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { utimesSync } = require('node:fs');
    const files = new Set();
    parentPort.on('message', (m) => { if (m.add) files.add(m.add); if (m.remove) files.delete(m.remove); });
    setInterval(() => {
      const now = new Date();
      for (const file of files) { try { utimesSync(file, now, now); } catch {} }
    }, workerData.heartbeatMs);
  `;
  heartbeatThread = new Worker(source, { eval: true, workerData: { heartbeatMs } });
  heartbeatThread.unref();
  return heartbeatThread;
}
