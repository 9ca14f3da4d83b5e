import { anchorsIn, compressNumbers, entryAnchors, formatMarker, nextEntry, REFERENCE_STUB, supLinkLike, supPieces, toSuperscript } from '../article/format';
import type { NextEntry, SupPiece } from '../article/format';
import { formatLike } from './renumber';

export { REFERENCE_STUB };
import type { Article, Marker, MarkerStyle, Reference, Sentence } from '../article/model';
import { fixToText, toText } from '../article/invisible';
import { superscriptCitesAfter } from '../article/markers';
import { blankSpans, markdownCodeSpans } from '../article/mask';
import { parenCandidates } from '../article/parenthesised';
import { htmlComments } from '../article/rawBlock';
import { dominantStyle } from '../article/resolve';
import { drugKnowledge } from '../knowledge/drugs';
import { detectEol } from '../text/lineIndex';
import type { Fix, TextEdit } from '../types';
import { L, rx } from '../text/letters';

/**
 * Citing from the article's own references: ranking the references for a sentence, and
 * inserting a marker in the document's own style and position, merged with a marker already
 * there. Used by the fixes of `missing-citation` and `unsupported-claim` and by the "Insert
 * citation..." command.
 */

// ---------------------------------------------------------------------------------------------
// Ranking

/** Concepts beyond the drug knowledge base's conditions: words that name the same thing. */
const CONCEPTS: Record<string, string[]> = {
  safety: ['safe', 'safely', 'safety', 'tolerated', 'tolerability', 'side effect', 'side effects', 'adverse', 'harm', 'harms', 'risk', 'risks'],
  efficacy: ['efficacy', 'effective', 'effectiveness', 'efficacious', 'antidepressant effects', 'response', 'remission', 'outcomes'],
  consensus: ['consensus', 'guideline', 'guidelines', 'recommendation', 'recommendations', 'expert', 'experts', 'position statement', 'statement', 'statements', 'task force'],
  review: ['meta-analysis', 'meta-analyses', 'metaanalysis', 'systematic review', 'network meta-analysis', 'review'],
  psychotherapy: ['psychotherapy', 'psychotherapies', 'cbt', 'cognitive-behavioral', 'cognitive behavioral', 'cognitive behavioural', 'cognitive-behavioural', 'talk therapy'],
  mood: ['mood disorder', 'mood disorders', 'affective disorder', 'affective disorders', 'depression', 'depressive', 'antidepressant', 'antidepressants', 'bipolar', 'mood'],
  depression: ['depression', 'depressive', 'depressed', 'antidepressant', 'antidepressants'],
  anesthesia: ['anesthetic', 'anaesthetic', 'anesthesia', 'anaesthesia', 'anesthetics', 'surgery', 'surgical'],
  mechanism: ['mechanism', 'mechanisms', 'glutamate', 'nmda', 'neuroplasticity', 'plasticity', 'synaptic', 'synaptogenesis', 'receptor', 'receptors'],
  epidemiology: ['prevalence', 'incidence', 'epidemiology', 'burden', 'estimates', 'proportion'],
  durability: ['durability', 'maintenance', 'relapse', 'relapses', 'sustained', 'long-term', 'continuation'],
  practice: ['clinical practice', 'practice', 'real-world', 'clinical use'],
};

const STOPWORDS = new Set(
  (
    'a an the and or of in on for to with without by from at as is are was were be been being has have had do does did this that these those it its their there ' +
    'which who whom whose what when where while than then so such not no nor but if into over under after before during about between through within also more most ' +
    'less many much some any each other can could may might will would should must shall very often usually generally found shown show shows has have' +
    ' study studies research evidence patients patient people individuals use used using new update clinical summary part role'
  ).split(/\s+/),
);

const stem = (w: string): string => {
  if (w.length <= 4) return w;
  return w.replace(/(?:ations?|ions?|ives?|ing|ed|es|s|al|ly)$/u, '') || w;
};

let conceptRe: RegExp | undefined;
const conceptOf = new Map<string, string[]>();

function conceptRegex(): RegExp {
  if (conceptRe) return conceptRe;
  for (const [id, words] of Object.entries(CONCEPTS)) {
    for (const w of words) conceptOf.set(w, [...(conceptOf.get(w) ?? []), `k:${id}`]);
  }
  const keys = [...conceptOf.keys()].sort((a, b) => b.length - a.length);
  conceptRe = new RegExp(`(?<![${L}\\p{N}])(?:${keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![${L}\\p{N}])`, 'giu');
  return conceptRe;
}

/** The features of a text: named drugs and conditions (with their broader conditions), concepts, and word stems. */
export function features(text: string): Set<string> {
  // The same titles and sentences are ranked again on every version of a document: kept by
  // text (bounded; the sets are shared and never changed).
  const hit = featureMemo.get(text);
  if (hit) return hit;
  const out = computeFeatures(text);
  if (featureMemo.size >= FEATURE_MEMO_SIZE) featureMemo.clear();
  featureMemo.set(text, out);
  return out;
}

const FEATURE_MEMO_SIZE = 4096;
const featureMemo = new Map<string, Set<string>>();

