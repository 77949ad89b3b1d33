/**
 * Worker threads for cable-lint over many files: each worker reads and analyses files (lintFile.ts) and sends
 * back plain reports; the main thread hands them on strictly in file order, so the output is the one-thread
 * output byte for byte. Files go out in small batches, two per worker in flight, so no worker waits on the main
 * thread.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { RuleLevels } from '../config/model';
import { lintFile, type FileReport, type LintFileOptions } from './lintFile';

export interface Job {
  file: string;
  shown: string;
  levels: RuleLevels;
}

const ROLE = 'cable-lint-worker';
const BATCH = 8;

interface BatchMessage {
  first: number;
  jobs: Job[];
}

interface ResultMessage {
  first: number;
  reports: FileReport[];
}

/** In a worker started by `lintInWorkers`: serve batches and return true (the caller must not run the CLI). */
export function serveIfWorker(): boolean {
  if (isMainThread || (workerData as { role?: string } | null)?.role !== ROLE || !parentPort) return false;
  const options = (workerData as { options: LintFileOptions }).options;
  const port = parentPort;
  port.on('message', (m: BatchMessage) => {
    const reports = m.jobs.map((j) => lintFile(j.file, j.shown, j.levels, options));
    port.postMessage({ first: m.first, reports } satisfies ResultMessage);
  });
  return true;
}

/**
 * Lints `jobs` on `threads` workers running `script` (this bundle), calling `onReport` once per job in job order.
 * Rejects if a worker dies; reports already handed on stay handed on.
 */
export function lintInWorkers(script: string, jobs: Job[], threads: number, options: LintFileOptions, onReport: (index: number, report: FileReport) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = new Map<number, FileReport>();
    let next = 0;
    let sent = 0;
    let failed = false;
    const workers: Worker[] = [];
    const finish = (err?: Error) => {
      if (failed) return;
      if (err) failed = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const send = (w: Worker) => {
      if (sent >= jobs.length) return;
      const first = sent;
      sent = Math.min(jobs.length, sent + BATCH);
      w.postMessage({ first, jobs: jobs.slice(first, sent) } satisfies BatchMessage);
    };
    const count = Math.max(1, Math.min(threads, Math.ceil(jobs.length / BATCH)));
    for (let k = 0; k < count; k++) {
      const w = new Worker(script, { workerData: { role: ROLE, options } });
      workers.push(w);
      w.on('message', (m: ResultMessage) => {
        m.reports.forEach((r, k) => done.set(m.first + k, r));
        send(w);
        try {
          while (done.has(next)) {
            const r = done.get(next)!;
            done.delete(next);
            onReport(next, r);
            next++;
          }
        } catch (err) {
          finish(err as Error);
          return;
        }
        if (next === jobs.length) finish();
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (next < jobs.length) finish(new Error(`a worker thread stopped (exit ${code})`));
      });
      send(w);
      send(w);
    }
    if (jobs.length === 0) finish();
  });
}
