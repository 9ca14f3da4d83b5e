import type { Span } from '../types';

/**
 * Sentence boundaries in a block's prose, by `Intl.Segmenter` (run per block: it is superlinear
 * on long strings), with the splits it makes after abbreviations, initials and journal
 * abbreviations undone. Very long blocks (a pathological single line) use a linear regex
 * splitter instead, so that no input can stall analysis.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const SEGMENTER_LIMIT = 20_000;
/**
 * Text with no possible sentence break: only characters that are neither sentence terminators
 * nor paragraph separators in the Unicode sentence-break rules (UAX #29: STerm, ATerm, Sep, CR,
 * LF), from a list known to hold none (ASCII less . ! ?, Latin-1, the dashes, quotes and
 * primes of General Punctuation, superscripts). Anything else goes to the segmenter.
 */
const NO_BREAK = /^[\t\x20-\x20\x22-\x2D\x2F-\x3E\x40-\x7E\u00A0-\u024F\u2010-\u2023\u2027\u2030-\u203B\u2070-\u209F]*$/;

const ABBREVIATION = new RegExp(
  String.raw`(?:^|[\s(])(?:et al|e\.g|i\.e|cf|vs|viz|approx|ca|etc|Dr|Drs|Mr|Mrs|Ms|Prof|St|Jr|Sr|Inc|Ltd|Co|Fig|Figs|No|Nos|Vol|Vols|Eq|Ref|Refs|Suppl|Ed|Eds|pp|p|ch|sec|min|max|mo|wk|yr|hr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|` +
    // Dotted initialisms: U.S., U.K., E.U.
    String.raw`(?:[A-Z]\.){1,3}[A-Z]|` +
    // Common words of abbreviated journal titles (J. Clin. Psychiatry, Am. J. Psychiatry).
    String.raw`J|Am|Br|Eur|Int|Clin|Med|Res|Psychiatr|Psychol|Neurosci|Pharmacol|Ther|Rev|Ann|Arch|Proc|Natl|Acad|Sci|Gen|Intern|Affect|Disord|Biol|Neurol|Curr|Opin|Pract|Psychopharmacol|Assoc|Epidemiol|Pediatr|Surg|Nurs|Can|Aust|N Engl)\.\s*$`,
);

/**
 * Sentence_Break classes (UAX #29) of the code units `ruleBreaks` reads itself: ASCII (less
 * the controls), Latin-1, Latin Extended-A and -B, General Punctuation up to U+205E and the
 * superscripts and subscripts, less what can be Format, Extend or Sep (the soft hyphen, the
 * line and paragraph separators, the bidirectional controls). Anything else goes to the segmenter.
 */
const SB_SP = 1;
const SB_LOWER = 2;
const SB_UPPER = 3;
const SB_OLETTER = 4;
const SB_NUMERIC = 5;
const SB_ATERM = 6;
const SB_STERM = 7;
const SB_CLOSE = 8;
const SB_SCONTINUE = 9;
const SB_OTHER = 10;
const SB_UNREAD = 11;

const STERM = new Set([0x21, 0x3f, 0x203c, 0x203d, 0x2047, 0x2048, 0x2049]);
const SCONTINUE = new Set([0x2c, 0x2d, 0x3a, 0x3b, 0x2013, 0x2014]);
const CLOSE = new Set([0x22, 0x27, 0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0xab, 0xbb, 0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f, 0x2039, 0x203a, 0x2045, 0x2046, 0x207d, 0x207e, 0x208d, 0x208e]);
const LOWERCASE = /\p{Lowercase}/u;
const UPPERCASE = /\p{Uppercase}|\p{Lt}/u;
const ALPHABETIC = /\p{Alphabetic}/u;
const DECIMAL = /\p{Nd}/u;

function classOf(c: number): number {
  if (c === 0x09 || c === 0x20 || c === 0xa0 || c === 0x202f) return SB_SP;
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xad || (c > 0x24f && c < 0x2010) || (c >= 0x2028 && c <= 0x202e) || (c > 0x205e && c < 0x2070) || c > 0x209f) return SB_UNREAD;
  if (STERM.has(c)) return SB_STERM;
  if (c === 0x2e || c === 0x2024) return SB_ATERM;
  if (SCONTINUE.has(c)) return SB_SCONTINUE;
  if (CLOSE.has(c)) return SB_CLOSE;
  const s = String.fromCharCode(c);
  if (LOWERCASE.test(s)) return SB_LOWER;
  if (UPPERCASE.test(s)) return SB_UPPER;
  if (ALPHABETIC.test(s)) return SB_OLETTER;
  return DECIMAL.test(s) ? SB_NUMERIC : SB_OTHER;
}

/** `classOf` by code unit, filled as the units are met (0: not yet). */
const classes = new Uint8Array(0x20a0);
let classBuffer = new Uint8Array(256);

