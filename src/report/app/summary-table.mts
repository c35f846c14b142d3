/**
 * @file The summary table: one row per dataset x model x extractor, sortable by any column. Each
 * cell carries its raw value (`data-value`; empty for a missing metric) and, where given, its
 * bootstrap interval (`data-ci-low`, `data-ci-high`), so what is shown can be checked exactly.
 */
import { csvCell } from '../../csv.js';
import type { SummaryRow } from '../types.js';
import { download } from './charts/chart-figure.mjs';
import { el } from './dom.mjs';
import { formatCount, formatInterval, formatMetric, MISSING } from './format.mjs';

type Kind = 'text' | 'count' | 'metric';
type CiKey = keyof SummaryRow['ci'];
type ChanceKey = keyof SummaryRow['chance'];

interface Column {
  key: keyof SummaryRow;
  label: string;
  title: string;
  kind: Kind;
}

export const SUMMARY_COLUMNS: readonly Column[] = [
  { key: 'dataset', label: 'Dataset', title: 'LAMA dataset', kind: 'text' },
  { key: 'model', label: 'Model', title: 'model or snapshot', kind: 'text' },
  { key: 'extractor', label: 'Extractor', title: 'triple extractor', kind: 'text' },
  { key: 'facts', label: 'Facts', title: 'facts counted by the LAMA metrics (single-token golds)', kind: 'count' },
  { key: 'p1', label: 'P@1', title: 'precision at 1', kind: 'metric' },
  { key: 'pk', label: 'P@k', title: 'precision at k (k per row in the cell tooltip)', kind: 'metric' },
  { key: 'mrr', label: 'MRR', title: 'mean reciprocal rank', kind: 'metric' },
  { key: 'factP', label: 'Fact P', title: 'fact-triple precision, per fact: predicted triples that touch the filled slot and are also in the gold sentence\'s (chance band of a permutation null below)', kind: 'metric' },
  { key: 'factR', label: 'Fact R', title: 'fact-triple recall, per fact: gold triples that touch the slot and are also predicted', kind: 'metric' },
  { key: 'factF1', label: 'Fact F1', title: 'fact-triple F1, per fact: what the model put into the blank, scored as triples (chance band and p-value below)', kind: 'metric' },
  { key: 'slotCoverage', label: 'Slot cov.', title: 'share of queries whose fill lies in a triple\'s subject or object', kind: 'metric' },
  { key: 'allTripleF1', label: 'All-triple F1', title: 'F1 of every triple, the paper\'s graph: high for any model, since the sentence outside the blank is the same in predicted and gold', kind: 'metric' },
  { key: 'graph', label: 'Graph', title: 'which triples the columns to the right (triple P/R/F1, sizes, AED, HED, FEATHER, POS) compare: fact, context or all', kind: 'text' },
  { key: 'tripleP', label: 'Triple P', title: 'triple precision of the graph view: predicted triples also in gold', kind: 'metric' },
  { key: 'tripleR', label: 'Triple R', title: 'triple recall of the graph view: gold triples also predicted', kind: 'metric' },
  { key: 'tripleF1', label: 'Triple F1', title: 'harmonic mean of triple precision and recall of the graph view', kind: 'metric' },
  { key: 'nodes', label: 'Nodes', title: 'nodes of the predicted graph', kind: 'count' },
  { key: 'edges', label: 'Edges', title: 'edges of the predicted graph', kind: 'count' },
  { key: 'aed', label: 'AED', title: 'approximate graph edit distance to gold (— where the graphs exceed its limits)', kind: 'metric' },
  { key: 'hed', label: 'HED', title: 'Hausdorff edit distance to gold', kind: 'metric' },
  { key: 'featherCosine', label: 'FEATHER cos', title: 'cosine similarity of FEATHER graph embeddings', kind: 'metric' },
  { key: 'featherEuclidean', label: 'FEATHER euclid', title: 'euclidean distance of FEATHER graph embeddings', kind: 'metric' },
  { key: 'posOverlap', label: 'POS overlap', title: 'overlap of the part-of-speech profiles of predicted and gold', kind: 'metric' },
];

/** Rows drawn at first (and per "show more"): a page's layout cost grows with the rows drawn. */
export const SUMMARY_PAGE_ROWS = 250;

