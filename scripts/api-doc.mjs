#!/usr/bin/env node
// docs/api.md: the public API (src/index.ts) as one Markdown page, one section per pipeline stage.
// TypeDoc with typedoc-plugin-markdown (settings in typedoc.json, stages from
// scripts/typedoc-stages.mjs) renders into a temporary folder, which TypeDoc empties first, so it
// never writes into docs/ itself. No dates or paths go into the page, so the same source gives the
// same file; test/api-doc.test.ts checks that docs/api.md is current.
// Usage: npm run docs:api            (writes docs/api.md)
//        node scripts/api-doc.mjs OUT (writes OUT instead)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = '<!-- Generated from src/index.ts by `npm run docs:api` (scripts/api-doc.mjs); do not edit. -->\n\n';

/** Renders the API page and returns its text. */
export function renderApiDoc() {
  const out = mkdtempSync(join(tmpdir(), 'lmkg-api-doc-'));
  try {
    const typedoc = join(dirname(createRequire(import.meta.url).resolve('typedoc/package.json')), 'bin', 'typedoc');
    const run = spawnSync(process.execPath, [typedoc, '--options', join(root, 'typedoc.json'), '--out', out], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0 || /\[warning\]|\[error\]/.test(run.stdout + run.stderr)) {
      throw new Error(`typedoc failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    }
    return HEADER + readFileSync(join(out, 'README.md'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const file = resolve(process.argv[2] ?? join(root, 'docs', 'api.md'));
  writeFileSync(file, renderApiDoc());
  console.log(`written ${file}`);
}
