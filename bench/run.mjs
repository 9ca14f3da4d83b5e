// `npm run bench`: generates the corpus (bench/corpus.mjs) and prints every figure against its
// target. Times are medians of repeated runs; this machine is shared, so quote ratios too.
//   node bench/run.mjs [--quick] [--only NAME,...]
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { generate, CORPUS } from './corpus.mjs';
import { startServer } from './lsp.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1].split(',') : undefined;
const want = (name) => !only || only.includes(name);

const MB = 1024 * 1024;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = [];
let failures = 0;
function report(name, value, unit, target, ok, extra = '') {
  if (!ok) failures++;
  const line = `${ok ? 'PASS' : 'MISS'}  ${name.padEnd(46)} ${`${value} ${unit}`.padEnd(16)} target ${target}${extra ? `   (${extra})` : ''}`;
  rows.push(line);
  console.log(line);
}

const files = generate();
const dirSize = (d) => readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);
if (!statSync(join(root, 'dist', 'cli.js'), { throwIfNoEntry: false })) spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

/** The core, bundled as the server bundles it, for in-process figures. */
async function loadCore() {
  const out = join(CORPUS, 'core.cjs');
  mkdirSync(CORPUS, { recursive: true });
  await esbuild.build({
    stdin: { contents: "export { lint } from './server/src/core/lint'; export { parseArticle } from './server/src/core/article/parse'; export { renumber } from './server/src/core/features/renumber';", resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning', mainFields: ['module', 'main'],
    define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: "var __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  return createRequire(import.meta.url)(out);
}

// --- 1. warm in-process lint of the sample ------------------------------------------------
if (want('warm')) {
  const core = await loadCore();
  const sample = readFileSync(files.sample, 'utf8');
  for (let i = 0; i < 200; i++) core.lint(sample, { kind: 'plaintext' });
  // As the server lints for diagnostics (every rule; the fixes are computed when a code action
  // asks for them, lsp/analysis.ts), and with every finding's fixes, alternating so that both
  // see the same machine.
  const times = [];
  const withFixes = [];
  for (let i = 0; i < (quick ? 200 : 1000); i++) {
    let t0 = performance.now();
    core.lint(sample, { kind: 'plaintext', fixes: false });
    times.push(performance.now() - t0);
    t0 = performance.now();
    core.lint(sample, { kind: 'plaintext' });
    withFixes.push(performance.now() - t0);
  }
  const m = median(times);
  report('warm lint of the sample, all rules (median)', m.toFixed(3), 'ms', '<= 2 ms', m <= 2, `${core.lint(sample, { kind: 'plaintext', fixes: false }).findings.length} findings, as the server publishes diagnostics`);
  const mf = median(withFixes);
  report('  the same with every finding\'s fixes', mf.toFixed(3), 'ms', 'info', true, 'what a code action over the whole document computes');
  // The 500 small files in this process, warm, as the CLI reports them (no fixes): what the CLI
  // run costs beyond starting, reading, warming up and writing.
  const small = readdirSync(files.smallDir).sort().map((f) => ({ text: readFileSync(join(files.smallDir, f), 'utf8'), kind: f.endsWith('.md') ? 'markdown' : 'plaintext' }));
  const round = () => {
    const t0 = performance.now();
    for (const x of small) core.lint(x.text, { kind: x.kind, fixes: false });
    return performance.now() - t0;
  };
  for (let i = 0; i < 2; i++) round();
  const rounds = Array.from({ length: quick ? 3 : 7 }, round);
  const r = median(rounds);
  report('warm lint of the 500 small files, per file', (r / small.length).toFixed(2), 'ms', 'info', true, `median of ${rounds.length} rounds, ${(dirSize(files.smallDir) / MB / (r / 1000)).toFixed(1)} MB/s on one thread`);
}

// --- 2. CLI whole process -------------------------------------------------------------------
function cli(target, runs) {
  const times = [];
  const mems = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'dist', 'cli.js'), '--format', 'json', target], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push((performance.now() - t0) / 1000);
    if (r.status !== 0 && r.status !== 1) throw new Error(`cli failed on ${target}: ${r.stderr}`);
    mems.push(Number(r.stderr.trim().split('\n').pop()) / 1024);
  }
  return { s: median(times), mib: Math.max(...mems) };
}
const cliResults = {};
if (want('cli')) {
  const items = [
    ['sample', files.sample, statSync(files.sample).size, quick ? 3 : 7],
    ['1 MB article', files.oneMb, statSync(files.oneMb).size, quick ? 3 : 5],
    ['10 MB article', files.tenMb, statSync(files.tenMb).size, quick ? 1 : 3],
    ['500 files', files.smallDir, dirSize(files.smallDir), quick ? 1 : 3],
  ];
  for (const [name, target, bytes, runs] of items) {
    const r = cli(target, runs);
    cliResults[name] = r;
    const mbs = bytes / MB / r.s;
    const fig = `${(r.s * 1000).toFixed(0)} ms, ${mbs.toFixed(1)} MB/s, ${r.mib.toFixed(0)} MiB peak`;
    if (name === '10 MB article') {
      report('CLI 10 MB: throughput', mbs.toFixed(1), 'MB/s', '>= 20 MB/s', mbs >= 20, fig);
      report('CLI 10 MB: peak memory', r.mib.toFixed(0), 'MiB', '<= 200 MiB', r.mib <= 200);
    } else if (name === '500 files') {
      report(`CLI 500 files (${(bytes / MB).toFixed(1)} MB): throughput`, mbs.toFixed(1), 'MB/s', '>= 15 MB/s', mbs >= 15, fig);
    } else {
      report(`CLI ${name}: whole process`, (r.s * 1000).toFixed(0), 'ms', 'info', true, fig);
    }
  }
  const ratio = cliResults['10 MB article'].s / cliResults['1 MB article'].s;
  report('CLI time 10 MB / time 1 MB', ratio.toFixed(2), 'x', '<= 12x', ratio <= 12);
}

