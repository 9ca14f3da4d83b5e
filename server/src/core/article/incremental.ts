import { GenerationalMemo, type Memo, type SpanMemo } from '../memo';
import { finish, type Steps } from '../steps';
import type { DocumentKind } from '../types';
import { chunkStarts, cutsFrom, scanInChunksSteps } from './chunks';
import { unchangedEnds } from '../text/common';
import { lineStartOf } from '../text/lineStart';
import type { Article } from './model';
import { type ParseCache, type ParseOptions, parseArticleSteps } from './parse';
import type { BlockScan, RawBlock } from './rawBlock';

/**
 * Incremental parsing: a parser object per open document keeps the work of its last parse, so a
 * one-character edit in a large document re-analyses only the blocks it touched.
 *
 * - The text is cut into top-level chunks at blank lines that cannot be inside any Markdown
 *   construct (not in fenced code, an HTML comment or a raw HTML block; the next line starts at
 *   column 0 and is not `---` or `+++`), so that scanning each chunk alone gives the blocks that scanning
 *   the whole text gives. The last version's cuts and chunk scans are kept: cutting starts
 *   again at the edit and stops where the old cuts resume (`scan` below), and the chunks on
 *   either side are reused by place (the unmoved ones with their placed blocks).
 * - The per-block work (masks, prose, sentence boundaries, markers by the running marker
 *   context) and each reference entry's fields are kept by place (`spanMemo`): a span the edit
 *   did not touch finds the last version's result where the edit moved it, with a number lookup;
 *   any other span is looked up by its text in the memo store, which the rules share.
 * - Document-level joins (reference list, marker numbering, footnotes) run again on every parse.
 *
 * The result is always identical to `parseArticle(text, kind)` (a property test checks it).
 * Memo entries the last two versions did not use are swept, so memory stays about two versions' worth.
 */
export class IncrementalParser implements ParseCache {
  /** The last version's text, its chunk cuts and the scan of each chunk. */
  private last: { text: string; cuts: number[]; scans: BlockScan[]; placed: RawBlock[][] } | undefined;
  private store = new GenerationalMemo();
  /** Span results of the last parse and of the current one: by namespace, then by start. */
  private kept = new Map<string, Map<number, { length: number; value: unknown }>>();
  private keeping = new Map<string, Map<number, { length: number; value: unknown }>>();
  /** The current parse: its text, and where the edit from the last text left it alone. */
  private current: { text: string; prefixEnd: number; suffixStart: number; delta: number } | undefined;
  /** Whether the last parse ran to its end (a stopped one is no version: see `parseSteps`). */
  private finished = true;
  /** Whether the current parse has scanned its text (`last` is then its text). */
  private scanned = false;
  /** What the last parse reused (for the benchmark and tests). */
  stats = { chunks: 0, chunksReused: 0, memos: 0, memosReused: 0 };

  constructor(readonly kind: DocumentKind) {}

  /**
   * `parseArticle(text, kind, options)`, reusing what the previous parses computed. Starts a new
   * generation of `memo`: the rules' per-block results for this version go in with the parser's.
   */
  parse(text: string, options: Omit<ParseOptions, 'cache'> = {}): Article {
    return finish(this.parseSteps(text, options));
  }

  /**
   * `parse` in steps (`core/steps.ts`), stopped with `Cancelled` when `options.cancellation`
   * asks. One parse at a time: the steps of two parses must not interleave. A parse that was
   * stopped is no version of the document: the next parse goes on in its generation of `memo`
   * (else a few stopped versions in a row, while the author types, would sweep the work of the
   * last whole version), and the last version's kept spans stay until a scan replaces them.
   */
  *parseSteps(text: string, options: Omit<ParseOptions, 'cache'> = {}): Steps<Article> {
    if (this.finished) this.store.nextGeneration();
    this.finished = false;
    this.scanned = false;
    const old = this.last?.text;
    if (old === undefined) this.current = { text, prefixEnd: 0, suffixStart: text.length + 1, delta: 0 };
    else {
      const { prefix, suffix } = unchangedEnds(old, text);
      this.current = { text, prefixEnd: prefix, suffixStart: text.length - suffix, delta: text.length - old.length };
    }
    this.keeping = new Map();
    try {
      const article = yield* parseArticleSteps(text, this.kind, { ...options, cache: this });
      this.finished = true;
      return article;
    } finally {
      // The spans kept are the ones of the text last scanned (places are offsets in it).
      if (this.scanned) this.kept = this.keeping;
      this.keeping = new Map();
      this.current = undefined;
      this.stats.memos = this.store.lookups;
      this.stats.memosReused = this.store.hits;
    }
  }

