import type { BibliographyLoader } from '../core/article/pandoc';
import type { LintConfig } from '../core/config';
import { lint, type LintResult } from '../core/lint';
import { LineIndex } from '../core/text/lineIndex';
import type { DocumentKind } from '../core/types';

/** One analysed document version: the lint result and its line index, computed once. */
export interface Analysis {
  uri: string;
  version: number;
  text: string;
  kind: DocumentKind;
  index: LineIndex;
  result?: LintResult;
  /** Why the document was not linted, if it was not. */
  skipped?: string;
}

export interface AnalysisOptions {
  kind: DocumentKind;
  config: LintConfig;
  plaintext: 'auto' | 'always' | 'never';
  maxBytes: number;
  /** Reads bibliographies named in front matter (Pandoc citations). */
  bibliography?: BibliographyLoader;
}

/** Decides whether and how to lint a document version, then lints it. Never throws. */
export function analyse(uri: string, version: number, text: string, opts: AnalysisOptions): Analysis {
  const base = { uri, version, text, kind: opts.kind, index: new LineIndex(text) };
  if (text.length > opts.maxBytes) {
    return { ...base, skipped: `clinical-lint skipped this document: it is ${(text.length / 1024 / 1024).toFixed(1)} MB, over the ${(opts.maxBytes / 1024).toFixed(0)} KiB limit (setting clinicalLint.maxFileSizeKiB).` };
  }
  if (looksBinary(text)) return { ...base, skipped: 'clinical-lint skipped this document: it looks like binary content, not text.' };
  if (opts.kind === 'plaintext' && opts.plaintext === 'never') return { ...base, skipped: 'Plain-text linting is off (clinicalLint.plaintext).' };
  const result = lint(text, { kind: opts.kind, config: opts.config, bibliography: opts.bibliography });
  if (opts.kind === 'plaintext' && opts.plaintext === 'auto' && !looksLikeArticle(result)) {
    return { ...base, skipped: 'Not linted: this plain-text file has no citation markers or reference list (set clinicalLint.plaintext to "always" to lint it).' };
  }
  return { ...base, result };
}

/** NUL bytes or many replacement characters (undecodable bytes) mean this is not text. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
  return bad > 8 && bad / Math.max(1, sample.length) > 0.01;
}

/** A plain-text file is an article when it has a reference list, footnotes, or citation markers. */
export function looksLikeArticle(result: LintResult): boolean {
  const a = result.article;
  if (a.references?.entries.length || a.footnotes.length) return true;
  const strong = a.markers.filter((m) => m.style === 'superscript' || m.style === 'html-sup').length;
  return strong >= 2 || a.markers.length >= 3;
}
