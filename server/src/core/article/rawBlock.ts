import type { Span } from '../types';
import type { BlockKind } from './model';

/** A block as the block scanners find it, before markers, prose and sentences. */
export interface RawBlock extends Span {
  kind: BlockKind;
  level: number;
  /** Spans inside the block that are syntax, not prose (list bullets, `#`, `>`, `|`). */
  syntax: Span[];
}

export interface BlockScan {
  blocks: RawBlock[];
  /** Never linted: code, front matter, HTML blocks. */
  excluded: Span[];
  comments: (Span & { body: string })[];
  frontMatter: Record<string, string>;
}

/** Offsets at which each line starts, and the end of each line's content. */
export interface Lines {
  starts: number[];
  ends: number[];
}

export function splitLines(text: string): Lines {
  const starts: number[] = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

const COMMENT = /<!--([\s\S]*?)-->/g;

/** HTML comments inside a span of text. */
export function findComments(text: string, from: number, to: number): (Span & { body: string })[] {
  const out: (Span & { body: string })[] = [];
  const slice = text.slice(from, to);
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(slice); m; m = COMMENT.exec(slice)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, body: m[1].trim() });
  }
  return out;
}

/** `---` front matter at the very start: simple `key: value` lines. */
export function scanFrontMatter(text: string, lines: Lines): { end: number; lineCount: number; values: Record<string, string> } | undefined {
  if (lines.starts.length < 2 || text.slice(0, lines.ends[0]).trimEnd() !== '---') return undefined;
  const values: Record<string, string> = {};
  for (let l = 1; l < lines.starts.length; l++) {
    const line = text.slice(lines.starts[l], lines.ends[l]);
    if (/^(---|\.\.\.)\s*$/.test(line)) return { end: lines.ends[l], lineCount: l + 1, values };
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) values[kv[1].toLowerCase()] = kv[2].trim().replace(/^["']|["']$/g, '');
  }
  return undefined;
}
