import type { Article, Block, Sentence } from '../article/model';
import { type ClaimEntry, type ClaimLexicon, phraseInfo, type PhraseInfo } from '../knowledge/claims';
import { type BlockMemo, noBlockMemo } from '../memo';
import type { CitationScope, Span } from '../types';
import { coveringMarker } from './coverage';
import { STRUCTURAL_ENTRY, structuralClaims } from './claimStructure';
import { attributionCue, hedgeCue, isQuestion, negationCue, quotation, tokenize } from './scope';

/**
 * Claim detection: every match of the lexicon in the article's prose, with what the context
 * does to it. Only hits with status `claim` are the author's unsupported claims; the others are
 * kept (with the reason) for tests, the evaluation and `missing-citation`.
 */

export type ClaimStatus = 'claim' | 'negated' | 'quoted' | 'attributed' | 'hedged' | 'cited' | 'question' | 'context';

export interface ClaimHit extends Span {
  entry: ClaimEntry;
  /** The literal form matched (phrases), absent for `pattern` entries. */
  info?: PhraseInfo;
  /** The text as written. */
  matched: string;
  block: Block;
  /** The sentence the hit lies in; absent in headings (which have no sentences). */
  sentence?: Sentence;
  status: ClaimStatus;
  /** The cue behind a status other than `claim` ("not", "may", a marker...). */
  cue?: string;
}

/** Blocks whose prose can carry the author's claims. */
const CLAIM_BLOCKS = new Set<Block['kind']>(['paragraph', 'listItem', 'tableRow', 'heading']);

const words = (s: string): string[] => s.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}'%#-]+/gu) ?? [];

/** The last `n` words of `s`, tokenizing only as much of its end as needed (a sentence can be megabytes long). */
function lastWords(s: string, n: number): string[] {
  for (let size = 256; ; size *= 4) {
    if (size >= s.length) return words(s).slice(-n);
    const w = words(s.slice(s.length - size));
    // The first word of the window may be cut: n complete words need n + 1.
    if (w.length > n) return w.slice(-n);
  }
}

/** The first `n` words of `s`, tokenizing only as much of its start as needed. */
function firstWords(s: string, n: number): string[] {
  for (let size = 256; ; size *= 4) {
    if (size >= s.length) return words(s).slice(0, n);
    const w = words(s.slice(0, size));
    if (w.length > n) return w.slice(0, n);
  }
}

function blockedByContext(entry: ClaimEntry, before: string, after: string): string | undefined {
  const prev = lastWords(before, 3);
  const prevText = ` ${prev.join(' ')} `;
  for (const u of entry.unlessBefore ?? []) if (prevText.includes(` ${u.toLowerCase()} `)) return u;
  // Right after the match, or after one more word ("the leading preventable cause").
  const nextWords = firstWords(after, 4);
  const next = nextWords.slice(0, 3).join(' ');
  const skipOne = nextWords.slice(1, 4).join(' ');
  for (const u of entry.unlessAfter ?? []) {
    const l = u.toLowerCase();
    if ([next, skipOne].some((n) => n === l || n.startsWith(`${l} `))) return u;
  }
  return undefined;
}

function classify(article: Article, hit: Omit<ClaimHit, 'status'>, scope: CitationScope): Pick<ClaimHit, 'status' | 'cue'> {
  const { entry, block } = hit;
  // The context: the sentence, or a heading's whole prose.
  const ctxStart = hit.sentence ? hit.sentence.start : block.start;
  const ctx = hit.sentence ? hit.sentence.text : block.prose;
  const rel = { start: hit.start - ctxStart, end: hit.end - ctxStart };
  const blocked = blockedByContext(entry, ctx.slice(0, rel.start), ctx.slice(rel.end));
  if (blocked) return { status: 'context', cue: blocked };
  if (isQuestion(ctx)) return { status: 'question', cue: '?' };
  const tokens = tokenize(ctx);
  const neg = negationCue(ctx, rel, tokens);
  if (neg) return { status: 'negated', cue: neg.text };
  const q = quotation(ctx, rel);
  if (q && !q.firstPerson) return { status: 'quoted', cue: ctx.slice(q.span.start, q.span.start + 1) };
  const attr = attributionCue(ctx, rel, tokens);
  if (attr) return { status: 'attributed', cue: attr };
  if (entry.hedgeable) {
    const h = hedgeCue(ctx, rel, tokens);
    if (h) return { status: 'hedged', cue: h };
  }
  if (entry.citable && hit.sentence) {
    const m = coveringMarker(article, hit.sentence, scope);
    if (m) return { status: 'cited', cue: m.raw };
  }
  return { status: 'claim' };
}

function sentenceAt(block: Block, offset: number): Sentence | undefined {
  return block.sentences.find((s) => s.start <= offset && offset < s.end);
}

