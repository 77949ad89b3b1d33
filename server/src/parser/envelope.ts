/** ACP-127 transmission envelope lines FL1-FL8 (§A.2). Each recogniser looks at one line and never throws. */
import { isTrimSpace, upperAscii } from './chars';
import type { Line } from './lines';
import type { Addressee, AddresseeRole, DeLine, Dtg, Level, SecurityLine, Token } from './model';
import { expandYear, MONTHS, tok, words } from './tokens';
import { utcIso } from './utcIso';

const RI = /^[QRU][A-Z]{3,6}$/;
const VZCZC = /^VZCZC([A-Z]{2,3})(\d{2,5})$/;
const DE = /^DE ([QRU][A-Z]{3,6}) {1,3}#(\d{3,5})(?:\/(\d{1,3}))?(?: {1,3}(\d{3})(\d{4}))?\b/i;
/**
 * FL5. The op-signal may be repeated or followed by others (`R 301755Z MAR 07 ZFR ZFR ZFR ZFR ZFR`, 07GEORGETOWN319):
 * the run is read as one, else the line would not be a DTG at all. It may stand well apart from the group
 * (`O 261055Z JAN 10        ZDK`, 10BEIJING207).
 */
const DTG =
  /^([ZOPRY])(?: ([ZOPRY]))? {1,3}([0-3]\d)([0-2]\d)([0-5]\d) ?Z {1,3}(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) {1,3}(\d{4}|\d{2})\b(?: +(Z[A-Z0-9]{1,6}(?: {1,3}Z[A-Z0-9]{1,6})*))?/i;
const ADDRESSEE_PRECEDENCE = ['NIACT IMMEDIATE', 'IMMEDIATE', 'PRIORITY', 'ROUTINE', 'FLASH'];
/** The precedences with the space before them, as a name ends with them. */
const PRECEDENCE_ENDINGS = ADDRESSEE_PRECEDENCE.map((p) => ` ${p}`);
const SECURITY_GROUP: Record<string, { level: Level; efto: boolean }> = {
  U: { level: 'UNCLASSIFIED', efto: false },
  E: { level: 'UNCLASSIFIED', efto: true },
  C: { level: 'CONFIDENTIAL', efto: false },
  S: { level: 'SECRET', efto: false },
  T: { level: 'TOP SECRET', efto: false },
};

export function isRoutingIndicator(word: string): boolean {
  return RI.test(word);
}

/** Whether `s[from, to)` is a routing indicator (what {@link RI} matches), checked in place. */
function isRoutingIndicatorAt(s: string, from: number, to: number): boolean {
  const n = to - from;
  const c = s.charCodeAt(from);
  if (n < 4 || n > 7 || (c !== 81 && c !== 82 && c !== 85)) return false;
  for (let i = from + 1; i < to; i++) {
    const d = s.charCodeAt(i);
    if (d < 65 || d > 90) return false;
  }
  return true;
}

/**
 * How many words `s` holds from `from` on (words split at spaces and tabs, as `words` does) when every one is
 * a routing indicator (what {@link RI} matches), else -1. Counts without building tokens: most lines fail on
 * their first word.
 */
function indicatorWords(s: string, from: number): number {
  let n = 0;
  let i = from;
  for (;;) {
    let c = s.charCodeAt(i);
    while (c === 32 || c === 9) c = s.charCodeAt(++i);
    if (i >= s.length) return n;
    if (c !== 81 && c !== 82 && c !== 85) return -1;
    const b = i;
    c = s.charCodeAt(++i);
    while (c >= 65 && c <= 90) c = s.charCodeAt(++i);
    if (i < s.length && c !== 32 && c !== 9) return -1;
    if (i - b < 4 || i - b > 7) return -1;
    n++;
  }
}

