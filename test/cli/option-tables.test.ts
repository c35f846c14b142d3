/**
 * @file One option table per command (src/option-table.ts): for every command, commander's
 * registered default = the table's default = the JSON Schema's default (lmkg.config.json, for run)
 * = the value the command records in its output (run.json, the compare JSON, the probe's
 * .meta.json, the kg meta, train_run.json, lmkg_model.json, lmkg_tokenizer.json), each command
 * run once on tiny data;
 * and every flag's help ends with its default. demo, report, worker, metrics, data and parser are
 * checked on the first three only: the demo takes minutes, a worker needs Redis, the others record
 * no options (and the parser's training takes minutes).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { Command, Help } from 'commander';
import { registerCompareCommands } from '../../src/cli/commands/compare.js';
import { registerDataCommands } from '../../src/cli/commands/data.js';
import { registerDemoCommands } from '../../src/cli/commands/demo.js';
import { registerExtractCommands } from '../../src/cli/commands/extract.js';
import { registerModelCommands } from '../../src/cli/commands/model.js';
import { registerParserCommands } from '../../src/cli/commands/parser.js';
import { registerProbeCommands } from '../../src/cli/commands/probe.js';
import { registerReportCommands } from '../../src/cli/commands/report.js';
import { registerRunCommands } from '../../src/cli/commands/run.js';
import { registerTokenizerCommands } from '../../src/cli/commands/tokenizer.js';
import { registerTrainCommands } from '../../src/cli/commands/train.js';
import { registerWorkerCommands } from '../../src/cli/commands/worker.js';
import { tableValues } from '../../src/cli/option-flags.js';
import {
  COMPARE_OPTIONS, DATA_FETCH_OPTIONS, DATA_LIST_OPTIONS, DATA_VERIFY_OPTIONS, DEMO_OPTIONS, PARSE_OPTIONS, PARSER_EVAL_OPTIONS,
  PARSER_FETCH_OPTIONS, PARSER_TRAIN_OPTIONS, EXTRACT_OPTIONS, formatDefault, METRICS_OPTIONS, MODEL_INIT_OPTIONS, PROBE_OPTIONS, REPORT_OPTIONS, RUN_CONFIG_SCHEMA, RUN_OPTIONS, TRAIN_OPTIONS,
  resolveTableOptions, STUDY_SETTING_OPTIONS, tableDefaults, TOKENIZER_ENCODE_OPTIONS, TOKENIZER_TRAIN_OPTIONS, WORKER_OPTIONS, type OptionSpec, type OptionTable,
} from '../../src/index.js';
import { resolveCompareOptions } from '../../src/compare/compare-options.js';
import { readKnowledgeGraph } from '../../src/kg/index.js';
import { loadNlp } from '../../src/nlp/index.js';
import { runCli } from '../helpers/cli.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';

type Json = Record<string, unknown>;

interface CommandCase {
  /** The command's path under lmkg: `run`, `model init`. */
  name: string;
  register: (program: Command) => void;
  table: OptionTable;
  /** Where the command's output records an option's value (undefined: not recorded), once `outputs` ran. */
  recorded?: (spec: OptionSpec) => unknown;
  /** Keys given on the command line of that run (their recorded value is the given one, not the default). */
  given?: readonly string[];
}

let dir: string;
const out: { run?: Json; compare?: Json; probe?: Json; kgMeta?: Json; train?: Json; model?: Json; tokenizer?: Json } = {};

async function cli(args: string[]): Promise<void> {
  const result = await runCli(args, { timeoutMs: 300_000 });
  assert.equal(result.code, 0, `lmkg ${args.join(' ')}\n${result.stderr}`);
}

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

before(async () => {
  dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  const [model] = await makeTinyModels(dir, { names: ['epoch-0'] });
  const parser = (await loadNlp({ trainLimit: 2000, typeEntities: false })).modelFile;
  const study = join(dir, 'study');
  await cli(['run', '--models', model!, '--datasets', 're-place-birth', '--limit', '4', '--out', study, '--parser-model', parser, '--threads', '1']);
  out.run = readJson(join(study, 'run.json'));
  const compared = join(dir, 'compare.json');
  await cli(['compare', join(study, 're-place-birth'), '--out', compared]);
  out.compare = readJson(compared);
  const predictions = join(dir, 'probe.jsonl');
  await cli(['probe', '--model', model!, '--dataset', 're-place-birth', '--limit', '4', '--out', predictions, '--threads', '1']);
  out.probe = readJson(`${predictions}.meta.json`);
  const kgDir = join(dir, 'kg');
  await cli(['extract', '--predictions', predictions, '--out', kgDir, '--parser-model', parser]);
  out.kgMeta = (await readKnowledgeGraph(join(kgDir, 'kg.json'))).getAttributes() as Json;
  const corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, `${Array.from({ length: 40 }, (_, i) => `Person ${i} was born in Town ${i % 7} in ${1900 + i} .`).join('\n')}\n`);
  const trained = join(dir, 'train');
  await cli(['train', '--corpus', corpus, '--out', trained, '--max-steps', '1', '--epochs', '1', '--vocab-size', '300', '--min-frequency', '1', '--threads', '1']);
  out.train = readJson(join(trained, 'train_run.json'));
  const initialised = join(dir, 'init');
  await cli(['model', 'init', '--arch', 'roberta', '--tokenizer', join(dir, 'tokenizer'), '--out', initialised, '--no-onnx']);
  out.model = readJson(join(initialised, 'lmkg_model.json'));
  const wordpiece = join(dir, 'wordpiece');
  await cli(['tokenizer', 'train', '--type', 'wordpiece', '--corpus', corpus, '--vocab-size', '200', '--out', wordpiece]);
  out.tokenizer = readJson(join(wordpiece, 'lmkg_tokenizer.json'));
});

