/**
 * Pathological strings for one regular expression: long runs of the characters its quantifiers consume, with a
 * tail that makes the match fail at the end (where a backtracking engine pays for every way of splitting the
 * run). Built from the pattern itself: its literal characters and a few members of each character class, alone
 * and in pairs, and "pumped" matches (a match whose middle is repeated many times), sampled with fast-check.
 */
import fc from 'fast-check';

export interface Shape {
  prefix: string;
  unit: string;
  tail: string;
}

const POOL = [' ', 'a', 'A', 'z', 'Z', '0', '9', '.', ',', '-', '/', '(', ')', ':', ';', '\t', '_', 'x', '#', '\u00a0', 'é'];

const ESCAPES: Record<string, string[]> = {
  d: ['0', '7'],
  D: ['x', ' '],
  s: [' ', '\t'],
  S: ['x', '-'],
  w: ['a', 'Z', '0', '_'],
  W: [' ', '-', '('],
  h: ['a', '0'],
  H: ['x', ' '],
  n: ['\n'],
  t: ['\t'],
  r: ['\r'],
  f: ['\f'],
  v: ['\v'],
};

/** Members of a bracket class body (`A-Z.'-`), or pool characters outside it when negated. */
function classMembers(body: string, flags: string): string[] {
  let negated = false;
  if (body.startsWith('^')) {
    negated = true;
    body = body.slice(1);
  }
  if (negated) {
    try {
      const re = new RegExp(`[${body}]`, flags.replace(/[gy]/g, ''));
      return POOL.filter((c) => !re.test(c)).slice(0, 4);
    } catch {
      return ['x', ' '];
    }
  }
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      const e = body[++i];
      if (ESCAPES[e]) {
        out.push(...ESCAPES[e]);
        continue;
      }
      if (e === 'p' || e === 'P') {
        out.push('a', 'é', '1');
        i = body.indexOf('}', i);
        if (i < 0) break;
        continue;
      }
      if (e === 'u' && /^[0-9a-fA-F]{4}/.test(body.slice(i + 1, i + 5))) {
        c = String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (e === 'x' && /^[0-9a-fA-F]{2}/.test(body.slice(i + 1, i + 3))) {
        c = String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
        i += 2;
      } else c = e;
    }
    if (body[i + 1] === '-' && i + 2 < body.length && body[i + 2] !== ']') {
      let hi = body[i + 2];
      let skip = 2;
      if (hi === '\\' && body[i + 3] === 'u') {
        hi = String.fromCharCode(parseInt(body.slice(i + 4, i + 8), 16));
        skip = 7;
      }
      const lo = c.charCodeAt(0);
      const h = hi.charCodeAt(0);
      out.push(c, hi, String.fromCharCode((lo + h) >> 1));
      i += skip;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Characters the pattern can consume: literals, class members, escapes. */
export function alphabetOf(source: string, flags: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[++i];
      if (e === undefined) break;
      if (ESCAPES[e]) out.push(...ESCAPES[e]);
      else if (e === 'p' || e === 'P') {
        out.push('a', 'é', '1');
        const close = source.indexOf('}', i);
        if (close > 0) i = close;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}/.test(source.slice(i + 1, i + 5))) {
        out.push(String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16)));
        i += 4;
      } else if (!/[bBAzZGk0-9]/.test(e)) out.push(e);
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out.push(...classMembers(source.slice(i + 1, j), flags));
      i = j;
    } else if (c === '.') out.push('x', ' ');
    else if (c === '(' && source[i + 1] === '?') {
      // Group syntax (`(?:`, `(?=`, `(?<name>`, `(?i)`) is not text.
      const m = /^\(\?(?:<[=!]|<[A-Za-z_]\w*>|[:=!>]|[imx-]+\)?)/.exec(source.slice(i));
      if (m) i += m[0].length - 1;
    } else if (c === '{') {
      const m = /^\{\d*,?\d*\}/.exec(source.slice(i));
      if (m) i += m[0].length - 1;
      else out.push(c);
    } else if (!'()|*+?^$'.includes(c)) out.push(c);
  }
  const caseless = flags.includes('i') || /\(\?[a-z]*i/.test(source);
  const all = caseless ? out.flatMap((c) => [c, c.toLowerCase(), c.toUpperCase()]) : out;
  return [...new Set(all)];
}

/** A JS version of a grammar (Oniguruma) pattern, good enough to sample matching strings from. */
function jsLike(source: string, flags: string, engine: 'js' | 'onig'): RegExp | null {
  try {
    if (engine === 'js') return new RegExp(source, flags.replace(/[gy]/g, ''));
    let f = '';
    const s = source
      .replace(/\(\?i\)/g, () => ((f = 'i'), ''))
      .replace(/\(\?>/g, '(?:')
      .replace(/([*+?}])\+/g, '$1')
      .replace(/\\h/g, '[0-9a-fA-F]')
      .replace(/\\A/g, '^')
      .replace(/\\[zZ]/g, '$')
      .replace(/\\G/g, '');
    return new RegExp(s, f);
  } catch {
    return null;
  }
}

export interface ShapeOptions {
  /** Most single characters used. */
  singles: number;
  /** Most character pairs used. */
  pairs: number;
  /** Sampled matches to pump. */
  samples: number;
  seed: number;
}

/** A character matching none of the alphabet: the tail that makes a run fail. */
function failingTail(alphabet: string[]): string {
  return ['\u0000', '\u2603', '~', '!'].find((c) => !alphabet.includes(c)) ?? '\u0000';
}

export function shapesFor(source: string, flags: string, engine: 'js' | 'onig', o: ShapeOptions): Shape[] {
  const alphabet = alphabetOf(source, flags);
  const fail = failingTail(alphabet);
  const shapes: Shape[] = [];
  const singles = alphabet.slice(0, o.singles);
  for (const c of singles) shapes.push({ prefix: '', unit: c, tail: fail }, { prefix: '', unit: c, tail: '\n' });
  let pairs = 0;
  outer: for (let a = 0; a < singles.length; a++) {
    for (let b = a + 1; b < singles.length; b += Math.max(1, Math.floor(singles.length / 3))) {
      if (pairs++ >= o.pairs) break outer;
      shapes.push({ prefix: '', unit: singles[a] + singles[b], tail: fail });
    }
  }
  const re = jsLike(source, flags, engine);
  if (re && o.samples > 0) {
    let samples: string[] = [];
    try {
      samples = fc.sample(fc.stringMatching(re, { size: 'small' }), { seed: o.seed, numRuns: o.samples * 3 });
    } catch {
      samples = [];
    }
    const seen = new Set<string>();
    for (const s of samples) {
      if (s.length < 1 || seen.has(s) || seen.size >= o.samples) continue;
      seen.add(s);
      const L = s.length;
      const cuts: [number, number][] = [[0, L], [0, 1], [L - 1, L], [Math.floor(L / 3), Math.max(Math.floor(L / 3) + 1, Math.floor((2 * L) / 3))]];
      for (const [i, j] of cuts) {
        if (j <= i) continue;
        shapes.push({ prefix: s.slice(0, i), unit: s.slice(i, j), tail: s.slice(j) + fail });
        shapes.push({ prefix: s.slice(0, i), unit: s.slice(i, j), tail: fail });
      }
    }
  }
  return shapes;
}
