/** Where each rule's documentation lives: the repository path and the public URL diagnostics link to. */

export const RULE_DOCS_DIR = 'docs/rules';
export const RULE_DOCS_BASE_URL = 'https://github.com/diplomatic-cables/diplomatic-cables/blob/main/docs/rules/';

/** Repository-relative path of a rule's page (`docs/rules/portion-unmarked.md`). */
export function ruleDocsPath(ruleId: string): string {
  return `${RULE_DOCS_DIR}/${ruleId}.md`;
}

/** Public URL of a rule's page, for `codeDescription.href` and SARIF `helpUri`. */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
