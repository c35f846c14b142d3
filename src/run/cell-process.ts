/**
 * @file The child process a queue worker runs one cell in (queue-worker.ts starts it with fork):
 * reads the study's plan from the run folder, runs the cell under its lease, sends progress and
 * its outcome to the worker over IPC, and exits. When its worker dies (the IPC channel closes), it
 * exits at once, leaving its lease to be taken over. Importing this module does nothing; it runs
 * only as a process's entry script.
 */
import { fileURLToPath } from 'node:url';
import { createCellContext } from './cell-context.js';
import { runStudyCell } from './cell-runner.js';
import type { CellProcessMessage } from './queue-worker.js';
import type { CellJob } from './queue-connection.js';
import { planHash, readPlan } from './study-plan.js';

interface CellProcessArgs extends CellJob {
  threads: number | null;
  lease: { heartbeatMs?: number; expiryMs?: number; pollMs?: number } | null;
}

async function main(): Promise<number> {
  process.on('disconnect', () => process.exit(70)); // the worker is gone: stop now, the lease expires at once
  const args = JSON.parse(process.argv[2] ?? '{}') as CellProcessArgs;
  const send = (message: CellProcessMessage): Promise<void> => new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
  const plan = readPlan(args.runDir);
  const cell = plan.cells.find((c) => c.id === args.cell);
  if (planHash(plan) !== args.plan || !cell) {
    await send({ type: 'outcome', state: 'failed', computed: false, error: `the run folder ${args.runDir} now holds another study (its study.json changed since the cell ${args.cell} was enqueued)`, seconds: null });
    return 0;
  }
  const ctx = createCellContext(args.runDir, plan, {
    threads: args.threads, ...(args.lease ? { lease: args.lease } : {}),
    onProgress: (_cell, stage, detail) => void send({ type: 'progress', stage, ...(detail ? { detail } : {}) }),
  });
  const started = performance.now();
  try {
    const outcome = await runStudyCell(ctx, cell);
    await send({ type: 'outcome', state: outcome.state, computed: outcome.computed, error: outcome.record?.error?.message ?? null, seconds: (performance.now() - started) / 1000 });
  } finally {
    await ctx.dispose();
  }
  return 0;
}

function finish(code: number): void {
  process.removeAllListeners('disconnect');
  process.disconnect?.();
  process.exitCode = code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(finish, (error: unknown) => {
    const message: CellProcessMessage = { type: 'outcome', state: 'failed', computed: true, error: error instanceof Error ? error.message : String(error), seconds: null };
    if (process.send) process.send(message, undefined, {}, () => finish(1));
    else finish(1);
  });
}
