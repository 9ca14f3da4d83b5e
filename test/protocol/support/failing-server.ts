// A server whose first rule always throws: built by the protocol tests (esbuild) to check that
// the real server survives a failing rule, reports it as internal-error, and runs the others.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { RULES } from '../../../server/src/core/rules';
import { Lifecycle } from '../../../server/src/lsp/lifecycle';
import { startServer } from '../../../server/src/lsp/server';

(RULES[0] as { check: (ctx: unknown) => void }).check = () => {
  throw new Error('simulated failure');
};
const lifecycle = new Lifecycle();
const connection = createConnection(ProposedFeatures.all, lifecycle.options);
lifecycle.attach(connection);
startServer(connection);
