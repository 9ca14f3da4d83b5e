import { L, rx } from './letters';
/**
 * Matches many literal phrases at once with a character trie: the same matches as the regular
 * expression `(?<!B)(?:l1|l2|...)(?!B)` with flags `giu` (B: a letter or number, and the hyphen
 * when `hyphenIsWord`; a space in a literal matches any run of whitespace; `'` in a literal
 * also matches `’` when `apostrophes`), but linear in the text, with no compilation cost.
 *
 * V8 compiles a case-insensitive Unicode alternation of hundreds of phrases slowly (over 100 ms)
 * and runs it at about 1.5 MB/s; the trie needs neither. Alternatives keep their priority: at a
 * position where several literals match, the one listed first wins, as in a regex alternation.
 */

export interface LiteralMatch {
  /** Offset of the match in the text. */
  index: number;
  /** End offset (exclusive). */
  end: number;
  /** The text as written. */
  text: string;
  /** Index of the literal in the list given to the matcher. */
  literal: number;
}

export interface LiteralMatcherOptions {
  /** A hyphen next to a match blocks it, like a letter (default false). */
  hyphenIsWord?: boolean;
  /** `'` in a literal also matches the typographic apostrophe `’` (default false). */
  apostrophes?: boolean;
  /** How much text `matchAll` reads before it looks words up by their hash (default `FIRST_WORDS_AFTER`; the tests set 0). */
  firstWordsAfter?: number;
}

const SPACE = -1;

interface Node {
  /** The children; built on the first visit (`expand`), from `pending`. */
  next: Map<number, Node> | undefined;
  /** Lowest index of a literal that ends here, or -1. */
  end: number;
  /** Per group (see `firstByGroup`): the lowest index of a literal of that group ending here. */
  groupEnds?: Map<number, number>;
  /** Until the node is expanded: pairs (literal index, offset in the literal) of the literals that go on below it. */
  pending: number[] | undefined;
}

const newNode = (): Node => ({ next: undefined, end: -1, pending: [] });

const WORD_CHAR = rx.u`[${L}\p{N}]`;
const foldCache = new Map<number, number>();

/** Simple case folding of one UTF-16 code unit (lower case when that is one code unit). */
function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let f = foldCache.get(c);
  if (f === undefined) {
    const s = String.fromCharCode(c);
    const l = s.toLowerCase();
    f = l.length === 1 ? l.charCodeAt(0) : c;
    foldCache.set(c, f);
  }
  return f;
}

/** `\s` of JavaScript regular expressions. */
export function isJsSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const wordCache = new Map<number, boolean>();
function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  let w = wordCache.get(cp);
  if (w === undefined) {
    w = WORD_CHAR.test(String.fromCodePoint(cp));
    wordCache.set(cp, w);
  }
  return w;
}

/**
 * The first position from `i` on that does not follow an ASCII letter or digit: no match starts
 * inside a word (the boundary before a match), so the positions after the first letter of a word
 * are not tried.
 */
function skipWord(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i - 1);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
    i++;
  }
  return i;
}

/** How much text `matchAll` reads before it looks words up by their hash (`firstWordHashes`). */
const FIRST_WORDS_AFTER = 200_000;

