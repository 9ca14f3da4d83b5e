import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintConfig } from '../../server/src/core/config';
import { defaultConfig } from '../../server/src/core/config';
import { lint, type LintResult } from '../../server/src/core/lint';
import type { DocumentKind, Finding } from '../../server/src/core/types';

/**
 * Fixture articles with inline expectations. Lines starting with `%%` are taken out before
 * linting, and say what the lines above them (back to the previous `%%` line) must produce:
 *
 *   %% rules: unresolved-citation, unused-reference   (header: the rules this fixture checks;
 *                                                       every finding of them must be expected)
 *   %% config: {"citationScope": "sentence"}           (header: configuration)
 *   %% unresolved-citation "[4]"                        (a finding whose range text is "[4]")
 *   %% no unused-reference                              (no finding of that rule in this stretch)
 */
export interface Expectation {
  rule: string;
  text?: string;
  negative: boolean;
  /** The stretch of the stripped text the finding must start in. */
  from: number;
  to: number;
  line: number;
}

export interface Fixture {
  name: string;
  kind: DocumentKind;
  text: string;
  rules: string[];
  config: LintConfig;
  expectations: Expectation[];
}

export function loadFixture(file: string): Fixture {
  const raw = fs.readFileSync(file, 'utf8');
  const lines = raw.split(/(?<=\n)/);
  let text = '';
  const expectations: Expectation[] = [];
  let rules: string[] = [];
  let config = defaultConfig();
  lines.forEach((line, i) => {
    const m = /^%%\s*(.*?)\s*$/.exec(line);
    if (!m) {
      text += line;
      return;
    }
    const body = m[1];
    let h: RegExpExecArray | null;
    if ((h = /^rules:\s*(.*)$/.exec(body))) rules = h[1].split(/\s*,\s*/).filter(Boolean);
    else if ((h = /^config:\s*(.*)$/.exec(body))) config = { ...config, ...JSON.parse(h[1]) };
    else if ((h = /^(no\s+)?([a-z-]+)(?:\s+"(.*)")?$/.exec(body))) {
      expectations.push({ rule: h[2], text: h[3], negative: !!h[1], from: 0, to: text.length, line: i + 1 });
      return;
    } else throw new Error(`${file}:${i + 1}: cannot read expectation "${body}"`);
  });
  // Stretches end at the next expectation group: set `from` of each group to the end of the last.
  let lastTo = 0;
  let groupTo = -1;
  for (const e of expectations) {
    if (e.to !== groupTo) {
      lastTo = groupTo < 0 ? 0 : groupTo;
      groupTo = e.to;
    }
    e.from = lastTo;
  }
  return { name: path.basename(file), kind: /\.(md|markdown)$/.test(file) ? 'markdown' : 'plaintext', text, rules, config, expectations };
}

/** Checks a fixture; returns the problems (empty when it passes). */
export function checkFixture(fx: Fixture): { problems: string[]; result: LintResult } {
  const result = lint(fx.text, { kind: fx.kind, config: fx.config });
  const problems: string[] = [];
  const checked = (f: Finding): boolean => fx.rules.length === 0 || fx.rules.includes(f.ruleId);
  const matched = new Set<Finding>();
  for (const e of fx.expectations) {
    const hits = result.findings.filter((f) => f.ruleId === e.rule && f.start >= e.from && f.start < e.to && (e.text === undefined || fx.text.slice(f.start, f.end) === e.text) && !matched.has(f));
    if (e.negative) {
      if (hits.length) problems.push(`line ${e.line}: unexpected ${e.rule} on "${fx.text.slice(hits[0].start, hits[0].end)}": ${hits[0].message}`);
    } else if (!hits.length) {
      const near = result.findings.filter((f) => f.start >= e.from && f.start < e.to).map((f) => `${f.ruleId} "${fx.text.slice(f.start, f.end)}"`);
      problems.push(`line ${e.line}: expected ${e.rule}${e.text !== undefined ? ` on "${e.text}"` : ''}; found ${near.length ? near.join(', ') : 'nothing'}`);
    } else {
      matched.add(hits[0]);
    }
  }
  for (const f of result.findings) {
    if (checked(f) && !matched.has(f) && fx.rules.length) problems.push(`unexpected ${f.ruleId} on "${fx.text.slice(f.start, f.end)}": ${f.message}`);
  }
  return { problems, result };
}

export function fixturesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}
