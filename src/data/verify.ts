/**
 * @file Checks the LAMA files of a `lama/` folder against the official sha256 sums, and lists the
 * files lmkg has no sum for (T-REx, ConceptNet, anything added by hand) as unchecked rather than
 * passing over them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LAMA_SHA256, sha256File } from './checksums.js';

/** The checksum check of one downloaded file. */
export interface FileCheck {
  /** Path relative to the `lama/` folder, with `/` separators. */
  file: string;
  /** The official sum, or null for a file lmkg has no sum for. */
  expected: string | null;
  actual: string | null;
  /** `unchecked`: present, but lmkg has no official sum for it. */
  status: 'ok' | 'mismatch' | 'missing' | 'unchecked';
}

/** Verifies every file with a known sum, then lists the others as unchecked; never throws for a bad file (see `status`). */
export async function verifyLamaFolder(lamaFolder: string): Promise<FileCheck[]> {
  const checks: FileCheck[] = [];
  for (const [file, expected] of Object.entries(LAMA_SHA256)) {
    const path = join(lamaFolder, file);
    if (!existsSync(path)) {
      checks.push({ file, expected, actual: null, status: 'missing' });
      continue;
    }
    const actual = await sha256File(path);
    checks.push({ file, expected, actual, status: actual === expected ? 'ok' : 'mismatch' });
  }
  for (const file of listFiles(lamaFolder)) {
    if (!(file in LAMA_SHA256)) checks.push({ file, expected: null, actual: null, status: 'unchecked' });
  }
  return checks;
}

/** True when no file with an official sum is missing or changed (unchecked files do not count). */
export function lamaChecksPass(checks: readonly FileCheck[]): boolean {
  return checks.every((c) => c.status === 'ok' || c.status === 'unchecked');
}

function listFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  const files: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...listFiles(path, `${prefix}${name}/`));
    else files.push(`${prefix}${name}`);
  }
  return files;
}
