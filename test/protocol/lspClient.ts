import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * A small LSP client for protocol tests: spawns the built `dist/server.js --stdio`, records
 * published diagnostics, and waits for them by polling (never by sleeping a fixed time).
 */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  notifications: { method: string; params: unknown }[];
  /** Settings the server gets for `workspace/configuration`. */
  settings: Record<string, unknown>;
  stderr: string[];
  applied: unknown[];
  stop(): Promise<void>;
}

export async function startServer(settings: Record<string, unknown> = {}, initializationOptions?: unknown, withConfiguration = true, script = SERVER, workspaceFolders?: string[], env?: Record<string, string>): Promise<TestServer> {
  const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server: TestServer = {
    connection,
    process: child,
    diagnostics: new Map(),
    notifications: [],
    settings: { debounceMs: 0, ...settings },
    stderr: [],
    applied: [],
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
  child.stderr!.on('data', (d: Buffer) => server.stderr.push(d.toString()));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    server.diagnostics.set(p.uri, p);
  });
  connection.onNotification((method, params) => {
    server.notifications.push({ method, params });
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => server.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/applyEdit', (p: unknown) => {
    server.applied.push(p);
    return { applied: true };
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      capabilities: withConfiguration ? { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } } } : {},
      initializationOptions,
    });
  } catch (e) {
    // A server that failed to initialise must not outlive the test (mocha would wait for it).
    connection.dispose();
    child.kill();
    throw e;
  }
  connection.sendNotification('initialized', {});
  return server;
}

export function open(server: TestServer, uri: string, text: string, languageId = uri.endsWith('.md') ? 'markdown' : 'plaintext', version = 1): void {
  server.diagnostics.delete(uri);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

/** The messages the server logged (window/logMessage). */
export function logs(server: TestServer): string[] {
  return server.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
}

/** Polls until `test` returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, test: () => T | undefined, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = test();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Diagnostics for a document version, once published. */
export function diagnosticsFor(server: TestServer, uri: string, version?: number): Promise<Diagnostic[]> {
  return waitFor(`diagnostics for ${uri}`, () => {
    const p = server.diagnostics.get(uri);
    if (!p || (version !== undefined && p.version !== version)) return undefined;
    return p.diagnostics;
  });
}

/** Line/character of the first occurrence of `needle` in `text` (UTF-16 columns). */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: at - (lastBreak + 1) };
}
