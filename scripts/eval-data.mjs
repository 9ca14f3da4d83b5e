// The labelled evaluation articles of test/eval (format in test/eval/README.md), read for
// `npm run eval` and for training and cross-validating the citation-need model
// (scripts/train-claims.mjs). Runs on the compiled core in out/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const RULES = ['missing-citation', 'unsupported-claim'];
export const articlesDir = join(root, 'test/eval/articles');
export const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** Splits an eval file into the article text and its labels. */
export function parseEvalFile(raw) {
  const lines = raw.split(/\r?\n/);
  const labels = [];
  const kept = [];
  lines.forEach((line, i) => {
    const m = /^%%\s*(.+?)\s*=>\s*([a-z+-]+)\s*\|\s*(.+)$/.exec(line);
    if (line.startsWith('%%')) {
      if (!m) throw new Error(`line ${i + 1}: malformed label: ${line}`);
      const rules = m[2] === 'none' ? [] : m[2].split('+');
      for (const r of rules) if (!RULES.includes(r)) throw new Error(`line ${i + 1}: unknown rule "${r}"`);
      labels.push({ needle: m[1], rules, reason: m[3], line: i + 1 });
    } else kept.push(line);
  });
  return { text: kept.join('\n'), labels };
}

/** Every article: file name, kind, text and labels. */
export function loadArticles() {
  return readdirSync(articlesDir)
    .sort()
    .map((file) => {
      const { text, labels } = parseEvalFile(readFileSync(join(articlesDir, file), 'utf8'));
      return { file, kind: file.endsWith('.md') ? 'markdown' : 'plaintext', text, labels };
    });
}

/**
 * The labelled sentence of each label, by a unique substring: a Map from sentence to label,
 * and the labels that match no sentence or several.
 */
export function labelSentences(article, sentences) {
  const labelled = new Map();
  const problems = [];
  for (const l of article.labels) {
    const matches = sentences.filter((s) => norm(article.text.slice(s.start, s.end)).includes(norm(l.needle)));
    // A `none` label on a heading, a reference entry or a page trailer (no sentences there): any
    // finding on it counts as a false positive all the same.
    if (matches.length === 0 && l.rules.length === 0 && norm(article.text).includes(norm(l.needle))) continue;
    if (matches.length !== 1) {
      problems.push(`${article.file}:${l.line}: "${l.needle}" matches ${matches.length} sentences`);
      continue;
    }
    labelled.set(matches[0], l);
  }
  return { labelled, problems };
}
