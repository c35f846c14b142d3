/**
 * @file Safe zip extraction. Every entry name is checked before anything is written: an absolute
 * path, a drive letter, a backslash or a `..` segment refuses the whole archive.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { IntegrityError } from '../errors.js';

export interface ExtractOptions {
  /** Only entries under this prefix are extracted, with the prefix removed (e.g. "data/"). */
  stripPrefix?: string;
}

/** Why an entry name is unsafe, or null when it is safe. */
export function unsafeEntryReason(name: string): string | null {
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').includes('..')) return 'contains a ".." segment';
  if (name.includes('\0')) return 'contains a NUL byte';
  return null;
}

/**
 * Extracts `zipFile` into `destDir` (which should be a fresh temporary folder). Returns the
 * relative paths written. Throws IntegrityError for an unsafe entry or a truncated/corrupt archive.
 */
export async function extractZip(zipFile: string, destDir: string, options: ExtractOptions = {}): Promise<string[]> {
  const zip = await openZip(zipFile);
  try {
    const entries = await listEntries(zip, zipFile);
    for (const entry of entries) {
      const reason = unsafeEntryReason(entry.fileName);
      if (reason) throw new IntegrityError(`${zipFile}: archive entry "${entry.fileName}" ${reason}; refusing to extract anything from it`);
    }
    const written: string[] = [];
    for (const entry of entries) {
      let name = entry.fileName;
      if (options.stripPrefix) {
        if (!name.startsWith(options.stripPrefix)) continue;
        name = name.slice(options.stripPrefix.length);
      }
      if (name === '' || name.endsWith('/')) continue;
      const target = join(destDir, name);
      await mkdir(dirname(target), { recursive: true });
      const stream = await openEntry(zip, entry, zipFile);
      try {
        await pipeline(stream, createWriteStream(target));
      } catch (error) {
        throw new IntegrityError(`${zipFile}: entry "${entry.fileName}" is corrupt (${(error as Error).message})`, { cause: error });
      }
      written.push(name);
    }
    return written;
  } finally {
    zip.close();
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false so unsafe names reach our own check (and message) instead of yauzl's.
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(new IntegrityError(`${file}: not a readable zip archive, probably truncated (${error?.message})`, { cause: error }));
      else resolve(zip);
    });
  });
}

interface Entry {
  fileName: string;
  raw: yauzl.Entry;
}

function listEntries(zip: yauzl.ZipFile, file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (raw: yauzl.Entry) => {
      const bytes = raw.fileName as unknown as Buffer;
      // General-purpose bit 11 marks UTF-8 names; LAMA's archive is ASCII either way.
      entries.push({ fileName: bytes.toString((raw.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1'), raw });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(new IntegrityError(`${file}: corrupt zip archive (${error.message})`, { cause: error })));
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: Entry, file: string): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry.raw, (error, stream) => {
      if (error || !stream) reject(new IntegrityError(`${file}: cannot read entry "${entry.fileName}" (${error?.message})`, { cause: error }));
      else resolve(stream);
    });
  });
}
