/**
 * Cheap "is this text a cable?" test over the first lines of a file.
 * Shared by the parser (to find cables) and the VS Code client (to switch `.txt` files to `cable`),
 * so both agree on what counts as a cable. Pure: no I/O, no LSP imports.
 */

/** How many lines from the top are inspected. Enough for a WikiLeaks header plus a full envelope. */
export const DETECT_LINES = 80;

export interface Detection {
  isCable: boolean;
  /** Which signal decided it, for logs: e.g. `wikileaks-header`, `envelope`, `banner+captions`. */
  reason: string;
}

const WIKILEAKS_LABELS = /^(?:Identifier|Reference ID)\s*$/;
const VZCZC = /^VZCZC[A-Z]{2,3}\d{2,5}\s*$/;
const DTG_LINE = /^[ZOPRY](?: [ZOPRY])? [0-3]\d[0-2]\d[0-5]\dZ [A-Z]{3} \d{2,4}\b/;
const BANNER =
  /^(?:UNCLAS(?:SIFIED)?|LIMITED OFFICIAL USE|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|T ?O ?P ?S ?E ?C ?R ?E ?T)\b.*\b\d{3,7}\s*$/i;
// E.O. (also `E.0.`, a zero for the O) and TAGS lines are specific to cables; SUBJECT/FM/TO also open ordinary memos, so they only count upper-case.
const CAPTION = /^(?:(?:E\.? ?O\.?|E\. ?0\.) ?(?:11652|12065|12356|12958|13292|13526)\b|TAGS?[:;] *[A-Za-z]{2})/i;
const WEAK_CAPTION = /^(?:SUBJ(?:ECT)?: *[A-Z]|FM [A-Z]{3}|TO [A-Z]{3})/;

/**
 * Decides from strong signals only: a WikiLeaks label block, an ACP-127 envelope start, or a banner line
 * together with a caption (E.O./TAGS/SUBJECT/FM/TO). A lone "SECRET" or "SUBJECT:" in a memo is not enough.
 */
export function detectCable(text: string): Detection {
  let bannerSeen = false;
  let captions = 0;
  let start = 0;
  if (text.charCodeAt(0) === 0xfeff) start = 1;
  for (let n = 0; n < DETECT_LINES && start <= text.length; n++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    // Bound the work on a binary or one-line file: a cable line is short.
    const line = text.slice(start, Math.min(end, start + 400)).replace(/\u00a0/g, ' ').trimEnd();
    if (n < 3 && WIKILEAKS_LABELS.test(line)) return { isCable: true, reason: 'wikileaks-header' };
    if (VZCZC.test(line)) return { isCable: true, reason: 'envelope' };
    if (DTG_LINE.test(line)) captions += 2;
    if (BANNER.test(line)) bannerSeen = true;
    else if (CAPTION.test(line)) captions += 2;
    else if (WEAK_CAPTION.test(line)) captions++;
    if (bannerSeen && captions >= 2) return { isCable: true, reason: 'banner+captions' };
    if (captions >= 4) return { isCable: true, reason: 'captions' };
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return { isCable: false, reason: 'no cable signals' };
}
