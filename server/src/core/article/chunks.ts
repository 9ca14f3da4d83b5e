import { CHECKPOINT_BLOCKS, finish, type Steps } from '../steps';
import type { DocumentKind, Span } from '../types';
import { scanMarkdown } from './markdownBlocks';
import { scanPlaintext } from './plainBlocks';
import { type BlockScan, type Lines, type RawBlock, scanFrontMatter, splitLines } from './rawBlock';

/**
 * Top-level chunks: a document is scanned chunk by chunk, each chunk alone, which gives the
 * blocks that scanning the whole text gives (`chunkStarts` cuts only where that holds; a
 * property test compares both). The one-shot parse does it to keep markdown-it's tokens to one
 * chunk at a time; the incremental parser to reuse the scan of every unchanged chunk.
 */

/**
 * The block scan of `text`, chunk by chunk (`cuts`, `chunkStarts` by default). `known(c, start,
 * end)` may give the scan of chunk `c` (relative to its start) from an earlier version; the
 * scans of all chunks are returned with the result, to be given back next time.
 */
export function scanInChunks(
  text: string,
  kind: DocumentKind,
  known?: (c: number, start: number, end: number) => { scan: BlockScan; placed?: RawBlock[] } | undefined,
  cuts = chunkStarts(text, kind),
): ChunkedScan {
  return finish(scanInChunksSteps(text, kind, known, cuts));
}

export interface ChunkedScan {
  scan: BlockScan;
  cuts: number[];
  scans: BlockScan[];
  placed: RawBlock[][];
  reused: number;
}

/** `scanInChunks` in steps: a checkpoint every `CHECKPOINT_BLOCKS` chunks (`core/steps.ts`). */
export function* scanInChunksSteps(
  text: string,
  kind: DocumentKind,
  known?: (c: number, start: number, end: number) => { scan: BlockScan; placed?: RawBlock[] } | undefined,
  cuts = chunkStarts(text, kind),
): Steps<ChunkedScan> {
  const out: BlockScan = { blocks: [], excluded: [], comments: [], frontMatter: {} };
  const scans: BlockScan[] = new Array(cuts.length);
  const placed: RawBlock[][] = new Array(cuts.length);
  let reused = 0;
  for (let c = 0; c < cuts.length; c++) {
    if (c % CHECKPOINT_BLOCKS === CHECKPOINT_BLOCKS - 1) yield;
    const start = cuts[c];
    const end = c + 1 < cuts.length ? cuts[c + 1] : text.length;
    const k = known?.(c, start, end);
    let s = k?.scan;
    if (s) reused++;
    else {
      const chunk = cuts.length === 1 ? text : text.slice(start, end);
      s = kind === 'markdown' ? scanMarkdown(chunk, splitLines(chunk)) : scanPlaintext(chunk, splitLines(chunk));
    }
    scans[c] = s;
    if (c === 0) out.frontMatter = s.frontMatter;
    // The chunk's blocks at their place: kept from the last version when the chunk has not moved.
    const blocks = k?.placed ?? (start === 0 && !known ? s.blocks : s.blocks.map((b) => shiftBlock(b, start)));
    placed[c] = blocks;
    for (const b of blocks) out.blocks.push(b);
    for (const e of s.excluded) out.excluded.push(start === 0 ? e : shift(e, start));
    for (const m of s.comments) out.comments.push(start === 0 ? m : { ...shift(m, start), body: m.body });
  }
  return { scan: out, cuts, scans, placed, reused };
}

/** The least size of a chunk of a one-shot scan (`coarseCuts`), in code units. */
export const COARSE_CHUNK = 16 * 1024;

/**
 * Fewer, larger chunks, for a scan that keeps nothing for a later version: the cuts at least
 * `size` code units after the last one kept. A run of chunks scanned as one text gives what
 * scanning them one by one gives (the scan's state is clean at every cut, and the cuts inside
 * the run are the run's own cuts), and each scan has its own cost whatever its length
 * (markdown-it's states, its normalisation, the footnote and front-matter passes): a 1 MB
 * article has some 4,000 cuts. markdown-it's tokens still exist for one chunk at a time.
 */
