/**
 * @file `compareFolders(dirs, options)`: what `lmkg compare` does, as a library call. Every kg
 * folder (written by `lmkg extract` or a study cell: kg.json, gold_kg.json, the predictions file its
 * meta names) found at or below the given folders, in natural order, is compared with its own gold
 * graph or with one named graph; optionally the pairwise matrix and the per-fact timeline over the
 * graphs in order; with `out`, the results as JSON plus a CSV beside it (and `.timeline.csv`),
 * each written atomically.
 *
 * @example
 * const { rows } = await compareFolders(['runs/study/re-place-birth'], { metrics: ['facts', 'triples'] });
 * rows[0].factF1; // 0.41
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InvalidOptionError, NotFoundError, UsageError } from '../errors.js';
import { writeTextAtomic } from '../files.js';
import { readKnowledgeGraph } from '../kg/files.js';
import type { KnowledgeGraph } from '../kg/types.js';
import { readPredictions, readProbeMeta } from '../probe/predictions-file.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { naturalCompare } from '../natural-order.js';
import { LMKG_VERSION } from '../version.js';
import { compareGraphs, type GraphComparison } from './compare-graphs.js';
import type { CompareOptions, CompareProgress } from './compare-options.js';
import { COMPARE_DEFAULTS } from './defaults.js';
import { comparisonRow, comparisonRowsCsv, type ComparisonRow } from './comparison-table.js';
import { factTimeline, factTimelineCsv, type FactTimeline } from './fact-timeline.js';
import { pairwiseMatrix, type PairwiseMatrix } from './pairwise-matrix.js';

/** One kg folder, loaded. */
export interface KgFolder {
  name: string;
  dir: string;
  predicted: KnowledgeGraph;
  gold: KnowledgeGraph | null;
  /** The run's prediction records (from the predictions file the graph's meta names), or null. */
  records: PredictionRecord[] | null;
  uncased: boolean | 'auto';
  /** Why the records are missing, when they are. */
  note: string | null;
}

/** Options of `compareFolders`: the compare options that apply to folders of graphs. */
export interface CompareFoldersOptions extends Omit<CompareOptions, 'predictions' | 'uncased' | 'onProgress'> {
  /** `gold` (each graph against its own gold graph, default) or the name of one of the graphs. */
  reference?: string;
  /** Also the full pairwise matrix of the graphs. */
  matrix?: boolean;
  /** Also the per-fact timeline over the graphs in the order found (needs every predictions file). */
  timeline?: boolean;
  /** Read the predictions files (P@1, fact scores per relation, the timeline); default true. */
  readPredictions?: boolean;
  /** Write the results as JSON to this file, as CSV beside it (and `.timeline.csv`). */
  out?: string;
  onProgress?: (event: { graph: string; index: number; total: number; progress: CompareProgress }) => void;
}

/** What `compareFolders` computed and the files it wrote. */
export interface CompareFoldersResult {
  folders: KgFolder[];
  results: Array<{ folder: KgFolder; reference: string; comparison: GraphComparison }>;
  rows: ComparisonRow[];
  matrix: PairwiseMatrix | null;
  timeline: FactTimeline | null;
  /** Files written (with `out`). */
  written: string[];
}

/** Compares the kg folders at or below `dirs` (see the file comment). */
export async function compareFolders(dirs: readonly string[], options: CompareFoldersOptions = {}): Promise<CompareFoldersResult> {
  const { reference = COMPARE_DEFAULTS.reference, matrix: withMatrix = false, timeline: withTimeline = false, readPredictions: withRecords = COMPARE_DEFAULTS.readPredictions, out, onProgress, ...compare } = options;
  const folders = await loadKgFolders(dirs, withRecords);
  const byName = new Map(folders.map((folder) => [folder.name, folder]));
  const referenceFolder = reference === 'gold' ? null : findFolder(byName, reference);
  const results: CompareFoldersResult['results'] = [];
  for (const [index, folder] of folders.entries()) {
    const graph = referenceFolder === null ? folder.gold : referenceFolder.predicted;
    if (graph === null) throw new NotFoundError(`${folder.dir}: no gold_kg.json to compare with; run \`lmkg extract\` again or pass --reference <name>`);
    const comparison = compareGraphs(folder.predicted, graph, {
      ...compare,
      ...(folder.records === null ? {} : { predictions: folder.records, uncased: folder.uncased }),
      ...(onProgress ? { onProgress: (progress: CompareProgress) => onProgress({ graph: folder.name, index, total: folders.length, progress }) } : {}),
    });
    if (folder.note !== null) comparison.notes.push(folder.note);
    results.push({ folder, reference: referenceFolder === null ? `${folder.name} (gold)` : referenceFolder.name, comparison });
  }
  const rows = results.map(({ folder, reference: name, comparison }) => comparisonRow(folder.name, name, comparison));
  const matrix = withMatrix
    ? pairwiseMatrix(folders.map((f) => ({ name: f.name, kg: f.predicted })), { ...compare, ...(compare.metrics ? { metrics: compare.metrics.filter((m) => m !== 'exact') } : {}) })
    : null;
  let timeline: FactTimeline | null = null;
  if (withTimeline) {
    const missing = folders.find((f) => f.records === null);
    if (missing !== undefined) {
      throw new UsageError(`compareFolders: no predictions for ${missing.name} (${missing.note ?? 'predictions not read'}); the timeline needs every run's predictions file`);
    }
    timeline = factTimeline(folders.map((f) => ({ name: f.name, records: f.records! })));
  }
  const written: string[] = [];
  if (out !== undefined) {
    const json = {
      lmkgVersion: LMKG_VERSION,
      createdAt: new Date().toISOString(),
      mode: results[0]?.comparison.mode ?? compare.mode ?? null,
      reference,
      /** The folder-level options; each graph's comparison options are in its `options`. */
      options: { reference, matrix: withMatrix, timeline: withTimeline, readPredictions: withRecords },
      graphs: results.map(({ folder, reference: name, comparison }) => ({ name: folder.name, dir: folder.dir, referenceName: name, meta: folder.predicted.getAttributes(), ...comparison })),
      rows,
      ...(matrix === null ? {} : { matrix }),
      ...(timeline === null ? {} : { timeline }),
    };
    const csv = withExtension(out, '.csv');
    await writeTextAtomic(out, `${JSON.stringify(json, null, 2)}\n`);
    await writeTextAtomic(csv, comparisonRowsCsv(rows));
    written.push(out, csv);
    if (timeline !== null) {
      const timelineCsv = withExtension(out, '.timeline.csv');
      await writeTextAtomic(timelineCsv, factTimelineCsv(timeline));
      written.push(timelineCsv);
    }
  }
  return { folders, results, rows, matrix, timeline, written };
}

