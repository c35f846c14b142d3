/**
 * @file CSV export and import with the paper's columns. The paper's code wrote its data frames with
 * pandas (`df.to_csv(...)`): an unnamed index column, then `source,target,edge`, one row per edge,
 * and its scripts read them back with `pd.read_csv(...)[['source', 'target', 'edge']]`. lmkg writes
 * the same layout (plus a `slot` column after the paper's three) with RFC 4180 quoting (fields with commas, quotes or line breaks are quoted, quotes
 * doubled), so any CSV reader, pandas included, gets the exact strings back. CSV keeps the triples
 * only: edge counts and query ids live in the JSON, GraphML and GEXF exports.
 *
 * @example
 * kgToCsv(kg);
 * // ',source,target,edge,slot\n0,Allan Dwan,Toronto,born in,object\n1,"Paris, France",France,capital of,...'
 */
import { csvCell } from '../csv.js';
import { DataFormatError } from '../errors.js';
import { buildKnowledgeGraph, type BuildKnowledgeGraphOptions } from './build.js';
import { slotText } from './slot-text.js';
import type { KnowledgeGraph, Triple } from './types.js';

/**
 * The paper's CSV of a graph's edges: `,source,target,edge` with a 0-based row index, then lmkg's
 * `slot` column (the parts that held the filled slot, see `slotText`; empty for context triples
 * and for graphs without slot provenance).
 */
export function kgToCsv(kg: KnowledgeGraph): string {
  const rows = [',source,target,edge,slot'];
  let index = 0;
  kg.forEachEdge((_edge, attributes, _source, _target, sourceAttributes, targetAttributes) => {
    rows.push([String(index), sourceAttributes.label, targetAttributes.label, attributes.relation, slotText(attributes.slot ?? [])].map(csvField).join(','));
    index += 1;
  });
  return `${rows.join('\n')}\n`;
}

/** A CSV field of the paper's data files: quoted when it needs it, the string kept exactly (no formula guard: pandas reads these back). */
export function csvField(value: string): string {
  return csvCell(value, { guardFormulas: false });
}

/**
 * The triples of a CSV with `source`, `target` and `edge` columns (in any order; other columns,
 * such as pandas' index, are ignored). Throws DataFormatError naming the line.
 */
export function triplesFromCsv(text: string, file = 'CSV'): Triple[] {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (!header) throw new DataFormatError({ file }, 'the file is empty; expected a header with source,target,edge');
  const column = (name: string) => {
    const index = header.cells.indexOf(name);
    if (index < 0) throw new DataFormatError({ file, line: 1 }, `the header has no "${name}" column (found: ${header.cells.join(',')}); expected source,target,edge`);
    return index;
  };
  const [source, target, edge] = [column('source'), column('target'), column('edge')];
  return rows.slice(1).filter((row) => !(row.cells.length === 1 && row.cells[0] === '')).map((row) => {
    if (row.cells.length !== header.cells.length) {
      throw new DataFormatError({ file, line: row.line }, `expected ${header.cells.length} fields like the header, found ${row.cells.length}`);
    }
    return { subject: row.cells[source]!, relation: row.cells[edge]!, object: row.cells[target]! };
  });
}

/** A graph of the CSV's triples (see `triplesFromCsv`), built with `buildKnowledgeGraph`'s options. */
export function kgFromCsv(text: string, file = 'CSV', options: BuildKnowledgeGraphOptions = {}): KnowledgeGraph {
  return buildKnowledgeGraph(triplesFromCsv(text, file), options);
}

interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF rows. */
function parseCsv(text: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let afterQuote = false;
  const endRow = () => {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
    afterQuote = false;
  };
  for (; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else if (char === '"') {
      if (cell !== '' || afterQuote) throw new DataFormatError({ file, line }, 'a quote inside an unquoted field; quote the whole field and double the inner quotes');
      quoted = true;
    } else {
      if (afterQuote) throw new DataFormatError({ file, line }, 'text after a closing quote; a quoted field must end at a comma or line end');
      cell += char;
    }
  }
  if (quoted) throw new DataFormatError({ file, line: rowLine }, 'a quoted field is never closed');
  if (cell !== '' || cells.length > 0 || afterQuote) endRow();
  return rows;
}
