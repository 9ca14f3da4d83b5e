import type { CitationScope, Jurisdiction, SeveritySetting } from './types';

/**
 * The resolved configuration a lint runs with: VS Code settings or CLI flags, overlaid by the
 * workspace `.clinical-lint.json`, overlaid by per-document front matter (jurisdiction only).
 */
export interface LintConfig {
  jurisdiction: Jurisdiction;
  /** Per-rule severity overrides; a rule absent here runs at its default severity. */
  rules: Record<string, SeveritySetting>;
  citationScope: CitationScope;
  /** Extra claim-lexicon entries from the workspace (data only, validated). */
  lexicon?: unknown[];
  /** Extra or overriding drug entries from the workspace (data only, validated). */
  drugs?: unknown[];
}

export const DEFAULT_JURISDICTION: Jurisdiction = 'CA';

export function defaultConfig(): LintConfig {
  return { jurisdiction: DEFAULT_JURISDICTION, rules: {}, citationScope: 'paragraph' };
}
