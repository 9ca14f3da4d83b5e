// Trains the citation-need classifier (server/src/core/claims/model.ts) on the labelled
// development articles of test/eval and writes server/src/core/knowledge/citationModel.json.
// `--cv` prints leave-one-article-out figures instead of writing (also `npm run eval -- --cv`),
// `--cv --grid` for a grid of L2 and thresholds. For experiments, L2, LEXICAL_L2, MIN_COUNT and
// DROP_FEATURES (a regex of feature names to leave out) override the settings below.
// Runs on the compiled core in out/ (`npx tsc -p .` first).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { labelSentences, loadArticles, root } from './eval-data.mjs';

const require = createRequire(import.meta.url);
const core = (p) => require(join(root, 'out/server/src/core', p));
const { lint } = core('lint.js');
const { isCovered } = core('claims/coverage.js');
const { notAClaim, evidenceCue } = core('claims/evidence.js');
const { sentenceFeatures } = core('claims/structure.js');
const { setCitationModel, askable, askableInArticle } = core('claims/model.js');
const { findClaimHits } = core('claims/detect.js');
const { claimLexicon } = core('knowledge/claims.js');

/** Training settings, chosen by the cross-validated figures (see test/eval/README.md). */
export const SETTINGS = { l2: Number(process.env.L2 ?? 1), epochs: 400, rate: 0.5, threshold: 0.7, minCount: Number(process.env.MIN_COUNT ?? 2), lexicalL2: Number(process.env.LEXICAL_L2 ?? 3) };

/**
 * One record per sentence of every article, linted with the model off: whether the model
 * would be asked about it (uncovered, not a question, instruction or visit description, no
 * claim finding, no cue), its label, whether the rules flag it, and its features.
 */
export function sentenceRecords(articles = loadArticles()) {
  const saved = setCitationModel(null);
  const records = [];
  for (const a of articles) {
    const { article, findings } = lint(a.text, { kind: a.kind });
    const { labelled } = labelSentences(a, article.sentences);
    const distanced = new Set(
      findClaimHits(article, claimLexicon(), 'paragraph')
        .filter((h) => h.sentence && ['negated', 'quoted', 'attributed'].includes(h.status))
        .map((h) => h.sentence),
    );
    for (const s of article.sentences) {
      const label = labelled.get(s);
      const rules = new Set(findings.filter((f) => f.start >= s.start && f.start < s.end).map((f) => f.ruleId));
      const eligible = !rules.has('unsupported-claim') && !rules.has('missing-citation') && !isCovered(article, s, 'paragraph') && !notAClaim(article, s);
      records.push({
        file: a.file,
        text: s.text,
        expected: label ? label.rules : [],
        labelled: !!label,
        ruleFlag: rules.has('missing-citation'),
        claimFlag: rules.has('unsupported-claim'),
        // What the classifier learns from: sentences the rule could be asked about, whatever the cues say.
        trainable: !isCovered(article, s, 'paragraph') && !notAClaim(article, s) && !rules.has('unsupported-claim') && !(label && label.rules.length === 1 && label.rules[0] === 'unsupported-claim'),
        eligible,
        // Uncovered, and not a question, instruction or visit description.
        // Uncovered, not a question, instruction or visit description, a full sentence with its
        // claim wording not distanced, not a disclosure, and a predicate that states something.
        open: !isCovered(article, s, 'paragraph') && !notAClaim(article, s) && !distanced.has(s) && askableInArticle(article, s) && askable(s.text) && sentenceFeatures(s.text).includes('gate:states'),
        cue: !!evidenceCue(s.text),
        features: sentenceFeatures(s.text),
      });
    }
  }
  setCitationModel(saved ?? null);
  return records;
}

