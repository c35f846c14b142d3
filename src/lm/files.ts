/**
 * @file Small file helpers for model folders and prediction files: atomic writes (temp file,
 * fsync, rename) so a crash never leaves a half-written file under the final name.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Writes bytes or text to `file` through a temp file and a rename. */
export function writeFileAtomic(file: string, content: Uint8Array | string): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fd = openSync(temp, 'w');
  try {
    const chunk = 64 * 1024 * 1024;
    for (let start = 0; start < bytes.byteLength; start += chunk) {
      const part = bytes.subarray(start, Math.min(start + chunk, bytes.byteLength));
      let written = 0;
      while (written < part.byteLength) written += writeSync(fd, part, written);
    }
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  renameSync(temp, file);
}

/** JSON with two-space indent and a final newline, written atomically. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
