import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Diagnostic } from 'vscode-languageserver';
import { lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { bigArticle, SAMPLE } from '../support/articles';
import { diagnosticsFor, open, ROOT, startServer, type TestServer, waitFor } from './lspClient';

/** The diagnostics the core gives for a text, as (code, range, message) keys, sorted. */
function expected(text: string, kind: 'markdown' | 'plaintext'): string[] {
  const index = new LineIndex(text);
  return lint(text, { kind })
    .findings.map((f) => `${f.ruleId} ${JSON.stringify([index.positionAt(f.start), index.positionAt(f.end)])} ${f.message}`)
    .sort();
}
const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const keys = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.code} ${JSON.stringify([d.range.start, d.range.end])} ${message(d)}`).sort();

describe('server: incremental analysis over the protocol', () => {
  let server: TestServer;
  const uri = 'file:///virtual/big-article.md';
  let text = bigArticle();
  let version = 1;
  before(async () => {
    server = await startServer({ debounceMs: 0 }, { debounceMs: 0 });
    open(server, uri, text, 'markdown', version);
    await diagnosticsFor(server, uri, version);
  });
  after(async () => server.stop());

  const edit = async (at: number, remove: number, insert: string): Promise<Diagnostic[]> => {
    const index = new LineIndex(text);
    const range = { start: index.positionAt(at), end: index.positionAt(at + remove) };
    text = text.slice(0, at) + insert + text.slice(at + remove);
    version++;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
    return diagnosticsFor(server, uri, version);
  };

  it('after each edit, publishes exactly what a full analysis of the new text gives', async () => {
    const mid = (): number => text.indexOf('Ketamine works differently', text.indexOf('## Section 20'));
    const cases: (() => [number, number, string])[] = [
      () => [mid(), 0, 'x'], // one character in a paragraph
      () => [mid(), 0, '\n\n'], // a paragraph split in two
      () => [mid() - 3, 3, ''], // characters removed (the split joined again)
      () => [text.indexOf('## Section 5'), 0, '```\n'], // an unclosed fence swallows the rest
      () => [text.indexOf('```\n'), 4, ''], // and goes again
      () => [text.indexOf('## References'), 0, 'Ketamine is a guaranteed cure.⁹⁹\n\n'], // a finding and an unresolved marker
      () => [0, 0, '---\njurisdiction: US\n---\n\n'], // front matter
    ];
    for (const c of cases) {
      const [at, remove, insert] = c();
      assert.ok(at >= 0);
      const got = await edit(at, remove, insert);
      assert.deepEqual(keys(got), expected(text, 'markdown'), `after inserting ${JSON.stringify(insert)} at ${at}`);
    }
  });

  it('a burst of edits ends with the diagnostics of the last version, versions never going back', async () => {
    const seen: number[] = [];
    server.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      server.diagnostics.set(p.uri, p as never);
      if (p.uri === uri && p.version !== undefined) seen.push(p.version);
    });
    const at = text.indexOf('Ketamine works differently', text.indexOf('## Section 30'));
    for (let i = 0; i < 15; i++) {
      const index = new LineIndex(text);
      const pos = index.positionAt(at + i);
      text = `${text.slice(0, at + i)}y${text.slice(at + i)}`;
      version++;
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: 'y' }] });
    }
    const last = await diagnosticsFor(server, uri, version);
    assert.deepEqual(keys(last), expected(text, 'markdown'));
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], `published v${seen[i]} after v${seen[i - 1]}`);
  });
});

describe('server: every publication is the analysis of the version it names', () => {
  it('while the author types at any pace, each publication matches the text of its version', async () => {
    // Edits arrive 0 to 40 ms apart, so some land while an earlier version is being analysed;
    // each inserts a line at the top, so a publication computed for an older text but labelled
    // with a newer version has every range one line off.
    const server = await startServer({ debounceMs: 10 });
    try {
      const uri = 'file:///virtual/typing.txt';
      const texts = new Map<number, string>();
      const published: { version: number; diagnostics: Diagnostic[] }[] = [];
      server.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
        server.diagnostics.set(p.uri, p as never);
        if (p.uri === uri && p.version !== undefined) published.push({ version: p.version, diagnostics: p.diagnostics });
      });
      let text = SAMPLE;
      let version = 1;
      texts.set(version, text);
      open(server, uri, text, 'plaintext', version);
      await diagnosticsFor(server, uri, version);
      const gaps = [0, 3, 7, 12, 18, 25, 33, 40, 1, 9, 15, 22, 30, 5, 11, 17, 27, 2, 36, 14];
      for (const gap of gaps) {
        const typedAt = Date.now();
        await waitFor('the next keystroke', () => Date.now() - typedAt >= gap);
        text = `x\n${text}`;
        version++;
        texts.set(version, text);
        server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\n' }] });
      }
      await diagnosticsFor(server, uri, version);
      assert.ok(published.length >= 2);
      for (const p of published) assert.deepEqual(keys(p.diagnostics), expected(texts.get(p.version)!, 'plaintext'), `the publication labelled v${p.version}`);
    } finally {
      await server.stop();
    }
  });
});

