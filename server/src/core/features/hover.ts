import type { Article, Reference } from '../article/model';
import { citationsOf, markerAt, referenceAt, referencesOf } from '../article/resolve';
import { bibliographyHover, pandocHover } from '../bibliography/citations';
import type { LintConfig } from '../config';
import type { Span } from '../types';
import { drugHover } from './drugHover';

export interface HoverResult {
  span: Span;
  /** Markdown. */
  markdown: string;
}

/** Further hovers (drug approval status, ...), tried after the citation hovers. */
export type HoverProvider = (article: Article, offset: number, config: LintConfig) => HoverResult | undefined;
const providers: readonly HoverProvider[] = [drugHover];

/**
 * Hover: on a citation marker, the full reference of every number it covers; on a reference
 * entry, where it is cited.
 */
export function hover(article: Article, offset: number, config: LintConfig): HoverResult | undefined {
  const marker = markerAt(article, offset);
  if (marker?.style === 'pandoc') return pandocHover(article, marker);
  if (marker) {
    const refs = referencesOf(article, marker);
    const parts = refs.map((r, i) => {
      const label = marker.style === 'footnote' ? `[^${marker.label}]` : String(marker.numbers[i]);
      return r ? formatReference(r, label) : `**${label}.** _No reference entry with this ${marker.style === 'footnote' ? 'label' : 'number'}._`;
    });
    return { span: marker, markdown: parts.join('\n\n---\n\n') };
  }
  const ref = referenceAt(article, offset);
  if (ref) {
    const cites = citationsOf(article, ref);
    const name = ref.label !== undefined ? `Footnote [^${ref.label}]` : `Reference ${ref.number}`;
    if (!cites.length) return { span: ref.numberSpan, markdown: `${name} is not cited in the text.` };
    const lines = cites.map((m) => `- ${m.raw} in “${contextOf(article, m)}”`);
    return { span: ref.numberSpan, markdown: `${name} is cited ${cites.length} time${cites.length === 1 ? '' : 's'}:\n\n${lines.join('\n')}` };
  }
  const bib = bibliographyHover(article, offset);
  if (bib) return bib;
  for (const p of providers) {
    const r = p(article, offset, config);
    if (r) return r;
  }
  return undefined;
}

function contextOf(article: Article, m: Span): string {
  const sentence = article.sentences.find((s) => s.start <= m.start && m.start <= s.end + 4);
  const text = sentence ? article.drawnText.slice(sentence.start, sentence.end) : article.text.slice(Math.max(0, m.start - 60), m.start);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 90 ? `…${oneLine.slice(-89)}` : oneLine;
}

const escape = (s: string): string => s.replace(/([\\`*_[\]<>])/g, '\\$1');

/** A reference for a hover: authors, title, journal and year, identifiers as links. */
export function formatReference(r: Reference, label: string): string {
  const f = r.fields;
  const lines: string[] = [];
  if (f.title) {
    const authors = f.authors.length ? `${f.authors.join(', ')}${f.etAl ? ', et al' : ''}. ` : '';
    const source = [f.journal, [f.year, f.volume ? `;${f.volume}${f.issue ? `(${f.issue})` : ''}` : '', f.pages ? `:${f.pages}` : ''].join('')].filter(Boolean).join('. ');
    lines.push(`**${label}.** ${escape(authors)}**${escape(f.title)}**${source ? `. _${escape(source)}_` : ''}`);
  } else {
    lines.push(`**${label}.** ${escape(r.text)}`);
  }
  const links: string[] = [];
  if (f.doi) links.push(`[doi:${escape(f.doi)}](https://doi.org/${encodeURI(f.doi)})`);
  if (f.pmid) links.push(`[PMID ${f.pmid}](https://pubmed.ncbi.nlm.nih.gov/${f.pmid}/)`);
  if (f.pmcid) links.push(`[${f.pmcid}](https://www.ncbi.nlm.nih.gov/pmc/articles/${f.pmcid}/)`);
  if (f.url && !links.length) links.push(`[${escape(f.url)}](${encodeURI(f.url)})`);
  if (!f.doi && !f.pmid) {
    const q = [f.title ?? r.text, f.authors[0]?.split(' ')[0]].filter(Boolean).join(' ');
    links.push(`[Search PubMed](https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(q)})`);
  }
  lines.push(links.join(' · '));
  return lines.join('\n\n');
}
