import type { Marker } from './model';
import type { ParenCandidate } from './parenthesised';
import { L, rx } from '../text/letters';

/**
 * Citation markers in a block: Unicode superscripts (¹², ¹,³, ¹˒³, ¹⁻³, ¹–³), `<sup>1,2</sup>`,
 * brackets ([1], [1, 2], [1-3], [1–3, 5]), Markdown footnotes ([^1], [^note]) and, in an
 * article that cites that way, parenthesised numbers ((1), (2, 3), (1-3): `parenthesised.ts`).
 */
const SUP_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUP_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,˒⁻–—‐−-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*/g;
/** A list of numbers and ranges, with any dash a word processor makes: -, ‐ (hyphen), –, — and − (minus). */
const numberList = (digits: number): string => String.raw`\d{1,${digits}}(?:\s*[,;–—‐−-]\s*\d{1,${digits}})*`;
// `<sup>1</sup>`, and as content management systems write it: with attributes, a link inside,
// a non-breaking space or a trailing comma (`<sup class="cite"><a href="#ref1">1</a></sup>`).
const HTML_SUP = new RegExp(String.raw`<sup(?:\s[^<>]*)?>\s*(?:<a\b[^<>]*>\s*)?\[?(?:\s|&nbsp;|&#160;)*(${numberList(4)})\s*,?\s*\]?\s*(?:<\/a>\s*)?<\/sup>`, 'gi');
// `[ 1 ]`, `[1 ,2 ]` as typed: spaces inside the brackets.
/** A `<sup>` element holding links (up to 300 characters), and the number list its text must be. */
const SUP_LINKS = /<sup(?:\s[^<>]*)?>((?:(?!<\/?sup\b)[^]){1,300}?)<\/sup>/gi;
const LIST_ONLY = new RegExp(String.raw`^\s*\[?\s*(${numberList(4)})\s*,?\s*\]?\s*$`);
const BRACKET = new RegExp(String.raw`\[[ \t]*(${numberList(3)})[ \t]*\]`, 'g');
const FOOTNOTE = /\[\^([^\]\s]+)\]/g;
/** `\[2\]`: a bracket marker as Markdown converters escape it (it renders as [2]). */
const ESCAPED_BRACKET = new RegExp(String.raw`\\\[(${numberList(3)})\\\]`, 'g');
/** A unit (m², cm³, ft², m/s²), a caret or a slash right before: the superscript is an exponent. */
const UNIT_BEFORE = rx.u`(?:^|[^${L}\d])(?:[kcmd]?m|ft|in|yd|sec)$|\/s$|[\^/]$`;

/**
 * Whether a superscript `digits` (ASCII, "2") right after `before` is an exponent, not a
 * citation: after a unit (m², kg/m²), a caret or slash; a square or cube of a one-letter
 * variable (I², R², χ², x³); or a power of a number (10⁶, 3²): after a number, only 10 and
 * squares and cubes of short numbers are powers ("approved in 2019¹", "week 4¹" and
 * "n = 1,200¹" cite).
 */
export function exponentAfter(before: string, digits: string): boolean {
  if (UNIT_BEFORE.test(before)) return true;
  const squareOrCube = digits === '2' || digits === '3';
  if (squareOrCube && rx.u`(?:^|[^${L}\p{N}])[${L}]$`.test(before)) return true;
  const number = /(?:^|[^\d,.])(\d+)$/.exec(before);
  if (number) return number[1] === '10' || (squareOrCube && number[1].length <= 3);
  return false;
}

export interface MarkerContext {
  /** Number of entries in the numbered reference list (0 when there is none). */
  referenceCount: number;
  /** Highest reference number cited so far in the document (for ambiguous superscripts). */
  maxSeen: number;
  /**
   * The highest number a parenthesised marker may cite, or 0 when the article does not cite in
   * parentheses (`parenthesisedLimit`).
   */
  parenLimit: number;
}

/** Whether a superscript run right after `before` (the text before it) reads as a marker, not a unit's or number's exponent. */
export function superscriptCitesAfter(before: string, digits = '1'): boolean {
  return !exponentAfter(before.slice(-8), digits);
}

