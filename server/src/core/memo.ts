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

/** No store: every call computes (one-shot lints: the CLI, tests). */
export const noMemo: Memo = (_ns, _key, compute) => compute();

/**
 * A memo store with two generations: what the current document version used, and what the
 * previous one did. `nextGeneration()` drops whatever the previous version did not use, so the
 * store holds at most about two versions' worth of results.
 */
export class GenerationalMemo {
  private previous = new Map<object | string, Map<string, unknown>>();
  private current = new Map<object | string, Map<string, unknown>>();
  /** Lookups and hits since the last `nextGeneration()` (for the benchmark and tests). */
  lookups = 0;
  hits = 0;

  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
    this.lookups = 0;
    this.hits = 0;
  }

  readonly memo: Memo = <T>(ns: object | string, key: string, compute: () => T): T => {
    this.lookups++;
    let now = this.current.get(ns);
    if (!now) this.current.set(ns, (now = new Map()));
    if (now.has(key)) {
      this.hits++;
      return now.get(key) as T;
    }
    const before = this.previous.get(ns);
    let v: T;
    if (before?.has(key)) {
      this.hits++;
      v = before.get(key) as T;
    } else {
      v = compute();
    }
    now.set(key, v);
    return v;
  };
}
