import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { kgTriples } from '../../src/kg/create.js';
import { kgFromGexf, kgToGexf } from '../../src/kg/gexf.js';
import { parseXml } from '../../src/kg/xml.js';
import { graphContents, trickyGraph } from './fixtures.js';

test('GEXF export is well-formed GEXF 1.3 with a kind per relation (parallel edges)', () => {
  const xml = kgToGexf(trickyGraph());
  const root = parseXml(xml, 'kg.gexf');
  assert.equal(root.name, 'gexf');
  assert.equal(root.attributes.version, '1.3');
  assert.match(xml, /<edge id="0" source="allan dwan" target="toronto" label="born in" kind="born in" weight="2">/);
  assert.match(xml, /<edge id="4" source="allan dwan" target="toronto" label="died in" kind="died in" weight="1">/);
  assert.match(xml, /<node id="new york" label="New York">/);
  assert.match(xml, /label="capital &quot;of&quot;"/);
});

test('GEXF round trip keeps meta, nodes, edges, counts and query ids', () => {
  const kg = trickyGraph();
  const again = kgFromGexf(kgToGexf(kg));
  assert.deepEqual(graphContents(again), graphContents(kg));
  assert.equal(kgToGexf(again), kgToGexf(kg));
});

test('GEXF written by Gephi (no lmkg attributes) reads with defaults', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
    <nodes><node id="0" label="Hello"/><node id="1" label="World"/></nodes><edges><edge source="0" target="1"/></edges></graph></gexf>`;
  const kg = kgFromGexf(xml);
  assert.deepEqual(kgTriples(kg), [{ subject: 'Hello', relation: '', object: 'World' }]);
  assert.deepEqual(kg.getAttributes(), {});
});

test('a GEXF file with bad content is a DataFormatError', () => {
  assert.throws(() => kgFromGexf('<graphml/>', 'x.gexf'), /x\.gexf:1: expected a <gexf> root element/);
  assert.throws(() => kgFromGexf('<gexf><graph><edges><edge source="a"/></edges></graph></gexf>', 'x.gexf'), (error: unknown) =>
    error instanceof DataFormatError && /field "target"\): <edge> without a target/.test(error.message));
});