/** The end of the run of letters and numbers (code points) from `i`: `i` when there is none. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (!isWordCodePoint(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

export class LiteralMatcher {
  private readonly root = newNode();
  /** Per code unit: 1 when it can start a match, 2 when it cannot, 0 not yet known. */
  private readonly starts = new Uint8Array(65536);
  private readonly hyphenIsWord: boolean;
  private readonly apostrophes: boolean;
  private readonly firstWordsAfter: number;
  readonly size: number;

  /** Number of groups (`groups` given to the constructor), for `firstByGroup`. */
  private readonly groupCount: number;

  /**
   * `literals` in priority order; `groups[i]` (optional) is the group of literal i, for
   * `firstByGroup`.
   */
  constructor(literals: readonly string[], options: LiteralMatcherOptions = {}, groups?: readonly number[]) {
    this.groupCount = groups ? Math.max(-1, ...groups) + 1 : 0;
    this.hyphenIsWord = !!options.hyphenIsWord;
    this.apostrophes = !!options.apostrophes;
    this.firstWordsAfter = options.firstWordsAfter ?? FIRST_WORDS_AFTER;
    this.size = literals.length;
    this.groups = groups;
    // The trie is built lazily: a node's children are made when a match first reaches it, so
    // a large lexicon costs only the nodes the texts visit (building it whole took 100 ms).
    // Leading and trailing spaces cannot be part of a match that starts and ends at a word. A
    // run of white space in a literal is one edge, read as the nodes are made (normalising the
    // 16,000 forms of the claim lexicon up front cost every start a few milliseconds).
    this.literals = literals;
    const pending = this.root.pending!;
    for (let index = 0; index < literals.length; index++) if (literals[index].length > 0) pending.push(index, 0);
  }

  private readonly literals: readonly string[];
  private readonly groups: readonly number[] | undefined;

  /** The children of a node, made from its pending literals on the first call. */
  private children(node: Node): Map<number, Node> {
    if (node.next) return node.next;
    const next = new Map<number, Node>();
    const pending = node.pending!;
    const groups = this.groups;
    for (let k = 0; k < pending.length; k += 2) {
      const index = pending[k];
      const l = this.literals[index];
      let i = pending[k + 1];
      let c = l.charCodeAt(i);
      if (isJsSpace(c)) {
        while (isJsSpace(l.charCodeAt(i))) i++;
        c = SPACE;
      } else {
        c = this.unit(c);
        i++;
      }
      let child = next.get(c);
      if (!child) {
        child = newNode();
        next.set(c, child);
      }
      if (i < l.length) {
        child.pending!.push(index, i);
        continue;
      }
      if (child.end < 0 || index < child.end) child.end = index;
      if (groups) {
        child.groupEnds ??= new Map();
        const g = groups[index];
        const was = child.groupEnds.get(g);
        if (was === undefined || index < was) child.groupEnds.set(g, index);
      }
    }
    node.next = next;
    node.pending = undefined;
    return next;
  }

  private canStart(c: number): boolean {
    let k = this.starts[c];
    if (k === 0) {
      const next = this.children(this.root);
      k = (isJsSpace(c) ? next.has(SPACE) : next.has(this.unit(c))) ? 1 : 2;
      this.starts[c] = k;
    }
    return k === 1;
  }

  /** The trie edge for the code unit at `j` (a run of spaces is one edge). */
  private step(node: Node, text: string, j: number): Node | undefined {
    const c = text.charCodeAt(j);
    const next = node.next ?? this.children(node);
    // ASCII inline: a space or control character of `\s`, an upper-case letter folded.
    if (c < 128) return next.get(c === 32 || (c >= 9 && c <= 13) ? SPACE : c >= 65 && c <= 90 ? c + 32 : c);
    return next.get(isJsSpace(c) ? SPACE : this.unit(c));
  }

  /** Where the text goes on after the edge taken at `j`. */
  private past(text: string, j: number): number {
    if (!isJsSpace(text.charCodeAt(j))) return j + 1;
    while (j < text.length && isJsSpace(text.charCodeAt(j))) j++;
    return j;
  }

  private unit(c: number): number {
    const f = fold(c);
    return this.apostrophes && f === 0x2019 ? 39 : f;
  }

  /** Whether the code point ending just before `i` is a letter, number (or hyphen). */
  private wordBefore(text: string, i: number): boolean {
    if (i === 0) return false;
    let cp = text.charCodeAt(i - 1);
    if (cp >= 0xdc00 && cp <= 0xdfff && i >= 2) {
      const hi = text.charCodeAt(i - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) cp = (hi - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
    }
    return isWordCodePoint(cp) || (this.hyphenIsWord && cp === 45);
  }

  /** Whether the code point starting at `i` is a letter, number (or hyphen). */
  private wordAt(text: string, i: number): boolean {
    if (i >= text.length) return false;
    const cp = text.codePointAt(i)!;
    return isWordCodePoint(cp) || (this.hyphenIsWord && cp === 45);
  }

  /** The match starting at `i`, if a literal matches there (the boundary before is checked by the caller). */
  private matchAt(text: string, i: number): LiteralMatch | undefined {
    let node = this.root;
    let j = i;
    let best = -1;
    let bestEnd = -1;
    const n = text.length;
    for (;;) {
      if (node.end >= 0 && (best < 0 || node.end < best) && j > i && !this.wordAt(text, j)) {
        best = node.end;
        bestEnd = j;
      }
      if (j >= n) break;
      const child = this.step(node, text, j);
      if (!child) break;
      node = child;
      j = this.past(text, j);
    }
    return best < 0 ? undefined : { index: i, end: bestEnd, text: text.slice(i, bestEnd), literal: best };
  }

  /**
   * The hashes (`wordAtHash`) of the literals' first words, and whether a literal starts with no
   * letter or number. A literal matches only where the text's
   * whole word (its run of letters and numbers) is the literal's first word, since a literal
   * ends at a word boundary and a literal's character after its first word is no letter or
   * number (nor is its match's); so at most words `matchAll` reads the word once, as a hash,
   * instead of walking the trie with it. Made once the matcher has read `FIRST_WORDS_AFTER` code
   * units: reading every literal costs some milliseconds of a cold start, which a short document
   * (the first diagnostics after a start) would not win back.
   */
  private firstWords: { hashes: Set<number>; nonWordStart: boolean } | undefined;
  private read = 0;

  private firstWordHashes(): { hashes: Set<number>; nonWordStart: boolean } {
    if (this.firstWords) return this.firstWords;
    const hashes = new Set<number>();
    let nonWordStart = false;
    for (const l of this.literals) {
      if (l.length === 0) continue;
      if (this.wordAtHash(l, 0) === 0) nonWordStart = true;
      else hashes.add(this.hash);
    }
    return (this.firstWords = { hashes, nonWordStart });
  }

  /** The hash `wordAtHash` found last. */
  private hash = 0;

  /**
   * The end of the run of letters and numbers (code points) from `i` (`i` when there is none),
   * in one pass with a hash of it as the trie reads it (each code unit folded; thirty bits, a
   * small integer), left in `hash`.
   */
  private wordAtHash(text: string, i: number): number {
    const n = text.length;
    let h = 0x811c9dc5 | 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (c >= 97 && c <= 122) h = Math.imul(h ^ c, 16777619);
        else if (c >= 65 && c <= 90) h = Math.imul(h ^ (c + 32), 16777619);
        else if (c >= 48 && c <= 57) h = Math.imul(h ^ c, 16777619);
        else break;
        i++;
        continue;
      }
      const cp = text.codePointAt(i)!;
      if (!isWordCodePoint(cp)) break;
      h = Math.imul(h ^ this.unit(c), 16777619);
      if (cp > 0xffff) h = Math.imul(h ^ this.unit(text.charCodeAt(i + 1)), 16777619);
      i += cp > 0xffff ? 2 : 1;
    }
    this.hash = h & 0x3fffffff;
    return i;
  }

  /** Every match, leftmost first and not overlapping, like `text.matchAll(re)`. */
  matchAll(text: string, from = 0): LiteralMatch[] {
    const out: LiteralMatch[] = [];
    const n = text.length;
    this.read += n - from;
    const first = this.firstWords ?? (this.read > this.firstWordsAfter ? this.firstWordHashes() : undefined);
    for (let i = from; i < n; ) {
      if (this.canStart(text.charCodeAt(i)) && !this.wordBefore(text, i)) {
        const end = first ? this.wordAtHash(text, i) : wordEnd(text, i);
        if (!first || (end > i ? first.hashes.has(this.hash) : first.nonWordStart)) {
          const m = this.matchAt(text, i);
          if (m) {
            out.push(m);
            i = m.end;
            continue;
          }
        }
        if (end > i) {
          // No match starts inside the word.
          i = end;
          continue;
        }
      }
      i = skipWord(text, i + 1);
    }
    return out;
  }

  /**
   * For each group, its leftmost match (what `first` gives for a matcher of that group's
   * literals alone), in one pass over the text.
   */
  firstByGroup(text: string): (LiteralMatch | undefined)[] {
    const out: (LiteralMatch | undefined)[] = new Array(this.groupCount).fill(undefined);
    let missing = this.groupCount;
    const n = text.length;
    for (let i = 0; i < n && missing > 0; i = skipWord(text, i + 1)) {
      if (!this.canStart(text.charCodeAt(i)) || this.wordBefore(text, i)) continue;
      // Walk the trie from i; every literal end with a word boundary after it is a candidate.
      let node = this.root;
      let j = i;
      for (;;) {
        if (node.groupEnds && j > i && !this.wordAt(text, j)) {
          for (const [g, idx] of node.groupEnds) {
            const cur = out[g];
            if (cur && cur.index < i) continue;
            if (!cur) missing--;
            if (!cur || idx < cur.literal) out[g] = { index: i, end: j, text: text.slice(i, j), literal: idx };
          }
        }
        if (j >= n) break;
        const child = this.step(node, text, j);
        if (!child) break;
        node = child;
        j = this.past(text, j);
      }
    }
    return out;
  }

  /** The leftmost match, like `re.exec(text)` without the global flag. */
  first(text: string): LiteralMatch | undefined {
    for (let i = 0; i < text.length; i = skipWord(text, i + 1)) {
      if (this.canStart(text.charCodeAt(i)) && !this.wordBefore(text, i)) {
        const m = this.matchAt(text, i);
        if (m) return m;
      }
    }
    return undefined;
  }
}