function computeFeatures(text: string): Set<string> {
  const out = new Set<string>();
  const kb = drugKnowledge();
  for (const t of kb.findTerms(text)) {
    if (t.kind === 'drug') out.add(`d:${t.id}`);
    else if (t.kind === 'condition') for (const c of kb.lineage(t.id)) out.add(`c:${c}`);
  }
  for (const m of text.matchAll(conceptRegex())) for (const c of conceptOf.get(m[0].toLowerCase().replace(/\s+/g, ' ')) ?? []) out.add(c);
  for (const w of text.toLowerCase().replace(/[’']s\b/g, '').match(rx.gu`[${L}\p{N}]+(?:-[${L}\p{N}]+)*`) ?? []) {
    if (STOPWORDS.has(w) || w.length < 3 || /^\d+$/.test(w)) continue;
    out.add(`w:${stem(w)}`);
  }
  return out;
}

export interface RankedReference {
  reference: Reference;
  score: number;
  /** The features shared with the sentence, for explanations and tests. */
  shared: string[];
}

/** Every reference of the article, numbered entries first, then footnote definitions. */
export function allReferences(article: Article): Reference[] {
  return [...(article.references?.entries ?? []), ...article.footnotes];
}

const titleOf = (r: Reference): string => r.fields.title ?? r.text;

interface ReferenceFeatures {
  refs: Reference[];
  titleF: Set<string>[];
  journalF: Set<string>[];
  df: Map<string, number>;
  /** Feature -> indexes (ascending) of the references whose title or journal has it. */
  postings: Map<string, number[]>;
}

const featureCache = new WeakMap<Article, ReferenceFeatures>();

/** Features of every reference, once per article (every finding's cite fix ranks them all). */
function referenceFeatures(article: Article): ReferenceFeatures {
  let c = featureCache.get(article);
  if (c) return c;
  const refs = allReferences(article);
  const titleF = refs.map((r) => features(titleOf(r)));
  const journalF = refs.map((r) => features(r.fields.journal ?? ''));
  const df = new Map<string, number>();
  const postings = new Map<string, number[]>();
  refs.forEach((_, i) => {
    for (const f of new Set([...titleF[i], ...journalF[i]])) {
      df.set(f, (df.get(f) ?? 0) + 1);
      const p = postings.get(f);
      if (p) p.push(i);
      else postings.set(f, [i]);
    }
  });
  c = { refs, titleF, journalF, df, postings };
  featureCache.set(article, c);
  return c;
}

/**
 * The article's references ranked for a sentence: shared features weighted by how rare they
 * are among the references (a word every reference has says nothing), title counting fully,
 * journal at half weight; references cited elsewhere in the same paragraph get a small bonus.
 * Given the sentence's offset (`at`), the article's citation order counts too (`orderBonus`).
 * Only references sharing something with the sentence, cited in its paragraph or favoured by
 * the order are returned.
 */
export function rankReferences(article: Article, sentenceText: string, blockIndex?: number, limit?: number, at?: number): RankedReference[] {
  const { refs, titleF, journalF, df, postings } = referenceFeatures(article);
  if (refs.length === 0) return [];
  const idf = (f: string): number => Math.log(1 + refs.length / (df.get(f) ?? refs.length));
  const sent = features(sentenceText);
  const nearby = new Set<number>();
  if (blockIndex !== undefined) for (const m of article.blocks[blockIndex]?.markers ?? []) for (const n of m.numbers) nearby.add(n);
  // Scores accumulated through the postings of the sentence's features (a large article has
  // thousands of references; only those sharing a feature get anything), feature by feature in
  // the sentence's order, as a per-reference loop over the features would add them.
  const score = new Float64Array(refs.length);
  const touched: number[] = [];
  for (const f of sent) {
    const p = postings.get(f);
    if (!p) continue;
    // Named conditions, drugs and concepts weigh more than single words.
    const w = idf(f) * (f.startsWith('w:') ? 1 : 1.5);
    for (const i of p) {
      if (score[i] === 0) touched.push(i);
      score[i] += w * (titleF[i].has(f) ? 1 : 0.5);
    }
  }
  // Cited elsewhere in the paragraph: likely the source the author works from.
  if (nearby.size) {
    refs.forEach((r, i) => {
      if (r.number === undefined || !nearby.has(r.number)) return;
      if (score[i] === 0) touched.push(i);
      score[i] += 0.25;
    });
  }
  if (at !== undefined) orderBonus(article, refs, at, score, touched);
  const better = (a: number, b: number): boolean => score[a] > score[b] || (score[a] === score[b] && refs[a].ordinal < refs[b].ordinal);
  // In reference order, so that full ties keep it (as a stable sort of all references would).
  let chosen = touched.filter((i) => score[i] > 0).sort((a, b) => a - b);
  if (limit !== undefined && chosen.length > limit) {
    // The best `limit` without sorting them all.
    const top: number[] = [];
    for (const i of chosen) {
      if (top.length === limit && !better(i, top[limit - 1])) continue;
      let k = Math.min(top.length, limit - 1);
      top[k] = i;
      while (k > 0 && better(top[k], top[k - 1])) {
        [top[k], top[k - 1]] = [top[k - 1], top[k]];
        k--;
      }
    }
    chosen = top;
  } else {
    chosen.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : a - b));
  }
  return chosen.map((i) => ({ reference: refs[i], score: score[i], shared: [...sent].filter((f) => titleF[i].has(f) || journalF[i].has(f)) }));
}