export function parseTransmission(line: Line): { span: Token; channel: Token; sequence: Token } | null {
  // `VZCZC` after the indent, or rarer white space that trim() also removes: most lines stop here.
  const c0 = line.text.charCodeAt(line.indent);
  if (c0 !== 86 && !isTrimSpace(c0)) return null;
  const t = line.text.trim();
  const m = VZCZC.exec(t);
  if (!m) return null;
  const at = line.indent;
  return {
    span: tok(line, at),
    channel: tok(line, at + 5, at + 5 + m[1].length),
    sequence: tok(line, at + 5 + m[1].length, at + t.length),
  };
}

/** FL2 `OO RUEHAG RUEHAST ...`: prosign + routing indicators. */
export function parseProsignLine(line: Line): { prosign: Token; indicators: Token[] } | null {
  // A doubled prosign letter, a separator, then routing indicators only (PROSIGN and RI, checked by character).
  const s = line.text;
  const i = line.indent;
  const c = s.charCodeAt(i);
  if ((c !== 90 && c !== 79 && c !== 80 && c !== 82) || s.charCodeAt(i + 1) !== c) return null;
  const sep = s.charCodeAt(i + 2);
  if ((sep !== 32 && sep !== 9) || indicatorWords(s, i + 3) < 1) return null;
  const w = words(line);
  return { prosign: w[0], indicators: w.slice(1) };
}

/** An FL2 continuation line: routing indicators only. */
export function parseIndicatorLine(line: Line): Token[] | null {
  return indicatorWords(line.text, line.indent) > 0 ? words(line) : null;
}

export function parseDe(line: Line): DeLine | null {
  const s = line.text;
  if (upperAscii(s.charCodeAt(line.indent)) !== 68 || upperAscii(s.charCodeAt(line.indent + 1)) !== 69 || s.charCodeAt(line.indent + 2) !== 32) return null;
  const m = DE.exec(s.slice(line.indent));
  if (!m) return null;
  const base = line.indent;
  let at = base + 3;
  const find = (s: string | undefined): Token | null => {
    if (!s) return null;
    const k = line.text.indexOf(s, at);
    if (k < 0) return null;
    at = k + s.length;
    return tok(line, k, k + s.length);
  };
  const station = find(m[1])!;
  const serial = find(m[2])!;
  const section = find(m[3]);
  const julianDay = find(m[4]);
  const time = find(m[5]);
  return { start: line.start + base, end: line.start + base + m[0].length, station, serial, section, julianDay, time };
}

/** FL4 `ZNR UUUUU ZZH`, `ZNY CCCCC/AAAAA ZZH`. Release-code groups (`UUUAA`) keep the first letter's level. */
export function parseSecurity(line: Line): SecurityLine | null {
  // `ZNR`/`ZNY` (any case) and a separator before anything is split into words.
  const s = line.text;
  const i = line.indent;
  const c2 = upperAscii(s.charCodeAt(i + 2));
  const sep = s.charCodeAt(i + 3);
  if (upperAscii(s.charCodeAt(i)) !== 90 || upperAscii(s.charCodeAt(i + 1)) !== 78 || (c2 !== 82 && c2 !== 89) || (sep !== 32 && sep !== 9)) return null;
  const w = words(line);
  if (w.length < 2 || !/^ZN[RY]$/i.test(w[0].text)) return null;
  const g = /^([A-Z])[A-Z]{4}(?:\/([AB])[AB]{4})?$/i.exec(w[1].text);
  if (!g) return null;
  const kind = SECURITY_GROUP[g[1].toUpperCase()];
  const slash = w[1].text.indexOf('/');
  const group = slash < 0 ? w[1] : { start: w[1].start, end: w[1].start + slash, text: w[1].text.slice(0, slash) };
  const specat = slash < 0 ? null : { start: w[1].start + slash + 1, end: w[1].end, text: w[1].text.slice(slash + 1) };
  const opSignals = w.slice(2).filter((x) => /^Z[A-Z0-9]{2,3}$/i.test(x.text));
  if (opSignals.length !== w.length - 2) return null;
  return {
    start: w[0].start,
    end: w[w.length - 1].end,
    signal: w[0],
    group,
    level: kind?.level ?? null,
    efto: kind?.efto ?? false,
    specat,
    opSignals,
  };
}

