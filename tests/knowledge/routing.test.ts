import { describe, expect, it } from 'vitest';
import { explainRoutingIndicator, lookupRoutingIndicator, routingHover } from '../../server/src/knowledge/routing';

describe('lookupRoutingIndicator', () => {
  it('finds the seed originator RUEHTA with provenance and history', () => {
    const ri = lookupRoutingIndicator('RUEHTA')!;
    expect(ri.station).toBe('AMEMBASSY ASTANA');
    expect(ri.countSeen).toBeGreaterThan(0);
    expect(ri.source).toContain('ACP117-2010');
    expect(ri.alternatives).toContainEqual({ station: 'AMEMBASSY ALMATY', count: 5, source: 'cables' });
    expect(ri.range).toBeNull();
  });

  it('finds Washington agencies named in the spec', () => {
    expect(lookupRoutingIndicator('RUEHC')?.station).toBe('SECSTATE WASHDC');
    expect(lookupRoutingIndicator('ruekjcs')?.station).toBe('SECDEF WASHDC');
    expect(lookupRoutingIndicator('RHEHNSC')?.station).toBe('NSC WASHDC');
    expect(lookupRoutingIndicator('RUEAIIA')?.station).toBe('CIA WASHDC');
  });

  it('keeps table-only alternatives with their source', () => {
    const c = lookupRoutingIndicator('RUEHC')!;
    expect(c.alternatives).toContainEqual({ station: 'DEPT OF STATE WASHINGTON DC', count: null, source: 'ACP117-2010' });
  });

  it('matches ACP 117 blocks listed as ranges', () => {
    const r = lookupRoutingIndicator('RHFJAAM')!;
    expect(r.station).toBe('NAVCOMTELSTA JACKSONVILLE FL');
    expect(r.range).toEqual({ from: 'RHFJAAA', to: 'RHFJAAZ' });
    expect(lookupRoutingIndicator('RHFJAA')).toBeNull(); // shorter than the block's codes
  });

  it('returns null for unlisted or non-RI text', () => {
    expect(lookupRoutingIndicator('RUEHZZZ')).toBeNull();
    expect(lookupRoutingIndicator('RUE')).toBeNull();
    expect(lookupRoutingIndicator('RUEH1')).toBeNull();
    expect(lookupRoutingIndicator(null as unknown as string)).toBeNull();
  });
});

describe('explainRoutingIndicator', () => {
  it('explains the letters of RUEHTA', () => {
    const e = explainRoutingIndicator('RUEHTA');
    expect(e.valid).toBe(true);
    expect(e.parts).toEqual([
      { letters: 'R', role: 'network', meaning: 'worldwide (strategic) routing indicator' },
      { letters: 'U', role: 'nation', meaning: 'United States' },
      { letters: 'E', role: 'area', meaning: null },
      { letters: 'HTA', role: 'station', meaning: null },
    ]);
    expect(e.family?.prefix).toBe('RUEH');
    expect(e.summary).toMatch(/R worldwide, U United States, E area letter, HTA station/);
  });

  it('leaves undocumented nation letters undecoded', () => {
    const e = explainRoutingIndicator('RBDUAG');
    expect(e.parts[1]).toEqual({ letters: 'B', role: 'nation', meaning: null });
    expect(explainRoutingIndicator('QUAB').parts[0].meaning).toBe('theater routing indicator');
  });

  it('rejects non-RI text', () => {
    expect(explainRoutingIndicator('XUEHTA').valid).toBe(false);
    expect(explainRoutingIndicator('RU').valid).toBe(false);
    expect(explainRoutingIndicator(undefined as unknown as string).valid).toBe(false);
  });
});

describe('routingHover', () => {
  it('prefers the cable\'s own name, then the table', () => {
    expect(routingHover('RUEHTA')).toMatch(/AMEMBASSY ASTANA/);
    expect(routingHover('RUEHTA')).toMatch(/AMEMBASSY ALMATY \(5\)/);
    const own = routingHover('RUEHTA', 'AMEMBASSY ALMATY');
    expect(own).toMatch(/AMEMBASSY ALMATY \(as this cable/);
    expect(own).toMatch(/Routing table: AMEMBASSY ASTANA/);
    expect(routingHover('RUEHZZZ')).toMatch(/not in our routing table/);
  });
  it('escapes the cable-provided name', () => {
    expect(routingHover('RUEHTA', '[x](command:workbench.action.terminal.new)')).not.toContain('](');
  });
});
