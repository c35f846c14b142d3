/**
 * @file What a process that runs cells shares between them: the loaded model while consecutive
 * cells use it (one model load per model in a one-process study, one per cell in a worker), one
 * memoised parser (the gold sentences recur in every model's cells; with several threads, a cell's
 * sentences are parsed into it on a pool of worker threads first: parse-pool.ts) and the chance
 * baseline's cache of refilled sentences (shared by the snapshots of a series, whose fills recur).
 */
import { createChanceCache } from '../compare/index.js';
import { resolveExtractor, type SentenceParser } from '../extract/index.js';
import { createProber, type Prober } from '../probe/index.js';
import { loadNlp, type ParsedSentence } from '../nlp/index.js';
import { createParsePool, PARSE_POOL_MIN_PER_THREAD, type ParsePool } from './parse-pool.js';
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
  /** Parses these sentences on the context's threads into the memo (when there are enough to pay for the threads). */
  prefillParses(texts: readonly string[]): Promise<void>;
  /** Cells that started computing so far. */
  started(): number;
  dispose(): Promise<void>;
}

export function createCellContext(runDir: string, plan: StudyPlan, options: CellContextOptions = {}): OwnedCellContext {
  let current: { folder: string; prober: Prober } | null = null;
  let parsers: { parse?: SentenceParser; rawParse?: SentenceParser } | null = null;
  // the memo of parses: the gold sentences recur in every model's cells
  const memo = new Map<string, ParsedSentence | ParsedSentence[]>();
  let pool: ParsePool | null = null;
  const nlpOptions = {
    ...(plan.settings.dataDir ? { dataDir: plan.settings.dataDir } : {}), ...plan.nlp, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  };
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
        const rawParse = (await loadNlp({ typeEntities: false, ...nlpOptions })).parse;
        const parse: SentenceParser = (text) => {
          let parsed = memo.get(text);
          if (parsed === undefined) memo.set(text, parsed = rawParse(text));
          return parsed;
        };
        parsers = { rawParse, parse };
      }
      return parsers;
    },
    async prefillParses(texts) {
      if (!needsParser || threads === null || threads < 2) return;
      const unparsed = [...new Set(texts)].filter((text) => !memo.has(text));
      if (unparsed.length < threads * PARSE_POOL_MIN_PER_THREAD) return;
      pool ??= createParsePool(threads, nlpOptions);
      const parsed = await pool.parseMany(unparsed);
      unparsed.forEach((text, i) => memo.set(text, parsed[i]!));
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
      await pool?.close();
      pool = null;
    },
  };
}
