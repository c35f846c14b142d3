/**
 * @file The one CSV cell writer (RFC 4180): a field with a comma, a quote, a line break or leading
 * or trailing whitespace is quoted, quotes doubled; null and undefined are empty cells. Tables meant
 * for people (summary.csv, the demo table, compare's CSV, timelines, the report's downloads) also
 * defuse spreadsheet formulas: a string from a model or a dataset that starts with = + - @ tab or
 * carriage return gets a leading apostrophe (OWASP's advice for CSV injection), so Excel or
 * LibreOffice show it instead of running it. Data files read back by programs (the paper's kg CSVs,
 * read by pandas and `kgFromCsv`) keep their strings exactly (`guardFormulas: false`).
 *
 * @example
 * csvCell('Paris, France'); // '"Paris, France"'
 * csvCell('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 * csvCell(-0.5);             // '-0.5' (numbers are never guarded)
 */

export interface CsvCellOptions {
  /** Prefix strings that a spreadsheet would read as a formula with an apostrophe (default true). */
  guardFormulas?: boolean;
}

/** One CSV cell (see the file comment). */
export function csvCell(value: string | number | boolean | null | undefined, options: CsvCellOptions = {}): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && (options.guardFormulas ?? true) && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** One CSV line of cells (no line break). */
export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>, options: CsvCellOptions = {}): string {
  return values.map((value) => csvCell(value, options)).join(',');
}
