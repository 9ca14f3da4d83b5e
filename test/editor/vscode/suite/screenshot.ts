// For the README's screenshot: shows the Problems panel and a hover on the first citation marker
// of the sample, then tells run-vscode-web.js (through a file) to take the picture, and waits for
// it to be taken.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixture, open, poll, positionOf } from './util';

export async function showHoverForScreenshot(dir: string): Promise<void> {
  await vscode.workspace.getConfiguration('editor').update('wordWrap', 'on', vscode.ConfigurationTarget.Global);
  await vscode.workspace.getConfiguration('chat').update('disableAIFeatures', true, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  // Only the sample's findings: other tests leave problems in files of their own (temp folders).
  await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile');
  const editor = await open(fixture('sample.txt'));
  const pos = positionOf(editor.document, '¹²');
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos.line - 2 < 0 ? 0 : pos.line - 2, 0, pos.line, 0), vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await vscode.commands.executeCommand('editor.action.showHover');
  fs.writeFileSync(path.join(dir, 'ready'), '');
  await poll('the screenshot', () => fs.existsSync(path.join(dir, 'done')), 30_000);
}