/** Numbered markers in document order, for the citation-order bonus. */
interface CitationOrder {
  /** Start of each numbered marker. */
  starts: number[];
  /** Its numbers. */
  numbers: number[][];
  /** The highest number cited by it and every marker before it. */
  prefixMax: number[];
  /** Every number cited anywhere. */
  cited: Set<number>;
  /** Whether the references are numbered in order of first citation (most first citations are above every number before them). */
  ordered: boolean;
}

const orderCache = new WeakMap<Article, CitationOrder>();

function citationOrder(article: Article): CitationOrder {
  let o = orderCache.get(article);
  if (o) return o;
  const starts: number[] = [];
  const numbers: number[][] = [];
  const prefixMax: number[] = [];
  const cited = new Set<number>();
  let max = 0;
  let firsts = 0;
  let rising = 0;
  for (const m of article.markers) {
    if (!m.numbers.length) continue;
    for (const n of m.numbers) {
      if (!cited.has(n)) {
        firsts++;
        // Above every number before it (a reference whose sentence lost its marker leaves a gap).
        if (n > max) rising++;
        cited.add(n);
      }
      if (n > max) max = n;
    }
    starts.push(m.start);
    numbers.push(m.numbers);
    prefixMax.push(max);
  }
  o = { starts, numbers, prefixMax, cited, ordered: firsts > 0 && rising >= 0.8 * firsts };
  orderCache.set(article, o);
  return o;
}

/**
 * Weights of the citation order (`orderBonus`), chosen with `npm run eval`'s cite figure: each
 * cited sentence of the labelled articles with its own markers taken out, how often the first
 * suggestion is a reference it cited.
 */
const NEXT_BONUS = 2;
const LAST_BONUS = 0.5;
const UNCITED_BONUS = 0.5;

/**
 * What the order of citation says about the reference a sentence at `at` cites: in an article
 * numbered in order of first citation, a new source is the number after the highest cited so
 * far (`NEXT_BONUS`); a source cited again is most often the one just cited (`LAST_BONUS`); a
 * reference cited nowhere yet is waiting for its sentence (`UNCITED_BONUS`).
 */
function orderBonus(article: Article, refs: readonly Reference[], at: number, score: Float64Array, touched: number[]): void {
  const order = citationOrder(article);
  let lo = 0;
  let hi = order.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order.starts[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  const next = (lo > 0 ? order.prefixMax[lo - 1] : 0) + 1;
  const last = lo > 0 ? order.numbers[lo - 1] : [];
  refs.forEach((r, i) => {
    if (r.number === undefined) return;
    let add = 0;
    if (order.ordered && r.number === next) add += NEXT_BONUS;
    if (last.includes(r.number)) add += LAST_BONUS;
    if (!order.cited.has(r.number)) add += UNCITED_BONUS;
    if (!add) return;
    if (score[i] === 0) touched.push(i);
    score[i] += add;
  });
}

// ---------------------------------------------------------------------------------------------
// Markers

export interface StyleProfile {
  style: MarkerStyle;
  /** Markers sit before the sentence's period ("text [1].") rather than after it (AMA). */
  beforePeriod: boolean;
  /** A space separates the marker from the word before it ("text [1]"). */
  spaceBefore: boolean;
}

const profileCache = new WeakMap<Article, StyleProfile>();
const eolCache = new WeakMap<Article, string>();

/** The citation style the document uses: its most used marker style and where it puts markers. */
export function styleProfile(article: Article): StyleProfile {
  // Once per article: every finding's fixes ask for it, and it reads every marker.
  let p = profileCache.get(article);
  if (!p) profileCache.set(article, (p = computeStyleProfile(article)));
  return p;
}

function computeStyleProfile(article: Article): StyleProfile {
  const style = dominantStyle(article) ?? defaultStyle(article);
  const mine = article.markers.filter((m) => m.style === style);
  let before = 0;
  let after = 0;
  let space = 0;
  for (const m of mine) {
    const prev = article.text[m.start - 1] ?? '';
    const next = article.text[m.end] ?? '';
    if (/[.,]/.test(prev)) after++;
    else if (/[.,;:]/.test(next)) before++;
    if (prev === ' ') space++;
  }
  return { style, beforePeriod: before > after, spaceBefore: mine.length > 0 && space * 2 > mine.length };
}

function defaultStyle(article: Article): MarkerStyle {
  if (article.kind === 'markdown') return article.footnotes.length || article.references?.numbering === 'footnote' ? 'footnote' : 'bracket';
  return 'superscript';
}

/** Where a marker for a sentence goes, and the marker already there to merge with. */
export interface InsertionPoint {
  offset: number;
  /** An adjacent marker of the same style to merge into. */
  merge?: Marker;
  profile: StyleProfile;
}

/**
 * The AMA position for a marker at the end of a sentence: after a period, question mark or
 * closing quote, before a colon or semicolon. A document whose markers sit before the period
 * keeps that convention.
 */
export function insertionPoint(article: Article, sentence: Sentence, profile = styleProfile(article)): InsertionPoint {
  const text = article.text;
  let end = sentence.start + sentence.text.trimEnd().length;
  const last = text[end - 1];
  if (last === ':' || last === ';') end--;
  else if (profile.beforePeriod && (last === '.' || last === '!')) end--;
  // A parenthesised number after a full stop numbers what follows it ("today. (1) Wash ..."):
  // one goes after the period only at the end of its line, else before it, where it cites.
  else if (profile.style === 'paren' && (last === '.' || last === '!' || last === '?') && /^[ \t]*[^\s]/.test(text.slice(end, end + 200).split(/[\r\n]/, 1)[0])) end--;
  // A sentence that ends inside a link's text (`[text](url)`, `[text][label]`): after the link,
  // or the marker would become part of the link.
  const link = /^\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])/.exec(text.slice(end, end + 2000));
  if (link) end += link[0].length;
  // A marker of the same style right there: merge into it.
  const merge = (article.blocks[sentence.blockIndex]?.markers ?? article.markers).find((m) => m.style === profile.style && m.style !== 'footnote' && (m.start === end || m.start === end + 1 || m.end === end) && m.blockIndex === sentence.blockIndex);
  const footnoteRun = article.markers.filter((m) => m.style === 'footnote' && m.blockIndex === sentence.blockIndex && m.start >= end && m.start <= end + 1);
  if (footnoteRun.length) end = footnoteRun[footnoteRun.length - 1].end;
  return { offset: end, merge, profile };
}

