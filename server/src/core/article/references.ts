import type { Span } from '../types';
import { attributeNumber, fromSuperscript, htmlItemNumbers, REFERENCE_STUB, withoutAnchors } from './format';
import type { Reference, ReferenceFields, ReferenceList } from './model';
import { withoutInvisible } from './invisible';
import type { RawBlock } from './rawBlock';
import { lineStartOf } from '../text/lineStart';
import { type SpanMemo, noMemo, spanMemoOver } from '../memo';
import { L, rx } from '../text/letters';

/**
 * The reference list: a heading (or a plain title line) named References, Bibliography,
 * Source(s), Works Cited or Notes, then numbered entries (`1.`, `1)`, `[1]`), each possibly
 * wrapped over several lines, or an HTML ordered list (`<ol><li>`). The list ends where the entries end; blocks after it are the page
 * trailer. Without a heading, numbered entries that end the document are the list when each is
 * plainly a bibliographic reference. Markdown footnote definitions (`[^1]: ...`) are parsed
 * into entries too.
 */
export const REFERENCE_HEADING =
  /^(?:references?|bibliography|sources?|works cited|notes|reference list|literature cited|citations|endnotes|footnotes|sources and references|references and sources|references and (?:further|suggested) reading|(?:key|selected|main|further) references|further reading|suggested reading|reading list|références|referencias|referenze|referências|literatur(?:verzeichnis)?|bibliografía|bibliographie)\s*:?$/i;
/** Lists that are references only when the article has no other: reading lists and notes. */
const SECONDARY_HEADING = /^(?:(?:further|suggested) reading|reading list|notes|footnotes|endnotes)\b/i;
/** A list to read, not to cite: its entries need no marker (`unused-reference`). */
export const READING_LIST_HEADING = /^(?:further|suggested) reading|^reading list/i;
// `1.`, `1)`, `[1]`, `¹`, `(1)`, or a number and a tab (a word processor's list pasted as text);
// then spaces, tabs or a non-breaking space (pasted from a web page).
// Also as Markdown converters escape them: `\[1\] Smith ...`, `1\. Smith ...`.
const ENTRY_START = /^([ \t]*(?:[-*+•][ \t]+)?)(?:\\?\[(\d{1,4})\\?\]|(\d{1,4})\\?([.)])|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})[.)]?|\((\d{1,4})\)|(\d{1,4})(?=\t))[ \t\u00A0]+/;

export interface ReferenceScan {
  list?: ReferenceList;
  /** Index of the first block after the list (the trailer starts here), or -1. */
  trailerFrom: number;
  /**
   * Index of the first block after the trailer: where the article goes on after its references
   * (an FAQ, a disclaimer), or the number of blocks. Blocks in [trailerFrom, trailerTo) are the trailer.
   */
  trailerTo: number;
  /** Blocks with the reference list's blocks replaced by one block per entry. */
  blocks: RawBlock[];
}

/** Entries read from a run of blocks, and the index of the first block after them. */
interface EntryRun {
  entries: Reference[];
  entryBlocks: RawBlock[];
  numbering: ReferenceList['numbering'];
  next: number;
  html?: ReferenceList['html'];
}

