import type { Article, Marker, Reference } from './model';

/**
 * Resolution of markers to references. Numbered markers (superscript, `<sup>`, brackets)
 * resolve against the numbered reference list; footnote markers resolve by label against
 * footnote definitions, and numeric labels fall back to the numbered list.
 */
export function referencesOf(article: Article, marker: Marker): (Reference | undefined)[] {
  if (marker.style === 'footnote') {
    const def = marker.label === undefined ? undefined : footnotesByLabel(article).get(marker.label);
    if (def) return [def];
    return marker.numbers.length ? marker.numbers.map((n) => entryByNumber(article, n)) : [undefined];
  }
  return marker.numbers.map((n) => entryByNumber(article, n));
}

const labelIndex = new WeakMap<Article, Map<string, Reference>>();

/** The article's footnote definitions by label (the first of a label), built once per article. */
function footnotesByLabel(article: Article): Map<string, Reference> {
  let m = labelIndex.get(article);
  if (!m) {
    m = new Map();
    for (const f of article.footnotes) if (f.label !== undefined && !m.has(f.label)) m.set(f.label, f);
    labelIndex.set(article, m);
  }
  return m;
}

export function entryByNumber(article: Article, n: number): Reference | undefined {
  const entries = article.references?.entries;
  if (!entries) return undefined;
  const guess = entries[n - 1];
  if (guess && guess.number === n) return guess;
  return entries.find((e) => e.number === n);
}

/** Every marker that cites a reference. */
export function citationsOf(article: Article, ref: Reference): Marker[] {
  return article.markers.filter((m) => referencesOf(article, m).includes(ref));
}

/** The marker whose span contains an offset (end inclusive, for a cursor just after it). */
export function markerAt(article: Article, offset: number): Marker | undefined {
  let lo = 0;
  let hi = article.markers.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = article.markers[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}

/** The reference entry (numbered or footnote) whose span contains an offset. */
export function referenceAt(article: Article, offset: number): Reference | undefined {
  const all = [...(article.references?.entries ?? []), ...article.footnotes];
  return all.find((r) => r.start <= offset && offset <= r.end);
}

/**
 * The reference style the document uses most, for inserted markers. Pandoc citations cite keys,
 * not the numbered list, so they never decide how a numbered marker is written.
 */
export function dominantStyle(article: Article): Marker['style'] | undefined {
  const counts = new Map<Marker['style'], number>();
  for (const m of article.markers) if (m.style !== 'pandoc') counts.set(m.style, (counts.get(m.style) ?? 0) + 1);
  let best: Marker['style'] | undefined;
  for (const [style, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = style;
  return best;
}
