#!/usr/bin/env node
/**
 * @file The `lmkg` command: a thin commander shell over the library (src/index.ts). Errors print
 * as one line (`lmkg: ...`); `--verbose` adds the stack. Each error kind has its exit code.
 */
import { Command, CommanderError } from 'commander';
import { LMKG_VERSION, LmkgError } from '../index.js';
import { registerDataCommands } from './commands/data.js';
import { registerReportCommands } from './commands/report.js';
import { registerTokenizerCommands } from './commands/tokenizer.js';
import { registerModelCommands } from './commands/model.js';
import { registerProbeCommands } from './commands/probe.js';
import { registerExtractCommands } from './commands/extract.js';
import { registerParserCommands } from './commands/parser.js';
import { registerCompareCommands } from './commands/compare.js';
import { registerTrainCommands } from './commands/train.js';
import { registerRunCommands } from './commands/run.js';
import { registerWorkerCommands } from './commands/worker.js';
import { registerDemoCommands } from './commands/demo.js';

export function buildProgram(): Command {
  const program = new Command('lmkg')
    .description('Interpret masked language models by turning what they predict into knowledge graphs')
    .version(LMKG_VERSION, '-V, --version')
    .option('--verbose', 'print stack traces with errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerDataCommands(program);
  // further command groups register here, one line each
  registerTrainCommands(program);
  registerRunCommands(program);
  registerWorkerCommands(program);
  registerDemoCommands(program);
  registerReportCommands(program);
  registerTokenizerCommands(program);
  registerModelCommands(program);
  registerProbeCommands(program);
  registerExtractCommands(program);
  registerParserCommands(program);
  registerCompareCommands(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version end here too, with exit code 0; commander already printed its message
      return error.exitCode;
    }
    const verbose = argv.includes('--verbose');
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lmkg: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return error instanceof LmkgError ? error.exitCode : 1;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