export function findReferenceList(text: string, blocks: RawBlock[], headingText: (b: RawBlock) => string, memo: SpanMemo = spanMemoOver(text, noMemo)): ReferenceScan {
  // The last heading-like block named like a reference list that is followed by entries; a
  // reading list ("Further reading") or notes only when no list of references comes first, so
  // that a reading list after the references never takes their markers.
  for (const pass of [1, 2]) for (let h = blocks.length - 1; h >= 0; h--) {
    const b = blocks[h];
    if (b.kind !== 'heading' && b.kind !== 'paragraph') continue;
    const title = headingText(b).trim();
    if (!REFERENCE_HEADING.test(title) || h + 1 >= blocks.length) continue;
    if (pass === 1 && SECONDARY_HEADING.test(title)) continue;
    const run: EntryRun = htmlEntriesFrom(text, blocks, h, memo) ?? entriesFrom(text, blocks, h + 1, memo);
    if (run.entries.length === 0) {
      // Unnumbered entries (bullets, author-date): no numbers for markers to resolve against,
      // and no prose either: they are reference entries outside any numbered list.
      let k = h + 1;
      while (k < blocks.length && (blocks[k].kind === 'paragraph' || blocks[k].kind === 'listItem') && readsAsReference(text.slice(blocks[k].start, blocks[k].end))) k++;
      if (k === h + 1) continue;
      const out = [...blocks.slice(0, h), { ...b, kind: 'heading' as const, level: b.level || 2 }, ...blocks.slice(h + 1, k).map((x) => ({ ...x, kind: 'referenceEntry' as const })), ...blocks.slice(k)];
      return { blocks: out, trailerFrom: k, trailerTo: trailerEnd(text, out, k) };
    }
    const list: ReferenceList = {
      start: b.start,
      end: run.entries[run.entries.length - 1].end,
      heading: { start: b.start, end: b.end, title },
      entries: run.entries,
      numbering: run.numbering,
      ...(run.html ? { html: run.html } : {}),
    };
    const out = [...blocks.slice(0, h), { ...b, kind: 'heading' as const, level: b.level || 2 }, ...run.entryBlocks, ...blocks.slice(run.next)];
    const trailerFrom = h + 1 + run.entryBlocks.length;
    return { list, blocks: out, trailerFrom, trailerTo: trailerEnd(text, out, trailerFrom) };
  }
  // No heading: numbered entries that end the document, each plainly a bibliographic reference
  // (a year, and a journal's volume and pages, a DOI, a PMID or a web address).
  // A short page trailer may follow them ("Comments are closed. © 2025").
  // The stub a new reference starts as (a fix inserts it) stands for the entry to come.
  const bibliographic = (t: string): boolean => BIBLIOGRAPHIC.test(t) || AUTHORS_AND_YEAR.test(t) || t.trim() === REFERENCE_STUB;
  const isEntry = (b: RawBlock): boolean => b.kind !== 'heading' && b.kind !== 'footnoteDefinition' && ENTRY_START.test(text.slice(lineStartOf(text, b.start), b.end));
  let end = blocks.length;
  while (end > 0 && blocks.length - end < 2 && !isEntry(blocks[end - 1]) && blocks[end - 1].end - blocks[end - 1].start <= 200 && blocks[end - 1].kind !== 'footnoteDefinition') end--;
  if (end > 0 && !isEntry(blocks[end - 1])) end = blocks.length;
  let s = end;
  while (s > 0 && isEntry(blocks[s - 1])) s--;
  if (s < end && s > 0) {
    const run = entriesFrom(text, blocks, s, memo);
    if (run.next === end && run.entries.length > 0 && run.entries.some((e) => e.text.trim() !== REFERENCE_STUB) && run.entries.every((e) => bibliographic(e.text))) {
      const list: ReferenceList = { start: run.entries[0].start, end: run.entries[run.entries.length - 1].end, entries: run.entries, numbering: run.numbering };
      const out = [...blocks.slice(0, s), ...run.entryBlocks, ...blocks.slice(end)];
      const trailerFrom = end < blocks.length ? s + run.entryBlocks.length : -1;
      return { list, blocks: out, trailerFrom, trailerTo: trailerFrom < 0 ? -1 : trailerEnd(text, out, trailerFrom) };
    }
  }
  return trailingHtmlList(text, blocks, memo, bibliographic) ?? { blocks, trailerFrom: -1, trailerTo: -1 };
}

/**
 * Where the page trailer after the reference list ends. A trailer is navigation and small print
 * ("Previous", the next post's title, "Comments are closed."); a block of prose (a sentence of
 * eight words or more) is the article going on after its references, with the heading just
 * before it: a "Frequently asked questions" section or a disclaimer is linted like the rest.
 */
