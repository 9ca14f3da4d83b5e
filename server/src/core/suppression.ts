import type { Article } from './article/model';
import { splitLines, type Lines } from './article/rawBlock';
import type { LintConfig } from './config';
import { RULES } from './rules';
import type { Finding, Fix, Severity, Span } from './types';

/**
 * Inline suppression comments, in Markdown and in plain text (on a line of their own):
 *
 *   <!-- clinical-lint-disable-next-line rule-id[, rule-id] -- reason -->
 *   <!-- clinical-lint-disable [rule-id, ...] [-- reason] -->  ...  <!-- clinical-lint-enable [rule-id, ...] -->
 *
 * A next-line comment applies to the next line that is neither blank nor a comment, and to the
 * whole block that starts there (a paragraph, a list, a table, a run of footnote definitions).
 * A disable comment applies until the matching enable comment or the end of the document; with
 * no ids it applies to every rule. Suppressions that suppress nothing and ids that name no rule
 * are reported (`unused-suppression`, `unknown-rule`).
 */
export const UNUSED_SUPPRESSION = 'unused-suppression';
export const UNKNOWN_RULE = 'unknown-rule';
const DIRECTIVE = /^clinical-lint-(disable-next-line|disable|enable)(?=\s|$)/;

export type SuppressionKind = 'disable-next-line' | 'disable' | 'enable';

export interface Suppression extends Span {
  kind: SuppressionKind;
  /** Rule ids named in the comment; empty means every rule. */
  rules: string[];
  /** Where each id is written (same order as `rules`). */
  ruleSpans: Span[];
  /** The text after ` -- `, if any. */
  reason?: string;
  /** Where the suppression applies (empty for `enable`). */
  applies: Span;
}

/** Every suppression comment of the article, in document order. */
export function findSuppressions(article: Article): Suppression[] {
  const text = article.text;
  if (!article.comments.some((c) => c.body.startsWith('clinical-lint-'))) return [];
  const lines = splitLines(text);
  const out: Suppression[] = [];
  for (const c of article.comments) {
    const inner = text.slice(c.start + 4, c.end - 3);
    const lead = inner.length - inner.trimStart().length;
    const body = inner.trim();
    const d = DIRECTIVE.exec(body);
    if (!d) continue;
    const kind = d[1] as SuppressionKind;
    const bodyStart = c.start + 4 + lead;
    let rest = body.slice(d[0].length);
    let reason: string | undefined;
    const sep = /(?:^|\s)--(?:\s|$)/.exec(rest);
    if (sep) {
      reason = rest.slice(sep.index + sep[0].length).trim() || undefined;
      rest = rest.slice(0, sep.index);
    }
    const rules: string[] = [];
    const ruleSpans: Span[] = [];
    const idRe = /[^\s,]+/g;
    for (let m = idRe.exec(rest); m; m = idRe.exec(rest)) {
      rules.push(m[0]);
      const at = bodyStart + d[0].length + m.index;
      ruleSpans.push({ start: at, end: at + m[0].length });
    }
    let applies: Span = { start: c.end, end: c.end };
    if (kind === 'disable-next-line') applies = nextLineTarget(article, lines, lineOf(lines, c.end));
    out.push({ kind, start: c.start, end: c.end, rules, ruleSpans, reason, applies });
  }
  // A disable region runs to its matching enable (or the end of the document).
  const open: Suppression[] = [];
  for (const s of out) {
    if (s.kind === 'disable') {
      s.applies = { start: s.end, end: text.length };
      open.push(s);
    } else if (s.kind === 'enable') {
      for (const o of open) {
        if (o.applies.end !== text.length) continue;
        const closesAll = s.rules.length === 0 || (o.rules.length > 0 && o.rules.every((r) => s.rules.includes(r)));
        if (closesAll) o.applies = { start: o.applies.start, end: s.start };
      }
    }
  }
  return out;
}

