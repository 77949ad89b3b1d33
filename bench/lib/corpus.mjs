/** The benchmark inputs: the real cables of tests/fixtures/cables, the seed, and a 10 MB multi-cable document. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/cables');
export const SEEDS = join(ROOT, 'seeds');

/** Every real cable file (name order), as text; bytes = their size on disk. */
export function loadCorpus() {
  const names = readdirSync(FIXTURES)
    .filter((n) => /\.(?:txt|cable)$/i.test(n))
    .sort();
  const files = names.map((name) => {
    const buf = readFileSync(join(FIXTURES, name));
    return { name, path: join(FIXTURES, name), text: buf.toString('utf8'), bytes: buf.length };
  });
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0) };
}

export function loadSeed() {
  const name = readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .sort()[0];
  return { name, path: join(SEEDS, name), text: readFileSync(join(SEEDS, name), 'utf8') };
}

/** The corpus as one multi-cable document (cables separated by a blank line), repeated `times` times. */
export function multiCableDocument(corpus, times = 1) {
  const one = corpus.files.map((f) => f.text.replace(/\s+$/, '')).join('\n\n');
  return Array.from({ length: times }, () => one).join('\n\n');
}

/** Real cables concatenated (cycling through the corpus) until the text reaches `bytes` UTF-8 bytes. */
export function documentOfSize(corpus, bytes) {
  const parts = [];
  let size = 0;
  for (let k = 0; size < bytes; k = (k + 1) % corpus.files.length) {
    const t = corpus.files[k].text.replace(/\s+$/, '');
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  return parts.join('\n\n');
}
