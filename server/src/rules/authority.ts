/** Shared reading of the Classified-By statement and of which order's face-marking rules apply. */
import type { Cable, Span } from '../parser/model';
import type { CableFacts } from './facts';

/** E.O. 12958 in force: from here on a classified cable states who classified it and why (R2). */
export const E12958_EFFECTIVE = '1995-10-14';
const MODERN_ORDERS = new Set(['12958', '13292', '13526']);

/** Whether E.O. 12958 / 13526 face-marking rules apply: by date, else by the order the cable cites. */
export function modernEra(cable: Cable, facts: CableFacts): boolean {
  if (facts.day !== null) return facts.day >= E12958_EFFECTIVE;
  const order = cable.eo?.order?.text;
  return order !== undefined && MODERN_ORDERS.has(order);
}

/** A line that opens a new portion (`(S//NF) Summary`) ends the statement. Sticky: tried at line breaks. */
const PORTION_LINE = /\r?\n[ \t]*\((?:U|SBU|C|S|TS)(?:\/{1,2}[A-Z -]+)?\)/iy;
/** A reason standing alone after a blank line (`FOR REASONS\n\n1.4 B, D`). */
const REASON_AFTER_BLANK = /^\r?\n[ \t]*\r?\n[ \t]*(?:1\s?[./]\s?[45]|reasons?\b)[^\n]*/i;

/**
 * The text of the Classified-By statement: from its label to the end of its sentence group (blank line, next
 * paragraph or a line opening a portion), capped. The reason often wraps onto the next line ("... for\nreasons
 * 1.4 (b) and (d)"), sometimes after a blank line.
 */
export function classifiedByText(text: string, cable: Cable): { span: Span; text: string } | null {
  const cb = cable.classifiedBy;
  if (!cb) return null;
  let end = Math.min(text.length, Math.max(cb.end, cb.start + 600));
  const next = nextParagraph(cable, cb.start);
  if (next && next.start < end) end = Math.max(next.start, cb.start + 1);
  const window = text.slice(cb.start, end);
  const { blank, portion } = statementBreaks(window);
  let cut = Math.min(blank, portion);
  if (blank !== Infinity && cut === blank) {
    const more = REASON_AFTER_BLANK.exec(window.slice(blank));
    if (more) cut = Math.min(blank + more[0].length, portion);
  }
  if (cut !== Infinity) end = cb.start + cut;
  return { span: { start: cb.start, end }, text: text.slice(cb.start, end) };
}

function nextParagraph(cable: Cable, after: number): Cable['paragraphs'][number] | undefined {
  for (const p of cable.paragraphs) if (p.start > after) return p;
  return undefined;
}

/**
 * Where the first blank line (`\r?\n[ \t\u00a0]*\r?\n`) and the first PORTION_LINE start in the window, or
 * Infinity: one walk from line break to line break instead of two regex scans of the whole window.
 */
function statementBreaks(window: string): { blank: number; portion: number } {
  let blank = Infinity;
  let portion = Infinity;
  for (let i = window.indexOf('\n'); i >= 0 && portion === Infinity; i = window.indexOf('\n', i + 1)) {
    const start = i > 0 && window.charCodeAt(i - 1) === 13 ? i - 1 : i;
    if (blank === Infinity) {
      let j = i + 1;
      while (j < window.length && isBlankSpace(window.charCodeAt(j))) j++;
      if (window.charCodeAt(j) === 13) j++;
      if (window.charCodeAt(j) === 10) blank = start;
    }
    let j = i + 1;
    while (j < window.length && (window.charCodeAt(j) === 32 || window.charCodeAt(j) === 9)) j++;
    if (window.charCodeAt(j) === 40) {
      PORTION_LINE.lastIndex = start;
      if (PORTION_LINE.test(window)) portion = start;
    }
  }
  return { blank, portion };
}

/** Space, tab or no-break space: what a blank line may hold. */
function isBlankSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/**
 * The statement with a common typo of the reason section read as meant (`1/4 (B)` = 1.4). Same length, so
 * offsets still map to the source.
 */
export function normalizeReasonTypos(statement: string): string {
  // The typo needs `1/` or `1,`: most statements have neither and are returned as they are.
  if (statement.indexOf('1/') < 0 && statement.indexOf('1,') < 0) return statement;
  return statement.replace(/\b1[/,]([45])(?=\s*\(?[A-Ha-h]\b)/g, '1.$1');
}
