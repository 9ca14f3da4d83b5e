import type { DocumentKind, Span } from '../types';
import type { JoinedWord } from './invisible';
import type { Bibliography, PandocCitation } from './pandoc';

/**
 * The article model: built once per document version by `parseArticle`, read by every rule and
 * feature. All offsets are UTF-16 indexes into `Article.text`.
 */

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableRow'
  | 'footnoteDefinition'
  | 'referenceEntry'
  | 'trailer';

export interface Block extends Span {
  kind: BlockKind;
  /** Heading level (1-6) for headings; 0 otherwise. */
  level: number;
  /**
   * The block's prose, exactly `end - start` code units long: `text.slice(start, end)` with every
   * code unit that is not prose (Markdown syntax, inline code, link targets, HTML, comments,
   * citation markers, line breaks) replaced by a space. `prose[i]` is the character at
   * `start + i`, so a match at index `i` of `prose` is at offset `start + i` of the document,
   * except inside a word with invisible characters (a soft hyphen, a zero-width space), which
   * the prose draws together (`Article.joinedWords`, `invisible.ts`).
   */
  prose: string;
  sentences: Sentence[];
  /** Markers inside this block, in document order. */
  markers: Marker[];
  /** Index of the nearest heading block before this one, or -1. */
  headingIndex: number;
  /** Index of this block in `Article.blocks`. */
  index: number;
}

/**
 * A sentence of a block, its span in the prose: the document's offsets, but for a sentence with a
 * word drawn together over invisible characters, which starts where its prose text does, after
 * the spaces they leave (`Article.joinedWords`; `toText` gives the document's offset).
 */
export interface Sentence extends Span {
  /** The prose of the sentence (a slice of its block's `prose`), same length as the span. */
  text: string;
  /** Index of the block in `Article.blocks`. */
  blockIndex: number;
  /** Markers whose start lies inside the sentence span, or directly after it (`text.¹²`). */
  markers: Marker[];
}

/**
 * `paren`: `(1)`, `(2, 3)`, `(1-3)`, read only in an article that cites that way (`parenthesised.ts`).
 * `pandoc`: `[@key]`, `[@a; @b, p. 3]`, in-text `@key` (no numbers; see `keys`).
 */
export type MarkerStyle = 'superscript' | 'html-sup' | 'bracket' | 'paren' | 'footnote' | 'pandoc';

export interface Marker extends Span {
  style: MarkerStyle;
  /** The marker as written. */
  raw: string;
  /** The reference numbers the marker covers, in the order written (ranges expanded). */
  numbers: number[];
  /** Footnote label (`[^note]` gives `note`); numeric labels also appear in `numbers`. */
  label?: string;
  /**
   * For a superscript run with two readings (¹² as 12, or as 1 and 2): the marker's whole list
   * with that run read the way not chosen (`¹⁰,¹²` chosen as 10, 12 has 10, 1, 2).
   */
  alternative?: number[];
  /** Pandoc citation keys, in the order written (`[@a; @b]` gives `a`, `b`). */
  keys?: string[];
  /** Pandoc citations with their prefixes, locators and suffixes. */
  citations?: PandocCitation[];
  blockIndex: number;
}

export interface ReferenceFields {
  authors: string[];
  etAl: boolean;
  title?: string;
  journal?: string;
  year?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  url?: string;
}

export interface Reference extends Span {
  /** The entry's number, when numbered (also for numeric footnote labels). */
  number?: number;
  /** Footnote label, for `[^label]:` definitions. */
  label?: string;
  /** Where the number or label is written (to rename or renumber it); an HTML list item's `<li>` tag. */
  numberSpan: Span;
  /**
   * The entry's text without its number, whitespace collapsed, and without its anchors (an empty
   * `<a id>` or `[]{#id}` before the text, a `{#id}` after it), as a reader sees it; `textSpan` keeps them.
   */
  text: string;
  /** Where that text starts and ends in the document. */
  textSpan: Span;
  fields: ReferenceFields;
  /** 1-based position in the list. */
  ordinal: number;
}

export interface ReferenceList extends Span {
  /** The heading line (References, Bibliography, Sources, Works Cited, Notes). */
  heading?: Span & { title: string };
  entries: Reference[];
  /**
   * How entries are numbered: `1.` (or a number and a tab), `1)` or `(1)`, `[1]`, `¹`
   * (superscript digits, as pasted from word processors' endnotes), `[^1]:`, or `html`: the items of
   * an HTML `<ol>`, numbered by position (and `start`, `reversed`, `value`), whose `numberSpan` is the `<li>` tag.
   */
  numbering: 'dot' | 'paren' | 'bracket' | 'superscript' | 'footnote' | 'html';
  /**
   * An HTML list's own numbering (numbering `html` only): its `start` attribute, if any, and
   * whether it is `reversed` (its items count down, from `start` or from the number of items).
   */
  html?: { start?: number; reversed: boolean };
}

export interface Article {
  text: string;
  kind: DocumentKind;
  blocks: Block[];
  /** All sentences of all blocks, in order. */
  sentences: Sentence[];
  /** All citation markers, in document order. */
  markers: Marker[];
  /** The numbered reference list, if the article has one. */
  references?: ReferenceList;
  /** Markdown footnote definitions (`[^x]: ...`) that are outside the numbered list. */
  footnotes: Reference[];
  /** Spans never linted: code, front matter, HTML comments (suppression comments live here). */
  excluded: Span[];
  /** Front matter key/values (Markdown `---` YAML-ish block), lowercased keys. */
  frontMatter: Record<string, string>;
  /**
   * Words the prose draws together over invisible characters (soft hyphens, zero-width spaces),
   * in document order; undefined when there are none. `toText` (`invisible.ts`) turns a prose
   * offset inside one into the document's; `lintArticle` does so for every finding.
   */
  joinedWords?: JoinedWord[];
  /**
   * The text at the prose's offsets: `text` with those words drawn together as the prose draws
   * them (the same string when there are none). A rule that reads the text as written around a
   * match in the prose (the word before it, an article to agree) reads this.
   */
  drawnText: string;
  /** Comments (HTML comments in Markdown; `<!-- -->` lines in plain text), for suppression. */
  comments: (Span & { body: string })[];
  /**
   * The bibliographies the front matter names (`bibliography:`), as loaded by the host; absent
   * when no loader was given (then Pandoc keys are neither resolved nor reported).
   */
  bibliographies?: Bibliography[];
}
