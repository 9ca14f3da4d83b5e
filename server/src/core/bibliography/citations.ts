import type { CompletionResult } from '../features/completion';
import type { Article, Marker } from '../article/model';
import { type BibEntry, type Bibliography, type LineRange, type PandocCitation, frontMatterOf } from '../article/pandoc';
import { shortCitation } from '../article/format';
import type { Fix, RuleFinding, Span } from '../types';

/**
 * Pandoc citations resolved against the article's bibliographies: resolution, hover,
 * definition, references, completion, and the findings of `unresolved-citation` and
 * `unused-reference` for them. Pure: bibliographies arrive already parsed on the article.
 */

export type Resolution =
  | { kind: 'entry'; entry: BibEntry; bibliography: Bibliography }
  /** An inline CSL item of the front matter (`references:` with `- id: key`). */
  | { kind: 'inline'; span: Span };

interface KeyIndex {
  byKey: Map<string, Resolution>;
  /** Every usable key, in bibliography order. */
  all: { key: string; resolution: Resolution }[];
}

const indexCache = new WeakMap<Article, KeyIndex>();

function keyIndex(article: Article): KeyIndex {
  let idx = indexCache.get(article);
  if (idx) return idx;
  idx = { byKey: new Map(), all: [] };
  const add = (key: string, r: Resolution): void => {
    if (idx!.byKey.has(key)) return;
    idx!.byKey.set(key, r);
    idx!.all.push({ key, resolution: r });
  };
  for (const r of frontMatterOf(article).references) add(r.key, { kind: 'inline', span: r.span });
  for (const bib of article.bibliographies ?? []) for (const entry of bib.entries) add(entry.key, { kind: 'entry', entry, bibliography: bib });
  indexCache.set(article, idx);
  return idx;
}

/** What a key resolves to, or undefined. */
export function resolveKey(article: Article, key: string): Resolution | undefined {
  return keyIndex(article).byKey.get(key);
}

/** Every Pandoc citation of the article with its marker. */
export function pandocCitations(article: Article): { marker: Marker; citation: PandocCitation }[] {
  const out: { marker: Marker; citation: PandocCitation }[] = [];
  for (const m of article.markers) if (m.style === 'pandoc') for (const c of m.citations ?? []) out.push({ marker: m, citation: c });
  return out;
}

/** The citation of a marker under an offset (its key, `@` included), or undefined. */
function citationAt(marker: Marker, offset: number): PandocCitation | undefined {
  return marker.citations?.find((c) => c.keySpan.start - 1 <= offset && offset <= c.keySpan.end);
}

/** Why a key does not resolve, in words (`not in refs.bib`). */
function whyUnresolved(article: Article): string {
  const bibs = article.bibliographies ?? [];
  const usable = bibs.filter((b) => !b.error);
  if (!bibs.length && !frontMatterOf(article).hasReferences) return 'the front matter names no bibliography (`bibliography: refs.bib`)';
  if (!usable.length && !frontMatterOf(article).hasReferences) return `the bibliography could not be read (${bibs.map((b) => b.name).join(', ')})`;
  const names = [...usable.map((b) => b.name), ...(frontMatterOf(article).hasReferences ? ['the front matter references'] : [])];
  return `it is not in ${names.join(' or ')}`;
}

// ---------------------------------------------------------------------------------------------
// Hover

const esc = (s: string): string => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
/** A title ends with one full stop, unless it ends with `?` or `!`. */
const endSentence = (s: string): string => (/[?!]$/.test(s.trim()) ? s.trim() : `${s.replace(/[.\s]+$/, '')}.`);

