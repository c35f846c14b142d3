/**
 * @file Streaming JSONL reading with line numbers, so every error names the file and line.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { DataFormatError, NotFoundError } from '../errors.js';

export interface JsonlLine {
  /** 1-based line number in the file. */
  line: number;
  value: Record<string, unknown>;
}

/**
 * Yields each non-blank line of a JSONL file parsed as a JSON object. Throws NotFoundError for a
 * missing file, DataFormatError (file and line) for a malformed line or a line that is not an
 * object, and DataFormatError for a file with no records.
 */
export async function* readJsonl(file: string): AsyncGenerator<JsonlLine> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new NotFoundError(`${file}: not a file`);
  } catch (error) {
    if (error instanceof NotFoundError) throw error;
    throw new NotFoundError(`${file}: no such file`, { cause: error });
  }
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  let records = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DataFormatError({ file, line: lineNumber }, `malformed JSON (${(error as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DataFormatError({ file, line: lineNumber }, 'expected a JSON object on each line');
    }
    records += 1;
    yield { line: lineNumber, value: value as Record<string, unknown> };
  }
  if (records === 0) throw new DataFormatError({ file }, 'the file is empty (no JSON records)');
}
