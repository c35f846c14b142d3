/**
 * @file A CoNLL-U reader (https://universaldependencies.org/format.html) for training and
 * evaluating the parser. It keeps the syntactic words of each sentence; multiword-token ranges
 * (`1-2`) and empty nodes (`8.1`) are skipped (their `SpaceAfter=No` is carried over to the last
 * word of a range, so the sentence text can be rebuilt). Every error names the file and line.
 */
import { readFile } from 'node:fs/promises';
import { DataFormatError, NotFoundError } from '../errors.js';
import type { UposTag } from './types.js';

/** One syntactic word of a treebank sentence. */
export interface TreebankWord {
  form: string;
  lemma: string;
  upos: string;
  /** 0-based index of the head word, -1 for the root. */
  head: number;
  /** Full UD relation, e.g. `nsubj:pass`. */
  deprel: string;
  /** False when the source says `SpaceAfter=No` (on the word or on its multiword token). */
  spaceAfter: boolean;
}

/** One sentence of a CoNLL-U treebank. */
export interface TreebankSentence {
  /** `# sent_id` when given, else `<file>#<n>`. */
  id: string;
  /** `# text` when given, else the words joined by their spacing. */
  text: string;
  words: TreebankWord[];
  /** 1-based line of the sentence's first word, for messages. */
  line: number;
}

/** The 17 Universal Dependencies part-of-speech tags. */
export const UPOS_TAGS: readonly UposTag[] = Object.freeze([
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART',
  'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as UposTag[]);

/** Reads a CoNLL-U file (see the file comment). Throws NotFoundError for a missing file. */
export async function readConllu(file: string): Promise<TreebankSentence[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new NotFoundError(`readConllu: no such file ${file}; run \`lmkg parser fetch\` or set LMKG_DATA_DIR`, { cause: error });
  }
  return parseConllu(text, file);
}

/** Parses CoNLL-U text; `file` (and `firstLine`, for files read in parts) name errors. */
export function parseConllu(text: string, file: string, firstLine = 1): TreebankSentence[] {
  const sentences: TreebankSentence[] = [];
  const lines = text.split('\n');
  let words: TreebankWord[] = [];
  let rawHeads: number[] = [];
  let headLines: number[] = [];
  let id: string | null = null;
  let sentenceText: string | null = null;
  let startLine = 0;
  let rangeEnd = 0; // last word id covered by the current multiword token
  let rangeSpaceAfter = true;

  const finish = (line: number) => {
    if (words.length === 0) {
      if (id !== null || sentenceText !== null) throw new DataFormatError({ file, line }, 'a sentence has comments but no words');
      return;
    }
    const n = words.length;
    for (let i = 0; i < n; i += 1) {
      const head = rawHeads[i]!;
      if (head > n) throw new DataFormatError({ file, line: headLines[i]!, field: 'HEAD' }, `head ${head} is beyond the last word (${n}) of the sentence`);
      if (head === i + 1) throw new DataFormatError({ file, line: headLines[i]!, field: 'HEAD' }, `word ${i + 1} is its own head`);
      words[i]!.head = head - 1;
    }
    if (!words.some((w) => w.head === -1)) throw new DataFormatError({ file, line: startLine }, 'the sentence has no root (no word with head 0)');
    const joined = words.map((w, i) => w.form + (w.spaceAfter && i < n - 1 ? ' ' : '')).join('');
    sentences.push({ id: id ?? `${file}#${sentences.length + 1}`, text: sentenceText ?? joined, words, line: startLine });
    words = [];
    rawHeads = [];
    headLines = [];
    id = null;
    sentenceText = null;
    rangeEnd = 0;
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = firstLine + index;
    let raw = lines[index]!;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw.trim() === '') {
      finish(line);
      continue;
    }
    if (raw.startsWith('#')) {
      const meta = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(raw);
      if (meta) {
        if (meta[1] === 'sent_id') id = meta[2]!.trim();
        else sentenceText = meta[2]!;
      }
      continue;
    }
    const fields = raw.split('\t');
    if (fields.length !== 10) {
      throw new DataFormatError({ file, line }, `expected 10 tab-separated fields, got ${fields.length}: ${JSON.stringify(raw.slice(0, 80))}`);
    }
    const wordId = fields[0]!;
    const range = /^(\d+)-(\d+)$/.exec(wordId);
    if (range) {
      rangeEnd = Number(range[2]);
      rangeSpaceAfter = !/(^|\|)SpaceAfter=No(\||$)/.test(fields[9]!);
      continue;
    }
    if (/^\d+\.\d+$/.test(wordId)) continue; // empty node (enhanced graphs only)
    if (!/^\d+$/.test(wordId)) throw new DataFormatError({ file, line, field: 'ID' }, `expected a word id (1, 2-3 or 4.1), got ${JSON.stringify(wordId)}`);
    if (words.length === 0) startLine = line;
    if (Number(wordId) !== words.length + 1) {
      throw new DataFormatError({ file, line, field: 'ID' }, `expected word id ${words.length + 1}, got ${wordId}`);
    }
    const headField = fields[6]!;
    if (!/^\d+$/.test(headField)) throw new DataFormatError({ file, line, field: 'HEAD' }, `expected a whole number, got ${JSON.stringify(headField)}`);
    const deprel = fields[7]!;
    if (deprel === '_' || deprel === '') throw new DataFormatError({ file, line, field: 'DEPREL' }, 'the relation is missing');
    const number = Number(wordId);
    let spaceAfter = !/(^|\|)SpaceAfter=No(\||$)/.test(fields[9]!);
    if (number <= rangeEnd) spaceAfter = number === rangeEnd ? rangeSpaceAfter : false;
    words.push({ form: fields[1]!, lemma: fields[2]!, upos: fields[3]!, head: -1, deprel, spaceAfter });
    rawHeads.push(Number(headField));
    headLines.push(line);
  }
  finish(firstLine + lines.length);
  return sentences;
}
