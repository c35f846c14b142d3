/**
 * @file `lmkg worker --queue redis://host:port`: takes cells from the BullMQ queue, any number of
 * workers on any number of machines sharing the run folder. Cells run in child processes
 * (cell-process.ts; one per concurrent cell, kept for several cells): parsing and graph edit
 * distances are long synchronous work that would block this process's event loop past BullMQ's
 * lock duration, and a crash of the model runtime takes only the child down. BullMQ is at-least-once — a job whose worker died is found stalled and
 * given to another — and the cell's lease makes the effect exactly-once: the second try finds the
 * first one's lease expired (or its work finished) and computes only what is missing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Job } from 'bullmq';
import { InvalidOptionError } from '../errors.js';
import { tryAcquireLease } from './cell-lease.js';
import { cellDir, cellKey, runtimeVersions, writeCellRecord, type CellRecord } from './cell-record.js';
import type { CellStage } from './cell-runner.js';
import { LEASE_DEFAULTS, QUEUE_DEFAULTS } from './defaults.js';
import { openQueueConnection, type CellJob } from './queue-connection.js';
import { planHash, readPlan } from './study-plan.js';

/** Options of `runQueueWorker`: queue URL, threads, stop signal. */
export interface QueueWorkerOptions {
  /** Redis URL of the queue. */
  queue: string;
  /** CPU threads for each cell's onnxruntime (default: onnxruntime's choice). */
  threads?: number | undefined;
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  lease?: { heartbeatMs?: number; expiryMs?: number; pollMs?: number };
  /** Stops taking cells when aborted (the cells running finish first). */
  signal?: AbortSignal;
  /** Stop when no cell came for this many seconds (default: run until the signal). */
  idleExitSeconds?: number;
  /** @deprecated the same in milliseconds; use idleExitSeconds. */
  idleExitMs?: number;
  /** Cells a child process runs before a fresh one replaces it (default QUEUE_DEFAULTS.cellsPerProcess). */
  cellsPerProcess?: number;
  onEvent?: (event: WorkerEvent) => void;
}

/** Events of a queue worker: cells started, done or failed. */
export type WorkerEvent =
  | { kind: 'ready'; queue: string }
  | { kind: 'start'; runDir: string; cell: string; attempt: number; jobId: string }
  | { kind: 'stage'; runDir: string; cell: string; stage: CellStage; detail?: string | undefined }
  | { kind: 'done' | 'failed'; runDir: string; cell: string; computed: boolean; error?: string | undefined; processMs: number; cellMs: number | null };

/** Cells a queue worker ran. */
export interface QueueWorkerResult {
  cellsDone: number;
  cellsFailed: number;
}

/** What a worker sends its cell process: one cell to run. */
export interface CellProcessRequest extends CellJob {
  threads: number | null;
  lease: { heartbeatMs?: number; expiryMs?: number; pollMs?: number } | null;
}

/** The messages a cell process sends its worker. */
export type CellProcessMessage =
  | { type: 'ready' }
  | { type: 'progress'; stage: CellStage; detail?: string }
  | { type: 'outcome'; state: 'done' | 'failed' | 'stopped'; computed: boolean; error: string | null; seconds: number | null };

