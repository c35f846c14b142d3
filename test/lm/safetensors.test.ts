import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFormatError } from '../../src/index.js';
import { decodeFloat32, parseSafetensors, readSafetensors, writeSafetensors } from '../../src/internal.js';
import { tempDir } from '../helpers/tmp.js';

function randomBits(count: number, seed: number): Float32Array {
  // arbitrary bit patterns (NaN payloads, -0, denormals included), to test a bit-exact round trip
  const bits = new Uint32Array(count);
  let x = seed;
  for (let i = 0; i < count; i += 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    bits[i] = x;
  }
  bits[0] = 0x80000000; // -0
  bits[1] = 0x00000001; // smallest denormal
  bits[2] = 0x7fc12345; // NaN with payload
  return new Float32Array(bits.buffer);
}

test('safetensors: write then read is bit-exact, header is 8-byte aligned with {"format":"pt"}', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'model.safetensors');
  const tensors = [
    { name: 'b.weight', shape: [3, 5], data: randomBits(15, 1) },
    { name: 'a.bias', shape: [7], data: randomBits(7, 2) },
    { name: 'scalar', shape: [], data: randomBits(1, 3) },
  ];
  writeSafetensors(file, tensors);
  const bytes = readFileSync(file);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  assert.equal((8 + headerLength) % 8, 0);
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));
  assert.deepEqual(header.__metadata__, { format: 'pt' });
  assert.deepEqual(header['b.weight'], { dtype: 'F32', shape: [3, 5], data_offsets: [0, 60] });
  assert.deepEqual(header['a.bias'], { dtype: 'F32', shape: [7], data_offsets: [60, 88] });
  assert.equal(bytes.length, 8 + headerLength + 92);
  const read = readSafetensors(file);
  assert.deepEqual(read.metadata, { format: 'pt' });
  assert.deepEqual([...read.tensors.keys()], ['b.weight', 'a.bias', 'scalar']);
  for (const tensor of tensors) {
    const entry = read.tensors.get(tensor.name)!;
    assert.deepEqual(entry.shape, tensor.shape);
    const decoded = decodeFloat32(entry);
    assert.deepEqual(new Uint8Array(decoded.buffer), new Uint8Array(tensor.data.buffer), tensor.name);
  }
  // writing what was read gives the same file, byte for byte
  const again = join(dir, 'again.safetensors');
  writeSafetensors(again, [...read.tensors].map(([name, entry]) => ({ name, shape: entry.shape, data: decodeFloat32(entry) })), read.metadata);
  assert.deepEqual(readFileSync(again), bytes);
});

function handMade(entries: Array<{ name: string; dtype: string; shape: number[]; bytes: number[] }>): Uint8Array {
  let offset = 0;
  const header: Record<string, unknown> = {};
  for (const e of entries) {
    header[e.name] = { dtype: e.dtype, shape: e.shape, data_offsets: [offset, offset + e.bytes.length] };
    offset += e.bytes.length;
  }
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([prefix, json, Buffer.from(entries.flatMap((e) => e.bytes))]);
}

test('safetensors: F16 and BF16 decode to the known float32 values', () => {
  // F16: 1.0 = 0x3c00, -2.0 = 0xc000, 65504 = 0x7bff, 2^-24 = 0x0001; BF16: 1.0 = 0x3f80, -0.5 = 0xbf00, 3.140625 = 0x4049
  const file = parseSafetensors(handMade([
    { name: 'h', dtype: 'F16', shape: [4], bytes: [0x00, 0x3c, 0x00, 0xc0, 0xff, 0x7b, 0x01, 0x00] },
    { name: 'b', dtype: 'BF16', shape: [3], bytes: [0x80, 0x3f, 0x00, 0xbf, 0x49, 0x40] },
    { name: 'ids', dtype: 'I64', shape: [1], bytes: [1, 0, 0, 0, 0, 0, 0, 0] },
  ]));
  assert.deepEqual([...decodeFloat32(file.tensors.get('h')!)], [1, -2, 65504, 2 ** -24]);
  assert.deepEqual([...decodeFloat32(file.tensors.get('b')!)], [1, -0.5, 3.140625]);
  assert.throws(() => decodeFloat32(file.tensors.get('ids')!), /I64 is not a float type/);
});

test('safetensors: malformed files are DataFormatErrors that name the file', (t) => {
  const dir = tempDir(t);
  const short = join(dir, 'short.safetensors');
  writeFileSync(short, Buffer.from([1, 2, 3]));
  assert.throws(() => readSafetensors(short), (e: unknown) => e instanceof DataFormatError && e.message.startsWith(short));
  const bad = Buffer.from(handMade([{ name: 'x', dtype: 'F32', shape: [2], bytes: [0, 0, 0, 0, 0, 0, 0, 0] }]));
  const json = bad.subarray(8).toString('latin1').replace('"shape":[2]', '"shape":[3]');
  assert.throws(() => parseSafetensors(Buffer.concat([bad.subarray(0, 8), Buffer.from(json, 'latin1')]), 'x.safetensors'),
    (e: unknown) => e instanceof DataFormatError && /needs 12 bytes/.test(e.message));
});
