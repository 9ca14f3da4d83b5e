import type { Finding, Fix, Span, TextEdit } from '../types';
import { L, rx } from '../text/letters';

/**
 * Invisible characters inside words: the soft hyphen (U+00AD), the zero-width space, non-joiner
 * and joiner (U+200B to U+200D) and the word joiner (U+2060). A reader sees "cu\u00ADre" as
 * "cure", and so must the rules: a block's prose draws such words together. Sentences are found
 * first, on the prose as written (the segmenter passes over these characters); then the text of
 * each sentence with such a word moves over the invisible characters towards its end, and the
 * code units they leave become spaces at its start ("Results are guaran\u00ADteed." reads
 * " Results are guaranteed."): the prose keeps its block's length, the sentence its words, their
 * single spaces, and its end where it was, so that what follows it (a marker, a link, the next
 * sentence) is where it is written. Outside a word they read as a space, in place.
 *
 * Inside such a sentence an index into the prose is not the document's offset (up to its last
 * invisible character): each sentence is recorded (`JoinedWord`), and `toText` converts; the
 * sentence's span starts where its prose text starts. `lintArticle` converts every finding
 * (ranges, related ranges, fix edits and cursors), so that a fix replaces exactly the characters
 * as written, invisible ones included.
 */
export interface JoinedWord extends Span {
  /** Offsets of the invisible characters taken out of the stretch, in order (on the same origin as the span); as many spaces start it in the prose. */
  removed: readonly number[];
}

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060]/;
const INVISIBLE_ALL = /[\u00AD\u200B-\u200D\u2060]/g;
/** A word (letters, numbers, marks, apostrophes and hyphens) with invisible characters inside. */
const WORD_WITH_INVISIBLE = rx.gu`[${L}\p{N}\p{M}'’-]+(?:[\u00AD\u200B-\u200D\u2060]+[${L}\p{N}\p{M}'’-]+)+`;

/**
 * The prose with words drawn together over invisible characters, the stretches that moved and
 * the sentences (both relative to the prose), found on the prose as written; `words` and `spans`
 * are absent when there is nothing to draw together (nearly always: one scan).
 */
export function seeThrough(prose: string, splitSentences: (prose: string) => Span[]): { prose: string; words?: JoinedWord[]; spans?: Span[] } {
  if (!INVISIBLE.test(prose)) return { prose };
  WORD_WITH_INVISIBLE.lastIndex = 0;
  let m = WORD_WITH_INVISIBLE.exec(prose);
  if (!m) return { prose: prose.replace(INVISIBLE_ALL, ' ') };
  const sentences = splitSentences(prose);
  const words: JoinedWord[] = [];
  let out = '';
  let pos = 0;
  let k = 0;
  while (m) {
    // The stretch: the sentence of this word, with its later words with invisible characters
    // (a word outside every sentence: itself).
    while (k < sentences.length && sentences[k].end <= m.index) k++;
    const inSentence = k < sentences.length && sentences[k].start <= m.index;
    const start = inSentence ? sentences[k].start : m.index;
    let end = inSentence ? sentences[k].end : m.index + m[0].length;
    const removed: number[] = [];
    let kept = '';
    let from = start;
    while (m && m.index < end) {
      end = Math.max(end, m.index + m[0].length);
      for (let i = m.index; i < m.index + m[0].length; i++) {
        if (!isInvisible(prose.charCodeAt(i))) continue;
        kept += prose.slice(from, i);
        removed.push(i);
        from = i + 1;
      }
      m = WORD_WITH_INVISIBLE.exec(prose);
    }
    kept += prose.slice(from, end);
    out += prose.slice(pos, start) + kept.padStart(end - start, ' ');
    words.push({ start, end, removed });
    // The sentence starts where its text now starts, after the spaces left.
    if (inSentence) sentences[k] = { start: start + removed.length, end };
    pos = end;
  }
  out = (out + prose.slice(pos)).replace(INVISIBLE_ALL, ' ');
  return { prose: out, words, spans: sentences };
}

/**
 * The document's text drawn together as the prose is (`words` in order): the text that prose
 * offsets index, for a rule that reads the text as written around a match in the prose.
 */
