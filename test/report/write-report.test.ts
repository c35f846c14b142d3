import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFormatError, InvalidOptionError, NotFoundError } from '../../src/errors.js';
import { readReportData } from '../../src/report/read-report-data.js';
import { writeReport } from '../../src/report/write-report.js';
import { makeReportData } from '../helpers/report-data.js';
import { tempDir } from '../helpers/tmp.js';

test('writeReport: writes report.html from report-data.json, atomically (no temp file left)', async (t) => {
  const dir = tempDir(t);
  const data = makeReportData({ nodes: 50 });
  writeFileSync(join(dir, 'report-data.json'), JSON.stringify(data));
  const result = await writeReport(dir);
  assert.equal(result.file, join(dir, 'report.html'));
  const html = readFileSync(result.file, 'utf8');
  assert.equal(result.bytes, Buffer.byteLength(html));
  assert.ok(html.includes('lmkg-report-data'));
  assert.deepEqual(readdirSync(dir).sort(), ['report-data.json', 'report.html']);
  assert.deepEqual(await readReportData(dir), JSON.parse(JSON.stringify(data)));
});

test('writeReport: data given in memory, other file names', async (t) => {
  const dir = tempDir(t);
  const result = await writeReport(dir, { data: makeReportData({ nodes: 20 }), htmlFile: 'study.html' });
  assert.equal(result.file, join(dir, 'study.html'));
  assert.deepEqual(readdirSync(dir), ['study.html']);
});

test('writeReport / readReportData: a missing run folder or data file is a NotFoundError', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(writeReport(join(dir, 'nope')), (e: unknown) => e instanceof NotFoundError && /does not exist or is not a folder/.test(e.message));
  await assert.rejects(writeReport(dir), (e: unknown) => e instanceof NotFoundError && e.message.includes(join(dir, 'report-data.json')));
  await assert.rejects(writeReport(join(dir, 'nope'), { data: makeReportData({ nodes: 10 }) }), NotFoundError);
});

test('readReportData: invalid JSON is a DataFormatError with the line', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'report-data.json'), '{\n  "title": "x",\n  "run": {,\n}');
  await assert.rejects(readReportData(dir), (e: unknown) => {
    assert.ok(e instanceof DataFormatError);
    assert.equal(e.location.file, join(dir, 'report-data.json'));
    assert.equal(e.location.line, 3);
    assert.match(e.message, /not valid JSON/);
    return true;
  });
});

test('readReportData: a wrong shape is a DataFormatError naming the field', async (t) => {
  const dir = tempDir(t);
  const data = JSON.parse(JSON.stringify(makeReportData({ nodes: 10 })));
  data.summary[0].tripleF1 = 'n/a';
  writeFileSync(join(dir, 'report-data.json'), JSON.stringify(data));
  await assert.rejects(writeReport(dir), (e: unknown) => e instanceof DataFormatError && e.location.field === 'summary[0].tripleF1'
    && e.message.includes('report-data.json (field "summary[0].tripleF1"): must be a finite number, got "n/a"'));
  assert.deepEqual(readdirSync(dir), ['report-data.json'], 'nothing written');
});

test('writeReport: unknown or mistyped options are InvalidOptionErrors', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(writeReport(dir, { colour: 'red' } as never), InvalidOptionError);
  await assert.rejects(writeReport(dir, { htmlFile: 3 } as never), InvalidOptionError);
  await assert.rejects(writeReport(dir, { htmlFile: '../outside.html' }), (e: unknown) => e instanceof InvalidOptionError && /file name inside the run folder/.test(e.message));
});
