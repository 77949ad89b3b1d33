import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { referenceHover } from '../../server/src/workspace/index';
import { xrefIndex, xrefText } from './helpers';

const index = xrefIndex();

function hoverOn(rel: string, needle: string, nth = 0, withIndex = true) {
  const text = xrefText(rel);
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  expect(at).toBeGreaterThanOrEqual(0);
  return referenceHover(parseCables(text), at + 1, withIndex ? index : null);
}

describe('reference hovers', () => {
  it('a resolved REF item: decoded identifier and the file holding it', () => {
    const h = hoverOn('09PARIS1162.txt', 'PARIS 1097')!;
    expect(h.markdown).toContain('**09PARIS1097**');
    expect(h.markdown).toContain('PARIS serial 1097, 2009 (not written: this cable\'s year)');
    expect(h.markdown).toContain('In the workspace: 09PARIS1097\\.txt');
  });

  it('an unresolved REF item still shows the decoded identifier', () => {
    const h = hoverOn('10BERLIN128.txt', '2009 BERLIN 1377')!;
    expect(h.markdown).toBe('**09BERLIN1377**: BERLIN serial 1377, 2009. Not in the workspace.');
    const noIndex = hoverOn('10BERLIN128.txt', '2009 BERLIN 1377', 0, false)!;
    expect(noIndex.markdown).toBe('**09BERLIN1377**: BERLIN serial 1377, 2009.');
  });

  it('a REFTEL mention names its item and the cable', () => {
    const h = hoverOn('09BERLIN1176.txt', 'REFTEL E')!;
    expect(h.markdown.split('\n\n')[0]).toBe('REF E: BERLIN 1162');
    expect(h.markdown).toContain('In the workspace: 09BERLIN1162\\.txt');
  });

  it('renders as plain text: no link or HTML comes from cable text', () => {
    const md = new MarkdownIt();
    const h = hoverOn('09BUENOSAIRES853.txt', 'reftel')!;
    const html = md.render(h.markdown);
    expect(html).not.toMatch(/<a |<img|<script/);
  });

  it('elsewhere: no hover', () => {
    const text = xrefText('09PARIS1162.txt');
    expect(referenceHover(parseCables(text), text.indexOf('FREE FRENCH'), index)).toBeNull();
  });
});