function trailerEnd(text: string, blocks: RawBlock[], from: number): number {
  for (let j = from; j < blocks.length; j++) {
    const b = blocks[j];
    // A heading over sentences, however short ("## FAQ" / "Is it safe? It is completely safe."),
    // is the article going on; page small print under a heading is not.
    const next = blocks[j + 1];
    if (b.kind === 'heading' && next?.kind === 'paragraph' && !readsAsReference(text.slice(next.start, next.end)) && hasSentence(text.slice(next.start, next.end))) return j;
    if (b.kind === 'heading' || b.kind === 'footnoteDefinition' || !isProse(text.slice(b.start, b.end))) continue;
    const before = blocks[j - 1];
    return j > from && (before.kind === 'heading' || isTitleLine(text.slice(before.start, before.end))) ? j - 1 : j;
  }
  return blocks.length;
}

/** The sentence-like pieces of a block's text, markers after a full stop ("... in trials.[2]", "... hours.¹") taken out. */
function sentencePieces(raw: string): string[] {
  const plain = raw.replace(/\[[^\]\n]{1,40}\]|<sup>[^<]{0,40}<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹˒⁻]+/g, '');
  return plain.split(/(?<=[.!?]["”’)]*)\s+/).filter((piece) => /[.!?]["”’)]*$/.test(piece));
}

const wordCount = (piece: string): number => (piece.match(/\S+/g) ?? []).length;

/** A sentence of eight words or more, ended by its punctuation. */
function isProse(raw: string): boolean {
  return sentencePieces(raw).some((piece) => wordCount(piece) >= 8);
}

/** Page small print, never the article: "Comments are closed.", "All rights reserved." */
const SMALL_PRINT = /comments are closed|all rights reserved|leave a (?:reply|comment)|share this|posted in|filed under|tagged|©|copyright/i;

/** A sentence of three words or more, ended by its punctuation, that is not page small print. */
function hasSentence(raw: string): boolean {
  return !SMALL_PRINT.test(raw) && sentencePieces(raw).some((piece) => wordCount(piece) >= 3);
}

