import MarkdownIt from 'markdown-it';
import type { Span } from '../types';
import { type BlockScan, type Lines, type RawBlock, findComments, htmlComments, scanFrontMatter } from './rawBlock';

/**
 * Block structure of a Markdown document, from markdown-it's block parser (line maps), plus a
 * pre-pass for front matter and footnote definitions (markdown-it drops unreferenced footnote
 * definitions, and we must see them to report them).
 */
const md = new MarkdownIt({ html: true, linkify: false });
// Only block structure is needed: inline parsing is done by our own masking (with offsets), so
// the core runs only normalisation and the block parser, never the inline stage.
md.core.ruler.enableOnly(['normalize', 'block']);

type Token = ReturnType<typeof md.parse>[number];

/**
 * A block token with the fields of markdown-it's `Token`, made as one object literal: the
 * library's compiled class defines eight of its fields one by one through a helper, which cost
 * more than the block rules that make the tokens. Block rules only set and read fields (the
 * methods are for the inline stage and the renderer, which never run here).
 */
function leanToken(type: string, tag: string, nesting: Token['nesting'], level: number): Token {
  return { type, tag, attrs: null, map: null, nesting, level, children: null, content: '', markup: '', info: '', meta: null, block: true, hidden: false } as unknown as Token;
}

/** markdown-it's block state, pushing lean tokens (as `StateBlock.push` does, with `leanToken`). */
class LeanBlockState extends md.block.State {
  override push(type: string, tag: string, nesting: Token['nesting']): Token {
    if (nesting < 0) this.level--;
    const token = leanToken(type, tag, nesting, this.level);
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}
md.block.State = LeanBlockState as unknown as typeof md.block.State;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?/;
const LIST_MARKER = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?:[ \t]+|$)/;
const CONTAINER_PREFIX = /^[ \t]*(?:>[ \t]?[ \t]*)*/;
const ATX_OPEN = /^[ \t]*(?:>[ \t]?[ \t]*)*#{1,6}(?:[ \t]+|$)/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$/;

/** Whether `FENCE` or `FOOTNOTE_DEF` may match the line `[start, end)`: "`", "~" or "[" after at most three spaces. */
export function mayOpenFenceOrFootnote(text: string, start: number, end: number): boolean {
  let p = start;
  while (p < end && p - start < 3 && text.charCodeAt(p) === 32) p++;
  if (p >= end) return false;
  const c = text.charCodeAt(p);
  return c === 96 || c === 126 || c === 91;
}

/** Whether `CONTAINER_PREFIX` matches something at the start of the line `[start, end)`. */
export function startsWithPrefixChar(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const c = text.charCodeAt(start);
  return c === 32 || c === 9 || c === 62;
}