/** A marker citing some numbers (or a footnote label) in a style, matching the existing marker's separators. */
function markerText(article: Article, style: MarkerStyle, numbers: number[], existing?: Marker, label?: string): string {
  if (style === 'footnote') return `[^${label ?? numbers[0]}]`;
  if (style === 'bracket' && existing && !/,\s/.test(existing.raw)) return `[${compressNumbers(numbers)}]`;
  if (style === 'paren' && existing && (existing.raw.includes(',') ? !/,\s/.test(existing.raw) : tightParentheses(article))) return `(${compressNumbers(numbers)})`;
  if (style === 'superscript') return toSuperscript(compressNumbers(numbers));
  return formatMarker(style, numbers);
}

/**
 * The edit that cites `numbers` (or a footnote `label`) at the end of a sentence. `anchorsOf`
 * gives an entry's anchors (a new entry's, for "Add a new reference").
 */
export function citeEdit(article: Article, sentence: Sentence, numbers: number[], label?: string, anchorsOf = entryAnchorsOf(article)): TextEdit {
  const point = insertionPoint(article, sentence);
  const { style, spaceBefore } = point.profile;
  if (point.merge && style !== 'footnote') {
    const all = [...point.merge.numbers, ...numbers];
    const newText = style === 'html-sup' ? mergeIntoSup(article, point.merge, numbers, anchorsOf) : markerText(article, style, all, point.merge);
    return { start: point.merge.start, end: point.merge.end, newText };
  }
  // A footnote label cites only in footnote style; a numbered reference in any other style.
  let useStyle: MarkerStyle = label && !/^\d+$/.test(label) ? 'footnote' : style;
  const prev = article.text[point.offset - 1];
  if (useStyle === 'paren') {
    // "text (3)." with a space; where a parenthesised number would not be read as a citation
    // (after "scale" or "step", in a sentence that numbers items with them), in brackets.
    const edit = { start: point.offset, end: point.offset, newText: `${prev === ' ' || prev === '\t' ? '' : ' '}${markerText(article, 'paren', numbers)}` };
    if (readAsParenthesised(article, sentence, edit)) return edit;
    useStyle = 'bracket';
  }
  const text = (useStyle === 'html-sup' && linkedSup(article, numbers, anchorsOf)) || markerText(article, useStyle, numbers, undefined, label);
  // A bracket right after `!`, `]` or `\` is not read as a marker (image, link label, escape): a space then.
  // A superscript right after a unit or a digit reads as an exponent (m², 10³): a space then.
  const exponent = useStyle === 'superscript' && !superscriptCitesAfter(article.text.slice(Math.max(0, point.offset - 4), point.offset));
  const pad = exponent || (useStyle === 'bracket' && (prev === '!' || prev === ']' || prev === '\\')) ? ' ' : spaceBefore && useStyle === 'bracket' && prev !== ' ' ? ' ' : '';
  return { start: point.offset, end: point.offset, newText: pad + text };
}

/**
 * A `<sup>` marker citing `add` too, written as it is. Its tag's attributes and separators stay,
 * and so does a link around each number (`<sup>[1](#ref-1)</sup>`, `<sup><a href="#ref-1">1</a></sup>`):
 * each new number goes in its place among them, as a link like theirs to the new reference's
 * anchor when the links point at the entries' anchors (`<li id="ref-2">`, `<a id="ref-2">`, `{#ref-2}`),
 * else as a plain number. A list without links, or inside one link, is rewritten where it stands.
 */