/** Finds the kg folders under each path and loads their graphs (and predictions). */
export async function loadKgFolders(paths: readonly string[], withRecords = true): Promise<KgFolder[]> {
  const found: Array<{ dir: string; name: string }> = [];
  for (const arg of paths) {
    const path = resolve(arg);
    if (!existsSync(path)) throw new NotFoundError(`compareFolders: ${arg}: no such file or folder`);
    const root = statSync(path).isFile() ? dirname(path) : path;
    const dirs = findKgFolders(root);
    if (dirs.length === 0) throw new NotFoundError(`compareFolders: ${arg}: no kg.json in it or below it; give folders written by \`lmkg extract\``);
    for (const dir of dirs) found.push({ dir, name: dir === root ? basename(root) : relative(root, dir).split('\\').join('/') });
  }
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  const folders: KgFolder[] = [];
  for (const { dir, name } of found) {
    const predicted = await readKnowledgeGraph(join(dir, 'kg.json'));
    const goldFile = join(dir, 'gold_kg.json');
    const gold = existsSync(goldFile) ? await readKnowledgeGraph(goldFile) : null;
    let records: PredictionRecord[] | null = null;
    let uncased: boolean | 'auto' = 'auto';
    let note: string | null = null;
    const file = predicted.getAttribute('predictionsFile');
    if (withRecords && typeof file === 'string') {
      const at = [resolve(file), resolve(dir, file), join(dir, basename(file))].find((candidate) => existsSync(candidate));
      if (at === undefined) note = `predictions file ${file} not found: no P@1`;
      else {
        records = readPredictions(at);
        const meta = readProbeMeta(at);
        if (meta !== null) uncased = meta.model.uncased;
      }
    }
    folders.push({ name: (counts.get(name) ?? 0) > 1 ? relative(process.cwd(), dir) : name, dir, predicted, gold, records, uncased, note });
  }
  return folders;
}

/** Folders at or below `root` that hold a kg.json, in natural order. */
export function findKgFolders(root: string): string[] {
  if (existsSync(join(root, 'kg.json'))) return [root];
  const out: string[] = [];
  const walk = (dir: string) => {
    const children = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
      .map((d) => d.name)
      .sort(naturalCompare);
    for (const child of children) {
      const path = join(dir, child);
      if (existsSync(join(path, 'kg.json'))) out.push(path);
      else walk(path);
    }
  };
  walk(root);
  return out;
}

function findFolder(byName: Map<string, KgFolder>, reference: string): KgFolder {
  const exact = byName.get(reference);
  if (exact !== undefined) return exact;
  const matches = [...byName.values()].filter((f) => f.name.endsWith(`/${reference}`) || f.name.startsWith(`${reference}/`) || f.predicted.getAttribute('model') === reference);
  if (matches.length === 1) return matches[0]!;
  throw new InvalidOptionError(
    `--reference "${reference}": ${matches.length === 0 ? 'no graph has this name' : `${matches.length} graphs match`}; give gold or one of: ${[...byName.keys()].join(', ')}`,
  );
}

function withExtension(path: string, extension: string): string {
  return path.endsWith('.json') ? `${path.slice(0, -'.json'.length)}${extension}` : `${path}${extension}`;
}
