/**
 * @file `lmkg compare <kg-dir|run-dir> ...`: the flags come from COMPARE_OPTIONS (src/compare/options.ts);
 * runs the library's `compareFolders`
 * (every graph against a reference, its own gold graph by default; optionally the pairwise matrix
 * and the per-fact timeline; JSON + CSV with --out) and prints the tables.
 */
import type { Command } from 'commander';
import { COMPARE_OPTIONS, compareFolders, type CompareFoldersOptions, type CompareFoldersResult, type CompareMode } from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { createProgressDisplay } from '../progress.js';
import { formatTable } from '../table.js';

export function registerCompareCommands(program: Command): void {
  const command = program
    .command('compare')
    .description('compare knowledge graphs: triple P/R/F1, P@1, AED, HED, aligned edit distance, FEATHER, POS profile')
    .argument('<dirs...>', 'kg folders written by `lmkg extract` (kg.json, gold_kg.json) or folders holding them (a run)');
  addTableOptions(command, COMPARE_OPTIONS)
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
    .action(async (dirs: string[], _options: unknown, self: Command) => {
      const options = tableValues<CompareFoldersOptions & { mode: CompareMode; reference: string }>(self, COMPARE_OPTIONS).values;
      const progress = createProgressDisplay({ label: 'compare' });
      let result: CompareFoldersResult;
      try {
        result = await compareFolders(dirs, {
          ...options,
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
      const view = results[0]?.comparison.graphView ?? options.graph;
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
