import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverEnvironment } from '../../server/src/shared/serverEnvironment';

describe('serverEnvironment (how the VS Code client starts the server)', () => {
  it('leaves out NODE_EXTRA_CA_CERTS, keeps the rest and adds the given settings', () => {
    const base = { PATH: '/usr/bin', NODE_OPTIONS: '--max-old-space-size=4096', NODE_EXTRA_CA_CERTS: '/etc/ssl/proxy.pem' };
    const env = serverEnvironment(base, { CLINICAL_LINT_CACHE_DIR: '/tmp/cache' });
    assert.deepEqual(env, { PATH: '/usr/bin', NODE_OPTIONS: '--max-old-space-size=4096', CLINICAL_LINT_CACHE_DIR: '/tmp/cache' });
    assert.equal(base.NODE_EXTRA_CA_CERTS, '/etc/ssl/proxy.pem', 'the client environment itself is not changed');
  });

  it('starts Node without reading a certificate bundle (Node warns when the bundle it reads is missing)', () => {
    const inherited = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/clinical-lint-test.pem' };
    const plain = spawnSync(process.execPath, ['-e', '0'], { env: inherited, encoding: 'utf8' });
    assert.match(plain.stderr, /extra certs/i, 'Node reads the bundle it is given at start');
    const server = spawnSync(process.execPath, ['-e', '0'], { env: serverEnvironment(inherited), encoding: 'utf8' });
    assert.equal(server.stderr, '');
  });
});
