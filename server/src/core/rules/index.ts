import { ambiguousCitation } from './ambiguous-citation';
import { citationOrder } from './citation-order';
import { duplicateReference } from './duplicate-reference';
import { missingCitation } from './missing-citation';
import { offLabelDisclaimer } from './off-label-disclaimer';
import type { Rule } from './rule';
import { safeMessaging } from './safe-messaging';
import { unknownRule } from './unknown-rule';
import { unresolvedCitation } from './unresolved-citation';
import { unsupportedClaim } from './unsupported-claim';
import { unusedReference } from './unused-reference';
import { unusedSuppression } from './unused-suppression';

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
  missingCitation,
  // claims
  unsupportedClaim,
  // disclosure
  offLabelDisclaimer,
  // safe messaging
  safeMessaging,
  // suppression comments (reported after the other rules, see core/suppression.ts)
  unusedSuppression,
  unknownRule,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
