/**
 * Hover texts for the structural elements of a cable (§C of the format spec, in our own words), small
 * builders that fill in values from the cable, and {@link escapeMarkdown} for every piece of cable text
 * that reaches a Markdown hover. Vocabulary hovers live with their tables (precedence.ts, captions.ts,
 * classification.ts, executiveOrders.ts, reasons.ts, tags.ts, routing.ts).
 */

/** Structural element kinds with a fixed hover text. */
export type ElementKind =
  | 'transmission-id'
  | 'prosign'
  | 'routing-indicator'
  | 'de-line'
  | 'dtg'
  | 'fm'
  | 'to'
  | 'info'
  | 'xmt'
  | 'addressee-serial'
  | 'bt'
  | 'ssn'
  | 'nnnn'
  | 'section-count'
  | 'mrn'
  | 'eo-na'
  | 'decl'
  | 'tags-label'
  | 'subject'
  | 'reference'
  | 'classified-by'
  | 'portion-mark'
  | 'entire-text'
  | 'end-summary'
  | 'end-comment'
  | 'end-note'
  | 'continuation'
  | 'page-header'
  | 'passing-line'
  | 'meta-identifier'
  | 'meta-created'
  | 'meta-released'
  | 'meta-classification'
  | 'meta-origin';

/** Fixed hover text per element kind. Short, exact, Markdown-safe. */
export const ELEMENT_HOVERS: Readonly<Record<ElementKind, string>> = Object.freeze({
  'transmission-id':
    'Transmission identifier (format line 1): start of message `VZCZC`, then the 3-letter channel designator and the channel sequence number.',
  prosign: 'Precedence prosign: the highest precedence among the addressees (ZZ FLASH, OO IMMEDIATE, PP PRIORITY, RR ROUTINE), then the routing indicators of the receiving stations.',
  'routing-indicator': 'Routing indicator: 4–7 letters naming a station in the message relay network (R worldwide, U United States, 3rd letter area, rest station).',
  'de-line': 'Originating station (`DE`): its routing indicator, station serial number (MRN serial mod 10000), `/NN` section, then julian day and time of file (UTC).',
  dtg: 'Date-time group: day, hour and minute in UTC ("Z"), month and year. WikiLeaks shows it as Created.',
  fm: '`FM`: the originator.',
  to: '`TO`: action addressees.',
  info: '`INFO`: information addressees.',
  xmt: '`XMT`: members of a collective address excluded from this message.',
  'addressee-serial': 'Addressee precedence and the message number this post gives its traffic to that addressee.',
  bt: '`BT`: break between the heading and the text.',
  ssn: 'End-of-message station serial number, to check against the `DE` line.',
  nnnn: '`NNNN`: end of message.',
  'section-count': 'The message was sent in several sections; this text starts the section given.',
  mrn: 'Message reference number: originating post and serial. The WikiLeaks identifier is built from it.',
  'eo-na': '`N/A`: the cable is unclassified, so there is no declassification instruction.',
  decl: '"Declassify on": date, event or exemption code after which the information is no longer classified.',
  'tags-label': 'TAGS (Traffic Analysis by Geography and Subject): subject, program (K…), country and person tags used for filing and retrieval.',
  subject: 'Subject line of the cable (may carry its own portion mark).',
  reference: 'References: earlier messages this one answers or builds on.',
  'classified-by': '`Classified By`: the original classification authority (name, position) and the reason category.',
  'portion-mark': 'Portion mark: the classification of this paragraph only.',
  'entire-text': 'Legacy statement: the whole message carries the level given.',
  'end-summary': 'Closes the drafter\'s summary.',
  'end-comment': 'Closes the post\'s own comment (its analysis, as opposed to reporting).',
  'end-note': 'Closes an aside note.',
  continuation: 'Continuation marker at a section or page break: post, 8-digit serial, section (`.n` = page) of total.',
  'page-header': 'Page header of a 1970s or converted text: post, serial, section and time.',
  'passing-line': 'Passing line: which offices in the receiving post or Department the message is for.',
  'meta-identifier': 'WikiLeaks identifier: 2-digit year of the DTG, post, and serial without leading zeros.',
  'meta-created': 'Created: the cable\'s date-time group (UTC).',
  'meta-released': 'Released: when WikiLeaks published the cable.',
  'meta-classification': 'Classification as labelled in the released database (SBU cables appear as UNCLASSIFIED//FOR OFFICIAL USE ONLY).',
  'meta-origin': 'Origin: the post or office that sent the cable.',
});

/** Fixed hover text for an element kind; null for an unknown kind. */
export function elementHover(kind: string): string | null {
  if (typeof kind !== 'string') return null;
  return Object.prototype.hasOwnProperty.call(ELEMENT_HOVERS, kind) ? ELEMENT_HOVERS[kind as ElementKind] : null;
}

