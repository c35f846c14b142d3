/**
 * @file `lmkg compare <kg-dir|run-dir> ...`: parses the flags, runs the library's `compareFolders`
 * (every graph against a reference, its own gold graph by default; optionally the pairwise matrix
 * and the per-fact timeline; JSON + CSV with --out) and prints the tables.
 */
import type { Command } from 'commander';
import {
  COMPARE_DEFAULTS, compareFolders, InvalidOptionError, KG_VIEWS, METRIC_NAMES,
  type CompareFoldersResult, type CompareMode, type KgView, type MetricName,
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
      const progress = createProgressDisplay({ label: 'compare' });
      let result: CompareFoldersResult;
      try {
        result = await compareFolders(dirs, {
          reference: options.reference,
          mode: options.mode as CompareMode,
          metrics,
          ...(options.graph === undefined ? {} : { graph: options.graph as KgView }),
          useLabels: options.labels,
          bootstrapReplicates: options.bootstrap,
          ...(options.aedMaxNodes === undefined ? {} : { aedMaxNodes: options.aedMaxNodes }),
          ...(options.aedTimeBudget === undefined ? {} : { aedTimeBudgetMs: options.aedTimeBudget * 1000 }),
          ...(options.seed === undefined ? {} : { bootstrapSeed: options.seed }),
          matrix: options.matrix === true,
          timeline: options.timeline === true,
          readPredictions: options.predictions,
          ...(options.out === undefined ? {} : { out: options.out }),
          onProgress: ({ graph, index, total, progress: p }) => progress.update(index, total, `${graph}: ${p.metric}${p.total ? ` ${p.done}/${p.total}` : ''}`),
        });
        progress.update(result.folders.length, result.folders.length, 'done');
      } finally {
        progress.stop();
      }

      const { rows, results, matrix, timeline } = result;
      console.log(formatTable(
        ['graph', 'nodes', 'edges', 'P@1', 'fact P', 'fact R', 'fact F1', 'P', 'R', 'F1', 'AED', 'HED', 'aligned', 'FEATHER cos', 'FEATHER euc', 'POS overlap'],
        rows.map((r) => [r.graph, r.nodes, r.edges, num(r.p1), num(r.factP), num(r.factR), num(r.factF1), num(r.tripleP), num(r.tripleR), num(r.tripleF1),
          num(r.aed, 2), num(r.hed, 2), num(r.aligned, 2), num(r.featherCosine, 4), num(r.featherEuclidean, 3), num(r.posOverlap)]),
      ));
      const view = results[0]?.comparison.graphView ?? options.graph ?? COMPARE_DEFAULTS.graph[options.mode];
      console.log(`mode ${options.mode}; graph metrics on ${view === 'all' ? 'all triples (the paper\'s graph)' : `${view} triples`}; fact P/R/F1 per fact; ` +
        `reference: ${options.reference === 'gold' ? 'each graph\'s gold graph' : options.reference}`);
      for (const { folder, comparison } of results) {
        for (const skip of comparison.skipped) console.log(`${folder.name}: ${skip.metric} skipped: ${skip.reason}`);
      }
      if (options.mode === 'paper') console.log(results[0]?.comparison.notes.filter((n) => n.startsWith('paper mode')).join('\n') ?? '');
      if (matrix !== null) {
        for (const [metric, values] of Object.entries(matrix.matrices)) {
          console.log(`\n${metric} (row: graph, column: reference)`);
          console.log(formatTable(['', ...matrix.names], values.map((row, i) => [matrix.names[i]!, ...row.map((v) => num(v, 3))])));
        }
      }
      if (timeline !== null) {
        console.log('\nper-fact timeline (correct = top prediction equals the gold)');
        console.log(formatTable(['snapshot', 'correct', 'acquired so far', 'forgotten', 'never', 'gained', 'lost'],
          timeline.counts.map((c) => [c.snapshot, c.correct, c.acquired, c.forgotten, c.never, c.gained, c.lost])));
        console.log(`final: ${timeline.totals.acquired} acquired, ${timeline.totals.forgotten} forgotten, ${timeline.totals.never} never (${timeline.unit} level${timeline.excluded ? `; ${timeline.excluded} units not in every run left out` : ''})`);
      }
      if (result.written.length > 0) console.log(`wrote ${result.written.join(', ')}`);
    });
}

function num(value: number | null, digits = 4): string | null {
  return value === null ? null : value.toFixed(digits);
}
