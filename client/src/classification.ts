/**
 * The overall marking of a cable as the client can read it from the classification line (banner) and the
 * handling captions under it. Pure: no vscode import, so unit tests run it directly.
 * Until the language server answers `cable/summary`, this is what the status bar shows.
 */

export type Level = 'U' | 'LOU' | 'C' | 'S' | 'TS';

export interface Marking {
  level: Level;
  /** Short overall marking, e.g. `UNCLAS//SBU`, `SECRET//NOFORN`. */
  text: string;
  /** Zero-based line of the classification line. */
  line: number;
  /** Dissemination/handling controls found on the banner line or in the captions, in banner order. */
  controls: string[];
  /** Message reference number from the banner: post and serial, e.g. `ASTANA 000308`. */
  mrn: string;
}

// Classification line: level, optional section count, MRN (post + serial). Letter-spaced levels are normal.
const BANNER =
  /^(UNCLAS(?:SIFIED)?(?: E ?F ?T ?O)?|LIMITED OFFICIAL USE|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|T ?O ?P ?S ?E ?C ?R ?E ?T)(?: SECTION \d{1,2} OF \d{1,2})? ([A-Z][A-Z .-]*?) (\d{4,7})\b(.*)$/;

/** Level spelled without spaces → level and the short form used in the marking text. */
const LEVELS: Record<string, { level: Level; short: string }> = {
  UNCLAS: { level: 'U', short: 'UNCLAS' },
  UNCLASSIFIED: { level: 'U', short: 'UNCLAS' },
  UNCLASEFTO: { level: 'U', short: 'UNCLAS EFTO' },
  UNCLASSIFIEDEFTO: { level: 'U', short: 'UNCLAS EFTO' },
  LIMITEDOFFICIALUSE: { level: 'LOU', short: 'LIMITED OFFICIAL USE' },
  CONFIDENTIAL: { level: 'C', short: 'CONFIDENTIAL' },
  SECRET: { level: 'S', short: 'SECRET' },
  TOPSECRET: { level: 'TS', short: 'TOP SECRET' },
};

/** Handling captions that belong in the overall marking (SIPDIS is a distribution flag, not a control). */
const CONTROLS = ['NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'STADIS'] as const;
const CONTROL_WORD = new RegExp(`\\b(${CONTROLS.join('|')})\\b`, 'g');
// SBU is sent as UNCLAS with the caption SENSITIVE (or SENSITIVE BUT UNCLASSIFIED) on its own line.
const SENSITIVE_CAPTION = /^SENSITIVE(?: BUT UNCLASSIFIED)?\b/;
// Captions end where the E.O./TAGS/SUBJECT block or the body starts.
const END_OF_CAPTIONS = /^(?:E\.? ?O\.?|E\. ?0\.|TAGS?\b|SUBJ(?:ECT)?\b|REFS?\b|\d+\. |CLASSIFIED BY)/i;

/** How far down a banner is looked for: metadata and envelope come first and are short. */
const SEARCH_LINES = 300;
const CAPTION_LINES = 15;

export function splitLines(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < max && start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    // A line longer than any real cable line is cut so a binary or minified file costs nothing.
    out.push(text.slice(start, Math.min(end, start + 500)).replace(/\u00a0/g, ' ').trimEnd());
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return out;
}

export function findMarking(text: string): Marking | undefined {
  const lines = splitLines(text, SEARCH_LINES);
  for (let i = 0; i < lines.length; i++) {
    const m = BANNER.exec(lines[i]);
    if (!m) continue;
    const info = LEVELS[m[1].replace(/ /g, '')];
    if (!info) continue;
    const controls: string[] = [];
    let sensitive = false;
    const addControls = (s: string) => {
      for (const c of s.matchAll(CONTROL_WORD)) if (!controls.includes(c[1])) controls.push(c[1]);
    };
    addControls(m[4]);
    for (let j = i + 1; j < Math.min(lines.length, i + 1 + CAPTION_LINES); j++) {
      const line = lines[j].trim();
      if (END_OF_CAPTIONS.test(line)) break;
      if (SENSITIVE_CAPTION.test(line)) sensitive = true;
      addControls(line);
    }
    // SBU is only an unclassified control: in a classified cable it is not carried in the banner.
    const parts = info.level === 'U' && sensitive ? ['SBU', ...controls] : controls;
    return { level: info.level, text: parts.length ? `${info.short}//${parts.join('/')}` : info.short, line: i, controls: parts, mrn: `${m[2]} ${m[3]}` };
  }
  return undefined;
}