export function scanMarkdown(text: string, lines: Lines): BlockScan {
  const blocks: RawBlock[] = [];
  const excluded: Span[] = [];
  const code: Span[] = [];
  const n = lines.starts.length;
  // Lines [fromLine, toLine) to replace with spaces (keeping every offset and line break) before
  // markdown-it sees the text; applied once, in order (rebuilding the text per range is quadratic).
  const blanked: Span[] = [];
  const blank = (fromLine: number, toLine: number): void => {
    blanked.push({ start: lines.starts[fromLine], end: lines.ends[toLine - 1] });
  };

  const fm = scanFrontMatter(text, lines);
  let firstLine = 0;
  if (fm) {
    excluded.push({ start: 0, end: fm.end });
    blank(0, fm.lineCount);
    firstLine = fm.lineCount;
  }

  // Footnote definitions, outside fenced code.
  let fence: string | undefined;
  const footnoteBlocks: RawBlock[] = [];
  for (let l = firstLine; l < n; l++) {
    // Both patterns need "`", "~" or "[" after at most three spaces: most lines are passed
    // over on that alone.
    if (!mayOpenFenceOrFootnote(text, lines.starts[l], lines.ends[l])) continue;
    const line = text.slice(lines.starts[l], lines.ends[l]);
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const def = FOOTNOTE_DEF.exec(line);
    if (!def) continue;
    let last = l;
    for (let k = l + 1; k < n; k++) {
      const next = text.slice(lines.starts[k], lines.ends[k]);
      if (next.trim() === '' || FOOTNOTE_DEF.test(next) || /^ {0,3}(#|```|~~~|>)/.test(next)) break;
      last = k;
    }
    const start = lines.starts[l];
    const syntax: Span[] = [{ start, end: start + def[0].length }];
    for (let k = l + 1; k <= last; k++) {
      const ind = /^[ \t]*/.exec(text.slice(lines.starts[k], lines.ends[k]))![0].length;
      if (ind) syntax.push({ start: lines.starts[k], end: lines.starts[k] + ind });
    }
    footnoteBlocks.push({ kind: 'footnoteDefinition', level: 0, start, end: lines.ends[last], syntax });
    blank(l, last + 1);
    l = last;
  }

  let source = text;
  if (blanked.length) {
    const parts: string[] = [];
    let pos = 0;
    for (const b of blanked) {
      parts.push(text.slice(pos, b.start), text.slice(b.start, b.end).replace(/[^\r\n]/g, ' '));
      pos = b.end;
    }
    parts.push(text.slice(pos));
    source = parts.join('');
  }
  const tokens = md.parse(source, {});
  const stack: { type: string; map: [number, number] | null }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.nesting === 1 && t.type !== 'paragraph_open' && t.type !== 'heading_open') stack.push({ type: t.type, map: t.map as [number, number] | null });
    if (t.nesting === -1 && t.type !== 'paragraph_close' && t.type !== 'heading_close') stack.pop();
    if (!t.map) continue;
    const [l0, l1] = t.map;
    switch (t.type) {
      case 'fence':
      case 'code_block':
        code.push({ start: lines.starts[l0], end: lines.ends[Math.max(l0, l1 - 1)] });
        excluded.push(code[code.length - 1]);
        break;
      case 'html_block': {
        const start = lines.starts[l0];
        const end = lines.ends[Math.max(l0, l1 - 1)];
        const prose = htmlProseBlocks(text, start, end);
        if (prose) blocks.push(...prose);
        else excluded.push({ start, end });
        break;
      }
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        const setext = t.markup === '=' || t.markup === '-';
        const contentEnd = setext ? l1 - 1 : l1;
        const syntax: Span[] = [];
        for (let l = l0; l < contentEnd; l++) {
          const line = text.slice(lines.starts[l], lines.ends[l]);
          const open = (setext ? CONTAINER_PREFIX : ATX_OPEN).exec(line);
          if (open && open[0].length) syntax.push({ start: lines.starts[l], end: lines.starts[l] + open[0].length });
          const close = setext ? null : ATX_CLOSE.exec(line);
          if (close) syntax.push({ start: lines.starts[l] + close.index, end: lines.ends[l] });
        }
        blocks.push(makeBlock('heading', level, lines, l0, contentEnd, syntax));
        break;
      }
      case 'paragraph_open': {
        const parent = stack[stack.length - 1];
        const firstOfItem = parent && parent.type === 'list_item_open' && parent.map && parent.map[0] === l0;
        const syntax: Span[] = [];
        for (let l = l0; l < l1; l++) {
          const item = l === l0 && firstOfItem;
          // A container prefix starts with a space, a tab or ">": most lines have none.
          if (!item && !startsWithPrefixChar(text, lines.starts[l], lines.ends[l])) continue;
          const line = text.slice(lines.starts[l], lines.ends[l]);
          const re = item ? LIST_MARKER : CONTAINER_PREFIX;
          const m = re.exec(line);
          if (m && m[0].length) syntax.push({ start: lines.starts[l], end: lines.starts[l] + m[0].length });
        }
        blocks.push(makeBlock(firstOfItem ? 'listItem' : 'paragraph', 0, lines, l0, l1, syntax));
        break;
      }
      case 'tr_open': {
        const syntax: Span[] = [];
        for (let l = l0; l < l1; l++) {
          const line = text.slice(lines.starts[l], lines.ends[l]);
          const prefix = CONTAINER_PREFIX.exec(line)![0].length;
          if (prefix) syntax.push({ start: lines.starts[l], end: lines.starts[l] + prefix });
          for (let c = prefix; c < line.length; c++) {
            if (line[c] === '|' && line[c - 1] !== '\\') syntax.push({ start: lines.starts[l] + c, end: lines.starts[l] + c + 1 });
          }
        }
        blocks.push(makeBlock('tableRow', 0, lines, l0, l1, syntax));
        break;
      }
    }
  }
  const all = footnoteBlocks.length ? [...blocks, ...footnoteBlocks].sort((a, b) => a.start - b.start) : blocks;
  const inCode = (c: Span): boolean => code.some((e) => e.start <= c.start && c.end <= e.end);
  const comments = findComments(text, fm?.end ?? 0, text.length).filter((c) => !inCode(c));
  return { blocks: all.filter((b) => b.end > b.start), excluded, comments, frontMatter: fm?.values ?? {} };
}