export function coarseCuts(cuts: readonly number[], size = COARSE_CHUNK): number[] {
  const out: number[] = [];
  for (const c of cuts) if (out.length === 0 || c - out[out.length - 1] >= size) out.push(c);
  return out;
}

const shift = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });
const shiftBlock = (b: RawBlock, by: number): RawBlock => ({ kind: b.kind, level: b.level, start: b.start + by, end: b.end + by, syntax: b.syntax.map((s) => shift(s, by)) });

const FENCE = /^( {0,3})(`{3,}|~{3,})/;
const FOOTNOTE_DEF = /^ {0,3}\[\^[^\]\s]+\]:/;
/** Raw HTML blocks that may contain blank lines (CommonMark types 1 to 5), by their start and end. */
const HTML_UNTIL: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

/**
 * Offsets where top-level chunks start: at a line after one or more blank lines, that starts at
 * column 0 with no space, outside fenced code, raw HTML blocks and HTML comments (found by a regex
 * over the whole text, so even across code), and is not a `---` or `+++` line (front matter, which
 * a chunk starting there would be read as). Fences and
 * HTML blocks are followed as markdown-it's top level does; anything ambiguous (an indented
 * fence or tag, which may sit in a list item; a fence line inside HTML) ends the cutting: the
 * rest of the document is one chunk. Staying whole is always correct.
 */
export function chunkStarts(text: string, kind: DocumentKind): number[] {
  return cutsFrom(text, kind, 0).cuts;
}

/**
 * `chunkStarts`, going on from `from`, a cut of this same text (the state of the scan is clean
 * at a cut, so the cuts after it depend only on the text after it). `stop` is asked at every new
 * cut; when it says so, the cuts found so far are returned with `stopped` (the caller knows the rest).
 */
export function cutsFrom(text: string, kind: DocumentKind, from: number, stop?: (cut: number) => boolean): { cuts: number[]; stopped: boolean } {
  const sub = from === 0 ? text : text.slice(from);
  // Going on from a cut, lines are found as the scan reaches them: it usually stops soon after.
  const lines = from === 0 ? new LazyLines(sub, splitLines(sub)) : new LazyLines(sub);
  const cuts = [from];
  let first = 0;
  if (kind === 'markdown' && from === 0) {
    const fm = scanFrontMatter(text, lines.all());
    if (fm) first = fm.lineCount;
  }
  const cut = (l: number): boolean => {
    const at = from + lines.starts[l];
    cuts.push(at);
    return !!stop?.(at);
  };
  const done = { cuts, stopped: false };
  let fence: string | undefined;
  /** In a raw HTML block: the end it waits for, or 'blank'. */
  let html: RegExp | 'blank' | undefined;
  let comment = false;
  let sawBlank = false;
  for (let l = first; lines.has(l); l++) {
    const line = sub.slice(lines.starts[l], lines.ends[l]);
    if (kind === 'plaintext') {
      if (line.trim() === '') sawBlank = true;
      else {
        if (sawBlank && l > 0 && cut(l)) return { cuts, stopped: true };
        sawBlank = false;
      }
      continue;
    }
    if (/^[ \t]*$/.test(line)) {
      if (html === 'blank') html = undefined;
      if (!fence && !html && !comment) sawBlank = true;
      continue;
    }
    if (!fence && FOOTNOTE_DEF.test(line)) {
      // A footnote definition (as scanMarkdown's pre-pass finds it) is blanked before markdown-it
      // runs: for markdown-it its lines are blank (an HTML end on them does not count).
      let last = l;
      for (let k = l + 1; lines.has(k); k++) {
        const next = sub.slice(lines.starts[k], lines.ends[k]);
        if (next.trim() === '' || FOOTNOTE_DEF.test(next) || /^ {0,3}(#|```|~~~|>)/.test(next)) break;
        last = k;
      }
      for (let k = l; k <= last; k++) comment = trackComment(sub.slice(lines.starts[k], lines.ends[k]), comment);
      if (html === 'blank') html = undefined;
      sawBlank = false;
      l = last;
      continue;
    }
    const c0 = line.charCodeAt(0);
    // Never before a footnote definition: its lines are blanked before markdown-it runs, so
    // indented code or a list item before it may go on past it.
    if (sawBlank && !fence && !html && !comment && c0 !== 32 && c0 !== 9 && line.trimEnd() !== '---' && line.trimEnd() !== '+++' && !FOOTNOTE_DEF.test(line) && l > 0 && cut(l)) return { cuts, stopped: true };
    sawBlank = false;
    const f = FENCE.exec(line);
    if (fence) {
      // markdown-it's closing rule and the footnote pre-pass's (`line.trim() === run`) must agree.
      const mdClose = !!f && f[2][0] === fence[0] && f[2].length >= fence.length && /^[ \t]*$/.test(line.slice(f[0].length));
      const preClose = !!f && f[2][0] === fence[0] && f[2].length >= fence.length && line.trim() === f[2];
      if (mdClose !== preClose) return done;
      if (mdClose) fence = undefined;
    } else if (html === 'blank') {
      // Perhaps a paragraph rather than an HTML block: an HTML block of types 1 to 5 may start here.
      if (f) return done;
      if (/^ {0,3}</.test(line)) {
        if (c0 === 32) return done;
        const until = HTML_UNTIL.find(([open]) => open.test(line));
        if (until && !until[1].test(line.slice(line.search(until[0]) + 2))) html = until[1];
      }
    } else if (html) {
      if (f) return done;
      if (html.test(line)) html = undefined;
    } else if (f) {
      // An indented fence may be in a list item; a backtick fence with a backtick in its info
      // string is no fence for markdown-it, but is one for the footnote pre-pass.
      if (f[1].length > 0 || (f[2][0] === '`' && line.slice(f[0].length).includes('`'))) return done;
      fence = f[2];
    } else if (/^ {0,3}</.test(line)) {
      if (c0 === 32) return done;
      const until = HTML_UNTIL.find(([open]) => open.test(line));
      if (!until) html = 'blank';
      else if (!until[1].test(line.slice(line.search(until[0]) + 2))) html = until[1];
    }
    comment = trackComment(line, comment);
  }
  return done;
}

