/**
 * Classification vocabulary: levels and the comparison lattice, banner designations, metadata labels,
 * portion marks, and the FL4 security-warning groups and operating signals.
 *
 * Only TOP SECRET, SECRET and CONFIDENTIAL are classification levels (R1); SBU, LOU, FOUO and EFTO are
 * controls on unclassified text. For comparisons the spec uses the lattice
 * `U < U+SBU (= LOU = U//FOUO) < C < S < TS` (§B.2), with NF/XD/ND tracked separately.
 */
import { lookupCaveat } from './captions';
import { escapeMarkdown } from './hoverTexts';

/** The four levels, spelt as the parser's model spells them. */
export type ClassificationLevel = 'UNCLASSIFIED' | 'CONFIDENTIAL' | 'SECRET' | 'TOP SECRET';

/** Positions in the comparison lattice. `SBU` = unclassified but controlled (SBU, LOU, FOUO). */
export type LatticeLevel = 'U' | 'SBU' | 'C' | 'S' | 'TS';

/** Lattice, lowest first. */
export const LATTICE: readonly LatticeLevel[] = Object.freeze(['U', 'SBU', 'C', 'S', 'TS'] as LatticeLevel[]);

/** Spellings accepted by {@link rank}, mapped to the lattice. */
const LATTICE_ALIASES: Readonly<Record<string, LatticeLevel>> = Object.freeze({
  U: 'U',
  UNCLAS: 'U',
  UNCLASSIFIED: 'U',
  SBU: 'SBU',
  LOU: 'SBU',
  FOUO: 'SBU',
  'U//FOUO': 'SBU',
  'U//SBU': 'SBU',
  'LIMITED OFFICIAL USE': 'SBU',
  'SENSITIVE BUT UNCLASSIFIED': 'SBU',
  C: 'C',
  CONFIDENTIAL: 'C',
  S: 'S',
  SECRET: 'S',
  TS: 'TS',
  'TOP SECRET': 'TS',
});

/**
 * Rank in the lattice: U 0, SBU/LOU/FOUO 1, C 2, S 3, TS 4; -1 for anything else. Accepts lattice
 * names, level words (`SECRET`) and `U//FOUO`, case-insensitive.
 */
export function rank(level: string): number {
  if (typeof level !== 'string') return -1;
  const l = LATTICE_ALIASES[level.trim().replace(/\s+/g, ' ').toUpperCase()];
  return l ? LATTICE.indexOf(l) : -1;
}

/** The lattice level for a spelling accepted by {@link rank}, or null. */
export function latticeLevel(level: string): LatticeLevel | null {
  const r = rank(level);
  return r < 0 ? null : LATTICE[r];
}

/** Lattice position of a level plus its controls: UNCLASSIFIED with SBU, LOU or FOUO is `SBU`. */
export function latticeOf(level: ClassificationLevel, controls: readonly string[] = []): LatticeLevel {
  switch (level) {
    case 'TOP SECRET':
      return 'TS';
    case 'SECRET':
      return 'S';
    case 'CONFIDENTIAL':
      return 'C';
    default: {
      const controlled = Array.isArray(controls) && controls.some((c) => typeof c === 'string' && ['SBU', 'LOU', 'FOUO', 'SBU-NF'].includes(c.toUpperCase()));
      return controlled ? 'SBU' : 'U';
    }
  }
}

/** The classification level of a lattice position (SBU is UNCLASSIFIED). */
export function classificationOf(level: LatticeLevel): ClassificationLevel {
  return level === 'TS' ? 'TOP SECRET' : level === 'S' ? 'SECRET' : level === 'C' ? 'CONFIDENTIAL' : 'UNCLASSIFIED';
}

/** Harm test of each level [EO13526 §1.2], in our words. */
export const LEVEL_HOVERS: Readonly<Record<ClassificationLevel, string>> = Object.freeze({
  UNCLASSIFIED: '**UNCLASSIFIED**: not classified national security information.',
  CONFIDENTIAL: '**CONFIDENTIAL**: disclosure could reasonably be expected to damage national security.',
  SECRET: '**SECRET**: disclosure could reasonably be expected to cause serious damage to national security.',
  'TOP SECRET': '**TOP SECRET**: disclosure could reasonably be expected to cause exceptionally grave damage to national security.',
});

// ------------------------------------------------------------------------------------------ banner