describe('server: never blocks, never crashes', () => {
  it('a document over clinicalLint.maxFileSizeKiB gets one information message', async () => {
    const server = await startServer({ maxFileSizeKiB: 64 });
    try {
      const uri = 'file:///virtual/huge.md';
      open(server, uri, 'Ketamine is a guaranteed cure. '.repeat(4000));
      const ds = await diagnosticsFor(server, uri);
      assert.equal(ds.length, 1);
      assert.equal(ds[0].code, 'file-too-large');
      assert.equal(ds[0].severity, 3);
      assert.match(message(ds[0]), /maxFileSizeKiB/);
    } finally {
      await server.stop();
    }
  });

  it('after shutdown, refuses requests with InvalidRequest and publishes nothing more; exit ends the process with 0', async () => {
    const server = await startServer();
    const uri = 'file:///virtual/shutdown.md';
    open(server, uri, 'Ketamine is a guaranteed cure.\n');
    await diagnosticsFor(server, uri);
    await server.connection.sendRequest('shutdown');
    const published = server.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'Ketamine is 100% safe.\n' }] });
    await assert.rejects(server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }), (e: { code?: number }) => e.code === -32600);
    await assert.rejects(server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), (e: { code?: number }) => e.code === -32600);
    assert.equal(server.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length, published, 'no publication after shutdown');
    server.connection.sendNotification('exit');
    await waitFor('the process to exit', () => server.process.exitCode !== null);
    assert.equal(server.process.exitCode, 0);
    server.connection.dispose();
  });

  it('malformed parameters get InvalidParams, not an answer for another place or an internal error', async () => {
    const server = await startServer();
    try {
      const uri = 'file:///virtual/params.txt';
      open(server, uri, SAMPLE);
      await diagnosticsFor(server, uri);
      const invalid = (e: { code?: number }): boolean => e.code === -32602;
      await assert.rejects(server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2 } }), invalid);
      await assert.rejects(server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 'two', character: 1 } }), invalid);
      await assert.rejects(server.connection.sendRequest('textDocument/definition', { textDocument: {}, position: { line: 0, character: 0 } }), invalid);
      await assert.rejects(server.connection.sendRequest('clinicalLint/citationEdit', { uri, version: 1, position: { line: 0 } }), invalid);
      await assert.rejects(server.connection.sendRequest('clinicalLint/references', null), invalid);
      await assert.rejects(server.connection.sendRequest('workspace/executeCommand', { command: 'clinicalLint.renumberReferences', arguments: { uri } }), invalid);
      await assert.rejects(server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 } }, context: { diagnostics: [] } }), invalid);
      // A context missing or of the wrong shape was an InternalError (reading a property of undefined).
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } };
      await assert.rejects(server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range }), invalid);
      await assert.rejects(server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: 'all' } }), invalid);
      await assert.rejects(server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [{ source: 'clinical-lint', code: 'safe-messaging' }] } }), invalid);
      await assert.rejects(server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: 'quickfix' } }), invalid);
      await assert.rejects(server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 0 } }), invalid);
      // And the server still answers well-formed requests.
      const ok = await server.connection.sendRequest('clinicalLint/references', { uri });
      assert.ok(Array.isArray(ok) && ok.length === 9);
    } finally {
      await server.stop();
    }
  });

  it('binary content is skipped with a reason, no findings', async () => {
    const server = await startServer({ plaintext: 'always' });
    try {
      const uri = 'file:///virtual/image.txt';
      open(server, uri, 'PNG\u0000\u0001\u0002 ketamine is a guaranteed cure');
      assert.deepEqual(await diagnosticsFor(server, uri), []);
      const status = await waitFor('status', () => server.notifications.find((n) => (n.params as { uri?: string; skipped?: string })?.uri === uri && (n.params as { skipped?: string }).skipped));
      assert.match((status.params as { skipped: string }).skipped, /binary/);
    } finally {
      await server.stop();
    }
  });

  it('survives an exception in a rule: internal-error names it, the other rules still run, the server still answers', async () => {
    const script = path.join(ROOT, 'out', 'test', 'protocol', 'failing-server.js');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'test/protocol/support/failing-server.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: script,
      logLevel: 'warning',
      mainFields: ['module', 'main'],
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "var __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    });
    const server = await startServer({}, undefined, true, script);
    try {
      const uri = 'file:///virtual/sample.txt';
      open(server, uri, SAMPLE);
      const ds = await diagnosticsFor(server, uri);
      const internal = ds.filter((d) => d.code === 'internal-error');
      assert.equal(internal.length, 1);
      assert.match(message(internal[0]), /unresolved-citation.*simulated failure/);
      assert.ok(ds.some((d) => d.code === 'safe-messaging'), 'the other rules ran');
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${SAMPLE}\nMore.` }] });
      assert.ok((await diagnosticsFor(server, uri, 2)).some((d) => d.code === 'internal-error'));
      const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 0 } });
      assert.ok(hover === null || typeof hover === 'object');
      assert.equal(server.process.exitCode, null);
    } finally {
      await server.stop();
    }
  });
});

describe('server: each version is linted once', () => {
  it('an opened document is linted once, not once for the open and again for the same version', async () => {
    const server = await startServer({ debounceMs: 20 });
    // A client slow to answer workspace/configuration (as editors are while starting): the open
    // and its change event then both wait for the same settings.
    server.connection.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
      await new Promise((r) => setTimeout(r, 100));
      return p.items.map(() => server.settings);
    });
    try {
      const uri = 'file:///virtual/once.txt';
      open(server, uri, SAMPLE);
      await diagnosticsFor(server, uri, 1);
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${SAMPLE}\nMore.` }] });
      await diagnosticsFor(server, uri, 2);
      // v2's lint comes after any second lint of v1 would have: the log is complete for v1 once
      // v2's line is in (it is written after v2's diagnostics, and may be read after them).
      const logLines = (): string[] => server.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      const logs = await waitFor('the log line of v2', () => (logLines().some((m) => m.startsWith(`linted ${uri} v2 `)) ? logLines() : undefined));
      assert.equal(logs.filter((m) => m.startsWith(`linted ${uri} v1 `)).length, 1, logs.join('\n'));
      assert.equal(logs.filter((m) => m.startsWith(`linted ${uri} v2 `)).length, 1, logs.join('\n'));
    } finally {
      await server.stop();
    }
  });
});

