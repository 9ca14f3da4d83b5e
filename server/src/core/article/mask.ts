import type { Span } from '../types';
import { htmlComments } from './rawBlock';

/**
 * Replaces every code unit inside `spans` (offsets relative to `s`) with a space, keeping the
 * string's length, so an index into the result is an index into `s`.
 */
export function blankSpans(s: string, spans: Span[]): string {
  if (spans.length === 0) return s;
  const sorted = spans.length > 1 ? [...spans].sort((a, b) => a.start - b.start) : spans;
  let out = '';
  let pos = 0;
  for (const sp of sorted) {
    const start = Math.max(sp.start, pos);
    const end = Math.min(sp.end, s.length);
    if (end <= start) continue;
    out += s.slice(pos, start) + ' '.repeat(end - start);
    pos = end;
  }
  return out + s.slice(pos);
}

/** Spans of code, links and HTML that hold no prose and no citation markers (Markdown). */
export function markdownCodeSpans(s: string): Span[] {
  const spans: Span[] = [];
  // Code spans: a backtick run closed by a run of the same length.
  for (let i = s.indexOf('`'); i >= 0 && i < s.length; ) {
    let j = i;
    while (s[j] === '`') j++;
    const run = j - i;
    let k = s.indexOf('`', j);
    let closed = -1;
    while (k >= 0) {
      let e = k;
      while (s[e] === '`') e++;
      if (e - k === run) {
        closed = e;
        break;
      }
      k = s.indexOf('`', e);
    }
    if (closed < 0) {
      i = s.indexOf('`', j);
      continue;
    }
    spans.push({ start: i, end: closed });
    i = s.indexOf('`', closed);
  }
  const inCode = (at: number): boolean => spans.some((c) => c.start <= at && at < c.end);
  const add = (re: RegExp, group?: (m: RegExpExecArray) => Span): void => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (inCode(m.index)) continue;
      spans.push(group ? group(m) : { start: m.index, end: m.index + m[0].length });
    }
  };
  for (const c of htmlComments(s)) if (!inCode(c.start)) spans.push(c);
  // Each pattern only where the characters it starts with are in the text.
  if (s.includes('<')) add(/<(?:https?|mailto|ftp):[^\s<>]*>/gi);
  if (s.includes('![')) add(/!\[[^\]\n]*\]\([^)\n]*\)/g);
  // Links: `[text](url "title")`, `[text][label]`: the brackets and the destination go, the text
  // stays prose.
  const link = (re: RegExp): void =>
    add(re, (m) => {
      const open = linkOpen(s, m.index);
      // `[1](#ref-1)`: a citation linked to its entry; only the destination goes, the `[1]` stays.
      if (open >= 0 && s[m.index + 2] === '#' && /^\[[ \t]*\d{1,3}(?:\s*[,;–—‐−-]\s*\d{1,3})*[ \t]*$/.test(s.slice(open, m.index))) return { start: m.index + 1, end: m.index + m[0].length };
      if (open >= 0 && !inCode(open) && s.lastIndexOf('\n', m.index) < open) spans.push({ start: open, end: open + 1 });
      return { start: m.index, end: m.index + m[0].length };
    });
  if (s.includes('](')) link(/\]\((?:[^()\n]|\([^()\n]*\))*\)/g);
  if (s.includes('][')) link(/\]\[(?![\d\s,–-]+\])[^\]\n^]*\]/g);
  return spans;
}

/**
 * The `[` that opens the link text closed at `close`, counting nested brackets: in
 * `[[1]](#ref-1)` (a citation as Pandoc and document converters write it) the outer one.
 */
function linkOpen(s: string, close: number): number {
  let depth = 0;
  for (let i = close - 1; i >= 0; i--) {
    const c = s[i];
    if (c === '\n') return -1;
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Spans of Markdown syntax inside prose: emphasis, link brackets, escapes, HTML tags. */
export function markdownSyntaxSpans(s: string): Span[] {
  const spans: Span[] = [];
  const add = (re: RegExp, pick?: (m: RegExpExecArray) => Span): void => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) spans.push(pick ? pick(m) : { start: m.index, end: m.index + m[0].length });
  };
  // Each pattern only where its first character is in the text (most blocks have none of them).
  if (s.includes('<')) add(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g);
  if (s.includes('*') || s.includes('_') || s.includes('~')) add(/(?:^|(?<=[\s(["'“‘]))[*_~]{1,3}(?=\S)|(?<=\S)[*_~]{1,3}(?=$|[\s).,;:!?"'”’\]])/g);
  if (s.includes('\\')) add(/\\(?=[\\`*_{}[\]()#+\-.!|<>~^])/g);
  return spans;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/g;
const DOI_RE = /\bdoi:\s*10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;]/gi;

/** URLs and DOIs: not prose (their dots are not sentence ends, their words not claims). */
export function urlSpans(s: string): Span[] {
  const spans: Span[] = [];
  for (const re of [URL_RE, DOI_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Line breaks become spaces in prose. */
export function lineBreakSpans(s: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) spans.push({ start: i, end: i + 1 });
  }
  return spans;
}
