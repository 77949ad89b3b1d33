import { lookupRoutingIndicator } from '../knowledge/routing';
import { cableExample, EXAMPLE_ENVELOPE, EXAMPLE_HEADER } from './examples';
import { memoized } from './memo';
import type { Finding, Rule } from './types';

/** Words that say what kind of post it is, in WikiLeaks Origin values and in PLADs; the place follows. */
const ORIGIN_KIND = /^(?:EMBASSY|CONSULATE(?: GENERAL)?|US MISSION(?: TO)?|MISSION|US INTERESTS SECTION|US OFFICE|AMERICAN PRESENCE POST|BRANCH OFFICE|AMERICAN INSTITUTE(?: IN)? TAIWAN,?)\s+/;
/** PLADs of these kinds are compared (others, such as military addressees or garbled lines, are not). */
const PLAD_KNOWN = /^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USINT|USOFFICE|AMERICAN EMBASSY|USLO|USDEL|USEU|USNATO|USUN|RPO|IRAN RPO|SECSTATE|REO|AIT|AMEMB)\b/;
/** The kind word stripped before comparing places (SECSTATE stays: it is the place key of the Department). */
const PLAD_KIND = /^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USINT|USOFFICE|AMERICAN EMBASSY|USLO|USDEL|AMEMB|AIT)\b\s*/;
/** Place names spelt two ways over the years (both seen in cables). */
const PLACE_ALIASES: Readonly<Record<string, string>> = { KIEV: 'KYIV', SECRETARYOFSTATE: 'SECSTATE', DEPARTMENTOFSTATE: 'SECSTATE' };

const ALIAS_ENTRIES = Object.entries(PLACE_ALIASES);

function key(text: string, kind: RegExp): string {
  const k = text.toUpperCase().replace(/\s+/g, ' ').trim().replace(kind, '').replace(/[^A-Z]/g, '');
  return PLACE_ALIASES[k] ?? ALIAS_ENTRIES.reduce((s, [from, to]) => s.replace(from, to), k);
}

// Origins, FM lines and routing indicators repeat from cable to cable: their place keys are read once.
const originKey = memoized((origin: string) => key(origin, ORIGIN_KIND));
/** The place key of an FM PLAD of a known kind, or null for other addressees. */
const fmKey = memoized((plad: string) => (PLAD_KNOWN.test(plad.toUpperCase()) ? key(plad, PLAD_KIND) : null));
/** The station an indicator is listed for and the place keys of all its names, or null when not in the table. */
const stationPlaces = memoized((indicator: string) => {
  const info = lookupRoutingIndicator(indicator);
  if (!info) return null;
  return { station: info.station, keys: [info.station, ...info.alternatives.map((a) => a.station)].map((n) => key(n, PLAD_KIND)) };
});

function samePlace(originKey: string, other: string): boolean {
  return originKey.length >= 3 && other.length >= 3 && (other.includes(originKey) || originKey.includes(other));
}

/** [C2G]: the metadata Origin names the post the FM line and the DE routing indicator come from. */
export const rule: Rule = {
  id: 'origin-fm-mismatch',
  description: 'The metadata Origin names a different post than the FM line or the DE routing indicator.',
  defaultSeverity: 'information',
  tags: ['metadata', 'envelope'],
  fixable: false,
  docs: {
    checks:
      'Compares the place in the metadata `Origin` (`Embassy Astana` → ASTANA, `Secretary of State` → SECSTATE) with the place in the FM PLAD (`AMEMBASSY ASTANA`); only PLADs of a known kind (AMEMBASSY, AMCONSUL, USMISSION, USINT, SECSTATE...) are compared. When they agree, the DE routing indicator is looked up in the routing table and reported if none of the station names known for it is that place. Partial records are skipped.',
    why: 'WikiLeaks derived Origin from the cable\'s originator; the FM line is the originator\'s PLAD and the DE line its station\'s routing indicator [C2G]. A different post means the metadata belongs to another cable or the envelope was relayed. Routing indicators move between posts over time, so this is information only.',
    sources: ['C2G'],
    triggers: {
      text: cableExample({ header: EXAMPLE_HEADER, envelope: EXAMPLE_ENVELOPE.replace('FM AMEMBASSY ASTANA', 'FM AMEMBASSY ALMATY') }),
      note: 'Origin Embassy Astana, FM AMEMBASSY ALMATY.',
    },
    clean: { text: cableExample({ header: EXAMPLE_HEADER, envelope: EXAMPLE_ENVELOPE }), note: 'Origin Embassy Astana, FM AMEMBASSY ASTANA.' },
    notFlagged: ['Old and new spellings of a place (KIEV/KYIV).', 'The American Institute in Taiwan (`American Institute Taiwan, Taipei`, `FM AIT TAIPEI`).', 'Partial records.'],
  },
  check({ cable, facts }) {
    const origin = cable.metadata?.origin?.value;
    const env = cable.envelope;
    if (!facts.crossChecks || !origin || !env) return [];
    const place = originKey(origin.text);
    if (place.length < 3) return [];
    const from = env.from[0];
    const out: Finding[] = [];
    const fm = from ? fmKey(from.name.text) : null;
    if (from && fm !== null) {
      if (fm.length >= 3 && !samePlace(place, fm)) {
        out.push({
          range: { start: origin.start, end: origin.end },
          message: `The metadata Origin "${origin.text}" is not the FM post ${from.name.text}.`,
          related: [{ span: from.name, message: `FM ${from.name.text}` }],
          data: { navigate: { title: 'Go to the FM line', span: { start: from.name.start, end: from.name.end } } },
        });
        return out;
      }
    }
    const de = env.de;
    const info = de ? stationPlaces(de.station.text) : null;
    if (de && info) {
      if (!info.keys.some((k) => samePlace(place, k))) {
        out.push({
          range: { start: de.station.start, end: de.station.end },
          message: `The DE routing indicator ${de.station.text} is listed for ${info.station}, not for the metadata Origin "${origin.text}".`,
          related: [{ span: origin, message: `Origin ${origin.text}` }],
        });
      }
    }
    return out;
  },
};
