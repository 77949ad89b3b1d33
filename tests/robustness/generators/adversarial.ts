/**
 * Adversarial inputs for cable-lint and the language server, generated on demand (never checked in as giant
 * files). Each generator takes its size as an argument so tests can run a small and a large instance and
 * compare the cost, and `npm run fuzz` can run the full sizes the issue names.
 */
import { deflateSync, gzipSync } from 'node:zlib';
import { prng } from '../../../scripts/lib/prng.mjs';

export const MB = 1024 * 1024;

/** Repeats `unit` until the result is `size` characters (cut inside the last unit). */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export interface TextInput {
  name: string;
  /** What the file holds, for messages. */
  describe: string;
  kind: 'text';
  make(size: number): string;
  /** The size the issue names (characters). */
  fullSize: number;
  /** Largest size worth timing for growth (beyond it the parser's per-line cap makes growth linear anyway). */
  growthMax?: number;
}

export interface BinaryInput {
  name: string;
  describe: string;
  kind: 'binary';
  make(size: number): Uint8Array;
  fullSize: number;
  /** What cable-lint must do with it: refuse as non-text, or read it (and say how). */
  expect: 'refused' | 'read';
}

export type AdversarialInput = TextInput | BinaryInput;

/** A cable opening: banner, captions, subject, so the body rules have something to compare against. */
const HEAD = `UNCLAS SECTION 01 OF 02 ASTANA 000308

SENSITIVE
SIPDIS

E.O. 12958: N/A
TAGS: PGOV, PREL, KZ
SUBJECT: KAZAKHSTAN: ROBUSTNESS

`;

/** Portion marks: a valid one above the banner's level, and malformed ones the rules offer a certain fix for. */
const MARKS = ['(C)', '( u )', '(s//nf)', '(SBU)'];

export const TEXT_INPUTS: TextInput[] = [
  {
    name: 'one-line',
    describe: 'one line of cable-like words, no line break',
    kind: 'text',
    fullSize: 10 * MB,
    make: (size) => fill('SECRET RUEHTA (S//NF) E.O. 12958 TAGS: PGOV 1. (C) SECTION 01 OF 99 XXXXX ', size),
  },
  {
    name: 'parens',
    describe: 'a run of "(" after a paragraph number',
    kind: 'text',
    fullSize: 1 * MB,
    make: (size) => `${HEAD}1. ${fill('(', Math.max(0, size - HEAD.length - 3))}`,
  },
  {
    name: 'paragraph-numbers',
    describe: 'numbered paragraphs, one per line, each with a portion mark (half of them fixable: "( u )", "(s//nf)")',
    kind: 'text',
    // 100 000 paragraphs of about 20 characters.
    fullSize: 100_000 * 21,
    make: (size) => {
      const out = [HEAD];
      let n = 0;
      let len = HEAD.length;
      while (len < size) {
        const line = `${(n % 999) + 1}. ${MARKS[n % MARKS.length]} Text ${n}.\n`;
        out.push(line);
        len += line.length;
        n++;
      }
      return out.join('').slice(0, size);
    },
  },
  {
    name: 'routing-indicators',
    describe: 'a prosign line with tens of thousands of routing indicators',
    kind: 'text',
    // 50 000 indicators of 7 characters.
    fullSize: 50_000 * 7 + 40,
    make: (size) => `VZCZCXRO0308\nOO ${fill('RUEHAB ', Math.max(0, size - 40))}\nDE RUEHTA #0308/01 0510929\n`,
  },
  {
    name: 'sections',
    describe: 'the banner line SECTION 01 OF 99 repeated on every line',
    kind: 'text',
    fullSize: 2 * MB,
    make: (size) => fill('UNCLAS SECTION 01 OF 99 ASTANA 000308\nSECTION 01 OF 99 SECTION 01 OF 99 SECTION 01 OF 99\n', size),
  },
  {
    name: 'concatenated-cables',
    describe: 'thousands of small cables glued into one file (NNNN between them)',
    kind: 'text',
    fullSize: 4 * MB,
    make: (size) =>
      fill(
        `VZCZCXRO0308\nOO RUEHAB\nDE RUEHTA #0308/01 0510929\nZNR UUUUU ZZH\nO 200929Z FEB 09\nFM AMEMBASSY ASTANA\nTO RUEHC/SECSTATE WASHDC 4680\nBT\n${HEAD}1. (SBU) One.\n\n2. (SBU) Two.\n\nHOAGLAND\nNNNN\n`,
        size,
      ),
  },
  {
    name: 'wide-lines',
    describe: 'cable lines whose width grows with the size (DTG, metadata row, E.O., TAGS, SUBJECT, REF, marks), 16 cables',
    kind: 'text',
    fullSize: 2 * MB,
    growthMax: 16 * 12 * 3000,
    // A fixed number of lines that get wider: a pattern that is quadratic in one line's length shows as 4x here,
    // where more lines of the same width would only add up linearly.
    make: (size) => {
      const w = Math.max(1, Math.floor(size / (16 * 12)));
      const sp = ' '.repeat(w);
      const cable = [
        'Reference ID | Created | Released | Classification | Origin',
        `09ASTANA308${sp}| 2009-02-20 09:29${sp}|${sp}| UNCLASSIFIED | Embassy Astana`,
        'VZCZCXRO0308',
        `O 200929Z FEB 09${sp}X`,
        'DE RUEHTA #0308/01 0510929',
        `FM AMEMBASSY ASTANA${sp}X`,
        'UNCLAS SECTION 01 OF 02 ASTANA 000308',
        `E.O. 12958: DECL:${sp}X`,
        `TAGS: ${','.repeat(w)}X PGOV`,
        `SUBJECT: ${'A '.repeat(w >> 1)}X`,
        `Classified By: ${',:'.repeat(w >> 1)}X for reasons 1.4 (b)`,
        `REF: A. STATE ${'1'.repeat(Math.min(w, 3000))} B.${sp}X`,
        `1. (C-a-a-a-a-a-a-a-a-a-a-a-a-a-a!) ${'word '.repeat(w >> 2)}`,
        `2. (S${sp}/NF) ${'.'.repeat(w)}X`,
        'NNNN',
      ].join('\n');
      return `${cable}\n`.repeat(16).slice(0, size);
    },
  },
  {
    name: 'whitespace',
    describe: 'only spaces, tabs, NBSP and line breaks',
    kind: 'text',
    fullSize: 2 * MB,
    make: (size) => fill(' \t\u00a0 \n\r\n   \r', size),
  },
  {
    name: 'long-lines',
    describe: 'a cable whose lines are each tens of kilobytes long',
    kind: 'text',
    fullSize: 4 * MB,
    make: (size) => `${HEAD}${fill(`1. (C) ${'word '.repeat(10_000)}\n\n`, Math.max(0, size - HEAD.length))}`,
  },
];

