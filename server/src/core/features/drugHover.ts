import { spanToText } from '../article/invisible';
import type { Article } from '../article/model';
import { DEFAULT_JURISDICTION, type LintConfig } from '../config';
import { type Approval, type ApprovedUse, type DrugEntry, type DrugKnowledge, JURISDICTION_NAMES, drugKnowledge } from '../knowledge/drugs';
import { JURISDICTIONS, type Jurisdiction, type Span } from '../types';

/**
 * Hover on a drug name: its approval status in the active jurisdiction, then in the others, with
 * sources and verification state, and where the jurisdiction comes from.
 */
export function drugHover(article: Article, offset: number, config: LintConfig): { span: Span; markdown: string } | undefined {
  const block = article.blocks.find((b) => b.start <= offset && offset <= b.end);
  if (!block || block.kind === 'referenceEntry') return undefined;
  const kb = drugKnowledge(config.drugs);
  // Terms are found in the prose: at the document's offsets inside words with invisible characters.
  const joined = article.joinedWords;
  const term = kb
    .findTerms(block.prose, block.start)
    .map((t) => (joined ? spanToText(joined, t) : t))
    .find((t) => t.kind === 'drug' && t.start <= offset && offset <= t.end);
  if (!term) return undefined;
  const drug = kb.drug(term.id);
  if (!drug) return undefined;
  return { span: { start: term.start, end: term.end }, markdown: drugMarkdown(kb, drug, config.jurisdiction, article) };
}

const esc = (s: string): string => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

function useText(kb: DrugKnowledge, u: ApprovedUse): string {
  const parts = [esc(u.indication)];
  if (u.routes?.length) parts.push(`routes: ${u.routes.map((r) => kb.routeLabel(r)).join(', ')}`);
  if (u.population) parts.push(`population: ${esc(u.population)}`);
  if (u.date) parts.push(u.date);
  if (!u.verified) parts.push('_not yet checked_');
  return parts.join('; ');
}

/** One line per approved use, for the active jurisdiction. */
function statusBlock(kb: DrugKnowledge, a: Approval): string {
  if (a.status !== 'approved') return statusLine(kb, a);
  return `Approved for:\n\n${(a.uses ?? []).map((u) => `- ${useText(kb, u)}`).join('\n')}`;
}

function statusLine(kb: DrugKnowledge, a: Approval): string {
  switch (a.status) {
    case 'approved':
      return `approved for ${(a.uses ?? []).map((u) => useText(kb, u)).join(' · ')}`;
    case 'not-approved':
      return 'no approved product: every use is unapproved';
    default:
      return 'approval data missing';
  }
}

function verification(a: Approval): string {
  if (a.status === 'unknown') return '';
  return a.verified ? ' — recorded from its source' : ' — **not yet checked** against its source (findings are information only)';
}

export function drugMarkdown(kb: DrugKnowledge, drug: DrugEntry, active: Jurisdiction, article?: Article): string {
  const lines: string[] = [];
  const aliases = [...(drug.brands ?? []), ...(drug.abbreviations ?? [])];
  lines.push(`**${esc(drug.name)}**${aliases.length ? ` (${aliases.map(esc).join(', ')})` : ''}`);
  const jn = JURISDICTION_NAMES[active];
  const a = kb.approval(drug.id, active);
  const fromFrontMatter = article?.frontMatter.jurisdiction?.toUpperCase().replace(/^GB$/, 'UK') === active;
  const origin = fromFrontMatter
    ? `jurisdiction set by this document's front matter (the default is ${DEFAULT_JURISDICTION})`
    : active === DEFAULT_JURISDICTION
      ? 'default jurisdiction; change it with the `clinicalLint.jurisdiction` setting, `--jurisdiction` on the command line, `"jurisdiction"` in `.clinical-lint.json`, or `jurisdiction:` in front matter'
      : `jurisdiction from the settings (the default is ${DEFAULT_JURISDICTION})`;
  lines.push(`**${jn.name[0].toUpperCase()}${jn.name.slice(1)} (${active})** — ${origin}`);
  lines.push(statusBlock(kb, a));
  // "Verified" means recorded from the named source without a mark to check it (the rule page's
  // "Data and verification"), not that this version re-read the monograph or label.
  if (a.status !== 'unknown') lines.push(a.verified ? 'Recorded from the source below.' : '**Not yet checked** against the source below: off-label findings here are information only.');
  if (a.source) lines.push(`Source: ${esc(a.source)}${a.date ? ` (${a.date})` : ''}`);
  if (a.note) lines.push(`_${esc(a.note)}_`);
  if (a.status === 'unknown') lines.push(`_No approval data for ${jn.name} yet: the off-label check reports at most information here._`);
  const others = JURISDICTIONS.filter((j) => j !== active).map((j) => {
    const o = kb.approval(drug.id, j);
    return `- **${j}**: ${statusLine(kb, o)}${verification(o)}${o.source ? ` — ${esc(o.source)}` : ''}`;
  });
  lines.push(`Other jurisdictions:\n\n${others.join('\n')}`);
  // The list comes from Canadian and US practice; licences elsewhere differ (pregabalin is licensed for GAD in the UK).
  if (drug.offLabel?.length) lines.push(`Common off-label uses in Canada and the US: ${drug.offLabel.map((c) => kb.conditionLabel(c)).join(', ')}`);
  if (drug.references?.length) lines.push(`See: ${drug.references.map(esc).join(' ')}`);
  return lines.join('\n\n');
}
