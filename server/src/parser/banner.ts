/** The classification line (§A.3): designation, SECTION x OF y, MRN, trailing caveats. */
import { lookupCaveat } from '../knowledge/captions';
import type { Line } from './lines';
import type { Banner, BannerDesignation, Level, Mrn, SectionCount, Token } from './model';
import { tok, words } from './tokens';

interface DesignationInfo {
  normalized: BannerDesignation;
  level: Level;
  controls: string[];
}

/** Designations keyed by their letters with spaces removed. Longest keys are tried first. */
const DESIGNATIONS: Record<string, DesignationInfo> = {
  TOPSECRET: { normalized: 'TOP SECRET', level: 'TOP SECRET', controls: [] },
  SECRET: { normalized: 'SECRET', level: 'SECRET', controls: [] },
  CONFIDENTIAL: { normalized: 'CONFIDENTIAL', level: 'CONFIDENTIAL', controls: [] },
  UNCLASSIFIED: { normalized: 'UNCLASSIFIED', level: 'UNCLASSIFIED', controls: [] },
  UNCLASEFTO: { normalized: 'UNCLAS EFTO', level: 'UNCLASSIFIED', controls: ['EFTO'] },
  UNCLASSIFIEDEFTO: { normalized: 'UNCLAS EFTO', level: 'UNCLASSIFIED', controls: ['EFTO'] },
  UNCLAS: { normalized: 'UNCLAS', level: 'UNCLASSIFIED', controls: [] },
  LIMITEDOFFICIALUSE: { normalized: 'LIMITED OFFICIAL USE', level: 'UNCLASSIFIED', controls: ['LOU'] },
};

const PLAIN_WORDS = /^(UNCLASSIFIED E ?F ?T ?O|UNCLASSIFIED|UNCLAS E ?F ?T ?O|UNCLAS|LIMITED OFFICIAL USE|TOP SECRET|CONFIDENTIAL|SECRET)(?= |$)/i;
/** A run of at least five single letters separated by single spaces: `C O N F I D E N T I A L`. */
const LETTER_SPACED = /^(?:[A-Za-z] ){4,}[A-Za-z](?= |$)/;
const SECTION = /^SECTION {1,2}(\d{1,3}) {1,2}OF {1,2}(\d{1,3})(?= |$)/i;
/** Post words then a serial: `ASTANA 000308`, `BUENOS AIRES 001234`, `USUN NEW YORK 0123`. */
const MRN = /^(?:\d{2} {1,2})?([A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,4}) {1,3}(\d{3,7})(?= |$)/;

export interface BannerOptions {
  /** Accept a designation with no MRN (a bare `CONFIDENTIAL` line) — only where a banner is expected. */
  allowBare: boolean;
}

export function parseBanner(line: Line, from: number, opts: BannerOptions): Banner | null {
  const s = line.text;
  let at = from;
  while (at < s.length && s.charCodeAt(at) === 32) at++;
  const rest = s.slice(at);
  let desigLen = 0;
  let letters = '';
  let letterSpaced = false;
  const spaced = LETTER_SPACED.exec(rest);
  if (spaced) {
    desigLen = spaced[0].length;
    letters = spaced[0].replace(/ /g, '').toUpperCase();
    letterSpaced = true;
    // `UNCLAS E F T O`: the plain word then spaced letters.
  } else {
    const plain = PLAIN_WORDS.exec(rest);
    if (!plain) return null;
    desigLen = plain[0].length;
    letters = plain[0].replace(/ /g, '').toUpperCase();
  }
  const designation = tok(line, at, at + desigLen);
  const info = DESIGNATIONS[letters] ?? null;
  let i = at + desigLen;
  const skip = () => {
    while (i < s.length && s.charCodeAt(i) === 32) i++;
  };
  skip();
  let section: SectionCount | null = null;
  const sm = SECTION.exec(s.slice(i));
  if (sm) {
    const idxAt = s.indexOf(sm[1], i + 7);
    const totAt = s.indexOf(sm[2], idxAt + sm[1].length + 1);
    section = {
      start: line.start + i,
      end: line.start + i + sm[0].length,
      index: +sm[1],
      total: +sm[2],
      indexToken: tok(line, idxAt, idxAt + sm[1].length),
      totalToken: tok(line, totAt, totAt + sm[2].length),
    };
    i += sm[0].length;
    skip();
  }
  let mrn: Mrn | null = null;
  const mm = MRN.exec(s.slice(i, i + 80));
  if (mm && !/^SECTION\b/i.test(mm[1])) {
    const serialAt = i + mm[0].length - mm[2].length;
    const postAt = i + mm[0].indexOf(mm[1]);
    mrn = {
      start: line.start + i,
      end: line.start + i + mm[0].length,
      post: tok(line, postAt, postAt + mm[1].length),
      serial: tok(line, serialAt, serialAt + mm[2].length),
      serialNumber: parseInt(mm[2], 10),
    };
    i += mm[0].length;
  }
  const trailing = words(line, i);
  // A banner is a designation with an MRN, or a letter-spaced word (never prose), or a bare designation
  // standing alone where the caller expects one.
  const bare = !mrn && !section && trailing.length === 0;
  if (!mrn && !(letterSpaced && (section || bare)) && !(bare && opts.allowBare)) return null;
  // A misspelled designation is only believable when letter-spaced and followed by an MRN.
  if (!info && !(letterSpaced && mrn && letters.length >= 5)) return null;
  return {
    start: line.start + at,
    end: line.start + s.length,
    designation,
    normalized: info?.normalized ?? null,
    letters,
    level: info?.level ?? null,
    controls: info?.controls ?? [],
    letterSpaced,
    lowerCase: designation.text === designation.text.toLowerCase(),
    section,
    mrn,
    caveats: trailing
      .map((w) => ({ ...w, end: w.end - (/[,;]$/.test(w.text) ? 1 : 0), text: w.text.replace(/[,;]$/, '').toUpperCase() }))
      .filter((w) => lookupCaveat(w.text) !== null),
  };
}
