import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { diagnosticsFor, open, ROOT, startServer, type TestServer, waitFor } from './lspClient';

/**
 * The author's workflow through the protocol: rule documentation, suppression and renumber quick
 * fixes, the renumber command (exact version, one applyEdit), fix-all, diagnostics on
 * `.clinical-lint.json`, and `ignore`. Every edit is applied and the document linted again.
 */
const SAMPLE = fs.readFileSync(path.join(ROOT, 'test/fixtures/sample.txt'), 'utf8');
const RENUMBER_DIR = path.join(ROOT, 'test/fixtures/renumber');

function applyLsp(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** The edits of a WorkspaceEdit for one document, checked against the version it was made for. */
function editsOf(edit: WorkspaceEdit, uri: string, version: number): TextEdit[] {
  const changes = edit.documentChanges as { textDocument: { uri: string; version: number }; edits: TextEdit[] }[];
  assert.equal(changes.length, 1, 'one document change: one undo step');
  assert.equal(changes[0].textDocument.uri, uri);
  assert.equal(changes[0].textDocument.version, version);
  return changes[0].edits;
}

const key = (d: Diagnostic): string => `${d.code}: ${String(d.message)}`;
const messageOf = (d: Diagnostic): string => String(d.message);

describe('author workflow over the protocol', () => {
  let server: TestServer;
  let version = 100;
  /** Messages shown to the user (window/showMessageRequest). */
  const shown: { type: number; message: string }[] = [];
  before(async () => {
    server = await startServer({ plaintext: 'always' });
    server.connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      shown.push(p);
      return null;
    });
  });
  after(async () => server.stop());

  async function change(uri: string, text: string): Promise<{ version: number; diagnostics: Diagnostic[] }> {
    version++;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return { version, diagnostics: await diagnosticsFor(server, uri, version) };
  }

  async function actionsFor(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } })) as CodeAction[];
  }

  it('offers "Show rule documentation" on every finding, pointing at a page that exists', async () => {
    const uri = 'file:///virtual/workflow/docs.txt';
    const text = `${SAMPLE}\nHer brother committed suicide.\n\n<!-- clinical-lint-disable-next-line nope -->\nFine.\n\n<!-- clinical-lint-disable-next-line unresolved-citation -- stale -->\nFine too.\n`;
    open(server, uri, text, 'plaintext', 1);
    const diags = await diagnosticsFor(server, uri, 1);
    const ids = new Set(diags.map((d) => String(d.code)));
    for (const id of ['safe-messaging', 'unknown-rule', 'unused-suppression']) assert.ok(ids.has(id), id);
    for (const d of diags) {
      const actions = await actionsFor(uri, d);
      const docs = actions.find((a) => a.command?.command === 'clinicalLint.showRuleDocumentation' && a.command.arguments?.[0] === d.code);
      assert.ok(docs, `documentation action for ${d.code}`);
      assert.equal(docs.title, `Show documentation for ${d.code}`);
      assert.deepEqual(docs.diagnostics, [d]);
      const page = fileURLToPath(String(docs.command!.arguments![1]));
      assert.equal(path.basename(page), `${d.code}.md`);
      assert.ok(fs.existsSync(page), `${page} exists`);
    }
  });

  for (const [name, conv] of [
    ['LF', (s: string) => s],
    ['CRLF', (s: string) => s.replace(/\n/g, '\r\n')],
    ['emoji', (s: string) => s.replace(/^Ketamine acts/m, 'Ketamine 🧪😀 acts')],
  ] as const) {
    it(`suppression quick fix: the finding is gone, nothing else changes (${name})`, async () => {
      const uri = `file:///virtual/workflow/suppress-${name}.md`;
      const text = conv('# Ketamine\n\nKetamine acts within hours [4].\n\n- PTSD [1]\n- OCD [5]\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n');
      open(server, uri, text, 'markdown', 1);
      const diags = await diagnosticsFor(server, uri, 1);
      const target = diags.find((d) => d.code === 'unresolved-citation' && d.range.start.line === 5)!;
      const fix = (await actionsFor(uri, target)).find((a) => a.title === 'Suppress unresolved-citation on the next line')!;
      assert.ok(fix?.edit, 'suppression action');
      const next = applyLsp(text, editsOf(fix.edit, uri, 1));
      assert.equal(next.replace(/<!-- clinical-lint-disable-next-line unresolved-citation -- reason -->\r?\n/, ''), text, 'only the comment is added');
      assert.ok(next.includes(`-- reason -->${name === 'CRLF' ? '\r\n' : '\n'}- PTSD`), 'above the list, with the document line ending');
      const after = await change(uri, next);
      assert.deepEqual(after.diagnostics.map(key).sort(), diags.filter((d) => d !== target).map(key).sort());
    });
  }

  it('renumber quick fix on citation-order: applied and linted again', async () => {
    const uri = 'file:///virtual/workflow/order.md';
    const text = fs.readFileSync(path.join(RENUMBER_DIR, 'brackets.md'), 'utf8');
    open(server, uri, text, 'markdown', 1);
    const diags = await diagnosticsFor(server, uri, 1);
    const order = diags.find((d) => d.code === 'citation-order')!;
    const fix = (await actionsFor(uri, order)).find((a) => a.title === 'Renumber references in order of first citation')!;
    assert.ok(fix.edit && fix.isPreferred);
    const next = applyLsp(text, editsOf(fix.edit, uri, 1));
    assert.equal(next, fs.readFileSync(path.join(RENUMBER_DIR, 'brackets.expected.md'), 'utf8'));
    const after = await change(uri, next);
    assert.deepEqual(after.diagnostics.map(key).sort(), diags.filter((d) => d !== order).map(key).sort());
  });

  it('renumber quick fix is shown disabled, with the reason, when the document is ambiguous', async () => {
    const uri = 'file:///virtual/workflow/ambiguous.md';
    const text = 'First [2], then [1] and [9].\n\n## References\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n';
    open(server, uri, text, 'markdown', 1);
    const order = (await diagnosticsFor(server, uri, 1)).find((d) => d.code === 'citation-order')!;
    const fix = (await actionsFor(uri, order)).find((a) => a.title === 'Renumber references in order of first citation')!;
    assert.equal(fix.edit, undefined);
    assert.match(fix.disabled!.reason, /\[9\] \(line 1\) cites reference 9/);
  });

  for (const [name, conv] of [
    ['LF', (s: string) => s],
    ['CRLF', (s: string) => s.replace(/\n/g, '\r\n')],
    ['emoji', (s: string) => s.replace('Ketamine acts', '🧪 Ketamine 😀 acts')],
  ] as const) {
    it(`renumber command: one applyEdit for the exact version (${name})`, async () => {
      const uri = `file:///virtual/workflow/command-${name}.txt`;
      const input = fs.readFileSync(path.join(RENUMBER_DIR, 'superscript.txt'), 'utf8');
      const text = conv(input);
      open(server, uri, text, 'plaintext', 1);
      const diags = await diagnosticsFor(server, uri, 1);
      server.applied.length = 0;
      const res = (await server.connection.sendRequest('workspace/executeCommand', { command: 'clinicalLint.renumberReferences', arguments: [uri, 1] })) as { applied: boolean; message: string };
      assert.equal(res.applied, true);
      assert.match(res.message, /Renumbered 3 references/);
      assert.equal(server.applied.length, 1, 'one workspace/applyEdit');
      const { edit, label } = server.applied[0] as { edit: WorkspaceEdit; label: string };
      assert.equal(label, 'Renumber references');
      const next = applyLsp(text, editsOf(edit, uri, 1));
      assert.equal(next, conv(fs.readFileSync(path.join(RENUMBER_DIR, 'superscript.expected.txt'), 'utf8')));
      const after = await change(uri, next);
      assert.deepEqual(after.diagnostics.map(key).sort(), diags.filter((d) => d.code !== 'citation-order').map(key).sort());
      // Twice equals once: nothing to apply now.
      server.applied.length = 0;
      const again = (await server.connection.sendRequest('workspace/executeCommand', { command: 'clinicalLint.renumberReferences', arguments: [uri, after.version] })) as { applied: boolean; message: string };
      assert.equal(again.applied, false);
      assert.match(again.message, /already numbered/);
      assert.equal(server.applied.length, 0);
    });
  }

  it('renumber command refuses a version the document has moved past, and an ambiguous document', async () => {
    const uri = 'file:///virtual/workflow/stale.txt';
    const text = fs.readFileSync(path.join(RENUMBER_DIR, 'superscript.txt'), 'utf8');
    open(server, uri, text, 'plaintext', 1);
    await diagnosticsFor(server, uri, 1);
    const { version: v2 } = await change(uri, `${text}\n`);
    server.applied.length = 0;
    const stale = (await server.connection.sendRequest('workspace/executeCommand', { command: 'clinicalLint.renumberReferences', arguments: [uri, 1] })) as { applied: boolean; message: string };
    assert.equal(stale.applied, false);
    assert.match(stale.message, /changed/);
    await waitFor('a warning to the user', () => shown.find((m) => m.type === 2 && /changed before references could be renumbered/.test(m.message)));
    assert.equal(server.applied.length, 0);
    assert.ok(v2 > 1);
    const amb = 'First.¹ Then.¹⁰ Both.¹²\n\nReferences\n\n' + Array.from({ length: 12 }, (_, i) => `${i + 1}. A${i} A. T ${i}. J. 2001.`).join('\n') + '\n';
    const u2 = 'file:///virtual/workflow/amb.txt';
    open(server, u2, amb, 'plaintext', 1);
    await diagnosticsFor(server, u2, 1);
    const before = shown.length;
    const r = (await server.connection.sendRequest('workspace/executeCommand', { command: 'clinicalLint.renumberReferences', arguments: [u2, 1] })) as { applied: boolean; message: string };
    assert.equal(r.applied, false);
    assert.match(r.message, /¹² \(line 1\) can be read as/);
    const msg = await waitFor('an error message to the user', () => shown.slice(before).find((m) => m.type === 1));
    assert.match(msg.message, /^clinical-lint: The superscript ¹² \(line 1\)/);
    assert.equal(server.applied.length, 0);
  });

  for (const [name, conv] of [
    ['LF', (s: string) => s],
    ['CRLF', (s: string) => s.replace(/\n/g, '\r\n')],
    ['emoji', (s: string) => s.replace('Her brother', 'Her 🧑‍🤝‍🧑 brother 😢')],
  ] as const) {
    it(`fix all (source.fixAll.clinical-lint): only safe fixes, one edit, to a fixed point (${name})`, async () => {
      const uri = `file:///virtual/workflow/fixall-${name}.txt`;
      const text = conv('Ketamine and suicide risk\n\nHer brother committed suicide in 2019, and a cousin tried to commit suicide.\nA successful suicide is rarely impulsive.¹\n\nIf you are thinking about suicide, call or text 9-8-8.\n\nReferences\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n');
      open(server, uri, text, 'plaintext', 1);
      const diags = await diagnosticsFor(server, uri, 1);
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.clinical-lint'] },
      })) as CodeAction[];
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.clinical-lint');
      assert.match(actions[0].title, /\(2 fixes: safe-messaging\)/);
      const edits = editsOf(actions[0].edit!, uri, 1);
      assert.equal(edits.length, 1);
      const next = applyLsp(text, edits);
      assert.equal(next, text.replace('committed suicide', 'died by suicide').replace('tried to commit suicide', 'attempted suicide'));
      const after = await change(uri, next);
      const gone = diags.filter((d) => d.code === 'safe-messaging' && /commit/i.test(messageOf(d)));
      assert.equal(gone.length, 2);
      assert.deepEqual(after.diagnostics.map(key).sort(), diags.filter((d) => !gone.includes(d)).map(key).sort());
      // Nothing safe left: no action.
      const none = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.clinical-lint'] },
      })) as CodeAction[];
      assert.deepEqual(none, []);
    });
  }

  it('kinds are hierarchical: "source" includes the fix-all, "quickfix" excludes it; no action is offered twice', async () => {
    const uri = 'file:///virtual/workflow/kinds.txt';
    const text = 'Her brother committed suicide in 2019, and a cousin tried to commit suicide.\n\nIf you are thinking about suicide, call or text 988.\n';
    open(server, uri, text, 'plaintext', 1);
    const diags = await diagnosticsFor(server, uri, 1);
    const onLine = diags.filter((d) => d.code === 'safe-messaging' && d.range.start.line === 0);
    assert.equal(onLine.length, 2, 'two findings of one rule on one line');
    const ask = async (only?: string[]): Promise<CodeAction[]> =>
      (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.indexOf('\n') } },
        context: { diagnostics: onLine, ...(only ? { only } : {}) },
      })) as CodeAction[];
    const source = await ask(['source']);
    assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.clinical-lint']);
    const fixes = await ask(['quickfix']);
    assert.ok(fixes.length > 0 && fixes.every((a) => a.kind === 'quickfix'));
    const all = await ask();
    assert.deepEqual(all.map((a) => a.title), fixes.map((a) => a.title), 'with no "only", the quick fixes');
    const titles = fixes.map((a) => a.title);
    assert.equal(titles.filter((t) => t === 'Suppress safe-messaging on the next line' || /^Suppress safe-messaging/.test(t)).length, 1, titles.join(' | '));
    assert.equal(titles.filter((t) => t === 'Show documentation for safe-messaging').length, 1, titles.join(' | '));
    const keys = fixes.map((a) => JSON.stringify([a.title, a.edit, a.command]));
    assert.equal(new Set(keys).size, keys.length, 'no action twice');
  });

  describe('configuration file', () => {
    let dir: string;
    before(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-ws-')));
    });

    it('reports a broken .clinical-lint.json on the file itself, where the problem is', async () => {
      const file = path.join(dir, '.clinical-lint.json');
      const text = '{\n  "jurisdiction": "CA",\n  "rules": { "citation-order": "loud" }\n}\n';
      fs.writeFileSync(file, text);
      const uri = pathToFileURL(file).toString();
      open(server, uri, text, 'jsonc', 1);
      const diags = await diagnosticsFor(server, uri, 1);
      assert.equal(diags.length, 1);
      assert.deepEqual(diags[0].range, { start: { line: 2, character: 31 }, end: { line: 2, character: 37 } });
      assert.equal(diags[0].severity, 1);
      assert.match(messageOf(diags[0]), /Severity of "citation-order" must be one of/);
      // An article next to it is still linted (with the defaults) and says why.
      const art = pathToFileURL(path.join(dir, 'a.md')).toString();
      open(server, art, 'Ketamine [2] then [1].\n\n## References\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n', 'markdown', 1);
      const ad = await diagnosticsFor(server, art, 1);
      assert.ok(ad.some((d) => d.code === 'citation-order'), 'defaults keep working');
      assert.ok(ad.some((d) => d.code === 'config' && messageOf(d).includes('.clinical-lint.json:3:')));
      // Fixed in the editor: the diagnostic goes.
      const { diagnostics } = await change(uri, '{\n  "jurisdiction": "CA"\n}\n');
      assert.deepEqual(diagnostics, []);
      const broken = await change(uri, '{\n  "jurisdiction": "CA",\n');
      assert.match(messageOf(broken.diagnostics[0]), /Invalid JSON/);
      server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: art } });
    });

    it('does not lint documents the file ignores', async () => {
      fs.writeFileSync(path.join(dir, '.clinical-lint.json'), '{ "ignore": ["drafts/**"] }');
      fs.mkdirSync(path.join(dir, 'drafts'), { recursive: true });
      const text = 'Ketamine [4].\n\n## References\n\n1. A A. One. J. 2001.\n';
      const ignored = pathToFileURL(path.join(dir, 'drafts', 'b.md')).toString();
      const linted = pathToFileURL(path.join(dir, 'c.md')).toString();
      open(server, ignored, text, 'markdown', 1);
      open(server, linted, text, 'markdown', 1);
      assert.ok((await diagnosticsFor(server, linted, 1)).some((d) => d.code === 'unresolved-citation'));
      assert.deepEqual(await diagnosticsFor(server, ignored, 1), []);
      const status = await waitFor('status of the ignored file', () =>
        server.notifications.find((n) => n.method === 'clinicalLint/status' && (n.params as { uri: string }).uri === ignored),
      );
      assert.match(String((status.params as { skipped?: string }).skipped), /ignores this file/);
    });
  });
});