function mergeIntoSup(article: Article, m: Marker, add: number[], anchorsOf: AnchorsOf): string {
  const count = article.references?.entries.length ?? 0;
  const { pieces, template } = supLinks(m);
  if (!template) return formatLike(m, [...m.numbers, ...add], count);
  const fresh = [...new Set(add)].filter((n) => !m.numbers.includes(n)).sort((a, b) => a - b);
  if (!fresh.length) return m.raw;
  const sep = supSeparator(m.raw, pieces);
  const which = anchorIndex(template, anchorsOf);
  const pieceFor = (n: number): string => linkedNumber(m, template, which, n, anchorsOf) ?? String(n);
  // Each new number before the first written number above it, or after the last.
  const before = pieces.map((): number[] => []);
  const after: number[] = [];
  for (const n of fresh) {
    const i = pieces.findIndex((p) => p.number > n);
    (i < 0 ? after : before[i]).push(n);
  }
  let out = '';
  let from = 0;
  pieces.forEach((p, i) => {
    out += m.raw.slice(from, p.start) + before[i].map((n) => `${pieceFor(n)}${sep}`).join('');
    from = p.start;
  });
  const end = pieces[pieces.length - 1].end;
  return `${out}${m.raw.slice(from, end)}${after.map((n) => `${sep}${pieceFor(n)}`).join('')}${m.raw.slice(end)}`;
}

/** The anchors of the entry numbered `n`, in order (`entryAnchors`); none when there is no such entry. */
type AnchorsOf = (n: number) => string[];

const entryByNumber = new WeakMap<Article, Map<number, Reference>>();

/** The anchors the article's entries carry. */
function entryAnchorsOf(article: Article): AnchorsOf {
  return (n) => {
    let byNumber = entryByNumber.get(article);
    if (!byNumber) {
      byNumber = new Map();
      for (const e of article.references?.entries ?? []) if (e.number !== undefined && !byNumber.has(e.number)) byNumber.set(e.number, e);
      entryByNumber.set(article, byNumber);
    }
    const entry = byNumber.get(n);
    return entry ? entryAnchors(article.text, entry) : [];
  };
}

/**
 * A `<sup>` marker's numbers as written, and the link a new number's is written like (its first
 * linked number's), when each number has a link of its own (not one link around the list).
 */
function supLinks(m: Marker): { pieces: SupPiece[]; template?: SupPiece } {
  const pieces = /<a\b|\]\(/i.test(m.raw) ? supPieces(m.raw) : [];
  const template = pieces.find((p) => p.link);
  if (!template || pieces.some((p, i) => i > 0 && p.link && p.link === pieces[i - 1].link)) return { pieces };
  return { pieces, template };
}

/** What separates a `<sup>` marker's numbers (`,`, `, `, `;`); a comma when it has one. */
function supSeparator(raw: string, pieces: SupPiece[]): string {
  const between = pieces.length > 1 ? raw.slice(pieces[0].end, pieces[1].start) : '';
  return /^\s*[,;]\s*$/.test(between) ? between : ',';
}

/** Which of its entry's anchors a number's link names (`#ref-1` over `<li id="ref-1">`: 0), or -1. */
function anchorIndex(piece: SupPiece, anchorsOf: AnchorsOf): number {
  const target = piece.link?.target ?? '';
  return target.startsWith('#') ? anchorsOf(piece.number).indexOf(target.slice(1)) : -1;
}

/**
 * Number `n` as a link like `template`'s (a number of marker `m` whose link names anchor `which`
 * of its entry) to the same one of n's entry's anchors; undefined when that entry has none.
 */
function linkedNumber(m: Marker, template: SupPiece, which: number, n: number, anchorsOf: AnchorsOf): string | undefined {
  const anchor = which >= 0 ? anchorsOf(n)[which] : undefined;
  return anchor ? supLinkLike(m.raw, template.link!, n, `#${anchor}`) : undefined;
}

/** How a document links the numbers of its `<sup>` markers to its entries: a marker to write new ones like. */
interface SupLinkStyle {
  marker: Marker;
  pieces: SupPiece[];
  template: SupPiece;
  /** Which of its entry's anchors the template's link names. */
  which: number;
}

const supStyleCache = new WeakMap<Article, SupLinkStyle | null>();

/**
 * The document's linked `<sup>` style: when more of its `<sup>` markers are linked than plain, and
 * more of the linked ones have a link around each number naming its entry's anchor (`[1](#ref-1)`
 * over `<li id="ref-1">`) than not (a DOI, a page, one link around the list), the first of those
 * with the kind of link most of them use (Markdown or HTML). Undefined otherwise: new markers
 * are plain.
 */
function supLinkStyle(article: Article): SupLinkStyle | undefined {
  const known = supStyleCache.get(article);
  if (known !== undefined) return known ?? undefined;
  const anchorsOf = entryAnchorsOf(article);
  let plain = 0;
  let elsewhere = 0;
  const named: SupLinkStyle[] = [];
  for (const marker of article.markers) {
    if (marker.style !== 'html-sup') continue;
    const { pieces, template } = supLinks(marker);
    if (!template) {
      if (pieces.some((p) => p.link)) elsewhere++;
      else plain++;
      continue;
    }
    const which = anchorIndex(template, anchorsOf);
    if (which < 0) elsewhere++;
    else named.push({ marker, pieces, template, which });
  }
  let style: SupLinkStyle | undefined;
  if (named.length + elsewhere > plain && named.length > elsewhere) {
    const html = named.filter((s) => s.template.link!.html).length;
    const markdown = named.length - html;
    style = html === markdown ? named[0] : named.find((s) => s.template.link!.html === (html > markdown));
  }
  supStyleCache.set(article, style ?? null);
  return style;
}

