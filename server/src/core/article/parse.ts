import { type Memo, type SpanMemo, noMemo, spanMemoOver } from '../memo';
import type { DocumentKind, Span } from '../types';
import { cancellable, type Cancellation, CHECKPOINT_BLOCKS, finish, type Steps } from '../steps';
import { chunkStarts, coarseCuts, scanInChunksSteps } from './chunks';
import { findMarkers, type MarkerContext } from './markers';
import { blankSpans, lineBreakSpans, markdownCodeSpans, markdownSyntaxSpans, urlSpans } from './mask';
import type { Article, Block, Marker, Reference, Sentence } from './model';
import { type BibliographyLoader, findPandocCitations, loadBibliographies, pandocFrontMatter } from './pandoc';
import { drawTogether, type JoinedWord, seeThrough } from './invisible';
import { type BlockScan, htmlComments, type RawBlock } from './rawBlock';
import { type ParenCandidate, parenCandidates, parenthesisedLimit } from './parenthesised';
import { findReferenceList, footnoteReference } from './references';
import { splitSentences } from './sentences';
import { L, rx } from '../text/letters';

export interface ParseOptions {
  /** Loads the bibliographies named in Markdown front matter (Pandoc citations). */
  bibliography?: BibliographyLoader;
  /** Work kept from earlier parses of the document (`incremental.ts`): same result, less work. */
  cache?: ParseCache;
  /** Read at every checkpoint: when requested, the parse stops with `Cancelled` (`core/steps.ts`). */
  cancellation?: Cancellation;
}

/** Hooks through which earlier parses' work is reused; each gives what its computation would. */
export interface ParseCache {
  /** The block scan of the whole text (`scanMarkdown` or `scanPlaintext`), in steps. */
  scanSteps(text: string, kind: DocumentKind): Steps<BlockScan>;
  /** `compute()`, or its result from an earlier call with the same namespace and key (pure computations only). */
  memo: Memo;
  /** The span memo for `text`, the text just scanned: results kept by place for the spans the edit left alone. */
  spanMemo(text: string): SpanMemo;
}

/**
 * Builds the article model of a document. Never throws on any input: whatever is not
 * understood stays prose. Cost is linear in the text (markdown-it for Markdown blocks, regexes
 * and `Intl.Segmenter` per block).
 */
export function parseArticle(text: string, kind: DocumentKind, options: ParseOptions = {}): Article {
  return finish(parseArticleSteps(text, kind, options));
}

/**
 * `parseArticle` in steps (`core/steps.ts`): a checkpoint every `CHECKPOINT_BLOCKS` chunks of the
 * block scan and blocks of each pass over them; stopped with `Cancelled` at the first checkpoint
 * where `options.cancellation` is requested.
 */
export function parseArticleSteps(text: string, kind: DocumentKind, options: ParseOptions = {}): Steps<Article> {
  return cancellable(parseSteps(text, kind, options), options.cancellation);
}

