/**
 * @file `lmkg run --prefetch`: everything a study's workers will read, fetched once before they
 * start (on a login node with internet, into the shared cache): LAMA and UD English EWT when
 * missing from the cache, the dependency parser trained and cached, and every hub model
 * downloaded and verified. Local model folders and data roots you named are only checked.
 */
import { dataRoot, fetchLama, lamaFolderProblem } from '../data/index.js';
import { resolveExtractor } from '../extract/index.js';
import { createProber } from '../probe/index.js';
import { fetchTreebank, loadNlp, treebankProblem } from '../nlp/index.js';
import { expandModels } from './model-list.js';

/** Options of `prefetchStudy`: the study's models and datasets. */
export interface PrefetchOptions {
  models: string[];
  extractors: string[];
  dataDir?: string | undefined;
  nlp?: { modelFile?: string; trainLimit?: number; cacheDir?: string } | undefined;
  onProgress?: (message: string) => void;
  signal?: AbortSignal | undefined;
}

/** Downloads what a study needs (models, data, parser) before it runs. */
export async function prefetchStudy(options: PrefetchOptions): Promise<void> {
  const say = options.onProgress ?? (() => {});
  const root = options.dataDir === undefined ? {} : { dataDir: options.dataDir };
  const cache = dataRoot(root).source === 'cache';
  const signal = options.signal ? { signal: options.signal } : {};
  if (cache && lamaFolderProblem(root)) {
    say(`LAMA: downloading into ${dataRoot(root).root}`);
    await fetchLama(signal);
  }
  const parser = options.extractors.some((name) => resolveExtractor(name).input === 'sentence');
  if (parser && options.nlp?.modelFile === undefined) {
    if (cache && treebankProblem(root)) {
      say(`UD English EWT: downloading into ${dataRoot(root).root}`);
      await fetchTreebank(signal);
    }
    say('the dependency parser: training it once (then cached)');
    const nlp = await loadNlp({ typeEntities: false, ...root, ...options.nlp });
    say(`the dependency parser: ${nlp.modelFile}`);
  }
  for (const model of expandModels(options.models).models) {
    if (model.spec.startsWith('/')) continue; // a local folder: nothing to fetch
    say(`${model.spec}: downloading and verifying (once, into the hub cache)`);
    const prober = await createProber(model.spec);
    await prober.dispose();
  }
}
