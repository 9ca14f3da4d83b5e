import { lineStartOf } from '../text/lineStart';
import type { Span } from '../types';
import type { MarkerStyle, Reference, ReferenceFields, ReferenceList } from './model';

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function toSuperscript(s: string): string {
  return s.replace(/\d/g, (d) => SUP[Number(d)]).replace(/-/g, '⁻');
}

/** Superscript digits as ASCII digits (`¹⁰` gives `10`); other characters stay. */
export function fromSuperscript(s: string): string {
  return s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(SUP.indexOf(c)));
}

/**
 * How a new entry numbered `n` starts, written like `like` (the list's last entry): its
 * punctuation and the space after it, with the digits replaced (`3. `, `[3] `, `(3) `, `³ `, `3\t`).
 */
export function entryPrefixLike(text: string, like: Reference, numbering: ReferenceList['numbering'], n: number): string {
  return `${text.slice(like.start, like.numberSpan.start)}${entryDigits(numbering, n)}${text.slice(like.numberSpan.end, like.textSpan.start)}`;
}

/** A new entry: where it goes, the text before its stub and after it, and the entry it is written like (the last, or a reversed list's first). */
export interface NextEntry {
  at: number;
  prefix: string;
  suffix: string;
  like: Reference;
}

/**
 * Where a new entry `n` goes (after the last one), the text before its stub and after it: the
 * line end, a blank line when the last two entries are apart (CRLF, LF or CR alone), the last
 * entry's indentation and numbering. In an HTML list, a new `<li>` like the last (its anchor
 * renumbered, without a `value`), closed when the last is, on a line of its own when the items
 * are; in a reversed list (`<ol reversed>`, whose first item has the highest number), a new
 * `<li>` like the first, before it. Undefined for an empty list, and for an HTML list where the
 * new item would not be `n` or would change another item's number (a reversed list counting
 * down from its `start`: every item would move down by one).
 */
export function nextEntry(text: string, list: ReferenceList, n: number, eol: string): NextEntry | undefined {
  const last = list.entries[list.entries.length - 1];
  if (!last) return undefined;
  if (list.numbering === 'html') {
    const reversed = !!list.html?.reversed;
    const items = reversed ? [undefined, ...list.entries] : [...list.entries, undefined];
    const want = reversed ? [n, ...list.entries.map((e) => e.number)] : [...list.entries.map((e) => e.number), n];
    if (htmlListNumbersWith(text, list, items).join(',') !== want.join(',')) return undefined;
    if (reversed) return htmlEntryBefore(text, list, n, eol);
  }
  const lineStart = lineStartOf(text, last.start);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, last.start))![0];
  const prev = list.entries[list.entries.length - 2];
  const between = prev ? text.slice(prev.end, last.start) : text.slice(lineStart, last.start);
  const blankBetween = !!prev && /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/.test(between);
  if (list.numbering === 'html') {
    const ownLine = prev ? /[\r\n]/.test(between) : indent.length === last.start - lineStart;
    const tag = htmlItemTag(text.slice(last.numberSpan.start, last.numberSpan.end), last.number, n);
    const suffix = /^\s*<\/li\s*>$/i.test(text.slice(last.textSpan.end, last.end)) ? '</li>' : '';
    return { at: last.end, prefix: `${ownLine ? `${eol}${blankBetween ? eol : ''}${indent}` : (prev ? between : '')}${tag}`, suffix, like: last };
  }
  return { at: last.end, prefix: `${eol}${blankBetween ? eol : ''}${indent}${entryPrefixLike(text, last, list.numbering, n)}`, suffix: '', like: last };
}

