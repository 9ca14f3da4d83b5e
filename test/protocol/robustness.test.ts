import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticsFor, logs, open, ROOT, startServer, type TestServer, waitFor } from './lspClient';
import { bigArticle } from '../support/articles';
import { type RawServer, startRaw, stopRaw } from './rawClient';

/** What a client may get wrong, or do in an order the server did not expect, over stdio. */

const SAMPLE = fs.readFileSync(path.join(ROOT, 'test/fixtures/sample.txt'), 'utf8');
const PLAIN = 'Ketamine helps.[1]\n\n## References\n\n1. A A. One. J. 2001.\n';
const CLAIM = 'Ketamine is a guaranteed cure.[1]\n\n## References\n\n1. A A. One. J. 2001.\n';
const change = (server: TestServer, uri: string, version: number, text: string): void =>
  void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
const actionTitles = async (server: TestServer, uri: string): Promise<string[]> => {
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 30 } },
    context: { diagnostics: [], only: ['quickfix'] },
  })) as { title: string }[] | null;
  return (actions ?? []).map((a) => a.title);
};

describe('server: versions a client does not count', () => {
  it('a change under the version number of the open is linted, and code actions read its text', async () => {
    const server = await startServer();
    try {
      const uri = 'file:///virtual/same-version.md';
      open(server, uri, PLAIN, 'markdown', 1);
      assert.deepEqual(await diagnosticsFor(server, uri, 1), []);
      change(server, uri, 1, CLAIM);
      // It was taken for the open's own change event and dropped: no lint, and code actions
      // computed from the opened text.
      assert.ok((await actionTitles(server, uri)).some((t) => t.startsWith('Reword')));
      await waitFor('the new text\'s diagnostics', () => server.diagnostics.get(uri)?.diagnostics.some((d) => d.code === 'unsupported-claim'));
    } finally {
      await server.stop();
    }
  });

  it('a version going back to one already analysed, with other text: requests answer from the new text', async () => {
    // The debounced lint never runs during the test: only requests compute analyses.
    const server = await startServer({ debounceMs: 5000 });
    try {
      const uri = 'file:///virtual/backwards.md';
      open(server, uri, PLAIN, 'markdown', 1);
      assert.deepEqual(await diagnosticsFor(server, uri, 1), []);
      change(server, uri, 2, `${PLAIN}\nMore.\n`);
      change(server, uri, 1, CLAIM);
      assert.ok((await actionTitles(server, uri)).some((t) => t.startsWith('Reword')));
    } finally {
      await server.stop();
    }
  });
});

describe('server: cancellation', () => {
  it('requests cancelled before they run are answered RequestCancelled, not computed (each fix-all cost seconds on a large article)', async () => {
    const server = await startRaw();
    try {
      const uri = 'file:///virtual/cancel.txt';
      server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: SAMPLE } } });
      await waitFor('diagnostics', () => server.received.find((m) => m.method === 'textDocument/publishDiagnostics'));
      const fixAll = (id: number): Buffer =>
        server.frame({ jsonrpc: '2.0', id, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.clinical-lint'] } } });
      const cancel = (id: number): Buffer => server.frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
      const hover = server.frame({ jsonrpc: '2.0', id: 20, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 0 } } });
      // One write (under PIPE_BUF): the server reads the requests and their cancellations together.
      const ids = [10, 11, 12, 13, 14];
      const bytes = Buffer.concat([...ids.map(fixAll), ...ids.map(cancel), hover]);
      assert.ok(bytes.length < 4096);
      server.write(bytes);
      await server.response(20);
      for (const id of ids) assert.equal((await server.response(id)).error?.code, -32800, `request ${id}`);
      assert.equal(await stopRaw(server), 0);
    } finally {
      server.process.kill();
    }
  });
});

