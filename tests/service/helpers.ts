/** Shared test helpers: the seed as a document, positions of text, and a service wired to the real rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import { RULE_CATALOG, runRules } from '../../server/src/rules/index';
import { createCableLanguageService, type CableServiceInit, type ServiceDocument } from '../../server/src/service/index';

export const SEED = readFileSync(join(__dirname, '../../seeds/000_0ac2a656c61260b0.txt'), 'utf8');

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../fixtures/cables', name), 'utf8');
}

export function doc(text: string, uri = 'file:///work/cables/seed.txt', version = 1): ServiceDocument {
  return { uri, version, getText: () => text };
}

/** Position of the `nth` (0-based) occurrence of `needle`, plus `delta` characters. */
export function at(text: string, needle: string, nth = 0, delta = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" #${nth} not found`);
  }
  const o = i + delta;
  const before = text.slice(0, o);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: o - lineStart };
}

export function service(init: CableServiceInit = {}) {
  return createCableLanguageService({ linter: { run: runRules, catalog: RULE_CATALOG }, ...init });
}

export function hoverText(h: { contents: unknown } | null): string {
  if (!h) return '';
  const c = h.contents as { value?: string };
  return typeof c === 'object' && c && typeof c.value === 'string' ? c.value : '';
}
