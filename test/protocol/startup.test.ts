import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnosticsFor, open, ROOT, startServer, waitFor } from './lspClient';

/**
 * What the server loads before its first diagnostics: the Node built-ins that the protocol
 * library requires only for paths a start does not take (child_process: finding global modules)
 * are loaded on their first use (`lazyBuiltins` in scripts/build.mjs).
 */
describe('server start-up', () => {
  it('publishes the first diagnostics without loading child_process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-start-'));
    const probe = path.join(dir, 'probe.cjs');
    const out = path.join(dir, 'modules.json');
    // Run in the server's process before its entry: writes the built-ins it loaded when it exits.
    fs.writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`);
    const server = await startServer({}, undefined, true, undefined, undefined, { NODE_OPTIONS: `--require ${JSON.stringify(probe)}` });
    const uri = 'file:///start/sample.txt';
    open(server, uri, fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sample.txt'), 'utf8'));
    const diagnostics = await diagnosticsFor(server, uri);
    assert.ok(diagnostics.length > 0);
    // Shut down as a client does, and let the process end by itself (the probe writes on exit).
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    await server.connection.sendRequest('shutdown');
    server.connection.sendNotification('exit');
    await exited;
    server.connection.dispose();
    const loaded = await waitFor('the list of loaded modules', () => (fs.existsSync(out) && fs.statSync(out).size > 0 ? (JSON.parse(fs.readFileSync(out, 'utf8')) as string[]) : undefined));
    assert.ok(loaded.includes('NativeModule fs'), 'the probe ran');
    assert.ok(!loaded.includes('NativeModule child_process'), 'child_process loaded at start');
  });
});
