/**
 * @file The one table printer of the benchmarks: bench/index.ts prints every suite's rows with it,
 * and each bench/<suite>.ts run alone (`node --import tsx bench/<suite>.ts`) prints its own.
 */
import type { BenchRow } from './types.js';

/** A value with about three significant digits (integers from 100 up). */
export function formatValue(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

/** Prints rows as an aligned table (value right-aligned), with a `suite` column when the rows have one. */
export function printBenchTable(rows: ReadonlyArray<BenchRow & { suite?: string }>): void {
  const withSuite = rows.some((row) => row.suite !== undefined);
  const head = [...(withSuite ? ['suite'] : []), 'measure', 'value', 'unit', 'inputs / note'];
  const table = [head, ...rows.map((r) => [...(withSuite ? [r.suite ?? ''] : []), r.name, formatValue(r.value), r.unit, r.note ?? ''])];
  const valueColumn = head.indexOf('value');
  const widths = head.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, c) => (c === valueColumn ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** Runs a suite and prints its table when its file is the script node was started with. */
export async function runAlone(moduleUrl: string, run: () => Promise<BenchRow[]>): Promise<void> {
  if (moduleUrl === `file://${process.argv[1]}`) printBenchTable(await run());
}
