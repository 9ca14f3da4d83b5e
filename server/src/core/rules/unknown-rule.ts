import type { Rule } from './rule';

/**
 * A suppression comment names a rule id that clinical-lint does not have (a typo suppresses
 * nothing). Findings of this rule are produced by `suppression.ts`; `check` is empty.
 */
export const unknownRule: Rule = {
  meta: {
    id: 'unknown-rule',
    description: 'A clinical-lint-disable comment names a rule that does not exist.',
    defaultSeverity: 'warning',
    category: 'suppression',
    fixable: 'suggestion',
  },
  check() {
    // Reported by applySuppressions (core/suppression.ts).
  },
};
