/**
 * @file Where a model comes from: a local folder with `onnx/model.onnx`, a local folder with only
 * `model.safetensors` (exported to ONNX on first use and cached next to it, keyed by the weights'
 * sha256), or a Hugging Face hub id that transformers.js downloads and caches (the paper's names
 * map to ONNX conversions it can load; hub-download.ts checks every file). Every source ends as a
 * local folder.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheDir, sha256File } from '../data/index.js';
import { NotFoundError, UsageError } from '../errors.js';
import { HUB_DEFAULTS } from './defaults.js';
import { downloadHubRepo, HUB_RECORD_FILE, readHubRecord } from './hub-download.js';
import { hubEndpoint } from './hub-metadata.js';
import { LMKG_VERSION } from '../version.js';
import { loadCheckpoint } from './checkpoint.js';
import { writeJsonAtomic } from '../files.js';
import { exportOnnx, ONNX_OPSET } from './onnx-export.js';

/** The paper's model names and common hub names -> ONNX repos transformers.js loads. */
export const HUB_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  Bert: 'Xenova/bert-base-uncased',
  Roberta: 'Xenova/roberta-base',
  DistilBert: 'Xenova/distilbert-base-uncased',
  'bert-base-uncased': 'Xenova/bert-base-uncased',
  'bert-base-cased': 'Xenova/bert-base-cased',
  'roberta-base': 'Xenova/roberta-base',
  'distilbert-base-uncased': 'Xenova/distilbert-base-uncased',
  'distilbert-base-cased': 'Xenova/distilbert-base-cased',
});

/** A model folder or hub id resolved to a local folder and its ONNX file. */
export interface ResolvedModelSource {
  /** The model as the user named it. */
  spec: string;
  kind: 'folder' | 'hub';
  /** The hub repo, for hub models. */
  hubId: string | null;
  /** Local folder with config.json and the tokenizer files. */
  dir: string;
  /** The ONNX file to run. */
  onnxPath: string;
  /** sha256 of model.safetensors when the folder has one, else of the ONNX file: the weights' identity. */
  weightsSha256: string;
  /** What was done to get here (an export, a download), one sentence each. */
  notes: string[];
}

/** Where hub models come from and are cached. */
export interface ModelSourceOptions {
  /** Hub endpoint (default `$HF_ENDPOINT`, else https://huggingface.co/). */
  hubUrl?: string;
  /** Where hub downloads are cached (default `<lmkg cache>/hub`). */
  hubCacheDir?: string;
  /** A hub metadata request that takes longer fails (default HUB_DEFAULTS.timeoutMs). */
  hubTimeoutMs?: number;
  /** Progress of downloads (with the file and bytes while one arrives) and exports. */
  onProgress?: (event: { stage: 'download' | 'export'; message: string; file?: string; bytes?: number; total?: number | null }) => void;
}

const EXPORT_RECORD = 'model.onnx.lmkg.json';

/**
 * Resolves a model name or folder to a local folder with an ONNX file.
 * @example
 * const source = await resolveModelSource('./runs/epoch-0');
 * // { kind: 'folder', onnxPath: './runs/epoch-0/onnx/model.onnx', weightsSha256: '3f1c…', … }
 */
export async function resolveModelSource(spec: string, options: ModelSourceOptions = {}): Promise<ResolvedModelSource> {
  if (existsSync(spec)) return resolveFolder(spec, resolve(spec), options);
  if (/^(\.{1,2}[\\/]|[\\/]|~)/.test(spec) || spec.split('/').length > 2 || spec.endsWith('.onnx') || spec.endsWith('.json')) {
    throw new NotFoundError(`model "${spec}": no such folder; give a model folder (config.json, tokenizer.json and onnx/model.onnx or model.safetensors) or a hub id such as bert-base-uncased`);
  }
  return resolveHub(spec, options);
}