/**
 * The sentences of `prose` as the segmenter finds them, by the rules of UAX #29 read here
 * (the segmenter took some 45 ns a code unit): a break only after a terminator, its closing
 * punctuation and its spaces (SB11), except before a continuation or another terminator (SB8a),
 * after a full stop before a digit (SB6) or between letters before a capital (SB7), and after a
 * full stop whose next letter is lower case (SB8). Undefined when the prose holds a code unit
 * of another class (`SB_UNREAD`). A property test compares it with the segmenter.
 */
export function ruleSentences(prose: string): Span[] | undefined {
  const n = prose.length;
  if (classBuffer.length < n) classBuffer = new Uint8Array(Math.max(n, classBuffer.length * 2));
  const cls = classBuffer;
  for (let i = 0; i < n; i++) {
    const c = prose.charCodeAt(i);
    let k = c < 0x20a0 ? classes[c] : SB_UNREAD;
    if (k === 0) classes[c] = k = classOf(c);
    if (k === SB_UNREAD) return undefined;
    cls[i] = k;
  }
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = cls[i];
    if (c !== SB_ATERM && c !== SB_STERM) continue;
    if (c === SB_ATERM && i + 1 < n) {
      const next = cls[i + 1];
      if (next === SB_NUMERIC) continue;
      if (next === SB_UPPER && i > 0 && (cls[i - 1] === SB_UPPER || cls[i - 1] === SB_LOWER)) continue;
    }
    let k = i + 1;
    while (k < n && cls[k] === SB_CLOSE) k++;
    while (k < n && cls[k] === SB_SP) k++;
    if (k >= n) break;
    const d = cls[k];
    let held = d === SB_SCONTINUE || d === SB_ATERM || d === SB_STERM;
    if (!held && c === SB_ATERM) {
      let m = k;
      while (m < n && (cls[m] === SB_SP || cls[m] === SB_NUMERIC || cls[m] === SB_CLOSE || cls[m] === SB_SCONTINUE || cls[m] === SB_OTHER)) m++;
      held = m < n && cls[m] === SB_LOWER;
    }
    if (!held) {
      out.push({ start, end: k });
      start = k;
    }
    i = k - 1;
  }
  if (n > 0) out.push({ start, end: n });
  return out;
}

export function splitSentences(prose: string): Span[] {
  let raw: Span[] = [];
  if (prose.length > SEGMENTER_LIMIT) {
    // Starts only where a run of end marks starts: retrying inside a long run ("!!!!…") is quadratic.
    const re = /(?<![.!?])[.!?]+["'”’)\]]*\s+(?=["“([]?[A-Z0-9])/g;
    let start = 0;
    for (let m = re.exec(prose); m; m = re.exec(prose)) {
      raw.push({ start, end: m.index + m[0].length });
      start = m.index + m[0].length;
    }
    raw.push({ start, end: prose.length });
  } else if (NO_BREAK.test(prose)) {
    // Nothing the segmenter could break at (a heading, a label, a list item without a full
    // stop): one sentence, without the segmenter's per-call cost.
    raw.push({ start: 0, end: prose.length });
  } else {
    const read = ruleSentences(prose);
    if (read) raw = read;
    else for (const seg of segmenter.segment(prose)) raw.push({ start: seg.index, end: seg.index + seg.segment.length });
  }
  // Undo splits after abbreviations and initials.
  const merged: Span[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    // "Smith et al.¹ Studies show ...": the marker (blanked, two spaces or more) after the
    // abbreviation's full stop ends the sentence when a capital follows.
    const markerEnds = prev !== undefined && /\.[ \t]{2,}$/.test(prose.slice(Math.max(prev.start, prev.end - 12), prev.end)) && /^[A-Z]/.test(prose.slice(s.start, s.start + 1));
    if (prev && !markerEnds && ABBREVIATION.test(prose.slice(Math.max(prev.start, prev.end - 40), prev.end)) && /^\s*[("“]?[A-Za-z0-9]/.test(prose.slice(s.start, s.start + 3))) {
      // A lower-case continuation, or an abbreviation that cannot end a sentence.
      const tail = prose.slice(Math.max(prev.start, prev.end - 40), prev.end).trimEnd();
      const nextStartsLower = /^\s*[a-z]/.test(prose.slice(s.start, s.start + 3));
      if (nextStartsLower || !/\b(?:etc|[A-Z][a-z]+)\.$/.test(tail) || /\b(?:J|Am|Br|Eur|Int|Clin|Dr|Drs|Mr|Mrs|Ms|Prof|St|Fig|Figs|No|Vol|vs|al)\.$/.test(tail)) {
        prev.end = s.end;
        continue;
      }
    }
    merged.push({ ...s });
  }
  // Trim whitespace; drop empty segments.
  const out: Span[] = [];
  for (const s of merged) {
    let a = s.start;
    let b = s.end;
    while (a < b && isSpace(prose.charCodeAt(a))) a++;
    while (b > a && isSpace(prose.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ start: a, end: b });
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}
