// The one test command (`npm test`): installs what is missing, builds, type-checks, lints, runs
// every test stage, and ends with a plain `N passed, N failed` line summed over all stages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

const only = process.argv.slice(2);
const mocha = (name, globs, extra = []) => ({
  name,
  kind: 'mocha',
  run: () =>
    run('npx', ['mocha', '--reporter', join(root, 'test/support/count-reporter.js'), ...extra, ...globs], {
      CLINICAL_LINT_RESULTS: join(results, `${name}.json`),
    }),
});

const setup = [
  { name: 'install', run: () => existsSync(join(root, 'node_modules/.package-lock.json')) || run('npm', ['ci', '--no-audit', '--no-fund']) },
  { name: 'build', run: () => run('node', ['scripts/build.mjs']) },
  { name: 'typecheck', run: () => run('npx', ['tsc', '-p', '.']) },
  { name: 'lint', run: () => run('npx', ['eslint', '.']) },
  // Chromium, Neovim, Node 24 and code-server for the editor stages (cached in .tools/).
  { name: 'editors-setup', run: () => (only.length && !only.some((s) => ['vscode', 'vscode-vsix', 'neovim'].includes(s))) || run('bash', ['scripts/setup-editors.sh']) },
];
const stages = [
  mocha('unit', ['out/test/unit/**/*.test.js']),
  mocha('protocol', ['out/test/protocol/**/*.test.js'], ['--timeout', '20000']),
  // Real editors: VS Code (web workbench + remote extension host, see test/editor/vscode) and Neovim 0.7.
  { name: 'vscode', run: () => run('node', ['out/test/editor/vscode/run.js'], { CLINICAL_LINT_RESULTS: join(results, 'vscode.json') }) },
  // The built package: `npm run package`, then clinical-lint.vsix installed into a real VS Code.
  { name: 'vscode-vsix', run: () => run('node', ['out/test/editor/vscode/run-vsix.js'], { CLINICAL_LINT_RESULTS: join(results, 'vscode-vsix.json') }) },
  mocha('neovim', ['out/test/editor/neovim/**/*.test.js'], ['--timeout', '70000']),
  {
    // TextMate injection grammar (syntaxes/) checked with vscode-tmgrammar-test.
    name: 'grammar',
    run: () => run('node', ['test/grammar/run.mjs'], { CLINICAL_LINT_RESULTS: join(results, 'grammar.json') }),
  },
];

let ok = true;
let setupFailed = 0;
for (const s of setup) {
  console.log(`\n== ${s.name}`);
  if (!s.run()) {
    console.error(`== ${s.name} failed`);
    setupFailed++;
    ok = false;
    break;
  }
}
let passed = 0;
let failed = setupFailed;
if (ok) {
  for (const s of stages) {
    if (only.length && !only.includes(s.name)) continue;
    console.log(`\n== ${s.name}`);
    const good = s.run();
    const file = join(results, `${s.name}.json`);
    if (existsSync(file)) {
      const c = JSON.parse(readFileSync(file, 'utf8'));
      passed += c.passed;
      failed += c.failed;
      if (!good && c.failed === 0) failed++;
    } else {
      console.error(`== ${s.name}: no results were recorded`);
      failed++;
    }
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
