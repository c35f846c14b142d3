import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { kgTriples } from '../../src/kg/create.js';
import { kgFromGraphml, kgToGraphml } from '../../src/kg/graphml.js';
import { parseXml } from '../../src/kg/xml.js';
import { graphContents, trickyGraph } from './fixtures.js';

test('GraphML export is well-formed, escaped XML with labelled nodes and edges', () => {
  const xml = kgToGraphml(trickyGraph());
  const root = parseXml(xml, 'kg.graphml');
  assert.equal(root.name, 'graphml');
  assert.match(xml, /<node id="at&amp;t &lt;inc.&gt;"><data key="d_label">AT&amp;T &lt;Inc.&gt;<\/data>/);
  assert.match(xml, /<edge id="e2" source="at&amp;t &lt;inc.&gt;" target="new york"><data key="d_relation">it&apos;s in<\/data>/);
  assert.match(xml, /<key id="d_relation" for="edge" attr.name="label" attr.type="string"\/>/);
});

test('GraphML round trip keeps meta, nodes, edges, counts and query ids', () => {
  const kg = trickyGraph();
  const again = kgFromGraphml(kgToGraphml(kg));
  assert.deepEqual(graphContents(again), graphContents(kg));
  assert.equal(kgToGraphml(again), kgToGraphml(kg));
});

test('GraphML from another tool: labels fall back to ids, keys matched by attr.name', () => {
  const xml = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k0" for="edge" attr.name="label" attr.type="string"/>
    <graph edgedefault="directed"><node id="n0"/><edge source="n0" target="n1"><data key="k0">knows</data></edge></graph></graphml>`;
  assert.deepEqual(kgTriples(kgFromGraphml(xml)), [{ subject: 'n0', relation: 'knows', object: 'n1' }]);
});

test('a GraphML file with bad content is a DataFormatError', () => {
  assert.throws(() => kgFromGraphml('<gexf/>', 'x.graphml'), /x\.graphml:1: expected a <graphml> root element/);
  assert.throws(() => kgFromGraphml('<graphml><graph><node/></graph></graphml>', 'x.graphml'), DataFormatError);
  assert.throws(() => kgFromGraphml('<graphml><key id="c" for="edge" attr.name="count"/><graph><edge source="a" target="b"><data key="c">two</data></edge></graph></graphml>', 'x.graphml'),
    /x\.graphml:1 \(field "count"\): expected a whole number, got "two"/);
});
