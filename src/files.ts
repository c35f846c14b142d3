/**
 * @file Atomic file and folder writes, used by every layer that writes a user's output: the content goes to a
 * temporary file in the same folder, is flushed, and is renamed over the final name, so a crash
 * or Ctrl-C never leaves a half-written file under that name.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes bytes or text to `file` (synchronously); creates the folder. */
export function writeFileAtomic(file: string, content: Uint8Array | string): void {
  mkdirSync(dirname(file), { recursive: true });
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temp = temporaryName(file);
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

/** JSON with two-space indent and a final newline, written atomically (synchronously). */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Writes text to `file` (asynchronously); creates the folder. */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = temporaryName(file);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Puts a folder built at `staging` (a sibling of `target`, on the same file system) in place of
 * `target` with renames only, so a reader sees the old folder or the new one, never half of either:
 * an existing `target` is renamed aside, `staging` renamed into place (on failure the old folder goes
 * back), and the old folder deleted.
 */
export function swapFolderIntoPlace(staging: string, target: string): void {
  const old = `${target}.old-${process.pid}-${randomBytes(4).toString('hex')}`;
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/** A temporary sibling folder name for building `target` before `swapFolderIntoPlace`. */
export function stagingFolder(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}
