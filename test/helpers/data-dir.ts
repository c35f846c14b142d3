/**
 * @file Tests that read ../shared/data get its path here; nothing is skipped silently when absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `$LMKG_DATA_DIR`, checked to hold `sub`; throws with what to set otherwise. */
export function sharedData(sub: 'lama' | 'corpus' | 'ud' = 'lama'): string {
  const root = process.env.LMKG_DATA_DIR;
  if (!root) throw new Error('LMKG_DATA_DIR is not set: set it to ../shared/data (npm test does this when that folder exists)');
  const folder = join(resolve(root), sub);
  if (!existsSync(folder)) throw new Error(`LMKG_DATA_DIR=${root} has no ${sub}/ folder: point it at ../shared/data`);
  return folder;
}
