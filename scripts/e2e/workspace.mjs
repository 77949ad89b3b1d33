// The fixture workspace the e2e tests open: a throwaway copy of tests/e2e/workspace plus seeds/, with a manifest of
// file hashes so the run can prove nothing was written. Shared by run.mjs (code-server) and electron.mjs.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashTree } from '../lib/hashTree.mjs';

export { hashTree };

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
