/**
 * @file `lmkg data fetch | list | verify`.
 */
import type { Command } from 'commander';
import {
  availableDatasets, DATA_FETCH_OPTIONS, DATA_LIST_OPTIONS, DATA_VERIFY_OPTIONS, dataFolder, dataRoot, fetchLama, IntegrityError, loadLamaDataset,
  verifyLamaFolder, type DatasetStats,
} from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { createProgressDisplay, formatMegabytes } from '../progress.js';
import { printTable } from '../table.js';

export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('get, list and check the LAMA probe data');

  addTableOptions(data
    .command('fetch')
    .description('download LAMA data.zip into the cache (resumable, checksummed, installed atomically)'), DATA_FETCH_OPTIONS)
    .addHelpText('after', '\nExample:\n  $ lmkg data fetch\n  (installs into $LMKG_CACHE_DIR/lama, default ~/.cache/lmkg/lama)')
    .action(async (_options: unknown, self: Command) => {
      const options = tableValues<{ force: boolean; url?: string; retries: number }>(self, DATA_FETCH_OPTIONS).values;
      const progress = createProgressDisplay({ label: 'LAMA data.zip', format: formatMegabytes });
      try {
        const result = await fetchLama({
          ...(options.force ? { force: true } : {}),
          ...(options.url ? { url: options.url } : {}),
          retries: options.retries,
          onProgress: (event) => {
            if (event.stage === 'download') progress.update(event.bytes, event.total);
            else progress.log(event.message);
          },
        });
        progress.stop();
        console.log(result.downloaded
          ? `installed ${result.files} files into ${result.lamaFolder}`
          : `LAMA data already installed and verified in ${result.lamaFolder} (use --force to download again)`);
      } finally {
        progress.stop();
      }
    });

  addTableOptions(data
    .command('list')
    .description('list the datasets lmkg can see, with fact, sentence and skipped-sentence counts'), DATA_LIST_OPTIONS)
    .addHelpText('after', '\nExamples:\n  $ lmkg data list\n  $ lmkg data list --dataset re-place-birth\n  $ lmkg data list --dataset file:./my-probe.jsonl')
    .action(async (_options: unknown, self: Command) => {
      const options = tableValues<{ dataset?: string; dataDir?: string; json: boolean }>(self, DATA_LIST_OPTIONS).values;
      const root = options.dataDir === undefined ? {} : { dataDir: options.dataDir };
      const ids = options.dataset ? [options.dataset] : availableDatasets(root);
      const stats: DatasetStats[] = [];
      for (const id of ids) stats.push((await loadLamaDataset(id, root)).stats);
      if (options.json) {
        console.log(JSON.stringify(stats, null, 2));
        return;
      }
      if (!options.dataset) console.log(`data root: ${dataFolder('lama', root)} (from ${dataRoot(root).source})`);
      printTable(
        ['dataset', 'shape', 'facts', 'facts (judgment filter)', 'sentences', 'skipped', 'queries'],
        stats.map((s) => [s.dataset, s.shape, s.facts, s.factsAfterJudgmentFilter, s.sentences, s.skippedSentences, s.queries]),
      );
      console.log('skipped = sentences without exactly one [MASK] (as in the paper\'s code); queries = sentences - skipped');
      for (const s of stats.filter((x) => x.factIdsFromLines > 0)) {
        console.log(`${s.dataset}: ${s.factIdsFromLines} record${s.factIdsFromLines === 1 ? ' has' : 's have'} no "id" or "uuid"; ${s.factIdsFromLines === 1 ? 'its fact is' : 'their facts are'} named by line (line-<n>)`);
      }
    });

  addTableOptions(data
    .command('verify')
    .description('check the LAMA files against the official sha256 sums'), DATA_VERIFY_OPTIONS)
    .addHelpText('after', '\nExample:\n  $ LMKG_DATA_DIR=../shared/data lmkg data verify')
    .action(async (_options: unknown, self: Command) => {
      const options = tableValues<{ dataDir?: string }>(self, DATA_VERIFY_OPTIONS).values;
      const folder = dataFolder('lama', options.dataDir === undefined ? {} : { dataDir: options.dataDir });
      const checks = await verifyLamaFolder(folder);
      printTable(['file', 'status', 'sha256'], checks.map((c) => [c.file, c.status === 'unchecked' ? 'no sum' : c.status, c.actual ?? '-']));
      const summed = checks.filter((c) => c.status !== 'unchecked');
      const unchecked = checks.filter((c) => c.status === 'unchecked');
      const bad = summed.filter((c) => c.status !== 'ok');
      if (bad.length > 0) {
        throw new IntegrityError(`${bad.length} of ${summed.length} LAMA files in ${folder} fail their checks (${bad.map((c) => `${c.file}: ${c.status}`).join(', ')}); run \`lmkg data fetch --force\``);
      }
      if (unchecked.length > 0) {
        console.log(`${unchecked.length} file${unchecked.length === 1 ? '' : 's'} in ${folder} ha${unchecked.length === 1 ? 's' : 've'} no official sum in lmkg and ${unchecked.length === 1 ? 'was' : 'were'} not checked: ${unchecked.map((c) => c.file).join(', ')}`);
      }
      console.log(`all ${summed.length} files with an official sum in ${folder} match it`);
    });
}
