/**
 * @file The child process a queue worker runs cells in (queue-worker.ts starts it with fork): it
 * takes one cell at a time over IPC, reads the study's plan from the run folder, runs the cell under
 * its lease, and sends progress and the outcome back. It stays for the worker's next cells (the
 * parser, its memo and a loaded model carry over, as in a one-process run) until the worker retires
 * it; when its worker dies (the IPC channel closes), it exits at once, leaving its lease to be taken
 * over. Importing this module does nothing; it runs only as a process's entry script.
 */
import { fileURLToPath } from 'node:url';
import { createCellContext, type OwnedCellContext } from './cell-context.js';
import { runStudyCell } from './cell-runner.js';
import type { CellProcessMessage, CellProcessRequest } from './queue-worker.js';
import { planHash, readPlan } from './study-plan.js';

let current: { key: string; ctx: OwnedCellContext } | null = null;
let progressOf: ((message: CellProcessMessage) => void) | null = null;

function send(message: CellProcessMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

async function runCell(request: CellProcessRequest): Promise<void> {
  const plan = readPlan(request.runDir);
  const cell = plan.cells.find((c) => c.id === request.cell);
  if (planHash(plan) !== request.plan || !cell) {
    await send({ type: 'outcome', state: 'failed', computed: false, error: `the run folder ${request.runDir} now holds another study (its study.json changed since the cell ${request.cell} was enqueued)`, seconds: null });
    return;
  }
  const key = `${request.runDir}\u0000${request.plan}\u0000${request.threads}`;
  if (current?.key !== key) {
    await current?.ctx.dispose();
    current = {
      key,
      ctx: createCellContext(request.runDir, plan, {
        threads: request.threads, ...(request.lease ? { lease: request.lease } : {}),
        onProgress: (_cell, stage, detail) => progressOf?.({ type: 'progress', stage, ...(detail ? { detail } : {}) }),
      }),
    };
  }
  progressOf = (message) => void send(message);
  const started = performance.now();
  try {
    const outcome = await runStudyCell(current.ctx, cell);
    await send({ type: 'outcome', state: outcome.state, computed: outcome.computed, error: outcome.record?.error?.message ?? outcome.error ?? null, seconds: (performance.now() - started) / 1000 });
  } finally {
    progressOf = null;
  }
}

function main(): void {
  process.on('disconnect', () => process.exit(70)); // the worker is gone, or retires this process: stop now
  let queue = Promise.resolve();
  process.on('message', (request: CellProcessRequest) => {
    queue = queue.then(() => runCell(request)).catch(async (error: unknown) => {
      await send({ type: 'outcome', state: 'failed', computed: true, error: error instanceof Error ? error.message : String(error), seconds: null });
    });
  });
  void send({ type: 'ready' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
