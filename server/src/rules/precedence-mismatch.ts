import { addresseePrecedence, precedenceByLetter, precedenceByProsign, type AddresseePrecedence, type Precedence } from '../knowledge/precedence';
import type { Addressee } from '../parser/model';
import { cableExample, EXAMPLE_ENVELOPE } from './examples';
import { memoized } from './memo';
import type { Finding, Rule } from './types';

// The same few precedence words come back on every cable: each is read once.
const letterOf = memoized(precedenceByLetter);
const prosignOf = memoized(precedenceByProsign);
const addresseeOf = memoized(addresseePrecedence);

function higher(best: AddresseePrecedence | null, a: Addressee): AddresseePrecedence | null {
  if (!a.precedence) return best;
  const p = addresseeOf(a.precedence.text);
  return p && (!best || p.rank > best.rank) ? p : best;
}

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
    // The highest DTG letter (the first one on ties).
    let top: Precedence | null = null;
    for (const t of dtg.precedences) {
      const p = letterOf(t.text);
      if (p && (!top || p.rank > top.rank)) top = p;
    }
    if (!top) return [];
    const out: Finding[] = [];
    const prosign = env.prosign ? prosignOf(env.prosign.text) : null;
    if (env.prosign && prosign && top.prosign && prosign.letter !== top.letter) {
      out.push({
        range: { start: env.prosign.start, end: env.prosign.end },
        message: `The FL2 prosign ${env.prosign.text} (${prosign.name}) does not match the DTG precedence ${top.letter} (${top.name}); expected ${top.prosign}.`,
        related: [{ span: dtg.precedences[0], message: `DTG precedence ${dtg.precedences.map((p) => p.text).join(' ')}` }],
      });
    }
    // The highest addressee precedence, TO then INFO (the first one on ties).
    let highest: AddresseePrecedence | null = null;
    for (const a of env.to) highest = higher(highest, a);
    for (const a of env.info) highest = higher(highest, a);
    if (highest && highest.rank > top.rank) {
      const who = [...env.to, ...env.info].find((a) => a.precedence && addresseeOf(a.precedence.text)?.rank === highest.rank)!;
      out.push({
        range: { start: dtg.precedences[0].start, end: dtg.precedences[dtg.precedences.length - 1].end },
        message: `The DTG precedence ${top.letter} (${top.name}) is lower than the addressee precedence ${highest.word} of ${who.name.text}.`,
        related: [{ span: who.precedence!, message: `${who.name.text}: ${highest.word}` }],
      });
    }
    return out;
  },
};