const graphOptions = (): Json => ((out.compare!.graphs as Json[])[0]!.options as Json);
const COMMANDS: CommandCase[] = [
  {
    name: 'run', register: registerRunCommands, table: RUN_OPTIONS,
    recorded: (spec) => (out.run!.args as Json)[spec.key],
    given: ['models', 'datasets', 'limit', 'out', 'parserModel', 'threads'],
  },
  {
    name: 'compare', register: registerCompareCommands, table: COMPARE_OPTIONS,
    recorded: (spec) => {
      const folderLevel = out.compare!.options as Json;
      if (spec.key in folderLevel) return folderLevel[spec.key];
      const value = graphOptions()[spec.key];
      return spec.key === 'metrics' ? (value as string).split(',') : value; // the record joins the metrics
    },
    given: ['out'],
  },
  {
    name: 'probe', register: registerProbeCommands, table: PROBE_OPTIONS,
    recorded: (spec) => (spec.key === 'batchSize' ? out.probe!.batchSize : (out.probe!.options as Json)[spec.key]),
    given: ['model', 'dataset', 'limit', 'out', 'threads'],
  },
  {
    name: 'extract', register: registerExtractCommands, table: EXTRACT_OPTIONS,
    recorded: (spec) => (out.kgMeta!.options as Json)[spec.key],
    given: ['predictions', 'out', 'parserModel'],
  },
  {
    name: 'train', register: registerTrainCommands, table: TRAIN_OPTIONS,
    recorded: (spec) => {
      if (spec.key === 'preset') return out.train!.preset;
      const config = out.train!.config as Json;
      return spec.key === 'dropout' ? config.hiddenDropout : config[spec.key];
    },
    given: ['corpus', 'out', 'maxSteps', 'epochs', 'vocabSize', 'minFrequency', 'threads'],
  },
  {
    name: 'model init', register: registerModelCommands, table: MODEL_INIT_OPTIONS,
    recorded: (spec) => (out.model!.init as Json)[spec.key],
    given: ['arch', 'tokenizer', 'out', 'onnx'],
  },
  {
    name: 'tokenizer train', register: registerTokenizerCommands, table: TOKENIZER_TRAIN_OPTIONS,
    recorded: (spec) => (spec.key === 'cased' ? !out.tokenizer!.lowercase : out.tokenizer![spec.key]),
    given: ['type', 'corpus', 'vocabSize', 'out'],
  },
  { name: 'tokenizer encode', register: registerTokenizerCommands, table: TOKENIZER_ENCODE_OPTIONS },
  { name: 'metrics', register: registerProbeCommands, table: METRICS_OPTIONS },
  { name: 'demo', register: registerDemoCommands, table: DEMO_OPTIONS },
  { name: 'report', register: registerReportCommands, table: REPORT_OPTIONS },
  { name: 'data fetch', register: registerDataCommands, table: DATA_FETCH_OPTIONS },
  { name: 'data list', register: registerDataCommands, table: DATA_LIST_OPTIONS },
  { name: 'data verify', register: registerDataCommands, table: DATA_VERIFY_OPTIONS },
  { name: 'parser fetch', register: registerParserCommands, table: PARSER_FETCH_OPTIONS },
  { name: 'parser train', register: registerParserCommands, table: PARSER_TRAIN_OPTIONS },
  { name: 'parser eval', register: registerParserCommands, table: PARSER_EVAL_OPTIONS },
  { name: 'parse', register: registerParserCommands, table: PARSE_OPTIONS },
  { name: 'worker', register: registerWorkerCommands, table: WORKER_OPTIONS },
];

function commandOf(c: CommandCase): Command {
  const program = new Command('lmkg');
  c.register(program);
  return c.name.split(' ').reduce((parent, name) => parent.commands.find((command) => command.name() === name)!, program);
}

