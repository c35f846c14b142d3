/**
 * @file Saves and loads a trained parser. Layout: the magic line `LMKG-PARSER 1\n`, a 4-byte
 * little-endian header length, a JSON header (info, labels, vocabularies, array lengths), padding
 * to 8 bytes, then the typed arrays back to back (each padded to 8 bytes). Written to a temporary
 * file and renamed, so a reader never sees half a model.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DataFormatError, NotFoundError } from '../errors.js';
import { PARSER_VERSION } from './defaults.js';
import { featureIndexFromKeys, featureKeys } from './feature-index.js';
import type { ParserModel, ParserModelInfo } from './parser-model.js';

const MAGIC = 'LMKG-PARSER 1\n';

type ArrayType = 'u32' | 'f32' | 'i32' | 'u16' | 'u8';
type NumberArray = Uint32Array | Float32Array | Int32Array | Uint16Array | Uint8Array;

interface Header {
  info: ParserModelInfo;
  labels: string[];
  leftLabels: number[];
  rightLabels: number[];
  rootLabel: number;
  words: string[];
  suffixes: string[];
  width: number;
  arrays: Array<{ name: string; type: ArrayType; length: number }>;
}

/** Writes a parser model to a file. */
export async function saveParserModel(model: ParserModel, file: string): Promise<void> {
  const { weights } = model;
  const arrays = {
    keys: featureKeys(weights.index),
    arc: weights.arc,
    leftStart: weights.left.start,
    leftCol: weights.left.col,
    leftValue: weights.left.value,
    rightStart: weights.right.start,
    rightCol: weights.right.col,
    rightValue: weights.right.value,
    ...(model.tagger ? {
      taggerKeys: featureKeys(model.tagger.index),
      taggerStart: model.tagger.start,
      taggerCol: model.tagger.col,
      taggerValue: model.tagger.value,
    } : {}),
  };
  const header: Header = {
    info: model.info,
    labels: model.labels,
    leftLabels: [...model.leftLabels],
    rightLabels: [...model.rightLabels],
    rootLabel: model.rootLabel,
    words: inIdOrder(model.words),
    suffixes: inIdOrder(model.suffixes),
    width: weights.width,
    arrays: Object.entries(arrays).map(([name, array]) => ({ name, type: arrayType(array), length: array.length })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.alloc(pad8(MAGIC.length + 4 + json.length));
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(json.length, MAGIC.length);
  json.copy(lead, MAGIC.length + 4);
  const parts: Buffer[] = [lead];
  for (const array of Object.values(arrays)) {
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    parts.push(bytes, Buffer.alloc(pad8(bytes.length) - bytes.length));
  }
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, Buffer.concat(parts));
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Reads a parser model written by `saveParserModel`. */
export async function loadParserModel(file: string): Promise<ParserModel> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    throw new NotFoundError(`loadParserModel: no model file ${file}; run \`lmkg parser train\``, { cause: error });
  }
  if (buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new DataFormatError({ file }, `not an lmkg parser model (expected it to start with ${JSON.stringify(MAGIC)}); delete it and run \`lmkg parser train\``);
  }
  let header: Header;
  let offset: number;
  try {
    const length = buffer.readUInt32LE(MAGIC.length);
    header = JSON.parse(buffer.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)) as Header;
    offset = pad8(MAGIC.length + 4 + length);
  } catch (error) {
    throw new DataFormatError({ file }, `the model header is damaged (${(error as Error).message}); delete the file and run \`lmkg parser train\``);
  }
  if (header.info?.parserVersion !== PARSER_VERSION) {
    throw new DataFormatError({ file }, `the model was trained by parser version ${JSON.stringify(header.info?.parserVersion)}, this lmkg runs ${JSON.stringify(PARSER_VERSION)} (features differ); train a new one with \`lmkg parser train\``);
  }
  const arrays: Record<string, NumberArray> = {};
  for (const { name, type, length } of header.arrays) {
    const size = { u32: 4, f32: 4, i32: 4, u16: 2, u8: 1 }[type] * length;
    if (offset + size > buffer.length) throw new DataFormatError({ file }, `the model is truncated (array "${name}"); delete it and run \`lmkg parser train\``);
    const bytes = buffer.subarray(offset, offset + size);
    const copy = new Uint8Array(size); // aligned copy
    copy.set(bytes);
    arrays[name] = type === 'u32' ? new Uint32Array(copy.buffer) : type === 'f32' ? new Float32Array(copy.buffer)
      : type === 'i32' ? new Int32Array(copy.buffer) : type === 'u16' ? new Uint16Array(copy.buffer) : copy;
    offset += pad8(size);
  }
  return {
    info: header.info,
    labels: header.labels,
    leftLabels: Int32Array.from(header.leftLabels),
    rightLabels: Int32Array.from(header.rightLabels),
    rootLabel: header.rootLabel,
    words: new Map(header.words.map((w, i) => [w, i + 3])),
    suffixes: new Map(header.suffixes.map((s, i) => [s, i + 3])),
    tagger: arrays.taggerKeys ? {
      index: featureIndexFromKeys(arrays.taggerKeys as Uint32Array),
      start: arrays.taggerStart as Int32Array,
      col: arrays.taggerCol as Uint8Array,
      value: arrays.taggerValue as Float32Array,
    } : null,
    weights: {
      index: featureIndexFromKeys(arrays.keys as Uint32Array),
      arc: arrays.arc as Float32Array,
      left: { start: arrays.leftStart as Int32Array, col: arrays.leftCol as Uint16Array, value: arrays.leftValue as Float32Array },
      right: { start: arrays.rightStart as Int32Array, col: arrays.rightCol as Uint16Array, value: arrays.rightValue as Float32Array },
      width: header.width,
    },
  };
}

function arrayType(array: NumberArray): ArrayType {
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Int32Array) return 'i32';
  return array instanceof Uint16Array ? 'u16' : 'u8';
}

function inIdOrder(map: Map<string, number>): string[] {
  const out: string[] = new Array(map.size);
  for (const [key, id] of map) out[id - 3] = key;
  return out;
}

function pad8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