/** Logistic regression, L2-regularised, full-batch gradient descent with AdaGrad steps. */
export function train(records, settings = SETTINGS) {
  const data = records.filter((r) => r.trainable);
  const counts = new Map();
  for (const r of data) for (const f of r.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const drop = process.env.DROP_FEATURES ? new RegExp(process.env.DROP_FEATURES) : undefined;
  const names = [...counts.keys()].filter((f) => counts.get(f) >= settings.minCount && !drop?.test(f)).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const xs = data.map((r) => r.features.map((f) => index.get(f)).filter((i) => i !== undefined));
  const ys = data.map((r) => (r.expected.includes('missing-citation') ? 1 : 0));
  const w = new Float64Array(names.length);
  // Words and word pairs are regularised harder than the structure: they carry less to new wording.
  const lexical = settings.lexicalL2 ?? 1;
  const l2 = Float64Array.from(names, (f) => settings.l2 * (/^(?:w|b|first):/.test(f) ? lexical : 1));
  const g2 = new Float64Array(names.length + 1);
  let b = 0;
  const n = data.length;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const grad = new Float64Array(names.length);
    let gb = 0;
    for (let k = 0; k < n; k++) {
      let z = b;
      for (const i of xs[k]) z += w[i];
      const err = 1 / (1 + Math.exp(-z)) - ys[k];
      gb += err;
      for (const i of xs[k]) grad[i] += err;
    }
    for (let i = 0; i < names.length; i++) {
      const g = grad[i] / n + (l2[i] / n) * w[i];
      g2[i] += g * g;
      w[i] -= (settings.rate * g) / (Math.sqrt(g2[i]) + 1e-8);
    }
    gb /= n;
    g2[names.length] += gb * gb;
    b -= (settings.rate * gb) / (Math.sqrt(g2[names.length]) + 1e-8);
  }
  const weights = {};
  names.forEach((f, i) => {
    if (Math.abs(w[i]) >= 0.005) weights[f] = Math.round(w[i] * 1000) / 1000;
  });
  return { bias: Math.round(b * 1000) / 1000, threshold: settings.threshold, weights };
}

export function probability(model, features) {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Leave-one-article-out: each article scored by a model trained on the others. */
export function crossValidate(records, settings = SETTINGS) {
  const files = [...new Set(records.map((r) => r.file))];
  const scored = [];
  for (const file of files) {
    const model = train(
      records.filter((r) => r.file !== file),
      settings,
    );
    for (const r of records) if (r.file === file) scored.push({ ...r, p: probability(model, r.features) });
  }
  return scored;
}

/** Missing-citation counts for a decision on each sentence record. */
export function score(records, flag) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of records) {
    const e = r.expected.includes('missing-citation');
    const g = flag(r);
    if (e && g) tp++;
    else if (g) fp++;
    else if (e) fn++;
  }
  const p = tp / (tp + fp);
  const rec = tp / (tp + fn);
  return { tp, fp, fn, p, r: rec, f1: (2 * p * rec) / (p + rec) };
}

const fmt = (c) => `${String(c.tp).padStart(3)}  ${String(c.fp).padStart(3)}  ${String(c.fn).padStart(3)}   ${c.p.toFixed(3)}  ${c.r.toFixed(3)}  ${c.f1.toFixed(3)}`;

/** Leave-one-article-out figures: the rules, the model alone, and the rules with the model. */
export function printCrossValidation(records, settings = SETTINGS, out = console.log) {
  const scored = crossValidate(records, settings);
  out(`leave-one-article-out, missing-citation (${new Set(records.map((r) => r.file)).size} articles; l2 ${settings.l2}, threshold ${settings.threshold})`);
  out('decision                               TP   FP   FN   precision recall F1');
  out(`rules alone (tuned on all articles)    ${fmt(score(scored, (r) => r.ruleFlag))}`);
  out(`model alone                            ${fmt(score(scored, (r) => r.open && !r.claimFlag && r.p >= settings.threshold))}`);
  out(`rules, then model where no cue         ${fmt(score(scored, (r) => r.ruleFlag || (r.eligible && r.open && r.p >= settings.threshold)))}`);
  return scored;
}

/** The articles the model learns from: the development articles, never the held-out `h*` ones. */
export const trainingArticles = () => loadArticles().filter((a) => !a.file.startsWith('h'));

if (import.meta.url === `file://${process.argv[1]}`) {
  const records = sentenceRecords(trainingArticles());
  if (process.argv.includes('--cv')) {
    const grid = process.argv.includes('--grid');
    if (grid) {
      for (const l2 of [0.3, 1, 3, 10])
        for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.9]) printCrossValidation(records, { ...SETTINGS, l2, threshold });
    } else printCrossValidation(records);
  } else {
    const model = train(records);
    const pos = records.filter((r) => r.trainable && r.expected.includes('missing-citation')).length;
    const neg = records.filter((r) => r.trainable).length - pos;
    model.about = `Logistic regression over claims/structure.ts features; trained by scripts/train-claims.mjs on ${pos} sentences needing a citation and ${neg} not needing one (development articles of test/eval); l2 ${SETTINGS.l2} (words and word pairs ${SETTINGS.l2 * SETTINGS.lexicalL2}), threshold ${SETTINGS.threshold}. Regenerate after changing the features or the labels.`;
    const path = join(root, 'server/src/core/knowledge/citationModel.json');
    writeFileSync(path, `${JSON.stringify(model, null, 1)}\n`);
    console.log(`wrote ${path}: ${Object.keys(model.weights).length} weights`);
  }
}
