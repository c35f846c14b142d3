/**
 * @file `lmkg demo` (npm start): the paper's knowledge-acquisition experiment on a laptop.
 */
import type { Command } from 'commander';
import { DEMO_OPTIONS, runDemo, type DemoProgress, type GroupRow } from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { interruptSignal } from '../interrupt.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';

export function registerDemoCommands(program: Command): void {
  const command = program
    .command('demo')
    .description('train a tiny RoBERTa on LAMA evidence (20% of subjects held out), probe every epoch, build and compare graphs, write the report');
  addTableOptions(command, DEMO_OPTIONS)
    .addHelpText('after', '\nExamples:\n  $ npm start            (= lmkg demo, about 33 minutes on 2 cores)\n  $ lmkg demo --quick    (about 2 minutes)\n  $ lmkg demo --pretrained')
    .action(async (_options: unknown, self: Command) => {
      const { parserModel, ...options } = tableValues<{ out: string; quick: boolean; pretrained: boolean; corpus?: string[]; epochs?: number; dataDir?: string; parserModel?: string }>(self, DEMO_OPTIONS).values;
      const interrupt = interruptSignal('stopping (every finished step is kept; run the demo again to continue)');
      const progress = createProgressDisplay({ label: 'demo', format: (v) => String(v) });
      try {
        const result = await runDemo({
          ...options, signal: interrupt.signal, onProgress: (event) => show(progress, event),
          ...(parserModel ? { nlp: { modelFile: parserModel } } : {}),
        });
        progress.stop();
        if (result.table) {
          const fmt = (v: number | null) => (v === null ? '-' : v.toFixed(3));
          const withInterval = (v: { low: number | null; high: number | null }, estimate: number | null) => `${fmt(estimate)} [${fmt(v.low)}, ${fmt(v.high)}]`;
          const chance = (row: GroupRow | undefined) => (row?.factF1Chance ? `${fmt(row.factF1Chance.mean)} [${fmt(row.factF1Chance.low)}, ${fmt(row.factF1Chance.high)}]` : '-');
          printTable([
            'snapshot', 'facts', 'P@1 seen [95% CI]', 'P@1 held-out [95% CI]', 'fact F1 seen [95% CI]', 'chance', 'fact F1 held-out [95% CI]', 'chance',
            'all-triple F1 seen', 'held-out',
          ], groupRows(result.table.rows).map(([snapshot, seen, held]) => [
            snapshot, `${seen?.facts ?? 0}/${held?.facts ?? 0}`,
            seen ? withInterval(seen.p1, seen.p1.estimate) : '-', held ? withInterval(held.p1, held.p1.estimate) : '-',
            seen ? withInterval(seen.factF1, seen.factF1.value) : '-', chance(seen), held ? withInterval(held.factF1, held.factF1.value) : '-', chance(held),
            seen ? fmt(seen.allTripleF1) : '-', held ? fmt(held.allTripleF1) : '-',
          ]));
          console.log(`fact F1: ${result.table.extractor} triples that touch the filled slot, scored per fact; chance: mean [95% band] of a permutation null ` +
            '(fills shuffled among the facts of a relation); all-triple F1: every triple, the paper\'s graph.');
          const d = result.table.lastDifference;
          if (d) console.log(`last epoch: P@1(seen) - P@1(held-out) = ${fmt(d.estimate)}, 95% interval [${fmt(d.low)}, ${fmt(d.high)}]`);
          const b = result.table.heldOutBaseline;
          if (b) {
            console.log(`most-frequent-object baseline on held-out facts (${Object.entries(b.objects).map(([relation, object]) => `${relation}: ${object}`).join(', ')}): ` +
              `P@1 ${withInterval(b.p1, b.p1.estimate)}`);
          }
          if (result.goals) {
            const said = (v: boolean | null) => (v === null ? 'n/a' : v ? 'yes' : 'no');
            console.log(`goals: seen above held-out at the last epoch: ${said(result.goals.seenAboveHeldOut)}; seen P@1 rises: ${said(result.goals.seenRises)}; ` +
              `held-out within the object baseline's interval: ${said(result.goals.heldOutAtBaseline)}`);
          }
        }
        console.log(`${result.study.cellsComputed} cells computed, ${result.study.cellsSkipped} already finished; ${result.trainedSteps} training steps`);
        console.log(result.reportFile ? `report: ${result.reportFile}` : `results in ${result.out}`);
      } finally {
        progress.stop();
        interrupt.dispose();
      }
    });
}

function show(progress: ReturnType<typeof createProgressDisplay>, event: DemoProgress): void {
  if (event.stage === 'train') {
    const e = event.event;
    if (e.stage === 'step') progress.update(e.step, e.totalSteps, `train epoch ${e.epoch}/${e.epochs} loss ${e.loss.toFixed(3)} ${Math.round(e.tokensPerSecond)} tok/s`);
    else if (e.stage === 'checkpoint') progress.log(`checkpoint ${e.name}`);
    else progress.log(e.message);
  } else if (event.stage === 'study') {
    const e = event.event;
    progress.update(e.cellsDone, e.cellsTotal, `${e.stage} ${e.cell}${e.detail ? ` ${e.detail}` : ''}`);
  } else if (event.stage === 'fetch') {
    progress.update(Math.round(event.bytes / 1e6), event.total === null ? null : Math.round(event.total / 1e6), `MB of ${event.what}`);
  } else if (event.stage === 'parser') {
    const e = event.event;
    if (e.stage === 'train') progress.update((e.epoch - 1) * e.sentences + e.done, e.epochs * e.sentences, `parser training, epoch ${e.epoch}/${e.epochs}`);
    else if (e.stage === 'load' || e.stage === 'save') progress.log(`${e.stage === 'load' ? 'loading' : 'saving'} the parser ${e.file}`);
  } else {
    progress.log(event.message);
  }
}

function groupRows<T extends { snapshot: string; group: string }>(rows: T[]): Array<[string, T | undefined, T | undefined]> {
  const snapshots = [...new Set(rows.map((r) => r.snapshot))];
  return snapshots.map((s) => [s, rows.find((r) => r.snapshot === s && r.group === 'seen'), rows.find((r) => r.snapshot === s && r.group === 'held-out')]);
}
