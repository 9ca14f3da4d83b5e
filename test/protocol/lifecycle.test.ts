import * as assert from 'node:assert/strict';
import { waitFor } from './lspClient';
import { type RawServer, startRaw, stopRaw } from './rawClient';

/** The protocol's lifecycle over stdio: before `initialize`, and after `shutdown`. */

const TEXT = '# Ketamine\n\nKetamine is a guaranteed cure.\n';
const openDoc = (server: RawServer, uri: string): void =>
  server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } } });
const symbols = (server: RawServer, id: number, uri: string): ReturnType<RawServer['request']> => server.request(id, 'textDocument/documentSymbol', { textDocument: { uri } });
const published = (server: RawServer, uri: string): boolean => server.received.some((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri);

describe('server: lifecycle', () => {
  it('before initialize, requests get ServerNotInitialized and notifications are dropped; initialize then works', async () => {
    const server = await startRaw({}, { initialize: false });
    try {
      const early = 'file:///virtual/before-initialize.md';
      // Opened, linted and published before the client had even initialised the server, and
      // every request answered as if it had been.
      openDoc(server, early);
      for (const [id, method, params] of [
        [1, 'textDocument/documentSymbol', { textDocument: { uri: early } }],
        [2, 'textDocument/hover', { textDocument: { uri: early }, position: { line: 2, character: 3 } }],
        [3, 'clinicalLint/references', { uri: early }],
        [4, 'no/suchMethod', {}],
        [5, 'shutdown', undefined],
      ] as const) {
        const r = await server.request(id, method, params);
        assert.equal(r.error?.code, -32002, `${method}: ${JSON.stringify(r)}`);
        assert.match(r.error!.message, /not (?:been |yet )?initiali[sz]ed/i, method);
      }
      await server.initialize();
      // The open before initialize was dropped: the server does not know the document.
      assert.equal((await symbols(server, 6, early)).result, null);
      const late = 'file:///virtual/after-initialize.md';
      openDoc(server, late);
      assert.ok(Array.isArray((await symbols(server, 7, late)).result));
      await waitFor('diagnostics of the document opened after initialize', () => published(server, late));
      assert.equal(published(server, early), false, 'nothing published for the document opened before initialize');
      // The shutdown before initialize was refused, not taken: the server still answers.
      assert.deepEqual((await server.request(8, 'textDocument/hover', { textDocument: { uri: late }, position: { line: 0, character: 0 } })).error, undefined);
      assert.equal(await stopRaw(server), 0);
    } finally {
      server.process.kill();
    }
  });

  it('a second initialize gets InvalidRequest and changes nothing: the server goes on serving the client it has', async () => {
    const server = await startRaw();
    try {
      const uri = 'file:///virtual/second-initialize.md';
      openDoc(server, uri);
      await waitFor('diagnostics', () => published(server, uri));
      const again = await server.request(1, 'initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { jurisdiction: 'US' } });
      assert.equal(again.error?.code, -32600, JSON.stringify(again));
      assert.match(again.error!.message, /only be sent once/);
      // The document opened before is still known, and requests are answered as before.
      assert.ok(Array.isArray((await symbols(server, 2, uri)).result));
      assert.equal(await stopRaw(server), 0);
    } finally {
      server.process.kill();
    }
  });

  it('registers for configuration changes and watched bibliographies in one request, and only with a client that declares dynamic registration for them', async () => {
    const registrationsOf = (server: RawServer): { id: string; method: string; registerOptions: unknown }[][] =>
      server.received.filter((m) => m.method === 'client/registerCapability').map((m) => (m.params as { registrations: { id: string; method: string; registerOptions: unknown }[] }).registrations);
    const plain = await startRaw();
    const dynamic = await startRaw({}, { capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } } });
    try {
      for (const [i, server] of [plain, dynamic].entries()) {
        const uri = `file:///virtual/registration-${i}.md`;
        openDoc(server, uri);
        await waitFor('diagnostics', () => published(server, uri));
      }
      assert.deepEqual(registrationsOf(plain), [], 'no registration the client did not declare');
      const [only, ...more] = registrationsOf(dynamic);
      assert.equal(more.length, 0, 'one request');
      assert.deepEqual(only.map((r) => r.method), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
      assert.equal(new Set(only.map((r) => r.id)).size, 2, 'distinct ids');
      assert.deepEqual(only[0].registerOptions, { section: 'clinicalLint' });
      assert.deepEqual((only[1].registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern), ['**/*.{bib,bibtex,biblatex}', '**/*.json']);
      assert.equal(await stopRaw(plain), 0);
      assert.equal(await stopRaw(dynamic), 0);
    } finally {
      plain.process.kill();
      dynamic.process.kill();
    }
  });

  it('exit before initialize ends the server, with 1 (no shutdown came first)', async () => {
    const server = await startRaw({}, { initialize: false });
    try {
      server.send({ jsonrpc: '2.0', method: 'exit' });
      assert.equal(await server.exit(), 1);
    } finally {
      server.process.kill();
    }
  });

  it('after shutdown, every request gets InvalidRequest: an unknown method, a second shutdown, initialize; exit then ends with 0', async () => {
    const server = await startRaw();
    try {
      const uri = 'file:///virtual/after-shutdown.md';
      openDoc(server, uri);
      await waitFor('diagnostics', () => published(server, uri));
      assert.equal((await server.request(1, 'shutdown')).error, undefined);
      for (const [id, method, params] of [
        [2, 'no/suchMethod', {}],
        [3, 'shutdown', undefined],
        [4, 'textDocument/documentSymbol', { textDocument: { uri } }],
        [5, 'clinicalLint/references', { uri }],
        [6, 'initialize', { processId: null, rootUri: null, capabilities: {} }],
      ] as const) {
        const r = await server.request(id, method, params);
        assert.equal(r.error?.code, -32600, `${method}: ${JSON.stringify(r)}`);
      }
      server.send({ jsonrpc: '2.0', method: 'exit' });
      assert.equal(await server.exit(), 0);
    } finally {
      server.process.kill();
    }
  });
});
