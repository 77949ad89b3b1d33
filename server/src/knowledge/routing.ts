/**
 * Routing indicators (RIs): the station table generated into data/routing.json (provenance in
 * data/PROVENANCE.md) and the meaning of an indicator's letters.
 *
 * A cable's own `RI/NAME` addressee lines say best what an RI means in that cable; this table is the
 * fallback (codes move: RUEHTA was Almaty, then Astana).
 */
import routingData from './data/routing.json';
import { escapeMarkdown } from './hoverTexts';

/** Another station name seen for, or listed against, an indicator. */
export interface RoutingAlternative {
  station: string;
  /** How many cables paired the indicator with this name; null for a table listing. */
  count: number | null;
  /** `cables` or a table key such as `ACP117-2010`. */
  source: string;
}

/** A routing indicator from the table. */
export interface RoutingInfo {
  indicator: string;
  /** Station name (the name most often paired with it in cables, else the ACP 117 name). */
  station: string;
  /** Times seen in the team's cable corpus (0 = table only). */
  countSeen: number;
  /** Source keys: `cables:TO/INFO`, `cables:DE+FM`, `ACP117-2010`. */
  source: string[];
  alternatives: RoutingAlternative[];
  /** For ACP 117 blocks (`RHFJAAA THRU RHFJAAZ`), the block; else null. */
  range: { from: string; to: string } | null;
}

type Alt = [string, number | null, string];
type Row = [string, string, number, string[], Alt[]];
type RangeRow = [string, string, string, number, string[], Alt[]];

const data = routingData as unknown as { rows: Row[]; ranges: RangeRow[] };
let index: Map<string, Row> | null = null;

function alternatives(alts: Alt[]): RoutingAlternative[] {
  return alts.map(([station, count, source]) => ({ station, count, source }));
}

/**
 * The table entry for an indicator (`RUEHTA`; case-insensitive, letters only, 4-7 of them).
 * Blocks listed as ranges in ACP 117 match by length and bounds. Null when unlisted or not RI-shaped.
 */
