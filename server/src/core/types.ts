/**
 * Shared types of the pure core. Every offset in the core is a UTF-16 code unit index into the
 * document text (a JavaScript string index); ranges are half-open `[start, end)`. LSP
 * line/character positions exist only at the edge (see `text/lineIndex.ts`).
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type Jurisdiction = 'CA' | 'US' | 'UK' | 'AU';
export const JURISDICTIONS: readonly Jurisdiction[] = ['CA', 'US', 'UK', 'AU'];
export type CitationScope = 'paragraph' | 'sentence';
export type DocumentKind = 'markdown' | 'plaintext';

/** A half-open range of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** One replacement in the document text. */
export interface TextEdit extends Span {
  newText: string;
}

/** A fix, computed against the exact text the finding was computed on. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Shown first by editors. */
  isPreferred?: boolean;
  /** Safe to apply without the author's choice (fix-all, `--fix`). */
  safe?: boolean;
  /** Offset in the text after the edits at which the editor should leave the cursor, if any. */
  cursor?: number;
}

export interface RelatedInfo extends Span {
  message: string;
}

/** A finding produced by a rule. */
export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  fixes?: Fix[];
  related?: RelatedInfo[];
}

/** A finding as emitted by a rule, before severity settings are applied. */
export interface RuleFinding extends Span {
  message: string;
  /** Overrides the rule's default severity (e.g. unverified data ships lower). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedInfo[];
}
