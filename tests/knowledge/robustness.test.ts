// Every knowledge function takes cable text; none may throw or hang on any input.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as captions from '../../server/src/knowledge/captions';
import * as classification from '../../server/src/knowledge/classification';
import * as dtg from '../../server/src/knowledge/dtg';
import * as eo from '../../server/src/knowledge/executiveOrders';
import * as hovers from '../../server/src/knowledge/hoverTexts';
import * as precedence from '../../server/src/knowledge/precedence';
import * as reasons from '../../server/src/knowledge/reasons';
import * as routing from '../../server/src/knowledge/routing';
import * as tags from '../../server/src/knowledge/tags';

// Strings built from the characters cables and attacks are made of.
const cableish = fc.string({
  unit: fc.constantFrom(...'ABCDEFSUNTXZO abcdsu0123456789/-.,;:()[]<>!&`*_#\\\n\t\u00a0\u202e¶'.split('')),
  maxLength: 60,
});
const anyString = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), cableish);
// Includes values whose conversion to a string throws (`{toString: {}}`, null-prototype objects).
const hostileObject = fc.constantFrom<unknown>({ toString: {} }, Object.create(null), { valueOf: () => { throw new Error('x'); } }, [], [{}], new Date(NaN));
const anyValue = fc.oneof(anyString, fc.constant(undefined), fc.constant(null), fc.integer(), fc.double(), fc.anything(), hostileObject);

const unary: [string, (x: never) => unknown][] = [
  ['lookupCaveat', captions.lookupCaveat],
  ['suggestCaveat', captions.suggestCaveat],
  ['rank', classification.rank],
  ['latticeLevel', classification.latticeLevel],
  ['lookupBanner', classification.lookupBanner],
  ['parseMetadataClassification', classification.parseMetadataClassification],
  ['parsePortionMark', classification.parsePortionMark],
  ['lookupOpSignal', classification.lookupOpSignal],
  ['controlHover', classification.controlHover],
  ['monthNumber', dtg.monthNumber],
  ['decodeDtgText', dtg.decodeDtgText],
  ['dayOfYear', dtg.dayOfYear],
  ['decodeFilingTime', dtg.decodeFilingTime],
  ['filingTimeHover', dtg.filingTimeHover],
  ['lookupExecutiveOrder', eo.lookupExecutiveOrder],
  ['dtgHover', dtg.dtgHover],
  ['portionMarkHover', classification.portionMarkHover],
  ['reasonHover', reasons.reasonHover],
  ['declHover', eo.declHover],
  ['highestAddresseePrecedence', precedence.highestAddresseePrecedence],
  ['classificationOf', classification.classificationOf],
  ['latticeOf', classification.latticeOf],
  ['monthName', dtg.monthName],
  ['tagCount', tags.tagCount],
  ['orderInForce', eo.orderInForce],
  ['executiveOrderHover', eo.executiveOrderHover],
  ['parseDeclValue', eo.parseDeclValue],
  ['escapeMarkdown', hovers.escapeMarkdown],
  ['quoteCableText', hovers.quoteCableText],
  ['elementHover', hovers.elementHover],
  ['precedenceByLetter', precedence.precedenceByLetter],
  ['precedenceByProsign', precedence.precedenceByProsign],
  ['addresseePrecedence', precedence.addresseePrecedence],
  ['parseReasonLetters', reasons.parseReasonLetters],
  ['findCategoryWords', reasons.findCategoryWords],
  ['lookupRoutingIndicator', routing.lookupRoutingIndicator],
  ['explainRoutingIndicator', routing.explainRoutingIndicator],
  ['routingHover', routing.routingHover],
  ['lookupTag', tags.lookupTag],
  ['lookupTagReadings', tags.lookupTagReadings],
  ['tagHover', tags.tagHover],
];

const modules = { captions, classification, dtg, eo, hovers, precedence, reasons, routing, tags };
const allExports = Object.entries(modules).flatMap(([m, mod]) =>
  Object.entries(mod)
    .filter(([, v]) => typeof v === 'function')
    .map(([name, fn]) => [`${m}.${name}`, fn as (...args: unknown[]) => unknown] as const),
);

