import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticsFor, open, positionOf, ROOT, startServer, type TestServer, waitFor } from './lspClient';

/**
 * Pandoc citations through the built server: a Markdown article on disk whose front matter
 * names `refs.bib` next to it gets diagnostics for unknown keys, hovers with the entry, a
 * definition in the `.bib` file, and key completion after `@`.
 */
const FILE = path.join(ROOT, 'test/fixtures/pandoc/article-bib.md');
const TEXT = fs.readFileSync(FILE, 'utf8');
const URI = pathToFileURL(FILE).href;
const BIB_URI = pathToFileURL(path.join(ROOT, 'test/fixtures/pandoc/refs.bib')).href;

interface Location {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

describe('language server: Pandoc citations', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    open(server, URI, TEXT, 'markdown');
  });
  after(async () => server.stop());

  it('reports the unknown key and nothing else of the citation rules', async () => {
    const diags = await diagnosticsFor(server, URI);
    const citation = diags.filter((d) => ['unresolved-citation', 'unused-reference'].includes(String(d.code)));
    assert.equal(citation.length, 1);
    assert.equal(citation[0].code, 'unresolved-citation');
    assert.equal(citation[0].message, 'Citation [@nosuchkey] cites @nosuchkey, but it is not in refs.bib.');
    const at = positionOf(TEXT, '@nosuchkey');
    assert.deepEqual(citation[0].range, { start: at, end: { line: at.line, character: at.character + '@nosuchkey'.length } });
  });

  it('hovers a key with its bibliography entry', async () => {
    const pos = positionOf(TEXT, '@sanacora2017]');
    const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: pos.line, character: pos.character + 2 } })) as { contents: { kind: string; value: string } };
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /Sanacora G, Frye MA, McDonald W, et al\./);
    assert.match(h.contents.value, /_JAMA Psychiatry_\. 2017;74\(4\):399-405\./);
    assert.match(h.contents.value, /\(https:\/\/doi\.org\/10\.1001\/jamapsychiatry\.2016\.4513\)/);
  });

  it('goes from a key to its entry in refs.bib', async () => {
    const pos = positionOf(TEXT, '@who2021:mhgap');
    const defs = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: URI }, position: { line: pos.line, character: pos.character + 3 } })) as Location[];
    assert.equal(defs.length, 1);
    assert.equal(defs[0].uri, BIB_URI);
    assert.deepEqual(defs[0].range.start, { line: 26, character: 0 });
  });

  it('completes keys after @ inside brackets', async () => {
    const pos = positionOf(TEXT, '[see @');
    const items = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: pos.line, character: pos.character + '[see @'.length },
      context: { triggerKind: 2, triggerCharacter: '@' },
    })) as { label: string; detail: string; textEdit: { newText: string } }[];
    assert.deepEqual(
      items.map((i) => i.label),
      ['andrade2017', 'muller-2019', 'sanacora2017', 'uncited2020', 'who2021:mhgap'],
    );
    assert.match(items.find((i) => i.label === 'sanacora2017')!.detail, /^Sanacora G et al\., A Consensus Statement/);
  });

  it('lints again with the new entries when the bibliography changes on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-pandoc-'));
    try {
      const bib = path.join(dir, 'refs.bib');
      fs.copyFileSync(path.join(ROOT, 'test/fixtures/pandoc/refs.bib'), bib);
      const uri = pathToFileURL(path.join(dir, 'article.md')).href;
      open(server, uri, TEXT, 'markdown');
      const before = await diagnosticsFor(server, uri);
      assert.equal(before.filter((d) => d.code === 'unresolved-citation').length, 1);
      fs.appendFileSync(bib, '\n@misc{nosuchkey, title = {Now in the bibliography}, year = {2024}}\n');
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(bib, later, later);
      server.diagnostics.delete(uri);
      server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(bib).href, type: 2 }] });
      await waitFor('diagnostics without the unresolved key', () => {
        const p = server.diagnostics.get(uri);
        return p && !p.diagnostics.some((d) => d.code === 'unresolved-citation') ? p : undefined;
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
