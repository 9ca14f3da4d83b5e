import { claimReading } from '../claims/claimModel';
import { findClaimHits, signedQuotations } from '../claims/detect';
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
    const all = findClaimHits(article, lexicon, config.citationScope, blockMemo);
    const hits = all.filter((h) => h.status === 'claim');
    const { dropped, signed } = signedQuotations(hits);
    // The claim classifier's second reading (claims/claimModel.ts): lexicon findings it sets
    // aside, and sentences it reads as claims that no entry names.
    const reading = claimReading(article, all, config.citationScope, blockMemo);
    for (const hit of hits) {
      if (dropped.has(hit) || (hit.sentence && reading.vetoed.has(hit.sentence))) continue;
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
    for (const [sentence, p] of reading.added) {
      const lead = sentence.text.length - sentence.text.trimStart().length;
      const start = sentence.start + lead;
      const end = sentence.start + sentence.text.trimEnd().length;
      report({ start, end, severity: 'info', message: `${LEARNT_MESSAGE} (claim classifier, probability ${p.toFixed(2)}: information only.)` });
    }
  },
};

/**
 * The message of a sentence the claim classifier reads as a claim that no lexicon entry names:
 * in the labelled articles these are customers' outcome stories, promises of results and
 * superiority about the seller's own service, in words of their own.
 */
export const LEARNT_MESSAGE =
  'This sentence reads as a promotional health claim (an outcome testimonial, a promise of results, or superiority about the seller\'s own service) that no lexicon entry names. Testimonials are not substantiation, and objective claims need evidence that holds them up (FTC Guides Concerning the Use of Endorsements and Testimonials in Advertising, 16 CFR Part 255 (United States); CAP Code, rule 12.1 (United Kingdom); Therapeutic Goods (Advertising Code) Instrument 2021 (Australia)). Remove it, or state what the evidence shows with a citation.';
