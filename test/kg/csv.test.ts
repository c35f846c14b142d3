import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { kgTriples } from '../../src/kg/create.js';
import { kgFromCsv, kgToCsv, triplesFromCsv } from '../../src/kg/csv.js';
import { trickyGraph } from './fixtures.js';

test('kgToCsv writes the paper\'s pandas layout with RFC 4180 quoting', () => {
  assert.equal(kgToCsv(trickyGraph()), [
    ',source,target,edge,slot',
    '0,Allan Dwan,Toronto,born in,',
    '1,"Paris, France",France,"capital ""of""",',
    '2,AT&T <Inc.>,New York,it\'s in,',
    '3,Zürich 🇨🇭,Ødegaard,!bear,',
    '4,Allan Dwan,Toronto,died in,',
    '',
  ].join('\n'));
});

test('CSV round trip gives back the same triples (in both modes)', () => {
  const kg = trickyGraph();
  assert.deepEqual(kgTriples(kgFromCsv(kgToCsv(kg))), kgTriples(kg));
  const paper = kgFromCsv(kgToCsv(kg), 'kg.csv', { mode: 'paper' });
  assert.deepEqual(kgTriples(paper).map((t) => t.relation), ['died in', 'capital "of"', "it's in", '!bear']);
});

test('triplesFromCsv reads columns by name, CRLF rows and a BOM; pandas\' index is optional', () => {
  const text = '\ufeffedge,target,source\r\n"born in",Toronto,Allan Dwan\r\n"a\r\nb",",",""""\n';
  assert.deepEqual(triplesFromCsv(text), [
    { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto' },
    { subject: '"', relation: 'a\r\nb', object: ',' },
  ]);
});

test('malformed CSV is a DataFormatError naming the file and line', () => {
  const cases: Array<[string, RegExp]> = [
    [',source,target\n0,a,b\n', /x\.csv:1: the header has no "edge" column/],
    [',source,target,edge\n0,a,b,c\n1,a,b\n', /x\.csv:3: expected 4 fields like the header, found 3/],
    [',source,target,edge\n0,"a,b,c,d\n', /x\.csv:2: a quoted field is never closed/],
    [',source,target,edge\n0,a"b,c,d\n', /x\.csv:2: a quote inside an unquoted field/],
    ['', /x\.csv: the file is empty/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => triplesFromCsv(text, 'x.csv'), (error: unknown) => error instanceof DataFormatError && message.test(error.message), message.source);
  }
});
