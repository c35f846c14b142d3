import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnMerges } from '../../src/tokenizers/learn-merges.js';
import { characterWords } from '../../src/tokenizers/word-symbols.js';

/**
 * Reference trainer with the Hugging Face BpeTrainer rules, done the slow way: recount every pair
 * over all words at each step, take the most frequent (ties: smallest (left, right) ids), merge it
 * left to right in every word.
 */
function naiveLearn(words: Map<string, number>, vocabSize: number, minFrequency: number, prefix: string) {
  const start = characterWords(words, [], Infinity, prefix);
  const vocab = start.vocab.slice();
  const ids = new Map(vocab.map((t, i) => [t, i]));
  const seqs: number[][] = [];
  for (let w = 0; w + 1 < start.wordStarts.length; w++) seqs.push(Array.from(start.symbols.subarray(start.wordStarts[w], start.wordStarts[w + 1])));
  const counts = [...words.values()];
  const merges: Array<[number, number]> = [];
  while (vocab.length < vocabSize) {
    const pairCounts = new Map<string, number>();
    seqs.forEach((seq, w) => {
      for (let i = 0; i + 1 < seq.length; i++) {
        const key = `${seq[i]},${seq[i + 1]}`;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + counts[w]!);
      }
    });
    let best: [number, number] | null = null;
    let bestCount = 0;
    for (const [key, count] of pairCounts) {
      const pair = key.split(',').map(Number) as [number, number];
      if (count > bestCount || (count === bestCount && best && (pair[0] < best[0] || (pair[0] === best[0] && pair[1] < best[1])))) {
        best = pair;
        bestCount = count;
      }
    }
    if (!best || bestCount < 1 || bestCount < minFrequency) break;
    const [a, b] = best;
    const right = prefix && vocab[b]!.startsWith(prefix) ? vocab[b]!.slice(prefix.length) : vocab[b]!;
    const merged = vocab[a]! + right;
    let z = ids.get(merged);
    if (z === undefined) {
      z = vocab.length;
      vocab.push(merged);
      ids.set(merged, z);
    }
    merges.push([a, b]);
    for (const seq of seqs) {
      for (let i = 0; i + 1 < seq.length; i++) {
        if (seq[i] === a && seq[i + 1] === b) seq.splice(i, 2, z);
      }
    }
  }
  return { vocab, merges };
}

function learn(words: Map<string, number>, vocabSize: number, minFrequency: number, prefix: string) {
  return learnMerges({ ...characterWords(words, [], Infinity, prefix), vocabSize, minFrequency, continuingPrefix: prefix });
}

test('learnMerges reproduces the Hugging Face BpeTrainer test (roses are red ... GPT-2)', () => {
  // tokenizers/src/models/bpe/trainer.rs, test_train: min_frequency 2, vocab 30000
  const words = new Map(Object.entries({ roses: 1, are: 2, red: 1, voilets: 1, blue: 1, BERT: 1, is: 2, big: 1, and: 1, so: 1, 'GPT-2': 1 }));
  const { vocab, merges } = learn(words, 30000, 2, '');
  assert.deepEqual(vocab, ['-', '2', 'B', 'E', 'G', 'P', 'R', 'T', 'a', 'b', 'd', 'e', 'g', 'i', 'l', 'n', 'o', 'r', 's', 't', 'u', 'v', 're', 'are', 'is']);
  assert.deepEqual(merges, [[17, 11], [8, 22], [13, 18]]);
});

test('learnMerges merges overlapping pairs left to right ("aaaaa" -> "aa aa a")', () => {
  const { vocab, merges } = learn(new Map([['aaaaa', 3]]), 10, 1, '');
  // counts: (a,a)=12 -> aa; then words are [aa, aa, a]: (aa,aa)=3 and (aa,a)=3, tie -> smaller ids (aa,a)... both start with aa=1; a=0 < aa=1
  assert.deepEqual(vocab, ['a', 'aa', 'aaa', 'aaaaa']);
  assert.deepEqual(merges, [[0, 0], [1, 0], [1, 2]]);
});

test('learnMerges stops at minFrequency and at the vocabulary size', () => {
  const words = new Map([['abab', 5], ['cd', 1]]);
  assert.deepEqual(learn(words, 100, 2, '').vocab, ['a', 'b', 'c', 'd', 'ab', 'abab']);
  assert.deepEqual(learn(words, 100, 1, '').vocab, ['a', 'b', 'c', 'd', 'ab', 'abab', 'cd']);
  assert.deepEqual(learn(words, 5, 1, '').vocab, ['a', 'b', 'c', 'd', 'ab']);
});

test('learnMerges with the WordPiece prefix builds "##" continuation pieces', () => {
  const words = new Map([['hello', 4], ['help', 3], ['yellow', 1]]);
  const { vocab } = learn(words, 100, 2, '##');
  assert.deepEqual(vocab.slice(0, 7), ['e', 'h', 'l', 'o', 'p', 'w', 'y']);
  assert.ok(vocab.includes('##e') && vocab.includes('##l'), vocab.join(' '));
  assert.ok(vocab.includes('hel'), vocab.join(' '));
  assert.ok(vocab.includes('hello'), vocab.join(' '));
  assert.ok(!vocab.some((t) => t.includes('##', 1)), 'a prefix never appears inside a token');
});

test('learnMerges equals the naive full-recount trainer on random corpora (incremental counts are exact)', () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 12; round++) {
    const letters = 'abcde'.slice(0, 2 + (round % 4));
    const words = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      let word = '';
      const length = 1 + Math.floor(random() * 12);
      for (let j = 0; j < length; j++) word += letters[Math.floor(random() * letters.length)];
      words.set(word, (words.get(word) ?? 0) + 1 + Math.floor(random() * 5));
    }
    for (const prefix of ['', '##']) {
      const minFrequency = 1 + (round % 3);
      const expected = naiveLearn(words, 120, minFrequency, prefix);
      const actual = learn(words, 120, minFrequency, prefix);
      assert.deepEqual(actual.vocab, expected.vocab, `round ${round} prefix "${prefix}"`);
      assert.deepEqual(actual.merges, expected.merges, `round ${round} prefix "${prefix}"`);
    }
  }
});
