import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
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
process.on('uncaughtException', (e) => connection.console.error(`clinical-lint: uncaught ${e.stack ?? e.message}`));
startServer(connection);
