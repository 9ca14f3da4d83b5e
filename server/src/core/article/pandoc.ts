import type { Position } from '../text/lineIndex';
import type { Span } from '../types';
import type { Marker, ReferenceFields } from './model';
import { L, rx } from '../text/letters';

/**
 * Pandoc citations in Markdown: `[@key]`, `[@a; @b]`, `[see @key, pp. 3-5]`, `[-@key]`, in-text
 * `@key` and `@key [p. 33]`, and the bibliography entries they resolve against.
 *
 * Keys follow Pandoc: they start with a letter, digit or `_` and may contain internal
 * punctuation `:.#$%&-+?<>~/` (a punctuation character is part of the key only when a letter,
 * digit or `_` follows, so `@doe99.` cites `doe99`); `@{any key}` allows anything but braces.
 * An `@` right after a letter, digit or `/` (`name@example.com`, `medium.com/@author`) or a
 * backslash (`\@`) starts no citation.
 *
 * Bracketed citations are recognised in every Markdown document. In-text `@key` only when the
 * front matter names a bibliography (or has inline `references:`), so that a handle such as
 * `@WHO` in an article that does not use Pandoc is never taken for a citation.
 */

/** A locator: `p. 33` gives `{ label: 'page', value: '33' }`. */
export interface PandocLocator {
  /** The locator's CSL term: page, chapter, section, figure, ... */
  label: string;
  value: string;
  /** The locator as written (`pp. 3-5`). */
  raw: string;
}

/** One cited item of a Pandoc citation (a bracket may hold several, separated by `;`). */
export interface PandocCitation {
  key: string;
  /** Where the key is written (without the `@`), in document offsets. */
  keySpan: Span;
  /** `-@key` suppresses the author; `@key` outside brackets names the author in the text. */
  mode: 'normal' | 'suppress-author' | 'author-in-text';
  /** Text before the key (`see`). */
  prefix: string;
  locator?: PandocLocator;
  /** Text after the key and locator (`, and elsewhere`). */
  suffix: string;
}

export type LineRange = { start: Position; end: Position };

/**
 * A bibliography entry, the same shape for BibTeX and CSL-JSON. `fields` has the shape of a
 * numbered reference entry's fields, so hovers and menus format both alike (`journal` holds the
 * container: journal, book, website).
 */
export interface BibEntry {
  key: string;
  /** The entry type as written: BibTeX `article`, CSL `article-journal`. */
  type: string;
  fields: ReferenceFields;
  /** One plain line: authors, title, container, year. */
  text: string;
  /** Where the entry is in the bibliography file (offsets into that file, and positions). */
  span: Span;
  range: LineRange;
  /** Where its key is written in that file. */
  keySpan: Span;
  keyRange: LineRange;
}

export type BibliographyFormat = 'bibtex' | 'csl-json';

/** A problem inside a bibliography file (an entry that could not be read, a duplicate key). */
export interface BibProblem extends Span {
  message: string;
  range: LineRange;
}

/** What a bibliography file gives once parsed. */
export interface ParsedBibliography {
  format: BibliographyFormat;
  entries: BibEntry[];
  problems: BibProblem[];
}

/** A bibliography named in the front matter, as the host (server, CLI) loaded it. */
export interface Bibliography {
  /** The file name as written in the front matter. */
  name: string;
  /** The file's URI, when it was found (definitions go there). */
  uri?: string;
  /** The resolved path, for messages. */
  path?: string;
  format?: BibliographyFormat;
  entries: BibEntry[];
  problems: BibProblem[];
  /** Set when the file could not be used at all: missing, unreadable, unsupported format. */
  error?: string;
}

/**
 * Reads a bibliography named in the front matter. The core never touches the file system: the
 * host passes a loader (resolving names against the document's folder, caching parsed files).
 */
export type BibliographyLoader = (name: string) => Bibliography;

// ---------------------------------------------------------------------------------------------
// Citation syntax