// --- 3. server spawn to first diagnostics -------------------------------------------------
if (want('spawn')) {
  const sample = readFileSync(files.sample, 'utf8');
  const spawnToDiagnostics = async (runs, env, inherit) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const s = startServer({}, env, inherit);
      const uri = 'file:///bench/sample.txt';
      const got = s.diagnostics(uri);
      await s.initialize();
      s.open(uri, sample, 'plaintext');
      const { at } = await got;
      times.push(at - s.spawnedAt);
      await s.stop();
    }
    return median(times);
  };
  const m = await spawnToDiagnostics(quick ? 3 : 9);
  report('server spawn to first diagnostics (sample)', m.toFixed(0), 'ms', '<= 200 ms', m <= 200);
  // The first start after an install or update has no code cache yet (server/src/node/launcher.ts).
  const cold = await spawnToDiagnostics(quick ? 3 : 5, { CLINICAL_LINT_NO_CACHE: '1' });
  report('  the same without the code cache (first start)', cold.toFixed(0), 'ms', 'info', true);
  // Started as the VS Code client starts it (without NODE_EXTRA_CA_CERTS: server/src/shared/serverEnvironment.ts);
  // an editor that passes its environment on, where that names a certificate bundle, adds Node's reading of it.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const inherited = await spawnToDiagnostics(quick ? 3 : 5, {}, true);
    report('  the same with NODE_EXTRA_CA_CERTS, as set here', inherited.toFixed(0), 'ms', 'info', true, 'an editor that passes its environment on (README: other editors)');
  }
}

