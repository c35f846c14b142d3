/**
 * @file The training corpus: text files or folders (their `*.txt` files, recursively, in path order),
 * one paragraph per line, read as a stream.
 */
import { createReadStream } from 'node:fs';
import { access, constants, open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataFormatError, InvalidOptionError, NotFoundError, UsageError } from '../errors.js';

/** A corpus file for tokenizer training, with its size. */
export interface CorpusFile {
  readonly file: string;
  readonly bytes: number;
}

export interface CorpusProgress {
  /** Bytes read so far over all files. */
  bytes: number;
  totalBytes: number;
  lines: number;
  file: string;
}

export interface ReadCorpusOptions {
  /** Called after each chunk read (about every MB). */
  onProgress?: (event: CorpusProgress) => void;
  /** Keep empty lines (default false: they are skipped). */
  keepEmpty?: boolean;
}

/**
 * The files behind corpus paths: a file stands for itself, a folder for its `*.txt` files (recursive,
 * sorted). Throws NotFoundError for a missing path, UsageError for an unreadable one or a folder
 * without text files, InvalidOptionError for an empty list.
 */
export async function listCorpusFiles(paths: readonly string[]): Promise<CorpusFile[]> {
  if (!Array.isArray(paths) || paths.length === 0) {
    throw new InvalidOptionError('listCorpusFiles: no corpus given; pass text files or folders of *.txt files (one paragraph per line)');
  }
  const files: CorpusFile[] = [];
  for (const path of paths) {
    if (typeof path !== 'string' || path.length === 0) throw new InvalidOptionError(`listCorpusFiles: corpus paths must be non-empty strings, got ${JSON.stringify(path)}`);
    const full = resolve(path);
    const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new NotFoundError(`corpus: "${path}" does not exist; pass text files or folders of *.txt files`);
      throw new UsageError(`corpus: cannot read "${path}" (${error.code ?? error.message})`, { cause: error });
    });
    if (info.isDirectory()) {
      const found = await textFilesUnder(full);
      if (found.length === 0) throw new UsageError(`corpus: folder "${path}" holds no *.txt files; pass text files (one paragraph per line) or folders of them`);
      for (const file of found) files.push(await readableFile(file));
    } else {
      files.push(await readableFile(full));
    }
  }
  return files;
}

async function textFilesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await textFilesUnder(full)));
    else if (entry.name.endsWith('.txt')) out.push(full);
  }
  return out;
}

async function readableFile(file: string): Promise<CorpusFile> {
  try {
    await access(file, constants.R_OK);
    const handle = await open(file, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new UsageError(`corpus: "${file}" is not a regular file`);
      const head = Buffer.alloc(Math.min(65536, info.size));
      await handle.read(head, 0, head.length, 0);
      if (head.includes(0)) throw new DataFormatError({ file }, 'holds NUL bytes: not a text file; the corpus must be UTF-8 text, one paragraph per line');
      return { file, bytes: info.size };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof DataFormatError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`corpus: "${file}" does not exist`);
    throw new UsageError(`corpus: cannot read "${file}" (${code ?? String(error)}); check its permissions`, { cause: error });
  }
}

/** Streams the lines of the corpus files, without line endings (empty lines skipped unless asked). */
export async function* readCorpusLines(paths: readonly string[], options: ReadCorpusOptions = {}): AsyncGenerator<string> {
  const files = await listCorpusFiles(paths);
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  let bytesBefore = 0;
  let lines = 0;
  for (const { file, bytes } of files) {
    let rest = '';
    let fileBytes = 0;
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    const utf8 = new TextDecoder('utf-8');
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        fileBytes += chunk.length;
        const text = rest + utf8.decode(chunk, { stream: true });
        const parts = text.split('\n');
        rest = parts.pop()!;
        for (const part of parts) {
          const line = part.endsWith('\r') ? part.slice(0, -1) : part;
          if (line.length === 0 && !options.keepEmpty) continue;
          lines++;
          yield line;
        }
        options.onProgress?.({ bytes: bytesBefore + fileBytes, totalBytes, lines, file });
      }
    } catch (error) {
      if (error instanceof Error && 'code' in error) throw new UsageError(`corpus: reading "${file}" failed (${(error as NodeJS.ErrnoException).code})`, { cause: error });
      throw error;
    } finally {
      stream.destroy();
    }
    rest += utf8.decode();
    const last = rest.endsWith('\r') ? rest.slice(0, -1) : rest;
    if (last.length > 0 || (options.keepEmpty && rest.length > 0)) {
      lines++;
      yield last;
    }
    bytesBefore += bytes;
  }
}
