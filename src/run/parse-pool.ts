/**
 * @file Parsing on several CPU threads: the parser is synchronous JavaScript, so a cell given
 * `--threads N` parses the sentences it probed (predicted and gold) on N worker threads, each with
 * its own copy of the parser, before its extractors read them from the memo. The parser is
 * deterministic, so the parses (sent back by structured clone) equal those of one thread. Small
 * batches are parsed in place: a thread's start (loading the parser) costs more than it saves.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadNlpOptions, ParsedSentence } from '../nlp/index.js';

/** Fewer sentences than this per thread are parsed on the calling thread. */
export const PARSE_POOL_MIN_PER_THREAD = 2000;

export interface ParsePool {
  readonly threads: number;
  /** Parses `texts` across the threads, in order. */
  parseMany(texts: readonly string[]): Promise<ParsedSentence[]>;
  close(): Promise<void>;
}

export function createParsePool(threads: number, nlp: LoadNlpOptions): ParsePool {
  const self = fileURLToPath(import.meta.url);
  const typescript = self.endsWith('.ts');
  const entry = self.replace(/parse-pool\.(ts|js)$/, `parse-thread.${typescript ? 'ts' : 'js'}`);
  const workers: Array<{ worker: Worker; ready: Promise<void> }> = [];
  const pending = new Map<number, (parsed: ParsedSentence[]) => void>();
  let nextId = 0;
  const start = (): void => {
    while (workers.length < threads) {
      // under tsx (the tests) a worker thread needs tsx's loader registered before it imports the .ts entry
      const worker = typescript
        ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`, { eval: true, workerData: { lmkgParseThread: true, nlp } })
        : new Worker(entry, { workerData: { lmkgParseThread: true, nlp } });
      const ready = new Promise<void>((resolve, reject) => {
        worker.once('error', reject);
        worker.on('message', (message: { ready?: boolean; id?: number; parsed?: ParsedSentence[] }) => {
          if (message.ready) resolve();
          else if (message.id !== undefined) {
            pending.get(message.id)?.(message.parsed!);
            pending.delete(message.id);
          }
        });
      });
      workers.push({ worker, ready });
    }
  };
  return {
    threads,
    async parseMany(texts) {
      start();
      const size = Math.ceil(texts.length / workers.length);
      const batches = workers.map(async ({ worker, ready }, i) => {
        await ready;
        const id = nextId++;
        return new Promise<ParsedSentence[]>((resolve) => {
          pending.set(id, resolve);
          worker.postMessage({ id, texts: texts.slice(i * size, (i + 1) * size) });
        });
      });
      return (await Promise.all(batches)).flat();
    },
    async close() {
      await Promise.all(workers.splice(0).map(({ worker }) => worker.terminate()));
    },
  };
}
