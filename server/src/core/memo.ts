import type { Block, BlockKind } from './article/model';

/**
 * Memoisation of pure computations across the versions of one document: the parser's per-block
 * work and the rules' per-block work, so that a one-character edit in a large document repeats
 * only the work of the blocks it touched (`article/incremental.ts` owns the store).
 *
 * Keys are strings that the computation depends on entirely (a block's text or prose); the
 * namespace says which computation, and is an object when the computation also depends on data
 * that may change (a lexicon, drug knowledge): a new object is a new namespace. Results must be
 * independent of where the block sits in the document (offsets relative to the block).
 */
export type Memo = <T>(ns: object | string, key: string, compute: () => T) => T;

/**
 * A memo keyed by a span of the text being parsed: `compute(raw)` depends on the span's text
 * alone. The incremental parser (`article/incremental.ts`) finds the result of a span the edit
 * did not touch by its place in the last version, which costs a number lookup where a lookup by
 * text hashes and compares the whole text (a megabyte per version for a large document).
 */
export type SpanMemo = <T>(ns: string, start: number, end: number, compute: (raw: string) => T) => T;

/** The `SpanMemo` of `text` over a text-keyed store. */
export function spanMemoOver(text: string, memo: Memo): SpanMemo {
  return (ns, start, end, compute) => {
    const raw = text.slice(start, end);
    return memo(ns, raw, () => compute(raw));
  };
}

/**
 * `s` in a string of its own. A slice of a document is a view into the whole document string in
 * V8: a memo entry keyed by a block's slice of one version (or holding work derived from it)
 * kept that version's whole text alive for as long as the block stayed unchanged, some 2 MB per
 * edited block of a 1 MB document, without end while the author typed. Concatenating makes a new
 * string and slicing it makes V8 copy the characters into one: the view is then into that copy.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** No store: every call computes (one-shot lints: the CLI, tests). */
export const noMemo: Memo = (_ns, _key, compute) => compute();

/**
 * Per-block results for the rules: `compute()` depends on the block's kind and prose alone (and
 * on `ns`, which names the computation and any data it reads). All the results of one block sit
 * in one record, found with one lookup per block and version.
 */
export type BlockMemo = <T>(block: Block, ns: object | string, compute: () => T) => T;

const RECORDS: Record<BlockKind, string> = {
  heading: 'record:heading',
  paragraph: 'record:paragraph',
  listItem: 'record:listItem',
  tableRow: 'record:tableRow',
  footnoteDefinition: 'record:footnoteDefinition',
  referenceEntry: 'record:referenceEntry',
  trailer: 'record:trailer',
};

/** The `BlockMemo` of one version's blocks, over the document's store. */
export function blockMemo(blocks: readonly Block[], memo: Memo): BlockMemo {
  const records: (Map<object | string, unknown> | undefined)[] = new Array(blocks.length);
  return <T>(block: Block, ns: object | string, compute: () => T): T => {
    let record = records[block.index];
    if (!record) records[block.index] = record = memo(RECORDS[block.kind], block.prose, () => new Map<object | string, unknown>());
    if (record.has(ns)) return record.get(ns) as T;
    const v = compute();
    record.set(ns, v);
    return v;
  };
}

/** No store (one-shot lints). */
export const noBlockMemo: BlockMemo = (_block, _ns, compute) => compute();

/** Characters of keys the store may hold beyond twice what the last version used (about 2 MB). */
const SLACK_CHARS = 1 << 20;

/**
 * A memo store for the versions of one document. Each entry remembers the last version
 * (generation) that used it; `nextGeneration()` starts a version and, when the store holds more
 * than about twice what the last version used, in entries or in the characters of their keys,
 * drops every entry the last two versions did not use. A hit costs one lookup and no allocation,
 * so an edit that changes one block costs the lookups of the others, not a copy of the store.
 *
 * Counting characters too bounds what a few large entries hold: an edit in a long reference
 * list makes a new entry keyed by the whole list, and counted by entries alone, hundreds of
 * stale copies of it (some 350 KB each in a 1 MB article) waited for the next sweep.
 */
export class GenerationalMemo {
  private readonly maps = new Map<object | string, Map<string, { value: unknown; gen: number }>>();
  private gen = 0;
  private size = 0;
  private usedLast = 0;
  private used = 0;
  /** The same in characters of the keys. */
  private chars = 0;
  private usedCharsLast = 0;
  private usedChars = 0;
  /** Lookups and hits since the last `nextGeneration()` (for the benchmark and tests). */
  lookups = 0;
  hits = 0;

  nextGeneration(): void {
    this.usedLast = this.used;
    this.usedCharsLast = this.usedChars;
    if (this.size > 2 * this.usedLast + 1024 || this.chars > 2 * this.usedCharsLast + SLACK_CHARS) this.sweep(this.gen - 1);
    this.gen++;
    this.used = 0;
    this.usedChars = 0;
    this.lookups = 0;
    this.hits = 0;
  }

  /** Entries held (for tests). */
  get entries(): number {
    return this.size;
  }

  /** Characters of the keys held (for tests). */
  get keyChars(): number {
    return this.chars;
  }

  private sweep(oldestKept: number): void {
    for (const [ns, map] of this.maps) {
      for (const [key, e] of map) {
        if (e.gen < oldestKept) {
          map.delete(key);
          this.size--;
          this.chars -= key.length;
        }
      }
      if (map.size === 0) this.maps.delete(ns);
    }
  }

  readonly memo: Memo = <T>(ns: object | string, key: string, compute: () => T): T => this.memoKey(ns, key, compute);

  /**
   * `memo`, where a computation that needs the key's text is given the store's own copy of it
   * (`detached`): what it derives holds no view into the text the key was sliced from, and the
   * key is copied once.
   */
  memoKey<T>(ns: object | string, key: string, compute: (own: string) => T): T {
    this.lookups++;
    let map = this.maps.get(ns);
    if (!map) this.maps.set(ns, (map = new Map()));
    const e = map.get(key);
    if (e) {
      this.hits++;
      if (e.gen !== this.gen) {
        e.gen = this.gen;
        this.used++;
        this.usedChars += key.length;
      }
      return e.value as T;
    }
    const own = detached(key);
    const value = compute(own);
    map.set(own, { value, gen: this.gen });
    this.chars += key.length;
    this.usedChars += key.length;
    this.size++;
    this.used++;
    return value;
  }
}
