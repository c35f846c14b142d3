/**
 * @file The option table of `lmkg probe` (src/option-table.ts): its flags and their help are made
 * from it; the values are PROBE_DEFAULTS' and METRICS_DEFAULTS'.
 */
import { DEVICES } from '../lm/index.js';
import type { OptionSpec } from '../option-table.js';
import { METRICS_DEFAULTS, PROBE_DEFAULTS } from './defaults.js';
import { FILL_RULES } from './slot-fill.js';

/** The option table of `lmkg probe`: its flags, defaults and checks. */
export const PROBE_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'model', flag: '--model <model>', type: 'string', required: true, help: 'model folder (onnx/model.onnx or model.safetensors) or hub id (bert-base-uncased, roberta-base, distilbert-base-uncased, Bert, Roberta, DistilBert)' },
  { key: 'dataset', flag: '--dataset <id>', type: 'string', required: true, help: 'squad, re-place-birth, re-date-birth, re-place-death, trex:<id> or file:<path>' },
  { key: 'out', flag: '--out <file>', type: 'string', required: true, help: 'predictions file (JSONL); <file>.meta.json records what ran' },
  { key: 'topK', flag: '--top-k <n>', type: 'integer', min: 1, default: PROBE_DEFAULTS.topK, help: 'predictions kept per blank' },
  { key: 'batchSize', flag: '--batch-size <n>', type: 'integer', min: 1, default: PROBE_DEFAULTS.batchSize, help: 'sentences per forward pass' },
  { key: 'limit', flag: '--limit <n>', type: 'integer', min: 1, defaultText: 'every query', help: 'probe only the first n queries' },
  { key: 'mode', flag: '--template', type: 'enum', choices: ['sentences', 'template'], switchTo: 'template', default: PROBE_DEFAULTS.mode, help: 'one query per fact from the relation template (mode "template") instead of the masked sentences (mode "sentences")' },
  { key: 'filterJudgments', flag: '--filter-judgments', type: 'boolean', default: PROBE_DEFAULTS.filterJudgments, help: "apply LAMA's Google-RE judgment filter" },
  { key: 'commonVocab', flag: '--common-vocab <file>', type: 'string', defaultText: 'the full vocabulary', help: 'also rank over this common vocabulary (one token per line, as LAMA\'s common_vocab files)' },
  { key: 'fill', flag: '--fill <rule>', type: 'enum', choices: FILL_RULES, default: PROBE_DEFAULTS.fill, help: 'how blanks are filled: whole-word, multi-token or raw (the top token, lmkg 0.1); P@k is the same for all' },
  { key: 'fillPieces', flag: '--fill-pieces <n>', type: 'integer', min: 1, default: PROBE_DEFAULTS.fillPieces, help: 'longest multi-token fill in pieces' },
  { key: 'k', flag: '--k <n>', type: 'integer', min: 1, default: METRICS_DEFAULTS.k, help: 'k of the P@k printed at the end' },
  { key: 'dataDir', flag: '--data-dir <dir>', type: 'string', defaultText: '$LMKG_DATA_DIR, else the cache', help: 'data root with lama/' },
  { key: 'threads', flag: '--threads <n>', type: 'integer', min: 1, defaultText: 'one per core', help: 'onnxruntime threads' },
  // onnxruntime runs on the CPU unless told otherwise (src/lm/ort-session.ts)
  { key: 'device', flag: '--device <name>', type: 'enum', choices: DEVICES, default: DEVICES[0], help: 'cpu or cuda (onnxruntime\'s CUDA execution provider; see README "GPU")' },
  { key: 'hubUrl', flag: '--hub-url <url>', type: 'string', defaultText: '$HF_ENDPOINT, else huggingface.co', help: 'Hugging Face hub endpoint' },
  { key: 'overwrite', flag: '--overwrite', type: 'boolean', default: PROBE_DEFAULTS.overwrite, help: 'replace an output file that holds another run\'s predictions' },
] satisfies OptionSpec[]);

/** The option table of `lmkg metrics`: its flags, defaults and checks. */
export const METRICS_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'k', flag: '--k <n>', type: 'integer', min: 1, default: METRICS_DEFAULTS.k, help: 'k of P@k' },
  { key: 'commonVocab', flag: '--common-vocab <file>', type: 'string', defaultText: 'the full vocabulary', help: 'rank over the common vocabulary the file was probed with (`lmkg probe --common-vocab <file>`)' },
  { key: 'json', flag: '--json', type: 'boolean', default: false, help: 'print JSON' },
] satisfies OptionSpec[]);
