// Runs the VS Code suite (test/editor/vscode/suite) inside a real VS Code extension host with
// @vscode/test-electron's runTests.
//
// By default the "VS Code executable" is run-vscode-web.js: VS Code's server from code-server on
// Node 24 plus the web workbench in headless Chromium (see scripts/setup-editors.sh); this works on
// machines with no internet. With CLINICAL_LINT_VSCODE_DOWNLOAD=1, runTests downloads and runs a
// desktop VS Code instead (a developer laptop with internet).
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'clinical-lint') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no clinical-lint package.json above ${from}`);
  }
}

async function main(): Promise<number> {
  const root = repoRoot(__dirname);
  const download = process.env.CLINICAL_LINT_VSCODE_DOWNLOAD === '1';
  const results = process.env.CLINICAL_LINT_RESULTS ?? path.join(root, '.test-results', 'vscode.json');
  fs.rmSync(results, { force: true });
  try {
    await runTests({
      vscodeExecutablePath: download ? undefined : path.join(root, 'test/editor/vscode/run-vscode-web.js'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      // The folder to open, then (desktop only) no other installed extensions.
      launchArgs: [path.join(root, 'test', 'fixtures'), '--disable-extensions'],
      extensionTestsEnv: { CLINICAL_LINT_RESULTS: results, CLINICAL_LINT_ROOT: root },
    });
    return 0;
  } catch (err) {
    console.error(`VS Code tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
