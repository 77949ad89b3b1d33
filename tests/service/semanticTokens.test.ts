import { describe, expect, it } from 'vitest';
import type { SemanticTokens } from 'vscode-languageserver-types';
import { SEMANTIC_LEGEND } from '../../server/src/service/index';
import { doc, fixture, SEED, service } from './helpers';

interface Decoded {
  line: number;
  char: number;
  text: string;
  type: string;
}

/** The LSP encoding read back: absolute positions, the covered text and the type's name. */
function decode(text: string, tokens: SemanticTokens): Decoded[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Decoded[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type, mods] = tokens.data.slice(i, i + 5);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    expect(mods).toBe(0);
    expect(length).toBeGreaterThan(0);
    out.push({ line, char, text: lines[line].slice(char, char + length), type: SEMANTIC_LEGEND.tokenTypes[type] });
  }
  return out;
}

const tokensOf = (text: string, range?: Parameters<ReturnType<typeof service>['getSemanticTokens']>[1]) =>
  decode(text, service().getSemanticTokens(doc(text), range));

describe('semantic tokens', () => {
  it('mark the seed headings and its signature, in document order', () => {
    const t = tokensOf(SEED);
    expect(t.filter((x) => x.type === 'cableHeading').map((x) => x.text)).toEqual([
      'PROGRESS ON TIP',
      'DOING MORE ON IPR',
      'FORENSICS CENTER: ASSISTANCE APPRECIATED',
      'REQUEST FOR HELP IN LEGISLATIVE DRAFTING, PENAL REFORM',
      'OPPOSITION ARE "OPPONENTS," NOT ENEMIES',
    ]);
    expect(t.filter((x) => x.type === 'cableSignature').map((x) => x.text)).toEqual(['HOAGLAND']);
    for (let k = 1; k < t.length; k++) expect(t[k].line > t[k - 1].line || t[k].char > t[k - 1].char).toBe(true);
  });

  it('mark a mixed-case heading after its portion mark, which keeps its own colour (07LONDON4472)', () => {
    const text = fixture('07LONDON4472.txt');
    const t = tokensOf(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('(U) UK Political Scene'));
    expect(t).toContainEqual({ line, char: 4, text: 'UK Political Scene', type: 'cableHeading' });
  });

  it('mark each line of a heading wrapped over two lines, not its rule (06MANAGUA1003)', () => {
    const text = fixture('06MANAGUA1003.txt');
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('Promotion of Terrorism and Efforts'));
    const t = tokensOf(text).filter((x) => x.line === first || x.line === first + 1 || x.line === first + 2);
    expect(t).toEqual([
      { line: first, char: 0, text: 'Promotion of Terrorism and Efforts to Destabilize Neighboring', type: 'cableHeading' },
      { line: first + 1, char: 0, text: 'Countries', type: 'cableHeading' },
    ]);
  });

  it('answer a range with the tokens of the lines it touches', () => {
    const lines = SEED.split('\n');
    const line = lines.findIndex((l) => l.includes('DOING MORE ON IPR'));
    const t = tokensOf(SEED, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    expect(t).toEqual([{ line, char: lines[line].indexOf('DOING'), text: 'DOING MORE ON IPR', type: 'cableHeading' }]);
    // A malformed range gets nothing, not the whole document.
    expect(service().getSemanticTokens(doc(SEED), { start: { line: -1.5, character: 0 }, end: { line: 2, character: 0 } } as never)).toEqual({ data: [] });
  });

  it('read CRLF and NBSP text at the same places, and nothing from text that is no cable', () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    expect(tokensOf(crlf)).toEqual(tokensOf(SEED));
    expect(service().getSemanticTokens(doc('\u0000\u0001binary\u0002'.repeat(100))).data).toEqual([]);
    expect(service().getSemanticTokens(doc('')).data).toEqual([]);
  });

  it('follow an edit before a cable in a file of several (kept results moved)', () => {
    const svc = service();
    const two = `${SEED}\n\n${SEED}`;
    const before = decode(two, svc.getSemanticTokens(doc(two, 'file:///two.txt', 1)));
    const edited = `X\n${two}`;
    const after = decode(edited, svc.getSemanticTokens(doc(edited, 'file:///two.txt', 2)));
    expect(after).toEqual(before.map((x) => ({ ...x, line: x.line + 1 })));
  });

  it('read no cable that an edit before it only moved (moving copies it: a keystroke in a long file must not)', () => {
    const svc = service();
    const many = Array(6).fill(SEED).join('\n\n');
    svc.getSemanticTokens(doc(many, 'file:///many.txt', 1));
    // An edit in the first cable's text.
    const at = SEED.indexOf('PROGRESS ON TIP');
    const edited = `${many.slice(0, at)}X${many.slice(at)}`;
    const d = doc(edited, 'file:///many.txt', 2);
    const cables = svc.parse(d).cables;
    const pending = () => [1, 2, 3, 4, 5].filter((k) => Object.getOwnPropertyDescriptor(cables, k)?.get !== undefined);
    const before = pending();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const lines = edited.split('\n');
    const line = lines.findIndex((l) => l.includes('DOING MORE ON IPR'));
    expect(decode(edited, svc.getSemanticTokens(d, { start: { line, character: 0 }, end: { line, character: 1 } })).map((x) => x.text)).toEqual(['DOING MORE ON IPR']);
    expect(decode(edited, svc.getSemanticTokens(d)).length).toBe(6 * 6);
    expect(pending()).toEqual(before);
  });

  it('stop when cancelled', () => {
    expect(service().getSemanticTokens(doc(SEED), undefined, { isCancellationRequested: true })).toEqual({ data: [] });
  });
});
