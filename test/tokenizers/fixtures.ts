/**
 * @file Shared pieces of the tokenizer tests: a small training text with ASCII, accents, digits,
 * emoji, CJK and whitespace runs, probe strings, and the two reference implementations loading the
 * same files (tokenizers.js directly, and transformers.js' AutoTokenizer from the folder).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Tokenizer as HfTokenizer } from '@huggingface/tokenizers';
import { AutoTokenizer, env } from '@huggingface/transformers';

const PARAGRAPHS = [
  'Dante Alighieri was born in Florence in 1265. He wrote the Divine Comedy, and he died in Ravenna in 1321.',
  'Marie Curie (born Maria Skłodowska) was a Polish-French physicist and chemist; she won the Nobel Prize in 1903 and 1911.',
  'The café served crème brûlée, jalapeño soup and a naïve piña colada — for €4.50 each, or £3.99!',
  'Björk Guðmundsdóttir is an Icelandic singer. Zürich, São Paulo, Kraków and Ångström are spelled with accents.',
  'Numbers: 0 1 2 3 4 5 6 7 8 9, 42, 3.14159, 1,000,000 and 2021-10-21; phone +41 (0)44 123 45 67.',
  'Emoji 😀 and 👍🏽 and the flag 🇫🇷 appear in tweets; so do #hashtags, @mentions and URLs like https://example.org/a_b?x=1.',
  'Tokyo (東京) is the capital of Japan, and Beijing (北京) is the capital of China.',
  'Whitespace   runs\tand\ttabs    appear   here;  two  spaces  between  words.',
  "It's, don't, we'll, they're, I'm, you've, she'd: contractions everywhere.",
  'The Divine Comedy was written by Dante; Florence was his home, and Ravenna was where he died.',
];

/** The training text: each paragraph several times, so that frequent pairs pass min frequency 2. */
export const TRAINING_TEXT = Array.from({ length: 6 }, (_, i) => PARAGRAPHS.map((p) => (i % 2 ? p.toUpperCase() : p)).join('\n')).join('\n\n') + '\n';

export function writeTrainingText(dir: string): string {
  const file = join(dir, 'train.txt');
  writeFileSync(file, TRAINING_TEXT);
  return file;
}

/** Strings the tokenizers are checked on: the kinds of text the issue lists, and awkward cases. */
export const PROBES = [
  'Dante was born in Florence.',
  'Marie Curie won the Nobel Prize in 1903.',
  'café crème brûlée naïve Ångström Zürich Kraków',
  'CAFÉ CRÈME BRÛLÉE',
  'Digits 0123456789 and 3.14159 and 1,000,000',
  'Emoji: 😀👍🏽🇫🇷 ok',
  'Tokyo (東京) and 北京',
  'a   b\t\tc\n\nd   ',
  '   leading and trailing   ',
  "It's don't they're",
  'Supercalifragilisticexpialidocious-antidisestablishmentarianism-pneumonoultramicroscopicsilicovolcanoconiosis',
  'ctrl\u0000chars\u0007and\u00adsoft\u200bhyphen\ufeffbom\u0085nel',
  '',
  ' ',
];

export function loadHfTokenizer(dir: string): HfTokenizer {
  const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
  const config = JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8'));
  return new HfTokenizer(json, config);
}

/** transformers.js AutoTokenizer on a local folder, offline. */
export async function loadTransformersTokenizer(dir: string) {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${dirname(dir)}/`;
  return AutoTokenizer.from_pretrained(basename(dir));
}
