/**
 * @file `lmkg probe` (fill every blank of a LAMA dataset with a model's top-k predictions) and
 * `lmkg metrics` (LAMA precision from a predictions file).
 */
import type { Command } from 'commander';
import { lamaMetrics, METRICS_OPTIONS, probe, PROBE_OPTIONS, readPredictions, readProbeMeta, sha256File, UsageError, type LamaMetrics, type MaskedLmOptions, type ProbeOptions } from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';

export function registerProbeCommands(program: Command): void {
  const command = program
    .command('probe')
    .description('fill the blanks of a LAMA dataset with a masked LM\'s top-k predictions (JSONL, resumable), then print LAMA metrics');
  addTableOptions(command, PROBE_OPTIONS)
    .addHelpText('after', '\nExamples:\n  $ lmkg probe --model ./runs/epoch-3 --dataset re-place-birth --out pob.jsonl\n  $ lmkg probe --model bert-base-uncased --dataset squad --top-k 5 --out squad.jsonl\n(an interrupted run resumes when run again with the same model, dataset and options)')
    .action(async (_options: unknown, self: Command) => {
      const { model, dataset, k, ...options } = tableValues<{ model: string; dataset: string; k: number } & ProbeOptions & MaskedLmOptions>(self, PROBE_OPTIONS).values;
      const display = createProgressDisplay({ label: 'probe' });
      const started = Date.now();
      try {
        const result = await probe(model, dataset, {
          ...options,
          onProgress: (event) => {
            if (event.stage === 'probe') display.update(event.done, event.total, 'sentences');
            else display.log(event.message);
          },
        });
        display.stop();
        const seconds = (Date.now() - started) / 1000;
        console.log(`${result.records.length} predictions in ${result.out} (${result.probedQueries} probed, ${result.resumedQueries} reused from an earlier run; ${seconds.toFixed(1)} s${result.probedQueries > 0 ? `, ${(result.probedQueries / seconds).toFixed(1)} sentences/s` : ''})`);
        if (result.skipped.length > 0) console.log(`skipped ${result.skipped.length} queries: ${result.skipped[0]!.reason}`);
        printMetrics(lamaMetrics(result.records, { k }));
        if (options.commonVocab !== undefined) printMetrics(lamaMetrics(result.records, { k, ranking: 'common' }));
      } finally {
        display.stop();
      }
    });

  const metrics = program
    .command('metrics')
    .description('LAMA metrics (P@1, P@k, MRR per relation and mean over relations) from a predictions file')
    .argument('<predictions>', 'a predictions.jsonl written by `lmkg probe`');
  addTableOptions(metrics, METRICS_OPTIONS)
    .action(async (file: string, _options: unknown, self: Command) => {
      const flags = tableValues<{ k: number; commonVocab?: string; json: boolean }>(self, METRICS_OPTIONS).values;
      const records = readPredictions(file);
      if (flags.commonVocab !== undefined) {
        const meta = readProbeMeta(file);
        const used = meta?.options.commonVocab ?? null;
        if (used === null) throw new UsageError(`${file} was probed without a common vocabulary; run \`lmkg probe ... --common-vocab ${flags.commonVocab}\` (ranks are computed at probe time)`);
        if (used.sha256 !== (await sha256File(flags.commonVocab))) {
          throw new UsageError(`${file} was probed with another common vocabulary (${used.file}); run \`lmkg probe ... --common-vocab ${flags.commonVocab}\``);
        }
      }
      const metrics = lamaMetrics(records, { k: flags.k, ranking: flags.commonVocab === undefined ? 'full' : 'common' });
      if (flags.json) console.log(JSON.stringify(metrics, null, 2));
      else printMetrics(metrics);
    });
}

const pct = (x: number): string => (100 * x).toFixed(2);

function printMetrics(m: LamaMetrics): void {
  console.log(`\nLAMA metrics (rank over the ${m.ranking === 'common' ? 'common' : 'full'} vocabulary; % of units whose gold is one token; unit = fact by mean log-prob, and sentence)`);
  printTable(
    ['relation', 'facts', 'excluded', `P@1`, `P@${m.k}`, 'MRR', 'sentences', `sent P@1`, `sent P@${m.k}`, 'sent MRR', `gold ⊂ top-${m.substringTop} (paper)`],
    [
      ...m.relations.map((r) => [r.relation, r.facts.counted, r.facts.excluded, pct(r.facts.p1), pct(r.facts.pk), pct(r.facts.mrr), r.sentences.counted, pct(r.sentences.p1), pct(r.sentences.pk), pct(r.sentences.mrr), pct(r.substring.share)]),
      ['mean over relations', null, null, pct(m.meanOverRelations.facts.p1), pct(m.meanOverRelations.facts.pk), pct(m.meanOverRelations.facts.mrr), null, pct(m.meanOverRelations.sentences.p1), pct(m.meanOverRelations.sentences.pk), pct(m.meanOverRelations.sentences.mrr), pct(m.meanOverRelations.substringShare)],
    ],
  );
  console.log(`"gold ⊂ top-${m.substringTop}" is the paper's looser count: the gold is a case-sensitive substring of one of the top-${m.substringTop} predicted words, over all sentences (${m.overall.substring.hits} of ${m.overall.substring.sentences}).`);
}