/** FL5 `O 200929Z FEB 09`, 1970s `O R 051020Z JUN 79`, with an optional op-signal. */
export function parseDtg(line: Line): Dtg | null {
  // A precedence letter (any case) then a space: most lines stop here.
  const c0 = upperAscii(line.text.charCodeAt(line.indent));
  if ((c0 !== 90 && c0 !== 79 && c0 !== 80 && c0 !== 82 && c0 !== 89) || line.text.charCodeAt(line.indent + 1) !== 32) return null;
  const body = line.text.slice(line.indent);
  const m = DTG.exec(body);
  if (!m) return null;
  // The DTG line holds nothing else (an op-signal at most): a sentence that starts this way is not one.
  // A parenthesised handling note may follow (`O 091547Z OCT 09 (CCY ADC1AECC MSI3311-632)`).
  // (Trimmed first: `^\s*(...)?\s*$` on a long run of spaces before other text backtracks quadratically.)
  // So may the op-signal's citation (`ZDK CTG NUMEROUS REQUESTS`, 08RIYADH1619; `ZDS CTG RUEHSD 0020 1580042`,
  // 08NAIROBI1363): CTG, "citing", and what the signal cites.
  const after = body.slice(m[0].length).trim();
  if (body.length > m[0].length + 1 && after !== '' && !/^\([^()]*\)$/.test(after) && !(m[8] && /^CTG\s+\S/i.test(after))) return null;
  // The precedence words and the op-signal (the line's last word): words(line) would split the whole line.
  const precedences = firstWords(line, m[2] ? 2 : 1);
  const gStart = line.indent + body.indexOf(m[3] + m[4] + m[5]);
  const group = tok(line, gStart, line.indent + m[0].length - (m[8] ? m[8].length + 1 : 0));
  const month = MONTHS.indexOf(m[6].toUpperCase()) + 1;
  const year = expandYear(+m[7]);
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  // The op-signal run ends the match (a parenthesised note may follow it).
  const opEnd = line.start + line.indent + m[0].length;
  const op = m[8] ? { start: opEnd - m[8].length, end: opEnd, text: m[8] } : null;
  return {
    start: line.start + line.indent,
    end: line.start + line.indent + m[0].length,
    precedences,
    group,
    day,
    hour,
    minute,
    month,
    year,
    iso: utcIso(year, month, day, hour, minute),
    opSignal: op,
  };
}

const ROLE_KEYWORDS = new Map<string, AddresseeRole>([
  ['FM', 'from'],
  ['TO', 'to'],
  ['INFO', 'info'],
  ['XMT', 'xmt'],
]);

/** `FM ...`, `TO ...`, `INFO ...`, `XMT ...`: the keyword and the first addressee. */
export function parseRoleLine(line: Line): { keyword: Token; role: AddresseeRole; addressee: Addressee | null } | null {
  // `^(FM|TO|INFO|XMT)(?: +|$)`, read by character: the keyword, then spaces or the end of the line.
  const s = line.text;
  const at = line.indent;
  const c0 = s.charCodeAt(at);
  const word = c0 === 70 ? 'FM' : c0 === 84 ? 'TO' : c0 === 73 ? 'INFO' : c0 === 88 ? 'XMT' : null;
  if (word === null || !s.startsWith(word, at)) return null;
  let end = at + word.length;
  if (end < s.length && s.charCodeAt(end) !== 32) return null;
  const keyword = tok(line, at, end);
  while (s.charCodeAt(end) === 32) end++;
  const role = ROLE_KEYWORDS.get(word)!;
  return { keyword, role, addressee: parseAddressee(line, end, role) };
}