/** Line starts and ends (as `splitLines` gives them), found up to the line asked for. */
class LazyLines {
  readonly starts: number[];
  readonly ends: number[];
  private at = 0;
  private done: boolean;

  constructor(
    private readonly text: string,
    whole?: Lines,
  ) {
    this.starts = whole ? whole.starts : [0];
    this.ends = whole ? whole.ends : [];
    this.done = !!whole;
  }

  /** Whether line `l` exists. */
  has(l: number): boolean {
    while (this.ends.length <= l && !this.done) this.next();
    return l < this.ends.length;
  }

  all(): Lines {
    while (!this.done) this.next();
    return { starts: this.starts, ends: this.ends };
  }

  private next(): void {
    const text = this.text;
    for (let i = this.at; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
        this.at = i + 1;
        return;
      }
    }
    this.ends.push(text.length);
    this.done = true;
  }
}

/** Whether an HTML comment is open after a line, as the whole-text regex finds comments: a `<!--` anywhere pairs with the next `-->`. */
function trackComment(line: string, open: boolean): boolean {
  for (let at = 0; ; ) {
    if (open) {
      const close = line.indexOf('-->', at);
      if (close < 0) return true;
      open = false;
      at = close + 3;
    } else {
      const start = line.indexOf('<!--', at);
      if (start < 0) return false;
      open = true;
      at = start + 4;
    }
  }
}