async function resolveFolder(spec: string, dir: string, options: ModelSourceOptions): Promise<ResolvedModelSource> {
  if (!statSync(dir).isDirectory()) throw new UsageError(`model "${spec}": is a file; give the model folder (with config.json, tokenizer.json and onnx/model.onnx or model.safetensors)`);
  for (const file of ['config.json', 'tokenizer.json']) {
    if (!existsSync(join(dir, file))) throw new NotFoundError(`model "${spec}": ${join(dir, file)} is missing; a model folder holds config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx or model.safetensors`);
  }
  const onnxPath = join(dir, 'onnx', 'model.onnx');
  const weights = join(dir, 'model.safetensors');
  const notes: string[] = [];
  if (!existsSync(weights)) {
    if (!existsSync(onnxPath)) throw new NotFoundError(`model "${spec}": neither onnx/model.onnx nor model.safetensors in ${dir}`);
    return { spec, kind: 'folder', hubId: null, dir, onnxPath, weightsSha256: await sha256File(onnxPath), notes };
  }
  const weightsSha256 = await sha256File(weights);
  if (existsSync(onnxPath)) {
    const record = readExportRecord(join(dir, 'onnx', EXPORT_RECORD));
    if (record === null) {
      notes.push(`using ${onnxPath} as it is (no lmkg export record ties it to model.safetensors)`);
      return { spec, kind: 'folder', hubId: null, dir, onnxPath, weightsSha256, notes };
    }
    if (record.weightsSha256 === weightsSha256) return { spec, kind: 'folder', hubId: null, dir, onnxPath, weightsSha256, notes };
  }
  // Export next to the weights when the folder is writable, else into the cache, keyed by the sha256.
  const cached = join(cacheDir(), 'onnx', weightsSha256, 'model.onnx');
  if (existsSync(cached) && readExportRecord(join(cached, '..', EXPORT_RECORD))?.weightsSha256 === weightsSha256) {
    return { spec, kind: 'folder', hubId: null, dir, onnxPath: cached, weightsSha256, notes: [`using the cached ONNX export ${cached}`] };
  }
  const target = writable(dir) ? onnxPath : cached;
  options.onProgress?.({ stage: 'export', message: `exporting ${weights} to ${target}` });
  const checkpoint = loadCheckpoint(dir);
  exportOnnx(checkpoint.config, checkpoint.weights, target);
  writeExportRecord(join(target, '..', EXPORT_RECORD), weightsSha256);
  notes.push(...checkpoint.notes, `exported model.safetensors to ${target}`);
  return { spec, kind: 'folder', hubId: null, dir, onnxPath: target, weightsSha256, notes };
}

interface ExportRecord { weightsSha256: string; lmkgVersion: string; opset: number }

function readExportRecord(file: string): ExportRecord | null {
  if (!existsSync(file)) return null;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as ExportRecord;
    return typeof record.weightsSha256 === 'string' ? record : null;
  } catch {
    return null;
  }
}

/** Records which weights an ONNX file was exported from (`onnx/model.onnx.lmkg.json`). */
export function writeExportRecord(file: string, weightsSha256: string): void {
  writeJsonAtomic(file, { weightsSha256, lmkgVersion: LMKG_VERSION, opset: ONNX_OPSET } satisfies ExportRecord);
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A hub model: the verified copy in the cache when there is one (no network), else downloaded and
 * verified (hub-download.ts). A copy from before lmkg verified downloads is used as it is.
 */
async function resolveHub(spec: string, options: ModelSourceOptions): Promise<ResolvedModelSource> {
  const hubId = HUB_ALIASES[spec] ?? spec;
  const hubCache = options.hubCacheDir ?? join(cacheDir(), 'hub');
  const dir = join(hubCache, hubId);
  const onnxPath = join(dir, 'onnx', 'model.onnx');
  const notes = hubId === spec ? [] : [`"${spec}" is the hub model ${hubId}`];
  if (readHubRecord(dir) === null) {
    if (HUB_DEFAULTS.files.every((file) => existsSync(join(dir, file))) && !existsSync(join(dir, HUB_RECORD_FILE))) {
      notes.push(`using ${dir} as it is (downloaded before lmkg verified hub downloads; delete it to download and verify again)`);
    } else {
      const endpoint = hubEndpoint(options.hubUrl);
      await downloadHubRepo(spec, hubId, {
        endpoint, cacheDir: hubCache, ...(options.hubTimeoutMs ? { timeoutMs: options.hubTimeoutMs } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      notes.push(`downloaded ${hubId} from ${endpoint} into ${dir} (sizes and hashes checked)`);
    }
  }
  return { spec, kind: 'hub', hubId, dir, onnxPath, weightsSha256: await sha256File(onnxPath), notes };
}

