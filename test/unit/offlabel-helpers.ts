// Helpers shared by the off-label-disclaimer and safe-messaging tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type LintConfig, defaultConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import type { DocumentKind, Finding, Fix, Jurisdiction, TextEdit } from '../../server/src/core/types';

export const ROOT = path.resolve(__dirname, '../../..');

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(ROOT, 'test/fixtures', rel), 'utf8');
}

export function kindOf(file: string): DocumentKind {
  return file.endsWith('.md') ? 'markdown' : 'plaintext';
}

export function config(j: Jurisdiction, extra: Partial<LintConfig> = {}): LintConfig {
  return { ...defaultConfig(), jurisdiction: j, ...extra };
}

export function findings(text: string, kind: DocumentKind, j: Jurisdiction, ruleId?: string, extra: Partial<LintConfig> = {}): Finding[] {
  const all = lint(text, { kind, config: config(j, extra) }).findings;
  return ruleId ? all.filter((f) => f.ruleId === ruleId) : all;
}

/** Applies non-overlapping edits (offsets into `text`). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * A finding, described independently of where it sits, for before/after comparisons. With
 * `edits`, the text it covers is given as it reads after the edits that fall inside it.
 */
function describeFinding(text: string, f: Finding, edits: TextEdit[] = []): string {
  const inside = edits.filter((e) => e.start >= f.start && e.end <= f.end && !(e.start === e.end && (e.start === f.start || e.start === f.end)));
  const covered = applyEdits(text.slice(f.start, f.end), inside.map((e) => ({ ...e, start: e.start - f.start, end: e.end - f.start })));
  return `${f.ruleId}|${f.severity}|${covered}|${f.message}`;
}

/**
 * Applies `fix` (computed on `text`), lints again and checks that `gone` no longer appears and
 * every other finding is unchanged. Returns the fixed text.
 */
export function applyAndRelint(text: string, kind: DocumentKind, j: Jurisdiction, target: Finding, fix: Fix): string {
  const before = lint(text, { kind, config: config(j) }).findings;
  const fixed = applyEdits(text, fix.edits);
  const after = lint(fixed, { kind, config: config(j) }).findings;
  // Equality with the findings before, less the target, means the target is gone and nothing
  // else changed.
  const same = (f: Finding): boolean => f.ruleId === target.ruleId && f.start === target.start && f.end === target.end && f.message === target.message;
  assert.equal(before.filter(same).length, 1, 'the target finding is among the findings before the fix');
  // The citation-need classifier's verdict on the sentence the fix rewords may change with its
  // words (it scores the wording); everywhere else nothing may change.
  const from = Math.min(...fix.edits.map((e) => e.start));
  const to = Math.max(...fix.edits.map((e) => e.end));
  const delta = fix.edits.reduce((d, e) => d + e.newText.length - (e.end - e.start), 0);
  const classifierOn = (f: Finding, a: number, b: number): boolean => f.ruleId === 'missing-citation' && /sentence classifier/.test(f.message) && f.start <= b && f.end >= a;
  const expected = before.filter((f) => !same(f) && !classifierOn(f, from, to)).map((f) => describeFinding(text, f, fix.edits)).sort();
  const actual = after.filter((f) => !classifierOn(f, from, to + delta)).map((f) => describeFinding(fixed, f)).sort();
  assert.deepEqual(actual, expected, 'the other findings are unchanged');
  // Line endings: a CRLF document stays CRLF.
  if (text.includes('\r\n')) assert.ok(!/(?<!\r)\n/.test(fixed), 'no bare LF was introduced into a CRLF document');
  return fixed;
}

export const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');