/** A new first item `n` of an HTML list: a `<li>` like the first one, laid out as the first two are apart. */
function htmlEntryBefore(text: string, list: ReferenceList, n: number, eol: string): NextEntry {
  const first = list.entries[0];
  const second = list.entries[1];
  const lineStart = lineStartOf(text, first.start);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, first.start))![0];
  const between = second ? text.slice(first.end, second.start) : '';
  const ownLine = second ? /[\r\n]/.test(between) : indent.length === first.start - lineStart;
  const blankBetween = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/.test(between);
  const tag = htmlItemTag(text.slice(first.numberSpan.start, first.numberSpan.end), first.number, n);
  const closed = /^\s*<\/li\s*>$/i.test(text.slice(first.textSpan.end, first.end)) ? '</li>' : '';
  return { at: first.start, prefix: tag, suffix: `${closed}${ownLine ? `${eol}${blankBetween ? eol : ''}${indent}` : between}`, like: first };
}

/**
 * A new item's `<li>` tag, like `tag` (item `was`) for item `n`: an `id` or `name` that holds the
 * number takes the new one (`ref-3` becomes `ref-4`), any other is left out (ids are unique), and
 * so is a `value`.
 */
function htmlItemTag(tag: string, was: number | undefined, n: number): string {
  const ATTR = /\s+(id|name|value)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
  return tag.replace(ATTR, (attr: string, name: string, value: string) => {
    if (name.toLowerCase() === 'value' || was === undefined) return '';
    const number = new RegExp(`(?<!\\d)${was}(?!\\d)`);
    return number.test(value) ? attr.replace(value, value.replace(number, String(n))) : '';
  });
}

/** An attribute's number: `start="3"`, `value=3`. */
export function attributeNumber(attrs: string, name: string): number | undefined {
  const m = new RegExp(String.raw`(?:^|\s)${name}\s*=\s*["']?\s*(\d{1,4})\b`, 'i').exec(attrs);
  return m ? Number(m[1]) : undefined;
}

/**
 * The numbers a browser gives the items of an HTML `<ol>`: from `start` (1, or the number of items
 * when the list is `reversed`), counting up (down when reversed), an item's `value` setting its
 * own number and the count from it.
 */
export function htmlItemNumbers(values: readonly (number | undefined)[], start: number | undefined, reversed: boolean): number[] {
  let next = start ?? (reversed ? values.length : 1);
  return values.map((v) => {
    const n = v ?? next;
    next = reversed ? n - 1 : n + 1;
    return n;
  });
}

/**
 * The numbers of an HTML reference list's items were they `items` (its entries, some left out,
 * `undefined` for a new item without a `value`): whether an edit leaves every other number as it is.
 */
export function htmlListNumbersWith(text: string, list: ReferenceList, items: readonly (Reference | undefined)[]): number[] {
  const values = items.map((e) => (e ? attributeNumber(text.slice(e.numberSpan.start + 3, e.numberSpan.end - 1), 'value') : undefined));
  return htmlItemNumbers(values, list.html?.start, list.html?.reversed ?? false);
}

/** The digits of an entry's number as the list writes them (its `numberSpan`): `3`, or `³` in a superscript list. */
export function entryDigits(numbering: ReferenceList['numbering'] | undefined, n: number): string {
  return numbering === 'superscript' ? toSuperscript(String(n)) : String(n);
}

/**
 * Compresses numbers the AMA way: three or more consecutive numbers become a range (1-3),
 * others are joined with commas (1,3,5-8).
 */
