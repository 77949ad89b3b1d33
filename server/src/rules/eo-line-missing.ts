import { cableExample } from './examples';
import type { Rule } from './types';

/** The first classification order that put an E.O. line on cables (E.O. 11652 in force). */
const FIRST_EO_DAY = '1972-06-01';
/**
 * An E.O. reference the parser may not have taken as the E.O. line: odd spacing (`EO 12958 DECL:`), after a
 * long list of passing lines or an internal distribution block, run into the banner line by a flattened
 * conversion, inside the quoted cable of a repeat (`FOLLOWING ... QUOTE:`), or with a mistyped order number
 * (`E.O. 12598`), or cut short by the source (`E.O. 129...`).
 */
const EO_TEXT = /\bE\s?\.?\s?O\s?\.?\s?(?:\d{5}\b|\d{1,4}\.\.\.)/i;
/** How far after the banner that reference is looked for. */
const EO_SEARCH = 6000;

/** R2 and State convention: every complete cable carries an E.O. line (N/A when unclassified). */
export const rule: Rule = {
  id: 'eo-line-missing',
  description: 'A complete cable has no E.O. line.',
  defaultSeverity: 'warning',
  tags: ['declassification', 'structure'],
  fixable: false,
  docs: {
    checks:
      'Reports a cable with a banner but no `E.O. nnnnn:` line in its caption block. Information for unclassified banners (where the line would say N/A), warning otherwise. Not reported when an E.O. reference stands elsewhere after the banner (odd spacing, a mistyped order number, a line cut short by the source: `E.O. 129...`). Skipped: partial records, texts the source cut short (`...`) before any paragraph, and cables dated before 1972-06-01 (before E.O. 11652).',
    why: 'Classified cables carry their declassification instruction on the E.O. line (R2); unclassified ones say `E.O. 12958: N/A` by convention [STATE-SBU-2000][SIPDIS-06].',
    sources: ['R2'],
    triggers: { text: cableExample({ eo: '' }), note: 'Caption block jumps from SIPDIS to TAGS.' },
    clean: { text: cableExample(), note: 'Has `E.O. 12958: DECL: ...`.' },
    notFlagged: ['Partial records.', 'Texts cut short (`...`) before their first paragraph.', 'Cables before mid-1972.'],
  },
  check({ cable, facts, text }) {
    const banner = cable.banner;
    if (cable.eo || !banner || cable.partial || facts.cutInHeader) return [];
    if (facts.day !== null && facts.day < FIRST_EO_DAY) return [];
    if (EO_TEXT.test(text.slice(banner.start, Math.min(cable.end, banner.end + EO_SEARCH)))) return [];
    return [
      {
        range: { start: banner.designation.start, end: banner.designation.end },
        message: facts.unclassified
          ? 'The cable has no E.O. line; unclassified cables say "E.O. 12958: N/A" (or the order of their era).'
          : 'The cable has no E.O. line, so no declassification instruction.',
        ...(facts.unclassified ? { severityOverride: 'information' as const } : {}),
      },
    ];
  },
};
