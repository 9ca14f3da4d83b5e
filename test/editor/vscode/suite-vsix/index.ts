// Entry point (extensionTestsPath) for the packaged-extension suite: VS Code runs it with the
// built clinical-lint.vsix installed and this folder (no extension manifest) as the development
// path, so the extension under test is the package. Results in .test-results/vscode-vsix.json
// by default.
import { runTestsIn } from '../suite/mocha-run';

export async function run(): Promise<void> {
  const failures = await runTestsIn(__dirname, 'vscode-vsix.json');
  if (failures > 0) throw new Error(`${failures} VS Code test(s) of the packaged extension failed`);
}
