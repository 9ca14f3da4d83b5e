import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FrameChecker } from './framing';
import { consoleToClient, keepServing, logOrStderr } from './keepServing';
import { Lifecycle } from './lifecycle';
import { startServer } from './server';

/**
 * Entry of `clinical-lint-server`: speaks LSP over `--stdio`, `--node-ipc` or
 * `--socket=PORT`, as any LSP client asks.
 */
if (process.argv.includes('--version')) {
  console.log('clinical-lint-server 0.1.0');
  process.exit(0);
}
if (process.argv.includes('--help') || !process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  console.log('Usage: clinical-lint-server --stdio | --node-ipc | --socket=PORT\n\nThe clinical-lint language server. Point an LSP client at it, e.g. `clinical-lint-server --stdio`.');
  process.exit(process.argv.includes('--help') ? 0 : 2);
}
// Over stdio, the framing is checked before the protocol library reads it (framing.ts): a
// malformed header is logged and skipped instead of leaving the server deaf for good.
const stdio = process.argv.includes('--stdio');
// Before initialize and after shutdown, requests are refused as the protocol asks (lifecycle.ts).
const lifecycle = new Lifecycle();
const connection = stdio
  ? createConnection(
      ProposedFeatures.all,
      process.stdin.pipe(new FrameChecker((problem) => logOrStderr((m) => connection.console.error(m), `clinical-lint: ${problem}; reading goes on at the next header`))),
      process.stdout,
      lifecycle.options,
    )
  : createConnection(ProposedFeatures.all, lifecycle.options);
lifecycle.attach(connection);
// The library sends console output to the client's log when it opens stdio itself; given the
// streams, it does not: stdout is the protocol's, so console output must never reach it.
if (stdio) consoleToClient(connection);
// An error no handler caught is logged to the client, and the server goes on serving.
keepServing((message) => connection.console.error(message));
// Test only (protocol tests): places where the server throws once, to check the line above.
const testFaults = process.env.CLINICAL_LINT_TEST_FAULTS?.split(',').filter(Boolean);
startServer(connection, { testFaults });
