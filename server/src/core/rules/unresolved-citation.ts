import { detectEol } from '../text/lineIndex';
import { compressNumbers, formatMarker, nextEntry, REFERENCE_STUB } from '../article/format';
import type { Article, Marker } from '../article/model';
import { referencesOf } from '../article/resolve';
import { unresolvedPandocFindings } from '../bibliography/citations';
import { stubFor } from '../features/cite';
import type { Fix } from '../types';
import type { Rule } from './rule';

/** A citation marker that points at no reference entry. */
export const unresolvedCitation: Rule = {
  meta: {
    id: 'unresolved-citation',
    description: 'A citation marker cites a number or footnote that the reference list does not have.',
    defaultSeverity: 'error',
    category: 'citations',
    fixable: 'suggestion',
  },
  check({ article, report }) {
    const count = article.references?.entries.length ?? 0;
    // A list numbered 1, 2, 4: "cites reference 3, but the list has 3 entries" would puzzle.
    const listNumbers = (article.references?.entries ?? []).map((e) => e.number ?? e.ordinal);
    const maxNumber = listNumbers.length ? Math.max(...listNumbers) : 0;
    const numberedAs = compressNumbers(listNumbers).replace(/,/g, ', ');
    // Pandoc citations: unknown keys, unreadable bibliographies (bibliography/citations.ts).
    for (const f of unresolvedPandocFindings(article)) report(f);
    for (const marker of article.markers) {
      if (marker.style === 'pandoc') continue;
      const refs = referencesOf(article, marker);
      const missing = marker.style === 'footnote' && refs.every((r) => !r) ? [marker.label ?? ''] : marker.numbers.filter((_, i) => !refs[i]).map(String);
      if (missing.length === 0) continue;
      const what = marker.style === 'footnote' ? `footnote [^${marker.label}]` : missing.length === 1 ? `reference ${missing[0]}` : `references ${missing.join(', ')}`;
      const where =
        marker.style === 'footnote'
          ? 'there is no matching footnote definition'
          : count === 0
            ? 'the article has no numbered reference list'
            : missing.every((n) => Number(n) <= maxNumber)
              ? `the reference list skips ${missing.length === 1 ? 'that number' : 'those numbers'} (its entries are numbered ${numberedAs})`
              : `the reference list has ${count} ${count === 1 ? 'entry' : 'entries'}`;
      report({ start: marker.start, end: marker.end, message: `Citation ${marker.raw} cites ${what}, but ${where}.`, fixes: fixes(article, marker, missing) });
    }
  },
};

function fixes(article: Article, marker: Marker, missing: string[]): Fix[] {
  const eol = detectEol(article.text);
  if (marker.style === 'footnote' && marker.label) {
    const end = article.text.length;
    const sep = /[\r\n]$/.test(article.text) ? eol : eol + eol;
    const stub = `[^${marker.label}]: `;
    return [{ title: `Add a footnote definition [^${marker.label}]`, edits: [{ start: end, end, newText: `${sep}${stub}${REFERENCE_STUB}${eol}` }], cursor: end + sep.length + stub.length }];
  }
  const list = article.references;
  const out: Fix[] = [];
  const n = Number(missing[0]);
  const entry = list && missing.length === 1 && n === list.entries.length + 1 ? nextEntry(article.text, list, n, eol) : undefined;
  // Anchored as the entries are when the marker links to that anchor (or is plain and it is free).
  const next = entry && stubFor(article, marker, entry, n);
  if (next) {
    // With a stub entry, the marker resolves at once, in Markdown too (where a bare `5. ` under
    // the last entry is read as part of its text); the cursor is on the stub.
    out.push({ title: `Add reference ${missing[0]} to the reference list`, edits: [{ start: next.at, end: next.at, newText: `${next.prefix}${REFERENCE_STUB}${next.suffix}` }], cursor: next.at + next.prefix.length });
  }
  // A typo'd marker next to a valid reading: offer the marker without the missing numbers.
  const kept = marker.numbers.filter((n) => !missing.includes(String(n)));
  if (kept.length && marker.style !== 'footnote') {
    out.push({ title: `Cite only ${kept.join(', ')}`, edits: [{ start: marker.start, end: marker.end, newText: formatMarker(marker.style, kept) }] });
  }
  return out;
}
