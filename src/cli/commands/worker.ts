/**
 * @file `lmkg worker --queue redis://host:port`: takes cells of any study enqueued by `lmkg run
 * --queue` from the BullMQ queue and computes them (each in a child process), until Ctrl-C or
 * SIGTERM (the cells running finish first) or, with --idle-exit, until no cell came for a while.
 */
import type { Command } from 'commander';
import { availableCpus, runQueueWorker, WORKER_OPTIONS } from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';

export function registerWorkerCommands(program: Command): void {
  const command = program
    .command('worker')
    .description('compute cells enqueued by `lmkg run --queue` (start any number, on any machine that shares the run folder)');
  addTableOptions(command, WORKER_OPTIONS)
    .addHelpText('after', '\nExamples:\n  $ lmkg worker --queue redis://head:6379\n  $ lmkg worker --queue redis://head:6379 --threads 8 --idle-exit 600')
    .action(async (_options: unknown, self: Command) => {
      const options = tableValues<{ queue: string; threads?: number; concurrency: number; idleExitSeconds?: number }>(self, WORKER_OPTIONS).values;
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
        ...options, threads, signal: controller.signal,
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
