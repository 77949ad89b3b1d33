/** A paragraph's label: its first words. */


/** How much of a paragraph's first line preview reads. */
export const PREVIEW_READ = 80;
/** What preview folds: it is tested first, since the replace costs more and most first lines have none. */
const PREVIEW_FOLD = /\s{2}|\t/;

/** The first words of a paragraph, cut at a word boundary, for outline labels. */
export function preview(text: string, max = 60): string {
  let t = text.slice(0, max + 20);
  t = PREVIEW_FOLD.test(t) ? t.replace(/\s{2,}|\t/g, ' ').trim() : t.trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return `${t.slice(0, cut > 20 ? cut : max)}...`;
}

/**
 * The preview of a paragraph that goes on past its first line: `...` after a first line cut mid-sentence (`Sarkozy
 * repeated his...`), so the outline does not read as the whole paragraph; none after a finished sentence or a colon.
 */
export function goesOn(preview: string): string {
  if (!preview || preview.endsWith('...')) return preview;
  let end = preview.length;
  let c = preview.charCodeAt(end - 1);
  if ((c === 34 || c === 39 || c === 41 || c === 0x2019 || c === 0x201d) && end > 1) c = preview.charCodeAt(end - 2);
  if (c === 46 || c === 63 || c === 33 || c === 58) return preview;
  while (end > 0 && (preview.charCodeAt(end - 1) === 44 || preview.charCodeAt(end - 1) === 59 || preview.charCodeAt(end - 1) === 45 || preview.charCodeAt(end - 1) === 32)) end--;
  return end > 0 ? `${preview.slice(0, end)}...` : preview;
}
