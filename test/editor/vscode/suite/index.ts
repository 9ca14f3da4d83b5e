// Entry point that VS Code's extension host loads (extensionTestsPath): runs the *.test.js files
// of this folder with mocha and the project's count reporter, which writes {passed, failed,
// pending} to CLINICAL_LINT_RESULTS (default .test-results/vscode.json) for scripts/test.mjs.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { repoRoot } from './util';
import { showHoverForScreenshot } from './screenshot';

export async function run(): Promise<void> {
  const root = repoRoot();
  process.env.CLINICAL_LINT_RESULTS ||= path.join(root, '.test-results', 'vscode.json');
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: path.join(root, 'test', 'support', 'count-reporter.js'),
    // CLINICAL_LINT_VSCODE_GREP narrows a developer's run to matching tests.
    ...(process.env.CLINICAL_LINT_VSCODE_GREP ? { grep: process.env.CLINICAL_LINT_VSCODE_GREP } : {}),
  });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  // CLINICAL_LINT_SCREENSHOT_DIR is set by run-vscode-web.js when CLINICAL_LINT_SCREENSHOT=1.
  const shotDir = process.env.CLINICAL_LINT_SCREENSHOT_DIR;
  if (shotDir) await showHoverForScreenshot(shotDir);
  if (failures > 0) throw new Error(`${failures} VS Code test(s) failed`);
}