/**
 * Finds the markers of one block. `scan` is the block text with code, comments and link
 * targets blanked; `raw` is the block text as written. Offsets are relative to the block, and
 * shifted by `base`. `paren` are the block's parenthesised candidates (`parenCandidates`), read
 * as markers when `ctx.parenLimit` allows their numbers.
 */
export function findMarkers(scan: string, raw: string, base: number, blockIndex: number, ctx: MarkerContext, paren: readonly ParenCandidate[] = []): Marker[] {
  const out: Marker[] = [];
  SUP_RUN.lastIndex = 0;
  for (let m = SUP_RUN.exec(scan); m; m = SUP_RUN.exec(scan)) {
    const before = scan.slice(Math.max(0, m.index - 8), m.index);
    // A lone ⁰ is a degree sign typed with the wrong key ("25 ⁰C"): there is no reference 0.
    if (m[0] === '⁰' || exponentAfter(before, supToAscii(m[0]))) continue;
    // Read below, in document order with the other markers (an ambiguous run is read by the numbers cited before it).
    out.push({ style: 'superscript', raw: m[0], start: base + m.index, end: base + m.index + m[0].length, numbers: [], blockIndex });
  }
  const sups: Marker[] = [];
  if (scan.includes('<')) {
    HTML_SUP.lastIndex = 0;
    for (let m = HTML_SUP.exec(scan); m; m = HTML_SUP.exec(scan)) {
      // `kg/m<sup>2</sup>`, `I<sup>2</sup>`, `10<sup>6</sup>`: exponents written in HTML.
      if (exponentAfter(scan.slice(Math.max(0, m.index - 8), m.index), m[1].trim())) continue;
      // As written: a Markdown link inside (`<sup>[1](#r1)</sup>`) has its target blanked in `scan`.
      sups.push({ style: 'html-sup', raw: raw.slice(m.index, m.index + m[0].length), start: base + m.index, end: base + m.index + m[0].length, numbers: expandList(m[1]), blockIndex });
    }
    // A link around each number (`<sup><a href="#r1">1</a>,<a href="#r2">2</a></sup>`, in Markdown
    // `<sup>[1](#r1),[2](#r2)</sup>`, a plain number beside them): the numbers read with the links
    // taken out. A Markdown link's target is blanked in `scan`: `[1]` reads as 1 where `raw` has
    // `(#` after it (a bare `[1],[2]` stays two bracket markers).
    if (/<a\b[^<>]*>[^<]*<\/a>\s*[,;–-]|[,;–-]\s*<a\b/i.test(scan) || /\]\(#[^()\s]*\)\s*[,;–-]|[,;–-]\s*\[\s*\d{1,4}\s*\]\(#/.test(raw)) {
      SUP_LINKS.lastIndex = 0;
      const read = new Set(sups.map((x) => x.start));
      for (let m = SUP_LINKS.exec(scan); m; m = SUP_LINKS.exec(scan)) {
        if (read.has(base + m.index)) continue;
        const at = m.index + m[0].length - '</sup>'.length - m[1].length;
        const unlinked = m[1].replace(/\[\s*(\d{1,4})\s*\]/g, (all: string, n: string, off: number) => (raw.startsWith('(#', at + off + all.length) ? n : all));
        const list = LIST_ONLY.exec(unlinked.replace(/<\/?a\b[^<>]*>/gi, ''));
        if (list) sups.push({ style: 'html-sup', raw: raw.slice(m.index, m.index + m[0].length), start: base + m.index, end: base + m.index + m[0].length, numbers: expandList(list[1]), blockIndex });
      }
      sups.sort((a, b) => a.start - b.start);
    }
    out.push(...sups);
  }
  if (scan.includes('[')) {
    let sup = 0; // html-sup markers and bracket matches both come in document order
    let lastBracketEnd = -1; // `[1][2]`: the second starts where the first ends
    BRACKET.lastIndex = 0;
    for (let m = BRACKET.exec(scan); m; m = BRACKET.exec(scan)) {
      const prev = raw[m.index - 1];
      const next = raw[m.index + m[0].length];
      // `[1]: url` at the start of a line is a link reference definition; `text [1]:` cites.
      // `[text][1]` is a reference-style link; `[1][2]` is two markers side by side.
      const afterMarker = prev === ']' && lastBracketEnd === base + m.index;
      // `[1](#ref-1)`: a citation linked to its entry on the page (any other target is a link).
      const linkedToEntry = next === '(' && raw[m.index + m[0].length + 1] === '#';
      if ((prev === ']' && !afterMarker) || prev === '!' || prev === '\\' || (next === '(' && !linkedToEntry) || (next === ':' && atLineStart(raw, m.index))) continue;
      while (sup < sups.length && sups[sup].end <= base + m.index) sup++;
      if (sup < sups.length && sups[sup].start <= base + m.index) continue; // `<sup>[3]</sup>`
      out.push({ style: 'bracket', raw: m[0], start: base + m.index, end: base + m.index + m[0].length, numbers: expandList(m[1]), blockIndex });
      lastBracketEnd = base + m.index + m[0].length;
    }
    if (scan.includes('\\[')) {
      ESCAPED_BRACKET.lastIndex = 0;
      for (let m = ESCAPED_BRACKET.exec(scan); m; m = ESCAPED_BRACKET.exec(scan)) {
        out.push({ style: 'bracket', raw: m[0], start: base + m.index, end: base + m.index + m[0].length, numbers: expandList(m[1]), blockIndex });
      }
    }
    FOOTNOTE.lastIndex = 0;
    for (let m = FOOTNOTE.exec(scan); m; m = FOOTNOTE.exec(scan)) {
      if (raw[m.index + m[0].length] === ':' && (m.index === 0 || /^\s*$/.test(raw.slice(raw.lastIndexOf('\n', m.index) + 1, m.index)))) continue;
      const label = m[1];
      const numbers = /^\d{1,4}$/.test(label) ? [Number(label)] : [];
      out.push({ style: 'footnote', raw: m[0], start: base + m.index, end: base + m.index + m[0].length, numbers, label, blockIndex });
    }
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  if (ctx.parenLimit > 0 && paren.length) addParenthesised(out, paren, base, blockIndex, ctx.parenLimit);
  for (const m of out) {
    if (m.style === 'footnote') continue; // numeric footnote labels number their own notes, not the list
    if (m.style === 'superscript') {
      const parsed = parseSuperscript(m.raw, ctx);
      m.numbers = parsed.numbers;
      if (parsed.alternative) m.alternative = parsed.alternative;
    }
    for (const n of m.numbers) if (n > ctx.maxSeen) ctx.maxSeen = n;
  }
  return out;
}

/**
 * Adds the candidates whose numbers are all from 1 to `limit` to `out` (sorted, and kept so),
 * unless another marker overlaps them.
 */
function addParenthesised(out: Marker[], paren: readonly ParenCandidate[], base: number, blockIndex: number, limit: number): void {
  const others = out.length;
  const merged: Marker[] = [];
  let k = 0;
  for (const c of paren) {
    if (!c.numbers.every((n) => n >= 1 && n <= limit)) continue;
    const start = base + c.start;
    const end = base + c.end;
    while (k < others && out[k].end <= start) merged.push(out[k++]);
    if (k < others && out[k].start < end) continue;
    merged.push({ style: 'paren', raw: c.raw, start, end, numbers: [...c.numbers], blockIndex });
  }
  while (k < others) merged.push(out[k++]);
  out.length = 0;
  for (const m of merged) out.push(m);
}

/** `1, 3-5` gives [1, 3, 4, 5]. Ranges longer than 500 are not expanded past their ends. */
export function expandList(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(/\s*[,;]\s*/)) {
    const range = /^(\d+)\s*[–—‐−-]\s*(\d+)$/.exec(part.trim());
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b >= a && b - a <= 500) for (let i = a; i <= b; i++) out.push(i);
      else out.push(a, b);
    } else if (/^\d+$/.test(part.trim())) {
      out.push(Number(part.trim()));
    }
  }
  return out;
}

