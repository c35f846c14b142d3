/**
 * @file Preflight of the NLP layer: the dependency parser the sentence extractors need. It is a
 * given model file, or the cached model trained once on UD English EWT, which needs the treebank.
 */
import { existsSync, statSync } from 'node:fs';
import { NotFoundError, type PreflightProblem } from '../errors.js';
import { dataFixFor } from '../data/preflight.js';
import { dataRoot, type DataRootOptions } from '../data/paths.js';
import { treebankFiles, TREEBANK_NAME } from './treebank.js';

/** Whether the UD English EWT train and dev files are there (null) or the problem saying how to get them. */
export function treebankProblem(options: DataRootOptions = {}): PreflightProblem | null {
  try {
    treebankFiles('train', options);
    treebankFiles('dev', options);
    return null;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { root, source } = dataRoot(options);
    return {
      what: `the dependency parser: no ud/${TREEBANK_NAME} in ${source === 'cache' ? 'the cache' : source} (${root}) to train it on (once, then it is cached)`,
      fix: `${dataFixFor('ud', options)}; or --parser-model <file> (a model of \`lmkg parser train\`)`,
    };
  }
}

/** The parser's problem: a given model file that is missing, or no treebank to train one. */
export function parserProblem(options: DataRootOptions & { modelFile?: string | undefined }): PreflightProblem | null {
  if (options.modelFile !== undefined) {
    if (existsSync(options.modelFile) && statSync(options.modelFile).isFile()) return null;
    return { what: `--parser-model ${options.modelFile}: no such file`, fix: 'give a model file written by `lmkg parser train` (see `lmkg parser train --help`), or leave --parser-model out to use the cached parser' };
  }
  return treebankProblem(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
}
