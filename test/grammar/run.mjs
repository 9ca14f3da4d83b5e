// Grammar tests: runs vscode-tmgrammar-test on test/grammar/*.test.* and writes
// {passed, failed} (one count per assertion line) to CLINICAL_LINT_RESULTS for scripts/test.mjs.
//
// The injection grammar is picked up from package.json `contributes.grammars` (the tool's default
// configuration), so these tests also check the manifest entry. Base grammars:
//   - text.html.markdown: VS Code's own Markdown grammar, from the `tm-grammars` package
//     (grammars/markdown.json, MIT); it is the grammar the injection meets in the editor.
//   - text.plain: test/grammar/base/plaintext.tmLanguage.json, an empty grammar (VS Code has none).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist/unit.js');
const markdown = require.resolve('tm-grammars/grammars/markdown.json');
const plain = join(root, 'test/grammar/base/plaintext.tmLanguage.json');
const cases = process.argv.slice(2).length ? process.argv.slice(2) : ['test/grammar/*.test.*'];

const report = mkdtempSync(join(tmpdir(), 'clinical-lint-grammar-'));
const r = spawnSync(
  process.execPath,
  [cli, '-g', markdown, '-g', plain, '--xunit-report', report, '--xunit-format', 'generic', ...cases],
  { cwd: root, encoding: 'utf8' },
);
process.stdout.write(r.stdout ?? '');
// The Markdown grammar names ~60 embedded languages for fenced code; the missing ones are noise.
const stderr = (r.stderr ?? '')
  .split('\n')
  .filter((l) => l && !/^grammar not found for "/.test(l))
  .join('\n');
if (stderr) process.stderr.write(stderr + '\n');

let passed = 0;
let failed = 0;
for (const f of existsSync(report) ? readdirSync(report) : []) {
  const xml = readFileSync(join(report, f), 'utf8');
  for (const m of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    if (/<(failure|error)\b/.test(m[2] ?? '')) failed++;
    else passed++;
  }
}
rmSync(report, { recursive: true, force: true });
// A run that failed without a failing assertion (no test files, a crash) still counts as a failure.
if (r.status !== 0 && failed === 0) failed = 1;
console.log(`grammar: ${passed} checked source lines passed, ${failed} failed`);

const out = process.env.CLINICAL_LINT_RESULTS ?? join(root, '.test-results/grammar.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ passed, failed, pending: 0 }));
process.exit(r.status === 0 && failed === 0 ? 0 : 1);
