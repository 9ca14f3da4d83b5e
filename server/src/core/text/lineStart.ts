/**
 * Offset at which the line containing `offset` starts (after the last `\n` or `\r` before it).
 * Scans back only to that break: `Math.max(text.lastIndexOf('\n', o), text.lastIndexOf('\r', o))`
 * scans to the start of the document for the break that is absent, which is quadratic when done
 * per block.
 */
export function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}
