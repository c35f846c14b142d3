/**
 * @file `npm run bench`: every benchmark of the project in one run, one table, and
 * bench/results.json. Each row states the machine (cores, CPU model) and its inputs. Benchmarks
 * read the shared data from LMKG_DATA_DIR (default ../shared/data beside the repository).
 * Run a subset: npm run bench -- probe train (the other suites' rows in bench/results.json are
 * kept, each row saying when it was measured).
 */
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printBenchTable } from './table.js';
import type { BenchRow } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const SUITES = ['tokenizers', 'train', 'probe', 'parser', 'extract', 'chance', 'edit-distance', 'report', 'study'] as const;

if (!process.env.LMKG_DATA_DIR) {
  const shared = resolve(here, '..', '..', 'shared', 'data');
  if (!existsSync(shared)) {
    console.error('npm run bench: set LMKG_DATA_DIR to a folder with lama/, corpus/ and ud/ (the layout of ../shared/data)');
    process.exit(1);
  }
  process.env.LMKG_DATA_DIR = shared;
}

const wanted = process.argv.slice(2);
const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
const results: Array<BenchRow & { suite: string; seconds: number; measured?: string }> = [];
const runDate = new Date().toISOString();
const failures: Array<{ suite: string; error: string }> = [];
for (const suite of SUITES) {
  if (wanted.length > 0 && !wanted.includes(suite)) continue;
  const started = performance.now();
  process.stderr.write(`bench ${suite} ...\n`);
  try {
    const module = (await import(`./${suite}.js`)) as { run: () => Promise<BenchRow[]> };
    const rows = await module.run();
    const seconds = (performance.now() - started) / 1000;
    for (const row of rows) results.push({ suite, ...row, seconds, measured: runDate });
  } catch (error) {
    failures.push({ suite, error: error instanceof Error ? error.message : String(error) });
  }
}

console.log(`machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${new Date().toISOString()}`);
printBenchTable(results);
for (const failure of failures) console.log(`FAILED ${failure.suite}: ${failure.error}`);
// a subset run keeps the rows of the suites it did not run (with the date they were measured)
const file = join(here, 'results.json');
const kept: typeof results = [];
if (wanted.length > 0 && existsSync(file)) {
  const previous = JSON.parse(readFileSync(file, 'utf8')) as { date: string; results: typeof results };
  for (const row of previous.results) if (!results.some((r) => r.suite === row.suite)) kept.push({ ...row, measured: row.measured ?? previous.date });
}
const all = [...results, ...kept].sort((a, b) => SUITES.indexOf(a.suite as (typeof SUITES)[number]) - SUITES.indexOf(b.suite as (typeof SUITES)[number]));
writeFileSync(file, `${JSON.stringify({ date: runDate, machine, results: all, failures }, null, 2)}\n`);
console.log(`written to ${file}${kept.length > 0 ? ` (with ${kept.length} rows of other suites from earlier runs)` : ''}`);
process.exitCode = failures.length > 0 ? 1 : 0;
