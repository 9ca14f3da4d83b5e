import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../server/src/core/config';
import { diffEdit, fixAll } from '../../server/src/core/fixAll';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { Rule } from '../../server/src/core/rules/rule';
import type { DocumentKind, Finding } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Two wordings with safe fixes, one with a fix that needs a choice, and a broken citation. */
const ARTICLE = [
  'Ketamine and suicide risk',
  '',
  'Her brother committed suicide in 2019, and a cousin tried to commit suicide later.',
  'A successful suicide is rarely impulsive.[7]',
  '',
  'If you are thinking about suicide, call or text 9-8-8.',
  '',
  'References',
  '',
  '1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.',
  '',
].join('\n');
const FIXED = ARTICLE.replace('committed suicide', 'died by suicide').replace('tried to commit suicide', 'attempted suicide');

function cli(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tmp(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-fix-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Findings of the rules other than `except`, as rule id and message (positions move with edits). */
function others(text: string, kind: DocumentKind, except: string[]): string[] {
  return lint(text, { kind })
    .findings.filter((f) => !except.includes(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.message}`)
    .sort();
}

const safeCount = (fs1: Finding[]): number => fs1.filter((f) => f.fixes?.some((x) => x.safe)).length;

describe('fix all (core)', () => {
  for (const [name, conv] of [
    ['LF', (s: string) => s],
    ['CRLF', (s: string) => s.replace(/\n/g, '\r\n')],
    ['emoji', (s: string) => s.replace('Her brother', 'Her 🧑‍🤝‍🧑 brother 😢')],
  ] as const) {
    it(`applies every safe fix and nothing else (${name})`, () => {
      const text = conv(ARTICLE);
      const before = lint(text, { kind: 'plaintext' }).findings;
      assert.equal(safeCount(before), 2);
      const out = fixAll(text, { kind: 'plaintext' });
      assert.equal(out.text, conv(FIXED));
      assert.deepEqual(out.applied.map((a) => a.ruleId), ['safe-messaging', 'safe-messaging']);
      assert.equal(safeCount(out.result.findings), 0, 'no safe fix left');
      // The finding that needs a choice ("successful suicide") and the broken citation stay.
      assert.deepEqual(others(out.text, 'plaintext', []), others(text, 'plaintext', []).filter((m) => !/commit/i.test(m)));
      assert.ok(out.result.findings.some((f) => f.ruleId === 'safe-messaging' && /successful/i.test(text.slice(f.start, f.end))));
      // One edit reproduces the result from the original (what the editor applies: one undo step).
      const e = diffEdit(text, out.text)!;
      assert.equal(applyEdits(text, [e]), out.text);
    });
  }

  it('iterates to a fixed point when one fix reveals another', () => {
    const doubleSpace: Rule = {
      meta: { id: 'double-space', description: 'test', defaultSeverity: 'warning', category: 'claims', fixable: 'safe' },
      check({ article, report }) {
        for (const m of article.text.matchAll(/ {2}/g)) {
          report({ start: m.index!, end: m.index! + 2, message: 'two spaces', fixes: [{ title: 'One space', edits: [{ start: m.index!, end: m.index! + 2, newText: ' ' }], safe: true }] });
        }
      },
    };
    const unsafe: Rule = {
      meta: { id: 'needs-choice', description: 'test', defaultSeverity: 'warning', category: 'claims', fixable: 'suggestion' },
      check({ article, report }) {
        const i = article.text.indexOf('cure');
        if (i >= 0) report({ start: i, end: i + 4, message: 'cure', fixes: [{ title: 'Reword', edits: [{ start: i, end: i + 4, newText: 'help' }], safe: false }] });
      },
    };
    const out = fixAll('A        cure.', { kind: 'plaintext', config: defaultConfig(), rules: [doubleSpace, unsafe] });
    assert.equal(out.text, 'A cure.');
    assert.equal(out.passes, 3);
    assert.deepEqual(out.result.findings.map((f) => f.ruleId), ['needs-choice']);
    assert.equal(fixAll(out.text, { kind: 'plaintext', rules: [doubleSpace, unsafe] }).applied.length, 0, 'twice equals once');
  });

  it('leaves a document without safe fixes as it is', () => {
    const text = 'A successful suicide is rarely impulsive.\n\nIf you are thinking about suicide, call or text 9-8-8.\n';
    const out = fixAll(text, { kind: 'plaintext' });
    assert.equal(out.text, text);
    assert.deepEqual(out.applied, []);
    assert.equal(diffEdit(text, out.text), undefined);
  });

  it('diffEdit never splits a surrogate pair or a CRLF', () => {
    const e1 = diffEdit('a😀b', 'a😃b')!;
    assert.equal(e1.start, 1);
    assert.equal(e1.end, 3);
    const e2 = diffEdit('a\r\nb', 'a\nb')!;
    assert.equal(applyEdits('a\r\nb', [e2]), 'a\nb');
    assert.ok(e2.start <= 1 && e2.end >= 3);
  });
});

describe('CLI --fix', () => {
  it('writes nothing without --fix', () => {
    const dir = tmp({ 'a.txt': ARTICLE });
    const stat = fs.statSync(path.join(dir, 'a.txt'));
    const r = cli(['a.txt'], dir);
    assert.equal(r.status, 1, 'the unresolved citation is an error');
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), ARTICLE);
    assert.equal(fs.statSync(path.join(dir, 'a.txt')).mtimeMs, stat.mtimeMs);
  });

  it('writes the safe fixes and prints, per file, what it changed', () => {
    const dir = tmp({ 'a.txt': ARTICLE, 'b.txt': 'Nothing to fix here.[1]\n\nReferences\n\n1. A A. One. J. 2001.\n' });
    const r = cli(['--fix', 'a.txt', 'b.txt'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), FIXED);
    assert.match(r.stdout, /^a\.txt: fixed 2 findings\n {2}safe-messaging: Replace with "died by suicide"\n {2}safe-messaging: Replace with "attempted suicide"\n/);
    assert.ok(!r.stdout.includes('b.txt: fixed'), 'files without fixes are not reported as fixed');
    // The report that follows is of the fixed text: the choice-needing finding is still there.
    assert.match(r.stdout, /successful suicide/i);
    assert.ok(!/committed suicide/.test(r.stdout.split('\n\n').slice(1).join('\n')));
  });

  it('leaves files without safe fixes untouched, byte for byte', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('A successful suicide is rare.[3]\r\n\r\nReferences\r\n\r\n1. A A. One. J. 2001.\r\n')]);
    const dir = tmp({ 'c.txt': bytes });
    const before = fs.statSync(path.join(dir, 'c.txt')).mtimeMs;
    const r = cli(['--fix', 'c.txt'], dir);
    assert.ok(fs.readFileSync(path.join(dir, 'c.txt')).equals(bytes));
    assert.equal(fs.statSync(path.join(dir, 'c.txt')).mtimeMs, before);
    assert.ok(!/fixed/.test(r.stdout));
  });

  it('keeps CRLF line endings and a byte-order mark when it writes', () => {
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    const dir = tmp({ 'd.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]) });
    cli(['--fix', 'd.txt'], dir);
    const out = fs.readFileSync(path.join(dir, 'd.txt'));
    assert.ok(out.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    assert.equal(out.subarray(3).toString('utf8'), FIXED.replace(/\n/g, '\r\n'));
  });

  it('with --format json, reports the fixes in the JSON and prints nothing else', () => {
    const dir = tmp({ 'a.txt': ARTICLE });
    const r = cli(['--fix', '--format', 'json', 'a.txt'], dir);
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files[0].fixed, [
      { ruleId: 'safe-messaging', title: 'Replace with "died by suicide"' },
      { ruleId: 'safe-messaging', title: 'Replace with "attempted suicide"' },
    ]);
    assert.ok(out.files[0].diagnostics.every((d: { code: string; message: string }) => !/committed/.test(d.message)));
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), FIXED);
    const plain = JSON.parse(cli(['--format', 'json', 'a.txt'], dir).stdout);
    assert.deepEqual(Object.keys(plain.files[0]), ['path', 'diagnostics'], 'no "fixed" key without --fix');
  });
});
