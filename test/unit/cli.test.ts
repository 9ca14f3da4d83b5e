import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'sample.txt');

function run(args: string[], cwd = ROOT): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tmp(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const BROKEN = 'Ketamine helps.[4]\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';

describe('CLI', () => {
  it('prints JSON in exactly the documented shape', () => {
    const dir = tmp({ 'a.md': BROKEN });
    const r = run(['--format', 'json', path.join(dir, 'a.md')]);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['files']);
    assert.equal(out.files.length, 1);
    assert.deepEqual(Object.keys(out.files[0]), ['path', 'diagnostics']);
    const d = out.files[0].diagnostics.find((x: { code: string }) => x.code === 'unresolved-citation');
    assert.deepEqual(d, {
      range: { start: { line: 0, character: 15 }, end: { line: 0, character: 18 } },
      severity: 1,
      code: 'unresolved-citation',
      source: 'clinical-lint',
      message: d.message,
    });
    assert.equal(r.status, 1, 'an error-severity finding exits 1');
  });

  it('exits 0 when no finding is an error, 1 when one is', () => {
    const dir = tmp({ 'a.md': BROKEN });
    assert.equal(run(['--rule', 'unresolved-citation=warning', path.join(dir, 'a.md')]).status, 0);
    assert.equal(run(['--rule', 'unresolved-citation=error', path.join(dir, 'a.md')]).status, 1);
    const r = run(['--format', 'json', SAMPLE]);
    const errors = JSON.parse(r.stdout).files[0].diagnostics.filter((d: { severity: number }) => d.severity === 1);
    assert.equal(r.status, errors.length ? 1 : 0);
  });

  it('exits 2 on usage errors with a message', () => {
    for (const args of [['--format', 'xml', SAMPLE], ['--jurisdiction', 'FR', SAMPLE], [], ['--bogus', SAMPLE], ['no-such-file.md']]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /clinical-lint: /);
    }
  });

  it('exits 2 on a broken configuration file, naming its line and column', () => {
    const dir = tmp({ '.clinical-lint.json': '{\n  "jurisdiction": "CA",\n  "rules": { "unused-reference": "loud" }\n}\n', 'a.md': 'Hello.\n' });
    const r = run([path.join(dir, 'a.md')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.clinical-lint\.json:3:\d+: Severity of "unused-reference"/);
  });

  it('applies a configuration file found upwards from the file', () => {
    const dir = tmp({ '.clinical-lint.json': '{ "rules": { "unresolved-citation": "off" } }', 'sub/a.md': BROKEN });
    const r = run(['--format', 'json', path.join(dir, 'sub', 'a.md')]);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files[0].diagnostics.filter((d: { code: string }) => d.code === 'unresolved-citation').length, 0);
  });

  it('lints folders and globs, skipping plain-text files that are not articles', () => {
    const dir = tmp({ 'a.md': BROKEN, 'notes/b.markdown': BROKEN, 'log.txt': '[1] started\n[2] stopped\n', 'c.txt': BROKEN.replace('[4]', '¹²').replace('## References', 'References') });
    const folder = JSON.parse(run(['--format', 'json', dir]).stdout).files.map((f: { path: string }) => path.relative(dir, f.path)).sort();
    assert.deepEqual(folder, ['a.md', 'c.txt', path.join('notes', 'b.markdown')]);
    const glob = JSON.parse(run(['--format', 'json', `${dir}/**/*.markdown`]).stdout).files.map((f: { path: string }) => path.basename(f.path));
    assert.deepEqual(glob, ['b.markdown']);
  });

  it('reports positions without a BOM, as editors do', () => {
    const dir = tmp({ 'bom.md': `\uFEFF${BROKEN}`, 'plain.md': BROKEN });
    const out = JSON.parse(run(['--format', 'json', path.join(dir, 'bom.md'), path.join(dir, 'plain.md')]).stdout);
    assert.deepEqual(out.files[0].diagnostics, out.files[1].diagnostics);
  });

  it('skips binary and non-UTF-8 files with a message, and goes on', () => {
    const dir = tmp({ 'bin.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]), 'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'ok.md': BROKEN });
    const r = run([path.join(dir, 'bin.md'), path.join(dir, 'latin1.md'), path.join(dir, 'ok.md')]);
    assert.match(r.stdout, /skipped: binary content/);
    assert.match(r.stdout, /skipped: not valid UTF-8/);
    assert.match(r.stdout, /unresolved-citation/);
    assert.equal(r.status, 1);
  });

  it('--fix writes a file back with its BOM, and adds none to a file without', () => {
    const dir = tmp({ 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('He committed suicide in 2019.\n')]), 'plain.md': 'He committed suicide in 2019.\n' });
    run(['--fix', path.join(dir, 'bom.md'), path.join(dir, 'plain.md')]);
    assert.deepEqual([...fs.readFileSync(path.join(dir, 'bom.md')).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(fs.readFileSync(path.join(dir, 'bom.md'), 'utf8'), '\uFEFFHe died by suicide in 2019.\n');
    assert.equal(fs.readFileSync(path.join(dir, 'plain.md'), 'utf8'), 'He died by suicide in 2019.\n');
  });

  it('writes valid SARIF 2.1.0 with UTF-16 columns', () => {
    const dir = tmp({ 'a.md': `😀 ${BROKEN}` });
    const r = run(['--format', 'sarif', path.join(dir, 'a.md')]);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'clinical-lint');
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'unresolved-citation');
    assert.equal(ids[res.ruleIndex], 'unresolved-citation');
    assert.equal(res.level, 'error');
    assert.equal(typeof res.message.text, 'string');
    const region = res.locations[0].physicalLocation.region;
    // "😀 " is three UTF-16 code units: [4] starts at column 15 + 3 + 1.
    assert.deepEqual(region, { startLine: 1, startColumn: 19, endLine: 1, endColumn: 22 });
    assert.match(res.locations[0].physicalLocation.artifactLocation.uri, /a\.md$/);
  });

  it('SARIF locations and help are valid URIs: relative paths percent-encoded under %SRCROOT%, absolute ones file: URIs', () => {
    const dir = tmp({ 'with space.md': BROKEN, 'hash#1%20.md': BROKEN, 'sub dir/third.md': BROKEN });
    const r = spawnSync(process.execPath, [CLI, '--format', 'sarif', 'with space.md', 'hash#1%20.md', path.join(dir, 'sub dir', 'third.md')], { cwd: dir, encoding: 'utf8' });
    const run0 = JSON.parse(r.stdout).runs[0];
    const uris = [...new Set(run0.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }) => JSON.stringify(x.locations[0].physicalLocation.artifactLocation)))];
    assert.deepEqual(uris, [
      JSON.stringify({ uri: 'with%20space.md', uriBaseId: '%SRCROOT%' }),
      JSON.stringify({ uri: 'hash%231%2520.md', uriBaseId: '%SRCROOT%' }),
      JSON.stringify({ uri: pathToFileURL(path.join(dir, 'sub dir', 'third.md')).href }),
    ]);
    // Each resolves to the file it names.
    const base = run0.originalUriBaseIds['%SRCROOT%'].uri;
    assert.equal(fileURLToPath(new URL('hash%231%2520.md', base)), path.join(dir, 'hash#1%20.md'));
    for (const rule of run0.tool.driver.rules) {
      assert.match(rule.helpUri, /^file:\/\/\/.*\/docs\/rules\/[a-z-]+\.md$/);
      assert.ok(fs.existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
    }
  });

  it('usage errors: a flag given a value, a --rule with extra text, a configuration that is a folder', () => {
    const dir = tmp({ 'a.md': BROKEN });
    const before = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
    for (const args of [['--fix=no', 'a.md'], ['--list-suppressions=false', 'a.md'], ['--list-rules=1'], ['--rule', 'missing-citation=off=x', 'a.md'], ['--rule', 'missing-citation', 'a.md']]) {
      const r = run(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^clinical-lint: (--[a-z-]+ takes no value|severity of missing-citation must be)/, args.join(' '));
    }
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), before, '--fix=no changed nothing');
    fs.mkdirSync(path.join(dir, 'conf'));
    const r = run(['--config', 'conf', 'a.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^clinical-lint: invalid configuration: .*conf:1:1: Cannot read the configuration file: it is a folder, not a file\.\n$/);
    // A folder named .clinical-lint.json on the way up: the same message, no stack trace.
    fs.mkdirSync(path.join(dir, 'sub', '.clinical-lint.json'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), BROKEN);
    const up = run([path.join('sub', 'b.md')], dir);
    assert.equal(up.status, 2);
    assert.match(up.stderr, /Cannot read the configuration file: it is a folder/);
    assert.doesNotMatch(up.stderr, /internal error|\n\s+at /);
  });

  it('stops quietly when its reader closes the pipe (| head)', () => {
    // Far more output than a pipe holds, so the writes after `head` has gone fail.
    const articles = path.join(ROOT, 'test', 'eval', 'articles');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --format json "${articles}" | head -c 20`], { encoding: 'utf8', env: { ...process.env, CLINICAL_LINT_WORKERS: '0' } });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '{"files":[{"path":"/');
  });

  it('prints stylish output by default and lists rules', () => {
    const r = run([SAMPLE]);
    assert.match(r.stdout, /sample\.txt|No problems/);
    const rules = run(['--list-rules']);
    assert.equal(rules.status, 0);
    for (const id of ['unresolved-citation', 'unused-reference', 'citation-order', 'ambiguous-citation', 'duplicate-reference']) assert.match(rules.stdout, new RegExp(id));
  });
});

describe('the bundles in ASCII (scripts/build.mjs, server/src/node/launcher.ts)', () => {
  it('are written in ASCII, which the launcher reads as Latin-1', () => {
    for (const name of ['cli-bundle.js', 'server-bundle.js']) {
      const bytes = fs.readFileSync(path.join(ROOT, 'dist', name));
      assert.equal(bytes.findIndex((b) => b > 127), -1, name);
    }
  });

  it('a bundle that is not ASCII is read as UTF-8, with the same findings', () => {
    const dir = tmp({});
    fs.copyFileSync(CLI, path.join(dir, 'cli.js'));
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli-bundle.js'), 'utf8');
    // Read as Latin-1, the characters written here would be other characters, and the check throws.
    fs.writeFileSync(path.join(dir, 'cli-bundle.js'), `${bundle}\n;if ("\u00e9\u2019\u2605" !== "\\u00e9\\u2019\\u2605") throw new Error("the bundle was misread");\n`);
    const args = ['--format', 'json', SAMPLE];
    const env = { ...process.env, NO_COLOR: '1', CLINICAL_LINT_NO_CACHE: '1' };
    const copy = spawnSync(process.execPath, [path.join(dir, 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env });
    const shipped = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env });
    assert.equal(copy.stderr, '');
    assert.equal(copy.stdout.replace(/"path":"[^"]*"/g, ''), shipped.stdout.replace(/"path":"[^"]*"/g, ''));
    assert.ok(JSON.parse(copy.stdout).files[0].diagnostics.length > 0);
  });
});

describe('start-up code cache (dist/cli.js, dist/server.js)', () => {
  const runWith = (env: Record<string, string>): { status: number; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', SAMPLE], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CLINICAL_LINT_TRACE_CACHE: '1', ...env } });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };

  it('is written on the first run, accepted on the next, and changes nothing in the output', () => {
    const dir = tmp({});
    const first = runWith({ CLINICAL_LINT_CACHE_DIR: dir });
    assert.match(first.stderr, /code cache absent/);
    assert.match(first.stderr, /code cache written to /);
    const files = fs.readdirSync(path.join(dir, 'code-cache'));
    assert.equal(files.length, 1);
    assert.equal(fs.statSync(path.join(dir, 'code-cache', files[0])).mode & 0o077, 0, 'readable by its owner only');
    const second = runWith({ CLINICAL_LINT_CACHE_DIR: dir });
    assert.match(second.stderr, /code cache accepted/);
    assert.doesNotMatch(second.stderr, /written/);
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.status, first.status);
  });

  it('ignores a damaged cache and replaces it', () => {
    const dir = tmp({});
    runWith({ CLINICAL_LINT_CACHE_DIR: dir });
    const file = path.join(dir, 'code-cache', fs.readdirSync(path.join(dir, 'code-cache'))[0]);
    fs.writeFileSync(file, Buffer.from('not a code cache at all'));
    const r = runWith({ CLINICAL_LINT_CACHE_DIR: dir });
    assert.match(r.stderr, /code cache rejected/);
    assert.match(r.stderr, /written to /);
    assert.equal(r.stdout, runWith({ CLINICAL_LINT_NO_CACHE: '1' }).stdout);
    assert.match(runWith({ CLINICAL_LINT_CACHE_DIR: dir }).stderr, /accepted/);
  });

  it('keeps one file per installed copy and drops the files of its earlier builds', () => {
    const dir = tmp({});
    const cacheDir = path.join(dir, 'code-cache');
    runWith({ CLINICAL_LINT_CACHE_DIR: dir });
    const [mine] = fs.readdirSync(cacheDir);
    const place = mine.split('-')[2];
    // Another copy's cache, and an earlier build of this copy's.
    fs.writeFileSync(path.join(cacheDir, 'cli-bundle-00000000-1-2-3.v8cache'), 'x');
    fs.writeFileSync(path.join(cacheDir, `cli-bundle-${place}-1-2-3.v8cache`), 'x');
    fs.rmSync(path.join(cacheDir, mine));
    runWith({ CLINICAL_LINT_CACHE_DIR: dir });
    assert.deepEqual(fs.readdirSync(cacheDir).sort(), ['cli-bundle-00000000-1-2-3.v8cache', mine].sort());
  });

  it("drops another copy's cache unused for 30 days and a temporary file left by a write, and marks its own cache as used", () => {
    const dir = tmp({});
    const cacheDir = path.join(dir, 'code-cache');
    runWith({ CLINICAL_LINT_CACHE_DIR: dir });
    const [mine] = fs.readdirSync(cacheDir);
    const daysAgo = (file: string, days: number): void => {
      const t = (Date.now() - days * 24 * 60 * 60 * 1000) / 1000;
      fs.utimesSync(path.join(cacheDir, file), t, t);
    };
    // Used three days ago: this start marks it as used today.
    daysAgo(mine, 3);
    assert.match(runWith({ CLINICAL_LINT_CACHE_DIR: dir }).stderr, /code cache accepted/);
    assert.ok(Date.now() - fs.statSync(path.join(cacheDir, mine)).mtimeMs < 60 * 60 * 1000, 'marked as used');
    // An earlier version's copy, unused for 40 days; another copy used 10 days ago; a
    // temporary file of a write that stopped two days ago; a file that is not a cache.
    for (const f of ['cli-bundle-00000001-1-2-3.v8cache', 'server-bundle-00000002-1-2-3.v8cache', 'cli-bundle-00000003-1-2-3.v8cache', 'cli-bundle-00000004-1-2-3.v8cache.4242.tmp', 'notes.txt']) fs.writeFileSync(path.join(cacheDir, f), 'x');
    daysAgo('cli-bundle-00000001-1-2-3.v8cache', 40);
    daysAgo('server-bundle-00000002-1-2-3.v8cache', 40);
    daysAgo('cli-bundle-00000003-1-2-3.v8cache', 10);
    daysAgo('cli-bundle-00000004-1-2-3.v8cache.4242.tmp', 2);
    daysAgo('notes.txt', 40);
    // A new build of this copy writes its cache, and prunes.
    fs.rmSync(path.join(cacheDir, mine));
    assert.match(runWith({ CLINICAL_LINT_CACHE_DIR: dir }).stderr, /code cache written to /);
    assert.deepEqual(fs.readdirSync(cacheDir).sort(), ['cli-bundle-00000003-1-2-3.v8cache', mine, 'notes.txt'].sort());
  });

  describe('memory flags: on for large or unknown inputs only, with one cache for both', () => {
    const runOn = (args: string[], env: Record<string, string>): { status: number; stdout: string; stderr: string } => {
      const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', CLINICAL_LINT_TRACE_CACHE: '1', ...env } });
      return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    };
    // Prose of about 600 KB: over the launcher's 512 KiB.
    const big = 'The walk along the river took most of the afternoon, and the weather held. '.repeat(8000);

    it('are off for small files named one by one, on for a large file, a folder, a glob or stdin', () => {
      const dir = tmp({ 'a.md': BROKEN, 'b.md': BROKEN, 'big.md': big });
      const cache = { CLINICAL_LINT_CACHE_DIR: dir };
      assert.match(runOn([SAMPLE], cache).stderr, /memory flags off/);
      assert.match(runOn(['--jurisdiction', 'US', '--rule', 'citation-order=off', SAMPLE, path.join(dir, 'a.md'), path.join(dir, 'b.md')], cache).stderr, /memory flags off/);
      assert.match(runOn([path.join(dir, 'big.md')], cache).stderr, /memory flags on/);
      assert.match(runOn([dir], cache).stderr, /memory flags on/);
      assert.match(runOn([path.join(dir, '*.md')], cache).stderr, /memory flags on/);
      assert.match(runOn(['-'], cache).stderr, /memory flags on/);
    });

    it('a cache written by a run on a large input is accepted by a run on a small one, and the other way round', () => {
      const dir = tmp({ 'big.md': big });
      const large = runOn([path.join(dir, 'big.md')], { CLINICAL_LINT_CACHE_DIR: path.join(dir, 'one') });
      assert.match(large.stderr, /memory flags on/);
      assert.match(large.stderr, /code cache written to /);
      const small = runOn([SAMPLE], { CLINICAL_LINT_CACHE_DIR: path.join(dir, 'one') });
      assert.match(small.stderr, /code cache accepted/);
      assert.match(runOn([SAMPLE], { CLINICAL_LINT_CACHE_DIR: path.join(dir, 'other') }).stderr, /code cache written to /);
      const again = runOn([path.join(dir, 'big.md')], { CLINICAL_LINT_CACHE_DIR: path.join(dir, 'other') });
      assert.match(again.stderr, /code cache accepted/);
      assert.equal(again.stdout, large.stdout);
    });

    it("the lint workers follow the main thread's flags and accept its cache", () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 10; i++) files[`f${i}.md`] = BROKEN;
      const dir = tmp(files);
      const env = { CLINICAL_LINT_CACHE_DIR: tmp({}), CLINICAL_LINT_WORKERS: '1' };
      runOn([SAMPLE], env);
      const names = Object.keys(files).map((f) => path.join(dir, f));
      const small = runOn(names, env);
      assert.deepEqual(small.stderr.match(/code cache \w+|memory flags \w+/g), ['code cache accepted', 'memory flags off', 'code cache accepted', 'memory flags off']);
      const unknown = runOn([dir], env);
      assert.deepEqual(unknown.stderr.match(/code cache \w+|memory flags \w+/g), ['code cache accepted', 'memory flags on', 'code cache accepted', 'memory flags on']);
      assert.equal(unknown.stdout, runOn([dir], { ...env, CLINICAL_LINT_WORKERS: '0' }).stdout);
    });
  });

  it('runs without one where the directory cannot be written, or when turned off', () => {
    const dir = tmp({ 'file-not-dir': 'x' });
    const r = runWith({ CLINICAL_LINT_CACHE_DIR: path.join(dir, 'file-not-dir') });
    assert.match(r.stderr, /not written/);
    const off = runWith({ CLINICAL_LINT_NO_CACHE: '1' });
    assert.match(off.stderr, /code cache off/);
    assert.equal(r.stdout, off.stdout);
    assert.ok(JSON.parse(off.stdout).files.length === 1);
  });
});