const structuralCache = new WeakMap<ClaimLexicon, Map<string, ClaimEntry>>();

/** The lexicon entry each structural kind reports as (absent when a workspace lexicon removed it). */
function structuralEntries(lexicon: ClaimLexicon): Map<string, ClaimEntry> {
  let m = structuralCache.get(lexicon);
  if (!m) {
    m = new Map();
    for (const [kind, id] of Object.entries(STRUCTURAL_ENTRY)) {
      const entry = lexicon.entries.find((e) => e.id === id);
      if (entry) m.set(kind, entry);
    }
    structuralCache.set(lexicon, m);
  }
  return m;
}

const hitCache = new WeakMap<Article, { lexicon: ClaimLexicon; scope: CitationScope; hits: ClaimHit[] }>();

/**
 * Every lexicon hit in the article, in document order, classified. Computed once per article,
 * lexicon and scope (both claim rules ask for it).
 */
export function findClaimHits(article: Article, lexicon: ClaimLexicon, scope: CitationScope, memo: BlockMemo = noBlockMemo): ClaimHit[] {
  const cached = hitCache.get(article);
  if (cached && cached.lexicon === lexicon && cached.scope === scope) return cached.hits;
  const hits = computeClaimHits(article, lexicon, scope, memo);
  hitCache.set(article, { lexicon, scope, hits });
  return hits;
}

/** A lexicon or structural match in a block's prose, relative to the block. */
interface BlockMatch {
  entry: ClaimEntry;
  start: number;
  matched: string;
  info?: PhraseInfo;
}

/**
 * The matches of the lexicon (and of claim structure) in one block: they depend on its prose
 * (and its sentences, which follow from the prose) alone, so they are kept across versions of
 * the document while the block is unchanged.
 */
function blockMatches(block: Block, lexicon: ClaimLexicon): BlockMatch[] {
  const out: BlockMatch[] = [];
  if (lexicon.phraseMatcher) {
    for (const m of lexicon.phraseMatcher.matchAll(block.prose)) {
      const info = phraseInfo(lexicon, m.text);
      if (info) out.push({ entry: info.entry, start: m.index, matched: m.text, info });
    }
  }
  for (const { entry, re } of lexicon.patterns) {
    re.lastIndex = 0;
    for (const m of block.prose.matchAll(re)) if (m[0]) out.push({ entry, start: m.index, matched: m[0] });
  }
  // Sentences with no lexicon match: claims recognised by their structure (claimStructure.ts).
  if (block.kind !== 'heading') {
    const entries = structuralEntries(lexicon);
    const matched = (s: Sentence): boolean => out.some((m) => s.start - block.start <= m.start && m.start < s.end - block.start);
    for (const sentence of block.sentences) {
      if (matched(sentence)) continue;
      for (const c of structuralClaims(sentence.text)) {
        const entry = entries.get(c.kind);
        if (entry) out.push({ entry, start: sentence.start - block.start + c.start, matched: sentence.text.slice(c.start, c.end) });
      }
    }
  }
  return out;
}

function computeClaimHits(article: Article, lexicon: ClaimLexicon, scope: CitationScope, memo: BlockMemo): ClaimHit[] {
  const hits: ClaimHit[] = [];
  for (const block of article.blocks) {
    if (!CLAIM_BLOCKS.has(block.kind)) continue;
    const found: Omit<ClaimHit, 'status'>[] = [];
    const add = (entry: ClaimEntry, start: number, matched: string, info?: PhraseInfo): void => {
      const s = block.start + start;
      const sentence = sentenceAt(block, s);
      if (block.kind !== 'heading' && !sentence) return;
      found.push({ entry, info, matched, block, sentence, start: s, end: s + matched.length });
    };
    for (const m of memo(block, lexicon, () => blockMatches(block, lexicon))) add(m.entry, m.start, m.matched, m.info);
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    let lastEnd = -1;
    for (const f of found) {
      // Overlapping matches of different entries: the earlier, longer one wins.
      if (f.start < lastEnd) continue;
      lastEnd = f.end;
      hits.push({ ...f, ...classify(article, f, scope) });
    }
  }
  return hits;
}

/** The span of the head of a hit (the part a rewording replaces). */
export function headSpan(hit: ClaimHit): Span {
  const info = hit.info;
  if (!info || info.headWord === undefined || !info.headWords || hit.entry.rewriteWhole) return { start: hit.start, end: hit.end };
  const parts = [...hit.matched.matchAll(/\S+/gu)];
  const first = parts[info.headWord];
  const last = parts[info.headWord + info.headWords - 1];
  if (!first || !last) return { start: hit.start, end: hit.end };
  return { start: hit.start + first.index, end: hit.start + last.index + last[0].length };
}