interface Use {
  suppression: Suppression;
  /** Ids (or '*') that suppressed at least one finding. */
  used: Set<string>;
}

/**
 * Applies the article's suppression comments to the findings of the rules that ran: suppressed
 * findings are dropped, every remaining finding gets a fix that inserts a next-line comment,
 * and unused suppressions and unknown ids are reported.
 */
export function applySuppressions(article: Article, findings: Finding[], config: LintConfig, ran: ReadonlySet<string>): Finding[] {
  const all = findSuppressions(article);
  if (!all.length) return findings;
  const active = all.filter((s) => s.kind !== 'enable');
  const uses: Use[] = active.map((suppression) => ({ suppression, used: new Set<string>() }));
  const enables = all.filter((s) => s.kind === 'enable');
  const known = new Set(RULES.map((r) => r.meta.id));

  const suppressedBy = (f: Finding): Use | undefined => {
    for (const u of uses) {
      const s = u.suppression;
      if (f.start < s.applies.start || f.start > s.applies.end) continue;
      if (s.kind === 'disable' && enabledAgain(enables, s, f)) continue;
      if (s.rules.length === 0) return u;
      if (s.rules.includes(f.ruleId)) return u;
    }
    return undefined;
  };

  const kept: Finding[] = [];
  for (const f of findings) {
    const u = suppressedBy(f);
    if (u) {
      u.used.add(u.suppression.rules.length ? f.ruleId : '*');
      continue;
    }
    kept.push(f);
  }

  const severityOf = (id: string): Severity | undefined => {
    const s = config.rules[id] ?? 'warning';
    return s === 'off' ? undefined : s;
  };
  const extra: Finding[] = [];
  const unknownSev = ran.has(UNKNOWN_RULE) ? severityOf(UNKNOWN_RULE) : undefined;
  const unusedSev = ran.has(UNUSED_SUPPRESSION) ? severityOf(UNUSED_SUPPRESSION) : undefined;
  for (const s of all) {
    s.rules.forEach((id, i) => {
      if (known.has(id) || !unknownSev) return;
      const near = closest(id, [...known]);
      const fixes: Fix[] = near
        ? [{ title: `Change to ${near}`, edits: [{ ...s.ruleSpans[i], newText: near }], isPreferred: true }]
        : [];
      extra.push({
        ruleId: UNKNOWN_RULE,
        severity: unknownSev,
        ...s.ruleSpans[i],
        message: `Unknown rule "${id}" in a suppression comment${near ? `: did you mean "${near}"?` : '.'} Rules: ${[...known].join(', ')}.`,
        fixes,
      });
    });
  }
  if (unusedSev) {
    for (const u of uses) {
      const s = u.suppression;
      const ids = s.rules.length ? s.rules.filter((id) => known.has(id) && ran.has(id) && config.rules[id] !== 'off') : ['*'];
      const unused = ids.filter((id) => !u.used.has(id));
      if (!unused.length) continue;
      const what = s.rules.length ? unused.map((id) => `"${id}"`).join(', ') : 'it';
      const where = s.kind === 'disable-next-line' ? 'on the next line' : 'in its region';
      extra.push({
        ruleId: UNUSED_SUPPRESSION,
        severity: unusedSev,
        start: s.start,
        end: s.end,
        message: `Unused suppression: ${what} suppresses no finding ${where}. Remove ${unused.length === ids.length ? 'the comment' : 'the unused id'}.`,
        fixes: [removeFix(article.text, s, unused.length === ids.length ? undefined : unused)],
      });
    }
  }
  // Suppression findings can be suppressed too, but never count as use.
  const extraKept = extra.filter((f) => !suppressedBy(f));
  return [...kept, ...extraKept];
}

function enabledAgain(enables: Suppression[], s: Suppression, f: Finding): boolean {
  // An `enable some-id` inside an all-rules (or wider) region re-enables that id from there on.
  return enables.some((e) => e.rules.length > 0 && e.start >= s.end && e.start <= f.start && e.rules.includes(f.ruleId));
}