/** Designations allowed on the classification line (line 1 of the text) [FAH2-220][STATE-SBU-2000]. */
export type BannerDesignation =
  | 'UNCLASSIFIED'
  | 'UNCLAS'
  | 'UNCLAS EFTO'
  | 'LIMITED OFFICIAL USE'
  | 'CONFIDENTIAL'
  | 'SECRET'
  | 'TOP SECRET';

/** What a banner designation means. */
export interface BannerInfo {
  designation: BannerDesignation;
  level: ClassificationLevel;
  lattice: LatticeLevel;
  /** Controls carried by the designation (`EFTO`, `LOU`). */
  controls: string[];
  hover: string;
}

/** Banner designations. */
export const BANNERS: readonly BannerInfo[] = Object.freeze([
  { designation: 'UNCLASSIFIED', level: 'UNCLASSIFIED', lattice: 'U', controls: [], hover: 'Classification line: **UNCLASSIFIED**.' },
  { designation: 'UNCLAS', level: 'UNCLASSIFIED', lattice: 'U', controls: [], hover: 'Classification line: **UNCLAS** = unclassified (the usual short form).' },
  {
    designation: 'UNCLAS EFTO',
    level: 'UNCLASSIFIED',
    lattice: 'U',
    controls: ['EFTO'],
    hover: 'Classification line: **UNCLAS EFTO** = unclassified, Encrypt For Transmission Only.',
  },
  {
    designation: 'LIMITED OFFICIAL USE',
    level: 'UNCLASSIFIED',
    lattice: 'SBU',
    controls: ['LOU'],
    hover: 'Classification line: **LIMITED OFFICIAL USE** = unclassified but administratively controlled; State\'s pre-October-1995 marking, replaced by SBU.',
  },
  {
    designation: 'CONFIDENTIAL',
    level: 'CONFIDENTIAL',
    lattice: 'C',
    controls: [],
    hover: 'Classification line: **CONFIDENTIAL** (written letter-spaced): disclosure could reasonably be expected to damage national security.',
  },
  {
    designation: 'SECRET',
    level: 'SECRET',
    lattice: 'S',
    controls: [],
    hover: 'Classification line: **SECRET** (written letter-spaced): disclosure could reasonably be expected to cause serious damage to national security.',
  },
  {
    designation: 'TOP SECRET',
    level: 'TOP SECRET',
    lattice: 'TS',
    controls: [],
    hover: 'Classification line: **TOP SECRET**: disclosure could reasonably be expected to cause exceptionally grave damage to national security.',
  },
] as BannerInfo[]);

const bannerByKey = new Map<string, BannerInfo>();
for (const b of BANNERS) bannerByKey.set(b.designation.replace(/ /g, ''), b);
// Spellings that collapse to the same letters.
bannerByKey.set('UNCLASSIFIEDEFTO', bannerByKey.get('UNCLASEFTO') as BannerInfo);

/**
 * Meaning of a banner designation as written: `UNCLAS`, `unclas e f t o`, `C O N F I D E N T I A L`,
 * `T O P S E C R E T`, `LIMITED OFFICIAL USE`. Letter spacing and case are ignored; null if unknown
 * (a misspelt letter-spaced word such as `C O N F I D E N T A L` is unknown).
 */
export function lookupBanner(designation: string): BannerInfo | null {
  if (typeof designation !== 'string' || designation.length > 60) return null;
  const key = designation.replace(/[\s\u00a0]+/g, '').toUpperCase();
  return bannerByKey.get(key) ?? null;
}

// ------------------------------------------------------------------------------------------ metadata label

/** A WikiLeaks/NCD `Classification` label read (`SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`). */
export interface MetadataClassification {
  level: ClassificationLevel;
  lattice: LatticeLevel;
  noforn: boolean;
  /** `//FOR OFFICIAL USE ONLY`: WikiLeaks' label for SBU cables. */
  fouo: boolean;
  hover: string;
}

/**
 * Reads a metadata `Classification` value. Cablegate uses six labels [KNOX]; other `//` parts are ignored.
 * Null when the level word is unknown.
 */
