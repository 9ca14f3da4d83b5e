import { GenerationalMemo, type Memo } from '../memo';
import type { DocumentKind } from '../types';
import { chunkStarts, scanInChunks } from './chunks';
import type { Article } from './model';
import { type ParseCache, type ParseOptions, parseArticle } from './parse';
import type { BlockScan } from './rawBlock';

/**
 * Incremental parsing: a parser object per open document keeps the work of its last parse, so a
 * one-character edit in a large document re-analyses only the blocks it touched.
 *
 * - The text is cut into top-level chunks at blank lines that cannot be inside any Markdown
 *   construct (not in fenced code, an HTML comment or a raw HTML block; the next line starts at
 *   column 0 and is not `---`), so that scanning each chunk alone gives the blocks that scanning
 *   the whole text gives. Each chunk's scan is kept, keyed by its text, and reused at its new
 *   offset.
 * - The per-block work (masks, prose, sentence boundaries) is memoised by the block's text.
 * - Document-level joins (reference list, marker numbering, rules) run again on every parse.
 *
 * The result is always identical to `parseArticle(text, kind)` (a property test checks it).
 * Entries not used by the last parse are dropped, so memory stays about twice one parse's.
 */
export class IncrementalParser implements ParseCache {
  private chunks = new Map<string, BlockScan>();
  private nextChunks = new Map<string, BlockScan>();
  /** The first chunk's scans apart: the same text scanned first may hold front matter. */
  private first = new Map<string, BlockScan>();
  private nextFirst = new Map<string, BlockScan>();
  private store = new GenerationalMemo();
  /** What the last parse reused (for the benchmark and tests). */
  stats = { chunks: 0, chunksReused: 0, memos: 0, memosReused: 0 };

  constructor(readonly kind: DocumentKind) {}

  /**
   * `parseArticle(text, kind, options)`, reusing what the previous parses computed. Starts a new
   * generation of `memo`: the rules' per-block results for this version go in with the parser's.
   */
  parse(text: string, options: Omit<ParseOptions, 'cache'> = {}): Article {
    this.nextChunks = new Map();
    this.nextFirst = new Map();
    this.store.nextGeneration();
    try {
      return parseArticle(text, this.kind, { ...options, cache: this });
    } finally {
      // Keep only what this parse used.
      this.chunks = this.nextChunks;
      this.first = this.nextFirst;
      this.stats.memos = this.store.lookups;
      this.stats.memosReused = this.store.hits;
    }
  }

  /** The document's memo store (parser and rules): entries the last two versions did not use are dropped. */
  get memo(): Memo {
    return this.store.memo;
  }

  scan(text: string, kind: DocumentKind): BlockScan {
    const { scan, chunks, reused } = scanInChunks(text, kind, {
      get: (first, chunk) => (first ? this.nextFirst.get(chunk) ?? this.first.get(chunk) : this.nextChunks.get(chunk) ?? this.chunks.get(chunk)),
      set: (first, chunk, s) => void (first ? this.nextFirst : this.nextChunks).set(chunk, s),
    });
    this.stats.chunks = chunks;
    this.stats.chunksReused = reused;
    return scan;
  }
}

export { chunkStarts };