/** The 8-byte PNG signature and an IHDR chunk, then noise: what a mis-saved scan looks like. */
function png(size: number): Uint8Array {
  const rand = prng(89);
  const out = new Uint8Array(size);
  const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 2, 0, 0, 0];
  out.set(head.slice(0, size));
  const idat = deflateSync(Buffer.alloc(Math.max(0, size), 7));
  out.set(idat.subarray(0, Math.max(0, size - head.length)), Math.min(size, head.length));
  for (let i = head.length + idat.length; i < size; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

/** Gzip members of cable text with random numbers (what a downloaded `.txt.gz` renamed to `.txt` holds). */
function gzip(size: number): Uint8Array {
  const rand = prng(31);
  const parts: Buffer[] = [];
  let len = 0;
  while (len < size) {
    let plain = '';
    while (plain.length < 64 * 1024) plain += `${(Math.floor(rand() * 99) + 1)}. (C) ${Math.floor(rand() * 1e12).toString(36)} ${Math.floor(rand() * 1e12).toString(36)}\n`;
    const member = gzipSync(plain);
    parts.push(member);
    len += member.length;
  }
  return new Uint8Array(Buffer.concat(parts).subarray(0, size));
}

/** UTF-16LE with a byte-order mark, as Windows Notepad saves "Unicode". */
function utf16(size: number): Uint8Array {
  const text = fill(`${HEAD}1. (SBU) Text \u00e9\u00e8 \u4e2d.\n\n`, Math.floor(size / 2) - 1);
  const b = Buffer.alloc(2 + text.length * 2);
  b[0] = 0xff;
  b[1] = 0xfe;
  b.write(text, 2, 'utf16le');
  return new Uint8Array(b);
}

/** UTF-16LE without a byte-order mark: half its bytes are NUL. */
function utf16NoBom(size: number): Uint8Array {
  const u = utf16(size + 2);
  return u.subarray(2);
}

/** Windows-1252 bytes (0x93/0x94 smart quotes, 0xA0 NBSP): invalid UTF-8. */
function cp1252(size: number): Uint8Array {
  const body = Buffer.from(fill(`${HEAD}1. (C) The \u0093minister\u0094 said.\u00a0\n\n`, size), 'latin1');
  return new Uint8Array(body.subarray(0, size));
}

/** Random bytes with no NUL (so the NUL test alone cannot refuse it). */
function noise(size: number): Uint8Array {
  const rand = prng(7);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = 1 + Math.floor(rand() * 255);
  return out;
}

export const BINARY_INPUTS: BinaryInput[] = [
  { name: 'png', describe: 'a PNG image', kind: 'binary', fullSize: 1 * MB, make: png, expect: 'refused' },
  { name: 'gzip', describe: 'gzip-compressed cable text', kind: 'binary', fullSize: 1 * MB, make: gzip, expect: 'refused' },
  { name: 'utf16', describe: 'UTF-16LE text with a byte-order mark', kind: 'binary', fullSize: 1 * MB, make: utf16, expect: 'read' },
  { name: 'utf16-no-bom', describe: 'UTF-16LE text without a byte-order mark', kind: 'binary', fullSize: 1 * MB, make: utf16NoBom, expect: 'refused' },
  { name: 'cp1252', describe: 'Windows-1252 text (not UTF-8)', kind: 'binary', fullSize: 1 * MB, make: cp1252, expect: 'read' },
  { name: 'noise', describe: 'random bytes without NUL', kind: 'binary', fullSize: 1 * MB, make: noise, expect: 'refused' },
];

export const ALL_INPUTS: AdversarialInput[] = [...TEXT_INPUTS, ...BINARY_INPUTS];

/** Bytes of an input at a size, for writing to disk. */
export function bytesOf(input: AdversarialInput, size: number): Uint8Array {
  return input.kind === 'text' ? new Uint8Array(Buffer.from(input.make(size), 'utf8')) : input.make(size);
}
