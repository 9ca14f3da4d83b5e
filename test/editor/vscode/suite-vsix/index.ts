// Entry point (extensionTestsPath) for the packaged-extension suite: VS Code runs it with the
// built clinical-lint.vsix installed and this folder (no extension manifest) as the development
// path, so the extension under test is the package. Runs this folder's *.test.js with mocha and
// the project's count reporter, which writes {passed, failed, pending} to CLINICAL_LINT_RESULTS
// (default .test-results/vscode-vsix.json).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { repoRoot } from '../suite/util';

export async function run(): Promise<void> {
  const root = repoRoot();
  process.env.CLINICAL_LINT_RESULTS ||= path.join(root, '.test-results', 'vscode-vsix.json');
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: path.join(root, 'test', 'support', 'count-reporter.js'),
  });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} VS Code test(s) of the packaged extension failed`);
}
