// Runs the packaged-extension suite (test/editor/vscode/suite-vsix): builds clinical-lint.vsix with
// `npm run package` (unless CLINICAL_LINT_VSIX names an existing one), installs it with VS Code's
// own installer into a fresh extensions folder, and runs the suite in a real VS Code extension
// host. The development path VS Code needs to run tests is the suite's compiled folder, which has
// no extension manifest: the only clinical-lint loaded is the installed package (the suite checks).
//
// By default VS Code is run-vscode-web.js (VS Code's server from code-server on Node 24 plus the
// web workbench in headless Chromium, see scripts/setup-editors.sh). With
// CLINICAL_LINT_VSCODE_DOWNLOAD=1, a downloaded desktop VS Code installs the package with its CLI
// (`code --install-extension`) and runs the suite.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'clinical-lint') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no clinical-lint package.json above ${from}`);
  }
}

function log(msg: string): void {
  process.stdout.write(`[vsix] ${msg}\n`);
}

/** Builds the package the way a release does; prints vsce's output only when it fails. */
function buildPackage(root: string): string {
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`npm run package failed (${r.status ?? r.signal})`);
  }
  const vsix = path.join(root, 'clinical-lint.vsix');
  log(`npm run package built ${path.basename(vsix)} in ${Date.now() - started} ms`);
  return vsix;
}

async function runDesktop(root: string, vsix: string, testsPath: string, env: Record<string, string>): Promise<void> {
  // A laptop with internet: download VS Code, install the package with its CLI, run the suite.
  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import('@vscode/test-electron');
  const exe = await downloadAndUnzipVSCode();
  // Without test-electron's default profile folders: the package goes into a fresh one of ours.
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(exe, { reuseMachineInstall: true });
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-vsix-ext-'));
  try {
    const r = spawnSync(cli, [...cliArgs, `--extensions-dir=${extensionsDir}`, '--install-extension', vsix, '--force'], { encoding: 'utf8', stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`code --install-extension failed (${r.status ?? r.signal})`);
    await runTests({
      vscodeExecutablePath: exe,
      extensionDevelopmentPath: path.dirname(testsPath),
      extensionTestsPath: testsPath,
      launchArgs: [path.join(root, 'test', 'fixtures'), `--extensions-dir=${extensionsDir}`],
      extensionTestsEnv: env,
    });
  } finally {
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const root = repoRoot(__dirname);
  const results = process.env.CLINICAL_LINT_RESULTS ?? path.join(root, '.test-results', 'vscode-vsix.json');
  fs.rmSync(results, { force: true });
  const started = Date.now();
  try {
    const vsix = process.env.CLINICAL_LINT_VSIX ? path.resolve(process.env.CLINICAL_LINT_VSIX) : buildPackage(root);
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist`);
    const bytes = fs.statSync(vsix).size;
    log(`${path.relative(root, vsix) || vsix}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
    const testsPath = path.join(__dirname, 'suite-vsix', 'index.js');
    const env = { CLINICAL_LINT_RESULTS: results, CLINICAL_LINT_ROOT: root, CLINICAL_LINT_VSIX: vsix };
    if (process.env.CLINICAL_LINT_VSCODE_DOWNLOAD === '1') {
      await runDesktop(root, vsix, testsPath, env);
    } else {
      const r = spawnSync(
        process.execPath,
        [
          path.join(root, 'test/editor/vscode/run-vscode-web.js'),
          `--install-extension=${vsix}`,
          `--extensionDevelopmentPath=${path.dirname(testsPath)}`,
          `--extensionTestsPath=${testsPath}`,
          path.join(root, 'test', 'fixtures'),
        ],
        { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
      );
      if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}`);
    }
    log(`done in ${Date.now() - started} ms`);
    return 0;
  } catch (err) {
    console.error(`VS Code tests of the package failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
