/**
 * @file Checks the LAMA files of a `lama/` folder against the official sha256 sums.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LAMA_SHA256, sha256File } from './checksums.js';

export interface FileCheck {
  file: string;
  expected: string;
  actual: string | null;
  status: 'ok' | 'mismatch' | 'missing';
}

/** Verifies every file with a known sum; never throws for a bad file (see `status`). */
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
  return checks;
}
