/**
 * The common prefix and suffix of two versions of a text: what an edit left alone. Whole runs
 * are compared first (string equality is far faster than a loop over code units).
 */
const RUN = 4096;

/** Length of the longest common prefix of `a` and `b`. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + RUN <= n && a.slice(i, i + RUN) === b.slice(i, i + RUN)) i += RUN;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix of `a` and `b`, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + RUN <= max && a.slice(a.length - i - RUN, a.length - i) === b.slice(b.length - i - RUN, b.length - i)) i += RUN;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** What an edit from `a` to `b` left alone: the common prefix, and the common suffix after it. */
export interface Unchanged {
  prefix: number;
  suffix: number;
}

let lastPair: { a: string; b: string; unchanged: Unchanged } | undefined;

/**
 * `commonPrefix` and `commonSuffix` of two versions, the suffix not overlapping the prefix. The
 * line index and the incremental parser both ask about the same pair of versions on every edit:
 * the last pair's answer is kept (comparing two 1 MB texts costs about a millisecond).
 */
export function unchangedEnds(a: string, b: string): Unchanged {
  if (lastPair && lastPair.a === a && lastPair.b === b) return lastPair.unchanged;
  const prefix = commonPrefix(a, b);
  const unchanged = { prefix, suffix: commonSuffix(a, b, Math.min(a.length, b.length) - prefix) };
  lastPair = { a, b, unchanged };
  return unchanged;
}
