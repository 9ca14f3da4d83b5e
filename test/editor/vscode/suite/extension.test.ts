// The extension in a real VS Code: diagnostics, hover and go-to-definition on citation markers,
// through the public vscode API (the same requests the editor makes).
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { diagnosticsOf, fixture, hoverText, open, poll, positionOf } from './util';

describe('clinical-lint in VS Code', () => {
  const sample = fixture('sample.txt');
  let doc: vscode.TextDocument;

  before(async () => {
    doc = (await open(sample)).document;
  });

  it('activates on a plain-text article', async () => {
    const ext = vscode.extensions.getExtension('clinical-lint.clinical-lint');
    assert.ok(ext);
    assert.strictEqual(doc.languageId, 'plaintext');
    await poll('the extension to activate', () => ext.isActive);
  });

  it('publishes diagnostics with source, rule id and a docs link', async () => {
    const diagnostics = await diagnosticsOf(sample);
    for (const d of diagnostics) {
      assert.strictEqual(d.source, 'clinical-lint', `source of "${d.message}"`);
      const code = d.code;
      assert.ok(code && typeof code === 'object', `code of "${d.message}" is not {value, target}`);
      assert.ok(typeof code.value === 'string' && code.value.length > 0, `rule id of "${d.message}"`);
      assert.ok(code.target instanceof vscode.Uri, `docs link of "${d.message}"`);
      assert.ok(code.target.path.includes(String(code.value)), `docs link ${code.target} of rule ${code.value}`);
      if (code.target.scheme === 'file') {
        assert.ok(fs.existsSync(code.target.fsPath), `docs page ${code.target.fsPath} is missing`);
      }
    }
  });

  it('hover on a superscript marker shows the references it cites', async () => {
    const at = positionOf(doc, '¹²');
    const hovers = await poll('a hover on ¹²', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sample, at);
      return h && h.length > 0 ? h : undefined;
    });
    const text = hoverText(hovers);
    assert.match(text, /Sanacora/, `hover text: ${text}`);
    assert.match(text, /Andrade/, `hover text: ${text}`);
  });

  it('go to definition from a marker lands on its reference entry', async () => {
    const at = positionOf(doc, '¹²');
    const targets = await poll('a definition for ¹²', async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', sample, at);
      return d && d.length > 0 ? d : undefined;
    });
    const first = targets[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetUri' in first ? first.targetRange : first.range;
    assert.strictEqual(uri.toString(), sample.toString());
    const refLine = positionOf(doc, '1. Sanacora G,').line;
    assert.strictEqual(range.start.line, refLine, `landed on: ${doc.lineAt(range.start.line).text}`);
  });

  it('flags an unresolved marker in a Markdown article with footnotes', async () => {
    const md = fixture('editor', 'footnotes.md');
    const mdDoc = (await open(md)).document;
    assert.strictEqual(mdDoc.languageId, 'markdown');
    const at = positionOf(mdDoc, '[3]');
    const unresolved = await poll('an unresolved-citation diagnostic on [3]', () =>
      vscode.languages.getDiagnostics(md).find((d) => {
        const code = typeof d.code === 'object' ? d.code.value : d.code;
        return code === 'unresolved-citation' && d.range.contains(at.translate(0, 1));
      }),
    );
    assert.strictEqual(unresolved.source, 'clinical-lint');
  });
});
