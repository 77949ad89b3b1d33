/**
 * cable-lint (the built dist/cable-lint.js, spawned) on adversarial files and hostile directories: it answers
 * within a deadline proportional to the size (30 s + 20 s per MB: generous, so a loaded machine cannot make it
 * flake), refuses non-text with a clear message and exit 2, keeps processing the other files, and never prints a
 * stack trace.
 */
import { accessSync, chmodSync, constants, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, ROOT } from '../protocol/lspClient';
import { ALL_INPUTS, bytesOf, MB, type AdversarialInput } from './generators/adversarial';
import { runNode, STACK_TRACE } from './support/processes';
import { FUZZ } from './support/scale';

const CLI = join(ROOT, 'dist/cable-lint.js');
const SEED = join(ROOT, 'seeds/000_0ac2a656c61260b0.txt');

/**
 * npm run fuzz writes every input at the size the issue names; npm test keeps the run short: the cheap shapes at
 * full size (10 MB on one line), the costly ones (many cables, many paragraphs, many lines) at 1/4 MB to 1 MB.
 */
const QUICK_MB: Record<string, number> = { 'concatenated-cables': 0.25, 'paragraph-numbers': 0.5, sections: 1, whitespace: 1, 'wide-lines': 1, 'long-lines': 1 };
function sizeOf(input: AdversarialInput): number {
  if (FUZZ) return input.fullSize;
  return Math.min(input.fullSize, (QUICK_MB[input.name] ?? 10) * MB);
}

const deadline = (bytes: number) => 30_000 + 20_000 * (bytes / MB);

let dir: string;
const written: { input: AdversarialInput; file: string; bytes: number }[] = [];

