import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BYTE_TO_CHAR, byteLevelAlphabet, fromByteLevel, toByteLevel } from '../../src/tokenizers/byte-level.js';

test('the byte-level table is GPT-2 bytes_to_unicode', () => {
  assert.equal(BYTE_TO_CHAR.length, 256);
  assert.equal(new Set(BYTE_TO_CHAR).size, 256);
  assert.equal(BYTE_TO_CHAR[0x20], 'Ġ');
  assert.equal(BYTE_TO_CHAR[0x0a], 'Ċ');
  assert.equal(BYTE_TO_CHAR[0x09], 'ĉ');
  assert.equal(BYTE_TO_CHAR[0x00], 'Ā');
  assert.equal(BYTE_TO_CHAR[0x41], 'A');
  assert.equal(BYTE_TO_CHAR[0x7f], 'ġ');
  assert.equal(BYTE_TO_CHAR[0xad], 'Ń');
  assert.equal(BYTE_TO_CHAR[0xff], 'ÿ');
  const alphabet = byteLevelAlphabet();
  assert.deepEqual([alphabet[0], alphabet[93], alphabet[94], alphabet[255]], ['!', '~', '¡', 'Ń']);
});

test('toByteLevel / fromByteLevel round-trip UTF-8 text', () => {
  assert.equal(toByteLevel(' Paris'), 'ĠParis');
  assert.equal(toByteLevel('é'), 'Ã©');
  assert.equal(toByteLevel('😀'), 'ðŁĺĢ');
  for (const text of ['', ' Paris', 'naïve café', '東京 😀 🇫🇷', 'a\n\tb', '\u0000']) assert.equal(fromByteLevel(toByteLevel(text)), text);
  // half a character decodes to U+FFFD; characters outside the table count as byte 0, as transformers.js does
  assert.equal(fromByteLevel('Ã'), '\ufffd');
  assert.equal(fromByteLevel('a€b'), 'a\u0000b');
});
