import { cableExample } from './examples';
import { portionName } from './facts';
import type { Rule } from './types';

/** SBU replaced LIMITED OFFICIAL USE on this date [STATE-SBU-2000]. */
const SBU_INTRODUCED = '1995-10-01';
/** The drafter declaring SBU in words ("Sensitive but unclassified. Not for Internet.") is an SBU statement. */
const SBU_WORDS = /\bSENSITIVE[\s-]+BUT[\s-]+UNCLASSIFIED\b/i;

/** R8: an SBU telegram is sent UNCLAS with the caption SENSITIVE. */
export const rule: Rule = {
  id: 'sbu-portion-without-sensitive',
  description: 'An UNCLAS cable has (SBU) portions but no SENSITIVE caption.',
  defaultSeverity: 'warning',
  tags: ['portion', 'caption'],
  fixable: false,
  docs: {
    checks:
      'For an UNCLAS / UNCLASSIFIED / UNCLAS EFTO banner on a cable dated after 1995-10-01, reports the first `(SBU)` or `(SBU/N)` portion (a numbered paragraph, a marked sub-item such as `-- (SBU) ...`, or a paragraph marked without a number) when the caption lines have no `SENSITIVE` caption (also `SENSITIVE BUT UNCLASSIFIED`, or another agency\'s sensitivity caption such as `DEA SENSITIVE`) and the caption block and first paragraph do not declare the cable sensitive but unclassified in words.',
    why: 'An SBU telegram "is sent as unclassified with the distribution caption SENSITIVE" (R8, [STATE-SBU-2000]); without the caption, handlers see an ordinary unclassified cable.',
    sources: ['R8'],
    triggers: {
      text: cableExample({ banner: 'UNCLAS ASTANA 000308', eo: 'E.O. 12958: N/A', classifiedBy: '', body: '1. (U) The minister described the reform plan.\n\n2. (SBU) She asked for support.' }),
      note: '(SBU) paragraph, captions SIPDIS only.',
    },
    clean: {
      text: cableExample({
        banner: 'UNCLAS ASTANA 000308',
        captions: 'SENSITIVE\nSIPDIS',
        eo: 'E.O. 12958: N/A',
        classifiedBy: '',
        body: '1. (U) The minister described the reform plan.\n\n2. (SBU) She asked for support.',
      }),
      note: 'SENSITIVE caption present.',
    },
    notFlagged: ['(SBU) portions in CONFIDENTIAL/SECRET cables (SBU is not carried in a classified banner).', 'LIMITED OFFICIAL USE cables.'],
  },
  check({ cable, facts, text }) {
    const banner = cable.banner;
    if (!banner || !facts.unclassified || banner.controls.includes('LOU')) return [];
    if (facts.day !== null && facts.day <= SBU_INTRODUCED) return [];
    const sbu = facts.levelMarks.find((m) => m.lattice === 'SBU' && m.marking.controls.includes('SBU'));
    if (!sbu || facts.caveats.has('SENSITIVE') || facts.caveats.has('SENSITIVE BUT UNCLASSIFIED')) return [];
    const first = cable.paragraphs.find((p) => !p.quoted);
    const end = Math.max(first?.end ?? banner.end, banner.end);
    // Another agency's sensitivity caption (`DEA SENSITIVE`) on a caption line also says SBU.
    if (SBU_WORDS.test(text.slice(banner.start, end)) || /\bSENSITIVE\b/.test(text.slice(banner.end, cable.eo?.start ?? banner.end))) return [];
    return [
      {
        range: { start: sbu.marking.start, end: sbu.marking.end },
        message: `${portionName(sbu)} is marked ${sbu.marking.raw.trim()} but the ${banner.normalized ?? 'UNCLAS'} cable has no SENSITIVE caption.`,
        related: [{ span: banner.designation, message: 'Caption block without SENSITIVE' }],
      },
    ];
  },
};
