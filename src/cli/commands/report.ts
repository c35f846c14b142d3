/**
 * @file `lmkg report <run-dir> [--serve] [--port N]`: for a run folder of `lmkg run` (study.json),
 * the assemble step — summary.csv, timelines, run.json and the report — once every cell is done
 * or failed (else it says which cells are missing); for a folder with only report-data.json,
 * (re)writes report.html from it. With --serve, serves the run folder on 127.0.0.1 until Ctrl-C.
 */
import type { Command } from 'commander';
import { assembleStudy, hasPlan, InvalidOptionError, REPORT_OPTIONS, serveReport, UsageError, writeReport } from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';

export function registerReportCommands(program: Command): void {
  const command = program
    .command('report')
    .description('assemble a study (summary.csv, run.json, report.html) once its cells are done; or write report.html from report-data.json; --serve serves it on 127.0.0.1')
    .argument('<run-dir>', 'a run folder written by `lmkg run`');
  addTableOptions(command, REPORT_OPTIONS)
    .addHelpText('after', '\nExamples:\n  $ lmkg report runs/epochs\n  $ lmkg report runs/epochs --serve --port 8080')
    .action(async (runDir: string, _options: unknown, self: Command) => {
      const options = tableValues<{ serve: boolean; port: number; reportMode?: 'auto' | 'single' | 'split' }>(self, REPORT_OPTIONS).values;
      if (!options.serve && self.getOptionValueSource('port') === 'cli') {
        throw new InvalidOptionError('lmkg report: --port needs --serve');
      }
      if (hasPlan(runDir)) {
        const assembled = await assembleStudy(runDir, { report: true, ...(options.reportMode ? { reportMode: options.reportMode } : {}) });
        if (!assembled.complete) {
          const list = assembled.missing.slice(0, 20).map((c) => `  ${c.id} (${c.state})`).join('\n');
          throw new UsageError(`lmkg report: ${assembled.missing.length} of the study's cells are not finished, so nothing was assembled:\n${list}${assembled.missing.length > 20 ? '\n  ...' : ''}\n`
            + `run the study (or its missing shards) again, or wait for its workers; \`lmkg run --status ${runDir}\` lists every cell`);
        }
        for (const failed of assembled.failed) console.error(`cell ${failed.id} failed: ${failed.error}`);
        console.log(`assembled ${runDir}: ${assembled.summary.length} summary rows${assembled.failed.length > 0 ? `, ${assembled.failed.length} failed cells (listed in the report)` : ''}`);
        console.log(`wrote ${assembled.reportFile}`);
      } else {
        const written = await writeReport(runDir);
        console.log(`wrote ${written.file} (${(written.bytes / 1e6).toFixed(2)} MB)`);
      }
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
