/**
 * @file Short names for the datasets of one run, for tables, report titles and folders. A named
 * dataset (`squad`, `trex:P19`) is its own name. A `file:` dataset is its file's base name without
 * the extension (`file:/data/TREx/P19.jsonl` -> `P19`); when that equals a built-in id or another
 * dataset's name in the same run, the parent folders are put in front until it is unique
 * (`TREx-P19`). The full id (with the path) stays in run.json.
 *
 * @example
 * datasetNames(['file:/a/TREx/P19.jsonl', 'file:/b/Mine/P19.jsonl', 'squad'])
 * // Map { 'file:/a/TREx/P19.jsonl' => 'TREx-P19', 'file:/b/Mine/P19.jsonl' => 'Mine-P19', 'squad' => 'squad' }
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { NAMED_DATASETS } from './datasets.js';

/** The short name of every id (see the file comment); throws UsageError for an id listed twice. */
export function datasetNames(ids: readonly string[]): Map<string, string> {
  const seenIds = new Set<string>();
  for (const id of ids) {
    const key = id.startsWith('file:') ? `file:${resolve(id.slice('file:'.length))}` : id;
    if (seenIds.has(key)) throw new UsageError(`dataset "${id}" is listed twice`);
    seenIds.add(key);
  }
  const names = new Map<string, string>();
  const fixed = new Set<string>(Object.keys(NAMED_DATASETS).map(foldKey));
  for (const id of ids) if (!id.startsWith('file:')) fixed.add(foldKey(id));
  const files = ids.filter((id) => id.startsWith('file:'));
  // Parent folders each file name takes, raised for every file whose name is still taken.
  const depth = new Map<string, number>(files.map((id) => [id, 0]));
  for (let round = 0; round < 64; round += 1) {
    const proposed = new Map(files.map((id) => [id, fileName(id, depth.get(id)!)]));
    const counts = new Map<string, number>();
    for (const name of proposed.values()) counts.set(foldKey(name), (counts.get(foldKey(name)) ?? 0) + 1);
    const clashing = files.filter((id) => {
      const key = foldKey(proposed.get(id)!);
      return fixed.has(key) || counts.get(key)! > 1;
    });
    const growable = clashing.filter((id) => fileName(id, depth.get(id)! + 1) !== proposed.get(id));
    if (clashing.length === 0 || growable.length === 0) {
      // What no parent folder tells apart (P19.json and P19.jsonl side by side) keeps its whole id.
      for (const id of ids) names.set(id, clashing.includes(id) ? id : proposed.get(id) ?? id);
      return names;
    }
    for (const id of growable) depth.set(id, depth.get(id)! + 1);
  }
  for (const id of ids) names.set(id, id);
  return names;
}

/** `file:/a/b/TREx/P19.jsonl` with 1 parent -> `TREx-P19`. */
function fileName(id: string, parents: number): string {
  const path = resolve(id.slice('file:'.length));
  const parts = [basename(path, extname(path))];
  let dir = dirname(path);
  for (let i = 0; i < parents && dirname(dir) !== dir; i += 1) {
    parts.unshift(basename(dir));
    dir = dirname(dir);
  }
  return parts.join('-');
}

/** Names compare as folder names do on case-insensitive file systems. */
function foldKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]/g, '_');
}