export function lookupRoutingIndicator(ri: string): RoutingInfo | null {
  if (typeof ri !== 'string') return null;
  const key = ri.trim().toUpperCase();
  if (!/^[A-Z]{4,7}$/.test(key)) return null;
  index ??= new Map(data.rows.map((r) => [r[0], r]));
  const row = index.get(key);
  if (row) {
    const [indicator, station, countSeen, source, alts] = row;
    return { indicator, station, countSeen, source: [...source], alternatives: alternatives(alts), range: null };
  }
  for (const [from, to, station, countSeen, source, alts] of data.ranges) {
    if (key.length === from.length && key >= from && key <= to) {
      return { indicator: key, station, countSeen, source: [...source], alternatives: alternatives(alts), range: { from, to } };
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------------ letters

/** One position group of an RI explained. */
export interface RoutingPart {
  letters: string;
  role: 'network' | 'nation' | 'area' | 'station';
  /** Meaning where a source gives it; null otherwise. */
  meaning: string | null;
}

/** The letters of an RI explained. */
export interface RoutingExplanation {
  indicator: string;
  /** False when the text is not RI-shaped (4-7 letters, first R or Q). */
  valid: boolean;
  reason?: string;
  parts: RoutingPart[];
  /** A known prefix family (`RUEH`: State Department posts), if any. */
  family: { prefix: string; meaning: string } | null;
  /** One-line summary for hovers. */
  summary: string;
}

/**
 * First letter: R = strategic/worldwide RI, Q = theater RI [TPUB-RI]. Letters of the form described by
 * ACP 121 as summarised in [TPUB-RI] and the Wikipedia "Routing indicator" article.
 */
const NETWORK_LETTERS: Readonly<Record<string, string>> = Object.freeze({
  R: 'worldwide (strategic) routing indicator',
  Q: 'theater routing indicator',
});

/**
 * Second letter (with the first): nation or alliance. Only what our sources support: U = United States
 * [TPUB-RI]. H is also United States: every RH.. indicator in the ACP 117 (2010) table is a US station
 * (NSC, DIA, DOE, US commands). Other nations' letters are left undecoded.
 */
const NATION_LETTERS: Readonly<Record<string, string>> = Object.freeze({
  U: 'United States',
  H: 'United States',
});

/** Prefix families documented for cables [C2G routing.codes]. */
const FAMILIES: readonly { prefix: string; meaning: string }[] = Object.freeze([
  { prefix: 'RUEH', meaning: 'Department of State network: embassies, consulates, missions and the Department (RUEHC)' },
]);

/**
 * Explains the letters of an RI: `RUEHTA` -> R worldwide, U United States, E area letter, HTA station and
 * relay letters, family RUEH (State posts). The area letter is named but not decoded (no source here gives
 * the area table). Never throws; non-RI text gives `valid: false`.
 */
export function explainRoutingIndicator(ri: string): RoutingExplanation {
  const key = typeof ri === 'string' ? ri.trim().toUpperCase() : '';
  if (!/^[A-Z]{4,7}$/.test(key)) {
    return { indicator: key, valid: false, reason: 'a routing indicator is 4 to 7 letters', parts: [], family: null, summary: 'Not a routing indicator (4–7 letters).' };
  }
  if (!NETWORK_LETTERS[key[0]]) {
    return { indicator: key, valid: false, reason: 'a routing indicator starts with R or Q', parts: [], family: null, summary: 'Not a routing indicator (first letter R or Q).' };
  }
  const parts: RoutingPart[] = [
    { letters: key[0], role: 'network', meaning: NETWORK_LETTERS[key[0]] },
    { letters: key[1], role: 'nation', meaning: NATION_LETTERS[key[1]] ?? null },
    { letters: key[2], role: 'area', meaning: null },
    { letters: key.slice(3), role: 'station', meaning: null },
  ];
  const family = FAMILIES.find((f) => key.startsWith(f.prefix)) ?? null;
  const nation = parts[1].meaning ? `${key[1]} ${parts[1].meaning}` : `${key[1]} nation/alliance letter`;
  const summary =
    `${key[0]} ${key[0] === 'R' ? 'worldwide' : 'theater'}, ${nation}, ${key[2]} area letter, ${key.slice(3)} station/relay letters` +
    (family ? `; ${family.prefix}… = ${family.meaning}` : '') +
    '.';
  return { indicator: key, valid: true, parts, family, summary };
}

/**
 * Hover text for an RI. `stationFromCable` is the name this cable's own TO/INFO/FM lines pair with the RI
 * (preferred over the table); pass it as written, it is escaped here like the table's names.
 */
export function routingHover(ri: string, stationFromCable?: string | null): string {
  if (typeof stationFromCable !== 'string' || stationFromCable.trim() === '') stationFromCable = null;
  const explained = explainRoutingIndicator(ri);
  if (!explained.valid) return explained.summary;
  const info = lookupRoutingIndicator(explained.indicator);
  const lines: string[] = [];
  if (stationFromCable) {
    lines.push(`Routing indicator **${explained.indicator}**: ${escapeMarkdown(stationFromCable)} (as this cable's addressee lines name it).`);
  } else if (info) {
    const seen = info.countSeen > 0 ? `paired with this name ${info.countSeen === 1 ? "once" : `${info.countSeen} times`} in real cables` : 'ACP 117 routing book, 2010';
    lines.push(`Routing indicator **${explained.indicator}**: ${escapeMarkdown(info.station)} (${seen}).`);
  } else {
    lines.push(`Routing indicator **${explained.indicator}**: station not in our routing table.`);
  }
  if (info && stationFromCable && info.station !== stationFromCable.trim().toUpperCase()) lines.push(`Routing table: ${escapeMarkdown(info.station)}.`);
  const others = (info?.alternatives ?? []).filter((a) => a.count !== null).slice(0, 3);
  if (others.length > 0) lines.push(`Also seen as: ${others.map((a) => `${escapeMarkdown(a.station)} (${a.count})`).join('; ')}.`);
  lines.push(`Letters: ${explained.summary}`);
  return lines.join('\n\n');
}
