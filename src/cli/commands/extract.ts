/**
 * @file `lmkg extract`: a predictions file -> the predicted and gold knowledge graphs, their triple
 * sets and scores, written to a folder.
 */
import type { Command } from 'commander';
import { EXTRACT_OPTIONS, extractKnowledgeGraphsFromFile, writeExtractOutputs, type KgMode } from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';

interface ExtractCommandOptions {
  predictions: string;
  extractor: string;
  mode: KgMode;
  out: string;
  model?: string;
  gexf: boolean;
  dataDir?: string;
  parserModel?: string;
}

export function registerExtractCommands(program: Command): void {
  const command = program
    .command('extract')
    .description('extract triples from a predictions file and build the predicted and gold knowledge graphs');
  addTableOptions(command, EXTRACT_OPTIONS)
    .addHelpText('after', [
      '',
      'Writes kg.json, gold_kg.json, kg.csv, gold_kg.csv, intersection.csv, missed.csv, new.csv, the GraphML',
      'files of each graph and scores.json (counts, triple precision/recall/F1, where the graphs came from).',
      'The first run of a sentence extractor trains the dependency parser once (cached).',
      '',
      'Example:',
      '  $ lmkg extract --predictions runs/bert-re-place-birth.jsonl --extractor spacy --out kg/bert-spacy',
    ].join('\n'))
    .action(async (_options: unknown, self: Command) => {
      const options = tableValues<ExtractCommandOptions>(self, EXTRACT_OPTIONS).values;
      const progress = createProgressDisplay({ label: 'extract' });
      try {
        const result = await extractKnowledgeGraphsFromFile(options.predictions, {
          extractor: options.extractor,
          mode: options.mode,
          ...(options.model === undefined ? {} : { model: options.model }),
          nlp: {
            ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
            ...(options.parserModel === undefined ? {} : { modelFile: options.parserModel }),
          },
          onParserProgress: (event) => {
            if (event.stage === 'load' || event.stage === 'save') progress.log(`parser: ${event.stage} ${event.file}`);
            else progress.update(0, null, `parser: ${event.stage}`);
          },
          onProgress: (event) => progress.update(event.done, event.total, `${event.side} sentences`),
        });
        progress.stop();
        const files = await writeExtractOutputs(options.out, result, { gexf: options.gexf });
        const { diff } = result;
        printTable(['graph', 'nodes', 'edges'], [
          ['predicted (kg)', result.predicted.order, result.predicted.size],
          ['gold (gold_kg)', result.gold.order, result.gold.size],
          ['intersection', diff.intersection.order, diff.intersection.size],
          ['missed (gold only)', diff.missed.order, diff.missed.size],
          ['new (predicted only)', diff.new.order, diff.new.size],
        ]);
        const figure = (value: number | null) => (value === null ? '-' : value.toFixed(4));
        if (result.facts) {
          const f = result.facts.all;
          console.log(`fact triples, per fact (${result.extractor}): precision ${figure(f.precision)}  recall ${figure(f.recall)}  F1 ${figure(f.f1)}  (${f.facts} facts, ${result.facts.covered.facts} with a gold fact triple)`);
          const slot = result.coverage.gold.overall;
          console.log(`slot coverage (gold sentences): ${figure(slot.slot)}; fact coverage: ${figure(slot.fact)}`);
        } else {
          console.log('fact triples: the predictions file has no slot positions (written by lmkg 0.1); probe again for fact triples');
        }
        console.log(`all triples, the paper's graph (${result.extractor}, ${result.mode} mode): precision ${diff.precision.toFixed(4)}  recall ${diff.recall.toFixed(4)}  F1 ${diff.f1.toFixed(4)}`);
        console.log(`${result.records} records; wrote ${files.length} files to ${options.out}`);
        if (result.triples.predicted === 0 && result.triples.gold === 0) {
          process.stderr.write(`lmkg: note: the ${result.extractor} extractor found no triple in any sentence; the graphs are empty (try another --extractor)\n`);
        }
      } finally {
        progress.stop();
      }
    });
}
