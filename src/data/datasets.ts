/**
 * @file Dataset ids, as in the paper's code: `squad`, `re-place-birth`, `re-date-birth`,
 * `re-place-death`; plus `trex:<id>` (TREx/<id>.jsonl) and `file:<path>` (any LAMA-format JSONL).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidOptionError, NotFoundError } from '../errors.js';
import { dataFolder, type DataRootOptions } from './paths.js';

/** The named datasets and their files inside the `lama/` folder. */
export const NAMED_DATASETS: Readonly<Record<string, string>> = Object.freeze({
  squad: 'Squad/test.jsonl',
  're-place-birth': 'Google_RE/place_of_birth_test.jsonl',
  're-date-birth': 'Google_RE/date_of_birth_test.jsonl',
  're-place-death': 'Google_RE/place_of_death_test.jsonl',
});

/** A named dataset: its id, the files it reads and how. */
export interface DatasetRef {
  /** The id as given (`squad`, `trex:P19`, `file:/x/y.jsonl`). */
  id: string;
  /** The JSONL file it reads. */
  file: string;
  /** The `lama/` folder for relations.jsonl, or null for a `file:` dataset outside any data root. */
  lamaFolder: string | null;
}

const VALID_IDS = `${Object.keys(NAMED_DATASETS).join(', ')}, trex:<relation id> (e.g. trex:P19), file:<path to a LAMA-format .jsonl>`;

/** Resolves a dataset id to its file. Throws InvalidOptionError for an unknown id, NotFoundError for a missing file. */
export function resolveDataset(id: string, options: DataRootOptions = {}): DatasetRef {
  if (id.startsWith('file:')) {
    const path = id.slice('file:'.length);
    if (path === '') throw new InvalidOptionError(`dataset "${id}": file: needs a path, e.g. file:./my-probe.jsonl`);
    const file = resolve(path);
    if (!existsSync(file)) throw new NotFoundError(`dataset "${id}": ${file}: no such file`);
    return { id, file, lamaFolder: optionalLamaFolder(options) };
  }
  if (id.startsWith('trex:')) {
    const relation = id.slice('trex:'.length);
    if (!/^P\d+$/.test(relation)) throw new InvalidOptionError(`dataset "${id}": a T-REx id is trex:P<number>, e.g. trex:P19`);
    const lama = dataFolder('lama', options);
    const file = join(lama, 'TREx', `${relation}.jsonl`);
    if (!existsSync(file)) throw new NotFoundError(`dataset "${id}": ${file}: no such file (the T-REx files come with \`lmkg data fetch\`)`);
    return { id, file, lamaFolder: lama };
  }
  const relative = NAMED_DATASETS[id];
  if (relative === undefined) throw new InvalidOptionError(`unknown dataset "${id}"; valid ids: ${VALID_IDS}`);
  const lama = dataFolder('lama', options);
  const file = join(lama, relative);
  if (!existsSync(file)) throw new NotFoundError(`dataset "${id}": ${file}: no such file; run \`lmkg data fetch\` or set LMKG_DATA_DIR`);
  return { id, file, lamaFolder: lama };
}

/** Every dataset id present in the data root: the named ones, then `trex:` ids in file order. */
export function availableDatasets(options: DataRootOptions = {}): string[] {
  const lama = dataFolder('lama', options);
  const ids = Object.entries(NAMED_DATASETS)
    .filter(([, relative]) => existsSync(join(lama, relative)))
    .map(([id]) => id);
  const trex = join(lama, 'TREx');
  if (existsSync(trex)) {
    const files = readdirSync(trex).filter((name) => /^P\d+\.jsonl$/.test(name));
    files.sort((a, b) => Number(a.slice(1, -6)) - Number(b.slice(1, -6)));
    ids.push(...files.map((name) => `trex:${name.slice(0, -'.jsonl'.length)}`));
  }
  return ids;
}

function optionalLamaFolder(options: DataRootOptions): string | null {
  try {
    return dataFolder('lama', options);
  } catch {
    return null; // a file: dataset needs no data root; T-REx relation labels then fall back to ids
  }
}
