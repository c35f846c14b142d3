/**
 * @file What a process that runs cells shares between them: the loaded model while consecutive
 * cells use it (one model load per model in a one-process study, one per cell in a worker), one
 * memoised parser (the gold sentences recur in every model's cells) and the chance baseline's
 * cache of refilled sentences (shared by the snapshots of a series, whose fills recur).
 */
import { createChanceCache } from '../compare/index.js';
import { memoiseParser, resolveExtractor, type SentenceParser } from '../extract/index.js';
import { createProber, type Prober } from '../lm/index.js';
import { loadNlp } from '../nlp/index.js';
import type { CellContext } from './cell-runner.js';
import type { ModelEntry } from './model-list.js';
import type { StudyPlan } from './study-plan.js';
import { readFactGroups } from './study-timeline.js';

export interface CellContextOptions {
  threads?: number | null | undefined;
  /** Cache folder of the parser (default: $LMKG_CACHE_DIR, else ~/.cache/lmkg). */
  cacheDir?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Cells that may start computing (the rest stop; run again to finish). */
  maxCells?: number | undefined;
  lease?: CellContext['lease'];
  onProgress?: CellContext['onProgress'];
}

export interface OwnedCellContext extends CellContext {
  /** Cells that started computing so far. */
  started(): number;
  dispose(): Promise<void>;
}

export function createCellContext(runDir: string, plan: StudyPlan, options: CellContextOptions = {}): OwnedCellContext {
  let current: { folder: string; prober: Prober } | null = null;
  let parsers: { parse?: SentenceParser; rawParse?: SentenceParser } | null = null;
  let started = 0;
  const needsParser = plan.extractors.some((name) => resolveExtractor(name).input === 'sentence');
  const threads = options.threads ?? null;
  return {
    runDir,
    plan,
    threads,
    chanceCache: createChanceCache(),
    groups: plan.settings.factGroups ? readFactGroups(plan.settings.factGroups) : null,
    signal: options.signal,
    ...(options.lease ? { lease: options.lease } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    async prober(model: ModelEntry): Promise<Prober> {
      if (current?.folder === model.folder) return current.prober;
      await current?.prober.dispose();
      current = null;
      const prober = await createProber(model.spec, threads === null ? {} : { threads });
      current = { folder: model.folder, prober };
      return prober;
    },
    async parsers() {
      if (!needsParser) return {};
      if (!parsers) {
        const rawParse = (await loadNlp({
          typeEntities: false, ...(plan.settings.dataDir ? { dataDir: plan.settings.dataDir } : {}), ...plan.nlp,
          ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
        })).parse;
        parsers = { rawParse, parse: memoiseParser(rawParse) };
      }
      return parsers;
    },
    mayStart() {
      if (options.signal?.aborted || (options.maxCells !== undefined && started >= options.maxCells)) return false;
      started += 1;
      return true;
    },
    started: () => started,
    async dispose() {
      await current?.prober.dispose();
      current = null;
    },
  };
}
