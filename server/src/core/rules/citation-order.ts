import type { Rule } from './rule';

/** AMA 11th ed. §3.6 and ICMJE: references are numbered in the order they are first cited. */
export const citationOrder: Rule = {
  meta: {
    id: 'citation-order',
    description: 'References are not numbered in the order of their first citation.',
    defaultSeverity: 'warning',
    category: 'citations',
    fixable: 'suggestion',
  },
  check({ article, report }) {
    const entries = article.references?.entries;
    if (!entries?.length) return;
    const known = new Set(entries.map((e) => e.number));
    // The numbers the list has, in order: a list that skips one (1, 2, 4) expects 4 after 2.
    const order = [...known].filter((n): n is number => n !== undefined).sort((a, b) => a - b);
    let k = 0;
    const seen = new Set<number>();
    for (const m of article.markers) {
      if (m.style === 'footnote') continue;
      for (const n of m.numbers) {
        if (seen.has(n) || !known.has(n)) continue;
        seen.add(n);
        const expected = order[k];
        if (n !== expected) {
          report({
            start: m.start,
            end: m.end,
            message: `Reference ${n} is cited before reference ${expected}: number references in the order of first citation (run "Renumber references").`,
          });
          return;
        }
        while (k < order.length && seen.has(order[k])) k++;
      }
    }
  },
};
