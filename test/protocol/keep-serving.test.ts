import * as assert from 'node:assert/strict';
import { diagnosticsFor, logs, open, startServer, type TestServer, waitFor } from './lspClient';

/**
 * An error outside the rules (a timer, a promise nobody waits on, a watcher or configuration
 * callback, a request handler) is logged to the client and the server goes on serving; it still
 * ends on `exit` and when stdin closes. The server throws where `CLINICAL_LINT_TEST_FAULTS`
 * says (test only: `ServerOptions.testFaults`), once per place.
 */
const withFaults = (...faults: string[]): Promise<TestServer> => startServer({}, undefined, true, undefined, undefined, { CLINICAL_LINT_TEST_FAULTS: faults.join(',') });
const DOC = 'Ketamine is a guaranteed cure.[1]\n\n## References\n\n1. A A. One. J. 2001.\n';
const change = (server: TestServer, uri: string, version: number, text = DOC): void =>
  void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
const logged = (server: TestServer, pattern: RegExp): Promise<string> => waitFor(`a log line matching ${pattern}`, () => logs(server).find((m) => pattern.test(m)));
const claims = (server: TestServer, uri: string, version: number): Promise<number> => diagnosticsFor(server, uri, version).then((ds) => ds.filter((d) => d.code === 'unsupported-claim').length);

/** Shutdown and exit, as a client ends a session: the process ends with 0. */
async function shutdownAndExit(server: TestServer): Promise<void> {
  await server.connection.sendRequest('shutdown');
  server.connection.sendNotification('exit');
  await waitFor('the process to exit', () => server.process.exitCode !== null);
  assert.equal(server.process.exitCode, 0);
  server.connection.dispose();
}

describe('server: an error outside the rules is logged and the server goes on serving', () => {
  it('the debounced lint throws an Error, then null, from its timer: both logged, the next version linted, exit ends it', async () => {
    const server = await withFaults('lint-timer', 'lint-timer-non-error');
    try {
      const uri = 'file:///virtual/timer.md';
      open(server, uri, DOC, 'markdown', 1);
      assert.match(await logged(server, /test fault: lint-timer/), /Error: test fault: lint-timer\n\s+at /);
      change(server, uri, 2);
      // `throw null`: the handler read `e.stack` of null, threw in turn, and the process ended.
      assert.match(await logged(server, /null \(thrown, and not an Error\)/), /uncaught exception/);
      change(server, uri, 3);
      assert.equal(await claims(server, uri, 3), 2);
      assert.equal(server.process.exitCode, null);
      await shutdownAndExit(server);
    } finally {
      await server.stop();
    }
  });

  it('a promise rejection nobody handles (on a document change) is logged; the next change is linted', async () => {
    const server = await withFaults('rejection');
    try {
      const uri = 'file:///virtual/rejection.md';
      open(server, uri, DOC, 'markdown', 1);
      await diagnosticsFor(server, uri, 1);
      change(server, uri, 2);
      await logged(server, /Error: test fault: rejection/);
      change(server, uri, 3);
      assert.equal(await claims(server, uri, 3), 2);
      await shutdownAndExit(server);
    } finally {
      await server.stop();
    }
  });

  it('the watched-files timer, the configuration callback and a request handler throw: logged or answered with an error, and serving goes on', async () => {
    const server = await withFaults('watched-files', 'configuration', 'hover');
    try {
      const uri = 'file:///virtual/callbacks.md';
      open(server, uri, DOC, 'markdown', 1);
      await diagnosticsFor(server, uri, 1);
      const publications = (): number => logs(server).filter((m) => m.startsWith(`linted ${uri} `)).length;

      server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///virtual/refs.bib', type: 2 }] });
      await logged(server, /Error: test fault: watched-files/);
      let before = publications();
      server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///virtual/refs.bib', type: 2 }] });
      await waitFor('the open document linted again', () => publications() > before);

      server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await logged(server, /test fault: configuration/);
      before = publications();
      server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await waitFor('the open document linted again', () => publications() > before);

      const hover = { textDocument: { uri }, position: { line: 0, character: 16 } };
      await assert.rejects(server.connection.sendRequest('textDocument/hover', hover), (e: { code?: number; message?: string }) => e.code === -32603 && /test fault: hover/.test(e.message ?? ''));
      assert.equal(await server.connection.sendRequest('textDocument/hover', hover), null);

      change(server, uri, 2, DOC.replace('Ketamine is', 'Ketamine is, they say,'));
      assert.equal(await claims(server, uri, 2), 2);
      await shutdownAndExit(server);
    } finally {
      await server.stop();
    }
  });

  it('still ends when stdin closes (with 1: no shutdown came first)', async () => {
    const server = await withFaults('lint-timer');
    try {
      open(server, 'file:///virtual/stdin.md', DOC, 'markdown', 1);
      await logged(server, /test fault: lint-timer/);
      server.process.stdin!.end();
      await waitFor('the process to exit', () => server.process.exitCode !== null);
      assert.equal(server.process.exitCode, 1);
    } finally {
      server.connection.dispose();
    }
  });
});
