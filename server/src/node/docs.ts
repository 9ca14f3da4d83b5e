import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsPath } from '../core/rules/rule';

/** Root of the installed package (the bundles are in `dist/`), where `docs/rules` lives. */
const packageRoot = path.resolve(__dirname, '..');

const docsUris = new Map<string, string>();

/** The rule's documentation page as an absolute `file:` URI (diagnostics' links, SARIF's `helpUri`). */
export function ruleDocsUri(ruleId: string): string {
  let uri = docsUris.get(ruleId);
  if (uri === undefined) docsUris.set(ruleId, (uri = pathToFileURL(path.join(packageRoot, docsPath(ruleId))).toString()));
  return uri;
}