function supToAscii(s: string): string {
  let out = '';
  for (const c of s) {
    const d = SUP_DIGITS.indexOf(c);
    out += d >= 0 ? String(d) : '⁻–—‐−-'.includes(c) ? '-' : ',';
  }
  return out;
}

/**
 * Reads a superscript run. A run of digits without separators (¹²) can mean one number (12) or
 * one number per digit (1 and 2): the list's length decides; when both readings are possible the
 * one that keeps citation order is chosen and the other is kept as `alternative`.
 */
export function parseSuperscript(raw: string, ctx: MarkerContext): { numbers: number[]; alternative?: number[] } {
  const ascii = supToAscii(raw);
  const parts = ascii.split(',');
  const numbers: number[] = [];
  // The other reading of the (last) ambiguous run: where it starts in `numbers`, how many numbers
  // the chosen reading took there, and the other numbers. The marker's alternative is its whole
  // list with that run read the other way (`¹⁰,¹²` is 10, 12 or 10, 1, 2).
  let alt: { at: number; length: number; numbers: number[] } | undefined;
  for (const part of parts) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range) {
      numbers.push(...expandList(part));
      continue;
    }
    if (part.length === 1) {
      numbers.push(Number(part));
      continue;
    }
    const whole = Number(part);
    const count = ctx.referenceCount;
    // Every way to read the run as ascending numbers of the list (¹²¹³: 12, 13 or 1, 2, 13;
    // ¹¹ is never 1 and 1), fewest numbers first.
    const readings = count > 0 ? ascendingReadings(part, count) : [];
    if (readings.length > 1) {
      // Several readings: the first that keeps citation order is chosen. When that is the reading
      // in fewest numbers (¹² as 12 once 1 to 11 are cited: how a superscript number is written),
      // the run is read so with no doubt; otherwise (digit by digit, or no reading keeps order)
      // the next reading is kept as `alternative` and the run is reported as ambiguous.
      const keepsOrder = (ns: number[]): boolean => ns.every((n) => n <= Math.max(ctx.maxSeen, ...numbers) + ns.length);
      const chosen = readings.find(keepsOrder) ?? readings[0];
      if (chosen !== readings[0] || !keepsOrder(chosen)) {
        const other = readings.find((r) => r !== chosen)!;
        alt = { at: numbers.length, length: chosen.length, numbers: other };
      }
      numbers.push(...chosen);
    } else if (readings.length === 1) {
      numbers.push(...readings[0]);
    } else if (count === 0 && [...part].every((d, k) => d >= '1' && (k === 0 || d > part[k - 1]))) {
      // No list to decide by: rising digits are read one by one (¹² = 1, 2), as the sample writes them.
      numbers.push(...[...part].map(Number));
    } else {
      // No reading resolves: the digits are one number (¹⁰ is 10, never 1 and 0; ²¹ is 21),
      // and that number is the one reported.
      numbers.push(whole);
    }
  }
  if (!alt) return { numbers };
  return { numbers, alternative: [...numbers.slice(0, alt.at), ...alt.numbers, ...numbers.slice(alt.at + alt.length)] };
}

