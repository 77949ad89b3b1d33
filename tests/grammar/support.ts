// Loads the generated cable grammar into vscode-textmate with the Oniguruma WASM build,
// exactly as VS Code does, so tests exercise the real tokenizer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';
import type { IGrammar, IRawTheme, IToken, StateStack } from 'vscode-textmate';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'cable.tmLanguage.json');
export const SCOPE = 'source.cable';

let onigReady: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  onigReady ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  return onigReady;
}

export function createRegistry(theme?: IRawTheme): InstanceType<typeof vsctm.Registry> {
  return new vsctm.Registry({
    onigLib: loadOniguruma().then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    })),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    theme,
  });
}

export async function loadGrammar(theme?: IRawTheme): Promise<IGrammar> {
  const grammar = await createRegistry(theme).loadGrammar(SCOPE);
  if (!grammar) throw new Error(`could not load ${SCOPE}`);
  return grammar;
}

export interface TokenizedLine {
  text: string;
  tokens: IToken[];
}

/** Splits like VS Code (LF or CRLF) and tokenizes line by line, carrying the rule stack. */
export function tokenizeText(grammar: IGrammar, text: string): TokenizedLine[] {
  let stack: StateStack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return { text: line, tokens: result.tokens };
  });
}

/** Scopes of every token overlapping [start, end) on a line. */
export function scopesAt(line: TokenizedLine, start: number, end: number): string[][] {
  return line.tokens.filter((t) => t.startIndex < end && t.endIndex > start).map((t) => t.scopes);
}

/** True when a scope contains `fragment` as whole dot-separated segments (`classification.secret`). */
export function scopeHas(scope: string, fragment: string): boolean {
  return `.${scope}.`.includes(`.${fragment}.`);
}

/** True when every character in [start, end) carries a scope containing `fragment`. */
export function rangeHasScope(line: TokenizedLine, start: number, end: number, fragment: string): boolean {
  const covering = line.tokens.filter((t) => t.startIndex < end && t.endIndex > start);
  if (covering.length === 0) return false;
  let cursor = start;
  for (const t of covering) {
    if (t.startIndex > cursor) return false;
    if (!t.scopes.some((s) => scopeHas(s, fragment))) return false;
    cursor = t.endIndex;
  }
  return cursor >= end;
}