function* parseSteps(text: string, kind: DocumentKind, options: ParseOptions): Steps<Article> {
  const cache = options.cache;
  // A one-shot parse scans in large chunks (`coarseCuts`); the incremental one in the smallest, to reuse them.
  const scan = cache ? yield* cache.scanSteps(text, kind) : (yield* scanInChunksSteps(text, kind, undefined, coarseCuts(chunkStarts(text, kind)))).scan;
  const spanMemo = cache ? cache.spanMemo(text) : spanMemoOver(text, noMemo);
  const nsWork = `w${kind}`;

  // The work on a block's text, kept across versions under that text (one lookup per block):
  // stage 1 (code, comments and link targets blanked: markers are found here), and for each set
  // of spans blanked on top of it (syntax, markers) the prose and its sentence boundaries.
  const work = (start: number, end: number): BlockWork => spanMemo(nsWork, start, end, (raw) => ({ s1: kind === 'markdown' ? blankSpans(raw, markdownCodeSpans(raw)) : blankSpans(raw, htmlComments(raw)) }));
  const proseOf = (b: RawBlock, w: BlockWork, markers: Span[]): ProseWork => {
    // The spans blanked on top of stage 1, relative to the block, as numbers: most versions
    // blank what the last one did, which is found without making a key (or the list).
    if (w.last && blanksSame(w.last.flat, b, markers)) return w.last.work;
    const flat: number[] = [];
    for (const sp of b.syntax) flat.push(sp.start - b.start, sp.end - b.start);
    for (const sp of markers) flat.push(sp.start - b.start, sp.end - b.start);
    const compute = (): ProseWork => {
      const s1 = w.s1;
      const spans: Span[] = [];
      for (let i = 0; i < flat.length; i += 2) spans.push({ start: flat[i], end: flat[i + 1] });
      spans.push(...urlSpans(s1), ...lineBreakSpans(s1));
      if (kind === 'markdown') spans.push(...markdownSyntaxSpans(s1));
      else if (s1.includes('<')) spans.push(...htmlTagSpans(s1));
      // Words with invisible characters inside are drawn together, sentences found before (invisible.ts).
      const seen = seeThrough(decodeEntities(blankSpans(s1, spans)), splitSentences);
      return seen.words ? { prose: seen.prose, words: seen.words, sentences: { spans: seen.spans!, texts: seen.spans!.map((s) => seen.prose.slice(s.start, s.end)) } } : { prose: seen.prose };
    };
    // A one-shot parse asks for a block's prose once: nothing to keep it under.
    if (!cache) return compute();
    const givenKey = flat.join();
    const proses = (w.proses ??= new Map());
    let out = proses.get(givenKey);
    if (out === undefined) proses.set(givenKey, (out = compute()));
    w.last = { flat, work: out };
    return out;
  };
  const headingText = (b: RawBlock): string => proseOf(b, work(b.start, b.end), []).prose;

  const refs = findReferenceList(text, scan.blocks, headingText, spanMemo);
  const rawBlocks = refs.blocks;
  const footnotes: Reference[] = [];
  const ctx: MarkerContext = { referenceCount: refs.list?.entries.length ?? 0, maxSeen: 0, parenLimit: 0 };
  // Pandoc citations (Markdown): bracketed always, in-text `@key` when a bibliography is named.
  const pandoc = kind === 'markdown' ? pandocFrontMatter(text) : undefined;
  const inText = !!pandoc && (pandoc.bibliographies.length > 0 || pandoc.hasReferences);
  const markersOf = (w: BlockWork, rb: RawBlock, index: number): Marker[] => {
    const s1 = w.s1;
    const base = rb.start;
    // The block's text as written, sliced only when a marker search needs it (most versions find the last result).
    const raw = (): string => text.slice(rb.start, rb.end);
    // A block's markers depend on its text and on the running context at its start (the list's
    // length, the highest number cited so far): kept per context, relative to the block. Most
    // versions see the context the last one did, which is found without making a key.
    let kept: KeptMarkers;
    const lc = w.lastContext;
    if (!cache) {
      // A one-shot parse: nothing is kept for a later version.
      const probe: MarkerContext = { referenceCount: ctx.referenceCount, maxSeen: ctx.maxSeen, parenLimit: ctx.parenLimit };
      kept = { markers: findMarkers(s1, raw(), 0, 0, probe, ctx.parenLimit ? parenOf(w) : undefined), maxSeen: probe.maxSeen };
    } else if (lc && lc.referenceCount === ctx.referenceCount && lc.maxSeen === ctx.maxSeen && lc.parenLimit === ctx.parenLimit) kept = lc.kept;
    else {
      const key = `${ctx.referenceCount}:${ctx.maxSeen}:${ctx.parenLimit}`;
      let k = w.markers?.get(key);
      if (!k) {
        const probe: MarkerContext = { referenceCount: ctx.referenceCount, maxSeen: ctx.maxSeen, parenLimit: ctx.parenLimit };
        k = { markers: findMarkers(s1, raw(), 0, 0, probe, ctx.parenLimit ? parenOf(w) : undefined), maxSeen: probe.maxSeen };
        (w.markers ??= new Map()).set(key, k);
      }
      kept = k;
      w.lastContext = { referenceCount: ctx.referenceCount, maxSeen: ctx.maxSeen, parenLimit: ctx.parenLimit, kept };
    }
    ctx.maxSeen = kept.maxSeen;
    const found = placed(w, kept.markers, base, index);
    if (!pandoc) return found;
    // A Pandoc citation never overlaps another marker (`[^@x]` is a footnote).
    const cites = findPandocCitations(s1, raw(), base, index, inText).filter((c) => !found.some((m) => m.start < c.end && c.start < m.end));
    return cites.length ? [...found, ...cites].sort((a, b) => a.start - b.start) : found;
  };

  const blockMarkersOf = (p: Pending, index: number): Marker[] => {
    const found = markersOf(p.w, p.rb, index);
    return p.markersFrom > p.rb.start ? found.filter((m) => m.start >= p.markersFrom) : found;
  };

  // Markers first, block by block (with the running context), then the document-level
  // decision on parenthesised numbers, then prose and sentences, which depend on the markers.
  const pending: Pending[] = [];
  const candidates: (readonly ParenCandidate[])[] = [];
  let otherMarkers = 0;
  for (let i = 0; i < rawBlocks.length; i++) {
    if (i % CHECKPOINT_BLOCKS === CHECKPOINT_BLOCKS - 1) yield;
    const rb = rawBlocks[i];
    const kindOf = refs.trailerFrom >= 0 && i >= refs.trailerFrom && i < refs.trailerTo && rb.kind !== 'footnoteDefinition' ? 'trailer' : rb.kind;
    const p: Pending = { rb, kindOf, w: work(rb.start, rb.end), markersFrom: -1, markers: NO_MARKERS };
    if (kindOf === 'footnoteDefinition') {
      const ref = footnoteReference(text, rb, footnotes.length + 1, spanMemo);
      if (ref) footnotes.push(ref);
      // A footnote's own text may cite, but its label is not a marker.
      p.markersFrom = ref?.textSpan.start ?? rb.start;
    } else if (kindOf !== 'referenceEntry' && kindOf !== 'trailer') {
      p.markersFrom = rb.start;
    }
    if (p.markersFrom >= 0) {
      p.markers = blockMarkersOf(p, i);
      otherMarkers += p.markers.length;
      const paren = parenOf(p.w);
      if (paren.length) candidates.push(p.markersFrom === rb.start ? paren : paren.filter((c) => c.start >= p.markersFrom - rb.start));
    }
    pending.push(p);
  }
  const entryNumbers: number[] = [];
  for (const e of refs.list?.entries ?? []) if (e.number !== undefined) entryNumbers.push(e.number);
  const parenLimit = candidates.length ? parenthesisedLimit(entryNumbers, candidates, otherMarkers) : 0;
  if (parenLimit > 0) {
    // The article cites in parentheses: every block's markers again, with them (a superscript
    // run is read by the numbers cited before it).
    ctx.maxSeen = 0;
    ctx.parenLimit = parenLimit;
    for (let i = 0; i < pending.length; i++) {
      if (i % CHECKPOINT_BLOCKS === CHECKPOINT_BLOCKS - 1) yield;
      if (pending[i].markersFrom >= 0) pending[i].markers = blockMarkersOf(pending[i], i);
    }
  }

  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  const markers: Marker[] = [];
  let joinedWords: JoinedWord[] | undefined;
  let headingIndex = -1;
  for (let index = 0; index < pending.length; index++) {
    if (index % CHECKPOINT_BLOCKS === CHECKPOINT_BLOCKS - 1) yield;
    const { rb, kindOf, w, markers: blockMarkers } = pending[index];
    // Each block's work is let go as the article takes the block (a one-shot parse held it all
    // to the end: some 40 MB on a 10 MB article).
    pending[index] = DONE;
    const pw = proseOf(rb, w, blockMarkers);
    const p = pw.prose;
    if (pw.words) for (const jw of pw.words) (joinedWords ??= []).push({ start: rb.start + jw.start, end: rb.start + jw.end, removed: jw.removed.map((r) => rb.start + r) });
    // A block where it was, with the same markers and heading: the last version's block (its
    // sentences too), one object fewer for every block before the edit.
    const lb = pw.lastBlock;
    let block: Block;
    if (lb && lb.start === rb.start && lb.end === rb.end && lb.index === index && lb.markers === blockMarkers && lb.kind === kindOf && lb.level === rb.level && lb.headingIndex === headingIndex) block = lb;
    else {
      block = { kind: kindOf, level: rb.level, start: rb.start, end: rb.end, prose: p, sentences: [], markers: blockMarkers, headingIndex, index };
      block.sentences = kindOf === 'heading' || kindOf === 'trailer' || kindOf === 'referenceEntry' ? NO_SENTENCES : sentencesOf(block, pw);
      if (cache) pw.lastBlock = block;
    }
    blocks.push(block);
    sentences.push(...block.sentences);
    markers.push(...blockMarkers);
    if (kindOf === 'heading') headingIndex = index;
  }
  return {
    text,
    kind,
    blocks,
    sentences,
    markers,
    references: refs.list,
    footnotes,
    excluded: scan.excluded,
    frontMatter: scan.frontMatter,
    comments: scan.comments,
    joinedWords,
    drawnText: joinedWords ? drawTogether(text, joinedWords) : text,
    bibliographies: pandoc && options.bibliography ? loadBibliographies(pandoc, options.bibliography) : undefined,
  };
}

