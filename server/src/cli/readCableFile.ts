/** Reading a file as cable text: encodings detected, binary refused with a clear reason. */
import { readFileSync } from 'node:fs';

export type ReadResult =
  | { ok: true; text: string; note: string | null }
  | { ok: false; reason: string };

export function decodeCableBytes(bytes: Uint8Array): ReadResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'read as UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'read as UTF-16BE' };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'not a text file (binary content)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    // Older conversions are often Windows-1252; read them rather than refuse, and say so.
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), note: 'not valid UTF-8; read as Windows-1252' };
  }
}

export function readCableFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory', ELOOP: 'symbolic link loop' };
    return { ok: false, reason: why[code ?? ''] ?? `cannot read (${code ?? (err as Error).message})` };
  }
  return decodeCableBytes(bytes);
}
