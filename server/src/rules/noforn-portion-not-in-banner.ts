import { cableExample } from './examples';
import { portionName } from './facts';
import type { Rule } from './types';

/** Fallback for a NOFORN the caption parser did not take apart (odd punctuation, long-hand). */
const NOFORN_TEXT = /\bNOFORN\b|\bNOT RELEASABLE TO FOREIGN NATIONALS\b/i;

/** R10: any NF portion rolls NOFORN up to the banner/caption block. */
export const rule: Rule = {
  id: 'noforn-portion-not-in-banner',
  description: 'A portion is marked NOFORN but the caption block and MRN line carry no NOFORN.',
  defaultSeverity: 'error',
  tags: ['portion', 'caption'],
  fixable: false,
  docs: {
    checks:
      'Reports the first portion marked with NOFORN (`(S/NF)`, `(C//NF)`, `(SBU/N)`, `(SBU-NF)`, `(C/NOFORN)`), whether a numbered paragraph, one of its lettered, numbered or bulleted sub-items (`A. (S/NF) USG Concern: ...`, `- (S/NF) On Gaza, ...`) or a paragraph marked without a number (`(S/NF) GOA Response: ...`), when neither the MRN line nor the caption lines (banner to E.O. line) say NOFORN.',
    why: 'The banner repeats the most restrictive dissemination controls of its portions: any NF portion makes the whole message NOFORN (R10, [CAPCO16 Table 3]). State requires NOFORN on cables not for sharing outside the USG [SIPDIS-05 ¶2d]. A missing roll-up invites release of the NF paragraph.',
    sources: ['R10'],
    triggers: {
      text: cableExample({ body: '1. (C/NF) The minister described the reform plan.\n\n2. (U) The meeting was public.' }),
      note: '`(C/NF)` paragraph, captions `SIPDIS` only.',
    },
    clean: {
      text: cableExample({ captions: 'NOFORN\nSIPDIS', body: '1. (C/NF) The minister described the reform plan.\n\n2. (U) The meeting was public.' }),
      note: 'NOFORN caption present.',
    },
    notFlagged: ['NOFORN in the captions with portions only (S)/(C) (State practice).'],
  },
  check({ cable, facts, text }) {
    // The cheap tests first: a banner, no NOFORN caveat, then an NF portion.
    if (!cable.banner || facts.caveats.has('NOFORN')) return [];
    const nf = facts.levelMarks.find((m) => m.marking.dissemination.includes('NF'));
    if (!nf) return [];
    const blockEnd = cable.eo?.end ?? cable.tags?.start ?? cable.subject?.start ?? cable.banner.end;
    if (NOFORN_TEXT.test(text.slice(cable.banner.start, Math.max(blockEnd, cable.banner.end)))) return [];
    return [
      {
        range: { start: nf.marking.start, end: nf.marking.end },
        message: `${portionName(nf)} is marked ${nf.marking.raw.trim()} (NOFORN) but the caption block has no NOFORN.`,
        related: [{ span: cable.banner.designation, message: 'Banner and captions: no NOFORN' }],
        data: { navigate: { title: 'Go to the banner', span: { start: cable.banner.designation.start, end: cable.banner.designation.end } } },
      },
    ];
  },
};
