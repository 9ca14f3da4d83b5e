// Helpers shared by the claims-, citation-need- and cite- tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type LintConfig, defaultConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import type { DocumentKind, Finding, Fix, TextEdit } from '../../server/src/core/types';

export const ROOT = path.resolve(__dirname, '../../..');
export const MY_RULES = ['missing-citation', 'unsupported-claim'];

export const SAMPLE = fs.readFileSync(path.join(ROOT, 'test/fixtures/sample.txt'), 'utf8');

export function kindOf(file: string): DocumentKind {
  return file.endsWith('.md') ? 'markdown' : 'plaintext';
}

export function lintWith(text: string, kind: DocumentKind, extra: Partial<LintConfig> = {}): Finding[] {
  return lint(text, { kind, config: { ...defaultConfig(), ...extra } }).findings;
}

/** Findings of unsupported-claim and missing-citation only. */
export function mine(text: string, kind: DocumentKind = 'plaintext', extra: Partial<LintConfig> = {}): Finding[] {
  return lintWith(text, kind, extra).filter((f) => MY_RULES.includes(f.ruleId));
}

/** Applies non-overlapping edits (offsets into `text`). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  let last = Infinity;
  for (const e of sorted) {
    assert.ok(e.end <= last, 'edits do not overlap');
    assert.ok(e.start <= e.end && e.start >= 0 && e.end <= text.length, 'edit range is inside the text');
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    last = e.start;
  }
  return out;
}

/**
 * Where an offset of the original text ends up after the edits. Text inserted exactly at the
 * offset goes before a start offset and after an end offset.
 */
export function mapOffset(offset: number, edits: TextEdit[], isEnd = false): number {
  let shift = 0;
  for (const e of edits) {
    const delta = e.newText.length - (e.end - e.start);
    if (e.end < offset || (e.end === offset && !(isEnd && e.start === e.end))) shift += delta;
  }
  return offset + shift;
}

/** The text outside the edited ranges is unchanged. */
export function assertOnlyEditsChanged(before: string, after: string, edits: TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let from = 0;
  let pos = 0;
  for (const e of sorted) {
    const keep = before.slice(from, e.start);
    assert.equal(after.slice(pos, pos + keep.length), keep, 'text before an edit is unchanged');
    pos += keep.length;
    assert.equal(after.slice(pos, pos + e.newText.length), e.newText, 'the edit wrote its text');
    pos += e.newText.length;
    from = e.end;
  }
  assert.equal(after.slice(pos), before.slice(from), 'text after the last edit is unchanged');
}

export const key = (f: Finding): string => `${f.ruleId}@${f.start}-${f.end}:${f.message}`;

/** An expectation of a fixture: a rule (or none) and the text its finding covers. */
export interface Expectation {
  rule: string;
  needle: string;
  line: number;
  /** Where the needle is: its last occurrence before the expectation line. */
  at: number;
}

/**
 * Fixture syntax: lines starting with `<<` are expectations, removed before linting.
 * `<< unsupported-claim "cures"`: a finding of the rule whose range text contains the quoted
 * text (the claim's words, or part of the sentence for missing-citation).
 * `<< none "Ketamine is not a cure"`: no finding of either rule in the sentence that contains it.
 * `<< config citationScope=sentence`: configuration for the whole fixture.
 */
export function parseFixture(raw: string): { text: string; expect: Expectation[]; config: Partial<LintConfig> } {
  const expect: Expectation[] = [];
  const config: Partial<LintConfig> = {};
  const kept: string[] = [];
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  let offset = 0;
  raw.split(/\r?\n/).forEach((line, i) => {
    if (!line.startsWith('<<')) {
      kept.push(line);
      offset += line.length + eol.length;
      return;
    }
    const c = /^<<\s*config\s+citationScope=(paragraph|sentence)\s*$/.exec(line);
    if (c) {
      config.citationScope = c[1] as 'paragraph' | 'sentence';
      return;
    }
    const m = /^<<\s*(missing-citation|unsupported-claim|none)\s+"(.+)"\s*$/.exec(line);
    if (!m) throw new Error(`fixture line ${i + 1}: malformed expectation: ${line}`);
    expect.push({ rule: m[1], needle: m[2], line: i + 1, at: offset });
  });
  const text = kept.join(eol);
  for (const e of expect) {
    e.at = text.lastIndexOf(e.needle, e.at);
    if (e.at < 0) throw new Error(`fixture line ${e.line}: "${e.needle}" is not above the expectation`);
  }
  return { text, expect, config };
}

/** Every fix of every finding, with the finding. */
export function allFixes(findings: Finding[]): { finding: Finding; fix: Fix }[] {
  return findings.flatMap((finding) => (finding.fixes ?? []).map((fix) => ({ finding, fix })));
}
