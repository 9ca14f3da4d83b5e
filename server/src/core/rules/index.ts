import type { Rule } from './rule';

/**
 * The rule registry: every rule of clinical-lint, one file each. The order here is the order in
 * which rules run and in which `--list-rules` prints them.
 */
export const RULES: readonly Rule[] = [
  // citations
  // claims
  // disclosure
  // safe messaging
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
