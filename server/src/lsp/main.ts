import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { keepServing } from './keepServing';
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
const connection = createConnection(ProposedFeatures.all);
// An error no handler caught is logged to the client, and the server goes on serving.
keepServing((message) => connection.console.error(message));
// Test only (protocol tests): places where the server throws once, to check the line above.
const testFaults = process.env.CLINICAL_LINT_TEST_FAULTS?.split(',').filter(Boolean);
startServer(connection, { testFaults });
