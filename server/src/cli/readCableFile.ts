/** Reading a file as cable text: encodings detected, binary and non-files refused with a clear reason. */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

export type ReadResult =
  | { ok: true; text: string; note: string | null }
  | { ok: false; reason: string };

const BINARY: ReadResult = { ok: false, reason: 'not a text file (binary content)' };

/**
 * Control characters no text file holds (tab, line ends, form feed and the DOS end-of-file mark are text), and the
 * C1 codes Windows-1252 leaves undefined. Real cables have none; a few percent of them is binary data.
 */
const NON_TEXT = /[\u0000-\u0008\u000e-\u0019\u001b-\u001f\u007f\u0081\u008d\u008f\u0090\u009d]/g;

function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  const n = head.match(NON_TEXT)?.length ?? 0;
  return n >= 8 && n > head.length * 0.02;
}

// Decoders are reusable: one per encoding for the whole run, not one per file.
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const WINDOWS_1252 = new TextDecoder('windows-1252');

export function decodeCableBytes(bytes: Uint8Array): ReadResult {
  try {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'read as UTF-16LE' };
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'read as UTF-16BE' };
    const head = bytes.subarray(0, 8192);
    if (head.includes(0)) return BINARY;
    let text: string;
    let note: string | null = null;
    try {
      text = UTF8.decode(bytes);
    } catch {
      // Older conversions are often Windows-1252; read them rather than refuse, and say so.
      text = WINDOWS_1252.decode(bytes);
      note = 'not valid UTF-8; read as Windows-1252';
    }
    // Without NUL bytes, binary data still decodes (as Windows-1252 at worst): its control codes give it away.
    return looksBinary(text) ? BINARY : { ok: true, text, note };
  } catch (err) {
    // A file too big for one string (about 512 MB) cannot be decoded: say so instead of failing the whole run.
    return { ok: false, reason: `cannot be read as text (${(err as Error).message})` };
  }
}

/** What a path that is not a regular file is, in words. */
export function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  return 'not a file';
}

const WHY: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a directory', ELOOP: 'symbolic link loop' };

export function readCableFile(path: string): ReadResult {
  let fd: number;
  try {
    // Non-blocking: opening a named pipe must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: WHY[code ?? ''] ?? `cannot read (${code ?? (err as Error).message})` };
  }
  let bytes: Buffer;
  try {
    // Only regular files: a pipe may never end and a device (/dev/zero) never does.
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: `not a regular file (${kindOf(st)})` };
    bytes = readFileSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: WHY[code ?? ''] ?? `cannot read (${code ?? (err as Error).message})` };
  } finally {
    closeSync(fd);
  }
  return decodeCableBytes(bytes);
}