describe('server: a document that is not linted gets no fixes', () => {
  const fixAll = (server: TestServer, uri: string): Promise<unknown> =>
    server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.clinical-lint'] } });
  const quickFixes = (server: TestServer, uri: string): Promise<unknown> =>
    server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } }, context: { diagnostics: [] } });

  it('ignored by .clinical-lint.json: no fix-all (editor.codeActionsOnSave would rewrite it), no quick fixes, no hover', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-ignored-')));
    fs.writeFileSync(path.join(dir, '.clinical-lint.json'), '{"ignore":["vendor-notes.md"]}');
    const text = 'The patient committed suicide in 2019 [1].\n\n## References\n\n1. A A. One. J. 2001.\n';
    fs.writeFileSync(path.join(dir, 'vendor-notes.md'), text);
    const server = await startServer();
    try {
      const uri = pathToFileURL(path.join(dir, 'vendor-notes.md')).href;
      open(server, uri, text, 'markdown');
      assert.deepEqual(await diagnosticsFor(server, uri), []);
      assert.equal(await fixAll(server, uri), null);
      assert.equal(await quickFixes(server, uri), null);
      assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 39 } }), null);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('clinicalLint.enable false: no findings, no fixes, no status item', async () => {
    const server = await startServer({ enable: false });
    try {
      const uri = 'file:///virtual/disabled.md';
      open(server, uri, 'Ketamine is a guaranteed cure.[4]\n\n## References\n\n1. A A. One. J. 2001.\n', 'markdown');
      assert.deepEqual(await diagnosticsFor(server, uri), []);
      const status = await waitFor('status', () => server.notifications.find((n) => n.method === 'clinicalLint/status' && (n.params as { uri: string }).uri === uri));
      assert.equal((status.params as { quiet?: boolean }).quiet, true);
      assert.equal(await fixAll(server, uri), null);
      assert.equal(await quickFixes(server, uri), null);
    } finally {
      await server.stop();
    }
  });

  it('plain text that is not linted (clinicalLint.plaintext "never"): no fix-all, even before the debounced lint', async () => {
    const server = await startServer({ plaintext: 'never', debounceMs: 5000 });
    try {
      const uri = 'untitled:server.log';
      open(server, uri, 'job committed suicide watch entry\n', 'plaintext');
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'job committed suicide watch entry, again\n' }] });
      assert.equal(await fixAll(server, uri), null);
    } finally {
      await server.stop();
    }
  });
});

