/**
 * @file `lmkg compare <kg-dir|run-dir> ...`: every graph against a reference (its own gold graph by
 * default, or one named graph), printed as a table and written as JSON + CSV; optionally the full
 * pairwise matrix and the per-fact timeline over the graphs in order.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  COMPARE_DEFAULTS, compareGraphs, comparisonRow, comparisonRowsCsv, factTimeline, factTimelineCsv, InvalidOptionError, LMKG_VERSION,
  METRIC_NAMES, NotFoundError, pairwiseMatrix, readKnowledgeGraph, readPredictions, readProbeMeta, UsageError,
  KG_VIEWS, type CompareMode, type CompareOptions, type ComparisonRow, type GraphComparison, type KgView, type KnowledgeGraph, type MetricName, type PairwiseMatrix,
  type PredictionRecord,
} from '../../index.js';
import { createProgressDisplay } from '../progress.js';
import { formatTable } from '../table.js';
import { wholeNumber, decimal } from '../numbers.js';

interface CompareCommandOptions {
  reference: string;
  metrics: string;
  mode: string;
  graph?: string;
  out?: string;
  matrix?: boolean;
  timeline?: boolean;
  aedMaxNodes?: number;
  aedTimeBudget?: number;
  bootstrap: number;
  seed?: number;
  labels: boolean;
  predictions: boolean;
}

interface Entry {
  name: string;
  dir: string;
  predicted: KnowledgeGraph;
  gold: KnowledgeGraph | null;
  records: PredictionRecord[] | null;
  uncased: boolean | 'auto';
  note: string | null;
}

export function registerCompareCommands(program: Command): void {
  program
    .command('compare')
    .description('compare knowledge graphs: triple P/R/F1, P@1, AED, HED, aligned edit distance, FEATHER, POS profile')
    .argument('<dirs...>', 'kg folders written by `lmkg extract` (kg.json, gold_kg.json) or folders holding them (a run)')
    .option('--reference <ref>', 'gold (each graph against its own gold graph) or the name of one of the graphs', 'gold')
    .option('--metrics <list>', `comma-separated, from ${METRIC_NAMES.join(', ')}`, COMPARE_DEFAULTS.metrics.join(','))
    .option('--mode <mode>', 'exact-defs (published definitions) or paper (the paper\'s code, quirks included)', COMPARE_DEFAULTS.mode)
    .option('--graph <view>', `which triples the graph metrics compare: ${KG_VIEWS.join(', ')} (default: fact in exact-defs mode, all — the paper's graph — in paper mode)`)
    .option('--out <file>', 'write the results as JSON to this file and as CSV beside it (.csv)')
    .option('--matrix', 'also compute the full pairwise matrix of the graphs')
    .option('--timeline', 'also build the per-fact timeline over the graphs in the order given (needs their predictions files)')
    .option('--aed-max-nodes <n>', 'largest graph AED accepts (default 4000)', wholeNumber('--aed-max-nodes', { min: 1 }))
    .option('--aed-time-budget <seconds>', 'time budget of one AED (default 120)', decimal('--aed-time-budget', { above: 0 }))
    .option('--bootstrap <n>', 'bootstrap replicates for the intervals of P@1, P/R/F1 and POS overlap (0: none)', wholeNumber('--bootstrap'), 1000)
    .option('--seed <n>', 'bootstrap seed (default 1337)', wholeNumber('--seed'))
    .option('--no-labels', 'edit distances on structure only (node and relation labels ignored)')
    .option('--no-predictions', 'do not read the predictions files (no P@1, no timeline)')
    .addHelpText('after', [
      '',
      'A run folder is searched for kg folders; they are taken in natural order (epoch-2 before epoch-10).',
      'paper mode reproduces the paper\'s AED/HED (every substitution free), FEATHER (order 10, rounded)',
      'and POS scores; see src/compare/README.md for every difference.',
      '',
      'Examples:',
      '  $ lmkg compare kg/bert-spacy kg/roberta-spacy --out metrics.json',
      '  $ lmkg compare runs/epochs --reference epoch-12 --matrix --timeline --out epochs.json',
      '  $ lmkg compare kg/bert-spacy --mode paper --metrics aed,hed,feather',
      '  $ lmkg compare kg/bert-spacy --graph all     # every triple, as the paper compared them',
    ].join('\n'))
    .action(async (dirs: string[], options: CompareCommandOptions) => {
      const metrics = options.metrics.split(',').map((m) => m.trim()).filter(Boolean) as MetricName[];
      const bad = metrics.find((m) => !(METRIC_NAMES as readonly string[]).includes(m));
      if (bad !== undefined) throw new InvalidOptionError(`--metrics: unknown metric "${bad}"; choose from ${METRIC_NAMES.join(', ')}`);
      if (options.mode !== 'paper' && options.mode !== 'exact-defs') {
        throw new InvalidOptionError(`--mode must be "exact-defs" or "paper", got "${options.mode}"`);
      }
      if (options.graph !== undefined && !(KG_VIEWS as readonly string[]).includes(options.graph)) {
        throw new InvalidOptionError(`--graph must be one of ${KG_VIEWS.join(', ')}, got "${options.graph}"`);
      }
      const entries = await loadEntries(dirs, options.predictions);
      const byName = new Map(entries.map((entry) => [entry.name, entry]));
      const referenceEntry = options.reference === 'gold' ? null : findEntry(byName, options.reference);

      const progress = createProgressDisplay({ label: 'compare' });
      const base: CompareOptions = {
        mode: options.mode as CompareMode,
        metrics,
        ...(options.graph === undefined ? {} : { graph: options.graph as KgView }),
        useLabels: options.labels,
        bootstrapReplicates: options.bootstrap,
        ...(options.aedMaxNodes === undefined ? {} : { aedMaxNodes: options.aedMaxNodes }),
        ...(options.aedTimeBudget === undefined ? {} : { aedTimeBudgetMs: options.aedTimeBudget * 1000 }),
        ...(options.seed === undefined ? {} : { bootstrapSeed: options.seed }),
      };
      const results: Array<{ entry: Entry; reference: string; comparison: GraphComparison }> = [];
      try {
        for (const [index, entry] of entries.entries()) {
          const reference = referenceEntry === null ? entry.gold : referenceEntry.predicted;
          const referenceName = referenceEntry === null ? `${entry.name} (gold)` : referenceEntry.name;
          if (reference === null) {
            throw new NotFoundError(`${entry.dir}: no gold_kg.json to compare with; run \`lmkg extract\` again or pass --reference <name>`);
          }
          const comparison = compareGraphs(entry.predicted, reference, {
            ...base,
            ...(entry.records === null ? {} : { predictions: entry.records, uncased: entry.uncased }),
            onProgress: (event) => progress.update(index, entries.length, `${entry.name}: ${event.metric}${event.total ? ` ${event.done}/${event.total}` : ''}`),
          });
          if (entry.note !== null) comparison.notes.push(entry.note);
          results.push({ entry, reference: referenceName, comparison });
        }
        progress.update(entries.length, entries.length, 'done');
      } finally {
        progress.stop();
      }

      const rows = results.map(({ entry, reference, comparison }) => comparisonRow(entry.name, reference, comparison));
      console.log(formatTable(
        ['graph', 'nodes', 'edges', 'P@1', 'fact P', 'fact R', 'fact F1', 'P', 'R', 'F1', 'AED', 'HED', 'aligned', 'FEATHER cos', 'FEATHER euc', 'POS overlap'],
        rows.map((r) => [r.graph, r.nodes, r.edges, num(r.p1), num(r.factP), num(r.factR), num(r.factF1), num(r.tripleP), num(r.tripleR), num(r.tripleF1),
          num(r.aed, 2), num(r.hed, 2), num(r.aligned, 2), num(r.featherCosine, 4), num(r.featherEuclidean, 3), num(r.posOverlap)]),
      ));
      const view = results[0]?.comparison.graphView ?? options.graph ?? COMPARE_DEFAULTS.graph[options.mode];
      console.log(`mode ${options.mode}; graph metrics on ${view === 'all' ? 'all triples (the paper\'s graph)' : `${view} triples`}; fact P/R/F1 per fact; ` +
        `reference: ${options.reference === 'gold' ? 'each graph\'s gold graph' : options.reference}`);
      for (const { entry, comparison } of results) {
        for (const skip of comparison.skipped) console.log(`${entry.name}: ${skip.metric} skipped: ${skip.reason}`);
      }
      if (options.mode === 'paper') console.log(results[0]?.comparison.notes.filter((n) => n.startsWith('paper mode')).join('\n') ?? '');

      let matrix: PairwiseMatrix | null = null;
      if (options.matrix) {
        matrix = pairwiseMatrix(entries.map((e) => ({ name: e.name, kg: e.predicted })), { ...base, metrics: metrics.filter((m) => m !== 'exact') });
        for (const [metric, values] of Object.entries(matrix.matrices)) {
          console.log(`\n${metric} (row: graph, column: reference)`);
          console.log(formatTable(['', ...matrix.names], values.map((row, i) => [matrix!.names[i]!, ...row.map((v) => num(v, 3))])));
        }
      }

      let timeline: ReturnType<typeof factTimeline> | null = null;
      if (options.timeline) {
        const missing = entries.find((e) => e.records === null);
        if (missing !== undefined) {
          throw new UsageError(`--timeline: no predictions for ${missing.name} (${missing.note ?? 'predictions not read'}); the timeline needs every run's predictions file`);
        }
        timeline = factTimeline(entries.map((e) => ({ name: e.name, records: e.records! })));
        console.log('\nper-fact timeline (correct = top prediction equals the gold)');
        console.log(formatTable(['snapshot', 'correct', 'acquired so far', 'forgotten', 'never', 'gained', 'lost'],
          timeline.counts.map((c) => [c.snapshot, c.correct, c.acquired, c.forgotten, c.never, c.gained, c.lost])));
        console.log(`final: ${timeline.totals.acquired} acquired, ${timeline.totals.forgotten} forgotten, ${timeline.totals.never} never (${timeline.unit} level${timeline.excluded ? `; ${timeline.excluded} units not in every run left out` : ''})`);
      }

      if (options.out !== undefined) {
        const json = {
          lmkgVersion: LMKG_VERSION,
          createdAt: new Date().toISOString(),
          mode: options.mode,
          reference: options.reference,
          graphs: results.map(({ entry, reference, comparison }) => ({ name: entry.name, dir: entry.dir, referenceName: reference, meta: entry.predicted.getAttributes(), ...comparison })),
          rows,
          ...(matrix === null ? {} : { matrix }),
          ...(timeline === null ? {} : { timeline }),
        };
        const csvPath = withExtension(options.out, '.csv');
        await writeAtomic(options.out, `${JSON.stringify(json, null, 2)}\n`);
        await writeAtomic(csvPath, comparisonRowsCsv(rows as ComparisonRow[]));
        const written = [options.out, csvPath];
        if (timeline !== null) {
          const timelineCsv = withExtension(options.out, '.timeline.csv');
          await writeAtomic(timelineCsv, factTimelineCsv(timeline));
          written.push(timelineCsv);
        }
        console.log(`wrote ${written.join(', ')}`);
      }
    });
}

/** Finds the kg folders under each argument and loads their graphs (and predictions). */
async function loadEntries(args: string[], withPredictions: boolean): Promise<Entry[]> {
  const found: Array<{ dir: string; name: string }> = [];
  for (const arg of args) {
    const path = resolve(arg);
    if (!existsSync(path)) throw new NotFoundError(`lmkg compare: ${arg}: no such file or folder`);
    const root = statSync(path).isFile() ? dirname(path) : path;
    const dirs = kgFolders(root);
    if (dirs.length === 0) throw new NotFoundError(`lmkg compare: ${arg}: no kg.json in it or below it; give folders written by \`lmkg extract\``);
    for (const dir of dirs) found.push({ dir, name: dir === root ? basename(root) : relative(root, dir).split('\\').join('/') });
  }
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  const entries: Entry[] = [];
  for (const { dir, name } of found) {
    const predicted = await readKnowledgeGraph(join(dir, 'kg.json'));
    const goldFile = join(dir, 'gold_kg.json');
    const gold = existsSync(goldFile) ? await readKnowledgeGraph(goldFile) : null;
    let records: PredictionRecord[] | null = null;
    let uncased: boolean | 'auto' = 'auto';
    let note: string | null = null;
    const file = predicted.getAttribute('predictionsFile');
    if (withPredictions && typeof file === 'string') {
      const candidates = [resolve(file), resolve(dir, file), join(dir, basename(file))];
      const at = candidates.find((c) => existsSync(c));
      if (at === undefined) note = `predictions file ${file} not found: no P@1`;
      else {
        records = readPredictions(at);
        const meta = readProbeMeta(at);
        if (meta !== null) uncased = meta.model.uncased;
      }
    }
    entries.push({ name: (counts.get(name) ?? 0) > 1 ? relative(process.cwd(), dir) : name, dir, predicted, gold, records, uncased, note });
  }
  return entries;
}

