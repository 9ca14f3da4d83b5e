import type { Reference } from '../article/model';
import type { Rule } from './rule';

/** Two entries for one work: the same DOI or PMID, or near-identical titles. */
export const duplicateReference: Rule = {
  meta: {
    id: 'duplicate-reference',
    description: 'Two reference entries describe the same work (same DOI or PMID, or near-identical title).',
    defaultSeverity: 'warning',
    category: 'citations',
    fixable: 'none',
  },
  check({ article, report }) {
    const entries = [...(article.references?.entries ?? []), ...article.footnotes];
    // Title words once per entry (the pairwise comparison below is quadratic in entries).
    const titles = entries.map((e) => words(e.fields.title ?? e.text));
    for (let i = 1; i < entries.length; i++) {
      for (let j = 0; j < i; j++) {
        const why = sameWork(entries[j], entries[i], titles[j], titles[i]);
        if (!why) continue;
        report({
          start: entries[i].start,
          end: entries[i].end,
          message: `${name(entries[i])} duplicates ${name(entries[j])} (${why}): cite one entry for both.`,
          related: [{ start: entries[j].start, end: entries[j].end, message: `First entry for this work` }],
        });
        break;
      }
    }
  },
};

function name(r: Reference): string {
  return r.label !== undefined ? `Footnote [^${r.label}]` : `Reference ${r.number}`;
}

function sameWork(a: Reference, b: Reference, ta: Set<string>, tb: Set<string>): string | undefined {
  if (a.fields.doi && b.fields.doi && a.fields.doi.toLowerCase() === b.fields.doi.toLowerCase()) return 'same DOI';
  if (a.fields.pmid && b.fields.pmid && a.fields.pmid === b.fields.pmid) return 'same PMID';
  if (ta.size < 4 || tb.size < 4) return undefined;
  let common = 0;
  for (const w of ta) if (tb.has(w)) common++;
  const similarity = common / (ta.size + tb.size - common);
  return similarity >= 0.85 ? 'near-identical title' : undefined;
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 2));
}
