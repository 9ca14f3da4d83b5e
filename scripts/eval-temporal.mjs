// How the rules would have done on the twelve held-out sets of test/eval with the citation-need
// classifier and the structural claims: each set linted with the rules as they were when it was
// written (before they were tuned on it), a classifier trained on every other article, and the
// current structural claims where the rules of the time found no claim. The nearest thing to
// new wording the labelled articles allow. Builds each set's commit once into a folder (default:
// the system's temporary folder) with `git archive` and `tsc`.
//   npx tsc -p . && node scripts/eval-temporal.mjs [folder] [thresholds, e.g. 0.6,0.7,0.8]
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { labelSentences, loadArticles, norm, parseEvalFile } from './eval-data.mjs';
import { probability, sentenceRecords, SETTINGS, train } from './train-claims.mjs';

const require = createRequire(import.meta.url);
const { structuralClaims } = require(join(new URL('..', import.meta.url).pathname, 'out/server/src/core/claims/claimStructure.js'));
/** Each held-out set: the commit that added it (labelled, rules not yet run on it). */
export const SETS = ['8b55d95', '6c849c1', '441b32a', '4dda1fa', '26095ec', 'a57a922', 'd04a6e3', '526f6d1', '0076557', '3bd9ddc', 'b614d59', '9cb36bb'];

const root = new URL('..', import.meta.url).pathname;
const builds = process.argv[2] ?? join(tmpdir(), 'clinical-lint-eval-replay');

/** The core of a commit, compiled into `<builds>/wt-<commit>` unless it is there already. */
function build(commit) {
  const dir = join(builds, `wt-${commit}`);
  if (existsSync(join(dir, 'out/server/src/core/lint.js'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${commit} | tar -x -C ${JSON.stringify(dir)}`, { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  try {
    execSync('npx tsc -p . --outDir out', { cwd: dir, stdio: 'ignore' });
  } catch {
    // Type errors in an old test file do not stop the core from being emitted.
  }
  return dir;
}
const thresholds = (process.argv[3] ?? `${SETTINGS.threshold}`).split(',').map(Number);
const current = loadArticles();
const records = sentenceRecords(current);
const key = (file) => file.replace(/^h?\d+-/, '');
const pooled = new Map();
const add = (name, c) => {
  const p = pooled.get(name) ?? { tp: 0, fp: 0, fn: 0 };
  for (const k of ['tp', 'fp', 'fn']) p[k] += c[k];
  pooled.set(name, p);
};
for (const [k, commit] of SETS.entries()) {
  const dir = build(commit);
  const { lint } = require(join(dir, 'out/server/src/core/lint.js'));
  const files = readdirSync(join(dir, 'test/eval/articles')).filter((f) => f.startsWith('h'));
  const added = files.filter((f) => current.some((a) => key(a.file) === key(f)) && !readdirSync(join(dir, 'test/eval/articles')).some((g) => !g.startsWith('h') && key(g) === key(f)));
  const setFiles = new Set(added.map((f) => current.find((a) => key(a.file) === key(f)).file));
  // Only the files of this set: earlier sets had already joined the development articles.
  const model = train(records.filter((r) => !setFiles.has(r.file)));
  const counts = Object.fromEntries(thresholds.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const rulesOnly = { tp: 0, fp: 0, fn: 0 };
  const claimsThen = { tp: 0, fp: 0, fn: 0 };
  const claimsNow = { tp: 0, fp: 0, fn: 0 };
  for (const f of added) {
    const cur = current.find((a) => key(a.file) === key(f));
    const old = parseEvalFile(readFileSync(join(dir, 'test/eval/articles', f), 'utf8'));
    const { article, findings } = lint(old.text, { kind: f.endsWith('.md') ? 'markdown' : 'plaintext' });
    const { labelled } = labelSentences({ ...old, file: f }, article.sentences);
    const recs = records.filter((r) => r.file === cur.file);
    for (const s of article.sentences) {
      const label = labelled.get(s);
      const expected = label ? label.rules : [];
      const rules = new Set(findings.filter((x) => x.start >= s.start && x.start < s.end).map((x) => x.ruleId));
      const rec = recs.find((r) => norm(r.text) === norm(s.text));
      // Askable now: uncovered, not a question or instruction, and no claim finding then.
      const askable = rec && rec.open && !rules.has('unsupported-claim') && !rules.has('missing-citation');
      const e = expected.includes('missing-citation');
      if (process.env.DEBUG && e && !rules.has('missing-citation')) console.log(`  FN ${rec ? (rec.open ? probability(model, rec.features).toFixed(2) : 'closed') : 'no record'} ${norm(s.text)}`);
      if (process.env.DEBUG && !e && askable && probability(model, rec.features) >= 0.7) console.log(`  FP ${probability(model, rec.features).toFixed(2)} ${norm(s.text)}`);
      const tally = (c, g) => {
        if (e && g) c.tp++;
        else if (g) c.fp++;
        else if (e) c.fn++;
      };
      tally(rulesOnly, rules.has('missing-citation'));
      // unsupported-claim: the rules of the time, and with the structural claims where they found none.
      const ue = expected.includes('unsupported-claim');
      const utally = (c, g) => {
        if (ue && g) c.tp++;
        else if (g) c.fp++;
        else if (ue) c.fn++;
      };
      utally(claimsThen, rules.has('unsupported-claim'));
      utally(claimsNow, rules.has('unsupported-claim') || (!s.markers.length && structuralClaims(s.text).length > 0));
      for (const t of thresholds) tally(counts[t], rules.has('missing-citation') || (askable && probability(model, rec.features) >= t));
    }
  }
  const line = (c) => `${c.tp}/${c.fp}/${c.fn}`;
  console.log(`set ${k + 1} (${[...setFiles].join(', ')}): rules then ${line(rulesOnly)}; with the model ${thresholds.map((t) => `${t}: ${line(counts[t])}`).join('  ')}`);
  add('rules', rulesOnly);
  add('claims: rules', claimsThen);
  add('claims: with structure', claimsNow);
  for (const t of thresholds) add(`model ${t}`, counts[t]);
}
console.log('\npooled                      TP   FP   FN   precision recall F1');
for (const [name, c] of pooled) {
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  console.log(`${name.padEnd(26)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${p.toFixed(3)}  ${r.toFixed(3)}  ${((2 * p * r) / (p + r)).toFixed(3)}`);
}