const WORD = String.raw`[${L}\p{N}_]`;
const KEY_SOURCE = String.raw`@(?:\{([^{}\n]+)\}|(${WORD}(?:${WORD}|[:.#$%&\-+?<>~/](?=${WORD}))*))`;
const KEY = new RegExp(KEY_SOURCE, 'uy');
const IN_TEXT = new RegExp(KEY_SOURCE, 'gu');
const BLANK_LINE = /[ \t]*(?:\r?\n|$)/y;
const LOCATOR_BRACKET = / ?\[([^\]\n@]*)\](?![([:])/y;
/** Characters after which an `@` cannot start a citation. */
const NOT_BEFORE_AT = rx.u`[${L}\p{N}_\\/@.:+=-]`;

const LOCATOR_WORDS: [string, string][] = [
  ['book', 'bk bks book books'],
  ['chapter', 'ch chap chaps chapter chapters'],
  ['column', 'col cols column columns'],
  ['figure', 'fig figs figure figures'],
  ['folio', 'fol fols folio folios'],
  ['number', 'no nos number numbers'],
  ['line', 'l ll line lines'],
  ['note', 'n nn note notes'],
  ['opus', 'op opp opus opera'],
  ['page', 'p pp page pages'],
  ['paragraph', 'para paras paragraph paragraphs ¶¶ ¶'],
  ['part', 'pt pts part parts'],
  ['section', 'sec secs section sections §§ §'],
  ['sub-verbo', 's.v s.vv sub-verbo sub-verbis'],
  ['verse', 'v vv verse verses'],
  ['volume', 'vol vols volume volumes'],
];
/** Locator terms (CSL's English terms and abbreviations), longest alternative first. */
const LOCATOR_TERMS: [RegExp, string][] = LOCATOR_WORDS.map(([label, words]) => {
  const alts = words
    .split(' ')
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.]/g, '\\.').replace('-', '\\s'));
  return [new RegExp(`^(?:${alts.join('|')})\\.?`, 'i'), label];
});
const LOCATOR_VALUE = /^\s*((?:[\dIVXLCDMivxlcdm]+[a-z]?|\{[^{}]*\})(?:\s*[-–—]\s*[\dIVXLCDMivxlcdm]+[a-z]?)?(?:\s*,\s*\d+[a-z]?(?:\s*[-–—]\s*\d+[a-z]?)?)*)/;

