/** @file The row every benchmark returns; bench/index.ts prints them as one table and writes JSON. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}