/** A short line with no sentence punctuation at its end: a heading the block scanner left as a paragraph. */
const isTitleLine = (raw: string): boolean => !raw.includes('\n') && raw.trim().length <= 80 && !/[.!?,;:]["”’)]*$/.test(raw.trim());

/** A reference without a list heading: a year, and volume and pages, a DOI, a PMID or an address; or a report's "Geneva: WHO; 2007". */
const BIBLIOGRAPHIC = rx.iu`\b(?:1[89]|20)\d{2}\b.*(?:;\s*\d+|:\s*[a-z]?\d+|\bdoi\b|\bPMID\b|https?:\/\/)|(?:;\s*\d+|\bdoi\b|\bPMID\b|https?:\/\/).*\b(?:1[89]|20)\d{2}\b|\p{Lu}[${L}.-]*:\s*[^;:]{2,80};\s*(?:1[89]|20)\d{2}\b`;

/** An APA or Harvard entry: "Sanacora, G., Frye, M. A. (2017).", "Andrade C (2017)". */
const AUTHOR_DATE = rx.u`^\p{Lu}[${L}'’-]+,? (?:\p{Lu}\.\s?){1,3}.*\((?:1[89]|20)\d{2}[a-z]?\)|^\p{Lu}[${L}'’-]+,? \p{Lu}{1,3}\b.*\((?:1[89]|20)\d{2}[a-z]?\)`;
const readsAsReference = (raw: string): boolean => {
  const t = raw.replace(/^[ \t]*(?:[-*+•][ \t]+)?/, '');
  return BIBLIOGRAPHIC.test(t) || AUTHORS_AND_YEAR.test(t) || AUTHOR_DATE.test(t);
};

/** A Vancouver entry without volume or pages: authors first ("Sanacora G, Frye MA, ..."), and a year. */
const AUTHORS_AND_YEAR = rx.u`^\p{Lu}[${L}'’-]+,? (?:\p{Lu}{1,3}|(?:\p{Lu}\.\s?){1,3})[,.;].*\b(?:1[89]|20)\d{2}\b`;

/** An entry of a block, relative to the start of the block's first line. */
interface EntryLine {
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  number: number;
  textStart: number;
  numbering: ReferenceList['numbering'];
  /** The width of the whitespace before the entry's number. */
  indent: number;
}

/** A line that continues a reference: a year, volume and pages, a DOI, a PMID, an address, "et al". */
const BIBLIOGRAPHIC_LINE = /\b(?:1[89]|20)\d{2}\b|\d\s*[:;(]\s*\d|\bdoi\b|\bPMID\b|https?:\/\/|\bet al\b/i;

/** A year (1800 to 2099) where the list's numbers are far below it: a wrapped line's year. */
function isYearAfter(n: number, previous: number): boolean {
  return n >= 1800 && n <= 2099 && previous < 1000;
}

/** The numbered entries of a block's text (from the start of its first line), or undefined when it does not start with one. */
function entryLines(raw: string): EntryLine[] | undefined {
  const lines = raw.split(/(?<=\r\n|\r(?!\n)|\n)/);
  if (!ENTRY_START.test(lines[0])) return undefined;
  const out: EntryLine[] = [];
  let at = 0;
  let current: EntryLine | undefined;
  for (const line of lines) {
    let m = ENTRY_START.exec(line);
    const contentEnd = at + line.replace(/[\r\n]+$/, '').length;
    // "   2017. doi:..." under an entry is its wrapped year, not entry 2017.
    if (m && current && !m[2] && !m[5] && isYearAfter(Number(m[3] ?? m[6] ?? m[7]), current.number)) m = null;
    if (m) {
      if (current) out.push(current);
      const num = m[2] ?? m[3] ?? m[5] ?? m[6] ?? m[7];
      const numStart = at + line.indexOf(num, m[1].length);
      const number = Number(m[5] ? fromSuperscript(m[5]) : num);
      const numbering = m[2] ? 'bracket' : m[5] ? 'superscript' : m[4] === ')' || m[6] ? 'paren' : 'dot';
      current = { start: at + m[1].length, end: contentEnd, numberStart: numStart, numberEnd: numStart + num.length, number, textStart: at + m[0].length, numbering, indent: /^[ \t]*/.exec(line)![0].length };
    } else if (current && line.trim()) {
      // A line at the entry's own margin after an entry that has ended ("... 2017;78(7):e852-e857.")
      // is no part of it unless it reads as a reference's ("JAMA Psychiatry. 2017."): "Share this
      // article", "Previous" under the last entry are the page trailer, which removing the entry
      // must not take with it.
      const ended = /[.)\]]["”’]?\s*$/.test(raw.slice(current.start, current.end));
      const indented = /^[ \t]*/.exec(line)![0].length > current.indent;
      if (ended && !indented && !BIBLIOGRAPHIC_LINE.test(line)) break;
      current.end = contentEnd;
    }
    at += line.length;
  }
  if (current) out.push(current);
  return out;
}

/** The numbered entries that start at block `from`, up to the first block that is not one. */
function entriesFrom(text: string, blocks: RawBlock[], from: number, memo: SpanMemo): EntryRun {
  const entries: Reference[] = [];
  const entryBlocks: RawBlock[] = [];
  let numbering: ReferenceList['numbering'] = 'dot';
  let k = from;
  for (; k < blocks.length; k++) {
    const blk = blocks[k];
    if (blk.kind === 'heading' || blk.kind === 'footnoteDefinition') break;
    const lineStart = lineStartOf(text, blk.start);
    // The entries of a block follow from its text alone: kept by place across versions.
    const found = memo('ref-block', lineStart, blk.end, entryLines);
    if (!found) {
      // Indented under an entry (a "Full text" link as a sub-item, a comment paragraph): part of it.
      const last = entries[entries.length - 1];
      if (last && /^(?: {2,}|\t)\S/.test(text.slice(lineStart, blk.end)) && blk.kind !== 'trailer') {
        const grown = makeEntry(last.start, blk.end, last.numberSpan, last.number!, last.textSpan.start, last.ordinal, memo);
        entries[entries.length - 1] = grown;
        entryBlocks[entryBlocks.length - 1] = { ...entryBlocks[entryBlocks.length - 1], end: grown.end };
        continue;
      }
      break;
    }
    for (const e of found) {
      numbering = e.numbering;
      const entry = makeEntry(lineStart + e.start, lineStart + e.end, { start: lineStart + e.numberStart, end: lineStart + e.numberEnd }, e.number, lineStart + e.textStart, entries.length + 1, memo);
      entries.push(entry);
      entryBlocks.push({ kind: 'referenceEntry', level: 0, start: entry.start, end: entry.end, syntax: [{ start: entry.start, end: entry.textSpan.start }] });
    }
  }
  // A Markdown list numbered `1.` throughout renders as 1, 2, 3...
  if (entries.length > 1 && entries.every((e) => e.number === 1)) entries.forEach((e, i) => (e.number = i + 1));
  return { entries, entryBlocks, numbering, next: k };
}

/** `<ol>`, `<ul>` and `<li>` tags, opening or closing, with their attributes. */
const LIST_TAG = /<(\/?)(ol|ul|li)\b([^<>]*)>/gi;

/** An item of an HTML ordered list: its `<li>` tag, where its content ends, where it ends, its `value`. */
interface HtmlItem {
  open: Span;
  contentEnd: number;
  end: number;
  value?: number;
}

/** An HTML ordered list: its `start` and `reversed` attributes, its items, and the index of the first block after it. */
interface HtmlList {
  start?: number;
  reversed: boolean;
  items: HtmlItem[];
  next: number;
}

/**
 * The HTML ordered list whose `<ol>` is the first list tag at or after `from`, before block `k`
 * starts (`<ol><li>...</li></ol>`, as Markdown with raw HTML and HTML exports write a reference
 * list), or undefined. Each item of the outer list is one item; nested lists belong to their item.
 * The list must be closed by `</ol>`; it ends early at a block that lies outside every item.
 */
function htmlListAt(text: string, blocks: RawBlock[], from: number, k: number): HtmlList | undefined {
  const first = blocks[k];
  if (!first) return undefined;
  LIST_TAG.lastIndex = from;
  const open = LIST_TAG.exec(text);
  if (!open || open.index >= first.start || open[1] || open[2].toLowerCase() !== 'ol') return undefined;
  const items: HtmlItem[] = [];
  let item: HtmlItem | undefined;
  let depth = 1;
  const finish = (contentEnd: number, end: number): void => {
    if (!item) return;
    item.contentEnd = contentEnd;
    item.end = end;
    items.push(item);
    item = undefined;
  };
  for (let m = LIST_TAG.exec(text); m; m = LIST_TAG.exec(text)) {
    // Every block that starts before this tag lies inside an item; a block outside every item ends the list.
    while (k < blocks.length && blocks[k].start < m.index && item) k++;
    if (k < blocks.length && blocks[k].start < m.index) break;
    const tag = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (tag !== 'li') {
      depth += closing ? -1 : 1;
      if (depth === 0) {
        // `</ol>`: an item left open ends here.
        finish(m.index, m.index);
        break;
      }
      continue;
    }
    if (depth !== 1) continue;
    if (closing) {
      finish(m.index, m.index + m[0].length);
      continue;
    }
    // `<li>`: an item left open ends where the next one starts.
    finish(m.index, m.index);
    item = { open: { start: m.index, end: m.index + m[0].length }, contentEnd: -1, end: -1, value: attributeNumber(m[3], 'value') };
  }
  // Unclosed to the end of the text: not read as a list.
  if (item || !items.length) return undefined;
  const lastEnd = items[items.length - 1].end;
  while (k < blocks.length && blocks[k].start < lastEnd) k++;
  // `reversed` is a boolean attribute (`reversed`, `reversed=""`); the word in another attribute's value is not it.
  const reversed = /(?:^|\s)reversed(?![\w-])/i.test(open[3].replace(/=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/g, '='));
  return { start: attributeNumber(open[3], 'start'), reversed, items, next: k };
}

/**
 * A list's items as entries, numbered as a browser numbers them: from the list's `start` (1, or
 * the number of items in a `reversed` list), counting up (down when reversed), an item's own
 * `value` setting its number. The `<li>` tag stands where the number would be written
 * (`numberSpan`): it carries any anchor (`<li id="ref-1">`).
 */
function htmlEntries(text: string, list: HtmlList, memo: SpanMemo): EntryRun & { html: NonNullable<ReferenceList['html']> } {
  const numbers = htmlItemNumbers(list.items.map((it) => it.value), list.start, list.reversed);
  const entries: Reference[] = [];
  const entryBlocks: RawBlock[] = [];
  list.items.forEach((it, i) => {
    // The item's text without the spaces around it.
    let a = it.open.end;
    let b = it.contentEnd;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    const { collapsed, fields } = memo('ref-html', a, b, htmlEntryText);
    const end = Math.max(b, it.end);
    entries.push({ start: it.open.start, end, number: numbers[i], numberSpan: it.open, text: collapsed, textSpan: { start: a, end: b }, fields, ordinal: entries.length + 1 });
    entryBlocks.push({ kind: 'referenceEntry', level: 0, start: it.open.start, end, syntax: [it.open] });
  });
  const html = list.start === undefined ? { reversed: list.reversed } : { start: list.start, reversed: list.reversed };
  return { entries, entryBlocks, numbering: 'html', next: list.next, html };
}

/** The entries of an HTML ordered list right after the heading at `h`, or undefined when no `<ol>` opens between the heading and the next block. */
function htmlEntriesFrom(text: string, blocks: RawBlock[], h: number, memo: SpanMemo): ReturnType<typeof htmlEntries> | undefined {
  const list = htmlListAt(text, blocks, blocks[h].end, h + 1);
  return list && htmlEntries(text, list, memo);
}

/**
 * Without a heading: an HTML `<ol>` that ends the document (a content management system's export
 * puts the reference list there, under no heading), up to a short page trailer as after numbered
 * entries, when every item is plainly a bibliographic reference and some text comes before it.
 * The `<ol>` is looked for in the markup between the last blocks, from the end back to the first
 * stretch between two blocks that holds no tag (Markdown's own paragraphs).
 */
function trailingHtmlList(text: string, blocks: RawBlock[], memo: SpanMemo, bibliographic: (t: string) => boolean): ReferenceScan | undefined {
  // The document's end, less a page trailer of up to two short blocks.
  const ends = [blocks.length];
  for (let e = blocks.length; e > blocks.length - 2 && e > 1 && blocks[e - 1].end - blocks[e - 1].start <= 200 && blocks[e - 1].kind !== 'footnoteDefinition'; e--) ends.push(e - 1);
  // The blocks whose markup before them opens an `<ol>`, last first.
  const opens: { s: number; at: number }[] = [];
  for (let s = blocks.length - 1; s > 0; s--) {
    const a = blocks[s - 1].end;
    const b = blocks[s].start;
    const lt = text.indexOf('<', a);
    if (lt < 0 || lt >= b) break;
    const ol = /<ol\b/i.exec(text.slice(lt, b));
    if (ol) opens.push({ s, at: lt + ol.index });
  }
  // The outermost list first: a list nested in the last item also reaches the end.
  for (let i = opens.length - 1; i >= 0; i--) {
    const { s, at } = opens[i];
    const list = htmlListAt(text, blocks, at, s);
    if (!list || !ends.includes(list.next)) continue;
    // Each item holds text the block scan read (not markup in code, where no block is).
    let k = s;
    const everyItemRead = list.items.every((it) => {
      while (k < list.next && blocks[k].start < it.open.end) k++;
      return k < list.next && blocks[k].start < it.end;
    });
    if (!everyItemRead) continue;
    const run = htmlEntries(text, list, memo);
    if (!run.entries.some((e) => e.text.trim() !== REFERENCE_STUB) || !run.entries.every((e) => bibliographic(e.text))) continue;
    const listOut: ReferenceList = { start: at, end: run.entries[run.entries.length - 1].end, entries: run.entries, numbering: 'html', html: run.html };
    const out = [...blocks.slice(0, s), ...run.entryBlocks, ...blocks.slice(list.next)];
    const trailerFrom = list.next < blocks.length ? s + run.entryBlocks.length : -1;
    return { list: listOut, blocks: out, trailerFrom, trailerTo: trailerFrom < 0 ? -1 : trailerEnd(text, out, trailerFrom) };
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', nbsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…' };

/**
 * An HTML item's text as a reader sees it (tags out, entities decoded, whitespace collapsed), and
 * its fields, read with each link's address after the text (`<a href="https://doi.org/...">doi</a>`).
 */
function htmlEntryText(raw: string): { collapsed: string; fields: ReferenceFields } {
  const hrefs: string[] = [];
  const plain = withoutInvisible(raw)
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/<a\b[^<>]*?\bhref\s*=\s*["']([^"']+)["'][^<>]*>/gi, (_, href: string) => {
      if (/^https?:/i.test(href) && !raw.includes(`>${href}<`)) hrefs.push(href);
      return '';
    })
    // Block-level tags part words (`<br>`, a nested list); inline ones (`<em>`) do not.
    .replace(/<\/?(?:p|div|br|ul|ol|li|dl|dt|dd|blockquote|table|tr|td|th)\b[^<>]*>/gi, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/&(#\d{1,6}|#x[\da-f]{1,6}|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    });
  const collapsed = plain.replace(/\s+/g, ' ').trim();
  return { collapsed, fields: parseReferenceFields(hrefs.length ? `${collapsed} ${hrefs.join(' ')}` : collapsed) };
}

function makeEntry(start: number, end: number, numberSpan: Span, number: number, textStart: number, ordinal: number, memo: SpanMemo): Reference {
  const { collapsed, fields } = entryText(textStart, end, memo);
  return { start, end, number, numberSpan, text: collapsed, textSpan: { start: textStart, end }, fields, ordinal };
}

/**
 * An entry's text with whitespace collapsed, and its fields (shared, never mutated), both read
 * without its anchors (`<a id="ref-3"></a>`, `[]{#ref-3}` before the text, `{#ref-3}` after it),
 * which its spans keep: they move with it when it is renumbered.
 */
function entryText(start: number, end: number, memo: SpanMemo): { collapsed: string; fields: ReferenceFields } {
  return memo('ref', start, end, (written) => {
    // A soft hyphen or a zero-width space inside a word is not seen, and must not split it.
    const raw = withoutAnchors(withoutInvisible(written));
    return { collapsed: collapseWhitespace(raw), fields: parseReferenceFields(raw) };
  });
}

/**
 * `s.replace(/\s+/g, ' ').trim()`. When every run of white space is one space already, that is
 * `s.trim()`: a slice of the document, where the replacement made a copy of every entry (two,
 * with the fields' own), and the title and journal, slices of the copy, kept it alive.
 */
function collapseWhitespace(s: string): string {
  return /[^\S ]| {2}/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** A footnote definition block (`[^label]: text`) as a reference. */
export function footnoteReference(text: string, block: RawBlock, ordinal: number, memo: SpanMemo = spanMemoOver(text, noMemo)): Reference | undefined {
  const m = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?/.exec(text.slice(block.start, block.end));
  if (!m) return undefined;
  const labelStart = block.start + m[0].indexOf('^') + 1;
  const textStart = block.start + m[0].length;
  const label = m[1];
  const { collapsed, fields } = entryText(textStart, block.end, memo);
  return {
    start: block.start,
    end: block.end,
    label,
    number: /^\d{1,4}$/.test(label) ? Number(label) : undefined,
    numberSpan: { start: labelStart, end: labelStart + label.length },
    text: collapsed,
    textSpan: { start: textStart, end: block.end },
    fields,
    ordinal,
  };
}

// A DOI or PMID also as written in a Markdown link: `doi:[10.1001/x](https://doi.org/10.1001/x)`,
// `[doi](https://doi.org/10.1001/x)`, `https://pubmed.ncbi.nlm.nih.gov/28749092/`.
const DOI = /(?:\bdoi:?\s*\[?|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s"<>\]]+)/i;
const PMID = /\bPMID:?\s*(\d{1,9})\b|\bpubmed\.ncbi\.nlm\.nih\.gov\/(\d{1,9})\b/i;
const PMCID = /\b(PMC\d{4,9})\b/;
const URL = /\bhttps?:\/\/[^\s<>"]+/i;
/** A surname's particles, written in lower case: "van Tulder MW", "de Zoete A", "da Silva J". */
const PARTICLES = "(?:(?:van|von|de|der|den|del|della|di|da|dos|das|du|la|le|ter|ten|bin|al|el)\\s+)*";
const AUTHOR_SEPARATOR = new RegExp(`\\s*,\\s*(?=${PARTICLES}\\p{Lu})|\\s*;\\s*`, 'u');
const AUTHOR = new RegExp(`^(?:${PARTICLES}[\\p{Lu}][${L}'’-]+(?:[ -]${PARTICLES}[\\p{Lu}][${L}'’-]+)*\\s+\\p{Lu}{1,3}|${PARTICLES}[\\p{Lu}][${L}'’-]+,\\s*(?:\\p{Lu}\\.\\s*){1,3})$`, 'u');

const GROUP_AUTHOR = rx.u`^[\p{Lu}][${L}\s&'’-]+(?:\s+\([\p{Lu}\d&.-]{2,12}\))?$`;

/** A DOI without the punctuation after it, nor a link's closing parenthesis (a DOI's own, "(17)", stays). */
function trimDoi(doi: string): string {
  let d = doi.replace(/[.,;]+$/, '');
  while (d.endsWith(')') && (d.match(/\)/g) ?? []).length > (d.match(/\(/g) ?? []).length) d = d.slice(0, -1).replace(/[.,;]+$/, '');
  return d;
}

/** Vancouver/AMA fields of an entry; whatever is not recognised stays in the raw text. */
export function parseReferenceFields(raw: string): ReferenceFields {
  const fields: ReferenceFields = { authors: [], etAl: false };
  let rest = collapseWhitespace(raw);
  const take = (re: RegExp): string | undefined => {
    const m = re.exec(rest);
    if (!m) return undefined;
    rest = (rest.slice(0, m.index) + rest.slice(m.index + m[0].length)).trim();
    return m[1] ?? m[2] ?? m[0];
  };
  const doi = take(DOI);
  if (doi) fields.doi = trimDoi(doi);
  const pmid = take(PMID);
  if (pmid) fields.pmid = pmid;
  const pmcid = take(/\bPMCID:?\s*(PMC\d{4,9})\b/i) ?? take(PMCID);
  if (pmcid) fields.pmcid = pmcid;
  const url = take(URL);
  if (url) fields.url = url.replace(/[.,;]+$/, '');
  rest = rest.replace(/\b(?:Available (?:from|at)|Accessed|Published)\b.*$/i, '').replace(/[\s.]+$/, '');

  // Split on sentence-like periods: authors. title. journal. year;vol(issue):pages
  const parts = rest.split(/(?<=[.?!])\s+(?=[\p{Lu}\d"“(])/u).map((p) => p.trim()).filter(Boolean);
  let i = 0;
  if (parts.length > 1) {
    const names = parts[0].replace(/\.$/, '').split(AUTHOR_SEPARATOR);
    const last = names[names.length - 1];
    const etAl = /\bet al\.?$/.test(parts[0]) || /^et al\.?$/.test(last);
    const authors = names.map((n) => n.replace(/,?\s*et al\.?$/, '').trim()).filter((n) => n && !/^et al\.?$/.test(n));
    // A person ("Smith JA", "Smith, J. A."), or a group, with its acronym ("Centers for Disease
    // Control and Prevention", "Australasian Society of Clinical Immunology and Allergy (ASCIA)").
    if (authors.length && authors.every((a) => AUTHOR.test(a) || GROUP_AUTHOR.test(a))) {
      fields.authors = authors;
      fields.etAl = etAl;
      i = 1;
    }
  }
  if (i < parts.length) fields.title = parts[i++].replace(/\.$/, '');
  const tail = parts.slice(i).join(' ');
  const year = /\b((?:19|20)\d{2})\b/.exec(tail);
  if (year) fields.year = year[1];
  const journal = i < parts.length ? parts[i].replace(/\.$/, '') : undefined;
  if (journal && !/^(?:19|20)\d{2}\b/.test(journal)) fields.journal = journal.replace(/\s+(?:19|20)\d{2}\b.*$/, '').trim();
  const vip = /\b(?:19|20)\d{2}[^;:]*;\s*(\d+)\s*(?:\(([^)]+)\))?\s*(?::\s*([\w–-]+))?/.exec(tail);
  if (vip) {
    fields.volume = vip[1];
    if (vip[2]) fields.issue = vip[2];
    if (vip[3]) fields.pages = vip[3];
  }
  return fields;
}
