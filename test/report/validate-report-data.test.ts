import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { validateReportData } from '../../src/report/validate-report-data.js';
import { makeReportData } from '../helpers/report-data.js';

const good = (): Record<string, any> => JSON.parse(JSON.stringify(makeReportData({ nodes: 40, xss: true })));

test('validateReportData: generated data (with hostile strings) passes and comes back unchanged', () => {
  const data = good();
  assert.equal(validateReportData(data, 'x.json'), data);
});

const broken: Array<[string, (d: Record<string, any>) => void, string, RegExp]> = [
  ['missing title', (d) => delete d.title, 'title', /must be a string, got nothing/],
  ['root not an object', () => undefined, '(root)', /must be an object/],
  ['run.timeline not boolean', (d) => (d.run.timeline = 'yes'), 'run.timeline', /true or false/],
  ['run.models not strings', (d) => (d.run.models = ['a', 3]), 'run.models[1]', /must be a string/],
  ['summary metric is text', (d) => (d.summary[2].p1 = '0.5'), 'summary[2].p1', /finite number, got "0.5"/],
  ['summary count is null', (d) => (d.summary[0].nodes = null), 'summary[0].nodes', /finite number/],
  ['interval reversed', (d) => (d.summary[1].ci.tripleF1 = [0.6, 0.4]), 'summary[1].ci.tripleF1', /low <= high/],
  ['interval on an unknown field', (d) => (d.summary[1].ci.hed = [1, 2]), 'summary[1].ci.hed', /not a field with intervals/],
  ['a part file that is a path', (d) => (d.parts = { folder: 'report-parts', cells: [{ file: '../../etc/x.js', graphs: [] }], layouts: [] }), 'parts.cells[0].file', /part file name/],
  ['a parts folder elsewhere', (d) => (d.parts = { folder: 'http://evil.example', cells: [], layouts: [] }), 'parts.folder', /must be "report-parts"/],
  ['a failure without its error', (d) => (d.failures = [{ dataset: 'squad', model: 'm' }]), 'failures[0].error', /must be a string/],
  ['edge status unknown', (d) => (d.graphs[0].edges[3].status = 'maybe'), 'graphs[0].edges[3].status', /one of "both", "missed", "new", got "maybe"/],
  ['edge to a missing node', (d) => (d.graphs[1].edges[0].target = 'nowhere'), 'graphs[1].edges[0].target', /names node "nowhere", which is not in graphs\[1\].nodes/],
  ['duplicate node id', (d) => (d.graphs[0].nodes[1].id = d.graphs[0].nodes[0].id), 'graphs[0].nodes[1].id', /repeats node id/],
  ['unknown query id', (d) => (d.graphs[0].edges[0].queryIds = ['q?']), 'graphs[0].edges[0].queryIds[0]', /names query "q\?"/],
  ['prediction prob missing', (d) => {
    const id = Object.keys(d.graphs[0].queries)[0]!;
    delete d.graphs[0].queries[id].predictions[0].prob;
  }, 'graphs[0].queries["re-place-birth:0#0"].predictions[0].prob', /finite number, got nothing/],
  ['fact correct too short', (d) => d.timelines[0].facts[4].correct.pop(), 'timelines[0].facts[4].correct', /one entry per snapshot \(3\), got 2/],
  ['fact firstCorrect out of range', (d) => (d.timelines[0].facts[0].firstCorrect = 7), 'timelines[0].facts[0].firstCorrect', /snapshot index in \[0, 2\]/],
  ['fact status unknown', (d) => (d.timelines[0].facts[0].status = 'learnt'), 'timelines[0].facts[0].status', /"acquired", "forgotten", "never"/],
  ['metric value text', (d) => (d.timelines[0].metrics[0].values.p1 = 'high'), 'timelines[0].metrics[0].values.p1', /finite number/],
  ['spider value text', (d) => (d.pos[0].spider.NOUN = '1'), 'pos[0].spider.NOUN', /finite number/],
];

for (const [name, breakIt, field, message] of broken) {
  test(`validateReportData: ${name} -> DataFormatError naming ${field}`, () => {
    const data = good();
    breakIt(data);
    const value = name === 'root not an object' ? [] : data;
    assert.throws(() => validateReportData(value, '/runs/a/report-data.json'), (error: unknown) => {
      assert.ok(error instanceof DataFormatError, String(error));
      assert.equal(error.location.file, '/runs/a/report-data.json');
      assert.equal(error.location.field, field);
      assert.match(error.message, message);
      return true;
    });
  });
}
