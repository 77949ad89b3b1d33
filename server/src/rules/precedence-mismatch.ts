import { highestAddresseePrecedence, precedenceByLetter, precedenceByProsign } from '../knowledge/precedence';
import { cableExample, EXAMPLE_ENVELOPE } from './examples';
import type { Finding, Rule } from './types';

/** R12: the FL2 prosign is the highest precedence of the message, and the DTG carries it. */
export const rule: Rule = {
  id: 'precedence-mismatch',
  description: 'The FL2 prosign, the DTG precedence and the addressee precedences disagree.',
  defaultSeverity: 'warning',
  tags: ['envelope'],
  fixable: false,
  docs: {
    checks:
      'Reports an FL2 prosign (`OO`, `RR`...) that is not the highest DTG precedence letter doubled (`O 200929Z ...` → `OO`; with `O R` the highest is O), and a DTG whose highest precedence is lower than the highest TO/INFO addressee precedence (NIACT IMMEDIATE counts as IMMEDIATE). Partial records are skipped.',
    why: 'The FL2 prosign is the highest precedence of a multi-precedence message and must equal the highest addressee precedence (R12, [FAH2-320 H-321.2-1]); the DTG line carries the action precedence [TPUB-PREC]. A disagreement means the message was handled at the wrong speed or the header was edited.',
    sources: ['R12'],
    triggers: { text: cableExample({ envelope: EXAMPLE_ENVELOPE.replace('OO RUEHAG', 'RR RUEHAG') }), note: '`RR` prosign with DTG precedence `O`.' },
    clean: { text: cableExample({ envelope: EXAMPLE_ENVELOPE }), note: '`OO` prosign, DTG `O`, addressee IMMEDIATE.' },
    notFlagged: ['`O R` dual precedence.', 'NIACT IMMEDIATE addressees with an `O` DTG.', 'Partial records.'],
  },
  check({ cable, facts }) {
    const env = cable.envelope;
    const dtg = env?.dtg;
    if (!facts.crossChecks || !env || !dtg || dtg.precedences.length === 0) return [];
    const letters = dtg.precedences.map((t) => precedenceByLetter(t.text)).filter((p) => p !== null);
    if (letters.length === 0) return [];
    const top = letters.reduce((a, b) => (b.rank > a.rank ? b : a));
    const out: Finding[] = [];
    const prosign = env.prosign ? precedenceByProsign(env.prosign.text) : null;
    if (env.prosign && prosign && top.prosign && prosign.letter !== top.letter) {
      out.push({
        range: { start: env.prosign.start, end: env.prosign.end },
        message: `The FL2 prosign ${env.prosign.text} (${prosign.name}) does not match the DTG precedence ${top.letter} (${top.name}); expected ${top.prosign}.`,
        related: [{ span: dtg.precedences[0], message: `DTG precedence ${dtg.precedences.map((p) => p.text).join(' ')}` }],
      });
    }
    const addressees = [...env.to, ...env.info].filter((a) => a.precedence);
    const highest = highestAddresseePrecedence(addressees.map((a) => a.precedence!.text));
    if (highest && highest.rank > top.rank) {
      const who = addressees.find((a) => a.precedence && highestAddresseePrecedence([a.precedence.text])?.rank === highest.rank)!;
      out.push({
        range: { start: dtg.precedences[0].start, end: dtg.precedences[dtg.precedences.length - 1].end },
        message: `The DTG precedence ${top.letter} (${top.name}) is lower than the addressee precedence ${highest.word} of ${who.name.text}.`,
        related: [{ span: who.precedence!, message: `${who.name.text}: ${highest.word}` }],
      });
    }
    return out;
  },
};
