import { cableExample, EXAMPLE_HEADER } from './examples';
import { bannerName, levelRank } from './facts';
import type { Rule } from './types';

/** R1/R4: the WikiLeaks/NCD Classification label and the banner must name the same level. */
export const rule: Rule = {
  id: 'metadata-level-mismatch',
  description: 'The metadata Classification level differs from the banner level.',
  defaultSeverity: 'error',
  tags: ['metadata', 'banner'],
  fixable: false,
  docs: {
    checks:
      'Compares the level of the metadata `Classification` value (UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET; the `//NOFORN` and `//FOR OFFICIAL USE ONLY` parts are ignored here) with the banner level. Only the level must match. Partial records are skipped.',
    why: 'The metadata label was derived from the cable\'s own marking; a different level means one of them was mistyped or the text is not the cable the header describes (R1, R4). `UNCLASSIFIED//FOR OFFICIAL USE ONLY` is WikiLeaks\' label for SBU cables and matches `UNCLAS` + `SENSITIVE` and `LIMITED OFFICIAL USE` (§B.4).',
    sources: ['R1', 'R4'],
    triggers: {
      text: cableExample({ header: EXAMPLE_HEADER.replace('\nCONFIDENTIAL\n', '\nSECRET\n') }),
      note: 'Metadata says SECRET, the banner CONFIDENTIAL.',
    },
    clean: { text: cableExample({ header: EXAMPLE_HEADER }), note: 'Both say CONFIDENTIAL.' },
    notFlagged: ['`UNCLASSIFIED//FOR OFFICIAL USE ONLY` with an `UNCLAS` + `SENSITIVE` or `LIMITED OFFICIAL USE` banner.', 'Partial records.'],
  },
  check({ cable, facts }) {
    const md = cable.metadata;
    const banner = cable.banner;
    if (!facts.crossChecks || facts.foreignText || !md?.classification || !md.classificationLevel || !banner?.level) return [];
    if (levelRank(md.classificationLevel) === facts.bannerLevelRank) return [];
    const value = md.classification.value;
    return [
      {
        range: { start: value.start, end: value.end },
        message: `The metadata Classification is ${value.text} but the banner is ${bannerName(cable)}.`,
        related: [{ span: banner.designation, message: `Banner: ${bannerName(cable)}` }],
        data: { navigate: { title: 'Go to the banner', span: { start: banner.designation.start, end: banner.designation.end } } },
      },
    ];
  },
};