/** Folders at or below `root` that hold a kg.json, in natural order. */
function kgFolders(root: string): string[] {
  if (existsSync(join(root, 'kg.json'))) return [root];
  const out: string[] = [];
  const walk = (dir: string) => {
    const children = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
      .map((d) => d.name)
      .sort(naturalCompare);
    for (const child of children) {
      const path = join(dir, child);
      if (existsSync(join(path, 'kg.json'))) out.push(path);
      else walk(path);
    }
  };
  walk(root);
  return out;
}

/** Natural order: digit runs compare as numbers (epoch-9 < epoch-10). */
function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function findEntry(byName: Map<string, Entry>, reference: string): Entry {
  const exact = byName.get(reference);
  if (exact !== undefined) return exact;
  const matches = [...byName.values()].filter((e) => e.name.endsWith(`/${reference}`) || e.name.startsWith(`${reference}/`) || e.predicted.getAttribute('model') === reference);
  if (matches.length === 1) return matches[0]!;
  throw new InvalidOptionError(
    `--reference "${reference}": ${matches.length === 0 ? 'no graph has this name' : `${matches.length} graphs match`}; give gold or one of: ${[...byName.keys()].join(', ')}`,
  );
}

async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const temporary = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function withExtension(path: string, extension: string): string {
  return path.endsWith('.json') ? `${path.slice(0, -'.json'.length)}${extension}` : `${path}${extension}`;
}

function num(value: number | null, digits = 4): string | null {
  return value === null ? null : value.toFixed(digits);
}
