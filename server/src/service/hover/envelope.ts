/** Hovers for the ACP-127 envelope: VZCZC line, prosign and routing indicators, DE line, FL4, DTG, addressees. */
import { decodeSecurityGroup, lookupOpSignal, SECURITY_SIGNAL_HOVERS } from '../../knowledge/classification';
import { decodeDtgText, decodeFilingTime, dtgHover, filingMinutesFromDtg, filingTimeHover } from '../../knowledge/dtg';
import { addresseeSerialHover, deLineHover, ELEMENT_HOVERS, transmissionHover } from '../../knowledge/hoverTexts';
import { addresseePrecedence, precedenceByLetter, precedenceByProsign, PROSIGN_HOVER } from '../../knowledge/precedence';
import { routingHover } from '../../knowledge/routing';
import type { Addressee, Cable } from '../../parser/model';
import { esc, paragraphs, type HoverTable } from './context';

const ROLE_WORD = { from: 'FM', to: 'TO', info: 'INFO', xmt: 'XMT' } as const;
const ROLE_TEXT = {
  from: 'Originator',
  to: 'Action addressee',
  info: 'Information addressee',
  xmt: 'Excluded from the collective',
} as const;

function addressees(c: Cable): Addressee[] {
  const e = c.envelope;
  return e ? [...e.from, ...e.to, ...e.info, ...e.xmt] : [];
}

/** The name this cable's own `RI/NAME` lines give an indicator. */
function stationInCable(c: Cable, ri: string): string | null {
  const key = ri.toUpperCase();
  return addressees(c).find((a) => a.route && a.route.text.toUpperCase() === key)?.name.text ?? null;
}

/** The DE filing day placed in the DTG's year, or the neighbouring one across New Year. */
function filingYear(c: Cable, jjjhhmm: string): number | undefined {
  const dtg = c.envelope?.dtg;
  const f = decodeFilingTime(jjjhhmm);
  if (!dtg || !f) return c.date ? Number(c.date.slice(0, 4)) : undefined;
  if (dtg.month === 1 && f.dayOfYear > 300) return dtg.year - 1;
  if (dtg.month === 12 && f.dayOfYear < 60) return dtg.year + 1;
  return dtg.year;
}

export const envelopeHovers: HoverTable = {
  transmission: (el) => transmissionHover(el.channel, el.sequence),

  prosign: (el) => {
    const p = precedenceByProsign(el.text);
    if (!p) return `Precedence prosign **${esc(el.text)}**: not ZZ, OO, PP or RR.`;
    return `Precedence prosign **${p.prosign}** = ${p.name}: ${PROSIGN_HOVER.replace(/^Precedence prosign:\s*/, '')}`;
  },

  ri: (el) => {
    const own = el.addressee ? el.addressee.name.text : stationInCable(el.cable, el.text);
    let role: string;
    if (el.role === 'de') {
      const fm = el.cable.envelope?.from[0]?.name.text;
      role = `Originating station of this cable (\`DE\` line)${fm ? `; its FM line: ${esc(fm)}` : ''}.`;
    } else if (el.role === 'addressee' && el.addressee) {
      role = `${ROLE_TEXT[el.addressee.role]} (\`${ROLE_WORD[el.addressee.role]}\` line).`;
    } else {
      role = 'Receiving station: routing line after the precedence prosign.';
    }
    // The station line first, then what this occurrence is, then the letters and other names.
    const [station, ...rest] = routingHover(el.text, own).split('\n\n');
    return paragraphs(station, role, ...rest);
  },

  'de-keyword': () => ELEMENT_HOVERS['de-line'],

  'de-serial': (el) => {
    const de = el.cable.envelope?.de;
    if (!de) return null;
    const mrn = el.cable.banner?.mrn;
    const check = mrn ? ` MRN serial ${mrn.serialNumber} mod 10000 = ${String(mrn.serialNumber % 10000).padStart(4, '0')}.` : '';
    return deLineHover(de.station.text, de.serial.text, de.section?.text ?? null) + check;
  },

  'de-section': (el) =>
    `Section **${Number(el.text.replace(/\D/g, ''))}** of a message sent in sections` +
    (el.total ? ` (the classification line says ${el.total} in all).` : '.'),

  'de-filing': (el) => {
    const text = filingTimeHover(el.jjjhhmm, filingYear(el.cable, el.jjjhhmm));
    const dtg = el.cable.envelope?.dtg?.iso;
    const minutes = dtg ? filingMinutesFromDtg(el.jjjhhmm, dtg) : null;
    if (minutes === null || minutes === 0) return text;
    const abs = Math.abs(minutes);
    const amount = abs < 120 ? `${abs} minute${abs === 1 ? '' : 's'}` : abs < 2880 ? `${Math.round(abs / 60)} hours` : `${Math.round(abs / 1440)} days`;
    return `${text} Filed ${amount} ${minutes > 0 ? 'after' : 'before'} the date-time group.`;
  },

  'security-signal': (el) => {
    const key = el.text.toUpperCase();
    return key === 'ZNR' || key === 'ZNY' ? SECURITY_SIGNAL_HOVERS[key] : null;
  },

  'security-group': (el) => {
    const group = el.text.split('/')[0];
    return decodeSecurityGroup(el.signal, group, el.specat)?.hover ?? `Security group **${esc(el.text)}**: not a known group.`;
  },

  'op-signal': (el) => lookupOpSignal(el.text)?.hover ?? null,

  precedence: (el) => {
    const p = precedenceByLetter(el.text);
    const which = el.count > 1 ? (el.position === 0 ? 'Action precedence (for the TO addressees).' : 'Information precedence (for the INFO addressees).') : null;
    return paragraphs(p ? p.hover : `**${esc(el.text)}**: not a precedence letter (Z, O, P, R).`, which);
  },

  dtg: (el) => {
    const d = decodeDtgText(el.text);
    if (!d) return null;
    return d.valid && d.iso ? `${dtgHover(d)} ISO 8601: \`${d.iso}\`.` : dtgHover(d);
  },

  'role-keyword': (el) => {
    const k = el.text.toUpperCase();
    return k === 'FM' ? ELEMENT_HOVERS.fm : k === 'TO' ? ELEMENT_HOVERS.to : k === 'INFO' ? ELEMENT_HOVERS.info : k === 'XMT' ? ELEMENT_HOVERS.xmt : null;
  },

  'addressee-name': (el) => {
    const a = el.addressee;
    const parts = [
      `${ROLE_TEXT[a.role]} (\`${ROLE_WORD[a.role]}\`): **${esc(a.name.text)}**`,
      a.route ? `routing indicator ${esc(a.route.text)}` : null,
      a.precedence ? `precedence ${esc(a.precedence.text.toUpperCase())}` : null,
      a.serial ? `message number ${esc(a.serial.text)} from this post` : null,
    ].filter(Boolean);
    return `${parts.join(', ')}.`;
  },

  'addressee-precedence': (el) => addresseePrecedence(el.text)?.hover ?? null,

  'addressee-serial': (el) => addresseeSerialHover(null, el.text),

  trailer: (el) => {
    const t = el.text.toUpperCase();
    return t === 'BT' ? ELEMENT_HOVERS.bt : t === 'NNNN' ? ELEMENT_HOVERS.nnnn : t.startsWith('#') ? ELEMENT_HOVERS.ssn : null;
  },
};
