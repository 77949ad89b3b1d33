import { cableExample } from './examples';
import type { Rule } from './types';

/** R11: SIPDIS may not be combined with NODIS or EXDIS. */
export const rule: Rule = {
  id: 'sipdis-with-restrictive-caption',
  description: 'The caption block combines SIPDIS with NODIS or EXDIS.',
  defaultSeverity: 'warning',
  tags: ['caption'],
  fixable: false,
  docs: {
    checks: 'Reports a caption block (or MRN line) that has SIPDIS together with NODIS or EXDIS. Stray SIPDIS tokens in the body are not captions and are ignored.',
    why: '"SIPDIS messages may not carry other restrictive captions … such as NODIS or EXDIS"; if both appear, the more restrictive caption controls (R11, [SIPDIS-05 ¶2b]). The combination means the cable may have been distributed on SIPRNet against its caption.',
    sources: ['R11'],
    triggers: { text: cableExample({ captions: 'NODIS\nSIPDIS' }), note: 'NODIS and SIPDIS together.' },
    clean: { text: cableExample({ captions: 'NODIS' }), note: 'NODIS alone.' },
  },
  check({ facts }) {
    const sipdis = facts.caveats.get('SIPDIS');
    const restrictive = facts.caveats.get('NODIS') ?? facts.caveats.get('EXDIS');
    if (!sipdis || !restrictive) return [];
    const which = restrictive.text.toUpperCase();
    return [
      {
        range: { start: sipdis.start, end: sipdis.end },
        message: `The captions combine SIPDIS with ${which}; SIPDIS cables may not carry NODIS or EXDIS (the more restrictive caption controls).`,
        related: [{ span: restrictive, message: `Caption ${which}` }],
      },
    ];
  },
};