/** Block-level HTML elements: each starts or ends a block of prose. */
const HTML_BLOCK_TAG = /<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|section|article|aside|header|footer|main|figure|figcaption|table|thead|tbody|tr|td|th|br|hr)\b[^<>]*>/gi;
const HTML_PROSE_START = /^[ \t]*<(?:p|div|h[1-6]|ul|ol|li|blockquote|section|article|aside|figure|table)\b/i;

/**
 * The prose of an HTML block as content management systems export it (`<p>Our infusions ...</p>`):
 * one block per stretch of text between block-level tags (a heading for `<h1>` to `<h6>`),
 * inline tags left for the prose mask. Undefined for other HTML (comments, scripts, styles,
 * preformatted text), which stays out of the analysis.
 */
function htmlProseBlocks(text: string, start: number, end: number): RawBlock[] | undefined {
  let raw = text.slice(start, end);
  if (!HTML_PROSE_START.test(raw) || /<(?:script|style|pre|code|textarea)\b/i.test(raw)) return undefined;
  // Comments between the elements (WordPress writes `<!-- /wp:paragraph -->` after each `<p>`)
  // separate blocks and are no prose; an unclosed one hides the rest of the block.
  const comments = htmlComments(raw);
  const unclosed = raw.indexOf('<!--', comments.length ? comments[comments.length - 1].end : 0);
  if (unclosed >= 0) raw = raw.slice(0, unclosed);
  const out: RawBlock[] = [];
  let from = 0;
  let heading = 0;
  const emit = (a: number, b: number): void => {
    const seg = raw.slice(a, b);
    const lead = seg.length - seg.trimStart().length;
    const body = seg.trim();
    if (!body) return;
    out.push({ kind: heading ? 'heading' : 'paragraph', level: heading, start: start + a + lead, end: start + a + lead + body.length, syntax: [] });
  };
  const separators: { index: number; text: string }[] = comments.map((c) => ({ index: c.start, text: raw.slice(c.start, c.end) }));
  HTML_BLOCK_TAG.lastIndex = 0;
  for (let m = HTML_BLOCK_TAG.exec(raw); m; m = HTML_BLOCK_TAG.exec(raw)) {
    if (!comments.some((c) => c.start <= m!.index && m!.index < c.end)) separators.push({ index: m.index, text: m[0] });
  }
  separators.sort((a, b) => a.index - b.index);
  for (const m of separators) {
    emit(from, m.index);
    const h = /^<(\/?)h([1-6])\b/i.exec(m.text);
    if (h) heading = h[1] ? 0 : Number(h[2]);
    from = m.index + m.text.length;
  }
  emit(from, raw.length);
  return out;
}

function makeBlock(kind: RawBlock['kind'], level: number, lines: Lines, l0: number, l1: number, syntax: Span[]): RawBlock {
  const first = syntax.length && syntax[0].start === lines.starts[l0] ? syntax[0].end : lines.starts[l0];
  return { kind, level, start: Math.min(first, lines.ends[Math.max(l0, l1 - 1)]), end: lines.ends[Math.max(l0, l1 - 1)], syntax };
}