/**
 * A new `<sup>` citing `numbers` as the document writes its linked ones (`supLinkStyle`): the
 * template marker's tag (without an `id`, `name` or `title`, which belong to it) around a link
 * like its for each number, to the same one of that entry's anchors (`<sup>[3](#ref-3)</sup>`,
 * `<sup class="cite"><a href="#ref-3">3</a></sup>`). Undefined when the document's `<sup>`
 * markers are not so linked, or an entry has no such anchor.
 */
function linkedSup(article: Article, numbers: number[], anchorsOf: AnchorsOf): string | undefined {
  const style = supLinkStyle(article);
  if (!style || !numbers.length) return undefined;
  const { marker: m, pieces, template, which } = style;
  const links = [...new Set(numbers)].sort((a, b) => a - b).map((n) => linkedNumber(m, template, which, n, anchorsOf));
  if (links.some((l) => l === undefined)) return undefined;
  const open = m.raw.slice(0, pieces[0].start).replace(/^<sup\b[^<>]*>/i, (tag) => tag.replace(/\s+(?:id|name|title)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+)/gi, ''));
  return `${open}${links.join(supSeparator(m.raw, pieces))}${m.raw.slice(pieces[pieces.length - 1].end)}`;
}

/**
 * A marker citing `numbers` on its own in `style`, where no sentence gives it a place: a `<sup>`
 * linked as the document links its own (`linkedSup`), else as `formatMarker` writes it.
 */
export function markerAlone(article: Article, style: MarkerStyle, numbers: number[]): string {
  return (style === 'html-sup' && linkedSup(article, numbers, entryAnchorsOf(article))) || formatMarker(style, numbers);
}

/** Whether the document's parenthesised lists are mostly written without a space after the comma (`(1,2)`). */
function tightParentheses(article: Article): boolean {
  const known = tightCache.get(article);
  if (known !== undefined) return known;
  let tight = 0;
  let spaced = 0;
  for (const m of article.markers) {
    if (m.style !== 'paren' || !m.raw.includes(',')) continue;
    if (/,\s/.test(m.raw)) spaced++;
    else tight++;
  }
  tightCache.set(article, tight > spaced);
  return tight > spaced;
}

const tightCache = new WeakMap<Article, boolean>();

/** Whether the parenthesised marker `edit` inserts is read as one in the sentence's block (`parenCandidates`). */
function readAsParenthesised(article: Article, sentence: Sentence, edit: TextEdit): boolean {
  const block = article.blocks[sentence.blockIndex];
  if (!block) return false;
  const raw = article.text.slice(block.start, block.end);
  const at = edit.start - block.start + edit.newText.indexOf('(');
  const after = raw.slice(0, edit.start - block.start) + edit.newText + raw.slice(edit.end - block.start);
  // The block as the parser scans it for markers: code, comments and link targets blanked.
  const scan = blankSpans(after, article.kind === 'markdown' ? markdownCodeSpans(after) : htmlComments(after));
  return parenCandidates(scan).some((c) => c.start === at);
}

// ---------------------------------------------------------------------------------------------
// Fixes

const surname = (r: Reference): string => (r.fields.authors[0] ?? '').replace(/\s+[A-Z]{1,3}$/u, '').trim();