export function summaryTable(rows: SummaryRow[]): HTMLElement {
  const table = el('table', { class: 'summary', id: 'summary-table' });
  const header = el('tr');
  const body = el('tbody');
  // rows are built when first shown: a study of thousands of cells shows its first page at once
  const built = new Map<number, HTMLTableRowElement>();
  const rowElement = (index: number): HTMLTableRowElement => {
    let tr = built.get(index);
    if (!tr) built.set(index, tr = summaryRow(rows[index]!, index));
    return tr;
  };
  let order = rows.map((_, index) => index);
  let shown = Math.min(rows.length, SUMMARY_PAGE_ROWS);
  let sortKey: string | null = null;
  let ascending = true;
  const more = el('button', { type: 'button', class: 'more-rows' });
  const all = el('button', { type: 'button', class: 'more-rows' });
  const counter = el('span', { class: 'shown-rows' });
  const draw = (): void => {
    body.replaceChildren(...order.slice(0, shown).map(rowElement));
    const left = rows.length - shown;
    more.hidden = left <= 0;
    all.hidden = left <= SUMMARY_PAGE_ROWS;
    more.textContent = `Show ${Math.min(left, SUMMARY_PAGE_ROWS)} more`;
    all.textContent = `Show all ${rows.length}`;
    counter.textContent = left > 0 ? `Showing ${shown} of ${rows.length} rows (sorting sorts them all). ` : '';
  };
  more.addEventListener('click', () => {
    shown = Math.min(rows.length, shown + SUMMARY_PAGE_ROWS);
    draw();
  });
  all.addEventListener('click', () => {
    shown = rows.length;
    draw();
  });

  for (const column of SUMMARY_COLUMNS) {
    const button = el('button', { type: 'button', class: 'sort', title: `${column.title} (click to sort)` }, column.label);
    const th = el('th', { scope: 'col', 'data-field': column.key, 'aria-sort': 'none', class: column.kind === 'text' ? 'text' : 'num' }, button);
    button.addEventListener('click', () => {
      ascending = sortKey === column.key ? !ascending : column.kind === 'text';
      sortKey = column.key;
      for (const cell of header.children) cell.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      order = [...order].sort((a, b) => compare(rows[a]!, rows[b]!, a - b, column, ascending));
      draw();
    });
    header.appendChild(th);
  }
  draw();
  table.append(el('thead', {}, header), body);

  const csvButton = el('button', { type: 'button', class: 'download', 'data-format': 'csv' }, 'CSV');
  csvButton.addEventListener('click', () => download(new Blob([summaryCsv(rows)], { type: 'text/csv' }), 'summary.csv'));
  return el('div', { class: 'summary-block' },
    el('div', { class: 'table-scroll' }, table),
    el('p', { class: 'note' }, counter, more, ' ', all, rows.length > SUMMARY_PAGE_ROWS ? ' ' : null,
      `${rows.length} rows. Metrics to 3 decimals; bootstrap 95% intervals as [lo, hi] under the value; under a fact metric, its chance: ` +
      `the mean and 95% band of a permutation null (the fills shuffled among the facts of a relation) and the one-sided p-value; ${MISSING} = not computed. Click a column to sort. `,
      el('span', { class: 'downloads' }, 'Download ', csvButton)));
}

function summaryRow(row: SummaryRow, index: number): HTMLTableRowElement {
  const tr = el('tr', { 'data-row': index });
  for (const column of SUMMARY_COLUMNS) {
    const value = row[column.key] as string | number | null;
    const interval = row.ci[column.key as CiKey];
    const td = el('td', {
      'data-field': column.key,
      'data-value': value === null ? '' : String(value),
      'data-ci-low': interval ? String(interval[0]) : null,
      'data-ci-high': interval ? String(interval[1]) : null,
      class: column.kind === 'text' ? 'text' : 'num',
      title: column.key === 'pk' ? `P@${row.k}` : null,
    });
    if (column.kind === 'text') td.append(String(value));
    else td.append(el('span', { class: 'value' }, column.kind === 'count' ? formatCount(value as number | null) : formatMetric(value as number | null)));
    if (interval) td.append(el('span', { class: 'ci' }, formatInterval(interval)));
    const chance = row.chance?.[column.key as ChanceKey];
    if (chance) {
      td.setAttribute('data-chance-mean', chance.mean === null ? '' : String(chance.mean));
      td.setAttribute('data-chance-p', chance.p === null ? '' : String(chance.p));
      const band = chance.low !== null && chance.high !== null ? ` ${formatInterval([chance.low, chance.high])}` : '';
      td.append(el('span', { class: 'chance', title: `permutation null, R = ${chance.replicates}` },
        `chance ${formatMetric(chance.mean)}${band}${chance.p === null ? '' : ` p=${chance.p.toFixed(3)}`}`));
    }
    tr.appendChild(td);
  }
  return tr;
}

function compare(a: SummaryRow, b: SummaryRow, order: number, column: Column, ascending: boolean): number {
  const va = a[column.key] as string | number | null;
  const vb = b[column.key] as string | number | null;
  // missing values last in either direction
  if (va === null || vb === null) return va === vb ? order : va === null ? 1 : -1;
  const diff = column.kind === 'text' ? String(va).localeCompare(String(vb)) : Number(va) - Number(vb);
  return (ascending ? diff : -diff) || order;
}

function summaryCsv(rows: SummaryRow[]): string {
  const ciKeys: CiKey[] = ['p1', 'factP', 'factR', 'factF1', 'tripleP', 'tripleR', 'tripleF1', 'posOverlap'];
  const chanceKeys: ChanceKey[] = ['factP', 'factR', 'factF1', 'slotCoverage'];
  const head = [
    ...SUMMARY_COLUMNS.map((c) => c.key), 'k', ...ciKeys.flatMap((k) => [`${k}_lo`, `${k}_hi`]),
    ...chanceKeys.flatMap((k) => [`${k}_chance`, `${k}_chance_lo`, `${k}_chance_hi`, `${k}_chance_p`]),
  ];
  const lines = [head.join(',')];
  for (const row of rows) {
    const cells = [
      ...SUMMARY_COLUMNS.map((c) => row[c.key] as string | number | null),
      row.k,
      ...ciKeys.flatMap((k) => row.ci[k] ?? [null, null]),
      ...chanceKeys.flatMap((k) => {
        const band = row.chance?.[k];
        return [band?.mean ?? null, band?.low ?? null, band?.high ?? null, band?.p ?? null];
      }),
    ];
    lines.push(cells.map((value) => csvCell(value)).join(','));
  }
  return `${lines.join('\n')}\n`;
}
