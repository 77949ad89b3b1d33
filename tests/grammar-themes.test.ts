// The grammar's scopes under the default themes, resolved by vscode-textmate's own theme
// engine: classification levels must look different from each other in Dark+ and Light+,
// and every highlighted construct must get a colour or style other than plain text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import vsctm from 'vscode-textmate';
import type { IRawTheme, StateStack } from 'vscode-textmate';
import { createRegistry, ROOT, SCOPE } from './grammar/support';

interface ThemeFacts {
  background: string;
  foreground: string;
  tokenColors: Array<{ scope: string; settings: { foreground?: string; fontStyle?: string } }>;
}
const themes: Record<string, ThemeFacts> = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'grammar', 'default-themes.json'), 'utf8'),
).themes;

const SAMPLE = [
  'Identifier',
  'Created',
  'Classification',
  'Origin',
  '09ASTANA308',
  '2009-02-20 09:29:00',
  'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
  'Embassy Astana',
  'VZCZCXRO7817',
  'OO RUEHAG RUEHAST',
  'DE RUEHTA #0308/01 0510929',
  'ZNR UUUUU ZZH',
  'O 200929Z FEB 09',
  'FM AMEMBASSY ASTANA',
  'TO RUEHC/SECSTATE WASHDC IMMEDIATE 4680',
  'UNCLAS SECTION 01 OF 02 ASTANA 000308',
  '',
  'SIPDIS',
  'STATE FOR SCA/CEN',
  '',
  'C O N F I D E N T I A L SECTION 01 OF 02 STATE 000001',
  '',
  'S E C R E T STATE 000002',
  '',
  'TOP SECRET STATE 000003',
  '',
  'E.O. 12958: DECL: 05/19/2031',
  'TAGS: PGOV PREL KZ',
  'SUBJECT: BALIYEVA EXPRESSES APPRECIATION',
  '',
  'REF: STATE 1234',
  '',
  'Classified By: Ambassador X for reasons 1.4 (b) and (d)',
  '',
  '1. (U) Unclassified paragraph.',
  '2. (SBU) SUMMARY: Sensitive paragraph.',
  'END SUMMARY.',
  '3. (C) Confidential paragraph.',
  '4. (S//NF) Secret paragraph about XXXXXXXXXXXX.',
  '5. (TS) Top secret paragraph.',
  '',
  'PROGRESS ON TIP',
  '',
  'ASTANA 00000308 002 OF 002',
  '',
  'HOAGLAND',
];

