#!/usr/bin/env node
// Dev-time generator for the knowledge layer's data tables.
//
// Reads the team's reference tables (../shared/reference/tags.tsv, routing.tsv) and writes compact JSON
// into server/src/knowledge/data/ plus a PROVENANCE.md beside them. The product and the tests only ever
// read the generated JSON: ../shared is not shipped and may be absent on users' and CI machines.
//
// Usage: node scripts/build-knowledge-data.mjs [--check] [--reference <dir>]
//   --check      exit 1 (and write nothing) if the checked-in files differ from what would be generated
//   --reference  folder holding tags.tsv and routing.tsv (default: ../shared/reference next to the repo)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'server/src/knowledge/data');

const args = process.argv.slice(2);
const check = args.includes('--check');
const refIdx = args.indexOf('--reference');
const refDir = refIdx >= 0 ? resolve(args[refIdx + 1] ?? '') : resolve(repoRoot, '../shared/reference');

const TAG_KINDS = new Set(['subject', 'program', 'geographic', 'organization', 'unknown']);

function fail(message) {
  console.error(`build-knowledge-data: ${message}`);
  process.exit(2);
}

/** Reads a TSV with a header row; checks the header so a changed upstream layout fails loudly. */
function readTsv(name, expectedHeader) {
  const path = join(refDir, name);
  if (!existsSync(path)) fail(`missing ${path} (pass --reference <dir>)`);
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  if (header.join('\t') !== expectedHeader.join('\t')) {
    fail(`${name}: header is "${header.join(' | ')}", expected "${expectedHeader.join(' | ')}"`);
  }
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== expectedHeader.length) fail(`${name}:${i + 2}: ${cells.length} columns`);
    return cells.map((c) => c.trim());
  });
  return { rows, sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
}

// ---- tags ---------------------------------------------------------------------------------------
// Row: [tag, kind, meaning|null, source|null, notes|null]. "AU (org)" style rows disambiguate a code
// that is both a country and an organisation: the label is stripped to "AU" and the kind says which.
function buildTags() {
  const { rows, sha256, bytes } = readTsv('tags.tsv', ['tag', 'kind', 'meaning', 'source', 'notes']);
  const seen = new Set();
  const out = [];
  for (const [rawTag, kind, meaning, source, notes] of rows) {
    if (!TAG_KINDS.has(kind)) fail(`tags.tsv: unknown kind "${kind}" for ${rawTag}`);
    const tag = rawTag.replace(/\s*\((?:org)\)$/i, '').toUpperCase();
    const key = `${tag}\t${kind}`;
    if (seen.has(key)) fail(`tags.tsv: duplicate ${tag} (${kind})`);
    seen.add(key);
    out.push([tag, kind, meaning || null, source || null, notes || null]);
  }
  return { data: { columns: ['tag', 'kind', 'meaning', 'source', 'notes'], rows: out }, sha256, bytes, count: out.length };
}

// ---- routing indicators -------------------------------------------------------------------------
// Row: [indicator, station, countSeen, sources[], alternatives[]]; alternative = [station, count|null, source].
// "RHFJAAA THRU RHFJAAZ" rows are ACP 117 blocks: kept as ranges, matched by same length + bounds.
function parseAlternatives(text, indicator) {
  if (!text) return [];
  return text.split(/;\s*/).filter(Boolean).map((part) => {
    const counted = /^(.+?) \((\d+)\)$/.exec(part);
    if (counted) return [counted[1], Number(counted[2]), 'cables'];
    const sourced = /^([A-Za-z0-9-]+): (.+)$/.exec(part);
    if (sourced) return [sourced[2], null, sourced[1]];
    fail(`routing.tsv: cannot read alternative "${part}" of ${indicator}`);
    return null;
  });
}

function buildRouting() {
  const { rows, sha256, bytes } = readTsv('routing.tsv', ['indicator', 'station', 'count_seen', 'source', 'alternatives']);
  const single = [];
  const ranges = [];
  const seen = new Set();
  for (const [indicator, station, count, source, alternatives] of rows) {
    if (!/^\d+$/.test(count)) fail(`routing.tsv: bad count "${count}" for ${indicator}`);
    const entry = [station, Number(count), source.split(',').filter(Boolean), parseAlternatives(alternatives, indicator)];
    const range = /^([A-Z]{4,7}) THRU ([A-Z]{4,7})$/.exec(indicator);
    if (range) {
      if (range[1].length !== range[2].length || range[1] > range[2]) fail(`routing.tsv: bad range ${indicator}`);
      ranges.push([range[1], range[2], ...entry]);
      continue;
    }
    if (!/^[A-Z]{4,7}$/.test(indicator)) fail(`routing.tsv: unexpected indicator "${indicator}"`);
    if (seen.has(indicator)) fail(`routing.tsv: duplicate ${indicator}`);
    seen.add(indicator);
    single.push([indicator, ...entry]);
  }
  return {
    data: {
      columns: ['indicator', 'station', 'countSeen', 'sources', 'alternatives'],
      alternativeColumns: ['station', 'count', 'source'],
      rows: single,
      ranges,
    },
    sha256,
    bytes,
    count: single.length,
    rangeCount: ranges.length,
  };
}