describe('no exported knowledge function throws, whatever its arguments', () => {
  it('enumerates the exports', () => {
    expect(allExports.length).toBeGreaterThan(50);
  });
  it.each(allExports)('%s', (_name, fn) => {
    fc.assert(fc.property(fc.array(anyValue, { maxLength: 4 }), (args) => {
      fn(...args);
    }), { numRuns: 200 });
  });
});

describe('no knowledge function throws', () => {
  it.each(unary)('%s', (_name, fn) => {
    fc.assert(fc.property(anyValue, (x) => {
      fn(x as never);
    }), { numRuns: 300 });
  });

  it('multi-argument functions', () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, anyValue, (a, b, c, d) => {
        dtg.decodeDtg(a as never, b as never, c as never, d as never);
        dtg.filingMinutesFromDtg(a as never, b as never);
        dtg.fromDayOfYear(a as never, b as never);
        eo.parseDeclValue(a as never, b as never);
        eo.declHover(eo.parseDeclValue(a as never, c as never), b as never);
        classification.decodeSecurityGroup(a as never, b as never, c as never);
        captions.boundedEditDistance(a as never, b as never);
        hovers.mrnHover(a as never, b as never, c as never);
        hovers.sectionCountHover(a as never, b as never);
        hovers.continuationHover(a as never, b as never, c as never, d as never);
        hovers.addresseeSerialHover(a as never, b as never);
        routing.routingHover(a as never, b as never);
        classification.portionMarkHover(a as never);
        classification.latticeOf(a as never, b as never);
        reasons.reasonHover(a as never);
        dtg.dtgHover(a as never);
        eo.declHover(a as never, b as never);
        eo.citationStatus(a as never, b as never);
        eo.expandDeclYear(a as never, b as never);
        const pm = classification.parsePortionMark(a as never);
        if (pm) classification.portionMarkHover(pm);
        const r = reasons.parseReasonLetters(a as never);
        if (r) reasons.reasonHover(r);
      }),
      { numRuns: 500 },
    );
  });
});

type Md = { render(src: string): string };
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (opts: object) => Md;
const md = new MarkdownIt({ html: true, linkify: true });
const LIVE = /<(?:a|img|code|script)\b/;

describe('outputs that reach a hover carry no live Markdown from the input', () => {
  it('portion mark, DECL and routing hovers', () => {
    const payload = fc.constantFrom('[x](command:workbench.action.terminal.new)', '<img src=x>', '![a](b)', '`x`');
    fc.assert(
      fc.property(payload, fc.constantFrom('S//REL TO ', 'C/REL '), (p, prefix) => {
        const pm = classification.parsePortionMark(prefix + p);
        expect(pm).not.toBeNull();
        expect(md.render(classification.portionMarkHover(pm!))).not.toMatch(LIVE);
        expect(md.render(routing.routingHover('RUEHTA', p))).not.toMatch(LIVE);
        expect(md.render(eo.declHover(eo.parseDeclValue(`1/${p}`)))).not.toMatch(LIVE);
        expect(md.render(dtg.dtgHover(dtg.decodeDtg('1', '0000', p, '09')))).not.toMatch(LIVE);
      }),
    );
  });
});

describe('large inputs stay cheap (linear scans)', () => {
  it('handles 200k-character inputs', () => {
    const big = '1.4 (b) and '.repeat(20000);
    expect(reasons.parseReasonLetters(big)?.section).toBe('1.4');
    expect(reasons.findCategoryWords('foreign '.repeat(25000))).toEqual([]);
    expect(classification.parsePortionMark('S//'.repeat(70000))).toBeNull();
    expect(eo.parseDeclValue('after '.repeat(40000)).kind).toBe('event');
    expect(captions.suggestCaveat('S'.repeat(200000))).toBeNull();
    expect(hovers.escapeMarkdown('<'.repeat(200000)).length).toBe(400000);
  });
});