// ------------------------------------------------------------------------------------------ escaping

/** ASCII punctuation: CommonMark lets any of it be backslash-escaped, which makes it literal. */
const MARKDOWN_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
/** C0/C1 controls (tab and newline handled apart) and bidirectional overrides that could disguise text. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes cable text inert in a Markdown hover: every ASCII punctuation character is backslash-escaped, so
 * no link, image, HTML tag, entity, code span, emphasis, autolink (`http\://`, `www\.`) or `command:` URI
 * can form; line breaks become spaces and control/bidi-override characters are dropped. Output renders
 * as the same visible text. Accepts any value (non-strings give '').
 */
export function escapeMarkdown(text: string): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(INVISIBLE, '')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`);
}

/** Cable text shown as-is in a hover: escaped, and cut to `max` characters with an ellipsis. */
export function quoteCableText(text: string, maxLength = 120): string {
  if (typeof text !== 'string') return '';
  const max = Number.isInteger(maxLength) && maxLength > 0 ? maxLength : 120;
  const clean = text.replace(/\s+/g, ' ').trim();
  const cut = clean.length > max ? `${clean.slice(0, max)}…` : clean;
  return escapeMarkdown(cut);
}

// ------------------------------------------------------------------------------------------ builders

function positiveInt(n: unknown): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/** `SECTION 01 OF 02` -> "Message sent in 2 sections; this text starts section 1." */
export function sectionCountHover(index: number, total: number): string {
  const i = positiveInt(index);
  const t = positiveInt(total);
  if (i === null || t === null) return ELEMENT_HOVERS['section-count'];
  const warn = i > t ? ' (section number exceeds the total)' : '';
  return `Message sent in **${t}** section${t === 1 ? '' : 's'}; this text starts section **${i}**${warn}.`;
}

/**
 * MRN hover: `ASTANA 000308` (+ DTG year 2009) -> "... basis of the WikiLeaks identifier 09ASTANA308".
 * Post and serial are cable text and are escaped here.
 */
export function mrnHover(post: string, serial: string, year?: number | null): string {
  const p = typeof post === 'string' ? post.replace(/\s+/g, ' ').trim() : '';
  const digits = typeof serial === 'string' && /^\d{1,8}$/.test(serial.trim()) ? serial.trim() : '';
  if (!p || !digits) return ELEMENT_HOVERS.mrn;
  const id = typeof year === 'number' && Number.isInteger(year) ? `${String(year % 100).padStart(2, '0')}${p.replace(/ /g, '')}${Number(digits)}` : null;
  return (
    `Message reference number: post **${escapeMarkdown(p)}**, serial **${Number(digits)}**.` +
    (id ? ` WikiLeaks identifier: \`${id.replace(/`/g, '')}\`.` : ' The WikiLeaks identifier is built from it.')
  );
}

/** Continuation marker `ASTANA 00000308 002 OF 002` (page for `001.2`). */
export function continuationHover(serial: number, section: number, total: number, page?: number | null): string {
  const s = positiveInt(serial);
  const i = positiveInt(section);
  const t = positiveInt(total);
  if (s === null || i === null || t === null) return ELEMENT_HOVERS.continuation;
  const pg = positiveInt(page ?? null);
  return `Continuation marker: serial ${s}, section **${i}** of **${t}**${pg !== null ? `, page ${pg}` : ''}.`;
}

/** VZCZC line: channel designator and sequence number (both cable text, escaped). */
export function transmissionHover(channel: string, sequence: string): string {
  if (typeof channel !== 'string' || typeof sequence !== 'string') return ELEMENT_HOVERS['transmission-id'];
  return `Transmission identifier: start of message \`VZCZC\`, channel designator **${escapeMarkdown(channel)}**, channel sequence number **${escapeMarkdown(sequence)}**.`;
}

/** DE line parts: station RI, serial, section (cable text, escaped). */
export function deLineHover(station: string, serial: string, section?: string | null): string {
  if (typeof station !== 'string' || typeof serial !== 'string') return ELEMENT_HOVERS['de-line'];
  const sec = typeof section === 'string' && section ? `, section **${escapeMarkdown(section)}**` : '';
  return `Originating station **${escapeMarkdown(station)}**, station serial number **${escapeMarkdown(serial)}** (MRN serial mod 10000)${sec}.`;
}

/** `IMMEDIATE 4680` on an addressee line. */
export function addresseeSerialHover(precedence: string | null, serial: string | null): string {
  const p = typeof precedence === 'string' && precedence ? `**${escapeMarkdown(precedence.toUpperCase())}** precedence for this addressee` : null;
  const s = typeof serial === 'string' && /^\d{1,5}$/.test(serial.trim()) ? `message number **${serial.trim()}** from this post to this addressee` : null;
  if (!p && !s) return ELEMENT_HOVERS['addressee-serial'];
  const text = [p, s].filter(Boolean).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
