import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makeReportData } from '../helpers/report-data.js';
import { tempDir } from '../helpers/tmp.js';
import { connects, otherAddresses } from './net-helpers.js';

test('lmkg report <run-dir>: writes report.html from report-data.json', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'report-data.json'), JSON.stringify(makeReportData({ nodes: 30 })));
  const result = await runCli(['report', dir]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`^wrote ${join(dir, 'report.html').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(\\d+\\.\\d\\d MB\\)\\n$`));
  assert.ok(readFileSync(join(dir, 'report.html'), 'utf8').startsWith('<!doctype html>'));
});

test('lmkg report: missing or invalid report-data.json -> clear error and exit code', async (t) => {
  const dir = tempDir(t);
  const missing = await runCli(['report', dir]);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /^lmkg: readReportData: .*report-data\.json is missing; `lmkg run \.\.\. --out .*` writes it/);
  const data = JSON.parse(JSON.stringify(makeReportData({ nodes: 10 })));
  data.graphs[0].edges[0].source = 'nobody';
  writeFileSync(join(dir, 'report-data.json'), JSON.stringify(data));
  const invalid = await runCli(['report', dir]);
  assert.equal(invalid.code, 4);
  assert.match(invalid.stderr, /report-data\.json \(field "graphs\[0\]\.edges\[0\]\.source"\): names node "nobody", which is not in graphs\[0\]\.nodes/);
  assert.ok(!existsSync(join(dir, 'report.html')));
  const port = await runCli(['report', dir, '--port', '80']);
  assert.equal(port.code, 2);
  assert.match(port.stderr, /--port needs --serve/);
  const badPort = await runCli(['report', dir, '--serve', '--port', 'x']);
  assert.equal(badPort.code, 2);
});

test('lmkg report --serve --port 0: prints the URL, answers on 127.0.0.1 only, stops on Ctrl-C', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'report-data.json'), JSON.stringify(makeReportData({ nodes: 30 })));
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'cli', 'main.js'), 'report', dir, '--serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/report\.html) \(127\.0\.0\.1 only; Ctrl-C to stop\)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const page = await fetch(url);
  assert.equal(page.status, 200);
  assert.ok((await page.text()).includes('lmkg-report-data'));
  const port = Number(new URL(url).port);
  for (const address of otherAddresses()) assert.equal(await connects(address, port), false, `reachable on ${address}`);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  assert.equal(await exit, 0, stderr);
  assert.match(stdout, /stopped\n$/);
  assert.equal(await connects('127.0.0.1', port), false);
});
