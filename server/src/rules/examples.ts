/**
 * Builds the small cables shown in each rule's documentation. Every example is parsed and linted by the tests,
 * so a doc example that stops triggering (or starts triggering) its rule fails the build.
 */

export interface ExampleParts {
  /** Metadata header lines (WikiLeaks mirror layout), or '' for none. */
  header?: string;
  /** Envelope lines from FL1 to the last addressee. */
  envelope?: string;
  banner?: string;
  captions?: string;
  eo?: string;
  tags?: string;
  subject?: string;
  classifiedBy?: string;
  body?: string;
  signature?: string;
}

export const EXAMPLE_HEADER = [
  'Identifier',
  'Created',
  'Classification',
  'Origin',
  '09ASTANA308',
  '2009-02-20 09:29:00',
  'CONFIDENTIAL',
  'Embassy Astana',
].join('\n');

export const EXAMPLE_ENVELOPE = [
  'VZCZCXRO7817',
  'OO RUEHAG RUEHAST',
  'DE RUEHTA #0308/01 0510929',
  'ZNY CCCCC ZZH',
  'O 200929Z FEB 09',
  'FM AMEMBASSY ASTANA',
  'TO RUEHC/SECSTATE WASHDC IMMEDIATE 4680',
].join('\n');

/** A clean CONFIDENTIAL cable of 2009 unless parts are replaced. `''` removes a part. */
export function cableExample(parts: ExampleParts = {}): string {
  const p = {
    header: '',
    envelope: 'O 200929Z FEB 09\nFM AMEMBASSY ASTANA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4680',
    banner: 'C O N F I D E N T I A L ASTANA 000308',
    captions: 'SIPDIS',
    eo: 'E.O. 12958: DECL: 02/19/2019',
    tags: 'TAGS: PGOV PREL KZ',
    subject: 'SUBJECT: MEETING WITH THE JUSTICE MINISTER',
    classifiedBy: 'Classified By: Ambassador Richard E. Hoagland, reasons 1.4 (b) and (d)',
    body: '1. (C) The minister described the reform plan.\n\n2. (U) The meeting was public.',
    signature: 'HOAGLAND',
    ...parts,
  };
  const blocks = [
    p.header,
    p.envelope,
    [p.banner, p.captions ? `\n${p.captions}` : ''].filter(Boolean).join('\n'),
    [p.eo, p.tags, p.subject].filter(Boolean).join('\n'),
    p.classifiedBy,
    p.body,
    p.signature,
  ].filter((b) => b !== '');
  return blocks.join('\n\n') + '\n';
}
