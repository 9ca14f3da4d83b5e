import type { Fix, TextEdit } from './types';

/**
 * Applies non-overlapping edits (offsets into `text`) to a text, in one pass (linear in the text
 * and the edits: a renumbering rewrites thousands of markers). Two insertions at the same offset
 * land with the later one in `edits` first; an insertion at the start of a replaced range lands
 * before its replacement.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || b.i - a.i);
  const parts: string[] = [];
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new Error(`Overlapping edits at ${e.start}-${e.end}`);
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
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