/**
 * The fix that silences a finding: a next-line comment above its block (editors offer it on
 * every finding), or the finding's id added to such a comment already there.
 */
export function suppressFix(article: Article, f: { start: number; ruleId: string }, lines: Lines = splitLines(article.text)): Fix | undefined {
  const text = article.text;
  // Front matter is YAML: a comment there would break it and suppress nothing.
  if (f.start < frontMatterEnd(article)) return undefined;
  const target = insertionLine(article, lines, lineOf(lines, f.start));
  // A next-line comment directly above: add the id to it.
  if (target > 0) {
    const above = text.slice(lines.starts[target - 1], lines.ends[target - 1]);
    const m = /^([ \t]*<!--\s*clinical-lint-disable-next-line)((?:[\s,]+(?!--)[^\s,]+)*)(.*)-->[ \t]*$/.exec(above);
    if (m && m[2].trim()) {
      if (m[2].split(/[\s,]+/).includes(f.ruleId)) {
        // Already named there (the comment is on the wrong line for this finding): fall through.
      } else {
        const at = lines.starts[target - 1] + m[1].length + m[2].trimEnd().length;
        return { title: `Suppress ${f.ruleId} on the next line (add to the comment above)`, edits: [{ start: at, end: at, newText: `, ${f.ruleId}` }] };
      }
    }
  }
  // A byte-order mark stays the document's first character: the comment goes after it.
  const lineStart = lines.starts[target] === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lines.starts[target];
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lines.ends[target]))![0];
  const eol = lineEnding(text, lines, target);
  const comment = `${indent}<!-- clinical-lint-disable-next-line ${f.ruleId} -- reason -->`;
  return {
    title: `Suppress ${f.ruleId} on the next line`,
    edits: [{ start: lineStart, end: lineStart, newText: comment + eol }],
    cursor: lineStart + comment.lastIndexOf('reason'),
  };
}

function removeFix(text: string, s: Suppression, ids?: string[]): Fix {
  if (ids) {
    // Keep the used ids, written again as one list.
    const first = s.ruleSpans[0];
    const last = s.ruleSpans[s.ruleSpans.length - 1];
    const kept = s.rules.filter((id) => !ids.includes(id));
    return { title: `Remove ${ids.join(', ')} from the suppression`, edits: [{ start: first.start, end: last.end, newText: kept.join(', ') }] };
  }
  // The whole comment, with its line when it stands alone.
  const ls = Math.max(text.lastIndexOf('\n', s.start - 1), text.lastIndexOf('\r', s.start - 1)) + 1;
  const nl = /\r\n|\r|\n/.exec(text.slice(s.end));
  const le = nl ? s.end + nl.index : text.length;
  if (text.slice(ls, s.start).trim() === '' && text.slice(s.end, le).trim() === '') {
    return { title: 'Remove the unused suppression', edits: [{ start: ls, end: nl ? le + nl[0].length : le, newText: '' }] };
  }
  return { title: 'Remove the unused suppression', edits: [{ start: s.start, end: s.end, newText: '' }] };
}

// ---- lines and blocks ----------------------------------------------------------------------

export function lineOf(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineText(text: string, lines: Lines, l: number): string {
  return text.slice(lines.starts[l], lines.ends[l]);
}

const COMMENT_ONLY = /^[ \t]*<!--.*-->[ \t]*$/;
const LIST_START = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+•◦▪·‣∙]|\d{1,9}[.)]|\[\d{1,4}\])[ \t]+/;
const TABLE_LINE = /^[ \t]*\|/;

/** A boundary between blocks: a blank line or a comment on a line of its own. */
function isBreak(text: string, lines: Lines, l: number): boolean {
  const t = lineText(text, lines, l);
  return t.trim() === '' || COMMENT_ONLY.test(t);
}

