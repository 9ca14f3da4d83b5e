// The mocha run both VS Code suites start from their entry point (extensionTestsPath): the
// *.test.js files of one folder, with the project's count reporter, which writes {passed, failed,
// pending} to CLINICAL_LINT_RESULTS for scripts/test.mjs.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { repoRoot } from './util';

/** Runs the tests of `dir`; gives the number of failures. `results` names the default results file. */
export async function runTestsIn(dir: string, results: string): Promise<number> {
  const root = repoRoot();
  process.env.CLINICAL_LINT_RESULTS ||= path.join(root, '.test-results', results);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: path.join(root, 'test', 'support', 'count-reporter.js'),
    // CLINICAL_LINT_VSCODE_GREP narrows a developer's run to matching tests.
    ...(process.env.CLINICAL_LINT_VSCODE_GREP ? { grep: process.env.CLINICAL_LINT_VSCODE_GREP } : {}),
  });
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  }
  return new Promise<number>((resolve) => mocha.run(resolve));
}
