// The author's workflow in a real VS Code: Fix All, Renumber References, the suppression and
// documentation quick fixes, and diagnostics on a broken .clinical-lint.json.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixture, poll } from './util';

async function untitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
  return vscode.window.showTextDocument(doc, { preview: false });
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'clinical-lint');
}

const ruleOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('clinical-lint workflow in VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Fix All Safe Findings applies the safe fixes and leaves the rest', async () => {
    const editor = await untitled(
      'Her brother committed suicide in 2019.¹ A successful suicide is rarely impulsive.\n\nIf you are thinking about suicide, call or text 9-8-8.\n\nReferences\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n',
    );
    const uri = editor.document.uri;
    await poll('the safe-messaging findings', () => ours(uri).filter((d) => ruleOf(d) === 'safe-messaging').length === 2);
    await vscode.commands.executeCommand('clinicalLint.fixAll');
    await poll('the fixed text', () => editor.document.getText().includes('Her brother died by suicide in 2019.¹'));
    assert.ok(editor.document.getText().includes('A successful suicide'), 'a fix that needs a choice is not applied');
    await poll('one safe-messaging finding left', () => ours(uri).filter((d) => ruleOf(d) === 'safe-messaging').length === 1);
  });

  it('Renumber References rewrites markers and the list as one edit', async () => {
    const input = fs.readFileSync(fixture('renumber', 'superscript.txt').fsPath, 'utf8');
    const expected = fs.readFileSync(fixture('renumber', 'superscript.expected.txt').fsPath, 'utf8');
    const editor = await untitled(input);
    await poll('the citation-order finding', () => ours(editor.document.uri).some((d) => ruleOf(d) === 'citation-order'));
    await vscode.commands.executeCommand('clinicalLint.renumberReferences.editor');
    await poll('the renumbered text', () => editor.document.getText() === expected);
    await poll('no citation-order finding', () => !ours(editor.document.uri).some((d) => ruleOf(d) === 'citation-order'));
    await vscode.commands.executeCommand('undo');
    await poll('one undo step restores the original', () => editor.document.getText() === input);
  });

  it('every finding offers a suppression and a documentation quick fix', async () => {
    const editor = await untitled('Ketamine acts within hours [4].\n\nReferences\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n');
    const uri = editor.document.uri;
    const d = await poll('the unresolved citation', () => ours(uri).find((x) => ruleOf(x) === 'unresolved-citation'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Suppress unresolved-citation on the next line'), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for unresolved-citation'), titles.join(' | '));
    const suppress = actions.find((a) => a.title === 'Suppress unresolved-citation on the next line')!;
    assert.ok(await vscode.workspace.applyEdit(suppress.edit!));
    assert.ok(editor.document.getText().startsWith('<!-- clinical-lint-disable-next-line unresolved-citation -- reason -->\nKetamine'));
    await poll('the finding is gone', () => !ours(uri).some((x) => ruleOf(x) === 'unresolved-citation'));
  });

  it('a broken .clinical-lint.json gets a diagnostic where the problem is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-vscode-'));
    const file = path.join(dir, '.clinical-lint.json');
    fs.writeFileSync(file, '{\n  "jurisdiction": "CA",\n  "rules": { "citation-order": "loud" }\n}\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc, { preview: false });
    const d = await poll('a diagnostic on the configuration file', () => ours(doc.uri)[0]);
    assert.strictEqual(d.range.start.line, 2);
    assert.strictEqual(doc.getText(d.range), '"loud"');
    assert.match(d.message, /Severity of "citation-order" must be one of/);
  });
});
