import { describe, expect, it } from 'vitest';
import type { SelectionRange } from 'vscode-languageserver-types';
import { at, doc, SEED, service } from './helpers';

const svc = service();
const d = doc(SEED);
const lines = (hs: { range: { start: { line: number } } }[]) => hs.map((h) => h.range.start.line);

describe('document highlights', () => {
  it('a TAGS token: TAGS line, its mirror repeat and the metadata Tags', () => {
    expect(lines(svc.getDocumentHighlights(d, at(SEED, 'PGOV', 1, 2)))).toEqual([12, 45, 57]);
  });

  it('a routing indicator: every line it appears on', () => {
    const t = SEED.replace('RUEHVK RUEHYG', 'RUEHVK RUEHYG RUEHBJ');
    expect(lines(svc.getDocumentHighlights(doc(t, 'file:///w/h.txt'), at(t, 'RUEHBJ', 1)))).toEqual([17, 26]);
    expect(svc.getDocumentHighlights(d, at(SEED, 'RUEKJCS'))).toHaveLength(2);
  });

  it('a portion mark: every paragraph with the same mark', () => {
    expect(svc.getDocumentHighlights(d, at(SEED, '(SBU)', 0, 2))).toHaveLength(9);
    expect(svc.getDocumentHighlights(d, at(SEED, '(U)', 0, 1))).toHaveLength(1);
  });

  it('a block keyword: its opening and closing words; the MRN and its continuation markers', () => {
    expect(lines(svc.getDocumentHighlights(d, at(SEED, 'END SUMMARY')))).toEqual([65, 85]);
    expect(lines(svc.getDocumentHighlights(d, at(SEED, 'ASTANA 000308')))).toEqual([37, 49, 143]);
  });

  it('nothing for prose, unknown places, or past the end', () => {
    expect(svc.getDocumentHighlights(d, at(SEED, 'parachute'))).toEqual([]);
    expect(svc.getDocumentHighlights(d, { line: 5000, character: 0 })).toEqual([]);
  });
});

describe('selection ranges', () => {
  const chain = (r: SelectionRange | undefined) => {
    const out: string[] = [];
    for (let x = r; x; x = x.parent) out.push(`${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`);
    return out;
  };

  it('grows from the word through its line element to the cable', () => {
    const [r] = svc.getSelectionRanges(d, [at(SEED, 'RUEHBJ', 0, 2)]);
    expect(chain(r)).toEqual(['26:0-26:6', '26:0-26:29', '14:0-36:36', '0:0-219:8']);
  });

  it('inside a paragraph: word, line, paragraph, heading section, body, cable', () => {
    const [r] = svc.getSelectionRanges(d, [at(SEED, 'introductory')]);
    expect(chain(r)).toEqual(['90:30-90:42', '90:0-90:59', '90:0-102:27', '87:0-136:18', '62:0-219:8', '0:0-219:8']);
  });

  it('every range contains the one before it', () => {
    const positions = [at(SEED, '200929Z'), at(SEED, 'PGOV', 1), at(SEED, '(SBU)', 3, 1), at(SEED, 'HOAGLAND')];
    for (const r of svc.getSelectionRanges(d, positions)) {
      for (let x: SelectionRange | undefined = r; x?.parent; x = x.parent) {
        const a = x.range;
        const b = x.parent.range;
        const le = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character <= q.character);
        expect(le(b.start, a.start) && le(a.end, b.end)).toBe(true);
      }
    }
  });

  it('a position past the end gives no result', () => {
    expect(svc.getSelectionRanges(d, [{ line: 999, character: 0 }])).toEqual([]);
  });
});

describe('cable summary', () => {
  it('matches the client\'s summary shape, with the server\'s extras', () => {
    const s = svc.getSummary(d)!;
    expect(s).toMatchObject({
      identifier: '09ASTANA308',
      created: '2009-02-20 09:29:00',
      date: '2009-02-20T09:29:00Z',
      classification: { level: 'U', text: 'UNCLAS//SBU', line: 37, controls: ['SBU'], mrn: 'ASTANA 000308', caveats: ['SENSITIVE', 'SIPDIS'] },
      origin: 'Embassy Astana',
      from: 'AMEMBASSY ASTANA',
      to: ['RUEHC/SECSTATE WASHDC IMMEDIATE 4680'],
      subject: 'KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES APPRECIATION FOR U.S. ASSISTANCE',
      references: [],
      diagnostics: { error: 0, warning: 0, information: 0, hint: 0 },
      cableIndex: 0,
      cableCount: 1,
    });
    expect(s.info).toHaveLength(14);
    expect(s.tags.map((t) => t.code)).toEqual(['PGOV', 'PREL', 'PHUM', 'SOCI', 'KCRM', 'KDEM', 'KZ']);
    expect(s.tags[6]).toEqual({ code: 'KZ', kind: 'geographic', meaning: 'Kazakhstan' });
  });

  it('counts the problems of the cable', () => {
    const t = SEED.replace('3. (SBU) During', '3. (S) During');
    expect(svc.getSummary(doc(t, 'file:///w/s.txt'))!.diagnostics).toEqual({ error: 1, warning: 0, information: 0, hint: 0 });
  });

  it('is null for a file without a cable', () => {
    expect(svc.getSummary(doc('hello', 'file:///w/none.txt'))).toBeNull();
  });
});