export function parseMetadataClassification(label: string): MetadataClassification | null {
  if (typeof label !== 'string' || label.length > 100) return null;
  const parts = label.toUpperCase().split('//').map((p) => p.replace(/\s+/g, ' ').trim());
  const level = ({ UNCLASSIFIED: 'UNCLASSIFIED', CONFIDENTIAL: 'CONFIDENTIAL', SECRET: 'SECRET', 'TOP SECRET': 'TOP SECRET' } as const)[
    parts[0] as 'SECRET'
  ] as ClassificationLevel | undefined;
  if (!level) return null;
  const noforn = parts.includes('NOFORN');
  const fouo = parts.includes('FOR OFFICIAL USE ONLY') || parts.includes('FOUO');
  const lattice = latticeOf(level, fouo ? ['FOUO'] : []);
  const extras = [noforn ? 'not releasable to foreign nationals' : '', fouo ? 'WikiLeaks\' label for an SBU (sensitive but unclassified) cable' : '']
    .filter(Boolean)
    .join('; ');
  return {
    level,
    lattice,
    noforn,
    fouo,
    hover: `Classification as labelled by WikiLeaks: **${level}**${extras ? ` (${extras})` : ''}.`,
  };
}

// ------------------------------------------------------------------------------------------ portion marks

/** Level tokens of a portion mark, as written. */
export type PortionLevel = 'U' | 'SBU' | 'LOU' | 'C' | 'S' | 'TS';

/** Level spellings, longest first so `TOP SECRET` wins over `TS`-like prefixes and `SBU` over `S`. */
const PORTION_LEVELS: readonly [string, PortionLevel, boolean][] = [
  // [spelling, level, full word]
  ['TOP SECRET', 'TS', true],
  ['UNCLASSIFIED', 'U', true],
  ['CONFIDENTIAL', 'C', true],
  ['UNCLAS', 'U', true],
  ['SECRET', 'S', true],
  ['SBU', 'SBU', false],
  ['LOU', 'LOU', false],
  ['TS', 'TS', false],
  ['U', 'U', false],
  ['C', 'C', false],
  ['S', 'S', false],
];

/** Known controls in portion marks, spelling -> canonical controls (§B.3 portion-mark-unknown, plus FGI). */
const PORTION_CONTROLS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  NF: ['NF'],
  N: ['NF'],
  NOFORN: ['NF'],
  FOUO: ['FOUO'],
  SBU: ['SBU'],
  'SBU-NF': ['SBU', 'NF'],
  XD: ['XD'],
  EXDIS: ['XD'],
  ND: ['ND'],
  NODIS: ['ND'],
  OC: ['OC'],
  ORCON: ['OC'],
  PROPIN: ['PROPIN'],
  // CAPCO's foreign-government-information marking, seen as `(S//FGI//NF)` in real cables.
  FGI: ['FGI'],
});

/** Hover text per canonical control. */
export const CONTROL_HOVERS: Readonly<Record<string, string>> = Object.freeze({
  NF: 'NOFORN: not releasable to foreign nationals or governments without the originator\'s permission',
  FOUO: 'FOR OFFICIAL USE ONLY: unclassified control of DoD and other agencies (State\'s equivalent is SBU)',
  SBU: 'SBU: unclassified, administratively controlled by State',
  XD: 'EXDIS: exclusive distribution to officers with an essential need to know',
  ND: 'NODIS: no distribution beyond the addressees without Executive Secretariat approval',
  OC: 'ORCON: further dissemination controlled by the originator',
  PROPIN: 'PROPIN: involves proprietary information',
  FGI: 'FGI: contains foreign government information',
  REL: 'REL TO: releasable to the countries or organisations named',
});

/** Ways a portion mark departs from the plain `(LVL[/CTL])` form, for the `portion-mark-malformed` rule. */
export type PortionMarkIssue =
  /** `( C )`: spaces just inside the parentheses. */
  | 'inner-spaces'
  /** `(c)`: written wholly in lower case (fine in a wholly lower-case cable). */
  | 'lower-case'
  /** `(C NF)`: a control separated by a space only. */
  | 'space-separator'
  /** `(Secret/Rel Armenia)`: the level written as a word. */
  | 'full-word-level';

/** A portion mark read. */
export interface PortionMark {
  /** Level token as written, canonical (`SBU`, `LOU`, `C`). */
  level: PortionLevel;
  classification: ClassificationLevel;
  lattice: LatticeLevel;
  /** Canonical controls in order, unknown ones upper-cased as written (`NF`, `REL TO UK`, `SI`). */
  controls: string[];
  /** Controls not in the vocabulary. */
  unknownControls: string[];
  noforn: boolean;
  /** `C - ENTIRE TEXT`: the legacy whole-message statement. */
  entireText: boolean;
  /** Canonical form, `//` between parts (`S//NF`, `SBU//NF`, `C//REL TO UK`). */
  normalized: string;
  /** True when every part is in the vocabulary. */
  known: boolean;
  issues: PortionMarkIssue[];
}

