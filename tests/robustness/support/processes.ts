/** Child processes under watch: a generous deadline, and their memory read from /proc (Linux). */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Resident memory of a process in MB (`VmRSS`), or its peak so far (`VmHWM`); null once it has exited. */
export function memoryMB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed at the deadline. */
  timedOut: boolean;
  ms: number;
  /** Highest resident memory seen while it ran (MB). */
  peakMB: number;
}

/** Runs `node script args` and waits for it, killing it at `deadlineMs`. */
export function runNode(script: string, args: string[], deadlineMs: number, cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let peak = 0;
    let timedOut = false;
    const watch = setInterval(() => {
      peak = Math.max(peak, memoryMB(child.pid!, 'VmHWM') ?? 0);
    }, 25);
    const deadline = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('close', (code) => {
      clearInterval(watch);
      clearTimeout(deadline);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, ms: Date.now() - started, peakMB: peak });
    });
  });
}

/** A JavaScript stack trace in program output (`    at fn (file.js:10:5)`). */
export const STACK_TRACE = /^\s+at .+(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m;
