/**
 * @file Edit-distance speed and memory: AED (exact-defs: assignment + edit path) and HED for pairs of
 * seeded random graphs of 100, 200, 400, 1,000 and 3,000 nodes with 1.2 edges per node (like the
 * KGs: names drawn from a shared pool so the two graphs share about two thirds of their nodes, five
 * relations, self-loops and parallel edges possible). Each measurement runs in a fresh child
 * process, after a warm-up on a 100-node pair, so its peak resident memory (maxRSS) is its own.
 * Reports wall and CPU time (a busy machine stretches wall time), peak RSS and its rise over the
 * process before the call, the scaling exponent fitted on log time vs log nodes, the speed-up over
 * the paper's Python code (AED + HED: 3.0 s, 8.7 s, 25.3 s at 100, 200, 400 nodes on this machine)
 * and the two goals: >= 20x at 400 nodes, the 1,000-node pair under 10 s.
 *
 * Run alone: node --import tsx bench/edit-distance.ts
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  approximateEditDistance, compactGraphFromTriples, hausdorffEditDistance, linearSumAssignment, paperApproximateEditDistance,
  paperHausdorffEditDistance, seededRandom, toPaperGraph, type CompactGraph,
} from '../src/internal.js';
import { printBenchTable } from './table.js';
import type { BenchRow } from './types.js';


const SIZES = [100, 200, 400, 1000, 3000] as const;
/** The paper's Python code, AED + HED together, seconds (from the issue). */
const PAPER_SECONDS: Record<number, number> = { 100: 3.0, 200: 8.7, 400: 25.3 };
type Algorithm = 'aed' | 'hed' | 'paper';

interface ChildResult {
  nodes: number;
  algorithm: Algorithm;
  wallMs: number;
  cpuMs: number;
  value: number;
  rssBeforeMb: number;
  maxRssMb: number;
}

/** A seeded random KG-like graph. */
export function randomGraph(nodes: number, seed: number): CompactGraph {
  const random = seededRandom(seed);
  const pool = Math.round(1.5 * nodes);
  const names = new Set<string>();
  while (names.size < nodes) names.add(`entity ${Math.floor(random() * pool)}`);
  const list = [...names];
  const triples: Array<[string, string, string]> = [];
  for (let e = 0; e < Math.round(1.2 * nodes); e++) {
    triples.push([list[Math.floor(random() * nodes)]!, `relation ${Math.floor(random() * 5)}`, list[Math.floor(random() * nodes)]!]);
  }
  return compactGraphFromTriples(triples, list);
}

function measure(nodes: number, algorithm: Algorithm): ChildResult {
  const pair = (n: number): [CompactGraph, CompactGraph] => [randomGraph(n, 2 * n), randomGraph(n, 2 * n + 1)];
  const compute = ([a, b]: [CompactGraph, CompactGraph]): number => {
    if (algorithm === 'aed') return approximateEditDistance(a, b, { timeBudgetMs: 600_000 }).value;
    if (algorithm === 'hed') return hausdorffEditDistance(a, b).value;
    const [pa, pb] = [toPaperGraph(a), toPaperGraph(b)];
    return paperApproximateEditDistance(pa, pb) + paperHausdorffEditDistance(pa, pb);
  };
  compute(pair(100)); // warm-up (JIT)
  const graphs = pair(nodes);
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const value = compute(graphs);
  const wallMs = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return {
    nodes,
    algorithm,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    value,
    rssBeforeMb: rssBefore / 1e6,
    maxRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  };
}

function child(nodes: number, algorithm: Algorithm): ChildResult {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', String(nodes), algorithm], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`bench/edit-distance: child ${nodes} ${algorithm} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as ChildResult;
}

/** Least-squares slope of log(y) on log(x). */
function scalingExponent(points: Array<[number, number]>): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(Math.max(y, 1e-3)));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const results = new Map<string, ChildResult>();
  for (const nodes of SIZES) {
    for (const algorithm of ['aed', 'hed', 'paper'] as const) {
      const r = child(nodes, algorithm);
      results.set(`${nodes} ${algorithm}`, r);
      const label = algorithm === 'aed' ? 'AED (exact-defs)' : algorithm === 'hed' ? 'HED (exact-defs)' : 'paper-mode AED + HED';
      rows.push({ name: `edit distance: ${label}, ${nodes} nodes`, value: r.wallMs / 1000, unit: 's', note: `cpu ${(r.cpuMs / 1000).toFixed(3)} s; value ${r.value}` });
      if (algorithm !== 'paper') {
        rows.push({
          name: `edit distance: ${label}, ${nodes} nodes, peak RSS`,
          value: r.maxRssMb,
          unit: 'MB',
          note: `+${Math.max(0, r.maxRssMb - r.rssBeforeMb).toFixed(1)} MB over the ${r.rssBeforeMb.toFixed(1)} MB before the call`,
        });
      }
    }
  }
  // fitted where the work dominates fixed costs (400 to 3,000 nodes)
  for (const algorithm of ['aed', 'hed'] as const) {
    const exponent = scalingExponent([400, 1000, 3000].map((n) => [n, results.get(`${n} ${algorithm}`)!.cpuMs]));
    rows.push({ name: `edit distance: ${algorithm.toUpperCase()} scaling exponent (cpu time ~ n^k, 400-3,000 nodes)`, value: exponent, unit: 'k' });
  }
  for (const nodes of [100, 200, 400]) {
    const total = (results.get(`${nodes} aed`)!.wallMs + results.get(`${nodes} hed`)!.wallMs) / 1000;
    rows.push({
      name: `edit distance: AED + HED speed-up over the paper's Python, ${nodes} nodes`,
      value: PAPER_SECONDS[nodes]! / total,
      unit: 'x',
      note: `${total.toFixed(3)} s vs ${PAPER_SECONDS[nodes]} s${nodes === 400 ? ' (goal >= 20x)' : ''}`,
    });
  }
  const thousand = (results.get('1000 aed')!.wallMs + results.get('1000 hed')!.wallMs) / 1000;
  rows.push({ name: 'edit distance: AED + HED, 1,000-node pair', value: thousand, unit: 's', note: `goal < 10 s: ${thousand < 10 ? 'met' : 'missed'}` });

  // the assignment solver alone on a dense uniform random matrix, for reference
  const n = 1000;
  const random = seededRandom(1);
  const matrix = Float64Array.from({ length: n * n }, () => random());
  const wall0 = performance.now();
  linearSumAssignment(matrix, n, n);
  rows.push({ name: 'linear sum assignment: 1,000 x 1,000 uniform random', value: (performance.now() - wall0) / 1000, unit: 's' });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--child') {
    console.log(JSON.stringify(measure(Number(process.argv[3]), process.argv[4] as Algorithm)));
  } else {
    printBenchTable(await run());
  }
}
