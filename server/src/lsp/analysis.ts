import type { BibliographyLoader } from '../core/article/pandoc';
import type { LintConfig } from '../core/config';
import type { IncrementalParser } from '../core/article/incremental';
import type { Article } from '../core/article/model';
import { parseArticleSteps } from '../core/article/parse';
import { lintArticleSteps, type LintResult } from '../core/lint';
import { cancellable, type Cancellation, finish, type Steps } from '../core/steps';
import { LineIndex } from '../core/text/lineIndex';
import type { DocumentKind } from '../core/types';
import type { RenumberResult } from '../core/features/renumber';

/** One analysed document version: the lint result and its line index, computed once. */
export interface Analysis {
  uri: string;
  version: number;
  text: string;
  kind: DocumentKind;
  index: LineIndex;
  /** The findings, without the costly fixes (diagnostics need none): see `withFixes`. */
  result?: LintResult;
  /**
   * The findings with their fixes (a code action asks), in steps (`core/steps.ts`): the costly
   * fixes of every finding, or of those touching `span` only (ranking the references of a large
   * article for each of its thousands of findings took seconds). Kept for the last span asked
   * about, once computed whole.
   */
  withFixes?: (span?: { start: number; end: number }) => Steps<LintResult>;
  /** Why the document was not linted, if it was not. */
  skipped?: string;
  /** Not linted as not an article, or with plain-text linting off: editors show nothing for it. */
  quiet?: boolean;
  /** The renumbering of this version, computed once (a code action at a citation-order finding, then the command). */
  renumbered?: RenumberResult;
}

export interface AnalysisOptions {
  kind: DocumentKind;
  config: LintConfig;
  plaintext: 'auto' | 'always' | 'never';
  maxBytes: number;
  /** Reads bibliographies named in front matter (Pandoc citations). */
  bibliography?: BibliographyLoader;
  /** The document's incremental parser (reuses the unchanged blocks of the previous version). */
  parser?: IncrementalParser;
  /** The line index of an earlier version of the document (only the edited stretch is read again). */
  previousIndex?: LineIndex;
  /** Read at every checkpoint of the analysis: when requested, it stops with `Cancelled`. */
  cancellation?: Cancellation;
}

/** Decides whether and how to lint a document version, then lints it. Never throws, unless cancelled (`Cancelled`). */
export function analyse(uri: string, version: number, text: string, opts: AnalysisOptions): Analysis {
  return finish(analysisSteps(uri, version, text, opts));
}

/**
 * `analyse`, giving way to the event loop while it runs (`giveWay`), so that the messages that
 * arrive meanwhile are read: a newer version of the document or a `$/cancelRequest` can then set
 * `opts.cancellation`, and the analysis stops at its next checkpoint with `Cancelled`.
 */
export function analyseGivingWay(uri: string, version: number, text: string, opts: AnalysisOptions, onSlow?: () => void): Promise<Analysis> {
  return giveWay(analysisSteps(uri, version, text, opts), onSlow);
}

/** Work between two turns of the event loop, at most (then until the next checkpoint of the core). */
export const SLICE_MS = 10;

/**
 * Runs the steps, giving way to the event loop at the first checkpoint after each `SLICE_MS` of
 * work: a small document is analysed in one go, a large one in slices, between which messages
 * are read. `onSlow` is called the first time it gives way. What the steps throw (`Cancelled`)
 * is thrown.
 */
export async function giveWay<T>(steps: Steps<T>, onSlow?: () => void): Promise<T> {
  let since = performance.now();
  let slow = false;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since < SLICE_MS) continue;
    if (!slow) {
      slow = true;
      onSlow?.();
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  }
}

function analysisSteps(uri: string, version: number, text: string, opts: AnalysisOptions): Steps<Analysis> {
  return cancellable(stepsOfAnalysis(uri, version, text, opts), opts.cancellation);
}

function* stepsOfAnalysis(uri: string, version: number, text: string, opts: AnalysisOptions): Steps<Analysis> {
  const base = { uri, version, text, kind: opts.kind, index: opts.previousIndex ? LineIndex.after(opts.previousIndex, text) : new LineIndex(text) };
  if (text.length > opts.maxBytes) {
    return { ...base, skipped: `clinical-lint skipped this document: it is ${size(text.length)}, over the ${size(opts.maxBytes)} limit (setting clinicalLint.maxFileSizeKiB).` };
  }
  if (looksBinary(text)) return { ...base, skipped: 'clinical-lint skipped this document: it looks like binary content, not text.' };
  if (opts.kind === 'plaintext' && opts.plaintext === 'never') return { ...base, skipped: 'Plain-text linting is off (clinicalLint.plaintext).', quiet: true };
  const article = opts.parser && opts.parser.kind === opts.kind ? yield* opts.parser.parseSteps(text, { bibliography: opts.bibliography }) : yield* parseArticleSteps(text, opts.kind, { bibliography: opts.bibliography });
  // Decided on the parse, before the rules run: a log file or a note costs no lint.
  if (opts.kind === 'plaintext' && opts.plaintext === 'auto' && !looksLikeArticle(article)) {
    return { ...base, skipped: 'Not linted: this plain-text file has no citation markers or reference list (set clinicalLint.plaintext to "always" to lint it).', quiet: true };
  }
  yield;
  const options = { kind: opts.kind, config: opts.config, bibliography: opts.bibliography, memo: opts.parser?.memo };
  // Diagnostics first, without fixes (ranking references for cite fixes costs as much as the
  // rules); the fixes when a code action asks for them.
  const result = yield* lintArticleSteps(article, { ...options, fixes: false });
  let all: LintResult | undefined;
  let near: { start: number; end: number; result: LintResult } | undefined;
  const withFixes = function* (span?: { start: number; end: number }): Steps<LintResult> {
    if (all) return all;
    if (!span) return (all = yield* lintArticleSteps(article, options));
    if (near?.start !== span.start || near.end !== span.end) {
      const fixed = yield* lintArticleSteps(article, { ...options, fixes: span });
      near = { ...span, result: fixed };
    }
    return near.result;
  };
  return { ...base, result, withFixes };
}

/** A size for people: `7 KiB`, `1.5 MiB` (never "0.0 MB" for a few kilobytes). */
export function size(units: number): string {
  const kib = units / 1024;
  if (kib < 1024) return `${kib < 10 ? Math.round(kib * 10) / 10 : Math.round(kib)} KiB`;
  return `${(kib / 1024).toFixed(1)} MiB`;
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
export function looksLikeArticle(a: Article): boolean {
  if (a.references?.entries.length || a.footnotes.length) return true;
  const strong = a.markers.filter((m) => m.style === 'superscript' || m.style === 'html-sup').length;
  return strong >= 2 || a.markers.length >= 3;
}
