/**
 * @file Both kinds trained on part of the shared Wikipedia corpus: lmkg's ids equal
 * @huggingface/tokenizers' for 1,000 lines of other articles, and decoding agrees.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readCorpusLines, saveTokenizer, trainTokenizer } from '../../src/tokenizers/index.js';
import { corpusText } from '../helpers/data-dir.js';
import { tempDir } from '../helpers/tmp.js';
import { loadHfTokenizer } from './fixtures.js';

// bio_000 and general_003 of ../shared/data/corpus; on a fresh clone, text lmkg fetched itself (corpusText)
const trainFile = corpusText('bio');
const lines: string[] = [];
for await (const line of readCorpusLines([corpusText('general')])) {
  lines.push(line);
  if (lines.length === 1000) break;
}
const work = tempDir({ after });

for (const [type, vocabSize] of [['bpe', 8000], ['wordpiece', 6000]] as const) {
  test(`${type} trained on ${vocabSize} entries of bio_000 (3.5 MB) encodes 1,000 lines of general_003 as tokenizers.js does`, async () => {
    const tok = await trainTokenizer({ type, corpus: [trainFile], vocabSize });
    assert.equal(tok.vocabSize, vocabSize);
    const dir = join(work, type);
    await saveTokenizer(tok, dir);
    const hf = loadHfTokenizer(dir);
    assert.equal(lines.length, 1000);
    let tokens = 0;
    for (const line of lines) {
      const ids = tok.encode(line);
      assert.deepEqual(ids, hf.encode(line).ids, line);
      assert.equal(tok.decode(ids), hf.decode(ids), line);
      tokens += ids.length;
    }
    // a sanity figure: English Wikipedia at these vocab sizes is 4-6 bytes per token
    const bytes = lines.reduce((sum, l) => sum + Buffer.byteLength(l), 0);
    assert.ok(bytes / tokens > 3.5 && bytes / tokens < 7, `${bytes / tokens} bytes per token`);
    if (type === 'bpe') {
      // byte-level BPE is lossless on real text
      for (const line of lines.slice(0, 200)) assert.equal(tok.decode(tok.encode(line, { addSpecialTokens: false })), line);
    }
    assert.ok(readFileSync(join(dir, 'tokenizer.json'), 'utf8').length > 0);
  });
}
