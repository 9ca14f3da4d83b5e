import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FrameChecker, headerProblem } from '../../server/src/lsp/framing';

/** Runs the checker over the chunks; what it passes on and what it reports. */
async function check(chunks: Buffer[]): Promise<{ out: Buffer; reports: string[] }> {
  const reports: string[] = [];
  const checker = new FrameChecker((p) => reports.push(p));
  const out: Buffer[] = [];
  checker.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((resolve) => checker.on('end', resolve));
  for (const c of chunks) checker.write(c);
  checker.end();
  await ended;
  return { out: Buffer.concat(out), reports };
}

const frame = (body: string, header = (n: number): string => `Content-Length: ${n}\r\n\r\n`): Buffer => {
  const b = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(header(b.length), 'latin1'), b]);
};

/** The bodies that parse as JSON, read from `bytes` as vscode-jsonrpc reads frames (trusting Content-Length). */
function messages(bytes: Buffer): unknown[] {
  const found: unknown[] = [];
  let at = 0;
  for (;;) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) return found;
    const length = /content-length: *(\d+)/i.exec(bytes.subarray(at, end).toString('latin1'));
    if (!length) return found;
    const body = bytes.subarray(end + 4, end + 4 + Number(length[1]));
    try {
      found.push(JSON.parse(body.toString('utf8')));
    } catch {
      // The library drops a body that is not JSON.
    }
    at = end + 4 + Number(length[1]);
  }
}

/** Every way of cutting `bytes` in two, and byte by byte. */
function cuts(bytes: Buffer): Buffer[][] {
  const ways = [[bytes], [...bytes].map((b) => Buffer.from([b]))];
  for (let i = 1; i < bytes.length; i++) ways.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return ways;
}

const hover = (id: number): string => JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.md' }, position: { line: 0, character: 0 } } });
const open = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.md', languageId: 'markdown', version: 1, text: 'Ketamine¹² — it’s “safe” 😀 Content-Length: 3\r\n\r\n' } } });

describe('framing: the base protocol checked on stdin', () => {
  it('passes well-formed input through byte for byte, however it is cut, and reports nothing', async () => {
    const input = Buffer.concat([
      frame(open),
      frame(hover(1), (n) => `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:${n}\r\n\r\n`),
      frame(''),
      frame(hover(2), (n) => `CONTENT-LENGTH: ${n} \r\n\r\n`),
    ]);
    for (const chunks of cuts(input)) {
      const { out, reports } = await check(chunks);
      assert.ok(out.equals(input), `cut into ${chunks.map((c) => c.length).join('+')}`);
      assert.deepEqual(reports, []);
    }
  });

  it('random messages under random cuts come through unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), async (texts, at) => {
        const input = Buffer.concat(texts.map((t) => frame(JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { t } }))));
        const points = [...new Set(at.map((n) => n % (input.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i, all) => input.subarray(p, all[i + 1] ?? input.length)).filter((c) => c.length);
        const { out, reports } = await check(chunks);
        assert.ok(out.equals(input));
        assert.deepEqual(reports, []);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  const after = frame(hover(9));
  const broken: [string, Buffer, RegExp][] = [
    ['a header without Content-Length', Buffer.from('Content-Type: x\r\n\r\n{"jsonrpc":"2.0","method":"x"}'), /without Content-Length/],
    ['a Content-Length that is not a number', Buffer.from('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"x"}'), /not a whole number/],
    ['a header line that is not "Name: value"', Buffer.from('Content-Length: 30\r\nGarbage\r\n\r\n{"jsonrpc":"2.0","method":"x"}'), /not "Name: value"/],
    ['a Content-Length counted in characters, not bytes', frame(open, () => `Content-Length: ${open.length}\r\n\r\n`), /not a message/],
    ['bytes with no header at all', Buffer.from('x'.repeat(20_000)), /skipped \d+ bytes/],
    ['two Content-Length headers', Buffer.from('Content-Length: 3\r\nContent-Length: 4\r\n\r\n{}}}'), /two Content-Length/],
  ];
  for (const [what, bad, reported] of broken) {
    it(`after ${what}, the next message is read, however the input is cut`, async () => {
      const input = Buffer.concat([frame(hover(1)), bad, after]);
      const ways = input.length < 2000 ? cuts(input) : [[input], [input.subarray(0, 9000), input.subarray(9000)]];
      for (const chunks of ways) {
        const { out, reports } = await check(chunks);
        const ids = messages(out).map((m) => (m as { id?: number }).id).filter((id) => id !== undefined);
        assert.deepEqual(ids, [1, 9], `cut into ${chunks.map((c) => c.length).join('+')}`);
        assert.ok(reports.some((r) => reported.test(r)), reports.join('\n'));
      }
    });
  }

  it('names what is wrong with a header', () => {
    assert.equal(headerProblem('Content-Length: 12'), undefined);
    assert.equal(headerProblem('content-length:12\r\nContent-Type: a/b; charset=utf-8'), undefined);
    assert.match(headerProblem('Content-Length: -1')!, /whole number/);
    assert.match(headerProblem('Content-Length: 1e3')!, /whole number/);
    assert.match(headerProblem('}Content-Length: 12')!, /Name: value/);
    assert.match(headerProblem('')!, /Name: value/);
  });
});
