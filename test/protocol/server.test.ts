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
    // Digits that do not rise are one number: ¹²³⁰ cites reference 1230, never 1, 2, 3 and 0.
    assert.match(String(unresolved[0].message), /reference 1230\b/);
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
    // And nothing in the status bar: the status says so.
    const status = await waitFor('status', () => server.notifications.find((n) => n.method === 'clinicalLint/status' && (n.params as { uri: string }).uri === uri));
    assert.equal((status.params as { quiet?: boolean }).quiet, true);
  });
});

describe('language server: code actions, completion and links', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());

  const DOC = 'Ketamine acts fast.¹ It is rapid.²\r\nBenefits fade.³\r\n\r\nReferences\r\n\r\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017. doi:10.1001/jamapsychiatry.2017.0080\r\n2. Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017. PMID: 28797432\r\n';
  const uri = 'file:///virtual/actions.txt';

  it('offers fixes as versioned edits, and applying one clears the finding', async () => {
    open(server, uri, DOC, 'plaintext', 7);
    const diags = await diagnosticsFor(server, uri, 7);
    const d = diags.find((x) => x.code === 'unresolved-citation')!;
    assert.ok(d);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as { title: string; kind: string; edit?: { documentChanges: { textDocument: { version: number }; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[] }; command?: { command: string } }[];
    const add = actions.find((a) => a.title.startsWith('Add reference 3'))!;
    assert.ok(add, actions.map((a) => a.title).join(' | '));
    assert.equal(add.kind, 'quickfix');
    assert.equal(add.edit!.documentChanges[0].textDocument.version, 7, 'computed against the version it edits');
    assert.equal(add.command!.command, 'clinicalLint.setCursor');
    assert.ok(actions.some((a) => a.title === 'Show documentation for unresolved-citation' && a.command?.command === 'clinicalLint.showRuleDocumentation'));
    // Apply the edit as an editor would, then send the change.
    const lines = DOC.split('\r\n');
    const e = add.edit!.documentChanges[0].edits[0];
    assert.deepEqual(e.range.start, e.range.end);
    const line = lines[e.range.start.line];
    lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.start.character);
    const next = lines.join('\r\n');
    assert.ok(next.includes('PMID: 28797432\r\n3. '), JSON.stringify(next.slice(-60)));
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 8 }, contentChanges: [{ text: next }] });
    const after = await diagnosticsFor(server, uri, 8);
    assert.deepEqual(after.filter((x) => x.code === 'unresolved-citation'), []);
  });

  it('links DOIs and PMIDs in the reference list', async () => {
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as { target: string }[];
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes('https://doi.org/10.1001/jamapsychiatry.2017.0080'), targets.join(' '));
    assert.ok(targets.includes('https://pubmed.ncbi.nlm.nih.gov/28797432/'));
  });

  it('completes superscript markers with authors and titles', async () => {
    const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 14 } })) as { label: string; detail: string; preselect?: boolean; sortText: string; textEdit: { newText: string } }[];
    assert.equal(items.length, 3);
    // Ranked as the cite fixes rank: 1 and 2 are cited in order before the cursor, so 3 is next,
    // then the reference just cited; the editor sorts by sortText and selects the first.
    assert.deepEqual(items.map((i) => i.textEdit.newText), ['³', '²', '¹']);
    assert.deepEqual(items.map((i) => i.sortText), ['00000', '00001', '00002']);
    assert.deepEqual(items.map((i) => !!i.preselect), [true, false, false]);
    assert.match(items[2].detail, /^Sanacora G, A Consensus Statement/);
  });

  it('completes bracket markers after [ in Markdown', async () => {
    const md = 'file:///virtual/c.md';
    const text = 'Ketamine acts fast [\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';
    open(server, md, text, 'markdown', 1);
    await diagnosticsFor(server, md, 1);
    const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: md }, position: { line: 0, character: 20 } })) as { label: string; textEdit: { newText: string } }[];
    assert.deepEqual(items.map((i) => i.textEdit.newText), ['1]']);
  });
});