/** What a block's place in `pending` holds once the block is in the article. */
const DONE = {} as Pending;

/** A block on its way into the article: its kind, text and work, and its markers once found. */
interface Pending {
  rb: RawBlock;
  kindOf: Block['kind'];
  w: BlockWork;
  /** Where markers may start (after a footnote's label), or -1 for a block without markers. */
  markersFrom: number;
  markers: Marker[];
}

/** The block's parenthesised-citation candidates (relative to it), from its text alone. */
function parenOf(w: BlockWork): readonly ParenCandidate[] {
  return (w.paren ??= parenCandidates(w.s1));
}

/** A block text's work (see `work` in `parseArticle`). */
interface BlockWork {
  s1: string;
  /** Parenthesised numbers that may be citations (`parenCandidates`). */
  paren?: readonly ParenCandidate[];
  /** Prose work by the spans blanked on top of stage 1 (with a cache only: a one-shot parse asks once). */
  proses?: Map<string, ProseWork>;
  /** The spans last blanked (flattened) and their work. */
  last?: { flat: number[]; work: ProseWork };
  /** The block's markers (relative to it) by the running marker context at its start. */
  markers?: Map<string, KeptMarkers>;
  /** The context of the last lookup and what it found. */
  lastContext?: { referenceCount: number; maxSeen: number; parenLimit: number; kept: KeptMarkers };
  /** The last markers placed in the document (relative list, block start and index, result). */
  lastPlaced?: { rel: Marker[]; base: number; index: number; found: Marker[] };
}