describe('server: cancelling work under way', () => {
  // About 3 MB, no two blocks the same: its first analysis takes a second or more, in steps the
  // server gives way between.
  const BIG = bigArticle(400, true);
  const SMALL = '# Small\n\nKetamine helps.\n';
  const openDoc = (server: RawServer, uri: string, text: string): void =>
    server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
  const replace = (server: RawServer, uri: string, version: number, text: string): void =>
    server.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text }] } });
  const hover = (id: number, uri: string): unknown => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 2, character: 3 } } });
  const publication = (server: RawServer, uri: string, version: number): boolean =>
    server.received.some((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string; version?: number }).uri === uri && (m.params as { version?: number }).version === version);
  const logged = (server: RawServer, start: string): boolean => server.logs().some((l) => l.startsWith(start));

  it('a request cancelled while its analysis runs is answered RequestCancelled long before the analysis would end, and the analysis stops', async () => {
    // The debounced lint never runs during the test: each hover computes its document's analysis.
    const server = await startRaw({ debounceMs: 600_000 });
    try {
      const cancelled = 'file:///virtual/cancelled.md';
      const reference = 'file:///virtual/not-cancelled.md';
      for (const uri of [cancelled, reference]) openDoc(server, uri, SMALL);
      await waitFor('the first diagnostics', () => publication(server, cancelled, 1) && publication(server, reference, 1));

      replace(server, cancelled, 2, BIG);
      const sent = performance.now();
      server.send(hover(10, cancelled));
      // Under way once the server logs it (a server that cannot give way answers instead).
      await waitFor('the analysis under way', () => logged(server, `analysing ${cancelled} v2`) || server.received.some((m) => m.id === 10));
      server.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 10 } });
      const answer = await server.response(10);
      const cancelledAfter = performance.now() - sent;
      assert.equal(answer.error?.code, -32800, JSON.stringify(answer).slice(0, 200));
      await waitFor('the analysis to stop', () => logged(server, `stopped analysing ${cancelled} v2`));

      // The same work, not cancelled (on code the first run warmed up: if anything, faster).
      replace(server, reference, 2, BIG);
      const sentAgain = performance.now();
      const full = await server.request(11, 'textDocument/hover', (hover(11, reference) as { params: unknown }).params);
      const fullAfter = performance.now() - sentAgain;
      assert.equal(full.error, undefined);
      assert.ok(cancelledAfter < fullAfter / 3, `cancelled: answered after ${cancelledAfter.toFixed(0)} ms; not cancelled: ${fullAfter.toFixed(0)} ms`);
      assert.equal(await stopRaw(server), 0);
    } finally {
      server.process.kill();
    }
  });

  it('a request whose analysis is under way when a newer version arrives is answered ContentModified, and the analysis stops', async () => {
    const server = await startRaw({ debounceMs: 600_000 });
    try {
      const uri = 'file:///virtual/modified.md';
      openDoc(server, uri, SMALL);
      await waitFor('the first diagnostics', () => publication(server, uri, 1));
      replace(server, uri, 2, BIG);
      server.send(hover(10, uri));
      await waitFor('the analysis under way', () => logged(server, `analysing ${uri} v2`) || server.received.some((m) => m.id === 10));
      // The request's positions are in v2: answered from v3, they would point elsewhere.
      replace(server, uri, 3, SMALL);
      assert.equal((await server.response(10)).error?.code, -32801);
      await waitFor('the analysis to stop', () => logged(server, `stopped analysing ${uri} v2`));
      assert.ok(Array.isArray((await server.request(11, 'textDocument/documentSymbol', { textDocument: { uri } })).result));
      assert.equal(await stopRaw(server), 0);
    } finally {
      server.process.kill();
    }
  });

  it('a lint superseded by a newer version stops long before it would end; the newer version is published, the older never', async function () {
    // Two whole lints of a large article: some 7 s here, several times that on a busy host.
    this.timeout(180_000);
    const server = await startRaw({ debounceMs: 0 });
    try {
      const superseded = 'file:///virtual/superseded.md';
      const reference = 'file:///virtual/linted-whole.md';
      openDoc(server, superseded, BIG);
      // Under way once the server logs it (a server that cannot give way publishes v1 instead).
      await waitFor('the lint of v1 under way', () => logged(server, `analysing ${superseded} v1`) || publication(server, superseded, 1));
      const changed = performance.now();
      replace(server, superseded, 2, SMALL);
      await waitFor('the diagnostics of v2', () => publication(server, superseded, 2), 60_000);
      const supersededAfter = performance.now() - changed;
      assert.equal(publication(server, superseded, 1), false, 'v1 is never published');
      assert.ok(logged(server, `stopped analysing ${superseded} v1`));

      // The whole lint of the same text, on warmed-up code.
      const opened = performance.now();
      openDoc(server, reference, BIG);
      // (A deadline for a hang, not a time asserted: the whole lint of this article takes some
      // 5 s here, and over 10 s on a host busy with other work, where the default deadline failed.)
      await waitFor('the diagnostics of the whole lint', () => publication(server, reference, 1), 120_000);
      const fullAfter = performance.now() - opened;
      assert.ok(supersededAfter < fullAfter / 3, `superseded: v2 published ${supersededAfter.toFixed(0)} ms after the change; a whole lint: ${fullAfter.toFixed(0)} ms`);
      assert.equal(await stopRaw(server), 0);
    } finally {
      server.process.kill();
    }
  });
});

