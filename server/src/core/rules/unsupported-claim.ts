import { findClaimHits } from '../claims/detect';
import { rewordFix } from '../claims/reword';
import { citationFixes } from '../features/cite';
import { claimLexicon, entrySources } from '../knowledge/claims';
import type { Fix } from '../types';
import { type Rule, wantsFixes } from './rule';

/**
 * Wording that regulators single out in health claims: cure, guarantees and absolutes, absolute
 * safety, unsupported superiority, hype, outcome testimonials, claims of proof. Negated, quoted
 * or attributed wording is not the author's claim; a hedge turns a superiority or hype claim
 * into one that only needs a citation; a citation substantiates the claims that citing can.
 */
export const unsupportedClaim: Rule = {
  meta: {
    id: 'unsupported-claim',
    description: 'A health claim worded as a cure, guarantee, absolute safety, unsupported superiority, hype, testimonial or proof.',
    defaultSeverity: 'warning',
    category: 'claims',
    fixable: 'suggestion',
  },
  check({ article, config, report, blockMemo, fixes: wanted }) {
    const lexicon = claimLexicon(config.lexicon);
    for (const hit of findClaimHits(article, lexicon, config.citationScope, blockMemo)) {
      if (hit.status !== 'claim') continue;
      const { entry } = hit;
      const what = `"${hit.matched.replace(/\s+/g, ' ')}" is ${/^[aeiou]/i.test(entry.label) ? 'an' : 'a'} ${entry.label}`;
      const action = entry.citable ? 'Cite the evidence, or reword.' : 'Reword it: a citation does not make this wording acceptable.';
      const message = `${what}. ${entry.basis} (${entrySources(lexicon, entry).join('; ')}) ${action}`;
      const fixes: Fix[] = [];
      // The hit is measured in the prose: the text around it is read at the same offsets.
      const reword = rewordFix(article.drawnText, hit);
      if (reword) fixes.push({ ...reword, isPreferred: !entry.citable });
      if (entry.citable && hit.sentence && wantsFixes(wanted, hit.start, hit.end)) fixes.push(...citationFixes(article, hit.sentence).map((f) => ({ ...f, isPreferred: f.isPreferred && !reword })));
      report({ start: hit.start, end: hit.end, severity: entry.severity, message, fixes: fixes.length ? fixes : undefined });
    }
  },
};