/** Every block without markers shares this (frozen: nothing may add to it). */
const NO_MARKERS: Marker[] = Object.freeze([]) as unknown as Marker[];
/** Every heading, trailer and reference entry shares this (frozen: nothing may add to it). */
const NO_SENTENCES: Sentence[] = Object.freeze([]) as unknown as Sentence[];

/** A block's markers in one running context, relative to the block, and the context after it. */
interface KeptMarkers {
  markers: Marker[];
  maxSeen: number;
}

/**
 * A block's markers (relative to it) placed at `base` as block `index`: the same objects as the
 * last time when the block is where it was (a block before the edit).
 */
function placed(w: BlockWork, rel: Marker[], base: number, index: number): Marker[] {
  if (rel.length === 0) return NO_MARKERS;
  const la = w.lastPlaced;
  if (la && la.rel === rel && la.base === base && la.index === index) return la.found;
  const found = rel.map((m) => ({ ...m, start: m.start + base, end: m.end + base, blockIndex: index }));
  w.lastPlaced = { rel, base, index, found };
  return found;
}

/** Whether `flat` lists the block's syntax spans and then `markers`, relative to the block. */
function blanksSame(flat: readonly number[], b: RawBlock, markers: readonly Span[]): boolean {
  if (flat.length !== 2 * (b.syntax.length + markers.length)) return false;
  let i = 0;
  for (const sp of b.syntax) {
    if (flat[i] !== sp.start - b.start || flat[i + 1] !== sp.end - b.start) return false;
    i += 2;
  }
  for (const sp of markers) {
    if (flat[i] !== sp.start - b.start || flat[i + 1] !== sp.end - b.start) return false;
    i += 2;
  }
  return true;
}