test('for each command: commander default = option table default = JSON Schema default = the value its output records', () => {
  const schema = RUN_CONFIG_SCHEMA.properties as Record<string, { default?: unknown }>;
  for (const c of COMMANDS) {
    const command = commandOf(c);
    // every flag of the command comes from its table (commander's own --help aside)
    assert.deepEqual(command.options.map((o) => o.flags).sort(), c.table.filter((s) => s.flag).map((s) => s.flag!).sort(), `${c.name}: flags`);
    const { values } = tableValues(command, c.table);
    const defaults = command.opts();
    let recordedCount = 0;
    for (const spec of c.table) {
      const what = `${c.name} ${spec.flag ?? spec.key}`;
      const option = command.options.find((o) => o.flags === spec.flag)!;
      if (spec.switchTo !== undefined) assert.equal(defaults[option.attributeName()], false, what);
      else assert.deepEqual(defaults[option.attributeName()], spec.default, `${what}: commander's opts()`);
      assert.deepEqual(values[spec.key], spec.default, `${what}: read back under its key`);
      if (c.name === 'run' && spec.inFile !== false) assert.deepEqual(schema[spec.key]!.default, spec.default, `${what}: JSON Schema`);
      if (spec.default === undefined || !c.recorded || c.given?.includes(spec.key)) continue;
      const recorded = c.recorded(spec);
      if (recorded === undefined) continue; // an option the output does not record (e.g. --k, --gexf)
      assert.deepEqual(recorded, spec.default, `${what}: recorded in the output`);
      recordedCount += 1;
    }
    if (c.recorded) assert.ok(recordedCount >= 2, `${c.name}: only ${recordedCount} defaults found in the output`);
  }
  // the config file knows no field the table does not
  assert.deepEqual(Object.keys(schema).filter((k) => k !== '$schema').sort(), RUN_OPTIONS.filter((s) => s.inFile !== false).map((s) => s.key).sort());
});

test('the defaults recorded cover the settings that drifted: run and compare both bootstrap with seed 1337, AED budget in seconds', () => {
  const args = out.run!.args as Json;
  assert.equal(args.seed, 1337);
  assert.equal(graphOptions().bootstrapSeed, 1337);
  assert.equal(args.aedTimeBudgetSeconds, 120);
  assert.equal(graphOptions().aedTimeBudgetSeconds, 120);
  assert.equal(args.bootstrap, graphOptions().bootstrapReplicates);
  assert.equal(args.aedMaxNodes, graphOptions().aedMaxNodes);
});

test('every flag\'s help ends with its default, taken from the table', () => {
  const help = new Help();
  for (const c of COMMANDS) {
    const command = commandOf(c);
    for (const spec of c.table) {
      if (!spec.flag || spec.required) continue;
      const option = command.options.find((o) => o.flags === spec.flag)!;
      const shown = formatDefault(spec);
      assert.ok(shown, `${c.name} ${spec.flag}: the table gives no default text`);
      assert.ok(help.optionDescription(option).endsWith(`(default: ${shown})`), `${c.name} ${spec.flag}: "${help.optionDescription(option)}"`);
    }
    assert.match(command.helpInformation(), /--help/);
  }
});

test('the library takes the same tables: a bad value names the option; the AED budget in milliseconds still works, with a warning', async () => {
  assert.throws(() => resolveTableOptions('runStudy', STUDY_SETTING_OPTIONS, { seed: -1 }), /^InvalidOptionError: runStudy: option "seed" must be a whole number >= 0, got -1$/);
  assert.throws(() => resolveTableOptions('runStudy', STUDY_SETTING_OPTIONS, { aedTimeBudgetMs: 1000 }), /runStudy: unknown option "aedTimeBudgetMs"; known options: .*aedTimeBudgetSeconds/);
  assert.deepEqual(resolveTableOptions('runStudy', STUDY_SETTING_OPTIONS, {}), tableDefaults(STUDY_SETTING_OPTIONS));
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on('warning', onWarning);
  try {
    assert.equal(resolveCompareOptions('compareGraphs', { aedTimeBudgetMs: 5000 }).aedTimeBudgetSeconds, 5);
    assert.equal(resolveCompareOptions('compareGraphs', {}).aedTimeBudgetSeconds, 120);
    assert.throws(() => resolveCompareOptions('compareGraphs', { aedTimeBudgetMs: 5000, aedTimeBudgetSeconds: 5 }), /give "aedTimeBudgetSeconds" or the older "aedTimeBudgetMs", not both/);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    assert.deepEqual(warnings, ['compareGraphs: option "aedTimeBudgetMs" is deprecated; use "aedTimeBudgetSeconds" (seconds)']);
  } finally {
    process.off('warning', onWarning);
  }
});
