import { parseMetadataClassification } from '../knowledge/classification';
import type { Span } from '../parser/model';
import { cableExample, EXAMPLE_HEADER } from './examples';
import { memoized } from './memo';
import type { RuleContext, Rule } from './types';

/** The few metadata labels (`SECRET//NOFORN`) come back on every cable: each is read once. */
const metadataLabel = memoized(parseMetadataClassification);

interface Where {
  span: Span;
  what: string;
}

/**
 * The NCD label rolls up the caption block, so the caption block is what the label is compared with. Portions
 * are consulted only to avoid reporting a label that agrees with the portions while the caption block lacks the
 * roll-up (noforn-portion-not-in-banner / sbu-portion-without-sensitive report that).
 */
function nofornCaption({ facts }: RuleContext): Where | null {
  const caveat = facts.caveats.get('NOFORN');
  return caveat ? { span: caveat, what: 'a NOFORN caption' } : null;
}

function nofornPortion({ facts }: RuleContext): boolean {
  return facts.levelMarks.some((m) => m.marking.dissemination.includes('NF'));
}

function sbuCaption({ cable, facts }: RuleContext): Where | null {
  const caption = facts.caveats.get('SENSITIVE') ?? facts.caveats.get('SENSITIVE BUT UNCLASSIFIED');
  if (caption) return { span: caption, what: `the ${caption.text.toUpperCase()} caption` };
  if (cable.banner?.controls.includes('LOU')) return { span: cable.banner.designation, what: 'a LIMITED OFFICIAL USE banner' };
  return null;
}

function sbuPortion({ facts }: RuleContext): boolean {
  return facts.levelMarks.some((m) => m.lattice === 'SBU');
}

/** R8/R10: with the level equal, the metadata's NOFORN/FOUO parts must agree with the cable's own markings. */
export const rule: Rule = {
  id: 'metadata-caveat-mismatch',
  description: 'The metadata says //NOFORN or //FOR OFFICIAL USE ONLY but the cable text does not, or the reverse.',
  defaultSeverity: 'warning',
  tags: ['metadata', 'caption'],
  fixable: false,
  docs: {
    checks:
      'When the metadata level equals the banner level: `//NOFORN` in the metadata needs NOFORN in the cable (a NOFORN caption or MRN-line caveat, or at least an NF portion), and, on classified cables, a NOFORN caption needs `//NOFORN` in the metadata. On unclassified cables, `//FOR OFFICIAL USE ONLY` needs an SBU marking in the text (SENSITIVE caption, LIMITED OFFICIAL USE banner, or at least an (SBU) portion), and a SENSITIVE caption or LOU banner needs the FOUO label. NF or SBU portions without the caption are not compared with the label: the label follows the caption block, and the missing roll-up is reported by noforn-portion-not-in-banner and sbu-portion-without-sensitive. Partial records are skipped.',
    why: 'WikiLeaks/NCD labels carry the cable\'s dissemination control (NOFORN, R10) and its SBU status (labelled FOR OFFICIAL USE ONLY, R8/R9). A label that disagrees with the text means one of them lost a marking.',
    sources: ['R8', 'R9', 'R10'],
    triggers: {
      text: cableExample({ header: EXAMPLE_HEADER.replace('\nCONFIDENTIAL\n', '\nCONFIDENTIAL//NOFORN\n') }),
      note: 'Metadata `CONFIDENTIAL//NOFORN`, no NOFORN caption or NF portion in the text.',
    },
    clean: {
      text: cableExample({ header: EXAMPLE_HEADER.replace('\nCONFIDENTIAL\n', '\nCONFIDENTIAL//NOFORN\n'), captions: 'NOFORN\nSIPDIS' }),
      note: 'Metadata `CONFIDENTIAL//NOFORN` and a NOFORN caption.',
    },
    notFlagged: [
      'Different levels (that is metadata-level-mismatch).',
      'Partial records.',
      'A NOFORN caption on an unclassified cable without `//NOFORN` in the metadata: unclassified labels have no NOFORN part (SBU NOFORN is labelled FOR OFFICIAL USE ONLY).',
    ],
  },
  check(ctx) {
    const { cable, facts } = ctx;
    const md = cable.metadata;
    if (!facts.crossChecks || facts.foreignText || !md?.classification || !cable.banner?.level || md.classificationLevel !== cable.banner.level) return [];
    const label = metadataLabel(md.classification.value.text);
    if (!label) return [];
    const value = md.classification.value;
    const at = { start: value.start, end: value.end };
    const out = [];
    const nf = nofornCaption(ctx);
    if (label.noforn && !nf && !nofornPortion(ctx)) {
      out.push({ range: at, message: `The metadata Classification is ${value.text} but the cable has no NOFORN caption or NF portion.` });
    } else if (!label.noforn && nf && !facts.unclassified) {
      // The labels of unclassified cables are UNCLASSIFIED and UNCLASSIFIED//FOR OFFICIAL USE ONLY only: an SBU
      // NOFORN caption rolls up to the FOUO label (compared below), never to //NOFORN (07EFTORABAT521).
      out.push({
        range: at,
        message: `The metadata Classification is ${value.text} without //NOFORN but the cable has ${nf.what}.`,
        related: [{ span: nf.span, message: 'NOFORN in the cable' }],
        data: { navigate: { title: 'Go to the NOFORN marking', span: { start: nf.span.start, end: nf.span.end } } },
      });
    }
    if (facts.unclassified) {
      const sbu = sbuCaption(ctx);
      if (label.fouo && !sbu && !sbuPortion(ctx)) {
        out.push({ range: at, message: `The metadata Classification is ${value.text} but the cable has no SENSITIVE caption, LOU banner or SBU portion.` });
      } else if (!label.fouo && sbu) {
        out.push({
          range: at,
          message: `The metadata Classification is ${value.text} without //FOR OFFICIAL USE ONLY but the cable has ${sbu.what}.`,
          related: [{ span: sbu.span, message: 'SBU marking in the cable' }],
          data: { navigate: { title: 'Go to the SBU marking', span: { start: sbu.span.start, end: sbu.span.end } } },
        });
      }
    }
    return out;
  },
};
