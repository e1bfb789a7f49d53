/**
 * Reads which kind of native program a file is from its first bytes: the format (ELF, Mach-O or
 * PE) and the CPU it is built for. Used to check that each platform package carries a server
 * that can run on that platform; it never runs the file.
 */
export type ExecutableFormat = 'elf' | 'macho' | 'macho-fat' | 'pe' | 'unknown';

export interface BinaryFormat {
  readonly format: ExecutableFormat;
  /** 'x64' or 'arm64'; other CPUs are named by their raw machine number, e.g. 'machine 0x28'. */
  readonly cpu: string;
}

const ELF_MACHINES: Record<number, string> = { 0x3e: 'x64', 0xb7: 'arm64' };
// Mach-O CPU types: CPU_ARCH_ABI64 (0x01000000) | CPU_TYPE_X86 (7) or CPU_TYPE_ARM (12).
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x64', 0x0100000c: 'arm64' };
const PE_MACHINES: Record<number, string> = { 0x8664: 'x64', 0xaa64: 'arm64' };

const named = (table: Record<number, string>, value: number) => table[value] ?? `machine 0x${value.toString(16)}`;
const unknown: BinaryFormat = { format: 'unknown', cpu: 'unknown' };

export function binaryFormat(bytes: Uint8Array): BinaryFormat {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    // e_ident[EI_DATA] says the byte order of the rest of the header; e_machine is at 0x12.
    const machine = b[5] === 2 ? b.readUInt16BE(0x12) : b.readUInt16LE(0x12);
    return { format: 'elf', cpu: named(ELF_MACHINES, machine) };
  }
  if (b.length >= 8 && b.readUInt32LE(0) === 0xfeedfacf) {
    // 64-bit Mach-O in little-endian order (both Intel and Apple silicon); cputype follows the magic.
    return { format: 'macho', cpu: named(MACHO_CPUS, b.readUInt32LE(4)) };
  }
  if (b.length >= 8 && b.readUInt32BE(0) === 0xcafebabe) {
    // A universal ("fat") Mach-O lists several architectures; each fat_arch record is 20 bytes.
    const count = b.readUInt32BE(4);
    const cpus: string[] = [];
    for (let i = 0; i < count && 8 + i * 20 + 4 <= b.length; i++) cpus.push(named(MACHO_CPUS, b.readUInt32BE(8 + i * 20)));
    return { format: 'macho-fat', cpu: cpus.join('+') };
  }
  if (b.length >= 0x40 && b.readUInt16LE(0) === 0x5a4d) {
    // The DOS header's e_lfanew (at 0x3C) points to "PE\0\0", followed by the COFF Machine field.
    const pe = b.readUInt32LE(0x3c);
    if (pe + 6 <= b.length && b.readUInt32BE(pe) === 0x50450000) return { format: 'pe', cpu: named(PE_MACHINES, b.readUInt16LE(pe + 4)) };
  }
  return unknown;
}
