import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticsFor, open, positionOf, ROOT, startServer, type TestServer, waitFor } from './lspClient';

const SAMPLE = fs.readFileSync(path.join(ROOT, 'test/fixtures/sample.txt'), 'utf8');
const URI = 'file:///virtual/sample.txt';

interface Sym {
  name: string;
  children: Sym[];
}

describe('language server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    open(server, URI, SAMPLE);
  });
  after(async () => server.stop());

  it('publishes diagnostics for the sample with rule ids, source and docs links', async () => {
    const diags = await diagnosticsFor(server, URI);
    for (const d of diags) {
      assert.equal(d.source, 'clinical-lint');
      assert.equal(typeof d.code, 'string');
      assert.match(d.codeDescription!.href, new RegExp(`docs/rules/${d.code}\\.md$`));
    }
    const citationRules = ['unresolved-citation', 'unused-reference', 'citation-order', 'ambiguous-citation'];
    assert.deepEqual(diags.filter((d) => citationRules.includes(String(d.code))), []);
  });

  it('hovers ¹² with references 1 and 2', async () => {
    const pos = positionOf(SAMPLE, '¹²');
    const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: pos })) as { contents: { value: string }; range: unknown };
    assert.match(h.contents.value, /Sanacora G/);
    assert.match(h.contents.value, /JAMA Psychiatry/);
    assert.match(h.contents.value, /2017/);
    assert.match(h.contents.value, /Andrade C/);
    assert.match(h.contents.value, /J Clin Psychiatry/);
    assert.deepEqual(h.range, { start: pos, end: { line: pos.line, character: pos.character + 2 } });
  });

  it('goes from ¹² to reference 1', async () => {
    const defs = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: URI }, position: positionOf(SAMPLE, '¹²') })) as { uri: string; range: { start: { line: number; character: number } } }[];
    assert.equal(defs.length, 2);
    assert.deepEqual(defs[0].range.start, positionOf(SAMPLE, '1. Sanacora'));
    assert.deepEqual(defs[1].range.start, positionOf(SAMPLE, '2. Andrade'));
  });

  it('finds every citation of reference 2 from its entry', async () => {
    const refs = (await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: URI },
      position: positionOf(SAMPLE, '2. Andrade'),
      context: { includeDeclaration: false },
    })) as { range: { start: { line: number } } }[];
    // ¹² twice, ²⁵ twice, ² once, ²³ once.
    assert.equal(refs.length, 6);
  });

  it('lists headings and references as document symbols', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as Sym[];
    const names = JSON.stringify(symbols);
    assert.match(names, /What Is Ketamine\?/);
    const refHeading = symbols.flatMap((s) => [s, ...s.children]).find((s) => s.name === 'References')!;
    assert.equal(refHeading.children.length, 9);
    assert.match(refHeading.children[0].name, /^1\. Sanacora G et al\.: A Consensus Statement/);
  });

  it('offers PubMed search links in hovers when an entry has no identifier', async () => {
    const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(SAMPLE, '⁹') })) as { contents: { value: string } };
    assert.match(h.contents.value, /Quintero JM/);
    assert.match(h.contents.value, /pubmed\.ncbi\.nlm\.nih\.gov\/\?term=/);
  });

  it('hovers a reference entry with where it is cited', async () => {
    const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(SAMPLE, '7. Kwan') })) as { contents: { value: string } };
    assert.match(h.contents.value, /Reference 7 is cited 4 times/);
  });

  it('re-lints on change and reports the new version', async () => {
    const changed = SAMPLE.replace('interest.¹²', 'interest.¹²³⁰');
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text: changed }],
    });
    const diags = await diagnosticsFor(server, URI, 2);
    const unresolved = diags.filter((d) => d.code === 'unresolved-citation');
    assert.equal(unresolved.length, 1);
    assert.match(String(unresolved[0].message), /reference 0/);
    // Restore for the other tests.
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: SAMPLE }] });
    await diagnosticsFor(server, URI, 3);
  });

  it('sends a status notification with counts and jurisdiction', async () => {
    const status = await waitFor('status', () => server.notifications.find((n) => n.method === 'clinicalLint/status'));
    assert.equal((status.params as { jurisdiction: string }).jurisdiction, 'CA');
  });
});

describe('language server: bad input keeps it serving', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ maxFileSizeKiB: 64 });
  });
  after(async () => server.stop());

  it('reports a too-large document with one information message', async () => {
    const uri = 'file:///virtual/huge.md';
    open(server, uri, 'Studies show a cure. '.repeat(5000));
    const diags = await diagnosticsFor(server, uri);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'file-too-large');
    assert.equal(diags[0].severity, 3);
  });

  it('skips binary content, then still lints the next document', async () => {
    const bin = 'file:///virtual/blob.txt';
    open(server, bin, 'PK\u0003\u0004\u0000\u0000\u0000binary');
    assert.deepEqual(await diagnosticsFor(server, bin), []);
    const uri = 'file:///virtual/ok.md';
    open(server, uri, 'Ketamine helps.[3]\n\n## References\n\n1. A B. T. J. 2020.\n');
    const diags = await diagnosticsFor(server, uri);
    assert.ok(diags.some((d) => d.code === 'unresolved-citation'));
  });

  it('does not fill a log file with findings (plain text that is not an article)', async () => {
    const uri = 'file:///virtual/server.log.txt';
    open(server, uri, '[1] starting\n[2] Studies show it is 100% safe\n[3] done\n');
    assert.deepEqual(await diagnosticsFor(server, uri), []);
  });
});
