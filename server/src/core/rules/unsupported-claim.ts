import { type ClaimHit, findClaimHits } from '../claims/detect';
import { rewordFix } from '../claims/reword';
import { citationFixes } from '../features/cite';
import { claimLexicon, entrySources, SIGNED_TESTIMONIAL } from '../knowledge/claims';
import type { Block } from '../article/model';
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
    const hits = findClaimHits(article, lexicon, config.citationScope, blockMemo).filter((h) => h.status === 'claim');
    const { dropped, signed } = signedQuotations(hits);
    for (const hit of hits) {
      if (dropped.has(hit)) continue;
      const { entry } = hit;
      const what = `"${hit.matched.replace(/\s+/g, ' ')}" is ${/^[aeiou]/i.test(entry.label) ? 'an' : 'a'} ${entry.label}`;
      const action = entry.citable ? 'Cite the evidence, or reword.' : signed.has(hit) ? 'A signed customer quotation is a testimonial in any words: remove it.' : 'Reword it: a citation does not make this wording acceptable.';
      const message = `${what}. ${entry.basis} (${entrySources(lexicon, entry).join('; ')}) ${action}`;
      const fixes: Fix[] = [];
      // The hit is measured in the prose: the text around it is read at the same offsets. (No
      // rewording for a signed quotation's outcome: the quotation stays a testimonial, and its
      // signature would be reported in its place.)
      const reword = signed.has(hit) ? undefined : rewordFix(article.drawnText, hit);
      if (reword) fixes.push({ ...reword, isPreferred: !entry.citable });
      if (entry.citable && hit.sentence && wantsFixes(wanted, hit.start, hit.end)) fixes.push(...citationFixes(article, hit.sentence).map((f) => ({ ...f, isPreferred: f.isPreferred && !reword })));
      report({ start: hit.start, end: hit.end, severity: entry.severity, message, fixes: fixes.length ? fixes : undefined });
    }
  },
};

/**
 * Quotations of several sentences signed with a name ("I was so nervous, but I didn't feel a
 * thing. I'd recommend Clarendon to anyone!" – Sophie): one testimonial, reported where an
 * earlier sentence of the quotation tells the outcome, not again at the signature. `dropped`:
 * the signatures left out; `signed`: the outcomes that stand for their quotation.
 */
function signedQuotations(hits: ClaimHit[]): { dropped: Set<ClaimHit>; signed: Set<ClaimHit> } {
  const dropped = new Set<ClaimHit>();
  const signed = new Set<ClaimHit>();
  let block: Block | undefined;
  let told: ClaimHit[] = [];
  for (const hit of hits) {
    if (hit.entry.category !== 'testimonial') continue;
    if (hit.block !== block) {
      block = hit.block;
      told = [];
    }
    if (hit.entry.id === SIGNED_TESTIMONIAL) {
      const opens = quotationStart(hit.block.prose, hit.start - hit.block.start) + hit.block.start;
      const outcome = told.find((t) => t.start >= opens && t.sentence !== hit.sentence);
      if (outcome) {
        dropped.add(hit);
        signed.add(outcome);
        continue;
      }
    }
    told.push(hit);
  }
  return { dropped, signed };
}

/**
 * Where the quotation that closes before `at` opens, in `prose` (-1, its start, when no mark opens it; never, when none closes): the last
 * closing mark before `at`, then the opening mark before that.
 */
function quotationStart(prose: string, at: number): number {
  const close = Math.max(prose.lastIndexOf('\u201d', at), prose.lastIndexOf('"', at));
  if (close <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(prose.lastIndexOf('\u201c', close - 1), prose.lastIndexOf('"', close - 1));
}

