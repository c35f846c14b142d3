import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { escapeXml, parseXml } from '../../src/kg/xml.js';

test('escapeXml escapes markup and drops characters XML 1.0 cannot hold', () => {
  assert.equal(escapeXml(`a&b<c>"d"'e'\u0001\uFFFE\n`), 'a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#10;');
  assert.equal(escapeXml('Zürich 🇨🇭'), 'Zürich 🇨🇭');
});

test('parseXml reads elements, attributes, entities, CDATA and comments', () => {
  const root = parseXml(`<?xml version="1.0"?>\n<!-- c --><a:root xmlns:a="u" x='1 &amp; 2'>\n <b y="&#x3C;&#60;">t&lt;<![CDATA[<raw>]]></b><c/></a:root>`, 'f.xml');
  assert.equal(root.name, 'root');
  assert.deepEqual(root.attributes, { x: '1 & 2' });
  assert.deepEqual(root.children.map((c) => [c.name, c.attributes, c.text, c.line]), [['b', { y: '<<' }, 't<<raw>', 3], ['c', {}, '', 3]]);
});

test('XML that is not well formed is a DataFormatError with the line', () => {
  const cases: Array<[string, RegExp]> = [
    ['<a>\n<b></a>', /f\.xml:2: not well-formed XML: end tag <\/a> does not match <b>/],
    ['<a>\n&nope;</a>', /f\.xml:2: .*unknown entity &nope;/],
    ['<a>x & y</a>', /"&" not followed by an entity reference/],
    ['<a><b></b>', /<a> \(line 1\) is never closed/],
    ['<a/><b/>', /a second root element/],
    ['', /no root element/],
    ['<a x="1" x="2"/>', /attribute "x" appears twice/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseXml(text, 'f.xml'), (error: unknown) => error instanceof DataFormatError && message.test(error.message), message.source);
  }
});
