/**
 * Mutated real cables for property tests: the damage real downloads carry (lost and doubled lines, truncation,
 * broken encodings, mixed line ends, NBSP, BOMs, lone surrogates, runaway lines), as fast-check arbitraries so a
 * failure shrinks to a small list of mutations on a named cable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const ROOT = join(__dirname, '../../..');
export const SEED = readFileSync(join(ROOT, 'seeds/000_0ac2a656c61260b0.txt'), 'utf8');

/** A spread of the real corpus (every `step`th file, sorted) plus the seed: every era and layout, few files. */
export function realCables(step = 60): { name: string; text: string }[] {
  const dir = join(ROOT, 'tests/fixtures/cables');
  const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().filter((_, k) => k % step === 0);
  return [{ name: 'seed', text: SEED }, ...names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))];
}

/** Characters that break naive text handling. */
export const HOSTILE_CHARS = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad',
  '\u2028', '\u2029', '\u200b', '\u200e', '\u202e', '\ufeff', '\ufffd', '\ud800', '\udc00', '\udbff', '\r', '\r\n', '\n\r', '\t',
];

/** Snippets that look like cable structure, to splice in where they do not belong. */
export const STRUCTURE_SNIPPETS = [
  '1. (', '(S//NF) ', '(((((', 'SECTION 01 OF 99 ', 'RUEHTA ', 'VZCZCXRO1\n', 'NNNN\n', 'BT\n', 'END SUMMARY.', 'SUMMARY: ',
  'E.O. 12958: DECL: 02/20/2019\n', 'TAGS: PGOV, PREL\n', 'SUBJECT: ', 'REF: A. STATE 1234 B. ', 'Classified By: X for reasons 1.4 (b)\n',
  'Identifier\nCreated\nReleased\nClassification\nOrigin\n', 'UNCLAS SECTION 01 OF 02 ASTANA 000308\n', 'O 200929Z FEB 09\n',
  'FM AMEMBASSY ASTANA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4680\n', 'XXXXXXXXXXXX', '[x](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '![i](http://e/x.png)',
];

export type Mutation =
  | { op: 'deleteLines'; at: number; count: number }
  | { op: 'duplicateLines'; at: number; count: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'flipByte'; at: number; xor: number }
  | { op: 'insert'; at: number; s: string }
  | { op: 'lineEnds'; style: 'crlf' | 'cr' | 'mixed'; seed: number }
  | { op: 'nbsp'; at: number; len: number }
  | { op: 'bom'; at: number }
  | { op: 'splitSurrogate'; at: number }
  | { op: 'longLine'; at: number; unit: string; times: number }
  | { op: 'caseChange'; at: number; len: number; upper: boolean };

const nat = fc.nat({ max: 1 << 30 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteLines' as const), at: nat, count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('duplicateLines' as const), at: nat, count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('swapLines' as const), a: nat, b: nat }),
  fc.record({ op: fc.constant('truncate' as const), at: nat }),
  fc.record({ op: fc.constant('flipByte' as const), at: nat, xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: nat, s: fc.oneof(fc.constantFrom(...HOSTILE_CHARS), fc.constantFrom(...STRUCTURE_SNIPPETS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })) }),
  fc.record({ op: fc.constant('lineEnds' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const), seed: nat }),
  fc.record({ op: fc.constant('nbsp' as const), at: nat, len: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ op: fc.constant('bom' as const), at: fc.oneof(fc.constant(0), nat) }),
  fc.record({ op: fc.constant('splitSurrogate' as const), at: nat }),
  fc.record({ op: fc.constant('longLine' as const), at: nat, unit: fc.constantFrom('X', ' ', 'RUEHTA ', '(', 'A.', '1. ', '\u00a0', 'SECRET '), times: fc.integer({ min: 500, max: 6000 }) }),
  fc.record({ op: fc.constant('caseChange' as const), at: nat, len: fc.integer({ min: 1, max: 3000 }), upper: fc.boolean() }),
);

function lineBounds(t: string): number[] {
  const starts = [0];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Applies one mutation; positions are taken modulo the text so any number is valid. */
export function mutate(t: string, m: Mutation): string {
  const at = (n: number) => (t.length ? n % (t.length + 1) : 0);
  switch (m.op) {
    case 'deleteLines':
    case 'duplicateLines': {
      const starts = lineBounds(t);
      const a = m.at % starts.length;
      const b = Math.min(starts.length, a + m.count);
      const from = starts[a];
      const to = b < starts.length ? starts[b] : t.length;
      return m.op === 'deleteLines' ? t.slice(0, from) + t.slice(to) : t.slice(0, to) + t.slice(from, to) + t.slice(to);
    }
    case 'swapLines': {
      const lines = t.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'truncate':
      return t.slice(0, at(m.at));
    case 'flipByte': {
      // Flip a byte of the UTF-8 encoding and decode as an editor would (invalid sequences become U+FFFD).
      const bytes = Buffer.from(t, 'utf8');
      if (bytes.length === 0) return t;
      bytes[m.at % bytes.length] ^= m.xor;
      return bytes.toString('utf8');
    }
    case 'insert': {
      const k = at(m.at);
      return t.slice(0, k) + m.s + t.slice(k);
    }
    case 'lineEnds': {
      if (m.style === 'crlf') return t.replace(/\r?\n/g, '\r\n');
      if (m.style === 'cr') return t.replace(/\r?\n/g, '\r');
      let n = m.seed;
      return t.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][(n = (n * 1103515245 + 12345) >>> 0) % 3]);
    }
    case 'nbsp': {
      const k = at(m.at);
      return t.slice(0, k) + t.slice(k, k + m.len).replace(/ /g, '\u00a0') + t.slice(k + m.len);
    }
    case 'bom': {
      const k = at(m.at);
      return `${t.slice(0, k)}\ufeff${t.slice(k)}`;
    }
    case 'splitSurrogate': {
      // Keep only half of a pair, or cut a pair apart with a space.
      const k = at(m.at);
      return `${t.slice(0, k)}\ud83d${t.slice(k, k + 1)}\ude00\ud83d${t.slice(k + 1)}`;
    }
    case 'longLine': {
      const k = at(m.at);
      return t.slice(0, k) + m.unit.repeat(m.times) + t.slice(k);
    }
    case 'caseChange': {
      const k = at(m.at);
      const part = t.slice(k, k + m.len);
      return t.slice(0, k) + (m.upper ? part.toUpperCase() : part.toLowerCase()) + t.slice(k + m.len);
    }
  }
}

export interface MutatedCable {
  base: string;
  mutations: Mutation[];
  text: string;
}

/** A real cable (or two glued together) with up to `max` mutations. */
export function mutatedCableArb(bases: { name: string; text: string }[], max = 6): fc.Arbitrary<MutatedCable> {
  const base = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...bases).map((b) => ({ name: b.name, text: b.text })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...bases), fc.constantFrom(...bases)).map(([a, b]) => ({ name: `${a.name}+${b.name}`, text: `${a.text}\n${b.text}` })) },
  );
  return fc.tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: max })).map(([b, ms]) => ({ base: b.name, mutations: ms, text: ms.reduce(mutate, b.text) }));
}

/** Text with no cable in it at all: random strings, binary-ish units, and cable words in random order. */
export const randomTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 3000 }),
  fc.string({ unit: 'binary', maxLength: 1500 }),
  fc.array(fc.oneof(fc.constantFrom(...STRUCTURE_SNIPPETS), fc.constantFrom(...HOSTILE_CHARS), fc.string({ maxLength: 20 })), { maxLength: 120 }).map((a) => a.join('')),
);
