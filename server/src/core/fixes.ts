import type { Fix, TextEdit } from './types';

/** Applies non-overlapping edits (offsets into `text`) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`Overlapping edits at ${e.start}-${e.end}`);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/**
 * The edits of every safe fix (those that need no choice from the author), without overlaps:
 * where two fixes touch the same text, the first in document order wins and the other waits
 * for the next pass.
 */
export function safeEdits(fixes: readonly Fix[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const safe = fixes.filter((f) => f.safe && f.edits.length).sort((x, y) => x.edits[0].start - y.edits[0].start);
  for (const f of safe) {
    const overlaps = f.edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === c.start && e.end === c.end)));
    if (!overlaps) chosen.push(...f.edits);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
