import { formatMarker, shortCitation } from '../article/format';
import type { Article, MarkerStyle, Reference } from '../article/model';
import { dominantStyle } from '../article/resolve';
import type { Span } from '../types';
import { pandocCompletion } from '../bibliography/citations';
import { formatReference } from './hover';
import { rankReferences, sentenceAt } from './cite';
import { L, rx } from '../text/letters';

export interface CompletionResult {
  label: string;
  detail: string;
  documentation?: string;
  insertText: string;
  filterText?: string;
  replace: Span;
  /** The reference most likely wanted here: the editor selects it first. */
  preselect?: boolean;
}

const SUP_BEFORE = /[⁰¹²³⁴⁵⁶⁷⁸⁹,˒⁻–]*$/;

/**
 * Completion of citation markers in the style the document already uses: after `[` (brackets),
 * `[^` (footnotes), `<sup>`, after `(` in a document that cites in parentheses, or anywhere on
 * request in a document that cites with superscripts.
 * Each item shows the reference's authors and title. The references are listed as the cite
 * fixes rank them for the sentence at the cursor (words shared with the title, the article's
 * order of citation: `rankReferences`), the best first and selected, then the rest in list order.
 */
export function completion(article: Article, offset: number): CompletionResult[] {
  const items = unordered(article, offset);
  const sentence = items.length > 1 ? (sentenceAt(article, offset) ?? sentenceAt(article, offset - 1)) : undefined;
  const rank = new Map<Reference, number>();
  if (sentence) for (const r of rankReferences(article, sentence.text, sentence.blockIndex, undefined, offset)) rank.set(r.reference, rank.size);
  const placed = items.map((it, i) => ({ it, key: (it.reference && rank.get(it.reference)) ?? rank.size + i }));
  placed.sort((a, b) => a.key - b.key);
  return placed.map(({ it: { reference, ...rest } }, i) => (i === 0 && reference && rank.has(reference) ? { ...rest, preselect: true } : rest));
}

/** Completion items in list order, each with the reference it cites (a Pandoc key's item has none). */
function unordered(article: Article, offset: number): (CompletionResult & { reference?: Reference })[] {
  const entries = article.references?.entries ?? [];
  const lineStart = article.text.lastIndexOf('\n', offset - 1) + 1;
  const before = article.text.slice(Math.max(lineStart, offset - 40), offset);
  if (article.excluded.some((e) => e.start <= offset && offset < e.end)) return [];
  const pandoc = pandocCompletion(article, offset);
  if (pandoc) return pandoc;
  // `@` is a trigger character for Pandoc keys only (not after `name@`, say).
  if (article.text[offset - 1] === '@') return [];

  const foot = /\[\^([^\]\s]*)$/.exec(before);
  if (foot) {
    const start = offset - foot[1].length;
    // The rest of a label already written after the cursor is replaced too, and a closed `]` kept.
    const rest = /^([^\]\s[]*)(\])?/.exec(article.text.slice(offset, offset + 200))!;
    const end = offset + rest[1].length;
    const labels: { label: string; ref: Reference }[] = article.footnotes.map((f) => ({ label: f.label!, ref: f }));
    const closing = rest[2] ? '' : ']';
    return labels.map(({ label, ref }) => item(label, ref, `${label}${closing}`, { start, end }));
  }
  if (!entries.length) return [];
  const bracket = /\[((?:\d+\s*[,–-]\s*)*)(\d*)$/.exec(before);
  if (bracket) {
    const start = offset - bracket[2].length;
    // Inside `[1]` or `[1, 2]`: the number at the cursor is replaced and the list's `]` kept.
    const rest = /^(\d*)([\d\s,–-]*\])?/.exec(article.text.slice(offset, offset + 40))!;
    const end = offset + rest[1].length;
    const closing = rest[2] ? '' : ']';
    return entries.map((r) => item(String(r.number), r, `${r.number}${closing}`, { start, end }));
  }
  const sup = /<sup>((?:\d+\s*[,–-]\s*)*)(\d*)$/i.exec(before);
  if (sup) {
    const start = offset - sup[2].length;
    const end = offset + /^\d*/.exec(article.text.slice(offset, offset + 10))![0].length;
    return entries.map((r) => item(String(r.number), r, String(r.number), { start, end }));
  }
  const style: MarkerStyle | undefined = dominantStyle(article);
  // `(` after a word, in a document that cites in parentheses (not a link's `](`).
  const paren = style === 'paren' ? rx.u`(?<=[${L}\p{N}.!?%)"”’'*_][ \t\u00A0]?)\(((?:\d+\s*[,;–-]\s*)*)(\d*)$`.exec(before) : null;
  if (paren) {
    const start = offset - paren[2].length;
    const rest = /^(\d*)([\d\s,;–-]*\))?/.exec(article.text.slice(offset, offset + 40))!;
    const end = offset + rest[1].length;
    const closing = rest[2] ? '' : ')';
    return entries.map((r) => item(String(r.number), r, `${r.number}${closing}`, { start, end }));
  }
  if (style === 'superscript') {
    const run = SUP_BEFORE.exec(before)![0];
    const joiner = run && !/[,˒⁻–]$/.test(run) ? ',' : '';
    return entries.map((r) => {
      const text = formatMarker('superscript', [r.number!]);
      return { ...item(`${text} ${r.number}`, r, `${joiner}${text}`, { start: offset, end: offset }), filterText: String(r.number) };
    });
  }
  return [];
}

function item(label: string, r: Reference, insertText: string, replace: Span): CompletionResult & { reference: Reference } {
  return {
    reference: r,
    label,
    detail: shortCitation(r.fields, r.text, 100),
    documentation: formatReference(r, r.label !== undefined ? `[^${r.label}]` : String(r.number)),
    insertText,
    replace,
  };
}
