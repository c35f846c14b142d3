/**
 * @file `lmkg worker --queue redis://host:port`: takes cells of any study enqueued by `lmkg run
 * --queue` from the BullMQ queue and computes them (each in a child process), until Ctrl-C or
 * SIGTERM (the cells running finish first) or, with --idle-exit, until no cell came for a while.
 */
import type { Command } from 'commander';
import { availableCpus, QUEUE_DEFAULTS, runQueueWorker } from '../../index.js';
import { wholeNumber } from '../numbers.js';

export function registerWorkerCommands(program: Command): void {
  program
    .command('worker')
    .description('compute cells enqueued by `lmkg run --queue` (start any number, on any machine that shares the run folder)')
    .requiredOption('--queue <redis-url>', 'the Redis of the queue, e.g. redis://head:6379')
    .option('--threads <n>', 'CPU threads per cell (default: cores, cgroup quota and SLURM_CPUS_PER_TASK, whichever is least)', wholeNumber('--threads', { min: 1 }))
    .option('--concurrency <n>', `cells at once, each in its own process (default ${QUEUE_DEFAULTS.concurrency})`, wholeNumber('--concurrency', { min: 1 }))
    .option('--idle-exit <seconds>', 'stop when no cell came for this long (default: run until Ctrl-C or SIGTERM)', wholeNumber('--idle-exit', { min: 1 }))
    .addHelpText('after', '\nExamples:\n  $ lmkg worker --queue redis://head:6379\n  $ lmkg worker --queue redis://head:6379 --threads 8 --idle-exit 600')
    .action(async (options: { queue: string; threads?: number; concurrency?: number; idleExit?: number }) => {
      const controller = new AbortController();
      const stop = (): void => {
        process.stderr.write('\nstopping after the cells running now (Ctrl-C again to stop at once)\n');
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        controller.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const threads = options.threads ?? availableCpus();
      const result = await runQueueWorker({
        queue: options.queue, threads, signal: controller.signal,
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.idleExit ? { idleExitMs: options.idleExit * 1000 } : {}),
        onEvent: (event) => {
          if (event.kind === 'ready') console.log(`worker ready on ${event.queue} (${threads} threads per cell)`);
          else if (event.kind === 'start') console.log(`start ${event.runDir}/${event.cell} (try ${event.attempt})`);
          else if (event.kind === 'done') console.log(`done  ${event.runDir}/${event.cell} in ${(event.processMs / 1000).toFixed(1)} s`);
          else if (event.kind === 'failed') console.log(`FAILED ${event.runDir}/${event.cell}: ${event.error}`);
        },
      });
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.log(`worker stopped: ${result.cellsDone} cells done, ${result.cellsFailed} failed`);
    });
}
