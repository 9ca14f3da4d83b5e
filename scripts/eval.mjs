// `npm run eval`: precision, recall and F1 of unsupported-claim and missing-citation on the
// labelled articles of test/eval (format in test/eval/README.md). Runs on the compiled core in
// out/ (the npm script compiles first). `--verbose` lists every disagreement.
// Cross-validated by default (see below); `node scripts/train-claims.mjs --cv` compares the
// classifier with the cue rules alone.
import { printCiteRanking } from './eval-cite.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { articlesDir as dir, labelSentences, loadArticles, norm, parseEvalFile, root, RULES } from './eval-data.mjs';

export { parseEvalFile };
const require = createRequire(import.meta.url);
const { lint } = require(join(root, 'out/server/src/core/lint.js'));
const { setCitationModel, citationModel } = require(join(root, 'out/server/src/core/claims/model.js'));
const { setClaimModel, claimModel } = require(join(root, 'out/server/src/core/claims/claimModel.js'));

const verbose = process.argv.includes('--verbose');
// `--only PREFIX`: only the articles whose file names start with PREFIX (one set: `--only h16`).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
// The citation-need classifier is trained on the labelled articles, so linting them with the
// shipped model would score it on its own training data. By default each article is linted with
// a model trained without its fold (a held-out set whole, development articles ten at a time:
// `foldsOf` in train-claims.mjs); `--shipped` lints with the shipped model instead.
const cv = !process.argv.includes('--shipped');
// The claim classifier likewise: each article is linted with one trained without its group of
// folds (`claimFoldGroups`: the same folds dealt into ten groups).
const shipped = citationModel();
const shippedClaims = claimModel();
let modelFor;
let claimModelFor;
if (cv) {
  const t = await import('./train-claims.mjs');
  const records = t.sentenceRecords(t.trainingArticles());
  const folds = t.foldsOf(loadArticles().map((a) => a.file));
  const models = new Map();
  modelFor = (file) => {
    const k = folds.get(file);
    if (!models.has(k)) models.set(k, t.train(records.filter((r) => folds.get(r.file) !== k)));
    return models.get(k);
  };
  const claimRecords = t.claimRecords(t.trainingArticles());
  const groups = t.claimFoldGroups(loadArticles().map((a) => a.file));
  const claimModels = new Map();
  claimModelFor = (file) => {
    const g = groups.get(file);
    if (!claimModels.has(g)) claimModels.set(g, t.train(claimRecords.filter((r) => groups.get(r.file) !== g), t.CLAIM_SETTINGS));
    return claimModels.get(g);
  };
}

// Files named h*.{txt,md} were written after the rules were tuned and are reported on their own
// too: they estimate accuracy on text the rules were not adjusted to.
const GROUPS = { all: () => true, development: (f) => !f.startsWith('h'), 'held-out': (f) => f.startsWith('h') };
const counts = Object.fromEntries(Object.keys(GROUPS).map((g) => [g, Object.fromEntries(RULES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]))]));
let items = 0;
let positives = 0;
const problems = [];
const disagreements = [];

const chosen = (f) => !only || f.startsWith(only);
for (const a of loadArticles().filter((x) => chosen(x.file))) {
  const { file, text, kind } = a;
  if (cv) {
    setCitationModel(modelFor(file));
    setClaimModel(claimModelFor(file));
  }
  const { article, findings } = lint(text, { kind });
  const sentences = article.sentences;
  const { labelled, problems: p } = labelSentences(a, sentences);
  problems.push(...p);
  for (const l of labelled.values()) {
    items++;
    if (l.rules.length) positives++;
  }
  const found = new Map();
  for (const f of findings) {
    if (!RULES.includes(f.ruleId)) continue;
    const s = sentences.find((x) => x.start <= f.start && f.start < x.end);
    const key = s ?? `heading@${f.start}`;
    if (!found.has(key)) found.set(key, new Set());
    found.get(key).add(f.ruleId);
  }
  const keys = new Set([...labelled.keys(), ...found.keys()]);
  for (const k of keys) {
    const expected = new Set(labelled.get(k)?.rules ?? []);
    const got = found.get(k) ?? new Set();
    const snippet = typeof k === 'string' ? k : norm(text.slice(k.start, k.end)).slice(0, 100);
    for (const r of RULES) {
      const e = expected.has(r);
      const g = got.has(r);
      for (const [group, inGroup] of Object.entries(GROUPS)) {
        if (!inGroup(file)) continue;
        if (e && g) counts[group][r].tp++;
        else if (g) counts[group][r].fp++;
        else if (e) counts[group][r].fn++;
      }
      if (e !== g) disagreements.push(`${file}: ${g ? 'FP' : 'FN'} ${r}: ${snippet}${labelled.get(k) ? '' : ' (unlabelled)'}`);
    }
  }
}

setCitationModel(shipped);
setClaimModel(shippedClaims);

// The sample's last paragraph must pass: "Ketamine is not a cure ...".
const sample = readFileSync(join(root, 'test/fixtures/sample.txt'), 'utf8');
const sampleResult = lint(sample, { kind: 'plaintext' });
const notACure = sample.indexOf('Ketamine is not a cure');
const notACureFlagged = sampleResult.findings.some((f) => RULES.includes(f.ruleId) && f.start >= notACure && f.start < sample.indexOf('\n', notACure));

const pct = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
console.log(cv ? 'cross-validated: each article linted with a citation-need model trained without its fold and a claim classifier trained without its group of folds (--shipped: the shipped models, which have seen most of them)\n' : 'the shipped citation-need model and claim classifier: scored on their training data, but for the sets added since they were trained\n');
console.log(`clinical-lint evaluation: ${items} labelled sentences (${positives} needing a flag) in ${readdirSync(dir).filter(chosen).length} articles${only ? ` (only ${only}*)` : ''}\n`);
for (const group of Object.keys(GROUPS)) {
  const files = readdirSync(dir).filter(chosen).filter(GROUPS[group]).length;
  const title = { all: 'all articles', development: 'development articles (used to tune the rules)', 'held-out': 'held-out articles (written after tuning)' }[group];
  console.log(`${title}: ${files}`);
  console.log('rule                 TP   FP   FN   precision  recall  F1');
  for (const r of RULES) {
    const { tp, fp, fn } = counts[group][r];
    const p = tp / (tp + fp);
    const rec = tp / (tp + fn);
    const f1 = (2 * p * rec) / (p + rec);
    console.log(`${r.padEnd(20)} ${String(tp).padStart(3)}  ${String(fp).padStart(3)}  ${String(fn).padStart(3)}   ${pct(p).padStart(9)}  ${pct(rec).padStart(6)}  ${pct(f1)}`);
  }
  console.log('');
}
console.log(`sample, "Ketamine is not a cure": ${notACureFlagged ? 'FLAGGED (false positive)' : 'not flagged'}`);
if (!only) printCiteRanking(loadArticles());
if (verbose) for (const d of disagreements) console.log(`  ${d}`);
else if (disagreements.length) console.log(`${disagreements.length} disagreements (--verbose lists them)`);
for (const p of problems) console.error(`label problem: ${p}`);
process.exit(problems.length || notACureFlagged ? 1 : 0);
