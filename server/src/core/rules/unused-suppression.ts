import type { Rule } from './rule';

/**
 * A suppression comment that suppressed nothing. Findings of this rule are produced by
 * `suppression.ts` after every other rule has run (it needs their findings); `check` is empty.
 */
export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    description: 'A clinical-lint-disable comment suppresses no finding.',
    defaultSeverity: 'warning',
    category: 'suppression',
    fixable: 'suggestion',
  },
  check() {
    // Reported by applySuppressions (core/suppression.ts).
  },
};
