/**
 * @file docs/api.md is current: it is rendered again from src/index.ts (scripts/api-doc.mjs,
 * TypeDoc) into a temporary file and must equal the checked-in page byte for byte.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');

test('docs/api.md is what npm run docs:api writes from src/index.ts', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lmkg-api-doc-test-'));
  try {
    const fresh = join(dir, 'api.md');
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'api-doc.mjs'), fresh], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, `scripts/api-doc.mjs failed:\n${run.stdout}${run.stderr}`);
    const expected = readFileSync(fresh, 'utf8');
    assert.match(expected, /^## errors$/m); // the stage sections are there
    assert.match(expected, /^### probe\(\)$/m);
    const current = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
    if (current !== expected) assert.fail('docs/api.md is out of date: run npm run docs:api');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
