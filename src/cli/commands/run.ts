/**
 * @file `lmkg run`: models x datasets x extractors -> one run folder with a report, in this process,
 * as one shard of a batch array (--shard), or through a work queue (--queue); `--status <run-dir>`
 * says where a study stands; `--prefetch` fetches what the workers will need. The flags come from
 * RUN_OPTIONS (src/run/options.ts); what the user typed goes over `lmkg.config.json` (or --config),
 * and the library fills in the defaults.
 */
import type { Command } from 'commander';
import {
  InvalidOptionError, prefetchStudy, readRunConfig, RUN_CONFIG_SCHEMA, RUN_OPTIONS, runStudy, studyStatus, type ChanceView, type RunStudyOptions,
} from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { interruptSignal } from '../interrupt.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';

export function registerRunCommands(program: Command): void {
  const command = program
    .command('run')
    .description('run a whole study: probe every model on every dataset, extract graphs, compare them, write the report');
  addTableOptions(command, RUN_OPTIONS)
    .addHelpText('after', [
      '',
      'Examples:',
      '  $ lmkg run --models runs/tiny --datasets re-place-birth,squad --extractors clause,svo-plus --out study',
      '  $ lmkg run --models bert-base-uncased,roberta-base --datasets squad --out pretrained',
      '  $ lmkg run --config lmkg.config.json',
      '  $ lmkg run --config lmkg.config.json --shard auto          # in a Slurm job array; then: lmkg report <out>',
      '  $ lmkg run --config lmkg.config.json --queue redis://head:6379   # with `lmkg worker --queue redis://head:6379` elsewhere',
      '  $ lmkg run --status study',
      '',
      'A re-run with the same --out skips finished cells; Ctrl-C leaves every finished file valid.',
    ].join('\n'))
    .action(async (_options: unknown, self: Command) => {
      // the library fills in the defaults: only what the user typed goes over the config file
      const { values: cli, explicit } = tableValues(self, RUN_OPTIONS);
      if (cli.printSchema) {
        console.log(JSON.stringify(RUN_CONFIG_SCHEMA, null, 2));
        return;
      }
      if (cli.status !== undefined) {
        printStatus(cli.status as string);
        return;
      }
      const file = readRunConfig((cli.config as string | undefined) ?? 'lmkg.config.json', explicit.config !== undefined) ?? {};
      const { config: _c, status: _s, prefetch: _p, printSchema: _ps, parserModel: _pm, ...given } = explicit;
      const merged = { ...file, ...given } as Partial<RunStudyOptions>;
      delete (merged as Record<string, unknown>).$schema;
      for (const required of ['models', 'datasets', 'out'] as const) {
        if (required === 'out' && cli.prefetch) continue;
        if (!merged[required]) throw new InvalidOptionError(`lmkg run needs --${required} (or "${required}" in lmkg.config.json)`);
      }
      if (merged.shard !== undefined && merged.queue !== undefined) throw new InvalidOptionError('lmkg run: give --shard or --queue, not both');
      if (cli.prefetch) {
        await prefetchStudy({
          models: merged.models!, extractors: merged.extractors ?? (cli.extractors as string[]), dataDir: merged.dataDir,
          ...(cli.parserModel ? { nlp: { modelFile: cli.parserModel as string } } : {}), onProgress: (message) => console.log(message),
        });
        console.log('prefetch done: the data, the parser and the hub models are in the cache');
        return;
      }
      const interrupt = interruptSignal('stopping after this cell (finished cells are kept; run again to continue)');
      const progress = createProgressDisplay({ label: 'run', format: (v) => String(v) });
      try {
        const result = await runStudy({
          ...(merged as RunStudyOptions),
          ...(cli.parserModel ? { nlp: { modelFile: cli.parserModel as string } } : {}),
          signal: interrupt.signal,
          onProgress: (e) => progress.update(e.cellsDone, e.cellsTotal, `${e.stage} ${e.cell}${e.detail ? ` ${e.detail}` : ''}`),
        });
        progress.stop();
        for (const failure of result.failed) console.error(`cell ${failure.cell} failed: ${failure.error}`);
        if (result.shard) {
          console.log(`shard ${result.shard.index}/${result.shard.count}: ${result.cellsComputed} cells computed, ${result.cellsSkipped} already finished, ${result.failed.length} failed`);
          console.log(`when every shard has finished: lmkg report ${result.out}   (lmkg run --status ${result.out} lists the cells)`);
          return;
        }
        printTable(['dataset', 'model', 'extractor', 'facts', 'P@1', 'fact F1', 'chance [95%]', 'p', 'slot cov.', 'all-triple F1', 'nodes', 'edges', 'HED'], result.summary.map((r) => [
          r.dataset, r.model, r.extractor, r.facts, fixed(r.p1), fixed(r.factF1), chanceBand(r.chance.factF1), r.chance.factF1?.p?.toFixed(3) ?? '-',
          fixed(r.slotCoverage), fixed(r.allTripleF1), r.nodes, r.edges, fixed(r.hed),
        ]));
        const view = result.summary[0]?.graph ?? 'fact';
        console.log(`fact F1: the triples that touch the filled slot, scored per fact; chance: permutation null of the fills; all-triple F1: the paper's graph. ` +
          `nodes, edges, HED: ${view === 'all' ? 'every triple' : `${view} triples`}.`);
        console.log(`${result.cellsComputed} cells computed, ${result.cellsSkipped} already finished${result.failed.length > 0 ? `, ${result.failed.length} failed (see above; the report lists them)` : ''}`);
        if (!result.complete) console.log(`stopped early; run the same command again to finish ${result.out}`);
        else console.log(result.reportFile ? `report: ${result.reportFile}` : `results in ${result.out}`);
      } finally {
        progress.stop();
        interrupt.dispose();
      }
    });
}

function printStatus(runDir: string): void {
  const status = studyStatus(runDir);
  printTable(['cell', 'state', 'detail'], status.cells.map((c) => [
    c.id, c.state, c.state === 'failed' ? c.error ?? '' : c.holder ? `${c.holder.host} pid ${c.holder.pid} since ${c.holder.since}` : '',
  ]));
  const { done, running, failed, missing } = status.counts;
  console.log(`${status.cells.length} cells: ${done} done, ${running} running, ${failed} failed, ${missing} missing`);
  if (running + missing === 0) console.log(`every cell is finished: lmkg report ${runDir} assembles the summary and the report`);
}

function fixed(value: number | null): string {
  return value === null ? '-' : value.toFixed(3);
}

function chanceBand(band: ChanceView | undefined): string {
  return band === undefined ? '-' : `${fixed(band.mean)} [${fixed(band.low)}, ${fixed(band.high)}]`;
}
