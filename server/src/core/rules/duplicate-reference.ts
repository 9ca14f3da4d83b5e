import type { Reference } from '../article/model';
import { noMemo } from '../memo';
import type { Rule } from './rule';
import { L, rx } from '../text/letters';

/** Two entries for one work: the same DOI or PMID, or near-identical titles of one year and first author. */
export const duplicateReference: Rule = {
  meta: {
    id: 'duplicate-reference',
    description: 'Two reference entries describe the same work (same DOI or PMID, or near-identical title of one year and first author).',
    defaultSeverity: 'warning',
    category: 'citations',
    fixable: 'none',
  },
  check({ article, report, memo }) {
    const entries = [...(article.references?.entries ?? []), ...article.footnotes];
    if (entries.length < 2) return;
    // A host that keeps nothing across versions (the CLI) keeps no title words either: they
    // would live as long as the article, for nothing.
    const kept = memo !== noMemo;
    const titles = (): Set<string>[] => entries.map((e) => (kept ? titleWords(e) : words(e.fields.title ?? e.text)));
    const compute = (): DuplicatePair[] => {
      const t = titles();
      const p = entries.map((e, i) => profile(e, t[i]));
      return firstDuplicatesOf(p).map(([i, j]) => ({ i, j, why: sameProfile(p[j], p[i])! }));
    };
    // The pairs depend only on the entries' texts (their fields come from them): kept across
    // versions while the entries are unchanged.
    const pairs = kept ? memo('duplicate-pairs', entries.map((e) => article.text.slice(e.textSpan.start, e.textSpan.end)).join('\u0000'), compute) : compute();
    for (const { i, j, why } of pairs) {
      report({
        start: entries[i].start,
        end: entries[i].end,
        message: `${name(entries[i])} duplicates ${name(entries[j])} (${why}): cite one entry for both.`,
        related: [{ start: entries[j].start, end: entries[j].end, message: `First entry for this work` }],
      });
    }
  },
};

interface DuplicatePair {
  i: number;
  j: number;
  why: string;
}

const THRESHOLD = 0.85;

/**
 * For each entry that duplicates an earlier one, the pair (entry, first earlier entry it
 * duplicates), in entry order: what comparing every pair gives, without comparing every pair
 * (a large article has thousands of entries). Candidates come from the same DOI, the same PMID,
 * or a shared word among the rarest words of both titles (prefix filtering: two word sets with
 * Jaccard similarity t or more share a word among the first |A| - ceil(t |A|) + 1 of each, in
 * any fixed order of words).
 */
export function firstDuplicates(entries: Reference[], titles: Set<string>[]): [number, number][] {
  return firstDuplicatesOf(entries.map((e, i) => profile(e, titles[i])));
}

function firstDuplicatesOf(entries: Profile[]): [number, number][] {
  const out: [number, number][] = [];
  const freq = new Map<string, number>();
  for (const e of entries) for (const w of e.words) freq.set(w, (freq.get(w) ?? 0) + 1);
  // The first entry of each DOI and PMID: it is one work with every later entry of that DOI, so
  // no later one can be an earlier match (keeping them all made a long list of one DOI quadratic).
  const byDoi = new Map<string, number>();
  const byPmid = new Map<string, number>();
  const byWord = new Map<string, number[]>();
  const t = THRESHOLD - 0.01; // a little more candidates than needed: rounding never loses one
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const candidates = new Set<number>();
    const doi = e.doi;
    const sameDoi = doi ? byDoi.get(doi) : undefined;
    if (sameDoi !== undefined) candidates.add(sameDoi);
    const samePmid = e.pmid ? byPmid.get(e.pmid) : undefined;
    if (samePmid !== undefined) candidates.add(samePmid);
    const sorted = [...e.words].sort((a, b) => freq.get(a)! - freq.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
    const prefix = e.words.size >= 4 ? sorted.slice(0, sorted.length - Math.ceil(t * sorted.length) + 1) : [];
    for (const w of prefix) for (const j of byWord.get(w) ?? []) candidates.add(j);
    let first = -1;
    for (const j of [...candidates].sort((a, b) => a - b)) {
      if (sameProfile(entries[j], e)) {
        first = j;
        break;
      }
    }
    if (first >= 0) out.push([i, first]);
    if (doi && sameDoi === undefined) byDoi.set(doi, i);
    if (e.pmid && samePmid === undefined) byPmid.set(e.pmid, i);
    for (const w of prefix) {
      const l = byWord.get(w);
      if (l) l.push(i);
      else byWord.set(w, [i]);
    }
  }
  return out;
}

/** The first author's surname, lower case ("Weaver LK" gives "weaver"), or the group's name. */
function firstSurname(r: Reference): string | undefined {
  const first = r.fields.authors[0];
  if (!first) return undefined;
  return first.replace(/\s+\p{Lu}{1,3}$/u, '').replace(/,\s*(?:\p{Lu}\.\s*)+$/u, '').trim().toLowerCase();
}

