/**
 * @file `lmkg run ... --queue redis://host:port`: the submitter. It enqueues every cell that is not
 * done on the BullMQ queue (the reference model's cells at a higher priority), with retries and
 * exponential backoff, then follows the run: progress events from the workers, and the run folder
 * for the truth (a cell is finished when its job is gone and its record is written). It returns
 * when every cell is done or failed for good; runStudy then assembles.
 */
import type { Queue as QueueType } from 'bullmq';
import { cellDir, readCellRecord } from './cell-record.js';
import type { CellOutcome } from './cell-runner.js';
import { QUEUE_DEFAULTS } from './defaults.js';
import { cellJobId, openQueueConnection, type CellJob } from './queue-connection.js';
import type { ProgressReporter } from './run-study.js';
import { cellStatus } from './study-status.js';
import { planHash, type PlanCell, type StudyPlan } from './study-plan.js';

export interface SubmitOptions {
  signal?: AbortSignal;
  onProgress: ProgressReporter;
  attempts?: number;
  backoffMs?: number;
  pollMs?: number;
}

export interface SubmitTally {
  computed: number;
  skipped: number;
  outcomes: CellOutcome[];
}

export async function submitToQueue(runDir: string, plan: StudyPlan, url: string, options: SubmitOptions): Promise<SubmitTally> {
  const { Queue, QueueEvents } = await import('bullmq'); // loaded only by commands that use the queue
  const connection = await openQueueConnection(url);
  const queue: QueueType<CellJob> = new Queue<CellJob>(QUEUE_DEFAULTS.name, { connection });
  const events = new QueueEvents(QUEUE_DEFAULTS.name, { connection: connection.duplicate() });
  const hash = planHash(plan);
  const tally: SubmitTally = { computed: 0, skipped: 0, outcomes: [] };
  const pending = new Map<string, { cell: PlanCell; jobId: string }>();
  try {
    const jobs: Array<{ name: string; data: CellJob; opts: Record<string, unknown> }> = [];
    for (const cell of plan.cells) {
      if (cellStatus(runDir, plan, cell).state === 'done') {
        tally.skipped += 1;
        const outcome: CellOutcome = { cell, state: 'done', computed: false, record: readCellRecord(cellDir(runDir, cell)) };
        tally.outcomes.push(outcome);
        options.onProgress.finished(outcome);
        continue;
      }
      const data: CellJob = { runDir, cell: cell.id, plan: hash };
      const jobId = cellJobId(data);
      pending.set(jobId, { cell, jobId });
      jobs.push({
        name: 'cell', data, opts: {
          jobId, attempts: options.attempts ?? QUEUE_DEFAULTS.attempts, backoff: { type: 'exponential', delay: options.backoffMs ?? QUEUE_DEFAULTS.backoffMs },
          removeOnComplete: true, removeOnFail: true, priority: cell.model === plan.reference ? 1 : 2,
        },
      });
    }
    events.on('progress', ({ jobId, data }) => {
      const job = pending.get(jobId);
      const detail = data as { stage?: string; detail?: string } | null;
      if (job && detail?.stage) options.onProgress.stage(job.cell, detail.stage as never, detail.detail);
    });
    await events.waitUntilReady();
    if (jobs.length > 0) await queue.addBulk(jobs);
    options.onProgress.stage(plan.cells[0]!, 'queue', `${jobs.length} cells enqueued on ${url} (${QUEUE_DEFAULTS.name}); start workers with \`lmkg worker --queue ${url}\``);
    while (pending.size > 0) {
      if (options.signal?.aborted) break;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? QUEUE_DEFAULTS.pollMs));
      for (const { cell, jobId } of [...pending.values()]) {
        if (await queue.getJob(jobId)) continue; // waiting, active or waiting to retry
        const status = cellStatus(runDir, plan, cell);
        if (status.state === 'running') continue; // its job just finished; the record follows
        pending.delete(jobId);
        const record = readCellRecord(cellDir(runDir, cell));
        const outcome: CellOutcome = status.state === 'done'
          ? { cell, state: 'done', computed: true, record }
          : { cell, state: 'failed', computed: true, record: status.state === 'failed' ? record : null };
        if (status.state === 'missing') outcome.error = 'its job ended without a record (its workers stopped more often than maxStalledCount)';
        tally.computed += 1;
        tally.outcomes.push(outcome);
        options.onProgress.finished(outcome);
      }
    }
    for (const { cell } of pending.values()) tally.outcomes.push({ cell, state: 'stopped', computed: false, record: null });
  } finally {
    await events.close();
    await queue.close();
    connection.disconnect();
  }
  return tally;
}
