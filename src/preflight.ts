/**
 * @file Preflight: what a long command checks before it starts work, shared by every layer. Each
 * layer has small functions that return the problems they find (`PreflightProblem`: what is
 * missing, and what fixes it); a command gathers them all and `throwIfProblems` stops it with one
 * message that lists every one, before anything is written. This file holds the checks on the
 * file system: an output folder that can be written, and free space.
 */
import { accessSync, constants, existsSync, statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PreflightError, type PreflightProblem } from './errors.js';

export type { PreflightProblem } from './errors.js';

/** Throws one PreflightError listing every problem; does nothing when there are none. */
export function throwIfProblems(command: string, problems: readonly PreflightProblem[]): void {
  if (problems.length > 0) throw new PreflightError(command, problems);
}

/**
 * Whether `dir` can be the output folder: an existing writable folder, or a path whose nearest
 * existing parent is a writable folder (the command creates the rest). `flag` names the option in
 * the message (e.g. `--out`). Writes nothing.
 */
export function outputFolderProblem(dir: string, flag: string): PreflightProblem | null {
  const path = resolve(dir);
  const fix = `give ${flag} a folder you can write (a new one, or an existing folder)`;
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) return { what: `${flag} ${dir}: ${path} is a file, not a folder`, fix };
    if (!writable(path)) return { what: `${flag} ${dir}: the folder ${path} is not writable`, fix: `${fix}, or make it writable` };
    return null;
  }
  const parent = nearestExisting(path);
  if (!statSync(parent).isDirectory()) return { what: `${flag} ${dir}: cannot create ${path}, because ${parent} is a file`, fix };
  if (!writable(parent)) return { what: `${flag} ${dir}: cannot create ${path}, because ${parent} is not writable`, fix };
  return null;
}

/**
 * Whether the file system that will hold `dir` has `bytes` free. `what` says what needs the
 * space (e.g. "15 checkpoints of 3.2M parameters"); `fix` what to do about it.
 */
export function freeSpaceProblem(dir: string, bytes: number, what: string, fix: string): PreflightProblem | null {
  const free = freeBytes(dir);
  if (free === null || free >= bytes) return null;
  return { what: `disk space: ${what} need about ${formatBytes(bytes)}, but the file system of ${resolve(dir)} has ${formatBytes(free)} free`, fix };
}

/** Bytes available to this user on the file system that holds (or will hold) `dir`; null when unknown. */
export function freeBytes(dir: string): number | null {
  try {
    const stats = statfsSync(nearestExisting(resolve(dir)));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1e3)} kB`;
}

function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
