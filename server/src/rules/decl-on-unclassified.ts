import { cableExample } from './examples';
import { bannerName } from './facts';
import type { Finding, Rule } from './types';

/** R1/R2: only classified information gets a classifier and declassification instructions. */
export const rule: Rule = {
  id: 'decl-on-unclassified',
  description: 'An unclassified cable carries a declassification date or a Classified By line.',
  defaultSeverity: 'warning',
  tags: ['declassification', 'banner'],
  fixable: false,
  docs: {
    checks:
      'For an UNCLAS, UNCLASSIFIED, UNCLAS EFTO or LIMITED OFFICIAL USE banner, reports a DECL date or exemption on the E.O. line and a `Classified By` statement; for an UNCLAS banner, also a retired instruction (`DECL: OADR`, `GDS`, `XGDS-2`), which only classified cables carried.',
    why: 'SBU, LOU and EFTO are not classification levels (R1); declassification instructions and the classifier belong to classified information only (R2). Their presence means the banner lost its level, or a classified template was reused.',
    sources: ['R1', 'R2'],
    triggers: {
      text: cableExample({ banner: 'UNCLAS ASTANA 000308', classifiedBy: '', body: '1. (U) The minister described the reform plan.' }),
      note: 'UNCLAS cable with `DECL: 02/19/2019`.',
    },
    clean: {
      text: cableExample({ banner: 'UNCLAS ASTANA 000308', eo: 'E.O. 12958: N/A', classifiedBy: '', body: '1. (U) The minister described the reform plan.' }),
      note: 'UNCLAS cable with `E.O. 12958: N/A`.',
    },
    notFlagged: ['Declassification stamps (`E.O. 12958: AS AMENDED; DECLASSIFIED ...`).', 'A retired instruction (`OADR`, `GDS`) under a LIMITED OFFICIAL USE banner.'],
  },
  check({ cable, facts }) {
    const banner = cable.banner;
    if (!banner || !facts.unclassified) return [];
    const decl = facts.decl;
    // (A retired code under LOU is not judged: no corpus or spec source says how LOU cables were filed then.)
    const kind = decl?.value.kind;
    const declared = kind === 'date' || kind === 'exemption' || (kind === 'legacy' && !banner.controls.includes('LOU'));
    if (!declared && !cable.classifiedBy) return [];
    const out: Finding[] = [];
    const related = [{ span: banner.designation, message: `Banner: ${bannerName(cable)}` }];
    const navigate = { title: 'Go to the banner', span: { start: banner.designation.start, end: banner.designation.end } };
    if (decl && declared) {
      out.push({
        range: { start: decl.token.start, end: decl.token.end },
        message: `The banner is ${bannerName(cable)} but the E.O. line gives a declassification instruction (${decl.token.text}); unclassified cables say "N/A".`,
        related,
        data: { navigate },
      });
    }
    if (cable.classifiedBy) {
      out.push({
        range: { start: cable.classifiedBy.label.start, end: cable.classifiedBy.label.end },
        message: `The banner is ${bannerName(cable)} but the cable has a "${cable.classifiedBy.label.text}" line.`,
        related,
        data: { navigate },
      });
    }
    return out;
  },
};