/** Runs study cells from a redis queue until stopped. */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerResult> {
  const { Worker } = await import('bullmq'); // loaded only by commands that use the queue
  const connection = await openQueueConnection(options.queue);
  const result: QueueWorkerResult = { cellsDone: 0, cellsFailed: 0 };
  const pool = createCellProcessPool({ threads: options.threads, lease: options.lease, ...(options.cellsPerProcess ? { cellsPerProcess: options.cellsPerProcess } : {}) });
  let lastJobAt = performance.now();
  let active = 0;
  const processor = async (job: Job<CellJob>): Promise<{ state: string; computed: boolean }> => {
    active += 1;
    try {
      const { runDir, cell } = job.data;
      options.onEvent?.({ kind: 'start', runDir, cell, attempt: job.attemptsMade + 1, jobId: job.id ?? '' });
      const started = performance.now();
      const outcome = await pool.run(job.data, (stage, detail) => {
        void job.updateProgress({ stage, ...(detail ? { detail } : {}) }).catch(() => {});
        options.onEvent?.({ kind: 'stage', runDir, cell, stage, detail });
      });
      const processMs = performance.now() - started;
      const cellMs = outcome.seconds === null ? null : outcome.seconds * 1000;
      if (outcome.state === 'done') {
        result.cellsDone += 1;
        options.onEvent?.({ kind: 'done', runDir, cell, computed: outcome.computed, processMs, cellMs });
        return { state: outcome.state, computed: outcome.computed };
      }
      result.cellsFailed += 1;
      options.onEvent?.({ kind: 'failed', runDir, cell, computed: outcome.computed, error: outcome.error ?? outcome.state, processMs, cellMs });
      throw new Error(outcome.state === 'stopped' ? `cell ${cell} was not finished (its lease was taken over); retrying` : `cell ${cell} failed: ${outcome.error}`);
    } finally {
      active -= 1;
      lastJobAt = performance.now();
    }
  };
  const worker = new Worker<CellJob>(QUEUE_DEFAULTS.name, processor, {
    connection,
    concurrency: options.concurrency ?? QUEUE_DEFAULTS.concurrency,
    lockDuration: options.lockDurationMs ?? QUEUE_DEFAULTS.lockDurationMs,
    stalledInterval: options.stalledIntervalMs ?? QUEUE_DEFAULTS.stalledIntervalMs,
    maxStalledCount: options.maxStalledCount ?? QUEUE_DEFAULTS.maxStalledCount,
  });
  worker.on('error', () => {}); // connection hiccups: ioredis reconnects; a lost job is found stalled
  await worker.waitUntilReady();
  options.onEvent?.({ kind: 'ready', queue: options.queue });
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) return resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
    const idleExitMs = idleExitAfterMs(options);
    if (idleExitMs !== undefined) {
      const timer = setInterval(() => {
        if (active === 0 && performance.now() - lastJobAt > idleExitMs) {
          clearInterval(timer);
          resolve();
        }
      }, 250);
      options.signal?.addEventListener('abort', () => clearInterval(timer), { once: true });
    }
  });
  await worker.close();
  pool.close();
  connection.disconnect();
  return result;
}

interface CellProcessOptions {
  threads?: number | undefined;
  lease?: QueueWorkerOptions['lease'];
  /** Cells a child process runs before it is retired for a fresh one (bounds the memo's memory). */
  cellsPerProcess?: number;
}

export interface CellProcessPool {
  /** Runs one cell in an idle child process (started when none is idle). */
  run(job: CellJob, onProgress?: (stage: CellStage, detail?: string) => void): Promise<Extract<CellProcessMessage, { type: 'outcome' }>>;
  close(): void;
}

interface CellChild {
  child: ChildProcess;
  cells: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  ready: Promise<void>;
  listener: ((message: CellProcessMessage) => void) | null;
}

/**
 * Child processes for cells, each running one cell at a time and kept for the next (the parser and
 * its memo carry over) until it has run `cellsPerProcess` cells. From dist/ the child is
 * cell-process.js beside this module; under tsx (the tests) cell-process.ts with `--import tsx`.
 * When a child dies without an outcome (killed, out of memory), the cell is recorded as failed.
 */
