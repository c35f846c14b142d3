/**
 * @file A hub model, downloaded and checked. transformers.js downloads the repository's files into
 * its cache (`<hub cache>/<repo>/<file>`, from `env.remoteHost` + `env.remotePathTemplate`, set
 * from HF_ENDPOINT); it does not check what arrived, so lmkg does: before the download it asks the
 * hub for each file's size and hash (hub-metadata.ts), after it compares them, fetches a file
 * that does not match once more, and fails naming the file if it still does not. A verified
 * download is recorded in `<repo folder>/.lmkg-hub.json`; with that record a later run needs no
 * network at all. lmkg runs onnx/model.onnx in its own engine; transformers.js only downloads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IntegrityError, LmkgError, NetworkError, NotFoundError, UsageError } from '../errors.js';
import { writeJsonAtomic } from '../files.js';
import { LMKG_VERSION } from '../version.js';
import { HUB_DEFAULTS } from './defaults.js';
import { hubFileMetadata, hubFileMismatch, type HubFileMetadata } from './hub-metadata.js';

export const HUB_RECORD_FILE = '.lmkg-hub.json';

/** Progress events of `downloadHubRepo`. */
export interface HubDownloadProgress {
  stage: 'download';
  message: string;
  file?: string;
  bytes?: number;
  total?: number | null;
}

/** Options of `downloadHubRepo`: hub URL, cache folder, progress. */
export interface HubDownloadOptions {
  /** Hub endpoint without trailing slash (see hubEndpoint). */
  endpoint: string;
  /** transformers.js cache root; the repository lands in `<cacheDir>/<repo>`. */
  cacheDir: string;
  revision?: string;
  timeoutMs?: number;
  onProgress?: (event: HubDownloadProgress) => void;
}

/** What was downloaded from the hub: repository, revision and file hashes. */
export interface HubRecord {
  hubId: string;
  endpoint: string;
  revision: string;
  commit: string | null;
  lmkgVersion: string;
  verifiedAt: string;
  files: Record<string, { size: number | null; hash: HubFileMetadata['hash'] }>;
}

/** The verification record of a downloaded repository, when every file it lists is there with its size. */
export function readHubRecord(dir: string): HubRecord | null {
  const file = join(dir, HUB_RECORD_FILE);
  if (!existsSync(file)) return null;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as HubRecord;
    const intact = HUB_DEFAULTS.files.every((name) => {
      const entry = record.files?.[name];
      return entry !== undefined && existsSync(join(dir, name)) && (entry.size === null || statSync(join(dir, name)).size === entry.size);
    });
    return intact ? record : null;
  } catch {
    return null;
  }
}

/** Downloads `hubId` (see the file comment) and returns its verification record. `spec` is the name the user gave, for messages. */
export async function downloadHubRepo(spec: string, hubId: string, options: HubDownloadOptions): Promise<HubRecord> {
  const revision = options.revision ?? HUB_DEFAULTS.revision;
  const dir = join(options.cacheDir, hubId);
  const metadata = await repositoryMetadata(spec, hubId, options, revision);
  options.onProgress?.({ stage: 'download', message: `downloading ${hubId} from ${options.endpoint} into ${dir}` });
  let failure = await attempt(() => downloadThroughTransformers(hubId, options, revision));
  let bad = await mismatches(dir, metadata);
  if (bad.length > 0) {
    for (const { file, reason } of bad) {
      options.onProgress?.({ stage: 'download', message: `${hubId}/${file}: ${reason}; fetching it again`, file });
      await rm(join(dir, file), { force: true });
    }
    failure = await attempt(() => downloadThroughTransformers(hubId, options, revision));
    bad = await mismatches(dir, metadata);
    if (bad.length > 0) {
      for (const { file } of bad) await rm(join(dir, file), { force: true });
      if (failure !== null && bad.every((b) => b.reason.includes('missing'))) throw downloadError(spec, hubId, failure);
      throw new IntegrityError(`model "${spec}": ${bad.map(({ file, reason }) => `${hubId}/${file} does not match what the hub says after two downloads (${reason})`).join('; ')}; it was removed. Run again later, or check HF_ENDPOINT (${options.endpoint})`);
    }
  }
  void failure; // transformers.js may fail to build its own session on a file lmkg runs itself; the files are verified
  const record: HubRecord = {
    hubId, endpoint: options.endpoint, revision, commit: metadata.find((m) => m.commit !== null)?.commit ?? null,
    lmkgVersion: LMKG_VERSION, verifiedAt: new Date().toISOString(),
    files: Object.fromEntries(metadata.map((m) => [m.file, { size: m.size, hash: m.hash }])),
  };
  writeJsonAtomic(join(dir, HUB_RECORD_FILE), record);
  return record;
}