export function compressNumbers(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Writes a marker for some reference numbers in a style. Superscript lists use a comma: with
 * single digits side by side (¹²) a reader cannot tell 1,2 from 12.
 */
export function formatMarker(style: MarkerStyle, numbers: number[], label?: string): string {
  const list = compressNumbers(numbers);
  switch (style) {
    case 'superscript':
      return toSuperscript(list);
    case 'html-sup':
      return `<sup>${list}</sup>`;
    case 'bracket':
      return `[${list.replace(/,/g, ', ')}]`;
    case 'paren':
      return `(${list.replace(/,/g, ', ')})`;
    case 'footnote':
      return numbers.length === 1 ? `[^${numbers[0]}]` : numbers.map((n) => `[^${n}]`).join('');
  }
  return label ?? list;
}

/**
 * A `<sup>` marker's markup blanked to spaces, its numbers left where they stand: tags, entities
 * and Markdown link targets (`<sup>[1](#r1)</sup>` shows as `     [1]           `).
 */
export function supShown(raw: string): string {
  return raw.replace(/<[^<>]*>|&#?\w+;|\]\((?:[^()\n]|\([^()\n]*\))*\)/g, (t) => (t[0] === ']' ? ']' : ' ').padEnd(t.length, ' '));
}

/** A link in a `<sup>` marker: an HTML `<a href>` or a Markdown `[text](target)`. */
export interface SupLink {
  start: number;
  end: number;
  /** Its target as written (`#ref-1`, `https://...`); empty when it has none. */
  target: string;
  html: boolean;
}

/** One number as a `<sup>` marker writes it: the number, where it stands, and the link around it if any. */
export interface SupPiece {
  number: number;
  /** The number with its link, when it has one. */
  start: number;
  end: number;
  digits: { start: number; end: number };
  link?: SupLink;
}

/** The numbers of a `<sup>` marker as written (offsets into `raw`), each with the link it stands in. */
export function supPieces(raw: string): SupPiece[] {
  const links: SupLink[] = [];
  for (const a of raw.matchAll(/<a\b([^<>]*)>[^<]*<\/a\s*>/gi)) {
    const href = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i.exec(a[1]);
    links.push({ start: a.index, end: a.index + a[0].length, target: href ? (href[1] ?? href[2] ?? href[3]) : '', html: true });
  }
  for (const l of raw.matchAll(/\[[^[\]\n]*\]\(((?:[^()\n]|\([^()\n]*\))*)\)/g)) {
    links.push({ start: l.index, end: l.index + l[0].length, target: l[1].trim().split(/\s+/)[0] ?? '', html: false });
  }
  const pieces: SupPiece[] = [];
  for (const d of supShown(raw).matchAll(/\d{1,4}/g)) {
    const link = links.find((l) => l.start <= d.index && d.index < l.end);
    const digits = { start: d.index, end: d.index + d[0].length };
    pieces.push({ number: Number(d[0]), start: link ? link.start : digits.start, end: link ? link.end : digits.end, digits, link });
  }
  return pieces;
}

/**
 * A link like `like` (a number's link in a `<sup>` marker) for number `n` and `target`: the same
 * kind of link and attributes, without an `id`, `name` or `title` (they belong to the other number).
 */
export function supLinkLike(raw: string, like: SupLink, n: number, target: string): string {
  const written = raw.slice(like.start, like.end);
  if (!like.html) return `[${n}](${target})`;
  const a = /^<a\b([^<>]*)>([^<]*)(<\/a\s*>)$/i.exec(written);
  if (!a) return String(n);
  const attrs = a[1]
    .replace(/\s+(?:id|name|title)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+)/gi, '')
    .replace(/((?:^|\s)href\s*=\s*)(?:"[^"]*"|'[^']*'|[^\s>"']+)/i, (_, h: string) => `${h}"${target}"`);
  return `<a${attrs}>${a[2].replace(/\d{1,4}/, String(n))}${a[3]}`;
}

/** An attribute of a Markdown attribute block other than its identifier: `.class`, `key=value`. */
const ATTRIBUTE = String.raw`(?:\.[\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s{}"']+))`;

/**
 * An anchor as written: an `id` or `name` of a tag (`<li id="ref-1">`, `<a name="r1"></a>`; in any
 * case, as HTML reads them and old exports write them: `<A NAME="r1"></A>`, `<a ID="r1">`), or the
 * identifier of a Markdown attribute block (`{#ref-1}` as Pandoc, markdown-it-attrs and kramdown
 * write it, also `[]{#ref-1}`, `{: #ref-1}`, `{#ref-1 .ref}`).
 */
const ANCHOR = new RegExp(String.raw`<[A-Za-z][^<>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))|\{:?[ \t]*(?:${ATTRIBUTE}[ \t]+)*#([\w.:-]+)(?:[ \t]+${ATTRIBUTE})*[ \t]*\}`, 'gi');

/** The anchors a text carries, in order (`ANCHOR`). */
export function anchorsIn(text: string): string[] {
  const out: string[] = [];
  for (const t of text.matchAll(ANCHOR)) out.push(t[1] ?? t[2] ?? t[3] ?? t[4]);
  return out;
}

/** The anchors an entry carries (`<li id="ref-1">`, `<a name="r1"></a>`, `{#ref-1}`), in order. */
export function entryAnchors(text: string, entry: Reference): string[] {
  return anchorsIn(text.slice(entry.start, entry.end));
}

/** An HTML tag, opening or closing, with its name. */
const TAG = /<(\/?)([A-Za-z][\w-]*)\b[^<>]*>/g;

/**
 * A text as a reader sees it, without the anchors it carries (`ANCHOR`): an empty element
 * (`<a id="ref-1"></a>`, `<a name="ref-1"></a>`, `<span id="ref-1"></span>`) and an empty
 * bracketed span (`[]{#ref-1}`) are left out, an element or a bracketed span around text
 * (`<span id="ref-1">...</span>`, `[...]{#ref-1}`) leaves its text, and an attribute block
 * (`{#ref-1}`, `{: #ref-1}`) goes. A tag with an `href` stays: it is a link, more than an anchor.
 * A text without `<` or `{` carries none and is returned as it is, as is one whose anchors all stay.
 */
export function withoutAnchors(text: string): string {
  if (!text.includes('<') && !text.includes('{')) return text;
  const cuts: Span[] = [];
  for (const m of text.matchAll(ANCHOR)) {
    const at = m.index;
    if (m[4] !== undefined) {
      // An attribute block: with the brackets of the span it closes, if any.
      const end = at + m[0].length;
      const open = text[at - 1] === ']' ? openingBracket(text, at - 1) : -1;
      if (open >= 0) cuts.push({ start: open, end: open + 1 }, { start: at - 1, end });
      else cuts.push({ start: at, end });
      continue;
    }
    const close = text.indexOf('>', at + m[0].length);
    if (close < 0 || text.lastIndexOf('<', close) !== at) continue;
    const tag = text.slice(at, close + 1);
    if (/\shref\s*=/i.test(tag)) continue;
    cuts.push({ start: at, end: close + 1 });
    if (!tag.endsWith('/>')) {
      const end = closingTag(text, /^<([A-Za-z][\w-]*)/.exec(tag)![1].toLowerCase(), close + 1);
      if (end) cuts.push(end);
    }
  }
  if (!cuts.length) return text;
  cuts.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const c of cuts) {
    if (c.start > from) out += text.slice(from, c.start);
    from = Math.max(from, c.end);
  }
  return out + text.slice(from);
}

/** The `[` that the `]` at `at` closes, or -1. */
function openingBracket(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i >= 0; i--) {
    if (text[i] === ']') depth++;
    else if (text[i] === '[' && --depth === 0) return i;
  }
  return -1;
}

/** The tag that closes the element `name` opened before `from` (elements of the same name nested in it counted), or undefined. */
function closingTag(text: string, name: string, from: number): Span | undefined {
  let depth = 1;
  TAG.lastIndex = from;
  for (let t = TAG.exec(text); t; t = TAG.exec(text)) {
    if (t[2].toLowerCase() !== name || (!t[1] && t[0].endsWith('/>'))) continue;
    depth += t[1] ? -1 : 1;
    if (depth === 0) return { start: t.index, end: t.index + t[0].length };
  }
  return undefined;
}

/** A one-line citation of a reference for menus: "Sanacora G, A Consensus Statement...". */
export function shortCitation(fields: ReferenceFields, text: string, max = 80): string {
  const first = fields.authors[0];
  const title = fields.title ?? text;
  const s = first ? `${first}${fields.authors.length > 1 || fields.etAl ? ' et al.' : ''}, ${title}` : title;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The entry a new reference starts as, in Vancouver order, for the author to overwrite (a bare number is no entry to the parser). */
export const REFERENCE_STUB = 'Author AA, Author BB. Title. Journal. Year;Vol(Issue):Pages.';
