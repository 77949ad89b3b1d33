import { suggestCaveat } from '../knowledge/captions';
import type { Token } from '../parser/model';
import { cableExample } from './examples';
import { memoized } from './memo';
import type { Finding, Rule } from './types';

/** The replacement in the token's own case, keeping trailing punctuation (`Sipids,` -> `Sipdis,`). */
function replacement(token: Token, caveat: string): { span: Token; newText: string } {
  const raw = token.text;
  const word = /^[A-Za-z]+/.exec(raw)?.[0] ?? raw;
  const newText = word === word.toLowerCase() ? caveat.toLowerCase() : caveat;
  return { span: { ...token, end: token.start + word.length }, newText };
}

/** R10/R11: a misspelled caveat is not applied by people or systems that look for the exact word. */
export const rule: Rule = {
  id: 'caveat-misspelled',
  description: 'A caption word is a misspelling of SIPDIS, NOFORN, EXDIS, NODIS, LIMDIS, STADIS or SENSITIVE.',
  defaultSeverity: 'warning',
  tags: ['caption'],
  fixable: true,
  docs: {
    checks:
      'Looks at each word of the caption lines (between the banner and the E.O. line) and the caveats on the MRN line. A word that is not a known caption but is one edit (two for SENSITIVE, or the same letters reordered) from SIPDIS, NOFORN, EXDIS, NODIS, LIMDIS, STADIS or SENSITIVE, starting with the same letter and not a real word, is reported. The quick fix replaces the word, keeping its case.',
    why: 'Handling captions (NOFORN R10; SIPDIS, NODIS, EXDIS R11; SENSITIVE R8) are acted on by exact match, by people and by distribution systems; `SIPIDS` gets no SIPRNet distribution and `NOFRON` no release restriction.',
    sources: ['R10', 'R11'],
    triggers: { text: cableExample({ captions: 'SIPIDS' }), note: '`SIPIDS`; the fix writes `SIPDIS`.' },
    clean: { text: cableExample(), note: '`SIPDIS`.' },
    notFlagged: ['Real words close to a caveat (STATES, NOTES, SIDES, STASIS).', 'Words in the body.'],
  },
  check({ cable }) {
    const out: Finding[] = [];
    for (const c of cable.captions) if (!c.known) misspelled(out, c);
    for (const c of cable.banner?.caveats ?? []) misspelled(out, c);
    return out;
  },
};

/** Captions repeat from cable to cable; each is compared with the caveat list once. */
const suggestion = memoized(suggestCaveat);

function misspelled(out: Finding[], t: Token): void {
  const caveat = suggestion(t.text);
  if (!caveat) return;
  const edit = replacement(t, caveat);
  const written = edit.span.end > edit.span.start ? t.text.slice(0, edit.span.end - edit.span.start) : t.text;
  out.push({
    range: { start: edit.span.start, end: edit.span.end },
    message: `The caption "${written}" looks like a misspelling of ${caveat}.`,
    data: { fix: { title: `Change to ${edit.newText}`, edits: [{ span: { start: edit.span.start, end: edit.span.end }, newText: edit.newText }] } },
  });
}
