import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type FileReport, sarif, SarifReport } from '../../server/src/cli/format';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function diagnostic(code: string, line: number, message: string, severity: 1 | 2 | 3 | 4 = 2): Diagnostic {
  return { range: { start: { line, character: 2 }, end: { line, character: 9 } }, severity, code, source: 'clinical-lint', message };
}

describe('SARIF written in pieces', () => {
  const files: FileReport[] = [
    { path: 'a.md', diagnostics: [diagnostic('unresolved-citation', 0, 'Citation [4] has no entry.', 1), diagnostic('missing-citation', 3, 'This sentence “quotes” ’ and\nbreaks.', 3)] },
    { path: 'skipped.md', diagnostics: [], skipped: 'binary content' },
    { path: path.join(os.tmpdir(), 'abs dir', 'b.txt'), diagnostics: [diagnostic('unknown-code', 7, 'A code no rule has.', 4)] },
  ];

  it('is the document JSON.stringify writes with two-space indentation, results in file order', () => {
    for (const set of [files, [], [files[1]], [files[0]]]) {
      const out = sarif(set, '9.9.9', '/work/x');
      assert.equal(out, `${JSON.stringify(JSON.parse(out), null, 2)}\n`);
      const log = JSON.parse(out);
      const results = log.runs[0].results as { ruleId: string; ruleIndex?: number; level: string; message: { text: string } }[];
      assert.deepEqual(
        results.map((r) => [r.ruleId, r.message.text, r.level]),
        set.flatMap((f) => f.diagnostics.map((d) => [d.code, d.message, ['none', 'error', 'warning', 'note', 'note'][d.severity ?? 1]])),
      );
      for (const r of results) assert.equal(r.ruleIndex === undefined ? undefined : log.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId === 'unknown-code' ? undefined : r.ruleId);
      // The results are the run's last member, as before.
      assert.deepEqual(Object.keys(log.runs[0]), ['tool', 'originalUriBaseIds', 'columnKind', 'results']);
    }
  });

  it('gives the same text piece by piece as whole', () => {
    const report = new SarifReport('9.9.9', '/work/x');
    let out = report.head;
    for (const f of files) for (const d of f.diagnostics) out += report.result(f.path, d);
    assert.equal(out + report.end(), sarif(files, '9.9.9', '/work/x'));
  });

  it('the CLI streams it: several files, some without findings, through the worker pool and without it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-'));
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      const name = `f${i}.md`;
      fs.writeFileSync(path.join(dir, name), i % 3 ? `Ketamine cures depression in every patient.[${i + 2}]\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n` : 'Hello.\n');
      names.push(name);
    }
    const outs = ['0', '2'].map((workers) => spawnSync(process.execPath, [CLI, '--format', 'sarif', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CLINICAL_LINT_WORKERS: workers } }));
    for (const r of outs) {
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
      const uris = JSON.parse(r.stdout).runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri);
      assert.deepEqual([...new Set(uris)], names.filter((_, i) => i % 3));
    }
    assert.equal(outs[0].stdout, outs[1].stdout);
  });
});
