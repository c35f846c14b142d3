/**
 * @file Reading and writing knowledge-graph files; the format follows the extension (`.json`,
 * `.csv`, `.graphml`, `.gexf`). Writes are atomic: the text goes to a temporary file beside the
 * target, which is then renamed over it, so a reader never sees half a file.
 *
 * @example
 * await writeKnowledgeGraph(kg, 'out/kg.graphml');
 * const again = await readKnowledgeGraph('out/kg.graphml');
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidOptionError, NotFoundError } from '../errors.js';
import { writeTextAtomic } from '../files.js';
import type { BuildKnowledgeGraphOptions } from './build.js';
import { kgFromCsv, kgToCsv } from './csv.js';
import { kgFromGexf, kgToGexf } from './gexf.js';
import { kgFromGraphml, kgToGraphml } from './graphml.js';
import { loadKnowledgeGraph, saveKnowledgeGraph } from './json.js';
import type { KnowledgeGraph } from './types.js';

/** A knowledge graph file format. */
export type KgFileFormat = 'json' | 'csv' | 'graphml' | 'gexf';

/** The knowledge graph file formats lmkg reads and writes. */
export const KG_FILE_FORMATS: readonly KgFileFormat[] = Object.freeze(['json', 'csv', 'graphml', 'gexf'] as KgFileFormat[]);

/** The format of a path, from its extension. Throws InvalidOptionError for an unknown one. */
export function kgFileFormat(path: string): KgFileFormat {
  const extension = extname(path).slice(1).toLowerCase() as KgFileFormat;
  if (!KG_FILE_FORMATS.includes(extension)) {
    throw new InvalidOptionError(`knowledge-graph file ${path}: unknown extension "${extname(path)}"; use one of ${KG_FILE_FORMATS.map((f) => `.${f}`).join(', ')}`);
  }
  return extension;
}

/** The graph as text in a format. */
export function formatKnowledgeGraph(kg: KnowledgeGraph, format: KgFileFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(saveKnowledgeGraph(kg), null, 1)}\n`;
    case 'csv':
      return kgToCsv(kg);
    case 'graphml':
      return kgToGraphml(kg);
    case 'gexf':
      return kgToGexf(kg);
  }
}

/** Writes the graph to `path` (format from the extension), atomically; creates the folder. */
export async function writeKnowledgeGraph(kg: KnowledgeGraph, path: string): Promise<void> {
  await writeTextAtomic(path, formatKnowledgeGraph(kg, kgFileFormat(path)));
}

/**
 * Reads a graph file (format from the extension). CSV carries triples only; `csvOptions` says how
 * to build the graph from them. Throws NotFoundError for a missing file, DataFormatError for bad content.
 */
export async function readKnowledgeGraph(path: string, csvOptions: BuildKnowledgeGraphOptions = {}): Promise<KnowledgeGraph> {
  const format = kgFileFormat(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new NotFoundError(`readKnowledgeGraph: ${path}: no such file`, { cause: error });
  }
  switch (format) {
    case 'json':
      return loadKnowledgeGraph(text, path);
    case 'csv':
      return kgFromCsv(text, path, csvOptions);
    case 'graphml':
      return kgFromGraphml(text, path);
    case 'gexf':
      return kgFromGexf(text, path);
  }
}
