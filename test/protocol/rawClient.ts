import { type ChildProcess, spawn } from 'node:child_process';
import { SERVER, waitFor } from './lspClient';

/**
 * A client that writes bytes to the server's stdin exactly as given (several messages in one
 * write, malformed frames) and reads every message the server sends back. It answers the
 * server's requests (settings from `settings`, null for the rest).
 */
export interface RawServer {
  process: ChildProcess;
  /** Every message the server sent, in order. */
  received: Record<string, unknown>[];
  settings: Record<string, unknown>;
  /** Writes the bytes in one write. */
  write(bytes: string | Buffer): void;
  /** A message framed as the base protocol says (Content-Length in UTF-8 bytes). */
  frame(message: unknown): Buffer;
  send(message: unknown): void;
  /** Sends a request and waits for its response. */
  request(id: number, method: string, params?: unknown): Promise<Response>;
  response(id: number): Promise<Response>;
  logs(): string[];
  stderr: string[];
  /** `initialize` (id 0, with `options.capabilities` or configuration alone), then `initialized`: what `startRaw` does unless asked not to. */
  initialize(): Promise<void>;
  exit(): Promise<number | null>;
}

export interface Response {
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

/** Starts the built server over stdio, initialised unless `initialize` is false (lifecycle tests). */
export async function startRaw(settings: Record<string, unknown> = {}, options: { initialize?: boolean; capabilities?: Record<string, unknown> } = {}): Promise<RawServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const server: RawServer = {
    process: child,
    received: [],
    settings: { debounceMs: 0, ...settings },
    stderr: [],
    write: (bytes) => void child.stdin!.write(bytes),
    frame(message) {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    },
    send: (message) => server.write(server.frame(message)),
    request(id, method, params) {
      server.send({ jsonrpc: '2.0', id, method, params });
      return server.response(id);
    },
    response: (id) => waitFor(`the response to ${id}`, () => server.received.find((m) => m.id === id && !('method' in m)) as Response | undefined),
    logs: () => server.received.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message),
    async exit() {
      await waitFor('the process to exit', () => child.exitCode !== null);
      return child.exitCode;
    },
    async initialize() {
      const init = await server.request(0, 'initialize', { processId: process.pid, rootUri: null, capabilities: options.capabilities ?? { workspace: { configuration: true } } });
      if (init.error) {
        child.kill();
        throw new Error(`initialize failed: ${init.error.message}`);
      }
      server.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    },
  };
  child.stderr!.on('data', (d: Buffer) => server.stderr.push(d.toString()));
  let chunks: Buffer[] = [];
  let length = -1;
  child.stdout!.on('data', (d: Buffer) => {
    chunks.push(d);
    for (;;) {
      let buffer = Buffer.concat(chunks);
      if (length < 0) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) break;
        length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))![1]);
        buffer = buffer.subarray(end + 4);
      }
      chunks = [buffer];
      if (buffer.length < length) break;
      const message = JSON.parse(buffer.subarray(0, length).toString('utf8')) as Record<string, unknown>;
      chunks = [buffer.subarray(length)];
      length = -1;
      server.received.push(message);
      if (typeof message.method === 'string' && message.id !== undefined) {
        const items = (message.params as { items?: unknown[] } | undefined)?.items;
        server.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? items!.map(() => server.settings) : null });
      }
    }
  });
  if (options.initialize !== false) await server.initialize();
  return server;
}

/** Shutdown and exit; the exit code (0 when all went well). */
export async function stopRaw(server: RawServer): Promise<number | null> {
  if (server.process.exitCode === null) {
    await server.request(999_999, 'shutdown');
    server.send({ jsonrpc: '2.0', method: 'exit' });
  }
  return server.exit();
}
