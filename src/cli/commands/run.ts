/**
 * @file `lmkg run`: models x datasets x extractors -> one run folder with a report, in this process,
 * as one shard of a batch array (--shard), or through a work queue (--queue); `--status <run-dir>`
 * says where a study stands; `--prefetch` fetches what the workers will need. Options come from the
 * command line, over `lmkg.config.json` (or --config).
 */
import type { Command } from 'commander';
import {
  InvalidOptionError, prefetchStudy, readRunConfig, RUN_CONFIG_SCHEMA, RUN_DEFAULTS, runStudy, studyStatus, type ChanceView, type RunStudyOptions,
} from '../../index.js';
import { interruptSignal } from '../interrupt.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';
import { wholeNumber } from '../numbers.js';

const list = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

export function registerRunCommands(program: Command): void {
  program
    .command('run')
    .description('run a whole study: probe every model on every dataset, extract graphs, compare them, write the report')
    .option('--models <list>', 'comma-separated: hub ids, model folders, a folder of epoch-* snapshots, or dir/epoch-*', list)
    .option('--datasets <list>', 'comma-separated dataset ids (squad, re-place-birth, re-date-birth, re-place-death, trex:<id>, file:<path>)', list)
    .option('--extractors <list>', `comma-separated extractors (default ${RUN_DEFAULTS.extractors.join(',')})`, list)
    .option('--out <dir>', 'run folder')
    .option('--config <file>', 'options file (default ./lmkg.config.json when present)')
    .option('--top-k <n>', 'predictions per blank', wholeNumber('--top-k'))
    .option('--batch-size <n>', 'sentences per forward pass', wholeNumber('--batch-size'))
    .option('--limit <n>', 'queries per dataset (file order)', wholeNumber('--limit'))
    .option('--template', 'one query per fact from the relation template')
    .option('--filter-judgments', "apply LAMA's Google-RE judgment filter")
    .option('--common-vocab <file>', 'rank over a common vocabulary (one token per line)')
    .option('--fill <rule>', 'how blanks are filled: whole-word (default; a word that starts at the blank), multi-token (1..k pieces) or raw (the top token, lmkg 0.1)')
    .option('--fill-pieces <n>', 'longest multi-token fill in pieces (default 3)', wholeNumber('--fill-pieces', { min: 1 }))
    .option('--graph <view>', 'which triples the graph metrics see: fact (default: those that touch the filled slot), context or all (the paper\'s graph)')
    .option('--chance <n>', 'chance baseline: shuffles of the fills per model and dataset (default 39; 0: none; only against the gold graph)', wholeNumber('--chance'))
    .option('--chance-block-size <n>', 'facts per permutation block of the chance baseline (default 4)', wholeNumber('--chance-block-size', { min: 2 }))
    .option('--compare-mode <mode>', 'exact-defs (published definitions) or paper (the paper\'s code)')
    .option('--reference <name>', 'compare with "gold" (default) or with this model\'s graph')
    .option('--bootstrap <n>', 'bootstrap replicates for the intervals (0: none)', wholeNumber('--bootstrap'))
    .option('--seed <n>', 'bootstrap seed', wholeNumber('--seed'))
    .option('--aed-max-nodes <n>', 'skip AED above this many nodes (HED is always computed)', wholeNumber('--aed-max-nodes'))
    .option('--fact-groups <holdout.json>', 'label facts seen / held out in training (holdout.json of lmkg train)')
    .option('--data-dir <dir>', 'data root (default: $LMKG_DATA_DIR, else the cache)')
    .option('--parser-model <file>', 'dependency-parser model file (default: trained once on UD English EWT and cached)')
    .option('--no-report', 'skip report.html')
    .option('--report-mode <mode>', 'auto (default: split above 8 MB of graphs), single (one self-contained report.html) or split (graphs loaded on demand)')
    .option('--max-cells <n>', 'stop after computing N cells (run again to continue)', wholeNumber('--max-cells'))
    .option('--shard <i/N>', 'compute only shard i of N (0-based): i/N, auto (a Slurm array task) or auto/N (a Kubernetes Indexed Job); then `lmkg report <out>`')
    .option('--queue <redis-url>', 'enqueue the cells on this Redis (redis://host:port) for `lmkg worker`s, follow them, then assemble')
    .option('--threads <n>', 'CPU threads for onnxruntime (default: cores, cgroup quota and SLURM_CPUS_PER_TASK, whichever is least)', wholeNumber('--threads', { min: 1 }))
    .option('--status <run-dir>', 'list the cells of a run folder: done, running, failed, missing; and exit')
    .option('--prefetch', 'download the data and hub models and train the parser (once, into the cache), then exit; run before starting workers')
    .option('--print-schema', 'print the JSON Schema of lmkg.config.json and exit')
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
    .action(async (cli: Record<string, unknown>) => {
      if (cli.printSchema) {
        console.log(JSON.stringify(RUN_CONFIG_SCHEMA, null, 2));
        return;
      }
      if (cli.status !== undefined) {
        printStatus(cli.status as string);
        return;
      }
      const file = readRunConfig((cli.config as string | undefined) ?? 'lmkg.config.json', cli.config !== undefined) ?? {};
      const fromCli: Record<string, unknown> = {
        models: cli.models, datasets: cli.datasets, extractors: cli.extractors, out: cli.out, topK: cli.topK, batchSize: cli.batchSize,
        limit: cli.limit, mode: cli.template ? 'template' : undefined, filterJudgments: cli.filterJudgments, commonVocab: cli.commonVocab,
        fill: cli.fill, fillPieces: cli.fillPieces, graph: cli.graph, chance: cli.chance, chanceBlockSize: cli.chanceBlockSize,
        compareMode: cli.compareMode, reference: cli.reference, bootstrap: cli.bootstrap, seed: cli.seed, aedMaxNodes: cli.aedMaxNodes,
        factGroups: cli.factGroups, dataDir: cli.dataDir, report: cli.report === false ? false : undefined, maxCells: cli.maxCells,
        reportMode: cli.reportMode, shard: cli.shard, queue: cli.queue, threads: cli.threads,
      };
      const merged = { ...file, ...Object.fromEntries(Object.entries(fromCli).filter(([, v]) => v !== undefined)) } as Partial<RunStudyOptions>;
      delete (merged as Record<string, unknown>).$schema;
      for (const required of ['models', 'datasets', 'out'] as const) {
        if (required === 'out' && cli.prefetch) continue;
        if (!merged[required]) throw new InvalidOptionError(`lmkg run needs --${required} (or "${required}" in lmkg.config.json)`);
      }
      if (merged.shard !== undefined && merged.queue !== undefined) throw new InvalidOptionError('lmkg run: give --shard or --queue, not both');
      if (cli.prefetch) {
        await prefetchStudy({
          models: merged.models!, extractors: merged.extractors ?? RUN_DEFAULTS.extractors, dataDir: merged.dataDir,
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