/** Only printable ASCII other than space and a-z: unchanged by folding NBSP, trimming and upper-casing. */
function isPlainMark(inner: string): boolean {
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return false;
  }
  return true;
}

function isSeparatorStart(ch: string | undefined): boolean {
  return ch === undefined || ch === '/' || ch === '-' || ch === ' ';
}

/**
 * Reads the text inside a portion mark's parentheses: `S//NF`, `C/NF`, `SBU/N`, `U//FOUO`, `S/REL NATO`,
 * `S//REL TO USA, FVEY`, `SBU-NF`, `c`, ` C `, `C NF`, `Secret/Rel Armenia`, `C - ENTIRE TEXT`.
 * Separators: `/`, `//`, `-` (spaces around them allowed) or a single space before a known control.
 * Returns null for text that is not a portion mark: `X`, `CS`, `SNF`, `U.S.`, `Iran`, `/Rel UK`.
 * Linear in the input; inputs over 100 characters are rejected.
 */
export function parsePortionMark(inner: string): PortionMark | null {
  if (typeof inner !== 'string' || inner.length === 0 || inner.length > 100) return null;
  const issues: PortionMarkIssue[] = [];
  // Most marks are printable ASCII without white space or lower case (`C`, `S//NF`): nothing to normalise then.
  const plain = isPlainMark(inner);
  const text = plain ? inner : inner.replace(/\u00a0/g, ' ');
  if (!plain && /^\s|\s$/.test(text)) issues.push('inner-spaces');
  const trimmed = plain ? text : text.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) return null;
  if (!plain && /[a-z]/.test(trimmed) && !/[A-Z]/.test(trimmed)) issues.push('lower-case');
  const s = plain ? trimmed : trimmed.toUpperCase();

  let level: PortionLevel | null = null;
  let pos = 0;
  for (const [spelling, lvl, word] of PORTION_LEVELS) {
    if (s.startsWith(spelling) && isSeparatorStart(s[spelling.length])) {
      level = lvl;
      pos = spelling.length;
      if (word) issues.push('full-word-level');
      break;
    }
  }
  if (!level) return null;

  const controls: string[] = [];
  const unknownControls: string[] = [];
  let entireText = false;
  while (pos < s.length) {
    // Separator: optional spaces, then `//`, `/` or `-`, then optional spaces; or spaces alone.
    const start = pos;
    while (s[pos] === ' ') pos++;
    let sep = '';
    if (s.startsWith('//', pos)) sep = '//';
    else if (s[pos] === '/' || s[pos] === '-') sep = s[pos];
    pos += sep.length;
    while (s[pos] === ' ') pos++;
    if (pos === start || pos >= s.length) return null; // no separator, or a dangling one
    const spaceOnly = sep === '';

    const rest = s.slice(pos);
    if (/^ENTIRE TEXT\.?$/.test(rest)) {
      entireText = true;
      break;
    }
    if (/^REL(?: |$)/.test(rest)) {
      // REL TO lists run to the next slash: `REL TO USA, FVEY`.
      const slash = rest.indexOf('/');
      const rel = (slash < 0 ? rest : rest.slice(0, slash)).trim();
      if (rel === 'REL') return null;
      controls.push(rel);
      pos += slash < 0 ? rest.length : slash;
      continue;
    }
    // `SBU-NF` is one control although `-` is also a separator.
    const token = rest.startsWith('SBU-NF') && isSeparatorStart(rest[6]) ? 'SBU-NF' : (/^[A-Z0-9]+/.exec(rest)?.[0] ?? '');
    if (!token || !isSeparatorStart(rest[token.length])) return null;
    const canonical = PORTION_CONTROLS[token];
    if (canonical) {
      for (const c of canonical) if (!controls.includes(c)) controls.push(c);
    } else {
      // A space alone does not make prose into a mark: `(C some words)` is not one.
      if (spaceOnly) return null;
      controls.push(token);
      unknownControls.push(token);
    }
    if (spaceOnly && !issues.includes('space-separator')) issues.push('space-separator');
    pos += token.length;
  }

  const classification: ClassificationLevel =
    level === 'TS' ? 'TOP SECRET' : level === 'S' ? 'SECRET' : level === 'C' ? 'CONFIDENTIAL' : 'UNCLASSIFIED';
  const lattice = level === 'SBU' || level === 'LOU' ? 'SBU' : latticeOf(classification, controls);
  const shown = controls.filter((c) => !(c === 'SBU' && level === 'SBU'));
  return {
    level,
    classification,
    lattice,
    controls,
    unknownControls,
    noforn: controls.includes('NF'),
    entireText,
    normalized: [level, ...shown].join('//'),
    known: unknownControls.length === 0,
    issues,
  };
}

