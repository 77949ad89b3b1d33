import { filingMinutesFromDtg } from '../knowledge/dtg';
import { cableExample, EXAMPLE_ENVELOPE, EXAMPLE_HEADER } from './examples';
import type { Rule } from './types';

/** The DE filing time may trail the DTG by minutes [NF-06]; beyond this it is worth a note. */
const FILING_TOLERANCE_MINUTES = 30;

function minute(iso: string): string {
  return iso.slice(0, 16);
}

/**
 * The 2010 cablegate.wikileaks.org pages (and mirrors copied from them) print Created as `%H:%I`: the minute
 * field holds the 12-hour-clock hour (`2006-12-20 08:08` for DTG `200807Z`, `2001-02-23 15:03` for `231553Z`).
 * Such a label is only precise to the hour; the DTG keeps the minutes.
 */
export function hourOnlyLabel(createdIso: string): boolean {
  const hour = Number(createdIso.slice(11, 13));
  const min = Number(createdIso.slice(14, 16));
  return min === (hour % 12 === 0 ? 12 : hour % 12);
}

/** `a.slice(0, n) === b.slice(0, n)`, without making the slices (this runs on every cable). */
function samePrefix(a: string, b: string, n: number): boolean {
  const length = Math.min(a.length, n);
  if (length !== Math.min(b.length, n)) return false;
  for (let i = 0; i < length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Raw Cablegate files give the day only, as local midnight (see parseMetadataDate). */
function dayOnly(layout: string, createdIso: string): boolean {
  return layout === 'raw-cablegate' && createdIso.endsWith('T00:00:00Z');
}

/** Days between the date parts of two ISO date-times. */
function dayGap(a: string, b: string): number {
  const day = (x: string) => Date.UTC(+x.slice(0, 4), +x.slice(5, 7) - 1, +x.slice(8, 10));
  return Math.abs(day(a) - day(b)) / 86_400_000;
}

function sameTime(createdIso: string, dtgIso: string, layout: string): boolean {
  // A local day and a UTC date-time group may straddle midnight: one day apart is the same time.
  if (dayOnly(layout, createdIso)) return dayGap(createdIso, dtgIso) <= 1;
  if (samePrefix(createdIso, dtgIso, 16)) return true;
  return hourOnlyLabel(createdIso) && samePrefix(createdIso, dtgIso, 13);
}

/** The WikiLeaks Created time is the DTG (seed, [NF-06]); the DE filing time follows it closely. */
export const rule: Rule = {
  id: 'created-dtg-mismatch',
  description: 'The metadata Created time differs from the DTG, or the DE filing time is far from the DTG.',
  defaultSeverity: 'warning',
  tags: ['metadata', 'envelope'],
  fixable: false,
  docs: {
    checks:
      'Compares the metadata `Created` time, to the minute, with the FL5 date-time group (warning). Labels copied from the 2010 cablegate.wikileaks.org pages print the 12-hour-clock hour in the minute field (`2006-12-20 08:08` for `200807Z DEC 06`); those are compared to the hour. When they agree, compares the DE line\'s julian day and time of file with the DTG and reports (as information) a difference of more than 30 minutes. Partial records are skipped.',
    why: 'WikiLeaks\' Created is the cable\'s DTG (`2009-02-20 09:29` = `200929Z FEB 09`, seed, [NF-06]); the DE filing time is when the message was filed for transmission, usually minutes after the DTG [WP-16L]. A difference points to a retyped date or a header from another cable.',
    sources: ['NF-06', 'WP-16L'],
    triggers: {
      text: cableExample({ header: EXAMPLE_HEADER.replace('2009-02-20 09:29:00', '2009-02-21 09:29:00'), envelope: EXAMPLE_ENVELOPE }),
      note: 'Created 21 Feb, DTG 20 Feb.',
    },
    clean: { text: cableExample({ header: EXAMPLE_HEADER, envelope: EXAMPLE_ENVELOPE }), note: 'Created = DTG = DE filing time.' },
    notFlagged: ['A DE filing time a few minutes after the DTG.', 'Created labels of the 2010 WikiLeaks pages, whose minute field repeats the hour (`08:08` for 08:07Z).', 'Raw Cablegate dates, which give the day only (local midnight): compared to the day, one day either way.', 'Partial records.'],
  },
  check({ cable, facts }) {
    const dtg = cable.envelope?.dtg;
    if (!facts.crossChecks || !dtg?.iso) return [];
    const md = cable.metadata;
    if (md?.created && md.createdIso && !sameTime(md.createdIso, dtg.iso, md.layout)) {
      return [
        {
          range: { start: md.created.value.start, end: md.created.value.end },
          message: `The metadata Created ${md.created.value.text} does not match the DTG ${dtg.group.text} (${minute(dtg.iso).replace('T', ' ')} UTC).`,
          related: [{ span: dtg.group, message: `DTG ${dtg.group.text}` }],
          data: { navigate: { title: 'Go to the DTG', span: { start: dtg.group.start, end: dtg.group.end } } },
        },
      ];
    }
    const de = cable.envelope?.de;
    if (!de?.julianDay || !de.time) return [];
    const minutes = filingMinutesFromDtg(de.julianDay.text + de.time.text, dtg.iso);
    if (minutes === null || Math.abs(minutes) <= FILING_TOLERANCE_MINUTES) return [];
    const span = { start: de.julianDay.start, end: de.time.end };
    const hours = Math.abs(minutes) >= 120 ? `${Math.round(Math.abs(minutes) / 60)} hours` : `${Math.abs(minutes)} minutes`;
    return [
      {
        range: span,
        message: `The DE filing time ${de.julianDay.text}${de.time.text} is ${hours} ${minutes > 0 ? 'after' : 'before'} the DTG ${dtg.group.text}.`,
        related: [{ span: dtg.group, message: `DTG ${dtg.group.text}` }],
        severityOverride: 'information',
      },
    ];
  },
};
