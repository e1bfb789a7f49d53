import { strict as assert } from 'assert';
import * as fs from 'fs';
import { test } from 'node:test';
import { binaryFormat } from './support/binaryFormat';

/** Bytes with the given values written at the given offsets (the rest zero). */
function header(size: number, writes: Array<[offset: number, write: (b: Buffer, at: number) => void]>): Buffer {
  const b = Buffer.alloc(size);
  for (const [offset, write] of writes) write(b, offset);
  return b;
}
const u8 = (v: number) => (b: Buffer, at: number) => b.writeUInt8(v, at);
const u16le = (v: number) => (b: Buffer, at: number) => b.writeUInt16LE(v, at);
const u16be = (v: number) => (b: Buffer, at: number) => b.writeUInt16BE(v, at);
const u32le = (v: number) => (b: Buffer, at: number) => b.writeUInt32LE(v, at);
const u32be = (v: number) => (b: Buffer, at: number) => b.writeUInt32BE(v, at);

const elf = (machine: number) => header(64, [[0, u32be(0x7f454c46)], [4, u8(2)], [5, u8(1)], [0x12, u16le(machine)]]);
const macho = (cpu: number) => header(32, [[0, u32le(0xfeedfacf)], [4, u32le(cpu)]]);
const pe = (machine: number) => header(0x100, [[0, u16le(0x5a4d)], [0x3c, u32le(0x80)], [0x80, u32be(0x50450000)], [0x84, u16le(machine)]]);

test('ELF: e_machine 0x3E is x64, 0xB7 is arm64', () => {
  assert.deepEqual(binaryFormat(elf(0x3e)), { format: 'elf', cpu: 'x64' });
  assert.deepEqual(binaryFormat(elf(0xb7)), { format: 'elf', cpu: 'arm64' });
  assert.deepEqual(binaryFormat(elf(0x28)), { format: 'elf', cpu: 'machine 0x28' });
});

test('ELF: a big-endian header is read in its own byte order', () => {
  const b = header(64, [[0, u32be(0x7f454c46)], [4, u8(2)], [5, u8(2)], [0x12, u16be(0xb7)]]);
  assert.deepEqual(binaryFormat(b), { format: 'elf', cpu: 'arm64' });
});

test('ELF: the program running this test is an x64 or arm64 ELF file', () => {
  const self = fs.readFileSync(process.execPath).subarray(0, 64);
  assert.deepEqual(binaryFormat(self), { format: 'elf', cpu: process.arch });
});

test('Mach-O 64: CPU type 0x01000007 is x64, 0x0100000C is arm64', () => {
  assert.deepEqual(binaryFormat(macho(0x01000007)), { format: 'macho', cpu: 'x64' });
  assert.deepEqual(binaryFormat(macho(0x0100000c)), { format: 'macho', cpu: 'arm64' });
  // 32-bit x86 (CPU_TYPE_X86 without the 64-bit flag) is not mistaken for x64.
  assert.deepEqual(binaryFormat(macho(0x00000007)), { format: 'macho', cpu: 'machine 0x7' });
});

test('Mach-O fat: every architecture is listed', () => {
  const b = header(48, [[0, u32be(0xcafebabe)], [4, u32be(2)], [8, u32be(0x01000007)], [28, u32be(0x0100000c)]]);
  assert.deepEqual(binaryFormat(b), { format: 'macho-fat', cpu: 'x64+arm64' });
});

test('PE: the COFF Machine field after "PE\\0\\0" gives the CPU', () => {
  assert.deepEqual(binaryFormat(pe(0x8664)), { format: 'pe', cpu: 'x64' });
  assert.deepEqual(binaryFormat(pe(0xaa64)), { format: 'pe', cpu: 'arm64' });
  assert.deepEqual(binaryFormat(pe(0x014c)), { format: 'pe', cpu: 'machine 0x14c' });
});

test('not a program, or cut short: unknown, never a throw', () => {
  assert.deepEqual(binaryFormat(Buffer.from('#!/bin/sh\necho hi\n')), { format: 'unknown', cpu: 'unknown' });
  assert.deepEqual(binaryFormat(Buffer.alloc(0)), { format: 'unknown', cpu: 'unknown' });
  assert.deepEqual(binaryFormat(elf(0x3e).subarray(0, 10)), { format: 'unknown', cpu: 'unknown' });
  // An MZ header whose e_lfanew points past the end of what was read.
  assert.deepEqual(binaryFormat(pe(0x8664).subarray(0, 0x80)), { format: 'unknown', cpu: 'unknown' });
});
