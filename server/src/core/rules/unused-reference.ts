import { referencesOf } from '../article/resolve';
import type { Reference } from '../article/model';
import { unusedPandocFindings } from '../bibliography/citations';
import { READING_LIST_HEADING } from '../article/references';
import { entryDigits, htmlListNumbersWith } from '../article/format';
import { splitLines } from '../article/rawBlock';
import { lineOf } from '../suppression';
import type { Rule } from './rule';
import { L, rx } from '../text/letters';

/** "(1)", "(2,3)", "(4-6)" after a word or punctuation: numbers in parentheses, as some articles cite. */
const PARENTHESISED = rx.u`[${L}.,;:]\s?\(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)`;

/** A reference entry that no marker cites (AMA: every reference is cited at least once). */

export const unusedReference: Rule = {
  meta: {
    id: 'unused-reference',
    description: 'A reference list entry (or footnote definition) is never cited in the text.',
    defaultSeverity: 'warning',
    category: 'citations',
    fixable: 'suggestion',
  },
  check({ article, report }) {
    // "Further reading" lists works to read, not works cited.
    const readingList = !!article.references?.heading && READING_LIST_HEADING.test(article.references.heading.title);
    const entries = readingList ? [] : (article.references?.entries ?? []);
    // Every cited reference, in one pass over the markers (asking per entry is quadratic).
    const cited = new Set<Reference | undefined>();
    for (const m of article.markers) for (const r of referencesOf(article, m)) cited.add(r);
    // An entry numbered like an earlier one is never cited because citations of its number go
    // to the earlier entry: that, not "never cited", is what the author needs to hear.
    let lines: ReturnType<typeof splitLines> | undefined;
    const lineNumber = (offset: number): number => lineOf((lines ??= splitLines(article.text)), offset) + 1;
    const firstWithNumber = new Map<number, Reference>();
    for (const ref of entries) if (ref.number !== undefined && !firstWithNumber.has(ref.number)) firstWithNumber.set(ref.number, ref);
    const highest = Math.max(0, ...firstWithNumber.keys());
    // An article with numbers in parentheses that were not read as citations (article/parenthesised.ts
    // says when they are), and no other markers: say why nothing is cited.
    const hint = !article.markers.length && entries.length && article.blocks.some((b) => b.kind === 'paragraph' && PARENTHESISED.test(b.prose)) ? ' Numbers in parentheses here are not read as citations: one cites where it follows a word and comes before the full stop ("acts quickly (1)."), not where it numbers steps ("(1) wash, (2) dry") or starts a sentence (". (1) Wash").' : '';
    for (const ref of entries) {
      if (cited.has(ref)) continue;
      const first = ref.number !== undefined ? firstWithNumber.get(ref.number) : undefined;
      if (first && first !== ref) {
        const next = highest + 1;
        report({
          start: ref.start,
          end: ref.end,
          message: `Two reference entries are numbered ${ref.number} (lines ${lineNumber(first.start)} and ${lineNumber(ref.start)}): citations of ${ref.number} go to the first, so this entry is never cited. Give it its own number.`,
          // An HTML item's number is its place (or a `value`): there are no digits to rewrite.
          fixes: article.references?.numbering === 'html' ? [] : [{ title: `Number this entry ${next}`, edits: [{ ...ref.numberSpan, newText: entryDigits(article.references?.numbering, next) }] }],
        });
        continue;
      }
      // Removing an entry from the middle would shift every later number: renumber instead. In an
      // HTML list, the entry whose removal leaves the others' numbers (the last; the first of a
      // reversed list numbered from its count).
      const list = article.references!;
      const removable =
        list.numbering === 'html'
          ? (() => {
              const rest = entries.filter((e) => e !== ref);
              return htmlListNumbersWith(article.text, list, rest).join(',') === rest.map((e) => e.number).join(',');
            })()
          : ref === entries[entries.length - 1];
      report({
        start: ref.start,
        end: ref.end,
        message: `Reference ${ref.number} is never cited in the text.${hint}`,
        fixes: removable ? [{ title: `Remove reference ${ref.number}`, edits: [{ start: lineStartBefore(article.text, ref.start), end: ref.end, newText: '' }] }] : [],
      });
    }
    const firstWithLabel = new Map<string | undefined, Reference>();
    for (const def of article.footnotes) if (!firstWithLabel.has(def.label)) firstWithLabel.set(def.label, def);
    for (const def of article.footnotes) {
      if (cited.has(def)) continue;
      const first = firstWithLabel.get(def.label);
      if (first && first !== def) {
        report({
          start: def.start,
          end: def.end,
          message: `Footnote [^${def.label}] is defined twice (lines ${lineNumber(first.start)} and ${lineNumber(def.start)}): the text's [^${def.label}] goes to the first, so this one is never shown. Give it its own label.`,
        });
        continue;
      }
      report({
        start: def.start,
        end: def.end,
        message: `Footnote [^${def.label}] is never referenced in the text.`,
        fixes: [{ title: `Remove footnote [^${def.label}]`, edits: [{ start: lineStartBefore(article.text, def.start), end: def.end, newText: '' }] }],
      });
    }
    // Bibliography entries: only with `nocite: '@*'` (bibliography/citations.ts explains why).
    for (const f of unusedPandocFindings(article)) report(f);
  },
};

/** The end of the previous line, so that removing an entry also removes its line break. */
function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (text[i - 1] === '\n') i--;
  if (text[i - 1] === '\r') i--;
  return i;
}
