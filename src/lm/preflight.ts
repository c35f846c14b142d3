/**
 * @file Preflight of the model layer: each model a command will probe is a usable local folder, a
 * hub model already downloaded and verified, or a hub model the hub has, asked with a HEAD request
 * that gives up after a short timeout.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheDir } from '../data/index.js';
import { LmkgError, NetworkError, NotFoundError, type PreflightProblem } from '../errors.js';
import { HUB_DEFAULTS } from './defaults.js';
import { HUB_RECORD_FILE, missingFileProblem, readHubRecord } from './hub-download.js';
import { hubEndpoint, hubFileMetadata } from './hub-metadata.js';
import { HUB_ALIASES } from './model-source.js';

export interface ModelPreflightOptions {
  /** Hub endpoint (default `$HF_ENDPOINT`, else https://huggingface.co). */
  hubUrl?: string;
  /** Where hub downloads are cached (default `<lmkg cache>/hub`). */
  hubCacheDir?: string;
  /** Give up on the hub after this long (default HUB_DEFAULTS.timeoutMs). */
  timeoutMs?: number;
}

const LOCAL_FIX = 'give a model folder (config.json, tokenizer.json and onnx/model.onnx or model.safetensors; `lmkg model init` or `lmkg train` make one) or a hub id such as bert-base-uncased';

/** The problems of each model spec (local folder or hub id), in order; hub checks run in parallel. */
export async function modelProblems(specs: readonly string[], options: ModelPreflightOptions = {}): Promise<PreflightProblem[]> {
  const found = await Promise.all(specs.map((spec) => modelProblem(spec, options)));
  return found.filter((p): p is PreflightProblem => p !== null);
}

export async function modelProblem(spec: string, options: ModelPreflightOptions = {}): Promise<PreflightProblem | null> {
  if (existsSync(spec)) return folderProblem(spec, resolve(spec));
  if (/^(\.{1,2}[\\/]|[\\/]|~)/.test(spec) || spec.split('/').length > 2 || spec.endsWith('.onnx') || spec.endsWith('.json')) {
    return { what: `model "${spec}": no such folder (${resolve(spec)})`, fix: LOCAL_FIX };
  }
  return hubProblem(spec, options);
}

function folderProblem(spec: string, dir: string): PreflightProblem | null {
  if (!statSync(dir).isDirectory()) return { what: `model "${spec}": ${dir} is a file, not a model folder`, fix: LOCAL_FIX };
  const missing = ['config.json', 'tokenizer.json'].filter((file) => !existsSync(join(dir, file)));
  if (!existsSync(join(dir, 'onnx', 'model.onnx')) && !existsSync(join(dir, 'model.safetensors'))) missing.push('onnx/model.onnx or model.safetensors');
  return missing.length === 0 ? null : { what: `model "${spec}": ${dir} has no ${missing.join(', ')}`, fix: LOCAL_FIX };
}

async function hubProblem(spec: string, options: ModelPreflightOptions): Promise<PreflightProblem | null> {
  const hubId = HUB_ALIASES[spec] ?? spec;
  const dir = join(options.hubCacheDir ?? join(cacheDir(), 'hub'), hubId);
  const downloaded = readHubRecord(dir) !== null
    || (!existsSync(join(dir, HUB_RECORD_FILE)) && HUB_DEFAULTS.files.every((file) => existsSync(join(dir, file))));
  if (downloaded) return null;
  const endpoint = hubEndpoint(options.hubUrl);
  const timeoutMs = options.timeoutMs ?? HUB_DEFAULTS.timeoutMs;
  for (const file of ['config.json', 'onnx/model.onnx']) {
    try {
      await hubFileMetadata(endpoint, hubId, file, { timeoutMs });
    } catch (error) {
      if (error instanceof NetworkError) {
        return {
          what: `model "${spec}": ${hubId} is not in the cache (${dir}) and the hub at ${endpoint} cannot be reached (${error.message})`,
          fix: 'connect to the internet, set HF_ENDPOINT to a reachable mirror, or give a local model folder (--models ./my-model)',
        };
      }
      if (error instanceof NotFoundError) return missingFileProblem(spec, hubId, file, endpoint, error.message);
      if (error instanceof LmkgError) return { what: `model "${spec}": ${error.message}`, fix: LOCAL_FIX };
      throw error;
    }
  }
  return null;
}
