import type { Article, Reference } from '../article/model';
import { citationsOf, markerAt, referenceAt, referencesOf } from '../article/resolve';
import { type PandocTarget, bibliographyLinks, pandocDefinition, pandocReferences } from '../bibliography/citations';
import type { Span } from '../types';

/**
 * A definition target: a span of this document, or (Pandoc citations) an entry in a
 * bibliography file, when `uri` is set: then `range` is its line/character range in that file
 * and `start`/`end` are offsets there.
 */
export type DefinitionTarget = PandocTarget;

/** Definition: from a marker to the entries it cites. */
export function definition(article: Article, offset: number): DefinitionTarget[] {
  const marker = markerAt(article, offset);
  if (!marker) return [];
  if (marker.style === 'pandoc') return pandocDefinition(article, marker, offset);
  return referencesOf(article, marker)
    .filter((r): r is Reference => !!r)
    .map((r) => ({ start: r.start, end: r.end }));
}

/**
 * References: from a marker or an entry, every marker citing the same entry (and the entry
 * itself when asked to include the declaration).
 */
export function findReferences(article: Article, offset: number, includeDeclaration: boolean): Span[] {
  let targets: Reference[] = [];
  const marker = markerAt(article, offset);
  if (marker?.style === 'pandoc') return pandocReferences(article, marker, offset, includeDeclaration);
  if (marker) targets = referencesOf(article, marker).filter((r): r is Reference => !!r);
  else {
    const ref = referenceAt(article, offset);
    if (ref) targets = [ref];
  }
  const out: Span[] = [];
  for (const t of targets) {
    if (includeDeclaration) out.push({ start: t.start, end: t.end });
    for (const m of citationsOf(article, t)) out.push({ start: m.start, end: m.end });
  }
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(`${s.start}:${s.end}`) && !!seen.add(`${s.start}:${s.end}`)).sort((a, b) => a.start - b.start);
}

export interface DocumentLinkResult extends Span {
  target: string;
  tooltip: string;
}

// Links run to the next space; `trimLink` then takes off what ends the sentence around them.
const DOI = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s"]+)/gi;
const PMID = /\bPMID:?\s*(\d{1,9})\b/g;
const PMCID = /\bPMC\d{4,9}\b/g;
const URL = /\bhttps?:\/\/[^\s<>"'`]+/g;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '>': '<' };

/**
 * A link without the punctuation after it: a full stop or comma, and a closing bracket only when
 * the link does not open it (`.../Ketamine_(drug)` keeps its `)`, `(see https://x.org)` does not;
 * a SICI DOI keeps its `<...>`).
 */
export function trimLink(link: string): string {
  let out = link;
  for (;;) {
    const last = out[out.length - 1];
    if (last === undefined) return out;
    if ('.,;:!?\'"*_'.includes(last)) {
      out = out.slice(0, -1);
      continue;
    }
    const open = CLOSERS[last];
    if (open === undefined) return out;
    let depth = 0;
    for (const c of out) depth += c === open ? 1 : c === last ? -1 : 0;
    if (depth >= 0) return out;
    out = out.slice(0, -1);
  }
}

/** Links: DOIs, PMIDs, PMCIDs and URLs in the reference list and footnotes. */
export function documentLinks(article: Article): DocumentLinkResult[] {
  const out: DocumentLinkResult[] = [];
  const refs = [...(article.references?.entries ?? []), ...article.footnotes];
  for (const r of refs) {
    const s = article.text.slice(r.start, r.end);
    const taken: Span[] = [];
    const add = (start: number, end: number, target: string, tooltip: string): void => {
      if (taken.some((t) => start < t.end && t.start < end)) return;
      taken.push({ start, end });
      out.push({ start: r.start + start, end: r.start + end, target, tooltip });
    };
    for (const m of s.matchAll(DOI)) {
      const doi = trimLink(m[1]);
      add(m.index!, m.index! + m[0].length - (m[1].length - doi.length), `https://doi.org/${encodeURI(doi)}`, `Open DOI ${doi}`);
    }
    for (const m of s.matchAll(PMID)) add(m.index!, m.index! + m[0].length, `https://pubmed.ncbi.nlm.nih.gov/${m[1]}/`, `Open PubMed ${m[1]}`);
    for (const m of s.matchAll(PMCID)) add(m.index!, m.index! + m[0].length, `https://www.ncbi.nlm.nih.gov/pmc/articles/${m[0]}/`, `Open PubMed Central ${m[0]}`);
    for (const m of s.matchAll(URL)) {
      const url = trimLink(m[0]);
      add(m.index!, m.index! + url.length, url, 'Open link');
    }
  }
  // Pandoc: the bibliography files named in the front matter.
  out.push(...bibliographyLinks(article));
  return out.sort((a, b) => a.start - b.start);
}

export interface SymbolResult extends Span {
  name: string;
  kind: 'heading' | 'reference';
  level: number;
  selection: Span;
  children: SymbolResult[];
}

/** Outline: headings (nested by level) and, under the reference heading, the entries. */
export function documentSymbols(article: Article): SymbolResult[] {
  const text = article.text;
  const roots: SymbolResult[] = [];
  const stack: SymbolResult[] = [];
  const listHeading = article.references?.heading;
  for (const b of article.blocks) {
    if (b.kind !== 'heading') continue;
    const name = b.prose.replace(/\s+/g, ' ').trim() || '(untitled)';
    // The symbol's range starts at its line, with the `##` of an ATX heading; the name is selected.
    const sym: SymbolResult = { name, kind: 'heading', level: b.level || 1, start: headingLineStart(text, b.start), end: b.end, selection: { start: b.start, end: b.end }, children: [] };
    while (stack.length && stack[stack.length - 1].level >= sym.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(sym);
    stack.push(sym);
    if (listHeading && b.start === listHeading.start) {
      for (const r of article.references!.entries) {
        const label = `${r.number}. ${r.fields.authors[0] ? `${r.fields.authors[0]}${r.fields.etAl || r.fields.authors.length > 1 ? ' et al.' : ''}: ` : ''}${r.fields.title ?? r.text}`;
        sym.children.push({ name: label.length > 100 ? `${label.slice(0, 99)}…` : label, kind: 'reference', level: 99, start: r.start, end: r.end, selection: r.numberSpan, children: [] });
      }
    }
  }
  // Each heading runs to the last text before the next heading at its level or above (never
  // into the line break: a range ending between \r and \n is no position an editor can show).
  const close = (list: SymbolResult[], end: number): void => {
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (s.kind !== 'heading') continue;
      s.end = Math.max(s.end, trimEnd(text, i + 1 < list.length ? list[i + 1].start : end));
      close(s.children, s.end);
    }
  };
  close(roots, text.length);
  // Footnote definitions sit under the heading they are written under, in document order.
  for (const r of article.footnotes) {
    const sym: SymbolResult = { name: `[^${r.label}] ${r.fields.title ?? r.text}`.slice(0, 100), kind: 'reference', level: 99, start: r.start, end: r.end, selection: r.numberSpan, children: [] };
    let siblings = roots;
    for (;;) {
      const parent = siblings.find((x) => x.kind === 'heading' && x.start <= r.start && r.end <= x.end);
      if (!parent) break;
      siblings = parent.children;
    }
    let at = siblings.length;
    while (at > 0 && siblings[at - 1].start > r.start) at--;
    siblings.splice(at, 0, sym);
  }
  return roots;
}

/** The start of a heading's line when only an ATX marker (`## `) stands before its text. */
function headingLineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '#')) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' ? i : at;
}

/** `end` moved back over white space (line breaks included). */
function trimEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}
