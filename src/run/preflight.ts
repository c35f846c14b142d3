/**
 * @file Preflight of `lmkg run`: before the first model is probed, every dataset resolves and
 * reads, every model is a usable folder or a hub model that is cached or reachable (asked with a
 * short timeout), the parser the sentence extractors need is there or can be trained, the given
 * files exist, and the run folder can be written. One PreflightError lists every problem.
 */
import { existsSync } from 'node:fs';
import { datasetProblems } from '../data/index.js';
import { LmkgError, type PreflightProblem } from '../errors.js';
import { resolveExtractor } from '../extract/index.js';
import { modelProblems, type ModelPreflightOptions } from '../lm/index.js';
import { parserProblem } from '../nlp/index.js';
import { outputFolderProblem, throwIfProblems } from '../preflight.js';
import { expandModels } from './model-list.js';

export interface RunPreflightInput {
  models: readonly string[];
  datasets: readonly string[];
  out: string;
  extractors: readonly string[];
  dataDir?: string | undefined;
  /** The parser model file given (`--parser-model`), if any. */
  parserModel?: string | undefined;
  factGroups?: string | undefined;
  commonVocab?: string | undefined;
  hub?: ModelPreflightOptions;
}

/** Every problem of a study about to start (see the file comment). */
export async function runProblems(input: RunPreflightInput): Promise<PreflightProblem[]> {
  const problems: PreflightProblem[] = [];
  const folder = outputFolderProblem(input.out, '--out');
  if (folder) problems.push(folder);
  problems.push(...await datasetProblems(input.datasets, input.dataDir === undefined ? {} : { dataDir: input.dataDir }));
  let specs: string[] = [];
  try {
    specs = expandModels(input.models).models.map((m) => m.spec);
  } catch (error) {
    if (!(error instanceof LmkgError)) throw error;
    problems.push({ what: error.message, fix: 'give --models hub ids, model folders, a folder of epoch-* snapshots, or dir/epoch-*' });
    specs = input.models.filter((spec) => !spec.includes('*'));
  }
  problems.push(...await modelProblems(specs, input.hub ?? {}));
  if (input.extractors.some((name) => resolveExtractor(name).input === 'sentence')) {
    const parser = parserProblem({ modelFile: input.parserModel, ...(input.dataDir === undefined ? {} : { dataDir: input.dataDir }) });
    if (parser) problems.push(parser);
  }
  for (const [flag, file] of [['--fact-groups', input.factGroups], ['--common-vocab', input.commonVocab]] as const) {
    if (file !== undefined && !existsSync(file)) problems.push({ what: `${flag} ${file}: no such file`, fix: `give ${flag} an existing file, or leave it out` });
  }
  return problems;
}

/** Runs the preflight and throws one PreflightError listing every problem. */
export async function preflightRun(input: RunPreflightInput, command = 'run'): Promise<void> {
  throwIfProblems(command, await runProblems(input));
}