/** An entry for a hover or completion: authors, title, container, year, identifiers as links. */
export function entryMarkdown(entry: BibEntry, bibliography?: Bibliography): string {
  const f = entry.fields;
  const lines: string[] = [];
  const authors = f.authors.length ? `${f.authors.slice(0, f.authors.length > 6 ? 3 : 6).map(esc).join(', ')}${f.etAl || f.authors.length > 6 ? ', et al' : ''}. ` : '';
  const title = f.title ? `**${esc(endSentence(f.title))}**` : '';
  const detail = [f.year, f.volume ? `;${f.volume}${f.issue ? `(${f.issue})` : ''}` : '', f.pages ? `:${f.pages}` : ''].join('');
  const source = [f.journal ? `_${esc(f.journal)}_.` : '', detail ? `${esc(detail)}.` : ''].filter(Boolean).join(' ');
  lines.push([`${authors}${title}`, source].filter(Boolean).join(' ') || esc(entry.text || entry.key));
  const links: string[] = [];
  if (f.doi) links.push(`[doi:${esc(f.doi)}](https://doi.org/${encodeURI(f.doi)})`);
  if (f.pmid) links.push(`[PMID ${esc(f.pmid)}](https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(f.pmid)}/)`);
  if (f.pmcid) links.push(`[${esc(f.pmcid)}](https://www.ncbi.nlm.nih.gov/pmc/articles/${encodeURIComponent(f.pmcid)}/)`);
  if (f.url && !f.doi) links.push(`[${esc(f.url)}](${encodeURI(f.url)})`);
  if (links.length) lines.push(links.join(' · '));
  if (bibliography) lines.push(`_${esc(entry.type)} in ${esc(bibliography.name)}, line ${entry.range.start.line + 1}_`);
  return lines.join('\n\n');
}

function citationMarkdown(article: Article, c: PandocCitation): string {
  const head = [`**@${esc(c.key)}**`];
  if (c.locator) head.push(esc(c.locator.raw));
  if (c.mode === 'suppress-author') head.push('_author suppressed_');
  if (c.mode === 'author-in-text') head.push('_author in text_');
  const r = resolveKey(article, c.key);
  if (!r) {
    if (!article.bibliographies) return `${head.join(' · ')}\n\n_The bibliography was not loaded._`;
    return `${head.join(' · ')}\n\n_No entry: ${whyUnresolved(article)}._`;
  }
  if (r.kind === 'inline') return `${head.join(' · ')}\n\n_Defined in the front matter (\`references:\`)._`;
  return `${head.join(' · ')}\n\n${entryMarkdown(r.entry, r.bibliography)}`;
}

/** Hover on a Pandoc citation: every cited entry, in the order written. */
export function pandocHover(article: Article, marker: Marker): { span: Span; markdown: string } {
  const parts = (marker.citations ?? []).map((c) => citationMarkdown(article, c));
  return { span: { start: marker.start, end: marker.end }, markdown: parts.join('\n\n---\n\n') };
}

// ---------------------------------------------------------------------------------------------
// Navigation

/** A definition target: in another file when `uri` is set (then `range` is there). */
export interface PandocTarget extends Span {
  uri?: string;
  range?: LineRange;
}

/** Definition: the key under the cursor (or every key of the marker) in its bibliography file. */
export function pandocDefinition(article: Article, marker: Marker, offset: number): PandocTarget[] {
  const one = citationAt(marker, offset);
  const cites = one ? [one] : (marker.citations ?? []);
  const out: PandocTarget[] = [];
  for (const c of cites) {
    const r = resolveKey(article, c.key);
    if (!r) continue;
    if (r.kind === 'inline') out.push({ start: r.span.start, end: r.span.end });
    else if (r.bibliography.uri) out.push({ start: r.entry.span.start, end: r.entry.span.end, uri: r.bibliography.uri, range: r.entry.range });
  }
  return out;
}