/** Reads the text after a key: an optional locator (`, p. 33`, `, 33`), then the suffix. */
export function parseSuffix(after: string): { locator?: PandocLocator; suffix: string } {
  const lead = /^\s*,?\s*/.exec(after)![0];
  const rest = after.slice(lead.length);
  for (const [re, label] of LOCATOR_TERMS) {
    const term = re.exec(rest);
    if (!term) continue;
    // The term must end the word (`p. 33`, `pp.3-5`), not start one (`pages` is a term, `paper` is not).
    const next = rest.slice(term[0].length);
    if (rx.u`^[${L}]`.test(next)) continue;
    const v = LOCATOR_VALUE.exec(next);
    if (!v) continue;
    const raw = (term[0] + v[0]).trim();
    return { locator: { label, value: unbrace(v[1]), raw }, suffix: next.slice(v[0].length).trim() };
  }
  // A bare number is a page.
  if (lead.includes(',') || lead === '') {
    const v = LOCATOR_VALUE.exec(rest);
    if (v && /^\s*[\d{]/.test(rest) && !rx.u`^[${L}]`.test(rest.slice(v[0].length))) {
      return { locator: { label: 'page', value: unbrace(v[1]), raw: v[0].trim() }, suffix: rest.slice(v[0].length).trim() };
    }
  }
  return { suffix: after.trim() };
}

const unbrace = (s: string): string => s.replace(/^\{|\}$/g, '').trim();

/** The first citation of one `;`-separated part of a bracket: `see -@key, p. 3`. */
function readPart(part: string, partStart: number): PandocCitation | undefined {
  for (let i = part.indexOf('@'); i >= 0; i = part.indexOf('@', i + 1)) {
    const before = part[i - 1];
    let suppress = false;
    if (before === '-') {
      const b2 = part[i - 2];
      if (b2 !== undefined && !/[\s[(]/.test(b2)) continue;
      suppress = true;
    } else if (before !== undefined && !/[\s[("'“‘*_]/.test(before)) continue;
    KEY.lastIndex = i;
    const m = KEY.exec(part);
    if (!m) continue;
    const key = m[1] ?? m[2];
    const keyStart = partStart + i + (m[1] !== undefined ? 2 : 1);
    const prefix = part.slice(0, suppress ? i - 1 : i).trim();
    const { locator, suffix } = parseSuffix(part.slice(i + m[0].length));
    return { key, keySpan: { start: keyStart, end: keyStart + key.length }, mode: suppress ? 'suppress-author' : 'normal', prefix, locator, suffix };
  }
  return undefined;
}

/** Reads the content of `[...]` as a citation list; undefined when a part names no key. */
export function readBracket(content: string, contentStart: number): PandocCitation[] | undefined {
  if (!content.includes('@')) return undefined;
  const out: PandocCitation[] = [];
  let pos = 0;
  for (const part of content.split(';')) {
    const c = readPart(part, contentStart + pos);
    if (!c) return undefined;
    out.push(c);
    pos += part.length + 1;
  }
  return out;
}

/**
 * Pandoc citation markers of one block. `scan` is the block with code, comments and link
 * targets blanked (stage 1), `raw` the block as written; offsets are shifted by `base`.
 * `inText` enables bare `@key` citations.
 */
export function findPandocCitations(scan: string, raw: string, base: number, blockIndex: number, inText: boolean): Marker[] {
  if (!scan.includes('@')) return [];
  const out: Marker[] = [];
  const taken: Span[] = [];
  for (let open = scan.indexOf('['); open >= 0; open = scan.indexOf('[', open + 1)) {
    const prev = raw[open - 1];
    if (prev === '\\' || prev === '!' || prev === ']' || scan[open + 1] === '^') continue;
    let close = -1;
    for (let k = open + 1; k < scan.length; k++) {
      const c = scan[k];
      if (c === '[') break;
      if (c === ']' && raw[k - 1] !== '\\') {
        close = k;
        break;
      }
      if (c === '\n') {
        BLANK_LINE.lastIndex = k + 1;
        if (BLANK_LINE.test(scan)) break;
      }
    }
    if (close < 0) continue;
    const next = raw[close + 1];
    if (next === '(' || next === '[') continue;
    // `[@key]: http://...` at the start of a line is a link reference definition.
    if (next === ':' && /^[ \t]*$/.test(raw.slice(raw.lastIndexOf('\n', open) + 1, open))) continue;
    const citations = readBracket(scan.slice(open + 1, close), base + open + 1);
    if (!citations) continue;
    out.push(marker(raw, base, open, close + 1, citations, blockIndex));
    taken.push({ start: open, end: close + 1 });
    open = close;
  }
  if (inText) {
    IN_TEXT.lastIndex = 0;
    let t = 0;
    for (let m = IN_TEXT.exec(scan); m; m = IN_TEXT.exec(scan)) {
      const at = m.index;
      while (t < taken.length && taken[t].end <= at) t++;
      if (t < taken.length && taken[t].start <= at) continue;
      const before = at > 0 ? scan[at - 1] : '';
      if (before && NOT_BEFORE_AT.test(before)) continue;
      const key = m[1] ?? m[2];
      const keyStart = base + at + (m[1] !== undefined ? 2 : 1);
      const cite: PandocCitation = { key, keySpan: { start: keyStart, end: keyStart + key.length }, mode: 'author-in-text', prefix: '', suffix: '' };
      let end = at + m[0].length;
      // `@key [p. 33]`: a bracket right after, without a key of its own, is the locator.
      LOCATOR_BRACKET.lastIndex = end;
      const loc = LOCATOR_BRACKET.exec(scan);
      if (loc && raw[end + loc[0].indexOf('[') - 1] !== '\\') {
        const { locator, suffix } = parseSuffix(loc[1]);
        cite.locator = locator;
        cite.suffix = suffix;
        end += loc[0].length;
      }
      out.push(marker(raw, base, at, end, [cite], blockIndex));
      IN_TEXT.lastIndex = end;
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function marker(raw: string, base: number, start: number, end: number, citations: PandocCitation[], blockIndex: number): Marker {
  return { style: 'pandoc', raw: raw.slice(start, end), start: base + start, end: base + end, numbers: [], keys: citations.map((c) => c.key), citations, blockIndex };
}

// ---------------------------------------------------------------------------------------------
// Front matter

/** What the front matter says about Pandoc citations. */
export interface PandocFrontMatter {
  /** Bibliography files (`bibliography: refs.bib`, a YAML list, or `[a.bib, b.json]`). */
  bibliographies: { name: string; span: Span }[];
  /** The `bibliography:` line, when present. */
  bibliographyLine?: Span;
  /** `nocite:` keys (listed without being cited); `all` for `@*`. */
  nocite?: { keys: { key: string; span: Span }[]; all: boolean; span: Span };
  /** Inline CSL entries (`references:` with `- id: key` items), with the span of each id. */
  references: { key: string; span: Span }[];
  hasReferences: boolean;
}

const frontMatterCache = new WeakMap<object, PandocFrontMatter>();

/** Reads the Pandoc keys of a Markdown document's `---` front matter. */
export function pandocFrontMatter(text: string): PandocFrontMatter {
  const out: PandocFrontMatter = { bibliographies: [], references: [], hasReferences: false };
  if (!/^---[ \t]*\r?\n/.test(text)) return out;
  // Lines up to the closing `---` or `...` (never further: the body may be megabytes).
  const lineRe = /([^\r\n]*)(\r?\n|\r|$)/gy;
  const lines: { text: string; start: number }[] = [];
  let end = -1;
  for (let pos = 0; pos < text.length; ) {
    lineRe.lastIndex = pos;
    const m = lineRe.exec(text);
    if (!m || m[0].length === 0) break;
    lines.push({ text: m[1], start: pos });
    pos += m[0].length;
    if (lines.length > 1 && /^(?:---|\.\.\.)\s*$/.test(m[1])) {
      end = lines.length - 1;
      break;
    }
  }
  if (end < 0) return out;
  for (let l = 1; l < end; l++) {
    const kv = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(lines[l].text);
    if (!kv) continue;
    const key = kv[1].toLowerCase();
    const valueStart = lines[l].start + lines[l].text.length - kv[2].length;
    // The value's continuation: indented lines, or `- item` lines right under the key.
    let last = l;
    while (last + 1 < end && (/^[ \t]+\S/.test(lines[last + 1].text) || /^-[ \t]/.test(lines[last + 1].text) || lines[last + 1].text.trim() === '')) last++;
    const cont = lines.slice(l + 1, last + 1);
    if (key === 'bibliography') {
      out.bibliographyLine = { start: lines[l].start, end: lines[l].start + lines[l].text.length };
      const v = kv[2].replace(/\s+#.*$/, '');
      if (v.trim() && v.trim() !== '|' && v.trim() !== '>') {
        const flow = /^\s*\[(.*)\]\s*$/.exec(v);
        const items = flow ? splitFlow(flow[1], valueStart + v.indexOf('[') + 1) : [{ text: v, start: valueStart }];
        for (const it of items) addName(out, it.text, it.start);
      } else {
        for (const c of cont) {
          const item = /^([ \t]*-[ \t]+)(.*?)\s*(?:#.*)?$/.exec(c.text);
          if (item) addName(out, item[2], c.start + item[1].length);
        }
      }
    } else if (key === 'nocite') {
      const spanEnd = lines[last].start + lines[last].text.length;
      const keys: { key: string; span: Span }[] = [];
      let all = false;
      for (let p = valueStart; p < spanEnd; ) {
        const at = text.indexOf('@', p);
        if (at < 0 || at >= spanEnd) break;
        if (text[at + 1] === '*') all = true;
        else {
          KEY.lastIndex = at;
          const m = KEY.exec(text);
          if (m) {
            const k = m[1] ?? m[2];
            const s = at + (m[1] !== undefined ? 2 : 1);
            keys.push({ key: k, span: { start: s, end: s + k.length } });
          }
        }
        p = at + 1;
      }
      out.nocite = { keys, all, span: { start: lines[l].start, end: spanEnd } };
    } else if (key === 'references') {
      out.hasReferences = true;
      for (const c of cont) {
        const id = /^([ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*)(["']?)([^"'\s#]+)\2/.exec(c.text);
        if (id) out.references.push({ key: id[3], span: { start: c.start + id[1].length + id[2].length, end: c.start + id[1].length + id[2].length + id[3].length } });
      }
    }
    l = last;
  }
  return out;
}

function splitFlow(s: string, start: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let pos = 0;
  for (const part of s.split(',')) {
    out.push({ text: part, start: start + pos });
    pos += part.length + 1;
  }
  return out;
}

function addName(out: PandocFrontMatter, raw: string, start: number): void {
  const lead = raw.length - raw.trimStart().length;
  let name = raw.trim();
  let s = start + lead;
  if (/^(["']).*\1$/.test(name)) {
    name = name.slice(1, -1);
    s++;
  }
  if (name) out.bibliographies.push({ name, span: { start: s, end: s + name.length } });
}

/** Cached per article text object. */
export function frontMatterOf(article: { text: string }): PandocFrontMatter {
  let fm = frontMatterCache.get(article);
  if (!fm) {
    fm = pandocFrontMatter(article.text);
    frontMatterCache.set(article, fm);
  }
  return fm;
}

/** Loads every bibliography the front matter names; a failing loader gives an `error`. */
export function loadBibliographies(fm: PandocFrontMatter, loader: BibliographyLoader): Bibliography[] {
  return fm.bibliographies.map(({ name }) => {
    try {
      return loader(name);
    } catch (e) {
      return { name, entries: [], problems: [], error: e instanceof Error ? e.message : String(e) };
    }
  });
}