// --- 4. one-character didChange on 1 MB -----------------------------------------------------
if (want('edit')) {
  const text = readFileSync(files.oneMb, 'utf8');
  const s = startServer();
  await s.initialize();
  const uri = 'file:///bench/article-1mb.md';
  let got = s.diagnostics(uri, 1);
  let t0 = performance.now();
  s.open(uri, text, 'markdown');
  const first = await got;
  const openMs = first.at - t0;
  const lines = text.split('\n');
  const times = [];
  const serverTimes = [];
  let version = 1;
  const edits = quick ? 10 : 30;
  for (let i = 0; i < edits; i++) {
    // Type one character in the middle of a prose line somewhere in the document.
    let line = Math.floor(((i * 7919) % lines.length));
    while (lines[line].length < 40 || lines[line].startsWith('#')) line = (line + 1) % lines.length;
    const ch = Math.floor(lines[line].length / 2);
    version++;
    got = s.diagnostics(uri, version);
    const logsBefore = s.logs.length;
    t0 = performance.now();
    s.change(uri, version, [{ range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'x' }]);
    const r = await got;
    times.push(r.at - t0);
    const log = s.logs.slice(logsBefore).map((l) => /([\d.]+) ms after the change arrived/.exec(l)).find(Boolean);
    if (log) serverTimes.push(Number(log[1]));
  }
  // A code action at a missing-citation finding (its cite fixes rank the article's references).
  const finding = (await (async () => {
    version++;
    const g = s.diagnostics(uri, version);
    s.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    return (await g).diagnostics;
  })()).find((d) => d.code === 'missing-citation');
  const actionTimes = [];
  let cites = 0;
  if (finding) {
    for (let i = 0; i < (quick ? 3 : 5); i++) {
      const t1 = performance.now();
      const actions = await s.request('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
      actionTimes.push(performance.now() - t1);
      cites = actions.filter((x) => /^Cite /.test(x.title)).length;
    }
  }
  await s.stop();
  // The target is the server's work: from the change arriving (applied to the server's copy of
  // the document) to the diagnostics written to the client, measured by the server's clock.
  // The round trip adds the transport and this client's parsing of some 250 KB of diagnostics.
  const m = median(serverTimes);
  const rt = median(times);
  report('1 MB: first analysis after didOpen', openMs.toFixed(0), 'ms', 'info', true);
  if (actionTimes.length) report('1 MB: code action at a missing-citation finding', median(actionTimes).toFixed(0), 'ms', 'info', cites > 0, `round trip, median of ${actionTimes.length}; first ${actionTimes[0].toFixed(0)} ms; ${cites} cite fixes offered`);
  report('1 MB: one-character didChange to diagnostics', serverTimes.length ? m.toFixed(1) : '?', 'ms', '<= 30 ms', serverTimes.length === edits && m <= 30, `server work, debounce 0, median of ${edits}; round trip as this client sees it: median ${rt.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
}

// --- 5. renumbering a 1 MB article (the citation-order quick fix and command) -----------------
if (want('renumber')) {
  const core = await loadCore();
  // The sample's body 170 times over, its first citation put out of order: 1,363 markers to rewrite.
  const sample = readFileSync(files.sample, 'utf8');
  const body = sample.slice(0, sample.indexOf('\nReferences')).replace('¹²', '³ ¹²');
  const text = Array.from({ length: 170 }, () => body).join('\n\n') + sample.slice(sample.indexOf('\nReferences'));
  const article = core.parseArticle(text, 'plaintext');
  const times = [];
  let edits = 0;
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t0 = performance.now();
    const r = core.renumber(article);
    times.push(performance.now() - t0);
    if ('error' in r) throw new Error(`renumber refused the bench article: ${r.error}`);
    edits = r.edits.length;
  }
  const m = median(times);
  report(`renumber references, ${(text.length / MB).toFixed(1)} MB article`, m.toFixed(0), 'ms', 'info', true, `${edits} edits, computed and verified by re-parsing`);
}

// --- 6. pathological inputs: no input may stall analysis -----------------------------------
if (want('pathological')) {
  const core = await loadCore();
  const cases = [
    ['100,000 unclosed <!-- (plain text)', 'plaintext', `Title\n\n${'<!-- '.repeat(100_000)}\n\nStudies show 70%.¹²\n`],
    ['100,000 unclosed <!-- (Markdown)', 'markdown', `# Title\n\nStudies show 70%.[1]\n\n${'<!-- '.repeat(100_000)}\n`],
    ['1 MB single sentence, no full stop', 'plaintext', `${'studies show ketamine cures depression and '.repeat(24_000)}¹\n`],
    ['1 MB sentence of "your ..." and no "will"', 'plaintext', `${'your skin glows and '.repeat(52_000)}fine.\n`],
    ['1 MB paragraph of 36,000 sentences, each a drug and a condition', 'plaintext', `${'Ketamine treats depression. '.repeat(36_000)}¹\n`],
    ['100,000 markers', 'markdown', `# Title\n\n${'Studies show it helps.[1] '.repeat(100_000)}\n\n## References\n\n1. Smith A. A trial. J Test. 2020;1:1-9.\n`],
    ['lists nested 1,000 deep', 'markdown', `# Title\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- Studies show item ${i} works.`).join('\n')}\n`],
    ['5,000 reference entries, every one cited', 'markdown', `# Title\n\n${Array.from({ length: 5000 }, (_, i) => `Finding ${i + 1} was reported.[${i + 1}]`).join('\n\n')}\n\n## References\n\n${Array.from({ length: 5000 }, (_, i) => `${i + 1}. Author${i} A. A study of topic ${i} in cohort ${i * 7}. J Test. 2020;${i}:1-9.`).join('\n')}\n`],
    ['5,000 reference entries of one DOI', 'markdown', `# Title\n\nStudies show it works.[1]\n\n## References\n\n${Array.from({ length: 5000 }, (_, i) => `${i + 1}. Author${i} A. Report ${i}. J Test. 2020;1:1-9. doi:10.1000/same.1`).join('\n')}\n`],
  ];
  for (const [name, kind, text] of cases) {
    const times = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const t0 = performance.now();
      core.lint(text, { kind });
      times.push(performance.now() - t0);
    }
    const m = median(times);
    report(`pathological: ${name}`, m.toFixed(0), 'ms', '<= 1000 ms', m <= 1000, `${(text.length / 1024).toFixed(0)} KB`);
  }
}

writeFileSync(join(CORPUS, 'last-run.txt'), `${new Date().toISOString()}\n${rows.join('\n')}\n`);
console.log(`\n${failures === 0 ? 'all targets met' : `${failures} target(s) missed`}`);
