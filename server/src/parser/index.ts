/**
 * The cable parser: text in, lossless model out (model.ts). Pure, never throws, linear in the input:
 * every line is visited a bounded number of times and every pattern runs on a bounded prefix of a line.
 */
import { parseCable } from './cable';
import { forgetKeywordMemo } from './captions';
import { scanText, splitLines } from './lines';
import type { ParsedDocument, ParseProblem } from './model';
import { segments } from './segments';

export * from './model';
export { computeLineStarts, lineOf, offsetAt, positionAt } from './lineIndex';
export { detectCable } from './detect';

export function parseCables(text: string): ParsedDocument {
  // One fast pass finds the lines and says whether there is anything to fold or count: nearly every file has nothing.
  const { lineStarts, odd } = scanText(text);
  const doc: ParsedDocument = { text, lineStarts, cables: [], problems: [] };
  try {
    if (odd && looksBinary(text)) {
      doc.problems.push({ code: 'binary-content', message: 'The file is not text (binary content).', start: 0, end: 0 });
      return doc;
    }
    const lines = splitLines(text, lineStarts, odd);
    const refids: number[] = [];
    let r = 0;
    for (const [a, b, header] of segments(text, lineStarts, lines, refids)) {
      // Only a cable with a `refid:` line can hold a cables.csv dump: the others skip the search for it.
      while (r < refids.length && refids[r] < a) r++;
      const cable = parseCable(text, lines, a, b, doc.cables.length, header, r < refids.length && refids[r] < b);
      if (cable) doc.cables.push(cable);
    }
    if (doc.cables.length === 0) {
      doc.problems.push({ code: 'no-cable', message: 'No cable found: no header, envelope, banner or captions.', start: 0, end: 0 });
    }
  } catch (err) {
    // The parser must never take the editor down: report what broke and keep what was parsed.
    const problem: ParseProblem = { code: 'no-cable', message: `Parser error: ${(err as Error).message}`, start: 0, end: 0 };
    doc.problems.push(problem);
  } finally {
    forgetKeywordMemo();
  }
  return doc;
}

const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\ufffd]/g;

/** NUL anywhere in the first 8K, or more than 10% control characters there: not a text file. */
function looksBinary(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.indexOf('\u0000') >= 0) return true;
  const bad = head.match(CONTROL);
  return bad !== null && bad.length / head.length > 0.1;
}
