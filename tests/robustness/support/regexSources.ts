/**
 * Every regular expression that reads cable text, found in the sources rather than listed by hand (a new pattern
 * is audited the day it is written): regex literals and `new RegExp(...)` calls in the TypeScript files, read with
 * the TypeScript parser, and every match/begin/end/while pattern of the TextMate grammar.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const ROOT = join(__dirname, '../../..');

export interface FoundRegex {
  /** `server/src/parser/body.ts:12` or `syntaxes/cable.tmLanguage.json#/repository/banner/match`. */
  where: string;
  engine: 'js' | 'onig';
  source: string;
  flags: string;
  /** Built from a template whose `${...}` parts were replaced by a sample value. */
  approximated?: boolean;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** Sample values for template parts of dynamic patterns (`new RegExp(\`...${next}...\`)`). */
const TEMPLATE_SAMPLE = 'B';

export function regexesInSources(dirs: string[]): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const file of dirs.flatMap((d) => tsFiles(join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const rel = relative(ROOT, file);
    const at = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = (n as ts.RegularExpressionLiteral).text;
        const slash = lit.lastIndexOf('/');
        out.push({ where: at(n), engine: 'js', source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp' && n.arguments?.length) {
        const [src, flags] = n.arguments;
        const f = flags && ts.isStringLiteralLike(flags) ? flags.text : '';
        if (ts.isStringLiteralLike(src)) out.push({ where: at(n), engine: 'js', source: src.text, flags: f });
        else if (ts.isTemplateExpression(src)) {
          const source = src.head.text + src.templateSpans.map((s) => TEMPLATE_SAMPLE + s.literal.text).join('');
          out.push({ where: at(n), engine: 'js', source, flags: f, approximated: true });
        } else out.push({ where: at(n), engine: 'js', source: '', flags: f, approximated: true });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/**
 * Grammar patterns. An `end`/`while` may refer to its `begin`'s captures (`\\1`); alone it is audited with each
 * back-reference replaced by a sample word, which is what it matches at run time.
 */
export function regexesInGrammar(file = 'syntaxes/cable.tmLanguage.json'): FoundRegex[] {
  const grammar = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;
  const out: FoundRegex[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, k) => walk(x, `${path}/${k}`));
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof x === 'string') {
        const backref = /\\[1-9]/.test(x) && k !== 'match' && k !== 'begin';
        out.push({ where: `${file}#${path}/${k}`, engine: 'onig', source: backref ? x.replace(/\\[1-9]/g, 'WORD') : x, flags: '', approximated: backref || undefined });
      } else walk(x, `${path}/${k}`);
    }
  };
  walk(grammar, '');
  return out;
}
