/** @file lmkg's version, read from package.json (one source of truth). */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// src/version.ts and dist/version.js both sit one folder below package.json.
/** lmkg's version, from package.json. */
export const LMKG_VERSION: string = (require('../package.json') as { version: string }).version;