function shortTitle(r: Reference, max = 90): string {
  const t = titleOf(r).replace(/\.$/, '');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** "Cite 2: Andrade, Ketamine for Depression: ..." */
export function citeTitle(r: Reference): string {
  const id = r.number !== undefined && !r.label ? String(r.number) : `[^${r.label ?? r.number}]`;
  const who = surname(r);
  return `Cite ${id}: ${who ? `${who}, ` : ''}${shortTitle(r)}`;
}

/** The fix that cites one reference for a sentence. */
export function citeFix(article: Article, sentence: Sentence, r: Reference): Fix {
  const edit = r.label !== undefined && (r.number === undefined || article.footnotes.includes(r)) ? citeEdit(article, sentence, r.number !== undefined ? [r.number] : [], r.label) : citeEdit(article, sentence, [r.number ?? r.ordinal]);
  return { title: citeTitle(r), edits: [edit], safe: false };
}

/** Up to `max` fixes citing the best-matching references, best first (the first is preferred). */
export function citeFixes(article: Article, sentence: Sentence, max = 3): Fix[] {
  return rankReferences(article, sentence.text, sentence.blockIndex, max, sentence.start)
    .slice(0, max)
    .map((r, i) => ({ ...citeFix(article, sentence, r.reference), isPreferred: i === 0 }));
}


/**
 * "Add a new reference": cites the next number at the end of the sentence and appends an entry
 * stub to the reference list (or a footnote definition, or a new list), with the cursor on the
 * stub. None for an HTML list where no new item would be numbered next (`nextEntry`).
 */
export function addReferenceFix(article: Article, sentence: Sentence): Fix | undefined {
  const text = article.text;
  let eol = eolCache.get(article);
  if (eol === undefined) eolCache.set(article, (eol = detectEol(text)));
  const profile = styleProfile(article);
  const list = article.references;
  if (profile.style === 'footnote' && (!list || list.numbering === 'footnote' || article.footnotes.length > 0)) {
    const used = new Set(article.footnotes.map((f) => f.label));
    let n = article.footnotes.length + 1;
    while (used.has(String(n))) n++;
    const marker = citeEdit(article, sentence, [n], String(n));
    const lastDef = article.footnotes[article.footnotes.length - 1];
    const at = lastDef ? lastDef.end : text.length;
    const sep = lastDef ? eol : /[\r\n]$/.test(text) ? eol : eol + eol;
    const def = `${sep}[^${n}]: `;
    return { title: `Add a new reference [^${n}]`, edits: orderEdits([marker, { start: at, end: at, newText: `${def}${REFERENCE_STUB}` }]), safe: false, cursor: cursorAfter([marker], at) + def.length };
  }
  const numbers = (list?.entries ?? []).map((e) => e.number ?? e.ordinal);
  const n = numbers.length ? Math.max(...numbers) + 1 : 1;
  const next = list && nextEntry(text, list, n, eol);
  if (next) {
    const { at, prefix, suffix } = anchoredStub(article, next, n);
    // The marker links to the new entry as to any other, by an anchor of its own (one no other element has).
    const own = anchorsIn(`${prefix}${REFERENCE_STUB}${suffix}`);
    const fresh = own.map((a) => (documentAnchors(article).has(a) ? '' : a));
    const entries = entryAnchorsOf(article);
    const marker = citeEdit(article, sentence, [n], undefined, (k) => (k === n ? fresh : entries(k)));
    return { title: `Add a new reference ${n}`, edits: orderEdits([marker, { start: at, end: at, newText: `${prefix}${REFERENCE_STUB}${suffix}` }]), safe: false, cursor: cursorAfter([marker], at) + prefix.length };
  }
  if (list) return undefined;
  const marker = citeEdit(article, sentence, [n]);
  // No reference list yet: start one after the last block of the article's body.
  const body = article.blocks.filter((b) => b.kind !== 'trailer');
  const at = body.length ? body[body.length - 1].end : text.length;
  const heading = article.kind === 'markdown' ? '## References' : 'References';
  const prefix = `${eol}${eol}${heading}${eol}${eol}${n}. `;
  return { title: `Add a new reference ${n}`, edits: orderEdits([marker, { start: at, end: at, newText: `${prefix}${REFERENCE_STUB}` }]), safe: false, cursor: cursorAfter([marker], at) + prefix.length };
}

/**
 * A new entry carrying the anchor by which the document's linked `<sup>` markers would link it
 * (`supLinkStyle`), when its list's entries carry that anchor in a regular pattern (every entry's
 * is the same but for its own number: `ref-1`, `ref-2`, so the new one is `ref-3`) and no element
 * of the document has it yet, written as the entry it is written like writes its own: an empty
 * element or Pandoc span at the start of its text (`<a id="ref-2"></a>`, `[]{#ref-2}`), or an
 * attribute block at its end (`{#ref-2}`). A new `<li>` already has its own (`nextEntry`). Else
 * the entry is left without one: an anchor that does not follow the entries' numbers cannot be
 * made for an entry with no author or year yet, and one written amid an entry's text (or in
 * markup holding more than the anchor) has no place in a stub that is sure to be right. `which`
 * names another of the entries' anchors to follow (`stubFor`: the one a marker links to).
 */
function anchoredStub(article: Article, next: NextEntry, n: number, which = supLinkStyle(article)?.which): NextEntry {
  if (which === undefined || anchorsIn(`${next.prefix}${REFERENCE_STUB}${next.suffix}`).length !== which) return next;
  const pattern = anchorPattern(article, which);
  if (!pattern) return next;
  const anchor = pattern.join(String(n));
  const was = entryAnchors(article.text, next.like)[which];
  if (documentAnchors(article).has(anchor) || !was) return next;
  const like = article.text.slice(next.like.textSpan.start, next.like.textSpan.end);
  const first = /^(?:<([A-Za-z][\w-]*)\b[^<>]*>[ \t]*<\/\1\s*>|<[A-Za-z][\w-]*\b[^<>]*\/>|\[\]\{[^{}\n]*\})[ \t]*/i.exec(like)?.[0];
  const last = /[ \t]*\{:?[^{}\n]*\}$/.exec(like)?.[0];
  const moved = (piece: string | undefined): string | undefined => {
    const own = piece !== undefined && anchorsIn(piece);
    return own && own.length === 1 && own[0] === was && piece.split(was).length === 2 ? piece.replace(was, () => anchor) : undefined;
  };
  const before = moved(first);
  const after = before === undefined ? moved(last) : undefined;
  if (before === undefined && after === undefined) return next;
  const out = { ...next, prefix: next.prefix + (before ?? ''), suffix: (after ?? '') + next.suffix };
  return anchorsIn(`${out.prefix}${REFERENCE_STUB}${out.suffix}`)[which] === anchor ? out : next;
}

const patternCache = new WeakMap<Article, Map<number, string[] | null>>();

/**
 * The pattern of the entries' `which`-th anchors around their numbers (`['ref-', '']` for
 * `ref-1`, `ref-2`...), when every numbered entry has one and all follow it; kept per article.
 */
function anchorPattern(article: Article, which: number): string[] | undefined {
  let byWhich = patternCache.get(article);
  if (!byWhich) patternCache.set(article, (byWhich = new Map()));
  const known = byWhich.get(which);
  if (known !== undefined) return known ?? undefined;
  let pattern: string[] | null = null;
  for (const e of article.references?.entries ?? []) {
    const anchor = e.number !== undefined ? entryAnchors(article.text, e)[which] : undefined;
    const parts = anchor?.split(new RegExp(`(?<!\\d)${e.number}(?!\\d)`));
    if (!parts || parts.length !== 2 || (pattern && (parts[0] !== pattern[0] || parts[1] !== pattern[1]))) {
      pattern = null;
      break;
    }
    pattern = parts;
  }
  byWhich.set(which, pattern);
  return pattern ?? undefined;
}

/**
 * The entry "Add reference n to the reference list" writes for `marker`, which cites `n` the list
 * does not have (`next`, from `nextEntry`): with the anchor `anchoredStub` gives it when that is the
 * one the marker's link names (`<sup>[4](#ref-4)</sup>`, `[4](#ref-4)`: `ref-4`, in the pattern of
 * whichever of the entries' anchors it follows, and no other element's), or, for a plain marker,
 * the one it gives a new reference's stub. A marker linking anywhere else: `next` as it is.
 */
export function stubFor(article: Article, marker: Marker, next: NextEntry, n: number): NextEntry {
  const target = markerLink(article, marker, n);
  if (target === undefined) return anchoredStub(article, next, n);
  for (let which = 0; which < entryAnchors(article.text, next.like).length; which++) {
    const out = anchoredStub(article, next, n, which);
    if (`#${anchorsIn(`${out.prefix}${REFERENCE_STUB}${out.suffix}`)[which]}` === target) return out;
  }
  return next;
}

/** The target of the link around number `n` of a marker (`#ref-4` for `<sup>[4](#ref-4)</sup>` or `[4](#ref-4)`); undefined when it has none. */
function markerLink(article: Article, marker: Marker, n: number): string | undefined {
  if (marker.style === 'html-sup') return supPieces(marker.raw).find((p) => p.number === n)?.link?.target;
  if (marker.style === 'bracket') return /^\(([^()\s]*)\)/.exec(article.text.slice(marker.end, marker.end + 200))?.[1];
  return undefined;
}

const anchorCache = new WeakMap<Article, Set<string>>();

/** Every anchor in the document. */
function documentAnchors(article: Article): Set<string> {
  let set = anchorCache.get(article);
  if (!set) anchorCache.set(article, (set = new Set(anchorsIn(article.text))));
  return set;
}

/** Edits in document order; two insertions at one offset become one, first text first. */
function orderEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.end === e.start && e.start === e.end) out[out.length - 1] = { ...prev, newText: prev.newText + e.newText };
    else out.push(e);
  }
  return out;
}

