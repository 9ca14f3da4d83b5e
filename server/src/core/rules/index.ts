import { ambiguousCitation } from './ambiguous-citation';
import { citationOrder } from './citation-order';
import { duplicateReference } from './duplicate-reference';
import { offLabelDisclaimer } from './off-label-disclaimer';
import type { Rule } from './rule';
import { safeMessaging } from './safe-messaging';
import { unresolvedCitation } from './unresolved-citation';
import { unusedReference } from './unused-reference';

/**
 * The rule registry: every rule of clinical-lint, one file each. The order here is the order in
 * which rules run and in which `--list-rules` prints them.
 */
export const RULES: readonly Rule[] = [
  // citations
  unresolvedCitation,
  unusedReference,
  citationOrder,
  ambiguousCitation,
  duplicateReference,
  // claims
  // disclosure
  offLabelDisclaimer,
  // safe messaging
  safeMessaging,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