export function drawTogether(text: string, words: readonly JoinedWord[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const w of words) {
    let kept = '';
    let from = w.start;
    for (const r of w.removed) {
      kept += text.slice(from, r);
      from = r + 1;
    }
    kept += text.slice(from, w.end);
    parts.push(text.slice(pos, w.start), kept.padStart(w.end - w.start, ' '));
    pos = w.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** The text without its invisible characters (as a reader sees it), for matching outside prose: a reference entry, a title line. */
export function withoutInvisible(s: string): string {
  return INVISIBLE.test(s) ? s.replace(INVISIBLE_ALL, '') : s;
}

const isInvisible = (c: number): boolean => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;

/** The prose offset of a document offset `o` (the inverse of `toText`; an invisible character's is the next letter's). */
export function toProse(words: readonly JoinedWord[], o: number): number {
  for (const w of words) {
    if (o < w.start) break;
    if (o >= w.end) continue;
    let after = 0;
    for (const r of w.removed) if (r >= o) after++;
    return o + after;
  }
  return o;
}

/**
 * The document offset of a prose offset `p` (`words` in order, on the same origin): the same
 * outside the stretches drawn together. Inside one, the offset of the same character (`end`:
 * just after the character before, for the end of a range), and the stretch's start for the
 * spaces at its start.
 */
export function toText(words: readonly JoinedWord[], p: number, end = false): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid];
    if (p <= w.start) hi = mid - 1;
    else if (p >= w.end) lo = mid + 1;
    else {
      // The spaces the invisible characters left, at the stretch's start, stand for its start.
      const first = w.start + w.removed.length;
      if (p < first || (end && p === first)) return w.start;
      // The character's place among the stretch's visible ones, then as many invisible ones as
      // stand before it (`removed[i] - i` never decreases: a binary search).
      const at = w.start + (end ? p - 1 : p) - first;
      const rm = w.removed;
      let a = 0;
      let b = rm.length;
      while (a < b) {
        const i = (a + b) >> 1;
        if (rm[i] - i > at) b = i;
        else a = i + 1;
      }
      return end ? at + a + 1 : at + a;
    }
  }
  return p;
}

/** A span of the prose at the document's offsets (an empty span stays empty). */
export function spanToText<T extends Span>(words: readonly JoinedWord[], s: T): T {
  const start = toText(words, s.start);
  const end = s.end > s.start ? toText(words, s.end, true) : start;
  return start === s.start && end === s.end ? s : { ...s, start, end };
}

/** A fix with its edits (and cursor) at the document's offsets. */
export function fixToText(words: readonly JoinedWord[], fix: Fix): Fix {
  const edits = fix.edits.map((e) => spanToText(words, e));
  if (edits.every((e, i) => e === fix.edits[i])) return fix;
  const out: Fix = { ...fix, edits: mergeInsertions(fix.edits, edits) };
  if (fix.cursor !== undefined) out.cursor = cursorToText(words, fix.cursor, fix.edits, edits);
  return out;
}

/**
 * The converted edits in document order, insertions that now fall at one offset made one, in the
 * order they had (a marker at the end of a sentence, then a reference entry after it: applied
 * apart, the later one would land first).
 */
function mergeInsertions(before: readonly TextEdit[], after: readonly TextEdit[]): TextEdit[] {
  const order = after.map((_, i) => i).sort((a, b) => after[a].start - after[b].start || before[a].start - before[b].start || a - b);
  const out: TextEdit[] = [];
  for (const i of order) {
    const e = after[i];
    const prev = out[out.length - 1];
    if (prev && prev.start === e.start && prev.end === e.start && e.end === e.start) out[out.length - 1] = { ...prev, newText: prev.newText + e.newText };
    else out.push(e);
  }
  return out;
}

/**
 * The cursor after the converted edits: inside an edit's new text, at the same place in it;
 * elsewhere, the converted offset of the original text it stands for.
 */
function cursorToText(words: readonly JoinedWord[], cursor: number, before: readonly TextEdit[], after: readonly TextEdit[]): number {
  const order = before.map((_, i) => i).sort((a, b) => before[a].start - before[b].start);
  let shiftBefore = 0;
  let shiftAfter = 0;
  for (const i of order) {
    const b = before[i];
    const a = after[i];
    const at = b.start + shiftBefore;
    if (cursor < at) break;
    if (cursor <= at + b.newText.length) return a.start + shiftAfter + (cursor - at);
    shiftBefore += b.newText.length - (b.end - b.start);
    shiftAfter += a.newText.length - (a.end - a.start);
  }
  return toText(words, cursor - shiftBefore) + shiftAfter;
}

/** A finding at the document's offsets (`words`: the article's `joinedWords`). */
export function findingToText(words: readonly JoinedWord[], f: Finding): Finding {
  const span = spanToText(words, f);
  const related = f.related?.map((r) => spanToText(words, r));
  const fixes = f.fixes?.map((x) => fixToText(words, x));
  if (span === f && (!related || related.every((r, i) => r === f.related![i])) && (!fixes || fixes.every((x, i) => x === f.fixes![i]))) return f;
  return { ...f, start: span.start, end: span.end, ...(related ? { related } : {}), ...(fixes ? { fixes } : {}) };
}