describe('server: the workspace file is looked for up to the workspace folder', () => {
  it('a .clinical-lint.json above the workspace folder does not apply (it silently did)', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-above-')));
    const folder = path.join(root, 'project');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(root, '.clinical-lint.json'), '{ "rules": { "unresolved-citation": "off" } }');
    const text = 'Ketamine helps.[4]\n\n## References\n\n1. A A. One. J. 2001.\n';
    fs.writeFileSync(path.join(folder, 'a.md'), text);
    const inFolder = await startServer({}, undefined, true, undefined, [pathToFileURL(folder).href]);
    const noFolder = await startServer();
    try {
      const uri = pathToFileURL(path.join(folder, 'a.md')).href;
      open(inFolder, uri, text, 'markdown');
      open(noFolder, uri, text, 'markdown');
      assert.ok((await diagnosticsFor(inFolder, uri)).some((d) => d.code === 'unresolved-citation'), 'the file above the folder is not read');
      assert.ok(!(await diagnosticsFor(noFolder, uri)).some((d) => d.code === 'unresolved-citation'), 'with no workspace folder it is, as the CLI reads it');
    } finally {
      await inFolder.stop();
      await noFolder.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('server: settings from initializationOptions', () => {
  it('a client that answers workspace/configuration with null keeps its initializationOptions (Neovim init_options)', async () => {
    const server = await startServer({}, { jurisdiction: 'US', debounceMs: 0 });
    try {
      (server as { settings: unknown }).settings = null;
      const uri = 'file:///virtual/init-options.md';
      open(server, uri, 'Ketamine is studied for suicidal thoughts.[1]\n\n## References\n\n1. A A. One. J. 2001.\n');
      const status = await waitFor('status', () => server.notifications.find((n) => n.method === 'clinicalLint/status' && (n.params as { uri: string }).uri === uri));
      assert.equal((status.params as { jurisdiction: string }).jurisdiction, 'US');
      // A client answering with some settings of its own: those win, the rest stay as initialised.
      (server as { settings: unknown }).settings = { citationScope: 'sentence', jurisdiction: null };
      server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      server.notifications.length = 0;
      const again = await waitFor('status after the change', () => server.notifications.find((n) => n.method === 'clinicalLint/status' && (n.params as { uri: string }).uri === uri));
      assert.equal((again.params as { jurisdiction: string }).jurisdiction, 'US');
    } finally {
      await server.stop();
    }
  });
});

describe('server: untrusted workspace', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-trust-'));
    const entry = { id: 'zorblax', category: 'hype', label: 'zorblax claim', phrases: ['zorblax'], severity: 'error', citable: false, hedgeable: false, basis: 'A test word.', source: ['A test source, 2026'], rewordings: ['something else'] };
    fs.writeFileSync(path.join(dir, '.clinical-lint.json'), JSON.stringify({ lexicon: [entry] }));
    fs.writeFileSync(path.join(dir, 'article.md'), 'Our zorblax works for everyone.\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const trusted of [true, false]) {
    it(`${trusted ? 'loads' : 'ignores'} the workspace lexicon when the workspace is ${trusted ? '' : 'not '}trusted`, async () => {
      const server = await startServer({ trusted });
      try {
        const uri = pathToFileURL(path.join(dir, 'article.md')).href;
        open(server, uri, fs.readFileSync(path.join(dir, 'article.md'), 'utf8'), 'markdown');
        const ds = await diagnosticsFor(server, uri);
        assert.equal(ds.some((d) => /zorblax/i.test(message(d))), trusted, JSON.stringify(ds.map(message)));
      } finally {
        await server.stop();
      }
    });
  }
});
