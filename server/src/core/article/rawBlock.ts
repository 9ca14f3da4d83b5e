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

/**
 * HTML comments (`<!-- ... -->`) in `s[from, to)`, leftmost first, as `/<!--[\s\S]*?-->/g` finds
 * them but in linear time: the regular expression scans to the end of the text from every
 * unclosed `<!--` (quadratic on a text of many), while here the first opener without a close
 * ends the search, since no later one can close either.
 */
export function htmlComments(s: string, from = 0, to = s.length): Span[] {
  const out: Span[] = [];
  for (let at = s.indexOf('<!--', from); at >= 0 && at < to; ) {
    const close = s.indexOf('-->', at + 4);
    if (close < 0 || close + 3 > to) break;
    out.push({ start: at, end: close + 3 });
    at = s.indexOf('<!--', close + 3);
  }
  return out;
}

/** HTML comments inside a span of text, with their trimmed bodies. */
export function findComments(text: string, from: number, to: number): (Span & { body: string })[] {
  return htmlComments(text, from, to).map((c) => ({ ...c, body: text.slice(c.start + 4, c.end - 3).trim() }));
}

/**
 * Front matter at the very start: YAML between `---` lines (simple `key: value` lines), or TOML
 * between `+++` lines, as Hugo writes it (simple top-level `key = "value"` lines; the keys of a
 * `[table]` are not top-level, and arrays and multi-line strings are skipped).
 */
export function scanFrontMatter(text: string, lines: Lines): { end: number; lineCount: number; values: Record<string, string> } | undefined {
  if (lines.starts.length < 2) return undefined;
  const open = text.slice(0, lines.ends[0]).trimEnd();
  if (open !== '---' && open !== '+++') return undefined;
  const toml = open === '+++';
  const values: Record<string, string> = {};
  let table = false;
  for (let l = 1; l < lines.starts.length; l++) {
    const line = text.slice(lines.starts[l], lines.ends[l]);
    if (toml ? /^\+\+\+\s*$/.test(line) : /^(---|\.\.\.)\s*$/.test(line)) return { end: lines.ends[l], lineCount: l + 1, values };
    if (toml) {
      if (/^\s*\[/.test(line)) table = true;
      const kv = table ? null : /^\s*([A-Za-z][\w-]*)\s*=\s*(?:"([^"\\]*)"|'([^']*)'|([\w.+-]+))\s*(?:#.*)?$/.exec(line);
      if (kv) values[kv[1].toLowerCase()] = kv[2] ?? kv[3] ?? kv[4];
      continue;
    }
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    // A YAML comment after the value ("UK # set by the editor") is no part of it.
    if (kv) values[kv[1].toLowerCase()] = kv[2].replace(/(?:^|\s)#.*$/, '').trim().replace(/^["']|["']$/g, '');
  }
  return undefined;
}
