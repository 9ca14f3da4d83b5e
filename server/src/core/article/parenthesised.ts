import { expandList } from './markers';
import { L, rx } from '../text/letters';

/**
 * Parenthesised citation markers, the Vancouver variant many clinic pages use: "Ketamine acts
 * quickly (1).", "as shown before (2, 3)", "(1-3)", "(1–3)", "(4,6)".
 *
 * Parentheses also hold enumerations ("(1) wash, (2) dry"), years ("(2019)"), sample sizes
 * ("(n = 30)"), doses ("(5 mg)"), telephone codes ("(020) 7946 0958") and list numbering, so a
 * parenthesised number is read as a citation only under this rule, in two steps.
 *
 * **A candidate** (per block, `parenCandidates`) is a parenthesised list of numbers and ranges
 * (`(1)`, `(2, 3)`, `(1-3)`, `(1–3)`, `(4,6)`, `(1; 3)`): each number one to three digits, not
 * starting with 0 (`(2019)`, `(020)` are not), no comma followed by three digits without a space
 * (`(1,500)` is a thousand), and
 *   1. it is not the first thing on its line: only indentation, `>` quote marks and a list
 *      marker (`-`, `*`, `+`, `•`, `1.`, `1)`, `(1)`) before it is a list item's number;
 *   2. what stands before it on its line (spaces and closing HTML tags such as `</strong>`
 *      aside) is a letter, a digit, `%`, a closing bracket, parenthesis, quotation mark or
 *      emphasis (`)`, `]`, `"`, `”`, `’`, `'`, `»`, `*`, `_`) or sentence punctuation (`.`, `!`,
 *      `?`, `…`); not a comma, semicolon, colon, dash, opening bracket or `|` (an
 *      enumeration's separators, a table cell's start);
 *   3. the word before it is not one that a number labels or measures (`scale (1-5)`,
 *      `step (2)`, `type (1)`, `group (3)`, `aged (5)`, `figure (2)`: `LABEL_WORDS`);
 *   4. no letter or digit follows it directly, nor a digit after spaces (`(604) 555-0183`);
 *      after sentence punctuation, no word follows it on its line (`... today. (1) Wash your
 *      hands` numbers a step; `... today. (1)` at the end of a paragraph cites);
 *   5. its sentence does not use parenthesised numbers as an enumeration: two single numbers
 *      in a row, k then k + 1, the second right after a list separator (`,`, `;`, `:`, `and`,
 *      `or`, `then`), as in "You should (1) wash and (2) dry": every parenthesised single
 *      number of that sentence that does not close a clause (an item's number is followed by
 *      its item) is then left alone.
 *   A candidate *closes* a clause when it is directly followed by `.`, `,`, `;`, `:`, `!`, `?`
 *   or the end of its line (spaces aside), or directly follows sentence punctuation.
 *
 * **The style is in use** (`parenthesisedLimit`) when the article has a numbered reference list
 * and its candidates whose numbers are all entries of the list (resolving candidates) are at
 * least one, at least one of them closes a clause, and they are at least as many as the
 * article's markers of every other style together (an article that cites with brackets or
 * superscripts does not also cite with "(3)": there it is a child's age or a count). Then every
 * candidate whose numbers are all between 1 and three past the list's highest number is a
 * marker of style `paren` (a citation of an entry not yet added is reported by
 * `unresolved-citation`; a larger number is left as text).
 */

/** A parenthesised number list that may be a citation (offsets relative to the block). */
export interface ParenCandidate {
  start: number;
  end: number;
  raw: string;
  numbers: number[];
  /** Directly before `.`, `,`, `;`, `:`, `!`, `?` or the end of its line, or directly after sentence punctuation. */
  closing: boolean;
}

const NUMBER = '[1-9]\\d{0,2}';
const PAREN = new RegExp(`\\((${NUMBER}(?:[ \\t]*[,;–—‐−-][ \\t]*${NUMBER})*)\\)`, 'g');
/** Only indentation, quote marks and a list marker before it on its line. */
const LINE_START = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+•]|\d{1,9}[.)]|\(\d{1,3}\))[ \t]+)?$/;
/** What may stand right before a citation (spaces aside). */
const BEFORE = rx.u`[${L}\p{N}%)\]"”’'»*_.!?…]`;
const SENTENCE_END = /[.!?…]/;
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9]*\s*>$/;
/** Words a number in parentheses labels or measures rather than cites. */
export const LABEL_WORDS = new Set(
  'scale score scored rated rating grade stage step phase type level class category group arm cohort figure fig table box appendix item question section chapter page equation option number no aged age n total count dose'.split(' '),
);
/** A list separator right before an enumeration's next number. */
const SEPARATOR_BEFORE = rx.iu`(?:[,;:]|(?<![${L}\p{N}])(?:and|or|then))[ \t\u00A0]*$`;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\u00A0';
const isLineBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/**
 * The parenthesised-citation candidates of one block (tests 1 to 5 of the rule above). `scan` is
 * the block with code, comments and link targets blanked (the same length as the block).
 */