/** The metadata of every file lmkg needs, with clear errors for a missing repository or ONNX file. */
async function repositoryMetadata(spec: string, hubId: string, options: HubDownloadOptions, revision: string): Promise<HubFileMetadata[]> {
  const metadata: HubFileMetadata[] = [];
  for (const file of HUB_DEFAULTS.files) {
    try {
      metadata.push(await hubFileMetadata(options.endpoint, hubId, file, { revision, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }));
    } catch (error) {
      if (error instanceof NotFoundError) throw missingFileError(spec, hubId, file, options.endpoint, error);
      if (error instanceof NetworkError) {
        throw new NetworkError(`model "${spec}": cannot reach the Hugging Face hub for ${hubId} (${error.message}). Offline? Use a local model folder instead: --model ./my-model (config.json, tokenizer.json and onnx/model.onnx or model.safetensors, e.g. made by \`lmkg model init\`), or set HF_ENDPOINT to a mirror`, { cause: error });
      }
      throw error;
    }
  }
  return metadata;
}

/** What is wrong and what to do when the hub lacks a file lmkg needs. */
export function missingFileProblem(spec: string, hubId: string, file: string, endpoint: string, cause: string): { what: string; fix: string } {
  if (file === 'config.json') {
    return { what: `model "${spec}": the hub (${endpoint}) has no repository ${hubId} (${cause})`, fix: 'check the id, or give a local model folder (--model ./my-model)' };
  }
  if (file === 'onnx/model.onnx') {
    return {
      what: `model "${spec}": the hub repository ${hubId} has no onnx/model.onnx, and lmkg runs ONNX masked LMs`,
      fix: 'use an ONNX conversion of it (e.g. Xenova/bert-base-uncased for bert-base-uncased), or download its config.json, tokenizer.json and model.safetensors into a folder and give that folder (--model ./folder): lmkg exports it to ONNX on first use',
    };
  }
  return { what: `model "${spec}": the hub repository ${hubId} has no ${file}`, fix: 'lmkg needs config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx: use an ONNX conversion such as a Xenova/* repository' };
}

function missingFileError(spec: string, hubId: string, file: string, endpoint: string, cause: Error): LmkgError {
  const { what, fix } = missingFileProblem(spec, hubId, file, endpoint, cause.message);
  const message = `${what}; ${fix}`;
  return file === 'config.json' ? new NotFoundError(message, { cause }) : new UsageError(message, { cause });
}

async function mismatches(dir: string, metadata: readonly HubFileMetadata[]): Promise<Array<{ file: string; reason: string }>> {
  const bad: Array<{ file: string; reason: string }> = [];
  for (const meta of metadata) {
    const reason = await hubFileMismatch(join(dir, meta.file), meta);
    if (reason !== null) bad.push({ file: meta.file, reason });
  }
  return bad;
}

async function attempt(work: () => Promise<void>): Promise<unknown> {
  try {
    await work();
    return null;
  } catch (error) {
    return error;
  }
}

/** transformers.js fetches the tokenizer files and the model files into its cache. */
async function downloadThroughTransformers(hubId: string, options: HubDownloadOptions, revision: string): Promise<void> {
  const { env, AutoTokenizer, AutoModelForMaskedLM } = await import('@huggingface/transformers');
  const saved = {
    cacheDir: env.cacheDir, remoteHost: env.remoteHost, remotePathTemplate: env.remotePathTemplate,
    allowRemoteModels: env.allowRemoteModels, allowLocalModels: env.allowLocalModels, useFSCache: env.useFSCache,
  };
  env.cacheDir = options.cacheDir;
  env.useFSCache = true;
  env.allowRemoteModels = true;
  env.allowLocalModels = false; // never read a stray ./<repo> folder of the working directory
  env.remoteHost = `${options.endpoint}/`;
  env.remotePathTemplate = '{model}/resolve/{revision}/';
  const progress_callback = (event: { status: string; file?: string; loaded?: number; total?: number }) => {
    if (event.status !== 'progress' || event.file === undefined) return;
    options.onProgress?.({ stage: 'download', message: `${hubId}/${event.file}`, file: event.file, bytes: event.loaded ?? 0, total: event.total ?? null });
  };
  try {
    await AutoTokenizer.from_pretrained(hubId, { revision, progress_callback });
    const model = await AutoModelForMaskedLM.from_pretrained(hubId, { revision, dtype: 'fp32', device: 'cpu', progress_callback });
    await model.dispose();
  } finally {
    Object.assign(env, saved);
  }
}

function downloadError(spec: string, hubId: string, error: unknown): LmkgError {
  if (error instanceof LmkgError) return error;
  const message = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
  return new NetworkError(`model "${spec}": cannot download ${hubId} from the Hugging Face hub (${message.split('\n')[0]!.slice(0, 200)}). Offline? Use a local model folder instead: --model ./my-model (config.json, tokenizer.json and onnx/model.onnx or model.safetensors, e.g. made by \`lmkg model init\`)`, { cause: error });
}