interface Style {
  color: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

async function styleMap(theme: ThemeFacts): Promise<(line: number, text: string, occurrence?: number) => Style> {
  const raw: IRawTheme = {
    settings: [{ settings: { foreground: theme.foreground, background: theme.background } }, ...theme.tokenColors],
  };
  const registry = createRegistry(raw);
  const grammar = await registry.loadGrammar(SCOPE);
  if (!grammar) throw new Error('grammar not loaded');
  const colors = registry.getColorMap();
  let stack: StateStack = vsctm.INITIAL;
  const encoded = SAMPLE.map((line) => {
    const r = grammar.tokenizeLine2(line, stack);
    stack = r.ruleStack;
    return r.tokens;
  });
  return (lineNo, text, occurrence = 1) => {
    const line = SAMPLE[lineNo];
    let at = -1;
    for (let i = 0; i < occurrence; i++) at = line.indexOf(text, at + 1);
    if (at < 0) throw new Error(`"${text}" not on line ${lineNo}`);
    const tokens = encoded[lineNo];
    let meta = tokens[1];
    for (let i = 0; i < tokens.length; i += 2) if (tokens[i] <= at) meta = tokens[i + 1];
    const fontStyle = (meta & 0b111100000000000) >>> 11;
    return {
      color: colors[(meta & 0xff8000) >>> 15].toUpperCase(),
      bold: (fontStyle & 2) !== 0,
      italic: (fontStyle & 1) !== 0,
      underline: (fontStyle & 4) !== 0,
    };
  };
}

const find = (text: string) => {
  const i = SAMPLE.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(text);
  return i;
};

// Constructs that must stand out from plain text: [line containing, text, label].
const HIGHLIGHTED: Array<[string, string]> = [
  ['Identifier', 'metadata label'],
  ['09ASTANA308', 'cable identifier'],
  ['2009-02-20', 'metadata date'],
  ['Embassy Astana', 'origin'],
  ['VZCZC', 'start of message'],
  ['OO', 'precedence prosign'],
  ['RUEHAG', 'routing indicator'],
  ['#0308', 'station serial'],
  ['ZNR', 'security warning'],
  ['ZZH', 'operating signal'],
  ['200929Z FEB 09', 'date-time group'],
  ['FM', 'FM keyword'],
  ['SECSTATE WASHDC', 'station'],
  ['IMMEDIATE', 'addressee precedence'],
  ['4680', 'serial'],
  ['SECTION', 'SECTION keyword'],
  ['000308', 'MRN'],
  ['SIPDIS', 'caption'],
  ['E.O.', 'E.O. keyword'],
  ['05/19/2031', 'DECL date'],
  ['TAGS:', 'TAGS label'],
  ['PGOV', 'tag'],
  ['SUBJECT:', 'SUBJECT label'],
  ['BALIYEVA EXPRESSES', 'subject text'],
  ['REF:', 'REF label'],
  ['STATE 1234', 'reference'],
  ['Classified By', 'Classified By label'],
  ['1.4', 'reason section'],
  ['(b)', 'reason category'],
  ['SUMMARY', 'block marker'],
  ['XXXXXXXXXXXX', 'redaction'],
  ['PROGRESS ON TIP', 'heading'],
  ['00000308 002 OF 002', 'continuation marker'],
  ['HOAGLAND', 'signature'],
];

describe.each(Object.keys(themes))('%s', (themeName) => {
  const theme = themes[themeName];

  it('gives unclassified, confidential, secret and top secret four different colours', async () => {
    const style = await styleMap(theme);
    const portion = {
      U: style(find('1. (U)'), '(U)'),
      C: style(find('3. (C)'), '(C)'),
      S: style(find('4. (S//NF)'), '(S//NF)'),
      TS: style(find('5. (TS)'), '(TS)'),
    };
    const banner = {
      U: style(find('UNCLAS SECTION'), 'UNCLAS'),
      C: style(find('C O N F'), 'C O N F'),
      S: style(find('S E C R E T'), 'S E C R E T'),
      TS: style(find('TOP SECRET'), 'TOP SECRET'),
    };
    for (const set of [portion, banner]) {
      const colors = Object.values(set).map((s) => s.color);
      expect(new Set(colors).size, JSON.stringify(set)).toBe(4);
      expect(colors).not.toContain(theme.foreground.toUpperCase());
    }
    // Banner and portion of one level share a colour, so a level reads the same everywhere.
    for (const level of ['U', 'C', 'S', 'TS'] as const) expect(banner[level].color).toBe(portion[level].color);
    // SBU is an unclassified control, not a level: it keeps the unclassified colour.
    expect(style(find('2. (SBU)'), '(SBU)').color).toBe(portion.U.color);
    expect(style(find('ZNR UUUUU'), 'UUUUU').color).toBe(portion.U.color);
    console.log(`[grammar] ${themeName} levels: ${JSON.stringify(Object.fromEntries(Object.entries(portion).map(([k, v]) => [k, v.color])))}`);
  });

  it('styles every highlighted construct differently from plain text', async () => {
    const style = await styleMap(theme);
    const plain = style(find('1. (U)'), 'Unclassified paragraph');
    expect(plain).toEqual({ color: theme.foreground.toUpperCase(), bold: false, italic: false, underline: false });
    const rows: string[] = [];
    for (const [text, label] of HIGHLIGHTED) {
      const s = style(find(text), text);
      rows.push(`${label}=${s.color}${s.bold ? '+bold' : ''}${s.underline ? '+underline' : ''}`);
      expect(s, `${label} ("${text}")`).not.toEqual(plain);
    }
    console.log(`[grammar] ${themeName}: ${rows.join(', ')}`);
  });

  it('keeps labels and their values apart', async () => {
    const style = await styleMap(theme);
    const pairs: Array<[number, string, number, string]> = [
      [find('TAGS:'), 'TAGS:', find('TAGS:'), 'PGOV'],
      [find('TO RUEHC'), 'TO', find('TO RUEHC'), 'SECSTATE'],
      [find('TO RUEHC'), 'RUEHC', find('TO RUEHC'), 'SECSTATE'],
      [find('SUBJECT:'), 'SUBJECT:', find('SUBJECT:'), 'BALIYEVA'],
      [find('E.O.'), 'E.O.', find('E.O.'), '12958'],
      [find('Identifier'), 'Identifier', find('09ASTANA308'), '09ASTANA308'],
      [find('UNCLAS SECTION'), 'UNCLAS', find('UNCLAS SECTION'), 'ASTANA'],
    ];
    for (const [l1, t1, l2, t2] of pairs) expect(style(l1, t1), `${t1} vs ${t2}`).not.toEqual(style(l2, t2));
  });
});