interface ProseWork {
  prose: string;
  /** Words drawn together over invisible characters (`invisible.ts`), relative to the block. */
  words?: JoinedWord[];
  /** Sentence boundaries in the prose and their texts, once asked for. */
  sentences?: { spans: Span[]; texts: string[] };
  /** The last sentences made (block start and index, its markers, result). */
  lastMade?: { base: number; index: number; markers: Marker[]; sentences: Sentence[] };
  /** The last block made of this prose (incremental parses only). */
  lastBlock?: Block;
}

/** The block's sentences: the last ones made when the block is where it was, with the same markers. */
function sentencesOf(block: Block, pw: ProseWork): Sentence[] {
  const lm = pw.lastMade;
  if (lm && lm.base === block.start && lm.index === block.index && lm.markers === block.markers) return lm.sentences;
  if (!pw.sentences) {
    const spans = splitSentences(block.prose);
    pw.sentences = { spans, texts: spans.map((s) => block.prose.slice(s.start, s.end)) };
  }
  const sentences = makeSentences(block, pw.sentences.spans, pw.sentences.texts);
  pw.lastMade = { base: block.start, index: block.index, markers: block.markers, sentences };
  return sentences;
}

function makeSentences(block: Block, spans: Span[], texts: string[]): Sentence[] {
  const out: Sentence[] = spans.map((s, i) => ({
    start: block.start + s.start,
    end: block.start + s.end,
    text: texts[i],
    blockIndex: block.index,
    markers: NO_MARKERS,
  }));
  // A marker belongs to the sentence it stands in, or to the one it directly follows. Most
  // sentences have none and share the frozen empty list.
  let k = 0;
  for (const m of block.markers) {
    while (k + 1 < out.length && out[k + 1].start <= m.start) k++;
    if (!out.length) break;
    if (out[k].markers === NO_MARKERS) out[k].markers = [m];
    else out[k].markers.push(m);
  }
  return out;
}

const ENTITY_TEXT: Record<string, string> = { shy: '\u00AD', '#173': '\u00AD', '#xad': '\u00AD', '#8203': '\u200B', '#x200b': '\u200B', zwnj: '\u200C', zwj: '\u200D', '#8288': '\u2060', nbsp: ' ', '#160': ' ', '#xa0': ' ', amp: '&', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', '#8220': '“', '#8221': '”', '#8216': '‘', '#8217': '’', '#x2019': '’', '#39': "'", apos: "'", quot: '"', '#34': '"', mdash: '—', ndash: '–', '#8212': '—', '#8211': '–', hellip: '…' };
const ENTITY = /&(shy|#173|#xad|#8203|#x200b|zwnj|zwj|#8288|nbsp|#160|#xa0|amp|ldquo|rdquo|lsquo|rsquo|#8220|#8221|#8216|#8217|#x2019|#39|apos|quot|#34|mdash|ndash|#8212|#8211|hellip);/gi;
/** An apostrophe entity inside a word ("isn&rsquo;t"): the word is rebuilt whole. */
const CONTRACTION = rx.giu`([${L}])&(?:rsquo|#8217|#x2019|#39|apos);([${L}]+)`;

/**
 * HTML entities in prose as the characters they stand for, padded with spaces to keep the prose
 * the length of its block. Each is decoded in place ("committed&nbsp;suicide" reads "committed",
 * spaces, "suicide", every word where it is written), but an apostrophe inside a word rebuilds the
 * word ("isn&rsquo;t" reads "isn’t" and then spaces) so that it stays one word. An invisible
 * character's entity (`&shy;`, `&#8203;`) is that character as many times as the entity is long,
 * so that a word it stands in is drawn together over all of it (`invisible.ts`).
 */
function decodeEntities(prose: string): string {
  if (!prose.includes('&')) return prose;
  return prose
    .replace(CONTRACTION, (m, a: string, b: string) => `${a}’${b}`.padEnd(m.length, ' '))
    .replace(ENTITY, (m, name: string) => {
      const c = ENTITY_TEXT[name.toLowerCase()];
      return /^[\u00AD\u200B-\u200D\u2060]$/.test(c) ? c.repeat(m.length) : c.padEnd(m.length, ' ');
    });
}

function htmlTagSpans(s: string): Span[] {
  const out: Span[] = [];
  const re = /<\/?(?:sup|sub|b|i|em|strong|span|a)\b[^<>]*>/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
