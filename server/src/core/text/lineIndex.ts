/**
 * The one converter between core offsets (UTF-16 code units into the document string) and
 * LSP positions (0-based line, UTF-16 character). Line breaks are `\n`, `\r\n` and lone `\r`, as
 * in the LSP specification. Used only at the edges: the LSP adapters, the CLI and tests.
 */
import { unchangedEnds } from './common';

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts ?? [0, ...lineStartsIn(text, 1, text.length)];
  }

  /**
   * The index of `text`, an edited version of the text of `previous`: the line starts before the
   * edit are kept, those after it moved by the edit's length, only the edited stretch is read.
   * Equal to `new LineIndex(text)`.
   */
  static after(previous: LineIndex, text: string): LineIndex {
    const old = previous.text;
    const { prefix: p, suffix: s } = unchangedEnds(old, text);
    const delta = text.length - old.length;
    // A line start x depends on the code units at x - 1 and x only: the starts up to p - 1 are
    // the old ones, and so are (moved) those from the old end of the edit plus one.
    const keepBefore = Math.max(0, p - 1);
    const oldTail = old.length - s + 1;
    const starts: number[] = [];
    const olds = previous.lineStarts;
    let k = 0;
    while (k < olds.length && olds[k] <= keepBefore) starts.push(olds[k++]);
    for (const x of lineStartsIn(text, keepBefore + 1, oldTail + delta - 1)) starts.push(x);
    while (k < olds.length && olds[k] < oldTail) k++;
    while (k < olds.length) starts.push(olds[k++] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset; offsets are clamped into the document. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /** The offset of a position; characters past the line's end clamp to the end of its content. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineContentEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset of the end of a line's content (before its line break). */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** The line starts x with `from <= x <= to` (a start follows `\n`, or `\r` not followed by `\n`). */
function lineStartsIn(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  const last = Math.min(to, text.length);
  for (let x = Math.max(1, from); x <= last; x++) {
    const c = text.charCodeAt(x - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(x) !== 10)) out.push(x);
  }
  return out;
}

/** The line break the document uses most (for edits that insert lines). */
export function detectEol(text: string): string {
  // Asked by several rules and fixes of the same version: the last answer is kept.
  if (lastEol && lastEol.text === text) return lastEol.eol;
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
  lastEol = { text, eol };
  return eol;
}

let lastEol: { text: string; eol: string } | undefined;