export function createCellProcessPool(options: CellProcessOptions = {}): CellProcessPool {
  const self = fileURLToPath(import.meta.url);
  const typescript = self.endsWith('.ts');
  const entry = self.replace(/queue-worker\.(ts|js)$/, `cell-process.${typescript ? 'ts' : 'js'}`);
  const idle: CellChild[] = [];
  const all = new Set<CellChild>();
  const start = (): CellChild => {
    const child = fork(entry, [], { execArgv: typescript ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const entryChild: CellChild = {
      child, cells: 0, listener: null,
      exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
      ready: new Promise((resolve) => child.once('message', () => resolve())),
    };
    child.on('message', (message: CellProcessMessage) => entryChild.listener?.(message));
    all.add(entryChild);
    void entryChild.exited.then(() => all.delete(entryChild));
    return entryChild;
  };
  const retire = (entryChild: CellChild): void => {
    if (entryChild.child.connected) entryChild.child.disconnect();
  };
  return {
    async run(job, onProgress) {
      let reused = idle.pop();
      while (reused && !reused.child.connected) reused = idle.pop(); // died while idle
      const entryChild = reused ?? start();
      await Promise.race([entryChild.ready, entryChild.exited]);
      const outcome = await new Promise<Extract<CellProcessMessage, { type: 'outcome' }> | null>((resolve) => {
        entryChild.listener = (message) => {
          if (message.type === 'progress') onProgress?.(message.stage, message.detail);
          else if (message.type === 'outcome') resolve(message);
        };
        void entryChild.exited.then(() => resolve(null));
        const request: CellProcessRequest = { ...job, threads: options.threads ?? null, lease: options.lease ?? null };
        if (entryChild.child.connected) entryChild.child.send(request);
      });
      entryChild.listener = null;
      if (outcome) {
        entryChild.cells += 1;
        if (entryChild.cells >= (options.cellsPerProcess ?? QUEUE_DEFAULTS.cellsPerProcess)) retire(entryChild);
        else idle.push(entryChild);
        return outcome;
      }
      const exit = await entryChild.exited;
      const error = `the cell's process exited ${exit.signal ? `on signal ${exit.signal}` : `with code ${exit.code}`} before it finished`;
      await recordCrash(job, error, options);
      return { type: 'outcome', state: 'failed', computed: true, error, seconds: null };
    },
    close() {
      idle.splice(0);
      for (const entryChild of all) retire(entryChild);
    },
  };
}

/** Writes the failed record of a cell whose process died (its lease, left by a dead process of this host, is taken at once). */
async function recordCrash(job: CellJob, error: string, options: CellProcessOptions): Promise<void> {
  const plan = readPlan(job.runDir);
  if (planHash(plan) !== job.plan) return;
  const cell = plan.cells.find((c) => c.id === job.cell);
  if (!cell) return;
  const dir = cellDir(job.runDir, cell);
  const lease = tryAcquireLease(dir, { ...LEASE_DEFAULTS, ...options.lease });
  if (!lease) return; // another worker holds it: it will write the record
  try {
    const now = new Date().toISOString();
    const record: CellRecord = {
      cell: cell.id, dataset: cell.dataset, model: cell.model, status: 'failed', key: cellKey(plan, cell), error: { stage: 'process', message: error },
      weightsSha256: null, datasetFile: null, notApplicable: [], versions: runtimeVersions(), worker: { host: hostname(), pid: process.pid, threads: options.threads ?? null },
      startedAt: now, finishedAt: now, timings: {},
    };
    await writeCellRecord(dir, record);
  } finally {
    lease.release();
  }
}

/** idleExitSeconds in ms; the older idleExitMs still works, with a deprecation warning. */
function idleExitAfterMs(options: QueueWorkerOptions): number | undefined {
  if (options.idleExitSeconds !== undefined && options.idleExitMs !== undefined) throw new InvalidOptionError('runQueueWorker: give "idleExitSeconds" or the older "idleExitMs", not both');
  if (options.idleExitMs !== undefined) {
    process.emitWarning('runQueueWorker: option "idleExitMs" is deprecated; use "idleExitSeconds"', 'DeprecationWarning');
    return options.idleExitMs;
  }
  return options.idleExitSeconds === undefined ? undefined : options.idleExitSeconds * 1000;
}
