import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnosticsFor, open, startServer } from '../protocol/lspClient';

/**
 * Security: clinical-lint never touches the network, and never runs code from the workspace
 * (its configuration is data). Checked on the bundles that ship (`dist/`, built by `npm test`'s
 * build step) and by running them with every network module replaced by one that throws.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = path.join(ROOT, 'test/fixtures/sample.txt');

const NETWORK = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici'];

/** Node modules a bundle requires at run time (everything else is bundled in). */
function requiredModules(file: string): Set<string> {
  const src = fs.readFileSync(file, 'utf8');
  return new Set([...src.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1].replace(/^node:/, '')));
}

/** A preload that makes every network entry point throw. */
function networkStub(dir: string): string {
  const file = path.join(dir, 'no-network.cjs');
  fs.writeFileSync(
    file,
    `const deny = (what) => () => { throw new Error('network access attempted: ' + what); };
for (const m of ${JSON.stringify(NETWORK.filter((m) => m !== 'undici'))}) {
  const mod = require(m);
  for (const k of Object.keys(mod)) if (typeof mod[k] === 'function' && /^(request|get|connect|createConnection|createServer|createSocket|lookup|resolve\\w*)$/.test(k)) mod[k] = deny(m + '.' + k);
}
globalThis.fetch = deny('fetch');
globalThis.WebSocket = deny('WebSocket');
`,
  );
  return file;
}

describe('security: no network, no code from the workspace', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-security-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the CLI bundle requires no network module', () => {
    const mods = requiredModules(path.join(ROOT, 'dist/cli.js'));
    for (const m of NETWORK) assert.ok(!mods.has(m), `dist/cli.js requires ${m}`);
    assert.ok(!mods.has('child_process'), 'dist/cli.js requires child_process');
  });

  it('the server bundle requires net only for the LSP transport (pipes and sockets of vscode-languageserver)', () => {
    const file = path.join(ROOT, 'dist/server.js');
    const mods = requiredModules(file);
    for (const m of NETWORK.filter((x) => x !== 'net')) assert.ok(!mods.has(m), `dist/server.js requires ${m}`);
    // Every require of net sits in vscode-jsonrpc / vscode-languageserver code.
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/require\("(?:node:)?net"\)/g)) {
      const before = src.slice(0, m.index);
      const origin = before.slice(before.lastIndexOf('\n// node_modules/'));
      assert.match(origin, /^\n\/\/ node_modules\/vscode-(?:jsonrpc|languageserver)\//, `net required outside the LSP transport: ${origin.slice(0, 80)}`);
    }
    for (const bundle of ['dist/cli.js', 'dist/server.js']) {
      const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
      assert.ok(!/\bfetch\(|new WebSocket\(|XMLHttpRequest/.test(text), `${bundle} holds a network call`);
    }
  });

  it('the CLI lints with every network module throwing', () => {
    const r = spawnSync(process.execPath, ['-r', networkStub(dir), path.join(ROOT, 'dist/cli.js'), '--format', 'json', SAMPLE], { encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.ok(JSON.parse(r.stdout).files[0].diagnostics.length > 0);
    assert.doesNotMatch(r.stderr, /network access attempted/);
  });

  it('the server answers over stdio with every network module throwing', async () => {
    const wrapper = path.join(dir, 'server-without-network.cjs');
    fs.writeFileSync(wrapper, `require(${JSON.stringify(networkStub(dir))});\nrequire(${JSON.stringify(path.join(ROOT, 'dist/server.js'))});\n`);
    const server = await startServer({}, undefined, true, wrapper);
    try {
      const uri = 'file:///virtual/sample.txt';
      open(server, uri, fs.readFileSync(SAMPLE, 'utf8'));
      assert.ok((await diagnosticsFor(server, uri)).length > 0);
      assert.doesNotMatch(server.stderr.join(''), /network access attempted/);
    } finally {
      await server.stop();
    }
  });

  it('a configuration file is data: code in it is never run, and .js configuration is never read', () => {
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    const marker = path.join(ws, 'pwned');
    fs.writeFileSync(path.join(ws, '.clinical-lint.json'), `{ "jurisdiction": require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }`);
    fs.writeFileSync(path.join(ws, '.clinical-lint.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = {};`);
    fs.writeFileSync(path.join(ws, 'a.md'), 'Ketamine is a guaranteed cure.\n');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'a.md'], { cwd: ws, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /invalid configuration/);
    assert.equal(fs.existsSync(marker), false);
    fs.writeFileSync(path.join(ws, '.clinical-lint.json'), '{ "jurisdiction": "US" }');
    const ok = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'a.md'], { cwd: ws, encoding: 'utf8' });
    assert.ok(ok.status === 0 || ok.status === 1, ok.stderr);
    assert.equal(fs.existsSync(marker), false);
  });
});
