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
