// Where the e2e tooling lives, shared by provision.mjs and run.mjs.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

/** Debian's Chromium, unless the user points elsewhere. */
export const CHROMIUM = process.env.CABLE_CHROMIUM || '/usr/bin/chromium';

/** The code-server install, kept between runs (300 MB: never inside the repository). */
export function codeServerDir() {
  if (process.env.CABLE_E2E_CACHE) return process.env.CABLE_E2E_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'diplomatic-cables', `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerEntry() {
  return join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}