const PORTION_LEVEL_HOVERS: Readonly<Record<PortionLevel, string>> = Object.freeze({
  U: 'UNCLASSIFIED',
  SBU: 'SENSITIVE BUT UNCLASSIFIED: unclassified, administratively controlled by State',
  LOU: 'LIMITED OFFICIAL USE: unclassified, administratively controlled (pre-1995 form of SBU)',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
});

/**
 * Hover text for a portion mark: `Portion mark (S//NF): this paragraph is SECRET. NOFORN: not releasable...`
 * The normalized form is shown (cable text never reaches the hover unescaped).
 */
export function portionMarkHover(mark: PortionMark): string {
  if (!mark || typeof mark !== 'object' || !PORTION_LEVEL_HOVERS[mark.level]) return 'Portion mark: the classification of this paragraph only.';
  if (mark.entireText) {
    return `Legacy statement **${mark.level} - ENTIRE TEXT**: the whole message is ${PORTION_LEVEL_HOVERS[mark.level]}.`;
  }
  const lines = [`Portion mark **(${escapeMarkdown(mark.normalized)})**: this paragraph only is ${PORTION_LEVEL_HOVERS[mark.level]}.`];
  for (const c of mark.controls) {
    if (c === 'SBU' && mark.level === 'SBU') continue;
    const key = c.startsWith('REL') ? 'REL' : c;
    const text = CONTROL_HOVERS[key];
    lines.push(text ? `${text}${key === 'REL' ? ` (${escapeMarkdown(c.replace(/^REL(?: TO)?\s*/, ''))})` : ''}.` : `${escapeMarkdown(c)}: control not in our vocabulary.`);
  }
  if (mark.level === 'SBU' && mark.noforn) lines.push('(SBU/N is State\'s form of SBU NOFORN.)');
  return lines.join(' ');
}

// ------------------------------------------------------------------------------------------ FL4 security warning

/** An FL4 security group decoded (`ZNY CCCCC`, `ZNR UUUUU`, `ZNY SSSSS/AAAAA`). */
export interface SecurityGroup {
  signal: 'ZNR' | 'ZNY';
  group: string;
  level: ClassificationLevel | null;
  lattice: LatticeLevel | null;
  /** `EEEEE`: unclassified, Encrypt For Transmission Only. */
  efto: boolean;
  /** `/AAAAA` or `/BBBBB` suffix: special category (SPECAT) handling. */
  specat: boolean;
  /** Group of three level letters then two others (`UUUAA`), seen in Cablegate [C2G]; meaning not documented. */
  releaseCode: boolean;
  /** False when signal and group disagree: ZNR goes with UUUUU, ZNY with EEEEE/CCCCC/SSSSS/TTTTT [TPUB-FL4]. */
  consistent: boolean;
  hover: string;
}

const GROUP_LETTERS: Readonly<Record<string, { level: ClassificationLevel; efto: boolean; signal: 'ZNR' | 'ZNY' }>> = Object.freeze({
  U: { level: 'UNCLASSIFIED', efto: false, signal: 'ZNR' },
  E: { level: 'UNCLASSIFIED', efto: true, signal: 'ZNY' },
  C: { level: 'CONFIDENTIAL', efto: false, signal: 'ZNY' },
  S: { level: 'SECRET', efto: false, signal: 'ZNY' },
  T: { level: 'TOP SECRET', efto: false, signal: 'ZNY' },
});

/** Hover texts of the two security-warning signals. */
export const SECURITY_SIGNAL_HOVERS: Readonly<Record<'ZNR' | 'ZNY', string>> = Object.freeze({
  ZNR: '**ZNR**: security warning for traffic that needs no on-line encryption (unclassified, or already encrypted off-line); goes with `UUUUU`.',
  ZNY: '**ZNY**: security warning for on-line encrypted traffic: `EEEEE` EFTO, `CCCCC` CONFIDENTIAL, `SSSSS` SECRET, `TTTTT` TOP SECRET.',
});

/**
 * Decodes an FL4 security group. `group` is the five-letter group, optionally with its SPECAT suffix
 * (`SSSSS/AAAAA`); `specat` may also be passed separately. Null when the signal is not ZNR/ZNY or the
 * group is not five letters.
 */
