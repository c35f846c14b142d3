/**
 * @file A safetensors reader and writer (https://github.com/huggingface/safetensors): an 8-byte
 * little-endian header length N, N bytes of JSON (`{name: {dtype, shape, data_offsets}}` plus an
 * optional `__metadata__` of strings), then the tensor bytes. The writer pads the header with
 * spaces so the data starts on an 8-byte boundary, as the reference library does. Reading
 * decodes F32, F16 and BF16 to Float32Array; other dtypes are listed but decoded only on request.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { DataFormatError, UsageError } from '../errors.js';

export type SafetensorsDtype = 'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8' | 'U8' | 'BOOL' | string;

export interface SafetensorsEntry {
  dtype: SafetensorsDtype;
  shape: number[];
  /** The raw little-endian bytes (a view into the file buffer). */
  bytes: Uint8Array;
}

export interface SafetensorsFile {
  metadata: Record<string, string>;
  /** Entries in header order. */
  tensors: Map<string, SafetensorsEntry>;
}

const BYTES_PER: Record<string, number> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };
const MAX_HEADER = 100 * 1024 * 1024;

/** Parses safetensors bytes. `file` names the source in errors. */
export function parseSafetensors(buffer: Uint8Array, file = '<buffer>'): SafetensorsFile {
  if (buffer.byteLength < 8) throw new DataFormatError({ file }, `not a safetensors file: ${buffer.byteLength} bytes, shorter than the 8-byte header length`);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > MAX_HEADER || 8 + headerLength > buffer.byteLength) {
    throw new DataFormatError({ file }, `not a safetensors file: header length ${headerLength} does not fit the ${buffer.byteLength}-byte file`);
  }
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  } catch (error) {
    throw new DataFormatError({ file }, `not a safetensors file: the header is not UTF-8 JSON (${(error as Error).message})`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw new DataFormatError({ file }, 'safetensors header is not a JSON object');
  const dataStart = 8 + headerLength;
  const dataLength = buffer.byteLength - dataStart;
  const metadata: Record<string, string> = {};
  const tensors = new Map<string, SafetensorsEntry>();
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') {
      for (const [key, text] of Object.entries((value ?? {}) as Record<string, unknown>)) {
        if (typeof text !== 'string') throw new DataFormatError({ file, field: `__metadata__.${key}` }, 'metadata values must be strings');
        metadata[key] = text;
      }
      continue;
    }
    const info = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const where = { file, field: name };
    if (typeof info?.dtype !== 'string') throw new DataFormatError(where, 'tensor entry has no dtype');
    if (!Array.isArray(info.shape) || !info.shape.every((d) => Number.isInteger(d) && d >= 0)) throw new DataFormatError(where, 'tensor shape must be a list of non-negative integers');
    const offsets = info.data_offsets;
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0)) throw new DataFormatError(where, 'data_offsets must be [begin, end]');
    const [begin, end] = offsets as [number, number];
    if (begin > end || end > dataLength) throw new DataFormatError(where, `data_offsets [${begin}, ${end}] fall outside the ${dataLength} data bytes`);
    const shape = info.shape as number[];
    const per = BYTES_PER[info.dtype];
    const count = shape.reduce((a, b) => a * b, 1);
    if (per !== undefined && count * per !== end - begin) {
      throw new DataFormatError(where, `${info.dtype} tensor of shape [${shape.join(', ')}] needs ${count * per} bytes, data_offsets give ${end - begin}`);
    }
    tensors.set(name, { dtype: info.dtype, shape, bytes: buffer.subarray(dataStart + begin, dataStart + end) });
  }
  return { metadata, tensors };
}

/** Reads and parses a safetensors file. */
export function readSafetensors(file: string): SafetensorsFile {
  return parseSafetensors(readFileSync(file), file);
}

/** Decodes an F32, F16 or BF16 entry to a new Float32Array. */
export function decodeFloat32(entry: SafetensorsEntry, where = 'safetensors tensor'): Float32Array {
  const count = entry.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(count);
  const view = new DataView(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength);
  if (entry.dtype === 'F32') {
    // copy bytes first: the entry may not be 4-byte aligned inside the file buffer
    new Uint8Array(out.buffer).set(entry.bytes);
    if (endianness() === 'BE') for (let i = 0; i < count; i += 1) out[i] = view.getFloat32(i * 4, true);
  } else if (entry.dtype === 'F16') {
    for (let i = 0; i < count; i += 1) out[i] = halfToFloat(view.getUint16(i * 2, true));
  } else if (entry.dtype === 'BF16') {
    const bits = new Uint32Array(out.buffer);
    // a BF16 value is the top half of the F32 with the same bits
    for (let i = 0; i < count; i += 1) bits[i] = view.getUint16(i * 2, true) << 16;
  } else if (entry.dtype === 'F64') {
    for (let i = 0; i < count; i += 1) out[i] = view.getFloat64(i * 8, true);
  } else {
    throw new UsageError(`${where}: dtype ${entry.dtype} is not a float type; lmkg reads F32, F16, BF16 and F64 weights`);
  }
  return out;
}

/** IEEE 754 half precision bits to a number. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

export interface TensorToWrite {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** The header bytes (length prefix + JSON padded with spaces to a multiple of 8) for F32 tensors. */
export function safetensorsHeader(tensors: TensorToWrite[], metadata: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const tensor of tensors) {
    const count = tensor.shape.reduce((a, b) => a * b, 1);
    if (count !== tensor.data.length) throw new UsageError(`writeSafetensors: tensor "${tensor.name}" has ${tensor.data.length} values but shape [${tensor.shape.join(', ')}] needs ${count}`);
    header[tensor.name] = { dtype: 'F32', shape: tensor.shape, data_offsets: [offset, offset + tensor.data.byteLength] };
    offset += tensor.data.byteLength;
  }
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const padded = Math.ceil((8 + json.length) / 8) * 8 - 8;
  if (padded > json.length) json = Buffer.concat([json, Buffer.alloc(padded - json.length, 0x20)]);
  const out = Buffer.alloc(8 + json.length);
  out.writeBigUInt64LE(BigInt(json.length), 0);
  json.copy(out, 8);
  return out;
}

/**
 * Writes F32 tensors atomically (temp file, fsync, rename). `metadata` defaults to
 * `{format: "pt"}`, which Python transformers expects.
 */
export function writeSafetensors(file: string, tensors: TensorToWrite[], metadata: Record<string, string> = { format: 'pt' }): void {
  if (endianness() !== 'LE') throw new UsageError('writeSafetensors: big-endian machines are not supported');
  const names = new Set<string>();
  for (const tensor of tensors) {
    if (names.has(tensor.name)) throw new UsageError(`writeSafetensors: tensor "${tensor.name}" given twice`);
    names.add(tensor.name);
  }
  const header = safetensorsHeader(tensors, metadata);
  const temp = `${file}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    writeAll(fd, header);
    for (const tensor of tensors) writeAll(fd, new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  const chunk = 64 * 1024 * 1024;
  for (let start = 0; start < bytes.byteLength; start += chunk) {
    const part = bytes.subarray(start, Math.min(start + chunk, bytes.byteLength));
    let written = 0;
    while (written < part.byteLength) written += writeSync(fd, part, written);
  }
}
