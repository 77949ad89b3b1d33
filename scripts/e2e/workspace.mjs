// The fixture workspace the e2e tests open: a throwaway copy of tests/e2e/workspace plus seeds/, with a manifest of
// file hashes so the run can prove nothing was written. Shared by run.mjs (code-server) and electron.mjs.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** sha256 of every file under root, keyed by relative path. */
export function hashTree(root) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  return out;
}

/** Copies the fixtures into `into`, writes the manifest to `manifestFile`, returns the manifest. */
export function prepareWorkspace(repo, into, manifestFile) {
  cpSync(join(repo, 'tests', 'e2e', 'workspace'), into, { recursive: true });
  cpSync(join(repo, 'seeds'), join(into, 'seeds'), { recursive: true });
  const manifest = hashTree(into);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Paths whose content differs between two manifests (changed, added or removed). */
export function changedPaths(before, after) {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
}

/** User settings that keep the workbench quiet and deterministic: no welcome page, no auto-save, no trust prompt. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'editor.hover.delay': 100,
};
