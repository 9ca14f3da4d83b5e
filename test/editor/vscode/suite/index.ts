// Entry point that VS Code's extension host loads (extensionTestsPath) for the development-folder
// suite: this folder's tests, results in .test-results/vscode.json by default.
import { runTestsIn } from './mocha-run';
import { showHoverForScreenshot } from './screenshot';

export async function run(): Promise<void> {
  const failures = await runTestsIn(__dirname, 'vscode.json');
  // CLINICAL_LINT_SCREENSHOT_DIR is set by run-vscode-web.js when CLINICAL_LINT_SCREENSHOT=1.
  const shotDir = process.env.CLINICAL_LINT_SCREENSHOT_DIR;
  if (shotDir) await showHoverForScreenshot(shotDir);
  if (failures > 0) throw new Error(`${failures} VS Code test(s) failed`);
}
