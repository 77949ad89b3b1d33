import { filingMinutesFromDtg } from '../knowledge/dtg';
import { cableExample, EXAMPLE_ENVELOPE, EXAMPLE_HEADER } from './examples';
import type { Rule } from './types';

/** The DE filing time may trail the DTG by minutes [NF-06]; beyond this it is worth a note. */
const FILING_TOLERANCE_MINUTES = 30;

function minute(iso: string): string {
  return iso.slice(0, 16);
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
      'Compares the metadata `Created` time, to the minute, with the FL5 date-time group (warning). When they agree, compares the DE line\'s julian day and time of file with the DTG and reports (as information) a difference of more than 30 minutes. Partial records are skipped.',
    why: 'WikiLeaks\' Created is the cable\'s DTG (`2009-02-20 09:29` = `200929Z FEB 09`, seed, [NF-06]); the DE filing time is when the message was filed for transmission, usually minutes after the DTG [WP-16L]. A difference points to a retyped date or a header from another cable.',
    sources: ['NF-06', 'WP-16L'],
    triggers: {
      text: cableExample({ header: EXAMPLE_HEADER.replace('2009-02-20 09:29:00', '2009-02-21 09:29:00'), envelope: EXAMPLE_ENVELOPE }),
      note: 'Created 21 Feb, DTG 20 Feb.',
    },
    clean: { text: cableExample({ header: EXAMPLE_HEADER, envelope: EXAMPLE_ENVELOPE }), note: 'Created = DTG = DE filing time.' },
    notFlagged: ['A DE filing time a few minutes after the DTG.', 'Partial records.'],
  },
  check({ cable, facts }) {
    const dtg = cable.envelope?.dtg;
    if (!facts.crossChecks || !dtg?.iso) return [];
    const md = cable.metadata;
    if (md?.created && md.createdIso && minute(md.createdIso) !== minute(dtg.iso)) {
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
