import { findingToText, toProse } from './article/invisible';
import type { Article } from './article/model';
import type { BibliographyLoader } from './article/pandoc';
import { parseArticleSteps } from './article/parse';
import { type LintConfig, defaultConfig } from './config';
import { blockMemo, type Memo, noBlockMemo, noMemo } from './memo';
import { RULES } from './rules';
import { cancellable, type Cancellation, finish, type Steps } from './steps';
import { applySuppressions } from './suppression';
import type { FixesWanted, Rule } from './rules/rule';
import { type DocumentKind, type Finding, JURISDICTIONS, type Jurisdiction, type Severity } from './types';

export interface LintOptions {
  kind: DocumentKind;
  config?: LintConfig;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /**
   * Loads bibliographies named in Markdown front matter (Pandoc citations). The host (server,
   * CLI) reads the files; without a loader, Pandoc keys are found but neither resolved nor reported.
   */
  bibliography?: BibliographyLoader;
  /**
   * False: fixes will not be shown (CLI report), rules may leave out the costly ones. A span: only
   * the findings that touch it need their costly fixes (a code action at the cursor).
   */
  fixes?: FixesWanted;
  /** The document's memo store (`IncrementalParser.memo`): per-block rule work kept across versions. */
  memo?: Memo;
  /**
   * Read at every checkpoint (`core/steps.ts`: every few hundred blocks, between rules): when
   * requested, the lint stops with `Cancelled`, the one exception it throws.
   */
  cancellation?: Cancellation;
}

export interface LintResult {
  article: Article;
  /** The configuration in force for this document (front matter applied). */
  config: LintConfig;
  findings: Finding[];
}

/** Id under which a failing rule is reported; the other rules still run. */
export const INTERNAL_ERROR = 'internal-error';

/** Parses a document and runs every enabled rule over it. Never throws, unless cancelled (`Cancelled`). */
export function lint(text: string, options: LintOptions): LintResult {
  return finish(lintSteps(text, options));
}

/** `lint` in steps (`core/steps.ts`). */
export function lintSteps(text: string, options: LintOptions): Steps<LintResult> {
  return cancellable(parseAndLint(text, options), options.cancellation);
}

function* parseAndLint(text: string, options: LintOptions): Steps<LintResult> {
  const article = yield* parseArticleSteps(text, options.kind, { bibliography: options.bibliography });
  return yield* lintArticleRules(article, options);
}

export function lintArticle(article: Article, options: LintOptions): LintResult {
  return finish(lintArticleSteps(article, options));
}

/** `lintArticle` in steps: a checkpoint between rules, and every few hundred blocks in the longest. */
export function lintArticleSteps(article: Article, options: LintOptions): Steps<LintResult> {
  return cancellable(lintArticleRules(article, options), options.cancellation);
}

function* lintArticleRules(article: Article, options: LintOptions): Steps<LintResult> {
  const config = effectiveConfig(article, options.config ?? defaultConfig());
  let findings: Finding[] = [];
  const compacted = new Map<string, string>();
  const ran = new Set<string>();
  const perBlock = options.memo ? blockMemo(article.blocks, options.memo) : noBlockMemo;
  // Rules measure in the prose; inside a word it draws together over invisible characters, the
  // document's offsets differ (article/invisible.ts): the span asked about is converted, and so
  // is every finding.
  const joined = article.joinedWords;
  const wanted = joined && typeof options.fixes === 'object' ? { start: toProse(joined, options.fixes.start), end: toProse(joined, options.fixes.end) } : (options.fixes ?? true);
  let first = true;
  for (const rule of options.rules ?? RULES) {
    const setting = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    if (!first) yield;
    first = false;
    ran.add(rule.meta.id);
    const overridden = config.rules[rule.meta.id] !== undefined;
    try {
      // A rule that gives way (`check` returns its steps) is run through them here: what it
      // throws is still its failure.
      const steps = rule.check({
        article,
        config,
        fixes: wanted,
        memo: options.memo ?? noMemo,
        blockMemo: perBlock,
        report(f) {
          // A user's explicit severity wins; otherwise the rule may lower its own default
          // (e.g. for unverified data).
          const severity: Severity = overridden ? (setting as Severity) : (f.severity ?? (setting as Severity));
          // The fields of `{ ...f, ruleId, severity }` in its order, without its cost: V8 gives
          // each object spread and then extended its own hidden class (some 200 bytes per finding).
          const finding = Object.assign({}, f) as Finding;
          finding.ruleId = rule.meta.id;
          finding.severity = severity;
          finding.message = compact(f.message, compacted);
          findings.push(finding);
        },
      });
      if (steps) yield* steps;
    } catch (e) {
      findings.push({
        ruleId: INTERNAL_ERROR,
        severity: 'warning',
        start: 0,
        end: 0,
        message: `Rule ${rule.meta.id} failed on this document and was skipped: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  if (joined) findings = findings.map((f) => findingToText(joined, f));
  // Suppression comments (core/suppression.ts): drop what they silence, report unused ones.
  findings = applySuppressions(article, findings, config, ran);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { article, config, findings };
}

/**
 * A finding's message as one flat string, in one byte a character when it can be. A message
 * written with a template literal is a tree of concatenations in V8 (some nine nodes of 32 bytes
 * for a `missing-citation` message), and one that quotes the document (a cue, a claim) is held
 * two bytes a character, with a slice that keeps its block's prose alive, as long as the finding
 * lives: to the end of the lint, and in the CLI to the end of the file's report. The regular
 * expression's test flattens a message (a subject is flattened before it is matched); a copy
 * through JSON gives the same characters in one byte each when they are all Latin-1 (V8's JSON
 * parser chooses by content). The 10 MB article's 28,000 findings hold 3 MB less, for some 30 ms.
 * Many findings of a document say the same ("cures" is a cure claim ..."): `seen`, the lint's own,
 * gives them one string (a lint of 24,000 such findings spent a tenth of its time copying).
 */
function compact(message: string, seen: Map<string, string>): string {
  if (BEYOND_LATIN1.test(message)) return message;
  let flat = seen.get(message);
  if (flat === undefined) {
    flat = JSON.parse(JSON.stringify(message)) as string;
    if (seen.size >= 1024) seen.clear();
    seen.set(flat, flat);
  }
  return flat;
}
const BEYOND_LATIN1 = /[^\0-\xff]/;

/** Front matter `jurisdiction:` overrides the configured jurisdiction for one document. */
export function effectiveConfig(article: Article, config: LintConfig): LintConfig {
  // "GB" is the ISO code writers use for the United Kingdom.
  const fm = article.frontMatter.jurisdiction?.toUpperCase().replace(/^GB$/, 'UK');
  if (fm && (JURISDICTIONS as readonly string[]).includes(fm) && fm !== config.jurisdiction) {
    return { ...config, jurisdiction: fm as Jurisdiction };
  }
  return config;
}
