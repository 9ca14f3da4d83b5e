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
    // Common words of abbreviated journal titles (J. Clin. Psychiatry, Am. J. Psychiatry).
    String.raw`J|Am|Br|Eur|Int|Clin|Med|Res|Psychiatr|Psychol|Neurosci|Pharmacol|Ther|Rev|Ann|Arch|Proc|Natl|Acad|Sci|Gen|Intern|Affect|Disord|Biol|Neurol|Curr|Opin|Pract|Psychopharmacol|Assoc|Epidemiol|Pediatr|Surg|Nurs|Can|Aust|N Engl)\.\s*$`,
);

export function splitSentences(prose: string): Span[] {
  const raw: Span[] = [];
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
    for (const seg of segmenter.segment(prose)) raw.push({ start: seg.index, end: seg.index + seg.segment.length });
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