function name(r: Reference): string {
  return r.label !== undefined ? `Footnote [^${r.label}]` : `Reference ${r.number}`;
}

/** Why two entries are one work, if they are (titles as `words` gives them). */
export function sameWork(a: Reference, b: Reference, ta: Set<string>, tb: Set<string>): string | undefined {
  return sameProfile(profile(a, ta), profile(b, tb));
}

/**
 * What comparing an entry reads of it, read once: each entry is compared with every earlier one
 * that shares its rarest title words (the 10 MB bench article, made of repeated sections, has
 * 12,600 entries and some 80 candidates each: a million comparisons, on which reading both
 * surnames with their regular expressions spent three seconds).
 */
interface Profile {
  doi?: string;
  pmid?: string;
  year?: string;
  surname?: string;
  words: Set<string>;
  numbers: string;
}

function profile(e: Reference, words: Set<string>): Profile {
  return { doi: e.fields.doi?.toLowerCase(), pmid: e.fields.pmid, year: e.fields.year, surname: firstSurname(e), words, numbers: numbersOf(words) };
}

function sameProfile(a: Profile, b: Profile): string | undefined {
  if (a.doi && b.doi && a.doi === b.doi) return 'same DOI';
  if (a.pmid && b.pmid && a.pmid === b.pmid) return 'same PMID';
  const ta = a.words;
  const tb = b.words;
  if (ta.size < 4 || tb.size < 4) return undefined;
  // By title, only works of one year and one first author: "Hyperbaric oxygen for (acute) carbon
  // monoxide poisoning" is a 2002 trial by Weaver and a 2011 review by Buckley, and a guideline's
  // editions share its title.
  if (a.year && b.year && a.year !== b.year) return undefined;
  if (a.surname && b.surname && a.surname !== b.surname) return undefined;
  if (a.numbers !== b.numbers) return undefined;
  // Jaccard similarity t or more needs sizes within a factor t, and at least t(|A| + |B|) / (1 + t)
  // common words: stop counting as soon as the words left cannot reach that.
  const [small, large] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
  if (small.size < THRESHOLD * large.size) return undefined;
  const needed = (THRESHOLD * (ta.size + tb.size)) / (1 + THRESHOLD);
  let common = 0;
  let left = small.size;
  for (const w of small) {
    if (large.has(w)) common++;
    left--;
    if (common + left < needed) return undefined;
  }
  const similarity = common / (ta.size + tb.size - common);
  return similarity >= THRESHOLD ? 'near-identical title' : undefined;
}

const wordsOfFields = new WeakMap<object, Set<string>>();

/** The words of an entry's title (its text when it has none), once per parsed entry text (fields are shared across versions). */
function titleWords(e: Reference): Set<string> {
  let w = wordsOfFields.get(e.fields);
  if (!w) wordsOfFields.set(e.fields, (w = words(e.fields.title ?? e.text)));
  return w;
}

/**
 * A title's words for comparison: lower case, British spellings as American ("randomised",
 * "behaviour", "anaemia", "oestrogen", "centre"), words of three letters or more, and every number
 * or Roman numeral ("Part I" and "Part II" are two works).
 */
export function words(s: string): Set<string> {
  const lower = s.toLowerCase();
  // An ASCII title (most) is its own NFKD form, and its letters and digits are ASCII ones.
  const plain = isAscii(lower) ? lower.replace(/[^a-z0-9\s]/g, ' ') : lower.normalize('NFKD').replace(rx.gu`[^${L}\p{N}\s]`, ' ');
  return new Set(
    plain
      .split(/\s+/)
      .filter((w) => w.length > 2 || NUMBER.test(w))
      .map(american),
  );
}

function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 128) return false;
  return true;
}

const NUMBER = /^(?:\d+|[ivxl]+)$/;

/** Something `american` would change (one test for most words, which it leaves alone). */
const BRITISH = /is(?:e|ed|es|ing|ation|ations)$|our|ae|^oe|tres?$/;

export function american(w: string): string {
  if (!BRITISH.test(w) || NUMBER.test(w)) return w;
  return w
    .replace(/(?<=\w{3})is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/(?<=\w{2})our(s|ed|al)?$/, 'or$1')
    .replace(/ae/g, 'e')
    .replace(/^oe/, 'e')
    .replace(/(?<=\w{3})tre(s)?$/, 'ter$1');
}

/** The numbers and Roman numerals of a title's words: two titles that differ in them are different works. */
function numbersOf(ws: Set<string>): string {
  let n: string[] | undefined;
  for (const w of ws) if (NUMBER.test(w)) (n ??= []).push(w);
  return n ? n.sort().join(' ') : '';
}
