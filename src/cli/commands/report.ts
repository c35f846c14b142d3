/**
 * @file `lmkg report <run-dir> [--serve] [--port N]`: (re)writes report.html from report-data.json;
 * with --serve, serves the run folder on 127.0.0.1 until Ctrl-C.
 */
import type { Command } from 'commander';
import { InvalidOptionError, serveReport, writeReport } from '../../index.js';
import { wholeNumber } from '../numbers.js';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('write <run-dir>/report.html from <run-dir>/report-data.json (one self-contained page); --serve serves it on 127.0.0.1')
    .argument('<run-dir>', 'a run folder written by `lmkg run`')
    .option('--serve', 'then serve the folder on 127.0.0.1 until Ctrl-C')
    .option('--port <n>', 'port for --serve (0 = a free port)', wholeNumber('--port', { min: 0, max: 65535 }), 0)
    .addHelpText('after', '\nExamples:\n  $ lmkg report runs/epochs\n  $ lmkg report runs/epochs --serve --port 8080')
    .action(async (runDir: string, options: { serve?: boolean; port: number }, command: Command) => {
      if (!options.serve && command.getOptionValueSource('port') === 'cli') {
        throw new InvalidOptionError('lmkg report: --port needs --serve');
      }
      const written = await writeReport(runDir);
      console.log(`wrote ${written.file} (${(written.bytes / 1e6).toFixed(2)} MB)`);
      if (!options.serve) return;
      const server = await serveReport(runDir, { port: options.port });
      console.log(`serving ${runDir} at ${server.url} (127.0.0.1 only; Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      console.log('stopped');
    });
}
