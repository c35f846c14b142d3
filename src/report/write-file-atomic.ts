/** @file Writes a file through a temporary file in the same folder and a rename, so no reader sees half a file. */
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