describe('language server: citations in parentheses', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());
  const uri = 'file:///virtual/parenthesised.txt';
  const text = [
    '🧠 Ketamine acts quickly (1). 😀 As shown before (2, 3), the effect fades within two weeks.',
    'Studies show that relapse is common within a month.',
    '',
    'References',
    '',
    '1. Sanacora G. A Consensus Statement on the Use of Ketamine. JAMA Psychiatry. 2017.',
    '2. Andrade C. Ketamine for Depression: Clinical Summary of Efficacy. J Clin Psychiatry. 2017.',
    '3. Wilkinson ST. Relapse after ketamine: a month of follow-up. Am J Psychiatry. 2018.',
    '',
  ].join('\r\n');

  it('hovers (2, 3) with references 2 and 3, goes to them, and finds the citations of an entry', async () => {
    open(server, uri, text, 'plaintext', 1);
    const diags = await diagnosticsFor(server, uri, 1);
    assert.deepEqual(diags.filter((d) => d.code === 'unused-reference' || d.code === 'unresolved-citation'), []);
    const pos = positionOf(text, '(2, 3)');
    const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos })) as { contents: { value: string }; range: unknown };
    assert.match(h.contents.value, /Andrade C/);
    assert.match(h.contents.value, /Wilkinson ST/);
    assert.deepEqual(h.range, { start: pos, end: { line: pos.line, character: pos.character + 6 } });
    const defs = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos })) as { range: { start: { line: number; character: number } } }[];
    assert.deepEqual(defs.map((d) => d.range.start), [positionOf(text, '2. Andrade'), positionOf(text, '3. Wilkinson')]);
    const refs = (await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(text, '1. Sanacora'), context: { includeDeclaration: false } })) as { range: { start: unknown } }[];
    assert.deepEqual(refs.map((r) => r.range.start), [positionOf(text, '(1)')]);
  });

  it('cites an uncited sentence in parentheses, and the finding goes', async () => {
    const diags = await diagnosticsFor(server, uri, 1);
    const d = diags.find((x) => x.code === 'missing-citation')!;
    assert.ok(d, diags.map((x) => x.code).join(' '));
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as { title: string; edit?: { documentChanges: { edits: { range: { start: { line: number; character: number } }; newText: string }[] }[] } }[];
    const cite = actions.find((a) => a.title.startsWith('Cite 3'))!;
    assert.ok(cite, actions.map((a) => a.title).join(' | '));
    const e = cite.edit!.documentChanges[0].edits[0];
    assert.equal(e.newText, ' (3)');
    const lines = text.split('\r\n');
    const line = lines[e.range.start.line];
    lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.start.character);
    const next = lines.join('\r\n');
    assert.ok(next.includes('within a month (3).\r\n'), next);
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: next }] });
    const after = await diagnosticsFor(server, uri, 2);
    assert.deepEqual(after.filter((x) => x.code === 'missing-citation'), []);
  });
});

describe('language server: the "Insert citation..." requests', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());
  const uri = 'file:///virtual/insert.txt';
  const text = 'Ketamine reduces depressive symptoms within hours. It is used off-label.¹\n\nReferences\n\n1. Sanacora G. A Consensus Statement on the Use of Ketamine. JAMA Psychiatry. 2017.\n2. Andrade C. Ketamine for Depression: Clinical Summary of Efficacy. J Clin Psychiatry. 2017.\n';

  it('lists references, best match for the sentence at the cursor first', async () => {
    open(server, uri, text, 'plaintext', 3);
    await diagnosticsFor(server, uri, 3);
    const items = (await server.connection.sendRequest('clinicalLint/references', { uri, position: { line: 0, character: 10 } })) as { number: number; title: string }[];
    assert.equal(items.length, 2);
    assert.equal(items[0].number, 2, 'the depression summary matches "depressive symptoms" best');
  });

  it('cites at the end of the sentence in the document style, against the exact version', async () => {
    const edit = (await server.connection.sendRequest('clinicalLint/citationEdit', { uri, version: 3, position: { line: 0, character: 10 }, number: 2 })) as { documentChanges: { textDocument: { version: number }; edits: { range: { start: { character: number } }; newText: string }[] }[] };
    const change = edit.documentChanges[0];
    assert.equal(change.textDocument.version, 3);
    assert.equal(change.edits[0].newText, '²');
    assert.equal(change.edits[0].range.start.character, text.indexOf(' It is'));
    const stale = await server.connection.sendRequest('clinicalLint/citationEdit', { uri, version: 2, position: { line: 0, character: 10 }, number: 2 });
    assert.equal(stale, null, 'an edit for an older version is refused');
  });

  it('in a document whose <sup> numbers link to their entries, links the new one to its entry, in a sentence or at the cursor', async () => {
    const md = 'file:///virtual/insert-linked.md';
    const body = '# Ketamine 🧠\r\n\r\nKetamine acts on glutamate receptors.<sup>[1](#ref-1)</sup>\r\n\r\n😔 Ketamine relieves depression within hours.\r\n\r\n## References\r\n\r\n<ol>\r\n<li id="ref-1">Sanacora G. A Consensus Statement on the Use of Ketamine. JAMA Psychiatry. 2017.</li>\r\n<li id="ref-2">Andrade C. Ketamine for Depression: Clinical Summary of Efficacy. J Clin Psychiatry. 2017.</li>\r\n</ol>\r\n';
    open(server, md, body, 'markdown', 1);
    await diagnosticsFor(server, md, 1);
    type Edit = { documentChanges: { edits: { range: { start: { line: number; character: number } }; newText: string }[] }[] };
    const inSentence = (await server.connection.sendRequest('clinicalLint/citationEdit', { uri: md, version: 1, position: positionOf(body, 'relieves'), number: 2 })) as Edit;
    assert.deepEqual(inSentence.documentChanges[0].edits[0], { range: { start: positionOf(body, '\r\n\r\n## References'), end: positionOf(body, '\r\n\r\n## References') }, newText: '<sup>[2](#ref-2)</sup>' });
    const blank = { line: 3, character: 0 };
    const atCursor = (await server.connection.sendRequest('clinicalLint/citationEdit', { uri: md, version: 1, position: blank, number: 2 })) as Edit;
    assert.deepEqual(atCursor.documentChanges[0].edits[0], { range: { start: blank, end: blank }, newText: '<sup>[2](#ref-2)</sup>' });
  });
});