/** The first line after Markdown front matter (a comment never goes above it). */
function firstContentLine(article: Article, lines: Lines): number {
  const end = frontMatterEnd(article);
  return end ? Math.min(lineOf(lines, end) + 1, lines.starts.length - 1) : 0;
}

/** Where Markdown front matter ends (0 when there is none). */
function frontMatterEnd(article: Article): number {
  if (article.kind !== 'markdown' || !(article.text.startsWith('---') || article.text.startsWith('+++'))) return 0;
  return article.excluded.find((e) => e.start === 0)?.end ?? 0;
}

function listish(text: string, lines: Lines, l: number): boolean {
  const t = lineText(text, lines, l);
  return LIST_START.test(t) || /^[ \t]+\S/.test(t);
}

/**
 * The line above which a suppression comment for a finding on line `l` goes: the first line of
 * its block, and in Markdown of the whole list or table (a comment between items or rows would
 * end the list or table).
 */
export function insertionLine(article: Article, lines: Lines, l: number): number {
  const text = article.text;
  const floor = firstContentLine(article, lines);
  let s = l;
  while (s > floor && !isBreak(text, lines, s - 1)) s--;
  if (article.kind !== 'markdown') return s;
  // A loose list: earlier items and their indented paragraphs, across blank lines.
  // A list item or an indented paragraph: the list may go on above, across blank lines.
  while (listish(text, lines, s)) {
    let p = s - 1;
    while (p >= floor && lineText(text, lines, p).trim() === '') p--;
    if (p < floor || COMMENT_ONLY.test(lineText(text, lines, p))) break;
    let q = p;
    while (q > floor && !isBreak(text, lines, q - 1)) q--;
    if (!listish(text, lines, q)) break;
    s = q;
  }
  return s;
}

/** Where a next-line comment on line `l` applies: the block (list, table) on the next line. */
function nextLineTarget(article: Article, lines: Lines, l: number): Span {
  const text = article.text;
  const n = lines.starts.length;
  let k = l + 1;
  while (k < n && isBreak(text, lines, k)) k++;
  if (k >= n) return { start: text.length, end: text.length };
  let e = k;
  while (e + 1 < n && !isBreak(text, lines, e + 1)) e++;
  if (article.kind === 'markdown' && (LIST_START.test(lineText(text, lines, k)) || TABLE_LINE.test(lineText(text, lines, k)))) {
    // The rest of the list: items and indented paragraphs after blank lines.
    for (;;) {
      let p = e + 1;
      while (p < n && lineText(text, lines, p).trim() === '') p++;
      if (p >= n || !listish(text, lines, p) || COMMENT_ONLY.test(lineText(text, lines, p))) break;
      e = p;
      while (e + 1 < n && !isBreak(text, lines, e + 1)) e++;
    }
  }
  let end = lines.ends[e];
  // A block that starts inside the target (a wrapped list item) is covered to its end.
  const blocks = article.blocks;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start < lines.starts[k]) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < blocks.length && blocks[i].start <= end; i++) if (blocks[i].end > end) end = blocks[i].end;
  return { start: lines.starts[k], end };
}

function lineEnding(text: string, lines: Lines, l: number): string {
  const at = lines.ends[l];
  if (at < text.length) return text[at] === '\r' ? (text[at + 1] === '\n' ? '\r\n' : '\r') : '\n';
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** The known id nearest to a misspelt one (edit distance at most 3), if any. */
function closest(id: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 4;
  for (const k of known) {
    const d = distance(id.toLowerCase(), k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** A suppression as listed for review (`clinical-lint --list-suppressions`). */
export interface SuppressionListing {
  kind: SuppressionKind;
  rules: string[];
  reason?: string;
  start: number;
  end: number;
}

export function listSuppressions(article: Article): SuppressionListing[] {
  return findSuppressions(article).map((s) => ({ kind: s.kind, rules: s.rules, reason: s.reason, start: s.start, end: s.end }));
}