function countBy(rows, pick) {
  const counts = new Map();
  for (const r of rows) for (const k of [].concat(pick(r))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

function provenance(tags, routing, files) {
  const tagKinds = countBy(tags.data.rows, (r) => r[1]);
  const tagMeaning = countBy(tags.data.rows.filter((r) => r[2] !== null), (r) => r[1]);
  const tagSources = countBy(tags.data.rows, (r) => r[3] ?? '(none)');
  const riSources = countBy(routing.data.rows, (r) => r[3]);
  const seenInCables = routing.data.rows.filter((r) => r[2] > 0).length;
  const lines = [
    '# Provenance of the knowledge data tables',
    '',
    'Generated by `scripts/build-knowledge-data.mjs` (`npm run build:data`) from the team reference folder',
    '`../shared/reference/` at development time. Do not edit the JSON by hand: change the generator or the',
    'reference tables and regenerate. The product and the tests read only these JSON files.',
    '',
    '| output | bytes | input | input sha256 |',
    '| --- | --- | --- | --- |',
    `| \`tags.json\` | ${files.tags} | \`tags.tsv\` (${tags.bytes} bytes) | \`${tags.sha256}\` |`,
    `| \`routing.json\` | ${files.routing} | \`routing.tsv\` (${routing.bytes} bytes) | \`${routing.sha256}\` |`,
    '',
    '## tags.json',
    '',
    `${tags.count} TAGS rows: \`[tag, kind, meaning, source, notes]\`. \`meaning\` is null where no source defines`,
    'the tag (hovers say "no published definition"; nothing is invented). Rows labelled `XX (org)` in the TSV are',
    'stored under the bare code with kind `organization` (the code is also a geographic tag).',
    '',
    `- kinds: ${tagKinds.map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `- with a meaning: ${tagMeaning.map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `- meaning source keys: ${tagSources.map(([k, n]) => `\`${k}\` ${n}`).join(', ')}`,
    '',
    'Source keys, in order of authority when several define a tag (the others are quoted in `notes`):',
    '`5FAH3-H011.1(2022)` (5 FAH-3 H-011.1 TAGS list, https://fam.state.gov/FAM/05FAH03/05FAH030010.html) >',
    '`PlusD` (WikiLeaks PlusD tag descriptions) > `TAGS-handbook-1974` (TL:TAGS-1, 6-28-74, NARA RG 59, as',
    'transcribed in leuc/ACP-127 `src/tags_mapping.py`) > `NARA-RG59-FAQ` (RG 59 CFPF FAQ appendices) >',
    '`diplomatic-pack-glosses` (informal, lowest authority) > `pdnetworks-blog`',
    '(https://pdnetworks.wordpress.com/2010/12/16/cablegate-tags/). Geographic codes: `FIPS10-4(GeoNames)` (FIPS 10-4',
    'as used in cables 1966-2010, names from GeoNames countryInfo.txt); the 2024 GENC recoding is deliberately not used.',
    '`notes` "seen in N cables here" counts cables in the team corpus, not in this repository.',
    '',
    '## routing.json',
    '',
    `${routing.count} routing indicators plus ${routing.rangeCount} ACP 117 blocks ("X THRU Y", stored in \`ranges\`).`,
    'Row: `[indicator, station, countSeen, sources, alternatives]`; alternative: `[station, count, source]`.',
    '',
    `- ${seenInCables} indicators were seen in real cables (station as paired in \`RI/NAME\` TO/INFO lines, or \`DE RI\` + \`FM\`);`,
    '  `countSeen` is how often, `alternatives` lists the other names seen with counts (codes move between posts:',
    '  RUEHTA was Almaty, then Astana).',
    '- the rest come from the Allied Routing Indicator Book ACP 117 (2010 edition), as tabulated in heuer/cablemap',
    '  `data/route2name.csv` (source key `ACP117-2010`).',
    `- rows per source key (a row may have several): ${riSources.map(([k, n]) => `\`${k}\` ${n}`).join(', ')}`,
    '',
    'A cable\'s own `RI/NAME` addressee lines name its indicators best; these tables are the fallback.',
    '',
  ];
  return lines.join('\n');
}

const tags = buildTags();
const routing = buildRouting();
const tagsJson = JSON.stringify(tags.data) + '\n';
const routingJson = JSON.stringify(routing.data) + '\n';
const outputs = {
  'tags.json': tagsJson,
  'routing.json': routingJson,
  'PROVENANCE.md': provenance(tags, routing, {
    tags: Buffer.byteLength(tagsJson),
    routing: Buffer.byteLength(routingJson),
  }),
};

if (check) {
  const stale = Object.entries(outputs).filter(([name, text]) => {
    const path = join(outDir, name);
    return !existsSync(path) || readFileSync(path, 'utf8') !== text;
  });
  if (stale.length > 0) {
    console.error(`build-knowledge-data: stale: ${stale.map(([n]) => n).join(', ')} (run npm run build:data)`);
    process.exit(1);
  }
  console.log('build-knowledge-data: up to date');
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(outputs)) writeFileSync(join(outDir, name), text);
  console.log(
    `build-knowledge-data: tags.json ${tags.count} rows (${Buffer.byteLength(tagsJson)} B), ` +
      `routing.json ${routing.count} rows + ${routing.rangeCount} ranges (${Buffer.byteLength(routingJson)} B)`,
  );
}
