import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { doc, SEED, service } from './helpers';

function flat(symbols: DocumentSymbol[], out: DocumentSymbol[] = []): DocumentSymbol[] {
  for (const s of symbols) {
    out.push(s);
    flat(s.children ?? [], out);
  }
  return out;
}

const inside = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

describe('document symbols (seed)', () => {
  const symbols = service().getDocumentSymbols(doc(SEED));

  it('shows the single cable\'s parts at the top level, in order, with distinct kinds', () => {
    expect(symbols.map((s) => [s.name.slice(0, 24), s.kind])).toEqual([
      ['Metadata', SymbolKind.Namespace],
      ['Envelope', SymbolKind.Package],
      ['UNCLAS SECTION 01 OF 02 ', SymbolKind.Constant],
      ['Subject: KAZAKHSTAN: JUS', SymbolKind.String],
      ['1. (U) Sensitive but unc', SymbolKind.Number],
      ['2. (SBU) SUMMARY: During', SymbolKind.Number],
      ['PROGRESS ON TIP', SymbolKind.Module],
      ['DOING MORE ON IPR', SymbolKind.Module],
      ['FORENSICS CENTER: ASSIST', SymbolKind.Module],
      ['REQUEST FOR HELP IN LEGI', SymbolKind.Module],
      ['OPPOSITION ARE "OPPONENT', SymbolKind.Module],
      ['Signature: HOAGLAND', SymbolKind.Variable],
    ]);
  });

  it('holds paragraphs 1-10 under their headings', () => {
    const under = (name: string) => symbols.find((s) => s.name === name)!.children!.map((c) => c.name.split(' ')[0]);
    expect(under('PROGRESS ON TIP')).toEqual(['3.', '4.', '5.']);
    expect(under('DOING MORE ON IPR')).toEqual(['6.']);
    expect(under('FORENSICS CENTER: ASSISTANCE APPRECIATED')).toEqual(['7.']);
    expect(under('REQUEST FOR HELP IN LEGISLATIVE DRAFTING, PENAL REFORM')).toEqual(['8.']);
    expect(under('OPPOSITION ARE "OPPONENTS," NOT ENEMIES')).toEqual(['9.', '10.']);
    const numbers = flat(symbols).filter((s) => s.kind === SymbolKind.Number).map((s) => s.name.split('.')[0]);
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('names a paragraph by number, mark and first words, with the mark in detail', () => {
    const p3 = flat(symbols).find((s) => s.name.startsWith('3.'))!;
    expect(p3.name).toBe('3. (SBU) During a February 19 introductory meeting...');
    expect(p3.detail).toBe('SBU');
    expect(p3.selectionRange.start).toEqual({ line: 90, character: 0 });
  });

  it('lists the addressees under the envelope and the captions under the banner', () => {
    const env = symbols.find((s) => s.name === 'Envelope')!;
    expect(env.children!.map((c) => c.name).slice(0, 3)).toEqual(['FM AMEMBASSY ASTANA', 'TO SECSTATE WASHDC', 'INFO CIS COLLECTIVE']);
    expect(env.children!.every((c) => c.kind === SymbolKind.Field)).toBe(true);
    const banner = symbols.find((s) => s.kind === SymbolKind.Constant)!;
    expect(banner.children!.map((c) => [c.name, c.kind])).toEqual([
      ['SENSITIVE', SymbolKind.EnumMember],
      ['SIPDIS', SymbolKind.EnumMember],
    ]);
  });

  it('puts the SUMMARY and COMMENT blocks under their paragraphs', () => {
    const all = flat(symbols);
    expect(all.find((s) => s.name.startsWith('2.'))!.children!.map((c) => [c.name, c.kind])).toEqual([['Summary', SymbolKind.Event]]);
    expect(all.find((s) => s.name.startsWith('10.'))!.children!.map((c) => [c.name, c.kind])).toEqual([['Comment', SymbolKind.Object]]);
  });

  it('keeps every selection range inside its range, children inside parents, siblings apart', () => {
    const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
      list.forEach((s, k) => {
        expect(s.name.length).toBeGreaterThan(0);
        expect(inside(s.range, s.selectionRange)).toBe(true);
        if (parent) expect(inside(parent.range, s.range)).toBe(true);
        const next = list[k + 1];
        if (next) expect(s.range.end.line <= next.range.start.line).toBe(true);
        check(s.children ?? [], s);
      });
    };
    check(symbols);
    // Paragraph 2 stops before the heading that follows it.
    const p2 = symbols.find((s) => s.name.startsWith('2.'))!;
    expect(p2.range.end.line).toBe(85);
  });
});

describe('document symbols (several cables)', () => {
  const two = `${SEED}\n\n${SEED.replace(/09ASTANA308/g, '09ASTANA309').replace(/000308/g, '000309')}`;
  const symbols = service().getDocumentSymbols(doc(two));

  it('gives one node per cable, named by identifier and subject', () => {
    expect(symbols.map((s) => [s.name, s.kind, s.detail])).toEqual([
      ['09ASTANA308 KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES APPRECIATION FOR U.S. ASSISTANCE', SymbolKind.File, 'UNCLAS'],
      ['09ASTANA309 KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES APPRECIATION FOR U.S. ASSISTANCE', SymbolKind.File, 'UNCLAS'],
    ]);
    expect(symbols[0].children!.length).toBe(12);
  });
});

describe('result cap', () => {
  it('stops at maxItemsComputed and tells once per document', () => {
    const notices: unknown[] = [];
    const svc = service({ onResultLimitExceeded: (n) => notices.push(n) });
    const d = doc(SEED);
    const capped = svc.getDocumentSymbols(d, { maxItemsComputed: 5 });
    expect(capped.map((c) => c.name.slice(0, 8))).toEqual(['Metadata', 'Envelope', 'UNCLAS S', 'Subject:', '1. (U) S']);
    expect(flat(capped).length).toBe(5);
    svc.getDocumentSymbols(d, { maxItemsComputed: 5 });
    expect(notices).toEqual([{ uri: d.uri, feature: 'documentSymbols', limit: 5 }]);
    expect(flat(svc.getDocumentSymbols(d)).length).toBe(40);
  });

  it('fills the cap level by level: every cable of a big file is listed before any paragraph', () => {
    const many = Array.from({ length: 30 }, () => SEED).join('\n\n');
    const capped = service().getDocumentSymbols(doc(many, 'file:///w/many.txt'), { maxItemsComputed: 100 });
    expect(capped).toHaveLength(30);
    expect(flat(capped)).toHaveLength(100);
    expect(capped[0].children!.map((c) => c.name.slice(0, 8))).toEqual(['Metadata', 'Envelope', 'UNCLAS S', 'Subject:', '1. (U) S', '2. (SBU)', 'PROGRESS', 'DOING MO', 'FORENSIC', 'REQUEST ', 'OPPOSITI', 'Signatur']);
    expect(capped[29].children).toBeUndefined();
  });

  it('returns nothing once cancelled', () => {
    expect(service().getDocumentSymbols(doc(SEED), {}, { isCancellationRequested: true })).toEqual([]);
  });
});
