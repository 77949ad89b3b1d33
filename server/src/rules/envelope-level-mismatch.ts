import { cableExample, EXAMPLE_ENVELOPE } from './examples';
import { bannerName, levelRank } from './facts';
import type { Rule } from './types';

/** R12: the FL4 security group states the level the message was sent at; it must equal the banner level. */
export const rule: Rule = {
  id: 'envelope-level-mismatch',
  description: 'The FL4 security group (ZNR UUUUU, ZNY CCCCC...) does not match the banner level.',
  defaultSeverity: 'error',
  tags: ['envelope', 'banner'],
  fixable: false,
  docs: {
    checks:
      'Compares the level of the FL4 security group (`ZNR UUUUU` / `ZNY EEEEE` unclassified, `ZNY CCCCC` CONFIDENTIAL, `SSSSS` SECRET, `TTTTT` TOP SECRET) with the banner level. An envelope lower than the banner is an error (classified text sent as unclassified); an envelope higher than the banner is a warning. Partial records are skipped.',
    why: 'The FL4 group must match the level of the message (R12, [TPUB-FL4]). `ZNY EEEEE` (EFTO) is unclassified and matches `UNCLAS` and `UNCLAS E F T O`.',
    sources: ['R12'],
    triggers: {
      text: cableExample({ envelope: EXAMPLE_ENVELOPE.replace('ZNY CCCCC', 'ZNR UUUUU') }),
      note: '`ZNR UUUUU` (unclassified) on a CONFIDENTIAL cable.',
    },
    clean: { text: cableExample({ envelope: EXAMPLE_ENVELOPE }), note: '`ZNY CCCCC` on a CONFIDENTIAL cable.' },
    notFlagged: ['`ZNY EEEEE` or `ZNR UUUUU` with an UNCLAS or UNCLAS EFTO banner.', 'Partial records.'],
  },
  check({ cable, facts }) {
    const security = cable.envelope?.security;
    const banner = cable.banner;
    if (!facts.crossChecks || facts.foreignText || !security?.level || !banner?.level) return [];
    const env = levelRank(security.level);
    if (env === facts.bannerLevelRank) return [];
    const group = `${security.signal.text} ${security.group.text}`;
    const envName = security.efto ? 'unclassified, EFTO' : security.level;
    return [
      {
        range: { start: security.start, end: security.group.end },
        message: `The envelope security group ${group} (${envName}) does not match the banner ${bannerName(cable)}.`,
        related: [{ span: banner.designation, message: `Banner: ${bannerName(cable)}` }],
        data: { navigate: { title: 'Go to the banner', span: { start: banner.designation.start, end: banner.designation.end } } },
        // Sending at a higher level than marked over-protects; sending classified text as unclassified does not.
        ...(env > facts.bannerLevelRank ? { severityOverride: 'warning' as const } : {}),
      },
    ];
  },
};