  /**
   * Results by span of the text being parsed: a span inside the text the edit left alone (the
   * common prefix, or the common suffix, moved by the edit's length) takes the last version's
   * result at its old place when one of the same length is there; any other span is looked up
   * by its text. Only during `parse`.
   */
  spanMemo(text: string): SpanMemo {
    return <T>(ns: string, start: number, end: number, compute: (raw: string) => T): T => {
      const c = this.current;
      const length = end - start;
      let k = this.keeping.get(ns);
      if (!k) this.keeping.set(ns, (k = new Map()));
      if (c && c.text === text) {
        const at = end <= c.prefixEnd ? start : start >= c.suffixStart ? start - c.delta : -1;
        const o = at >= 0 ? this.kept.get(ns)?.get(at) : undefined;
        if (o && o.length === length) {
          // The entry holds nothing of its place: kept as it is, under the span's new start.
          k.set(start, o);
          return o.value as T;
        }
      }
      // Computed from the store's own copy of the span: what is kept of it must not hold the whole version's text.
      const value = this.store.memoKey(ns, text.slice(start, end), compute);
      k.set(start, { length, value });
      return value;
    };
  }

  /** The document's memo store (parser and rules): entries the last two versions did not use are dropped. */
  get memo(): Memo {
    return this.store.memo;
  }

  /**
   * The block scan, chunk by chunk, from the last version's: the text before the edit keeps its
   * cuts and chunk scans; cutting starts again at the last cut before the edited line and stops
   * at the first new cut, past the edit, that is an old cut moved by the edit's length (from
   * there on the text and the cutting are the old ones). The chunks in between are looked up by
   * their text among the old chunks (a paste may move them), else scanned.
   */
  *scanSteps(text: string, kind: DocumentKind): Steps<BlockScan> {
    const last = this.last;
    // New chunk index to the old one whose scan it reuses.
    const byIndex = new Map<number, number>();
    let cuts: number[] | undefined;
    if (last) {
      const old = last.text;
      const { prefix: p, suffix: s } = unchangedEnds(old, text);
      const delta = text.length - old.length;
      // The last old cut before the line of the first change (0 when there is none: the whole
      // text is cut again, as the first chunk may hold front matter).
      const k = lastBefore(last.cuts, lineStartOf(text, p));
      if (k > 0) {
        const changeEnd = text.length - s;
        let sync = -1;
        const r = cutsFrom(text, kind, last.cuts[k], (at) => at >= changeEnd && (sync = indexOf(last.cuts, at - delta)) >= 0);
        cuts = last.cuts.slice(0, k).concat(r.cuts);
        for (let i = 0; i < k; i++) byIndex.set(i, i);
        // The chunk cutting starts again at is unchanged when it ends where it did, before the edit.
        if (r.cuts.length > 1 && r.cuts[1] === last.cuts[k + 1] && r.cuts[1] <= p) byIndex.set(k, k);
        if (r.stopped) {
          const base = cuts.length - 1;
          for (let i = sync + 1; i < last.cuts.length; i++) cuts.push(last.cuts[i] + delta);
          for (let i = sync; i < last.cuts.length; i++) byIndex.set(base + i - sync, i);
        }
      }
    }
    // The old chunks by text, built only when many chunks are not known by their place (a
    // paste, a move); scanning one or two edited chunks costs less than hashing every chunk.
    let byText: Map<string, BlockScan> | undefined;
    const unknown = cuts ? cuts.length - byIndex.size : Infinity;
    const lookUp = (c: number, start: number, end: number): { scan: BlockScan; placed?: RawBlock[] } | undefined => {
      const i = byIndex.get(c);
      // Same scan at the same place: the placed blocks of the last version too.
      if (i !== undefined) return { scan: last!.scans[i], placed: last!.cuts[i] === start ? last!.placed[i] : undefined };
      if (!last || unknown <= 8) return undefined;
      if (!byText) {
        byText = new Map();
        for (let i = last.cuts.length - 1; i >= 1; i--) byText.set(last.text.slice(last.cuts[i], i + 1 < last.cuts.length ? last.cuts[i + 1] : last.text.length), last.scans[i]);
      }
      // The first chunk alone may hold front matter: only the old first chunk stands for it.
      if (c === 0) return text.slice(0, end) === last.text.slice(0, last.cuts.length > 1 ? last.cuts[1] : last.text.length) ? { scan: last.scans[0], placed: last.placed[0] } : undefined;
      const scan = byText.get(text.slice(start, end));
      return scan && { scan };
    };
    const r = yield* scanInChunksSteps(text, kind, lookUp, cuts ?? chunkStarts(text, kind));
    this.last = { text, cuts: r.cuts, scans: r.scans, placed: r.placed };
    this.scanned = true;
    this.stats.chunks = r.cuts.length;
    this.stats.chunksReused = r.reused;
    return r.scan;
  }
}

/** Index of the last element of the sorted `xs` that is below `limit`, or -1. */
function lastBefore(xs: number[], limit: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of `x` in the sorted `xs`, or -1. */
function indexOf(xs: number[], x: number): number {
  const i = lastBefore(xs, x + 1);
  return i >= 0 && xs[i] === x ? i : -1;
}

export { chunkStarts };
