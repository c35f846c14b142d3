/**
 * @file `lmkg probe` (fill every blank of a LAMA dataset with a model's top-k predictions) and
 * `lmkg metrics` (LAMA precision from a predictions file).
 */
import type { Command } from 'commander';
import { DEVICES, InvalidOptionError, lamaMetrics, probe, readPredictions, readProbeMeta, sha256File, UsageError, type Device, type FillRule, type LamaMetrics } from '../../index.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';

interface ProbeFlags {
  model: string; dataset: string; out: string; topK: number; batchSize: number; limit?: number; template?: boolean;
  commonVocab?: string; dataDir?: string; overwrite?: boolean; threads?: number; device?: string; hubUrl?: string; k: number; fill?: string; fillPieces?: number;
}

export function registerProbeCommands(program: Command): void {
  program
    .command('probe')
    .description('fill the blanks of a LAMA dataset with a masked LM\'s top-k predictions (JSONL, resumable), then print LAMA metrics')
    .requiredOption('--model <model>', 'model folder (onnx/model.onnx or model.safetensors) or hub id (bert-base-uncased, roberta-base, distilbert-base-uncased, Bert, Roberta, DistilBert)')
    .requiredOption('--dataset <id>', 'squad, re-place-birth, re-date-birth, re-place-death, trex:<id> or file:<path>')
    .requiredOption('--out <file>', 'predictions file (JSONL); <file>.meta.json records what ran')
    .option('--top-k <n>', 'predictions kept per blank', (v) => parsePositive('--top-k', v), 10)
    .option('--batch-size <n>', 'sentences per forward pass', (v) => parsePositive('--batch-size', v), 32)
    .option('--limit <n>', 'probe only the first n queries', (v) => parsePositive('--limit', v))
    .option('--template', 'one query per fact from the relation template instead of the masked sentences')
    .option('--common-vocab <file>', 'also rank over this common vocabulary (one token per line, as LAMA\'s common_vocab files)')
    .option('--fill <rule>', 'how blanks are filled: whole-word (default), multi-token or raw (the top token, lmkg 0.1); P@k is the same for all')
    .option('--fill-pieces <n>', 'longest multi-token fill in pieces (default 3)', (v) => parsePositive('--fill-pieces', v))
    .option('--k <n>', 'k of the P@k printed at the end', (v) => parsePositive('--k', v), 10)
    .option('--data-dir <dir>', 'data root with lama/ (default: $LMKG_DATA_DIR, else the cache)')
    .option('--threads <n>', 'onnxruntime threads (default: one per core)', (v) => parsePositive('--threads', v))
    .option('--device <name>', 'cpu (default) or cuda (onnxruntime\'s CUDA execution provider; see README "GPU")')
    .option('--hub-url <url>', 'Hugging Face hub endpoint (default $HF_ENDPOINT, else huggingface.co)')
    .option('--overwrite', 'replace an output file that holds another run\'s predictions')
    .addHelpText('after', '\nExamples:\n  $ lmkg probe --model ./runs/epoch-3 --dataset re-place-birth --out pob.jsonl\n  $ lmkg probe --model bert-base-uncased --dataset squad --top-k 5 --out squad.jsonl\n(an interrupted run resumes when run again with the same model, dataset and options)')
    .action(async (flags: ProbeFlags) => {
      const display = createProgressDisplay({ label: 'probe' });
      const started = Date.now();
      try {
        const result = await probe(flags.model, flags.dataset, {
          topK: flags.topK, batchSize: flags.batchSize, out: flags.out, mode: flags.template ? 'template' : 'sentences',
          ...(flags.limit === undefined ? {} : { limit: flags.limit }),
          ...(flags.commonVocab === undefined ? {} : { commonVocab: flags.commonVocab }),
          ...(flags.fill === undefined ? {} : { fill: flags.fill as FillRule }),
          ...(flags.fillPieces === undefined ? {} : { fillPieces: flags.fillPieces }),
          ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
          ...(flags.threads === undefined ? {} : { threads: flags.threads }),
          ...(flags.device === undefined ? {} : { device: parseDevice(flags.device) }),
          ...(flags.hubUrl === undefined ? {} : { hubUrl: flags.hubUrl }),
          overwrite: flags.overwrite === true,
          onProgress: (event) => {
            if (event.stage === 'probe') display.update(event.done, event.total, 'sentences');
            else display.log(event.message);
          },
        });
        display.stop();
        const seconds = (Date.now() - started) / 1000;
        console.log(`${result.records.length} predictions in ${result.out} (${result.probedQueries} probed, ${result.resumedQueries} reused from an earlier run; ${seconds.toFixed(1)} s${result.probedQueries > 0 ? `, ${(result.probedQueries / seconds).toFixed(1)} sentences/s` : ''})`);
        if (result.skipped.length > 0) console.log(`skipped ${result.skipped.length} queries: ${result.skipped[0]!.reason}`);
        printMetrics(lamaMetrics(result.records, { k: flags.k }));
        if (flags.commonVocab !== undefined) printMetrics(lamaMetrics(result.records, { k: flags.k, ranking: 'common' }));
      } finally {
        display.stop();
      }
    });

  program
    .command('metrics')
    .description('LAMA metrics (P@1, P@k, MRR per relation and mean over relations) from a predictions file')
    .argument('<predictions>', 'a predictions.jsonl written by `lmkg probe`')
    .option('--k <n>', 'k of P@k', (v) => parsePositive('--k', v), 10)
    .option('--common-vocab <file>', 'rank over the common vocabulary the file was probed with (`lmkg probe --common-vocab <file>`)')
    .option('--json', 'print JSON')
    .action(async (file: string, flags: { k: number; commonVocab?: string; json?: boolean }) => {
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

function parsePositive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidOptionError(`${name} must be a positive whole number, got "${value}"`);
  return number;
}

function parseDevice(value: string): Device {
  if (!(DEVICES as readonly string[]).includes(value)) throw new InvalidOptionError(`--device must be one of ${DEVICES.join(', ')}, got "${value}"`);
  return value as Device;
}
