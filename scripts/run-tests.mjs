#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx).
// Usage: npm test [-- <path filter> ...]   e.g. npm test -- test/data
// Tests that read real data need LMKG_DATA_DIR; when it is unset and ../shared/data exists beside the
// repository, that folder is used and said so. When neither is there, the run fails and says what to set.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!process.env.LMKG_DATA_DIR) {
  const shared = resolve(root, '..', 'shared', 'data');
  if (!existsSync(shared)) {
    console.error('npm test: LMKG_DATA_DIR is not set and ../shared/data does not exist.\n' +
      'Set LMKG_DATA_DIR to a folder with lama/, corpus/ and ud/ (the layout of ../shared/data).');
    process.exit(1);
  }
  process.env.LMKG_DATA_DIR = shared;
  console.log(`npm test: LMKG_DATA_DIR not set; using ${shared}`);
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
