import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidOptionError, NotFoundError, UsageError } from '../../src/errors.js';
import { serveReport } from '../../src/report/serve-report.js';
import { tempDir } from '../helpers/tmp.js';
import { connects, otherAddresses } from './net-helpers.js';

interface Answer {
  status: number;
  type: string | undefined;
  body: string;
}

/** A raw HTTP request (fetch would normalise the path and forbids setting Host). */
function get(port: number, path: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serveReport: serves the run folder on 127.0.0.1 only, / is the report', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'report.html'), '<!doctype html><p>report</p>');
  writeFileSync(join(dir, 'summary.csv'), 'a,b\n1,2\n');
  mkdirSync(join(dir, 'squad'));
  writeFileSync(join(dir, 'squad', 'kg.graphml'), '<graphml/>');
  const server = await serveReport(dir, { port: 0 });
  t.after(() => server.close());
  assert.equal(server.host, '127.0.0.1');
  assert.ok(server.port > 0);
  assert.equal(server.url, `http://127.0.0.1:${server.port}/report.html`);

  const page = await fetch(server.url);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(await page.text(), '<!doctype html><p>report</p>');
  assert.equal((await get(server.port, '/')).body, '<!doctype html><p>report</p>');
  assert.deepEqual(await get(server.port, '/summary.csv'), { status: 200, type: 'text/csv; charset=utf-8', body: 'a,b\n1,2\n' });
  assert.equal((await get(server.port, '/squad/kg.graphml')).type, 'application/xml; charset=utf-8');
  assert.equal((await get(server.port, '/missing.html')).status, 404);
  assert.equal((await get(server.port, '/squad')).status, 404, 'no folder listings');
  assert.equal((await get(server.port, '/report.html', { method: 'HEAD' })).status, 200);
  assert.equal((await get(server.port, '/report.html', { method: 'POST' })).status, 405);

  assert.equal(await connects('127.0.0.1', server.port), true);
  for (const address of otherAddresses()) assert.equal(await connects(address, server.port), false, `reachable on ${address}`);
});

test('serveReport: no path leaves the folder (.., encoded .., symlinks out), foreign Host refused', async (t) => {
  const root = tempDir(t);
  const dir = join(root, 'run');
  mkdirSync(dir);
  writeFileSync(join(root, 'secret.txt'), 'secret');
  writeFileSync(join(dir, 'report.html'), 'ok');
  symlinkSync(join(root, 'secret.txt'), join(dir, 'link.txt'));
  const server = await serveReport(dir);
  t.after(() => server.close());
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/squad/..%2f..%2fsecret.txt', '/link.txt', '/%00']) {
    const answer = await get(server.port, path);
    assert.ok(answer.status === 400 || answer.status === 404, `${path}: ${answer.status}`);
    assert.ok(!answer.body.includes('secret'), path);
  }
  const rebinding = await get(server.port, '/report.html', { host: `evil.example:${server.port}` });
  assert.equal(rebinding.status, 421);
  assert.equal((await get(server.port, '/report.html', { host: `localhost:${server.port}` })).status, 200);
});

test('serveReport: errors (bad port, port in use, missing folder)', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(serveReport(dir, { port: -1 }), InvalidOptionError);
  await assert.rejects(serveReport(dir, { port: 1.5 }), InvalidOptionError);
  await assert.rejects(serveReport(join(dir, 'nope')), NotFoundError);
  const first = await serveReport(dir);
  t.after(() => first.close());
  await assert.rejects(serveReport(dir, { port: first.port }), (e: unknown) => e instanceof UsageError && /in use/.test(e.message));
});
