/**
 * Cable text placed in the summary's Markdown, made inert: it reads the same in the plain editor view, and in a
 * Markdown preview it cannot become a link, image, HTML, entity or code span. Only the characters that open those
 * are escaped (not every punctuation mark), so `KAZAKHSTAN: JUSTICE MINISTER` stays as written; URL schemes and
 * `www.` get an escaped `:`/`.` so a preview does not turn a bare address into a link.
 */

/** Control and bidi-override characters: invisible, and able to reorder what the reader sees. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** What opens a link `[`, image `![`, autolink or HTML `<`, entity `&`, code span `` ` ``, or escapes `\`. */
const OPENERS = /[\\[\]<>&`!*_|]/g;
/** Schemes a Markdown renderer (or its linkify) turns into links. */
const SCHEME = /\b(https?|ftp|mailto|file|command|javascript|vscode|data):/gi;

export function inertMarkdown(text: string | undefined | null): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(OPENERS, (c) => `\\${c}`)
    .replace(SCHEME, '$1\\:')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}
