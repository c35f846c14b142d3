/** @file Running `lmkg` from the TypeScript sources, and a hand-written predictions file, for the CLI tests. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECORDS } from './records-fixture.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function lmkg(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

export function predictionsFile(dir: string): string {
  const file = join(dir, 'bert.jsonl');
  writeFileSync(file, `${RECORDS.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(`${file}.meta.json`, JSON.stringify({ model: { spec: 'bert-base-uncased', hubId: 'bert-base-uncased' } }));
  return file;
}

