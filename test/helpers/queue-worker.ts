/**
 * @file A queue worker process for the queue tests: `runQueueWorker` (what `lmkg worker` runs) with
 * short lock, stall and lease intervals, logging every event as a line of `<log>`. A `victim`
 * kills itself with SIGKILL from its progress hook at the first extractor stage it sees (in the
 * middle of a cell, after the probe and the chance baseline); a `steady` worker runs until SIGTERM.
 * Usage: node --import tsx test/helpers/queue-worker.ts <redis-url> <log> victim|steady
 */
import { appendFileSync } from 'node:fs';
import { runQueueWorker } from '../../src/run/index.js';

const [url, log, role] = process.argv.slice(2) as [string, string, 'victim' | 'steady'];
const controller = new AbortController();
process.on('SIGTERM', () => controller.abort());
const line = (text: string): void => appendFileSync(log, `${text} ${role} ${process.pid}\n`);
await runQueueWorker({
  queue: url, signal: controller.signal, threads: 1,
  lockDurationMs: 2_000, stalledIntervalMs: 1_000, maxStalledCount: 3,
  lease: { heartbeatMs: 200, expiryMs: 3_000, pollMs: 100 },
  onEvent: (event) => {
    if (event.kind === 'ready') line('ready -');
    else if (event.kind === 'start') line(`start ${event.cell}`);
    else if (event.kind === 'done' || event.kind === 'failed') line(`${event.kind} ${event.cell}`);
    else if (event.kind === 'stage' && event.stage === 'extract' && role === 'victim') {
      line(`kill ${event.cell}`);
      process.kill(process.pid, 'SIGKILL');
    }
  },
});
line('stopped -');