export function decodeSecurityGroup(signal: string, group: string, specat?: string | null): SecurityGroup | null {
  if (typeof signal !== 'string' || typeof group !== 'string') return null;
  const sig = signal.trim().toUpperCase();
  if (sig !== 'ZNR' && sig !== 'ZNY') return null;
  const [g0, suffix] = group.trim().toUpperCase().split('/');
  const sp = (typeof specat === 'string' ? specat : suffix ?? '').replace(/^\//, '').trim().toUpperCase();
  if (!/^[A-Z]{5}$/.test(g0)) return null;
  const specatKnown = sp === '' || /^([AB])\1{4}$/.test(sp);
  const first = GROUP_LETTERS[g0[0]];
  const uniform = /^(.)\1{4}$/.test(g0);
  const releaseCode = !uniform && /^(.)\1\1(.)\2$/.test(g0);
  const level = first && (uniform || releaseCode) ? first.level : null;
  const efto = level !== null && first.efto;
  const consistent = level !== null && first.signal === sig && specatKnown;
  const lattice = level ? latticeOf(level) : null;
  const what = level === null ? 'unknown group' : efto ? 'unclassified, EFTO' : level;
  const how = sig === 'ZNR' ? 'no on-line encryption' : 'on-line encrypted';
  const hover =
    `Security warning **${sig} ${g0}**: ${what}, ${how}` +
    (releaseCode ? ' (release-code form of the group; not documented in public sources)' : '') +
    (sp ? `; /${escapeMarkdown(sp)} = SPECAT (special category) handling` : '') +
    (consistent ? '.' : level === null ? '.' : `; ${sig} does not normally go with ${g0}.`);
  return { signal: sig, group: g0, level, lattice, efto, specat: sp !== '', releaseCode, consistent, hover };
}

/** An FL4/FL5 operating signal. */
export interface OpSignal {
  signal: string;
  /** Null when no public source gives a meaning (ZZH). */
  meaning: string | null;
  hover: string;
}

/**
 * Operating signals seen after the FL4 group or on the DTG line. ZZH is on essentially every State header
 * but is not in public ACP-131 extracts: treated as opaque. The others are from cable2graph's comments
 * (unofficial) [C2G].
 */
export const OP_SIGNALS: readonly OpSignal[] = Object.freeze([
  { signal: 'ZZH', meaning: null, hover: '**ZZH**: operating signal on State headers; its meaning is not in public ACP-131 extracts.' },
  { signal: 'ZFD', meaning: 'suspected duplicate', hover: '**ZFD**: operating signal, suspected duplicate (unofficial reading).' },
  { signal: 'ZFR', meaning: 'cancel', hover: '**ZFR**: operating signal, cancel (unofficial reading).' },
  { signal: 'ZOC', meaning: 'relay', hover: '**ZOC**: operating signal, relay (unofficial reading).' },
  { signal: 'ZUI', meaning: 'attention invited', hover: '**ZUI**: operating signal, attention invited (unofficial reading).' },
  { signal: 'ZEL', meaning: 'correction', hover: '**ZEL**: operating signal, correction (unofficial reading).' },
  { signal: 'ZEX', meaning: 'book message', hover: '**ZEX**: operating signal, book message (unofficial reading).' },
] as OpSignal[]);

const opByName = new Map(OP_SIGNALS.map((o) => [o.signal, o]));

/**
 * Operating signal for a token such as `ZZH`, `ZFR` or `ZFF6` (trailing digits ignored). Unknown but
 * well-formed signals (`Z` + 2-3 letters) get `meaning: null` and a neutral hover; other text -> null.
 */
export function lookupOpSignal(token: string): OpSignal | null {
  if (typeof token !== 'string') return null;
  const m = /^(Z[A-Z]{2,3})\d*$/.exec(token.trim().toUpperCase());
  if (!m) return null;
  if (m[1] === 'ZNR' || m[1] === 'ZNY') {
    return { signal: m[1], meaning: 'security warning', hover: SECURITY_SIGNAL_HOVERS[m[1] as 'ZNR'] };
  }
  return opByName.get(m[1]) ?? { signal: m[1], meaning: null, hover: `**${m[1]}**: operating signal; meaning not in the sources we use.` };
}

/** Caveat hover for a dissemination control used outside a portion mark (`NOFORN` on the MRN line). */
export function controlHover(control: string): string | null {
  return lookupCaveat(control)?.hover ?? null;
}
