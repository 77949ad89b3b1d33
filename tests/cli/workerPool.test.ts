import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile, type FileReport } from '../../server/src/cli/lintFile';
import { lintInWorkers, type Job } from '../../server/src/cli/workerPool';
import type { RuleLevels } from '../../server/src/config/model';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cable-lint.js');
const FIXTURES = join(ROOT, 'tests/fixtures/cables');

beforeAll(() => {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(b.status, b.stderr).toBe(0);
});

describe('lintInWorkers', () => {
  const jobs: Job[] = readdirSync(FIXTURES)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .slice(0, 90)
    .map((n) => ({ file: join(FIXTURES, n), shown: n, levels: (n.startsWith('0') ? { 'portion-unmarked': 'off' } : {}) as RuleLevels }));
  jobs.push({ file: join(FIXTURES, 'missing.txt'), shown: 'missing.txt', levels: {} });

  for (const format of ['text', 'json', 'sarif'] as const) {
    it(`hands on the reports of the one-thread path, in file order (${format})`, async () => {
      const options = { format, outline: format === 'text' };
      const got: [number, FileReport][] = [];
      await lintInWorkers(CLI, jobs, 3, options, (k, r) => got.push([k, r]));
      expect(got.map(([k]) => k)).toEqual(jobs.map((_, k) => k));
      got.forEach(([k, r]) => expect(r, jobs[k].shown).toEqual(lintFile(jobs[k].file, jobs[k].shown, jobs[k].levels, options)));
      expect(got.at(-1)![1].readError).toBe('no such file');
    });
  }

  it('finishes at once with no files, and rejects when the worker script is not a worker', async () => {
    await expect(lintInWorkers(CLI, [], 2, { format: 'text', outline: false }, () => undefined)).resolves.toBeUndefined();
    const notAWorker = join(ROOT, 'scripts/build.mjs.missing');
    await expect(lintInWorkers(notAWorker, jobs, 2, { format: 'text', outline: false }, () => undefined)).rejects.toThrow();
  });
});