/** Where `offset` of the original text is after the given edits (all before it) are applied. */
function cursorAfter(edits: TextEdit[], offset: number): number {
  let shift = 0;
  for (const e of edits) if (e.end <= offset) shift += e.newText.length - (e.end - e.start);
  return offset + shift;
}

/** Every fix that cites for a sentence: the best references, then "Add a new reference". */
export function citationFixes(article: Article, sentence: Sentence): Fix[] {
  const add = addReferenceFix(article, sentence);
  return add ? [...citeFixes(article, sentence), add] : citeFixes(article, sentence);
}

/** For the "Insert citation..." command: every reference, best match for the sentence first. */
export function citationChoices(article: Article, sentence: Sentence): { reference: Reference; title: string; fix: Fix }[] {
  const ranked = rankReferences(article, sentence.text, sentence.blockIndex, undefined, sentence.start).map((r) => r.reference);
  const rest = allReferences(article).filter((r) => !ranked.includes(r));
  return [...ranked, ...rest].map((reference) => ({ reference, title: citeTitle(reference), fix: insertCitationFix(article, sentence, reference) }));
}

/** The sentence at an offset (a cursor at a sentence's end belongs to it). */
export function sentenceAt(article: Article, offset: number): Sentence | undefined {
  const joined = article.joinedWords;
  const end = (s: Sentence): number => (joined ? toText(joined, s.start + s.text.trimEnd().length, true) : s.start + s.text.trimEnd().length);
  return article.sentences.find((s) => s.start <= offset && offset <= end(s));
}

/**
 * For the "Insert citation..." command: the fix citing `reference` for a sentence, at the
 * document's offsets (a rule's fixes are measured in the prose; `lintArticle` converts those).
 */
export function insertCitationFix(article: Article, sentence: Sentence, reference: Reference): Fix {
  const fix = citeFix(article, sentence, reference);
  return article.joinedWords ? fixToText(article.joinedWords, fix) : fix;
}

