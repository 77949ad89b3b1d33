/**
 * Agreement between the WikiLeaks metadata header and the parsed cable body, over the real corpus.
 * The header is an independent label: disagreement is either a parser bug or a real oddity.
 */
import type { Cable } from '../../server/src/parser/model';

export interface Check {
  name: 'banner level' | 'TAGS' | 'Created' | 'subject';
  agree: boolean;
  detail: string;
}

const norm = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();

export function agreementChecks(c: Cable, text: string): Check[] {
  const out: Check[] = [];
  const md = c.metadata;
  if (!md) return out;
  if (md.classificationLevel && c.banner) {
    out.push({ name: 'banner level', agree: md.classificationLevel === c.banner.level, detail: `${md.classificationLevel} vs ${c.banner.level ?? c.banner.letters}` });
  }
  if (md.tags.length && c.tags) {
    const a = new Set(md.tags.map((t) => t.text.toUpperCase()));
    // The mirror's Tags field holds the first line of a wrapped TAGS line only.
    const nl = text.indexOf('\n', c.tags.label.start);
    const firstLineEnd = nl < 0 ? text.length : nl;
    const b = new Set(
      c.tags.tags.filter((t) => t.kind === 'tag' && t.start < firstLineEnd).map((t) => t.text.toUpperCase().replace(/[.,;]+$/, '')),
    );
    const same = [...a].every((x) => b.has(x)) && [...b].every((x) => a.has(x));
    out.push({ name: 'TAGS', agree: same, detail: `${[...a].join(' ')} vs ${[...b].join(' ')}` });
  }
  if (md.createdIso && c.envelope?.dtg?.iso) {
    // The mirror that produced most fixtures wrote the 12-hour clock hour into Created's minutes
    // (`13:49Z` -> `13:01`), so Created is compared to the hour; the minute is checked where it is sound.
    const dtg = c.envelope.dtg.iso;
    const agree = md.createdIso.slice(0, 13) === dtg.slice(0, 13) && (createdMinuteIsHour(md.createdIso) || md.createdIso.slice(0, 16) === dtg.slice(0, 16));
    out.push({ name: 'Created', agree, detail: `${md.createdIso} vs ${dtg}` });
  }
  const title = md.title?.value.text;
  if (title && c.subject) {
    // The mirror drops the `(` of a portion-marked subject: `S) SAUDI ARABIA...`.
    const t = norm(title.replace(/^SUBJ(?:ECT)?:\s*/i, '').replace(/^[A-Za-z/ -]{1,12}\)\s*/, ''));
    const s = norm(c.subject.text);
    out.push({ name: 'subject', agree: s.startsWith(t) || t.startsWith(s), detail: `${title} | ${c.subject.text}` });
  }
  return out;
}

/** True when Created's minutes equal its hour on a 12-hour clock: the mirror's known defect. */
export function createdMinuteIsHour(iso: string): boolean {
  const hour = +iso.slice(11, 13);
  const minute = +iso.slice(14, 16);
  return minute === (hour % 12 === 0 ? 12 : hour % 12);
}
