#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx).
// Usage: npm test [-- <path filter> ...]   e.g. npm test -- test/data
// Tests that read real data need LMKG_DATA_DIR; when it is unset and ../shared/data exists beside the
// repository, that folder is used and said so. When neither is there (a fresh clone), LAMA and UD
// English EWT are fetched into the lmkg cache first (scripts/test-data.mjs) and the tests read that.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!process.env.LMKG_DATA_DIR) {
  const shared = resolve(root, '..', 'shared', 'data');
  if (existsSync(shared)) {
    process.env.LMKG_DATA_DIR = shared;
    console.log(`npm test: LMKG_DATA_DIR not set; using ${shared}`);
  } else {
    const { bootstrapTestData } = await import('./test-data.mjs');
    try {
      process.env.LMKG_DATA_DIR = await bootstrapTestData();
    } catch (error) {
      console.error(`npm test: the test data could not be fetched (${error instanceof Error ? error.message : error}).\n` +
        'Run `npm test` again to resume, set LMKG_LAMA_URL / LMKG_UD_URL to a mirror, or set LMKG_DATA_DIR to a folder with lama/ and ud/.');
      process.exit(1);
    }
  }
}

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = findTests(join(root, 'test'))
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)));
if (files.length === 0) {
  console.error(`npm test: no test files match ${filters.join(' ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