/** `RUEHC/SECSTATE WASHDC IMMEDIATE 4680`: optional RI, name, addressee precedence, serial. */
export function parseAddressee(line: Line, from: number, role: AddresseeRole): Addressee | null {
  let end = line.text.length;
  while (end > from && line.text.charCodeAt(end - 1) === 32) end--;
  while (from < end && line.text.charCodeAt(from) === 32) from++;
  if (end <= from) return null;
  const s = line.text;
  let route: Token | null = null;
  let nameFrom = from;
  // The route is a routing indicator before the first slash: `RUEHC/SECSTATE`.
  const slash = s.indexOf('/', from);
  if (slash > from && slash < end && isRoutingIndicatorAt(s, from, slash)) {
    route = tok(line, from, slash);
    nameFrom = slash + 1;
  }
  let nameEnd = end;
  let serial: Token | null = null;
  // ` (\d{1,4})$`: one to four digits at the end, after a space.
  let d = nameEnd;
  while (d > nameFrom && s.charCodeAt(d - 1) >= 48 && s.charCodeAt(d - 1) <= 57) d--;
  let digits = nameEnd - d;
  // A range of serials `5827-5828` (a cable sent in two parts to one post, 08STATE29529):
  // take the whole range, or the precedence before it stays part of the name.
  if (d < nameEnd && digits <= 4 && d - 1 > nameFrom && s.charCodeAt(d - 1) === 45) {
    let r = d - 1;
    while (r > nameFrom && s.charCodeAt(r - 1) >= 48 && s.charCodeAt(r - 1) <= 57) r--;
    if (r < d - 1 && d - 1 - r <= 4 && r - 1 >= nameFrom && s.charCodeAt(r - 1) === 32) {
      d = r;
      digits = 4;
    }
  }
  if (d < nameEnd && digits <= 4 && d - 1 >= nameFrom && s.charCodeAt(d - 1) === 32) {
    serial = tok(line, d, nameEnd);
    nameEnd = d - 1;
  }
  let precedence: Token | null = null;
  // Every precedence ends in E, Y or H: other ASCII endings skip the search.
  const last = s.charCodeAt(nameEnd - 1) | 32;
  if (last > 127 || last === 101 || last === 121 || last === 104) {
    const k = precedenceEnding(s, nameFrom, nameEnd);
    if (k >= 0) {
      const p = ADDRESSEE_PRECEDENCE[k];
      precedence = tok(line, nameEnd - p.length, nameEnd);
      nameEnd -= p.length + 1;
    }
  }
  const name = tok(line, nameFrom, nameEnd);
  if (!name.text) return null;
  return { start: line.start + from, end: line.start + end, role, route, name, precedence, serial };
}

/**
 * Index in ADDRESSEE_PRECEDENCE of the first precedence `s[from, to)` ends with after a space, case-insensitive,
 * or -1: what `s.slice(from, to).toUpperCase().endsWith(' ' + p)` finds. The tail is compared in place when it
 * is ASCII (upper-casing is then letter by letter); otherwise the string is upper-cased as that test does.
 */
function precedenceEnding(s: string, from: number, to: number): number {
  const tail = Math.max(from, to - 16);
  for (let i = tail; i < to; i++) {
    if (s.charCodeAt(i) > 127) {
      const upper = s.slice(from, to).toUpperCase();
      return PRECEDENCE_ENDINGS.findIndex((e) => upper.endsWith(e));
    }
  }
  for (let k = 0; k < PRECEDENCE_ENDINGS.length; k++) {
    const e = PRECEDENCE_ENDINGS[k];
    const at = to - e.length;
    if (at < from) continue;
    let j = 0;
    while (j < e.length && upperAscii(s.charCodeAt(at + j)) === e.charCodeAt(j)) j++;
    if (j === e.length) return k;
  }
  return -1;
}

function isWordBreak(c: number): boolean {
  return c === 32 || c === 9;
}

/** The first `n` words of the line, as `words(line).slice(0, n)` gives them. */
function firstWords(line: Line, n: number): Token[] {
  const s = line.text;
  const out: Token[] = [];
  let i = 0;
  while (out.length < n && i < s.length) {
    while (i < s.length && isWordBreak(s.charCodeAt(i))) i++;
    const b = i;
    while (i < s.length && !isWordBreak(s.charCodeAt(i))) i++;
    if (i > b) out.push({ start: line.start + b, end: line.start + i, text: s.slice(b, i) });
  }
  return out;
}

