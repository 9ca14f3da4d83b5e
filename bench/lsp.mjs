// A minimal LSP client over stdio for the benchmark: spawns dist/server.js as the VS Code client
// does (server/src/shared/serverEnvironment.ts), answers
// workspace/configuration and registrations, declares the dynamic registrations VS Code declares,
// and resolves promises on publishDiagnostics.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const root = new URL('..', import.meta.url).pathname;

/** A TypeScript module of the project, loaded as the bundles build it. */
function loadTs(file) {
  const code = buildSync({ entryPoints: [join(root, file)], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'warning' }).outputFiles[0].text;
  const m = { exports: {} };
  new Function('module', 'exports', 'require', code)(m, m.exports, require);
  return m.exports;
}
// The server starts in the environment the VS Code client gives it.
const { serverEnvironment } = loadTs('server/src/shared/serverEnvironment.ts');

/** `inherit`: the environment as it is here, as an editor that passes its own on starts the server. */
export function startServer(settings = {}, env = {}, inherit = false) {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: inherit ? { ...process.env, ...env } : serverEnvironment(process.env, env) });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  const logs = [];
  const all = { debounceMs: 0, ...settings };
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
        waiters.splice(i, 1);
        w.resolve({ at, diagnostics: p.diagnostics });
      }
    }
  });
  conn.onNotification('window/logMessage', (p) => logs.push(p.message));
  conn.onNotification(() => undefined);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => all));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  return {
    spawnedAt,
    logs,
    async initialize() {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } }, initializationOptions: all });
      conn.sendNotification('initialized', {});
    },
    diagnostics(uri, version) {
      return new Promise((resolve) => waiters.push({ uri, version, resolve }));
    },
    open(uri, text, languageId, version = 1) {
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    request(method, params) {
      return conn.sendRequest(method, params);
    },
    change(uri, version, contentChanges) {
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    async stop() {
      try {
        await conn.sendRequest('shutdown');
        conn.sendNotification('exit');
      } catch {
        // gone
      }
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      conn.dispose();
    },
  };
}