beforeAll(() => {
  buildServer();
  dir = mkdtempSync(join(tmpdir(), 'cable-robust-cli-'));
  for (const input of ALL_INPUTS) {
    const bytes = bytesOf(input, sizeOf(input));
    const file = join(dir, `${input.name}.txt`);
    writeFileSync(file, bytes);
    written.push({ input, file, bytes: bytes.length });
  }
  copyFileSync(SEED, join(dir, 'seed.txt'));
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cable-lint on adversarial files', () => {
  it.each(ALL_INPUTS.map((i) => [i.name, i] as const))('%s', { timeout: 600_000 }, async (name) => {
    const w = written.find((x) => x.input.name === name)!;
    const r = await runNode(CLI, ['--no-config', '--format', 'json', `${name}.txt`], deadline(w.bytes), dir);
    console.log(`[cli] ${name.padEnd(20)} ${(w.bytes / MB).toFixed(2).padStart(6)} MB  ${String(r.ms).padStart(6)} ms  peak ${r.peakMB.toFixed(0)} MB  exit ${r.code}`);
    expect(r.timedOut, `${name}: no answer within ${deadline(w.bytes) / 1000} s`).toBe(false);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toMatch(/internal error/);
    const json = JSON.parse(r.stdout) as { files: { path: string; cables: unknown[] }[] };
    if (w.input.kind === 'binary' && w.input.expect === 'refused') {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`cable-lint: ${name}.txt: not a text file (binary content)\n`);
      expect(json.files).toEqual([]);
    } else if (w.input.kind === 'binary') {
      // Read, and said so (UTF-16, Windows-1252): exit 2 tells a script the file was not plain UTF-8.
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^cable-lint: ${name}\\.txt: (?:read as UTF-16LE|not valid UTF-8; read as Windows-1252)\\n$`));
      expect(json.files.map((f) => f.path)).toEqual([`${name}.txt`]);
      expect(json.files[0].cables.length).toBeGreaterThan(0);
    } else {
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).toBe('');
      expect(json.files.map((f) => f.path)).toEqual([`${name}.txt`]);
    }
  });

  it('all of them in one run: every file accounted for, the real cable linted, exit 2', { timeout: 600_000 }, async () => {
    const total = written.reduce((n, w) => n + w.bytes, 0);
    const r = await runNode(CLI, ['--no-config', '--format', 'json', '.'], deadline(total), dir);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    const json = JSON.parse(r.stdout) as { files: { path: string; cables: { identifier: string }[] }[] };
    const linted = json.files.map((f) => f.path);
    for (const w of written) {
      const refused = w.input.kind === 'binary' && w.input.expect === 'refused';
      if (refused) expect(r.stderr).toContain(`cable-lint: ${w.input.name}.txt: not a text file (binary content)\n`);
      expect(linted.includes(`${w.input.name}.txt`), w.input.name).toBe(!refused);
    }
    expect(json.files.find((f) => f.path === 'seed.txt')?.cables.map((c) => c.identifier)).toEqual(['09ASTANA308']);
  });
});

/**
 * A file nobody may read. As root (as in CI containers) permissions do not stop reads, so the test says so and
 * uses a file whose read fails anyway: a link to /proc/self/mem (reading it at offset 0 fails with EIO).
 */
function unreadableFile(at: string): { how: string; reason: RegExp } {
  writeFileSync(at, 'UNCLAS\n');
  chmodSync(at, 0o000);
  let readable = true;
  try {
    accessSync(at, constants.R_OK);
  } catch {
    readable = false;
  }
  if (!readable) return { how: 'chmod 000', reason: /permission denied/ };
  rmSync(at);
  symlinkSync('/proc/self/mem', at);
  return { how: 'running as root (chmod 000 does not stop root): a link to /proc/self/mem', reason: /cannot read \(EIO\)/ };
}

describe('cable-lint on a hostile directory', () => {
  it('reports every unreadable entry precisely, lints the rest, exits 2', { timeout: 120_000 }, async () => {
    const d = mkdtempSync(join(tmpdir(), 'cable-robust-dir-'));
    try {
      copyFileSync(SEED, join(d, 'good.txt'));
      mkdirSync(join(d, 'sub'));
      copyFileSync(SEED, join(d, 'sub', 'good2.cable'));
      const unreadable = unreadableFile(join(d, 'locked.txt'));
      console.log(`[cli] unreadable file: ${unreadable.how}`);
      execFileSync('mkfifo', [join(d, 'pipe.txt')]);
      symlinkSync('loop.txt', join(d, 'loop.txt'));
      symlinkSync('a.txt', join(d, 'b.txt'));
      symlinkSync('b.txt', join(d, 'a.txt'));
      symlinkSync('missing.txt', join(d, 'dangling.txt'));
      symlinkSync('..', join(d, 'sub', 'up'));
      symlinkSync('/dev/zero', join(d, 'zero.txt'));
      writeFileSync(join(d, 'latin.txt'), Buffer.from('UNCLAS SECTION 01 OF 02 ASTANA 000308\n\nSUBJECT: CAF\xc9 \x93QUOTED\x94\n', 'latin1'));
      writeFileSync(join(d, 'image.txt'), bytesOf(ALL_INPUTS.find((i) => i.name === 'png')!, 4096));
      expect(statSync(join(d, 'pipe.txt')).isFIFO()).toBe(true);

      const r = await runNode(CLI, ['--no-config', '--format', 'text', '.'], 60_000, d);
      expect(r.timedOut, 'a pipe or device must not block the run').toBe(false);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      const lines = r.stderr.trim().split('\n');
      const exact = (t: string) => new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      const expected = [
        exact('cable-lint: a.txt: symbolic link loop'),
        exact('cable-lint: b.txt: symbolic link loop'),
        exact('cable-lint: dangling.txt: broken symbolic link (its target does not exist)'),
        exact('cable-lint: image.txt: not a text file (binary content)'),
        exact('cable-lint: latin.txt: not valid UTF-8; read as Windows-1252'),
        new RegExp(`^cable-lint: locked\\.txt: ${unreadable.reason.source}$`),
        exact('cable-lint: loop.txt: symbolic link loop'),
        exact('cable-lint: pipe.txt: not a regular file (a named pipe)'),
        /^cable-lint: sub\/up: symbolic link loop \(leads back to .*, already being searched\)$/,
        exact('cable-lint: zero.txt: not a regular file (a device)'),
      ];
      // Each expected message exactly once, and nothing else.
      for (const re of expected) expect(lines.filter((l) => re.test(l)), `${re} in:\n${r.stderr}`).toHaveLength(1);
      expect(lines).toHaveLength(expected.length);
      // The readable files were linted: the summary counts them and their cables.
      expect(r.stdout).toMatch(/in 5 files, 3 cables\n$/); // good, good2, latin linted; image and locked found but refused
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('a pipe or device named on the command line is refused at once', { timeout: 60_000 }, async () => {
    const d = mkdtempSync(join(tmpdir(), 'cable-robust-arg-'));
    try {
      execFileSync('mkfifo', [join(d, 'pipe.txt')]);
      const r = await runNode(CLI, ['--no-config', 'pipe.txt', '/dev/zero', SEED], 30_000, d);
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('cable-lint: pipe.txt: not a regular file (a named pipe)\ncable-lint: /dev/zero: not a regular file (a device)\n');
      expect(r.stdout).toMatch(/in 3 files, 1 cable\n$/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
