import type { Span } from '../types';
import { type BlockScan, type Lines, type RawBlock, findComments } from './rawBlock';
import { withoutInvisible } from './invisible';
import { REFERENCE_HEADING } from './references';

/**
 * Block structure of a plain-text article: paragraphs split on blank lines, bullet and numbered
 * lines as list items (with their continuation lines), short title-like lines as headings, and
 * `<!-- ... -->` lines as comments (for suppression), never as prose.
 */
const BULLET = /^[ \t]*(?:[•◦▪·‣∙*+-]|\d{1,4}[.)]|\[\d{1,4}\])[ \t\u00A0]+/;
/**
 * The other numberings of reference lists as pasted (`(1)`, `¹`, a number and a tab): list items
 * only at the start of a block, under a line such as "References", or after another such item,
 * so that a hard-wrapped line that starts with a marker ("...effects\n¹ Other trials") stays in
 * its paragraph.
 */
const PASTED_NUMBER = /^[ \t]*(?:\(\d{1,4}\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}[.)]?|\d{1,4}(?=\t))[ \t\u00A0]+/;
const isListTitle = (line: string): boolean => REFERENCE_HEADING.test(withoutInvisible(line).trim());
/** A comment on a line of its own (after a byte-order mark on the first line). */
const COMMENT_LINE = /^\ufeff?[ \t]*<!--.*-->[ \t]*$/;

export function scanPlaintext(text: string, lines: Lines): BlockScan {
  const blocks: RawBlock[] = [];
  const excluded: Span[] = [];
  const comments: (Span & { body: string })[] = [];
  const n = lines.starts.length;
  let chunk: number[] = [];
  const flush = (): void => {
    if (chunk.length) emitChunk(text, lines, chunk, blocks);
    chunk = [];
  };
  for (let l = 0; l < n; l++) {
    const line = text.slice(lines.starts[l], lines.ends[l]);
    if (line.trim() === '') {
      flush();
    } else if (COMMENT_LINE.test(line)) {
      flush();
      const span = { start: lines.starts[l], end: lines.ends[l] };
      excluded.push(span);
      comments.push(...findComments(text, span.start, span.end));
    } else {
      chunk.push(l);
    }
  }
  flush();
  return { blocks, excluded, comments, frontMatter: {} };
}

function emitChunk(text: string, lines: Lines, chunk: number[], out: RawBlock[]): void {
  const lineText = (l: number): string => text.slice(lines.starts[l], lines.ends[l]);
  if ((chunk.length === 1 && isHeadingLine(lineText(chunk[0]))) || (chunk.length > 1 && isLeadHeading(lineText(chunk[0]), lineText(chunk[1])))) {
    const l = chunk[0];
    const lead = /^[ \t]*/.exec(lineText(l))![0].length;
    out.push({ kind: 'heading', level: 2, start: lines.starts[l] + lead, end: lines.ends[l], syntax: [] });
    // A heading with its section right under it, no blank line between ("Tests" then the paragraph).
    if (chunk.length > 1) emitChunk(text, lines, chunk.slice(1), out);
    return;
  }
  let current: { kind: 'paragraph' | 'listItem'; lines: number[]; pasted?: boolean } | undefined;
  const groups: { kind: 'paragraph' | 'listItem'; lines: number[]; pasted?: boolean }[] = [];
  let pasted = false;
  chunk.forEach((l, k) => {
    const line = lineText(l);
    const isPasted = !BULLET.test(line) && PASTED_NUMBER.test(line) && (k === 0 || pasted || isListTitle(lineText(chunk[k - 1])));
    // "   2017. doi:..." under a numbered item is the item's wrapped year, not item 2017.
    const wrappedYear = current?.kind === 'listItem' && /^[ \t]+(?:18|19|20)\d\d[.)][ \t]/.test(line) && /^[ \t]*\d{1,3}[.)][ \t]/.test(lineText(current.lines[0]));
    if (!wrappedYear && (isPasted || BULLET.test(line))) {
      pasted = isPasted;
      current = { kind: 'listItem', lines: [l], pasted: isPasted };
      groups.push(current);
    } else if (current) {
      current.lines.push(l);
    } else {
      current = { kind: 'paragraph', lines: [l] };
      groups.push(current);
    }
  });
  for (const g of groups) {
    const syntax: Span[] = [];
    g.lines.forEach((l, i) => {
      const re = i === 0 && g.kind === 'listItem' ? (g.pasted ? PASTED_NUMBER : BULLET) : /^[ \t]*/;
      const m = re.exec(lineText(l))!;
      if (m[0].length) syntax.push({ start: lines.starts[l], end: lines.starts[l] + m[0].length });
    });
    const first = g.lines[0];
    const last = g.lines[g.lines.length - 1];
    const lead = syntax.length && syntax[0].start === lines.starts[first] ? syntax[0].end - syntax[0].start : 0;
    out.push({ kind: g.kind, level: 0, start: lines.starts[first] + lead, end: lines.ends[last], syntax });
  }
}

/**
 * The first line of a block that is a heading with its text right under it, as pages are often
 * pasted ("Customer reviews" and then "Priya from Leicester told us ..."): a short line that
 * starts with a capital, ends without punctuation (or with a question mark, as an FAQ does) and
 * not on a small word, followed by a line that starts a sentence, is at least twice as long and
 * over 80 characters (so not hard-wrapped prose). A list under its title stays a list.
 */
function isLeadHeading(line: string, next: string): boolean {
  const t = line.trim();
  const n = next.trim();
  if (!t || t.length > 60 || BULLET.test(line) || PASTED_NUMBER.test(line) || BULLET.test(next) || PASTED_NUMBER.test(next)) return false;
  if (!/^["“']?[A-Z]/.test(t) || !/^["“'(]?[A-Z0-9]/.test(n)) return false;
  if (/[.,;:!\-–—(]["'”’)]?$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 8 || SMALL_WORDS.has(words[words.length - 1].toLowerCase())) return false;
  return n.length >= 2 * t.length && n.length > 80;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', 'what', 'how', 'why']);

/** A short line that reads as a title: no sentence punctuation at its end, mostly capitalised. */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 120 || BULLET.test(line)) return false;
  if (/[.,;:!]["'”’)]?$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 14) return false;
  if (/\?$/.test(t) && words.length > 10) return false;
  const content = words.filter((w) => /[A-Za-z]/.test(w) && !SMALL_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, '')));
  if (content.length === 0) return false;
  const capitalised = content.filter((w) => /^[^A-Za-z]*[A-Z0-9]/.test(w)).length;
  return capitalised / content.length >= 0.6;
}