/**
 * The readings of a run of digits as strictly ascending numbers from 1 to `count` (no part with a
 * leading zero), fewest parts first; runs longer than 9 digits are read only whole or digit by digit.
 */
function ascendingReadings(digits: string, count: number): number[][] {
  const out: number[][] = [];
  const ok = (n: number, prev: number): boolean => n >= 1 && n <= count && n > prev;
  if (digits.length > 9) {
    const whole = Number(digits);
    if (ok(whole, 0)) out.push([whole]);
    const single = [...digits].map(Number);
    if (single.every((n, k) => ok(n, k ? single[k - 1] : 0))) out.push(single);
    return out;
  }
  const walk = (from: number, prev: number, acc: number[]): void => {
    if (from === digits.length) {
      out.push([...acc]);
      return;
    }
    if (digits[from] === '0') return;
    for (let end = from + 1; end <= digits.length; end++) {
      const n = Number(digits.slice(from, end));
      if (n > count) break;
      if (n <= prev) continue;
      acc.push(n);
      walk(end, n, acc);
      acc.pop();
    }
  };
  walk(0, 0, []);
  return out.sort((a, b) => a.length - b.length);
}

/** Whether only spaces and tabs stand between the start of its line and `i`. */
function atLineStart(raw: string, i: number): boolean {
  let k = i;
  while (k > 0 && (raw[k - 1] === ' ' || raw[k - 1] === '\t')) k--;
  return k === 0 || raw[k - 1] === '\n' || raw[k - 1] === '\r';
}
