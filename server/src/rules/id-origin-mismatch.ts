import type { Cable } from '../parser/model';
import { cableExample, EXAMPLE_ENVELOPE, EXAMPLE_HEADER } from './examples';
import { otherSpelling, POST_ALIASES } from '../parser/postNames';
import { isRedactedPost } from './foreignText';
import { memoized } from './memo';
import type { Finding, Rule } from './types';


/** WikiLeaks `09ASTANA308`, or PlusD `1975STATE099768_b`. */
// The post ends at its last letter (what a lazy `[A-Z0-9]*?` found, but without backtracking over every digit).
const IDENTIFIER = /^((?:19|20)\d{2}|\d{2})([A-Z](?:[A-Z0-9]*[A-Z])?)(\d+)(_[a-z])?$/;

export function postKey(post: string): string {
  const key = post.toUpperCase().replace(/[^A-Z]/g, '');
  return POST_ALIASES[key] ?? key;
}

// Posts repeat from cable to cable: each is read once.
const postKeyOf = memoized(postKey);

/** For a PlusD identifier (4-digit year) its `_a` suffix (or ''); null for the WikiLeaks 2-digit style. */
function plusDSuffix(written: string): string | null {
  // A letter third (`09ASTANA308`) rules out a 4-digit year before the regex runs.
  const third = written.charCodeAt(2);
  if (third >= 65 && third <= 90) return null;
  const m = IDENTIFIER.exec(written);
  return m && m[1].length === 4 ? m[4] ?? '' : null;
}

/**
 * The identifier the cable's own DTG year and MRN give, in the style of the written one (2- or 4-digit year); with
 * `post`, for that post key instead of the MRN's (an equivalent spelling).
 */
export function canonicalIdentifier(cable: Cable, written: string, post?: string): string | null {
  const mrn = cable.banner?.mrn;
  const year = cable.envelope?.dtg?.year ?? (cable.date ? Number(cable.date.slice(0, 4)) : null);
  if (!mrn || !year) return null;
  const key = post ?? postKeyOf(mrn.post.text);
  const suffix = plusDSuffix(written);
  if (suffix !== null) {
    // PlusD keeps the serial as written on the MRN line, zero padding included.
    return `${year}${key}${mrn.serial.text}${suffix}`;
  }
  return `${String(year % 100).padStart(2, '0')}${key}${mrn.serialNumber}`;
}

/** The written identifier is the canonical one, or the canonical one with an equivalent post (`AITTAIPEI`/`TAIPEI`). */
function matches(cable: Cable, written: string, canonical: string): boolean {
  const upper = written.toUpperCase();
  if (canonical.toUpperCase() === upper) return true;
  const mrn = cable.banner!.mrn!;
  const other = otherSpelling(postKeyOf(mrn.post.text));
  return other !== undefined && canonicalIdentifier(cable, written, other)?.toUpperCase() === upper;
}

/** [CABLEMAP]: the identifier is YY + MRN post + serial; the DE station serial is the MRN serial mod 10000. */
export const rule: Rule = {
  id: 'id-origin-mismatch',
  description: 'The WikiLeaks identifier, or the DE station serial, disagrees with the MRN and DTG year.',
  defaultSeverity: 'warning',
  tags: ['metadata', 'envelope'],
  fixable: true,
  docs: {
    checks:
      'Builds the identifier from the DTG year (two digits), the MRN post with spaces removed (aliases SECSTATE→STATE, USUN→USUNNEWYORK; `AITTAIPEI` and `TAIPEI` are both accepted for each other, as WikiLeaks files AIT Taipei cables as `AITTAIPEI`) and the MRN serial without leading zeros, and compares it with the metadata `Identifier` (4-digit-year PlusD identifiers keep the padded serial and `_a` suffix). Also compares the DE line serial (`#0308`) with the MRN serial modulo 10000. Known malformed WikiLeaks identifiers (`10EFTOKABUL668`, `08SECTION01OF03CAIRO1416`) are reported once, with the canonical identifier as quick fix. A page whose text is another cable\'s (identifier and MRN differ in both post and serial: a mirror joined one cable\'s header to another\'s text) is reported once, without a fix; the rules that compare the text with the header\'s envelope, metadata or date then skip the cable. A redacted MRN post (`XXXXXXXXXXXX 000004`) is not compared. Partial records are skipped.',
    why: 'WikiLeaks identifiers are YY + post + serial [CABLEMAP] and the station serial on the DE line is the MRN serial mod 10000 [NF-06]. Identifiers with banner words leaked in are known WikiLeaks errors; a wrong identifier breaks references between cables.',
    sources: ['CABLEMAP'],
    triggers: {
      text: cableExample({ header: EXAMPLE_HEADER.replace('09ASTANA308', '09ASTANA380'), envelope: EXAMPLE_ENVELOPE }),
      note: 'Identifier 09ASTANA380 for MRN ASTANA 000308; the fix writes 09ASTANA308.',
    },
    clean: { text: cableExample({ header: EXAMPLE_HEADER, envelope: EXAMPLE_ENVELOPE }), note: 'Identifier 09ASTANA308, MRN ASTANA 000308, DE #0308.' },
    notFlagged: ['Partial records.'],
  },
  check({ cable, facts }) {
    if (!facts.crossChecks) return [];
    const out: Finding[] = [];
    const mrn = cable.banner?.mrn;
    const id = cable.metadata?.identifier?.value;
    if (id && mrn && facts.foreignText) {
      // One finding for the page: no identifier fix (the header is right for its own cable), no DE comparison.
      return [
        {
          range: { start: id.start, end: id.end },
          message: `The text below the header is another cable's (MRN ${mrn.post.text} ${mrn.serial.text}), not ${id.text}'s: the page joins two cables.`,
          related: [{ span: mrn, message: `MRN ${mrn.post.text} ${mrn.serial.text}` }],
        },
      ];
    }
    if (id && mrn && !isRedactedPost(mrn)) {
      const canonical = canonicalIdentifier(cable, id.text);
      if (canonical && !matches(cable, id.text, canonical)) {
        out.push({
          range: { start: id.start, end: id.end },
          message: `The identifier ${id.text} does not match the MRN ${mrn.post.text} ${mrn.serial.text} and DTG year; expected ${canonical}.`,
          related: [{ span: mrn, message: `MRN ${mrn.post.text} ${mrn.serial.text}` }],
          data: { fix: { title: `Change to ${canonical}`, edits: [{ span: { start: id.start, end: id.end }, newText: canonical }] } },
        });
      }
    }
    const de = cable.envelope?.de;
    if (de && mrn && /^\d+$/.test(de.serial.text) && Number(de.serial.text) !== mrn.serialNumber % 10000) {
      out.push({
        range: { start: de.serial.start, end: de.serial.end },
        message: `The DE station serial #${de.serial.text} does not match the MRN serial ${mrn.serial.text} (expected #${String(mrn.serialNumber % 10000).padStart(4, '0')}).`,
        related: [{ span: mrn, message: `MRN ${mrn.post.text} ${mrn.serial.text}` }],
      });
    }
    return out;
  },
};
