import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { porterStem } from '../../src/compare/porter-stemmer.js';

describe('porterStem', () => {
  it('reproduces the examples of Porter (1980) as NLTK stems them', () => {
    const cases: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', ties: 'tie', caress: 'caress', cats: 'cat',
      feed: 'feed', agreed: 'agre', plastered: 'plaster', bled: 'bled', motoring: 'motor', sing: 'sing',
      conflated: 'conflat', troubled: 'troubl', sized: 'size', hopping: 'hop', tanned: 'tan', falling: 'fall',
      hissing: 'hiss', fizzed: 'fizz', failing: 'fail', filing: 'file', happy: 'happi',
      relational: 'relat', conditional: 'condit', rational: 'ration', digitizer: 'digit', operator: 'oper',
      adoption: 'adopt', effective: 'effect', probate: 'probat', rate: 'rate', cease: 'ceas', controll: 'control', roll: 'roll',
    };
    for (const [word, stem] of Object.entries(cases)) assert.equal(porterStem(word), stem, word);
  });

  it('applies the NLTK extensions', () => {
    assert.equal(porterStem('flies'), 'fli');
    assert.equal(porterStem('dies'), 'die');
    assert.equal(porterStem('spied'), 'spi');
    assert.equal(porterStem('died'), 'die');
    assert.equal(porterStem('dying'), 'die');
    assert.equal(porterStem('skies'), 'sky');
    assert.equal(porterStem('enjoy'), 'enjoy');
    assert.equal(porterStem('geology'), 'geolog');
    assert.equal(porterStem('generously'), 'gener');
    assert.equal(porterStem('ab'), 'ab');
    assert.equal(porterStem('ABC'), 'abc');
  });

  it('stems a multi-word label as one word, lowercased', () => {
    assert.equal(porterStem('Allan Dwan'), 'allan dwan');
    assert.equal(porterStem('University of Toronto'), 'university of toronto');
    assert.equal(porterStem('knowledge graphs'), 'knowledge graph');
  });

  it('agrees with NLTK 3.8 on a fixed sample of English words', () => {
    const lines = readFileSync(new URL('./fixtures/porter-nltk.tsv', import.meta.url), 'utf8').split('\n');
    let checked = 0;
    for (const line of lines) {
      if (line === '' || line.startsWith('#')) continue;
      const [word, stem] = line.split('\t');
      assert.equal(porterStem(word!), stem, word);
      checked += 1;
    }
    assert.ok(checked > 400);
  });
});
