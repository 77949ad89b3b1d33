import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  addresseeSerialHover,
  continuationHover,
  deLineHover,
  ELEMENT_HOVERS,
  elementHover,
  escapeMarkdown,
  mrnHover,
  quoteCableText,
  sectionCountHover,
  transmissionHover,
} from '../../server/src/knowledge/hoverTexts';

// markdown-it (installed with @vscode/vsce) renders CommonMark like VS Code's hovers; the most permissive
// settings (raw HTML on, bare-URL linkify on) are the worst case for escaping.
type Md = { render(src: string): string };
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (opts: object) => Md;
const md = new MarkdownIt({ html: true, linkify: true });

function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

const HOSTILE = [
  '[x](command:workbench.action.terminal.new)',
  '<img src=x>',
  '![a](b)',
  '<script>alert(1)</script>',
  '`code` and ``more``',
  '*em* _em_ **strong** ~~strike~~',
  '<https://evil.example/>',
  'see https://evil.example/path and www.evil.example',
  '[ref]: command:workbench.action.terminal.new',
  '# heading',
  '1. list',
  '- item',
  '> quote',
  '&lt;img src=x&gt; &#60;b&#62;',
  '| a | b |',
  '\\[x\\](command:y)',
  'text\u202Ereversed',
  'line1\nline2\r\n[x](y)',
  '<a href="command:x">click</a>',
  '[x][1]\n\n[1]: command:x',
];

describe('escapeMarkdown', () => {
  it('neutralises links, images, HTML, code and command URIs', () => {
    for (const input of HOSTILE) {
      const html = md.render(escapeMarkdown(input));
      expect(html, input).not.toMatch(/<a\b|<img\b|<script\b|<code\b|<em\b|<strong\b|<s\b|<h\d|<ol\b|<ul\b|<blockquote\b|<table\b/);
      expect(html, input).not.toMatch(/<[^>]*\b(?:href|src)=/);
    }
  });

  it('keeps the visible text the same', () => {
    for (const input of ['[x](command:workbench.action.terminal.new)', '<img src=x>', '![a](b)', 'AT&T', 'UNCLAS SECTION 01 OF 02 ASTANA 000308', '1.4 (b) and (d)', 'http://a.b/c?d=e']) {
      expect(visibleText(md.render(escapeMarkdown(input))), input).toBe(input);
    }
  });

  it('drops controls and bidi overrides, folds line breaks', () => {
    expect(escapeMarkdown('a\u202Eb\u0000c')).toBe('abc');
    expect(escapeMarkdown('a\nb')).toBe('a b');
    expect(escapeMarkdown(undefined as unknown as string)).toBe('');
  });

  it('is linear on long input', () => {
    const long = '[x](y)'.repeat(100000);
    expect(escapeMarkdown(long).length).toBe(long.length + 4 * 100000); // 4 punctuation characters per unit
  });
});

describe('quoteCableText', () => {
  it('cuts and escapes', () => {
    expect(quoteCableText('a'.repeat(200), 10)).toBe('aaaaaaaaaa…');
    expect(quoteCableText('<b>x</b>')).toBe('\\<b\\>x\\<\\/b\\>');
  });
});

describe('element hovers', () => {
  it('has a short text for every element kind', () => {
    for (const [kind, text] of Object.entries(ELEMENT_HOVERS)) {
      expect(text.length, kind).toBeGreaterThan(5);
      expect(text.length, kind).toBeLessThan(220);
      expect(elementHover(kind)).toBe(text);
    }
    expect(elementHover('nope')).toBeNull();
    expect(elementHover('toString')).toBeNull();
  });
});

describe('hover builders', () => {
  it('describes SECTION x OF y', () => {
    expect(sectionCountHover(1, 2)).toBe('Message sent in **2** sections; this text starts section **1**.');
    expect(sectionCountHover(3, 2)).toMatch(/exceeds/);
    expect(sectionCountHover(NaN, 2)).toBe(ELEMENT_HOVERS['section-count']);
  });
  it('derives the WikiLeaks identifier from the MRN', () => {
    expect(mrnHover('ASTANA', '000308', 2009)).toMatch(/`09ASTANA308`/);
    expect(mrnHover('BUENOS AIRES', '001234', 2006)).toMatch(/`06BUENOSAIRES1234`/);
    expect(md.render(mrnHover('<img src=x>', '1', null))).not.toMatch(/<img\b/);
    expect(md.render(mrnHover('<img src=x>', '1', 2009))).not.toMatch(/<img\b/);
  });
  it('describes continuation markers, VZCZC, DE and addressee serials', () => {
    expect(continuationHover(308, 2, 2)).toBe('Continuation marker: serial 308, section **2** of **2**.');
    expect(continuationHover(226504, 1, 2, 2)).toMatch(/page 2/);
    expect(transmissionHover('XRO', '7817')).toMatch(/XRO.*7817/);
    expect(deLineHover('RUEHTA', '0308', '01')).toMatch(/RUEHTA.*0308.*section \*\*01\*\*/);
    expect(addresseeSerialHover('IMMEDIATE', '4680')).toBe('**IMMEDIATE** precedence for this addressee; message number **4680** from this post to this addressee.');
    expect(addresseeSerialHover(null, '4680')).toBe('Message number **4680** from this post to this addressee.');
    expect(transmissionHover('[x](command:y)', '1')).not.toContain('](');
  });
});
