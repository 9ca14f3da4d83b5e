import type { Article } from '../article/model';
import type { LintConfig } from '../config';
import type { BlockMemo, Memo } from '../memo';
import type { Steps } from '../steps';
import type { RuleFinding, Severity } from '../types';

export type RuleCategory = 'citations' | 'claims' | 'disclosure' | 'safe-messaging' | 'suppression';

export interface RuleMeta {
  /** Kebab-case id: the diagnostic `code`, the settings key, the docs page name. */
  id: string;
  /** One line for settings, docs and `--list-rules`. */
  description: string;
  defaultSeverity: Severity;
  category: RuleCategory;
  /** Whether the rule offers fixes (and whether some are safe for fix-all). */
  fixable: 'none' | 'suggestion' | 'safe';
}

/** Which findings need their costly fixes: all (true), none (false), those touching a span. */
export type FixesWanted = boolean | { readonly start: number; readonly end: number };

/** Whether a finding from `start` to `end` needs its costly fixes (see `RuleContext.fixes`). */
export function wantsFixes(wanted: FixesWanted | undefined, start: number, end: number): boolean {
  if (wanted === undefined || typeof wanted === 'boolean') return wanted !== false;
  return end >= wanted.start && start <= wanted.end;
}

export interface RuleContext {
  readonly article: Article;
  readonly config: LintConfig;
  report(finding: RuleFinding): void;
  /**
   * False when the host shows no fixes (the CLI's report): a rule may then skip computing the
   * costly ones (ranking references for a cite fix). A span when the host shows the fixes of the
   * findings touching it only (a code action at the cursor): ask `wantsFixes`. A fix left out
   * this way must never be `safe`: fix-all lints with `fixes: false`.
   */
  readonly fixes?: FixesWanted;
  /**
   * Results of pure per-block (or per-sentence) computations kept from earlier versions of the
   * document (`core/memo.ts`): key them by the block's prose or text, keep offsets relative.
   * Computes every time when the host keeps nothing.
   */
  readonly memo: Memo;
  /** Per-block results kept across versions (`core/memo.ts`): prefer it to `memo` for work on one block. */
  readonly blockMemo: BlockMemo;
}

/** One rule per file under `rules/`, registered in `rules/index.ts`. */
export interface Rule {
  meta: RuleMeta;
  /**
   * Reports the rule's findings. A rule whose work on a large document is long may be a
   * generator that yields every `CHECKPOINT_BLOCKS` blocks (`core/steps.ts`): the lint can then
   * stop (cancellation) or give way there.
   */
  check(ctx: RuleContext): void | Steps<void>;
}

/** Relative path of a rule's documentation page in the repository. */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
