import { Console } from 'node:console';
import { format } from 'node:util';

/**
 * Process-level handling of an error that no handler caught: an exception thrown from a timer or
 * an event callback, or a promise rejection nobody handles. Node ends the process on either;
 * the server logs it to the client instead and goes on serving. Request and notification
 * handlers are already guarded by the protocol library (a request gets an InternalError answer).
 *
 * The ways the process is meant to end are untouched: `exit`, and the end of stdin, call
 * `process.exit` (vscode-languageserver), which no handler here delays.
 *
 * Reporting never throws: an error that cannot be described (`throw null`, an object whose
 * `toString` throws) is still reported, and when the client cannot be reached (the connection
 * is closed) the report goes to stderr, and when stderr is gone too, nowhere.
 */
export function keepServing(log: (message: string) => void): void {
  process.on('uncaughtException', (error) => reportError(log, 'uncaught exception', error));
  process.on('unhandledRejection', (reason) => reportError(log, 'unhandled promise rejection', reason));
  // A stderr whose reader is gone fails asynchronously (EPIPE, as an 'error' event): without a
  // listener that event is itself an uncaught exception, reported to stderr again, and so on.
  process.stderr.on('error', () => undefined);
}

/** Logs `error` with `log`, or on stderr when `log` throws; never throws. */
export function reportError(log: (message: string) => void, kind: string, error: unknown): void {
  logOrStderr(log, `clinical-lint: ${kind}, the server goes on: ${describeError(error)}`);
}

/** `log(message)`, or the message on stderr when `log` throws (the connection is closed); never throws. */
export function logOrStderr(log: (message: string) => void, message: string): void {
  try {
    log(message);
  } catch {
    try {
      process.stderr.write(`${message}\n`);
    } catch {
      // Nowhere left to report.
    }
  }
}

/** The error's stack, or what can be said of a value thrown that is not an Error; never throws. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return error.stack || `${error.name}: ${error.message}`;
    const shown = error !== null && typeof error === 'object' ? (JSON.stringify(error) ?? String(error)) : typeof error === 'string' ? JSON.stringify(error) : String(error);
    return `${shown} (thrown, and not an Error)`;
  } catch {
    return 'a value thrown that cannot be described';
  }
}

/**
 * Console output goes to the client's log, or to stderr, never to stdout (over stdio, the
 * protocol's stream: a stray `console.log` from any library would corrupt a message). What
 * vscode-languageserver does itself when it opens stdio.
 */
export function consoleToClient(connection: { console: Record<'error' | 'warn' | 'info' | 'log' | 'debug', (message: string) => void> }): void {
  // Everything else a console writes (dir, table, count, time, group...) goes to stderr.
  const onStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  const target = console as unknown as Record<string, unknown>;
  const source = onStderr as unknown as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const method = source[key];
    if (typeof method === 'function') target[key] = (method as (...args: unknown[]) => unknown).bind(onStderr);
  }
  for (const level of ['error', 'warn', 'info', 'log', 'debug'] as const) {
    target[level] = (...args: unknown[]): void => {
      const message = format(...args);
      try {
        connection.console[level](message);
      } catch {
        onStderr.error(message);
      }
    };
  }
}
