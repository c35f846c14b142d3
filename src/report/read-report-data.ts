/**
 * @file Reads and checks `<run-dir>/report-data.json` (written by `lmkg run`).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFormatError, NotFoundError } from '../errors.js';
import { REPORT_DEFAULTS } from './defaults.js';
import type { ReportData } from './types.js';
import { validateReportData } from './validate-report-data.js';

/**
 * Returns the run folder's report data. Throws NotFoundError when the folder or the file is missing,
 * DataFormatError (with the line, or the field path) when the JSON is invalid or has the wrong shape.
 */
export async function readReportData(runDir: string, dataFile: string = REPORT_DEFAULTS.dataFile): Promise<ReportData> {
  const folder = await stat(runDir).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new NotFoundError(`readReportData: run folder ${runDir} does not exist or is not a folder; pass the --out folder of \`lmkg run\``);
  }
  const file = join(runDir, dataFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new NotFoundError(`readReportData: ${file} is missing; \`lmkg run ... --out ${runDir}\` writes it (run it again to finish the run)`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new DataFormatError(line === undefined ? { file } : { file, line }, `is not valid JSON (${message}); it may be half-written: run \`lmkg run\` again`, { cause: error });
  }
  return validateReportData(value, file);
}