export function parenCandidates(scan: string): ParenCandidate[] {
  if (!scan.includes('(')) return [];
  const out: ParenCandidate[] = [];
  // Every single parenthesised number of the block, for the enumeration test (5).
  const singles: { start: number; n: number }[] = [];
  PAREN.lastIndex = 0;
  for (let m = PAREN.exec(scan); m; m = PAREN.exec(scan)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/^\d+$/.test(m[1])) singles.push({ start, n: Number(m[1]) });
    if (/,\d{3}(?!\d)/.test(m[1])) continue; // (1,500)
    const lineStart = Math.max(scan.lastIndexOf('\n', start - 1), scan.lastIndexOf('\r', start - 1)) + 1;
    if (LINE_START.test(scan.slice(lineStart, start))) continue; // 1
    let p = start;
    while (p > lineStart && isSpace(scan[p - 1])) p--;
    // `<strong>quickly</strong> (1)`: what stands before the closing tags.
    while (scan[p - 1] === '>') {
      const tag = CLOSING_TAG.exec(scan.slice(Math.max(lineStart, p - 40), p));
      if (!tag) break;
      p -= tag[0].length;
      while (p > lineStart && isSpace(scan[p - 1])) p--;
    }
    const prev = scan[p - 1];
    if (p === lineStart || !BEFORE.test(prev)) continue; // 2
    const word = rx.u`[${L}]+$`.exec(scan.slice(Math.max(lineStart, p - 20), p));
    if (word && LABEL_WORDS.has(word[0].toLowerCase())) continue; // 3
    const next = scan[end];
    if (next !== undefined && rx.u`[${L}\p{N}]`.test(next)) continue; // 4
    let q = end;
    while (isSpace(scan[q])) q++;
    const following = scan[q];
    if (q > end && following !== undefined && /\p{N}/u.test(following)) continue; // 4: (604) 555-0183
    const afterSentence = SENTENCE_END.test(prev);
    if (afterSentence && following !== undefined && rx.u`[${L}]`.test(following)) continue; // 4: ". (1) Wash"
    const closing = afterSentence || next === undefined || isLineBreak(next) || /[.,;:!?]/.test(next) || following === undefined || isLineBreak(following);
    out.push({ start, end, raw: m[0], numbers: expandList(m[1]), closing });
  }
  if (singles.length < 2 || out.length === 0) return out;
  // 5: a sentence that numbers items with them. Sentences end at sentence punctuation followed
  // by a space or line break (close enough here: an abbreviation only splits a sentence in two).
  const enumerated: { from: number; to: number }[] = [];
  const sentenceEnds: number[] = [];
  const END = /[.!?…]["”’)\]]*(?=\s|$)/g;
  for (let m = END.exec(scan); m; m = END.exec(scan)) sentenceEnds.push(m.index + m[0].length);
  const sentenceOf = (at: number): number => {
    let k = 0;
    while (k < sentenceEnds.length && sentenceEnds[k] <= at) k++;
    return k;
  };
  for (let i = 1; i < singles.length; i++) {
    const a = singles[i - 1];
    const b = singles[i];
    const s = sentenceOf(b.start);
    if (b.n !== a.n + 1 || sentenceOf(a.start) !== s || !SEPARATOR_BEFORE.test(scan.slice(Math.max(0, b.start - 12), b.start))) continue;
    enumerated.push({ from: s === 0 ? 0 : sentenceEnds[s - 1], to: s < sentenceEnds.length ? sentenceEnds[s] : scan.length });
  }
  if (!enumerated.length) return out;
  return out.filter((c) => c.closing || c.numbers.length > 1 || /[,;–—‐−-]/.test(c.raw) || !enumerated.some((e) => e.from <= c.start && c.start < e.to));
}

/**
 * Whether the article cites in parentheses, by the rule above: the highest number a
 * parenthesised marker may cite (three past the list's highest), or 0 when the style is not
 * in use. `entryNumbers` are the numbered list's; `otherMarkers` the count of markers of the
 * other styles.
 */
export function parenthesisedLimit(entryNumbers: readonly number[], candidates: Iterable<readonly ParenCandidate[]>, otherMarkers: number): number {
  if (entryNumbers.length === 0) return 0;
  const known = new Set(entryNumbers);
  let resolving = 0;
  let closing = false;
  for (const block of candidates) {
    for (const c of block) {
      if (!c.numbers.every((n) => known.has(n))) continue;
      resolving++;
      if (c.closing) closing = true;
    }
  }
  if (resolving === 0 || !closing || resolving < otherMarkers) return 0;
  return Math.max(...entryNumbers) + 3;
}
