import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'suppression');

function cli(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI --list-suppressions', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-supp-'));
    fs.mkdirSync(path.join(dir, 'articles'));
    fs.copyFileSync(path.join(FIXTURES, 'markdown.md'), path.join(dir, 'articles', 'a.md'));
    // CRLF and an emoji before the comment: columns are UTF-16 code units.
    fs.writeFileSync(path.join(dir, 'articles', 'b.txt'), fs.readFileSync(path.join(FIXTURES, 'plain.txt'), 'utf8').replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(dir, 'articles', 'c.md'), 'Intro 😀 <!-- clinical-lint-disable-next-line unresolved-citation -->\nKetamine [4].\n');
  });

  it('prints every suppression with file:line:col, rules and reason', () => {
    const r = cli(['--list-suppressions', 'articles'], dir);
    assert.equal(r.status, 0);
    const a = path.join('articles', 'a.md');
    const b = path.join('articles', 'b.txt');
    const c = path.join('articles', 'c.md');
    assert.equal(
      r.stdout,
      [
        `${a}:7:1  disable-next-line  unresolved-citation  -- cited in the print edition`,
        `${a}:14:1  disable-next-line  unresolved-citation  -- list of trials to come`,
        `${a}:24:1  disable  unresolved-citation  -- table from the label`,
        `${a}:28:1  enable  (all rules)  -- (no reason given)`,
        `${a}:34:1  disable-next-line  unresolved-citation  -- footnote text to be checked`,
        `${b}:3:1  disable-next-line  citation-order, unresolved-citation  -- numbering fixed at layout`,
        `${b}:8:1  disable-next-line  unresolved-citation  -- bullet cites the 2025 update`,
        `${b}:11:1  disable  (all rules)  -- (no reason given)`,
        `${b}:13:1  enable  (all rules)  -- (no reason given)`,
        `${c}:1:10  disable-next-line  unresolved-citation  -- (no reason given)`,
        '10 suppression comments, 2 without a reason.',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with --format json', () => {
    const r = cli(['--list-suppressions', '--format', 'json', path.join('articles', 'b.txt')], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), {
      suppressions: [
        { path: path.join('articles', 'b.txt'), line: 3, column: 1, kind: 'disable-next-line', rules: ['citation-order', 'unresolved-citation'], reason: 'numbering fixed at layout' },
        { path: path.join('articles', 'b.txt'), line: 8, column: 1, kind: 'disable-next-line', rules: ['unresolved-citation'], reason: 'bullet cites the 2025 update' },
        { path: path.join('articles', 'b.txt'), line: 11, column: 1, kind: 'disable', rules: [] },
        { path: path.join('articles', 'b.txt'), line: 13, column: 1, kind: 'enable', rules: [] },
      ],
    });
  });

  it('lints as usual without the flag: the suppressed findings stay silent', () => {
    const r = cli(['--format', 'json', path.join('articles', 'a.md')], dir);
    const codes = JSON.parse(r.stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'unresolved-citation');
    assert.equal(codes.length, 3);
  });
});
