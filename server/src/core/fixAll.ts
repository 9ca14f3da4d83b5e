import { applyEdits, safeEdits } from './fixes';
import { type LintOptions, type LintResult, lintSteps } from './lint';
import { finish, type Steps } from './steps';
import type { TextEdit } from './types';

/**
 * Fix all: applies every safe fix (those that need no choice from the author), lints again and
 * repeats until nothing safe is left (a fixed point) or `maxPasses` is reached. Fixes that need
 * a choice (which reference to cite, how to reword) are never applied.
 */
export interface FixAllResult {
  text: string;
  /** The lint result of the final text. */
  result: LintResult;
  /** Titles of the fixes applied, in the order applied (one entry per fix). */
  applied: { ruleId: string; title: string }[];
  passes: number;
}

export function fixAll(text: string, options: LintOptions, maxPasses = 10): FixAllResult {
  return finish(fixAllSteps(text, options, maxPasses));
}

/** `fixAll` in steps (`core/steps.ts`): each lint's checkpoints; stopped with `Cancelled` when `options.cancellation` asks. */
export function* fixAllSteps(text: string, options: LintOptions, maxPasses = 10): Steps<FixAllResult> {
  // Without the costly fixes (cite fixes rank every reference for each finding): none is safe.
  options = { ...options, fixes: false };
  let result = yield* lintSteps(text, options);
  const applied: FixAllResult['applied'] = [];
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const fixes = result.findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.safe).map((fix) => ({ ruleId: f.ruleId, fix })));
    const edits = safeEdits(fixes.map((x) => x.fix));
    if (!edits.length) break;
    for (const x of fixes) if (x.fix.edits.length && x.fix.edits.every((e) => edits.includes(e))) applied.push({ ruleId: x.ruleId, title: x.fix.title });
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    result = yield* lintSteps(text, options);
  }
  return { text, result, applied, passes };
}

/** One edit turning `before` into `after` (their common start and end kept), or none. */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (isLow(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  while (end > 0 && (isLow(before.charCodeAt(before.length - end)) || (before[before.length - end] === '\n' && before[before.length - end - 1] === '\r'))) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
