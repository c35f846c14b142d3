/**
 * @file GPT-2's byte-level alphabet: every byte 0..255 gets a printable character (space -> `Ġ`,
 * newline -> `Ċ`), so byte-level BPE works on strings that JSON and merges.txt can hold. The table is
 * the one in `bytes_to_unicode()` of GPT-2 and in Hugging Face `tokenizers` (ByteLevel).
 */

/** `BYTE_TO_CHAR[b]`: the character that stands for byte `b`. */
export const BYTE_TO_CHAR: readonly string[] = buildByteToChar();

/** Character code -> byte, for the 256 byte-level characters (others: -1). */
const CHAR_CODE_TO_BYTE: Int16Array = (() => {
  const table = new Int16Array(324).fill(-1);
  BYTE_TO_CHAR.forEach((char, byte) => {
    table[char.charCodeAt(0)] = byte;
  });
  return table;
})();

function buildByteToChar(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const chars = new Array<string>(256);
  for (const b of printable) chars[b] = String.fromCharCode(b);
  let next = 0;
  for (let b = 0; b < 256; b++) {
    if (chars[b] === undefined) chars[b] = String.fromCharCode(256 + next++);
  }
  return chars;
}

/** The 256 byte-level characters sorted by code point: the order in which a trainer adds them to the vocabulary. */
export function byteLevelAlphabet(): string[] {
  return [...BYTE_TO_CHAR].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`, written as byte-level characters (" Paris" -> "ĠParis"). */
export function toByteLevel(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) out += BYTE_TO_CHAR[byte]!;
  return out;
}

/** The byte behind a byte-level character code, or -1 when the character is not one of the 256. */
export function byteOfCharCode(code: number): number {
  return code < CHAR_CODE_TO_BYTE.length ? CHAR_CODE_TO_BYTE[code]! : -1;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Byte-level characters back to text. As in transformers.js, a character outside the byte alphabet
 * counts as byte 0 and invalid UTF-8 becomes U+FFFD.
 */
export function fromByteLevel(text: string): string {
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // a surrogate pair is one character outside the alphabet, as in `[...text]`
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    const byte = byteOfCharCode(code);
    bytes[n++] = byte < 0 ? 0 : byte;
  }
  return decoder.decode(bytes.subarray(0, n));
}