/** References: every citation of the same key(s) in the article (the `@key` spans). */
export function pandocReferences(article: Article, marker: Marker, offset: number, includeDeclaration: boolean): Span[] {
  const one = citationAt(marker, offset);
  const keys = new Set((one ? [one] : (marker.citations ?? [])).map((c) => c.key));
  const out: Span[] = [];
  for (const { citation } of pandocCitations(article)) if (keys.has(citation.key)) out.push({ start: citation.keySpan.start - 1, end: citation.keySpan.end });
  if (includeDeclaration) {
    for (const key of keys) {
      const r = resolveKey(article, key);
      if (r?.kind === 'inline') out.push(r.span);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Completion

/** A completion item: the same shape as every other marker completion. */
export type PandocCompletion = CompletionResult;

/**
 * Completion of keys after `@` inside brackets (`[@`, `[see @`, `[@a; @`), and after an `@`
 * that starts a word when the front matter names a bibliography. Undefined when the cursor is
 * not after such an `@` (other completions then apply).
 */
export function pandocCompletion(article: Article, offset: number): PandocCompletion[] | undefined {
  if (article.kind !== 'markdown') return undefined;
  const lineStart = article.text.lastIndexOf('\n', offset - 1) + 1;
  const before = article.text.slice(lineStart, offset);
  const m = /(^|[\s[;(-])@(\{?)([^\s;,\]@{}[]*)$/.exec(before);
  if (!m) return undefined;
  const open = before.lastIndexOf('[');
  const inBracket = open >= 0 && open > before.lastIndexOf(']');
  const fm = frontMatterOf(article);
  if (!inBracket && !fm.bibliographies.length && !fm.hasReferences) return undefined;
  const partial = m[3];
  const start = offset - partial.length;
  // The rest of a key the cursor stands in is replaced too (`[@sa|nacora]`).
  const rest = /^[^\s;,\]@{}[]*/.exec(article.text.slice(offset, offset + 200))![0];
  const end = offset + rest.length;
  const braced = m[2] === '{';
  const closing = braced && article.text[end] !== '}' ? '}' : '';
  const sorted = [...keyIndex(article).all].sort((a, b) => a.key.localeCompare(b.key));
  return sorted.map(({ key, resolution }) => {
    if (resolution.kind === 'inline') return { label: key, detail: 'front matter reference', insertText: `${key}${closing}`, filterText: key, replace: { start, end } };
    const { entry, bibliography } = resolution;
    return {
      label: key,
      detail: shortCitation(entry.fields, entry.text, 100) + (entry.fields.year ? ` (${entry.fields.year})` : ''),
      documentation: entryMarkdown(entry, bibliography),
      insertText: `${key}${closing}`,
      filterText: key,
      replace: { start, end },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Rules

/** `unresolved-citation` for Pandoc citations, bibliography files that cannot be read, bad entries. */
export function unresolvedPandocFindings(article: Article): RuleFinding[] {
  const bibs = article.bibliographies;
  if (!bibs) return [];
  const fm = frontMatterOf(article);
  const out: RuleFinding[] = [];
  for (const b of bibs) {
    const at = fm.bibliographies.find((x) => x.name === b.name)?.span ?? fm.bibliographyLine ?? { start: 0, end: 0 };
    if (b.error) {
      out.push({ ...at, message: `Bibliography ${b.name} cannot be used: ${b.error}. Its citations cannot be checked.` });
      continue;
    }
    if (b.problems.length) {
      const shown = b.problems.slice(0, 3).map((p) => `line ${p.range.start.line + 1}: ${p.message}`);
      const more = b.problems.length > 3 ? ` (and ${b.problems.length - 3} more)` : '';
      out.push({ ...at, severity: 'warning', message: `Bibliography ${b.name} has entries that cannot be read, so their keys do not resolve: ${shown.join('; ')}${more}.` });
    }
  }
  // When no bibliography could be read, every key would be reported: the one finding above says it.
  if (bibs.length && bibs.every((b) => b.error) && !fm.hasReferences) return out;
  const why = whyUnresolved(article);
  for (const { marker, citation } of pandocCitations(article)) {
    if (resolveKey(article, citation.key)) continue;
    const span = { start: citation.keySpan.start - 1, end: citation.keySpan.end };
    out.push({ ...span, message: `Citation ${oneLine(marker.raw)} cites @${citation.key}, but ${why}.`, fixes: suggestions(article, citation) });
  }
  if (fm.nocite) {
    for (const k of fm.nocite.keys) {
      if (resolveKey(article, k.key)) continue;
      out.push({ start: k.span.start - 1, end: k.span.end, message: `nocite lists @${k.key}, but ${why}.` });
    }
  }
  return out;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

function suggestions(article: Article, c: PandocCitation): Fix[] {
  const limit = Math.max(2, Math.floor(c.key.length / 4));
  return keyIndex(article)
    .all.map(({ key }) => ({ key, d: distance(c.key.toLowerCase(), key.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.key.localeCompare(b.key))
    .slice(0, 3)
    .map(({ key }, i) => ({ title: `Cite @${key} instead`, edits: [{ ...c.keySpan, newText: key }], isPreferred: i === 0 }));
}

/** Levenshtein distance, with an early exit for very different lengths. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * `unused-reference` for bibliography entries. Pandoc prints only the entries an article cites,
 * so an uncited entry in a `.bib` file is normal (a Zotero export holds a whole library). An
 * uncited entry matters only when it is printed anyway: with `nocite: '@*'`, every entry goes
 * into the reference list, and each one the text never cites is reported (on the `nocite` line;
 * keys listed by name under `nocite` are deliberate and not reported).
 */
export function unusedPandocFindings(article: Article): RuleFinding[] {
  const fm = frontMatterOf(article);
  if (!fm.nocite?.all || !article.bibliographies) return [];
  const cited = new Set(pandocCitations(article).map((c) => c.citation.key));
  for (const k of fm.nocite.keys) cited.add(k.key);
  const out: RuleFinding[] = [];
  for (const { key, resolution } of keyIndex(article).all) {
    if (cited.has(key)) continue;
    const where = resolution.kind === 'entry' ? `${resolution.bibliography.name}, line ${resolution.entry.range.start.line + 1}` : 'front matter references';
    out.push({ ...fm.nocite.span, message: `Bibliography entry @${key} (${where}) is never cited in the text, but \`nocite: '@*'\` puts it in the reference list.` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The bibliography names in the front matter

/** The bibliography whose name (in the front matter) is under an offset, with the name's span. */
export function bibliographyAt(article: Article, offset: number): { span: Span; bibliography?: Bibliography } | undefined {
  const fm = frontMatterOf(article);
  const i = fm.bibliographies.findIndex((b) => b.span.start <= offset && offset <= b.span.end);
  if (i < 0) return undefined;
  return { span: fm.bibliographies[i].span, bibliography: article.bibliographies?.[i] };
}

/** Hover on a bibliography name: its format, size, path and problems. */
export function bibliographyHover(article: Article, offset: number): { span: Span; markdown: string } | undefined {
  const at = bibliographyAt(article, offset);
  if (!at) return undefined;
  const b = at.bibliography;
  if (!b) return { span: at.span, markdown: 'Bibliography (not loaded).' };
  if (b.error) return { span: at.span, markdown: `**${esc(b.name)}** cannot be used: ${esc(b.error)}.` };
  const cited = new Set(pandocCitations(article).map((c) => c.citation.key));
  const used = b.entries.filter((e) => cited.has(e.key)).length;
  const lines = [
    `**${esc(b.name)}** — ${b.format === 'csl-json' ? 'CSL-JSON' : 'BibTeX'}, ${b.entries.length} ${b.entries.length === 1 ? 'entry' : 'entries'}, ${used} cited in this article`,
  ];
  if (b.path) lines.push(`\`${b.path.replace(/`/g, '')}\``);
  if (b.problems.length) lines.push(b.problems.slice(0, 5).map((p) => `- line ${p.range.start.line + 1}: ${esc(p.message)}`).join('\n'));
  return { span: at.span, markdown: lines.join('\n\n') };
}

/** Links from the bibliography names of the front matter to their files. */
export function bibliographyLinks(article: Article): (Span & { target: string; tooltip: string })[] {
  const fm = frontMatterOf(article);
  const out: (Span & { target: string; tooltip: string })[] = [];
  fm.bibliographies.forEach((n, i) => {
    const b = article.bibliographies?.[i];
    if (b?.uri && !b.error) out.push({ ...n.span, target: b.uri, tooltip: `Open ${b.name}` });
  });
  return out;
}
