// Bundle entry for the in-process benchmarks: the three stages the editor and the CLI run on every document.
export { parseCables } from '../server/src/parser/index';
export { runRules } from '../server/src/rules/index';
export { buildOutline } from '../server/src/outline/outline';
