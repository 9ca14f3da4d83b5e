import * as assert from 'node:assert/strict';
import { consoleToClient, describeError, reportError } from '../../server/src/lsp/keepServing';

describe('keepServing: reporting an error never throws', () => {
  it('describes Errors by their stack, and any other value thrown', () => {
    const e = new Error('boom');
    assert.equal(describeError(e), e.stack);
    const noStack = new TypeError('no stack');
    noStack.stack = undefined;
    assert.equal(describeError(noStack), 'TypeError: no stack');
    assert.equal(describeError(null), 'null (thrown, and not an Error)');
    assert.equal(describeError(undefined), 'undefined (thrown, and not an Error)');
    assert.equal(describeError('text'), '"text" (thrown, and not an Error)');
    assert.equal(describeError({ code: 7 }), '{"code":7} (thrown, and not an Error)');
    assert.equal(describeError(Object.create(null)), '{} (thrown, and not an Error)');
    const hostile = {
      toJSON() {
        throw new Error('no JSON');
      },
    };
    assert.equal(describeError(hostile), 'a value thrown that cannot be described');
    const badStack = new Error('x');
    Object.defineProperty(badStack, 'stack', {
      get() {
        throw new Error('no stack');
      },
    });
    assert.equal(describeError(badStack), 'a value thrown that cannot be described');
  });

  it('goes to stderr when the client cannot be reached (the connection is closed)', () => {
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stderr.write;
    try {
      reportError(() => {
        throw new Error('Connection is closed.');
      }, 'uncaught exception', null);
    } finally {
      process.stderr.write = write;
    }
    assert.deepEqual(written, ['clinical-lint: uncaught exception, the server goes on: null (thrown, and not an Error)\n']);
  });

  it('logs to the client when it can', () => {
    const logged: string[] = [];
    reportError((m) => logged.push(m), 'unhandled promise rejection', new RangeError('far'));
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^clinical-lint: unhandled promise rejection, the server goes on: RangeError: far\n\s+at /);
  });
});

describe('consoleToClient: console output never reaches stdout', () => {
  it('log, info, warn, error and debug go to the client; the rest to stderr; stderr when the client is gone', () => {
    const saved = { ...console } as Record<string, unknown>;
    const target = console as unknown as Record<string, unknown>;
    const sent: string[] = [];
    const stdout: string[] = [];
    const stderr: string[] = [];
    const out = process.stdout.write;
    const err = process.stderr.write;
    process.stdout.write = ((chunk: string) => stdout.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
    let closed = false;
    const level = (name: string) => (m: string): void => {
      if (closed) throw new Error('Connection is closed.');
      sent.push(`${name}: ${m}`);
    };
    try {
      consoleToClient({ console: { error: level('error'), warn: level('warn'), info: level('info'), log: level('log'), debug: level('debug') } });
      console.log('a %d', 1);
      console.info('b', { c: 2 });
      console.warn('w');
      console.error(new Error('e').message);
      console.debug('d');
      console.table([{ x: 1 }]);
      console.dir({ y: 2 });
      console.count('n');
      closed = true;
      console.log('late');
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
      for (const [k, v] of Object.entries(saved)) target[k] = v;
    }
    assert.deepEqual(sent, ['log: a 1', 'info: b { c: 2 }', 'warn: w', 'error: e', 'debug: d']);
    assert.deepEqual(stdout, []);
    assert.ok(stderr.some((s) => s.includes('{ y: 2 }')));
    assert.ok(stderr.some((s) => s.includes('n: 1')));
    assert.ok(stderr.some((s) => s.includes('late')));
  });
});
