/**
 * @file Which models a study runs, in which order, under which folder names. A folder holding
 * `epoch-*` (or `step-*`, `checkpoint-*`) subfolders, or a path with `*` in its last part, expands
 * to its snapshots in natural order (epoch-10 after epoch-9): such a list is a timeline. Hub ids
 * (`org/name`) get safe folder names (`org__name`).
 */
import { naturalCompare } from '../natural-order.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { NotFoundError, UsageError } from '../errors.js';
import { SNAPSHOT_NAME } from './defaults.js';

/** A model of a study: its name and folder or hub id. */
export interface ModelEntry {
  /** What is passed to the probe: a local folder (absolute) or a hub id. */
  spec: string;
  /** Display name: the snapshot folder name, the local folder name or the hub id. */
  name: string;
  /** Safe folder name inside the run folder. */
  folder: string;
}

export interface ModelList {
  models: ModelEntry[];
  /** True when the models form an ordered series of snapshots. */
  timeline: boolean;
}


/** Expands the model arguments (see the file comment). */
export function expandModels(specs: readonly string[]): ModelList {
  if (specs.length === 0) throw new UsageError('run: give at least one model (--models)');
  const models: ModelEntry[] = [];
  let expanded = false;
  for (const spec of specs) {
    const snapshots = snapshotFolders(spec);
    if (snapshots) {
      expanded = true;
      for (const dir of snapshots) models.push(localEntry(dir));
    } else if (isLocal(spec)) {
      models.push(localEntry(resolve(spec)));
    } else {
      models.push({ spec, name: spec, folder: safeFolderName(spec) });
    }
  }
  disambiguate(models);
  const allSnapshots = models.length > 1 && models.every((m) => SNAPSHOT_NAME.test(basename(m.name)));
  return { models, timeline: expanded || allSnapshots };
}

/** `org/name` -> `org__name`; anything outside [A-Za-z0-9._-] -> `_`. */
export function safeFolderName(name: string): string {
  const safe = name.replace(/\//g, '__').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return safe.length > 0 ? safe : '_';
}

function isLocal(spec: string): boolean {
  return spec.startsWith('.') || spec.startsWith('/') || existsSync(spec);
}

/** The snapshot folders a spec stands for, or null when it is a single model. */
function snapshotFolders(spec: string): string[] | null {
  if (spec.includes('*')) {
    const parent = resolve(dirname(spec));
    const pattern = new RegExp(`^${basename(spec).split('*').map(escapeRegExp).join('.*')}$`);
    if (!existsSync(parent)) throw new NotFoundError(`run: models "${spec}": folder ${parent} does not exist`);
    const matches = readdirSync(parent).filter((name) => pattern.test(name) && statSync(join(parent, name)).isDirectory()).sort(naturalCompare);
    if (matches.length === 0) throw new NotFoundError(`run: models "${spec}" matches no folder`);
    return matches.map((name) => join(parent, name));
  }
  const dir = resolve(spec);
  if (!existsSync(dir) || !statSync(dir).isDirectory() || existsSync(join(dir, 'config.json'))) return null;
  const children = readdirSync(dir).filter((name) => SNAPSHOT_NAME.test(name) && existsSync(join(dir, name, 'config.json'))).sort(naturalCompare);
  return children.length > 0 ? children.map((name) => join(dir, name)) : null;
}

function localEntry(dir: string): ModelEntry {
  const name = basename(dir);
  return { spec: dir, name, folder: safeFolderName(name) };
}

/** Two models with one folder name (epoch-3 of two runs) are told apart by their parent folder. */
function disambiguate(models: ModelEntry[]): void {
  const counts = new Map<string, number>();
  for (const m of models) counts.set(m.folder, (counts.get(m.folder) ?? 0) + 1);
  for (const m of models) {
    if ((counts.get(m.folder) ?? 0) > 1 && m.spec.startsWith('/')) {
      m.name = `${basename(dirname(m.spec))}/${m.name}`;
      m.folder = safeFolderName(m.name);
    }
  }
  const seen = new Set<string>();
  for (const m of models) {
    if (seen.has(m.folder)) throw new UsageError(`run: model "${m.spec}" is listed twice`);
    seen.add(m.folder);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
