// `npm run eval:agreement`: how far two readers of the labelling guide agree. Each file
// test/eval/agreement/<article>.labels holds a second reader's label for every labelled sentence
// of that article (`<substring> => <rule or none> | <reason>`, the article's own substrings),
// written without seeing the first labels. Prints raw agreement, Cohen's kappa, and each rule's
// precision, recall and F1 of the second reader against the first: the figures the rules are
// measured by, for a human.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articlesDir, parseEvalFile, root, RULES } from './eval-data.mjs';

const dir = join(root, 'test/eval/agreement');
const LABEL = /^(.+?)\s*=>\s*([a-z+-]+)\s*\|\s*(.+)$/;
const pairs = [];
const problems = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.labels')).sort()) {
  const article = file.slice(0, -'.labels'.length);
  const first = new Map(parseEvalFile(readFileSync(join(articlesDir, article), 'utf8')).labels.map((l) => [l.needle, l.rules.join('+') || 'none']));
  const seen = new Set();
  readFileSync(join(dir, file), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .forEach((line, i) => {
      const m = LABEL.exec(line);
      if (!m) return problems.push(`${file}:${i + 1}: malformed: ${line}`);
      if (!first.has(m[1])) return problems.push(`${file}:${i + 1}: "${m[1]}" is not a label of ${article}`);
      seen.add(m[1]);
      pairs.push({ set: article.split('-')[0], first: first.get(m[1]), second: m[2] });
    });
  for (const needle of first.keys()) if (!seen.has(needle)) problems.push(`${file}: no second label for "${needle}"`);
}

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '-');
function report(name, ps) {
  const n = ps.length;
  const agree = ps.filter((p) => p.first === p.second).length / n;
  const labels = ['none', ...RULES];
  const share = (k, l) => ps.filter((p) => p[k] === l).length / n;
  const chance = labels.reduce((s, l) => s + share('first', l) * share('second', l), 0);
  const kappa = (agree - chance) / (1 - chance);
  console.log(`${name}: ${n} sentences, agreement ${f3(agree)}, Cohen's kappa ${f3(kappa)}`);
  for (const rule of RULES) {
    const tp = ps.filter((p) => p.first === rule && p.second === rule).length;
    const fp = ps.filter((p) => p.first !== rule && p.second === rule).length;
    const fn = ps.filter((p) => p.first === rule && p.second !== rule).length;
    console.log(`  ${rule.padEnd(18)} TP ${tp} FP ${fp} FN ${fn}  precision ${f3(tp / (tp + fp))}  recall ${f3(tp / (tp + fn))}  F1 ${f3((2 * tp) / (2 * tp + fp + fn))}`);
  }
}

if (pairs.length === 0) {
  console.error('no second labels in test/eval/agreement');
  process.exit(1);
}
for (const set of [...new Set(pairs.map((p) => p.set))]) report(`set ${set}`, pairs.filter((p) => p.set === set));
report('all', pairs);
const disagree = pairs.filter((p) => p.first !== p.second);
const kinds = new Map();
for (const p of disagree) kinds.set(`${p.first} -> ${p.second}`, (kinds.get(`${p.first} -> ${p.second}`) ?? 0) + 1);
console.log(`disagreements (first -> second): ${[...kinds].map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'}`);
for (const p of problems) console.log(`problem: ${p}`);
process.exit(problems.length ? 1 : 0);
