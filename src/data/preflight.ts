/**
 * @file Preflight of the data layer: every dataset a command will read, resolved and read through
 * once (so a malformed line stops the command before its long work, naming the file and line), and
 * the LAMA folder, with the command that fetches it.
 */
import { DataFormatError, LmkgError, NotFoundError, type PreflightProblem } from '../errors.js';
import { NAMED_DATASETS } from './datasets.js';
import { loadLamaDataset } from './load-dataset.js';
import { dataFolder, dataRoot, type DataRootOptions } from './paths.js';

/** The fix for a missing data subfolder, by where the root came from. */
export function dataFixFor(sub: 'lama' | 'ud', options: DataRootOptions = {}): string {
  const fetch = sub === 'lama' ? 'lmkg data fetch' : 'lmkg parser fetch';
  const { source } = dataRoot(options);
  if (source === 'cache') return `\`${fetch}\` (downloads into the cache), or set LMKG_DATA_DIR to a folder with ${sub}/`;
  return `point ${source} at a folder with ${sub}/, or unset it and run \`${fetch}\` (downloads into the cache)`;
}

/** Whether the data root has `lama/` (null) or the problem saying how to get it. */
export function lamaFolderProblem(options: DataRootOptions = {}): PreflightProblem | null {
  try {
    dataFolder('lama', options);
    return null;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { root, source } = dataRoot(options);
    return { what: `LAMA data: no lama/ in ${source === 'cache' ? 'the cache' : source} (${root})`, fix: dataFixFor('lama', options) };
  }
}

/**
 * The problems of a list of dataset ids: a missing LAMA folder once (for all named and trex:
 * datasets), then each dataset that cannot be resolved or read, with its own message.
 */
export async function datasetProblems(ids: readonly string[], options: DataRootOptions = {}): Promise<PreflightProblem[]> {
  const problems: PreflightProblem[] = [];
  const needLama = ids.filter((id) => !id.startsWith('file:') && (id in NAMED_DATASETS || id.startsWith('trex:')));
  const lama = needLama.length > 0 ? lamaFolderProblem(options) : null;
  if (lama) problems.push({ ...lama, what: `${lama.what}, needed for ${needLama.join(', ')}` });
  for (const id of ids) {
    if (lama && needLama.includes(id)) continue;
    try {
      await loadLamaDataset(id, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
    } catch (error) {
      if (!(error instanceof LmkgError)) throw error;
      const what = error.message.startsWith(`dataset "${id}"`) ? error.message : `dataset "${id}": ${error.message}`;
      problems.push({ what, fix: fixFor(error, id) });
    }
  }
  return problems;
}

function fixFor(error: LmkgError, id: string): string {
  if (error instanceof DataFormatError) return 'correct the file at the line and field named';
  if (error instanceof NotFoundError) return id.startsWith('trex:') ? '`lmkg data fetch` installs the T-REx relations' : 'check the path';
  return 'use one of squad, re-place-birth, re-date-birth, re-place-death, trex:<id>, file:<path>';
}
