/**
 * Cable text reaches the user through Markdown (hovers; the summary view) and must stay text: a cable carrying
 * `[x](command:...)`, HTML or Markdown image syntax produces no link, no command, no image. Hovers are taken from
 * the service at every position and from the real server; summaries from the real server's `cable/summary` and the
 * client's own reading, rendered by the client's renderSummary. Everything is rendered with markdown-it with raw
 * HTML and linkify on (the strictest reading), and the HTML is searched for live elements.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { deriveSummary, type CableSummary } from '../../client/src/deriveSummary';
import { renderSummary } from '../../client/src/summaryView';
import { buildServer } from '../protocol/lspClient';
import { SEED } from './generators/mutations';
import { docOf, fullService, LineMap } from './support/checks';
import { AbuseClient } from './support/lsp';

// The summary view module registers a content provider with VS Code; only its pure renderer is used here.
vi.mock('vscode', () => ({}));

type Md = { render(src: string): string };
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (opts: object) => Md;
const md = new MarkdownIt({ html: true, linkify: true });

const LINK = '[x](command:workbench.action.terminal.new)';
const PAYLOADS = [LINK, '<img src=x onerror=alert(1)>', '![i](https://e.example/x.png)', '<script>alert(1)</script>', 'http://evil.example/p', 'www.evil.example', '<a href="command:x">y</a>', '&#x3C;img src=x&#x3E;', '`code`'];
const ALL = PAYLOADS.join(' ');

/** The seed with payloads written into every part a hover or the summary shows. */
const HOSTILE = SEED.replace(/^SUBJECT: .*$/m, `SUBJECT: ${ALL}`)
  .replace(/^TAGS: .*$/m, `TAGS: PGOV, ${LINK}, <b>KZ</b>, [X](COMMAND:Y)`)
  .replace(/^(TO RUEHC\/)SECSTATE WASHDC/m, `$1${LINK} <img src=x>`)
  .replace(/^(INFO RUEH\w+\/)[^\n]*/m, `$1![i](http://e.example/x.png) 1234`)
  .replace(/^(E\.O\. 12958: )[^\n]*/m, `$1DECL: ${LINK}`)
  .replace('3. (SBU) During', `3. (S//REL ${LINK.toUpperCase()}) During`)
  .replace('4. (SBU)', '4. (<IMG SRC=X>)')
  .replace(/^SENSITIVE$/m, 'SENSITIVE <img src=x> [x](command:y)')
  .replace(/\n([A-Z]+)\s*$/, `\n${LINK}\n`)
  .replace(/^(UNCLAS SECTION 01 OF 02 ASTANA 000308)$/m, `$1\nREF: A. ${LINK} B. STATE 1234 <img src=x>\nClassified By: ${LINK} <img src=x> for reasons 1.4 (b) and (d)`);

/** Live elements, or any tag with a link, source or handler attribute, in rendered HTML (text such as `src=x` is fine). */
const LIVE = /<(?:a|img|script|iframe|svg|object|embed|video|audio|link|style|b|form|input)\b|<[a-z][^>]*\s(?:href|src|on\w+)\s*=/i;

function inert(markdown: string): string | null {
  const html = md.render(markdown);
  return LIVE.test(html) ? html : null;
}

describe('hovers render cable text escaped', () => {
  it('the hostile cable differs from the seed where intended', () => {
    for (const p of ['SUBJECT: [x]', 'TAGS: PGOV, [x]', 'TO RUEHC/[x]', 'DECL: [x]', '3. (S//REL [X]', '4. (<IMG', 'Classified By: [x]', 'REF: A. [x]']) expect(HOSTILE, p).toContain(p);
  });

  it('every hover at every position of the cable (language service)', () => {
    const svc = fullService();
    const d = docOf(HOSTILE);
    const map = new LineMap(HOSTILE);
    let hovers = 0;
    let quoting = 0;
    const seen = new Set<string>();
    for (let line = 0; line < map.lineCount; line++) {
      for (let character = 0; character <= map.lengths[line]; character++) {
        const h = svc.getHover(d, { line, character });
        if (!h) continue;
        const value = (h.contents as { value: string }).value;
        if (seen.has(value)) continue;
        seen.add(value);
        hovers++;
        if (/command|img|evil/i.test(md.render(value))) quoting++;
        expect(inert(value), `hover at ${line}:${character}:\n${value}`).toBeNull();
      }
    }
    console.log(`[escape] ${hovers} distinct hovers, ${quoting} of them quoting hostile cable text`);
    // The test saw the payloads: several hovers quote them (as text).
    expect(quoting).toBeGreaterThanOrEqual(4);
  });
});

describe('the real server: hovers and cable/summary', () => {
  let client: AbuseClient;
  let workspace: string;
  let uri: string;
  beforeAll(async () => {
    buildServer();
    workspace = mkdtempSync(join(tmpdir(), 'cable-robust-escape-'));
    uri = pathToFileURL(join(workspace, 'hostile.txt')).href;
    client = AbuseClient.start();
    await client.initialize(pathToFileURL(workspace).href);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: HOSTILE } });
  }, 240_000);
  afterAll(async () => {
    await client?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('hovers over the hostile lines', { timeout: 120_000 }, async () => {
    const map = new LineMap(HOSTILE);
    const lines = [...HOSTILE.split(/\r?\n/).entries()].filter(([, t]) => /command|img|evil|COMMAND|IMG/.test(t)).map(([k]) => k);
    expect(lines.length).toBeGreaterThan(8);
    let quoting = 0;
    for (const line of lines) {
      for (let character = 0; character <= map.lengths[line]; character += 2) {
        const h = await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
        if (!h) continue;
        const value = (h.contents as { value: string }).value;
        if (/command|img|evil/i.test(value)) quoting++;
        expect(inert(value), `hover at ${line}:${character}:\n${value}`).toBeNull();
      }
    }
    expect(quoting).toBeGreaterThan(0);
  });

  it('cable/summary, rendered by the summary view, and the client-only summary', { timeout: 60_000 }, async () => {
    const summary = await client.conn.sendRequest<CableSummary | null>('cable/summary', { textDocument: { uri } });
    expect(summary?.subject).toContain(LINK);
    for (const [who, s] of [
      ['server', { ...summary!, producer: 'server' as const }],
      ['client', deriveSummary(HOSTILE)],
    ] as const) {
      const text = renderSummary(s, `${LINK}.txt`);
      // The payloads are there, as text...
      expect(md.render(text), who).toContain('command:workbench.action.terminal.new');
      // ...and nothing is live.
      expect(inert(text), `${who} summary:\n${text}`).toBeNull();
    }
  });
});