describe('server: file URIs that name no local path', () => {
  it('a UNC host (on Linux), an encoded slash, a malformed escape: linted as unsaved documents, requests answered; such a workspace folder does not fail initialize', async () => {
    // initialize failed with InternalError ("File URL host must be localhost or empty").
    const server = await startServer({}, undefined, true, undefined, ['file://fileserver/share/project']);
    try {
      for (const uri of ['file://fileserver/share/project/a.md', 'file:///tmp/a%2Fb.md', 'file:///tmp/%E0%A4%A.md']) {
        open(server, uri, CLAIM, 'markdown', 1);
        // Never linted: no diagnostics at all, and every request failed with InternalError.
        assert.deepEqual((await diagnosticsFor(server, uri, 1)).map((d) => d.code), ['unsupported-claim', 'unsupported-claim'], uri);
        assert.ok((await actionTitles(server, uri)).some((t) => t.startsWith('Reword')), uri);
      }
    } finally {
      await server.stop();
    }
  });
});

describe('server: malformed input over stdio', () => {
  it('a header without Content-Length, a Content-Length that is not a number or counts characters, a body that is not JSON: each skipped (and logged), the next request answered', async () => {
    const server = await startRaw();
    try {
      const text = 'Ketamine¹² — it’s “safe”.';
      const open = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///virtual/chars.md', languageId: 'markdown', version: 1, text } } });
      const bad = [
        'Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","method":"x"}',
        'Content-Length: many\r\n\r\n{"jsonrpc":"2.0","method":"x"}',
        // A client bug: the length of the string, not of its UTF-8 bytes.
        `Content-Length: ${open.length}\r\n\r\n${open}`,
        'Content-Length: 9\r\n\r\n{"jsonrpc',
      ];
      let id = 100;
      for (const b of bad) {
        server.write(Buffer.from(b, 'utf8'));
        // The reader went on from the wrong place for good: no request was answered again.
        const r = await server.request(++id, 'textDocument/hover', { textDocument: { uri: 'file:///virtual/none.md' }, position: { line: 0, character: 0 } });
        assert.equal(r.result, null, b);
      }
      // Each bad input is logged; how many pieces the reader skips before it finds the next
      // header depends on how the bytes arrive (a bad body and the next request may come in one
      // chunk or two), so the count is at least one per bad input, not exactly that.
      const skipped = server.logs().filter((m) => /^clinical-lint: skipped \d+ bytes of input that are not a message/.test(m));
      assert.ok(skipped.some((m) => /a header without Content-Length/.test(m)), skipped.join('\n'));
      assert.ok(skipped.some((m) => /not a whole number: "many"/.test(m)), skipped.join('\n'));
      assert.ok(skipped.length >= 3, skipped.join('\n'));
      assert.equal(await stopRaw(server), 0);
    } finally {
      server.process.kill();
    }
  });
});

describe('server: a client that does not answer workspace/configuration', () => {
  it('documents are linted with the settings the server started with, requests answered; the late answer applies', async () => {
    const server = await startServer();
    let answer: (() => void) | undefined;
    // The client holds every answer until the test lets it go.
    server.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => new Promise((resolve) => (answer = () => resolve(p.items.map(() => ({ rules: { 'unsupported-claim': 'off' } }))))));
    try {
      const uri = 'file:///virtual/unanswered.md';
      open(server, uri, CLAIM, 'markdown', 1);
      // Every lint and every request on the document waited for the answer, for good.
      const ds = await diagnosticsFor(server, uri, 1);
      assert.ok(ds.some((d) => d.code === 'unsupported-claim'), 'the rule is on by default');
      assert.ok(logs(server).some((m) => /has not answered workspace\/configuration/.test(m)));
      assert.notEqual(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 16 } }), undefined);
      server.diagnostics.delete(uri);
      answer!();
      const after = await diagnosticsFor(server, uri, 1);
      assert.ok(!after.some((d) => d.code === 'unsupported-claim'), 'the answer turns the rule off');
    } finally {
      await server.stop();
    }
  });
});

describe('server: a .clinical-lint.json nested deeper than the stack', () => {
  it('gets one problem on the file (its lint threw, and it got no diagnostics at all)', async () => {
    const server = await startServer();
    try {
      const uri = 'file:///virtual/deep/.clinical-lint.json';
      open(server, uri, `{ "rules": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`, 'jsonc', 1);
      const ds = await diagnosticsFor(server, uri, 1);
      assert.deepEqual(ds.map((d) => [d.code, d.message]), [['config', 'The configuration file is nested too deeply to be read. (clinical-lint uses its defaults until this is fixed)']]);
    } finally {
      await server.stop();
    }
  });
});
