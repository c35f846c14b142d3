/**
 * @file `writeReport(runDir)`: (re)writes `<run-dir>/report.html` from `<run-dir>/report-data.json`,
 * atomically, so an interrupted write never leaves a half page.
 */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InvalidOptionError, NotFoundError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { REPORT_DEFAULTS } from './defaults.js';
import { readReportData } from './read-report-data.js';
import { renderReportHtml } from './render-report-html.js';
import type { ReportData } from './types.js';
import { writeTextAtomic } from '../files.js';

/** Options of `writeReport`: report data and file names. */
export interface WriteReportOptions {
  /** The data to show; read from `<run-dir>/<dataFile>` when not given. */
  data?: ReportData;
  /** Input file name inside the run folder (default report-data.json). */
  dataFile?: string;
  /** Output file name inside the run folder (default report.html). */
  htmlFile?: string;
}

/** The report file written and its size. */
export interface WriteReportResult {
  /** Path of the written report. */
  file: string;
  bytes: number;
}

/**
 * Writes a run folder's self-contained HTML report.
 * @example
 * await writeReport('runs/epochs');   // { file: 'runs/epochs/report.html', bytes: 812345 }
 */
export async function writeReport(runDir: string, options: WriteReportOptions = {}): Promise<WriteReportResult> {
  const { data: given, ...rest } = options;
  const { dataFile, htmlFile } = resolveOptions<{ dataFile: string; htmlFile: string }>('writeReport', { ...REPORT_DEFAULTS }, rest, { dataFile: 'string', htmlFile: 'string' });
  for (const [key, name] of [['dataFile', dataFile], ['htmlFile', htmlFile]] as const) {
    if (basename(name) !== name || name === '' || name === '.' || name === '..') {
      throw new InvalidOptionError(`writeReport: option "${key}" must be a file name inside the run folder, got ${JSON.stringify(name)}`);
    }
  }
  // renderReportHtml checks the shape of data given in memory; readReportData checks the file's
  const data = given ?? (await readReportData(runDir, dataFile));
  const html = renderReportHtml(data);
  const folder = await stat(runDir).catch(() => null);
  if (!folder?.isDirectory()) throw new NotFoundError(`writeReport: run folder ${runDir} does not exist or is not a folder; create it or pass the --out folder of \`lmkg run\``);
  const file = join(runDir, htmlFile);
  await writeTextAtomic(file, html);
  return { file, bytes: Buffer.byteLength(html, 'utf8') };
}
