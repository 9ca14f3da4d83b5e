// Helpers for the tests that run inside VS Code's extension host.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export function repoRoot(): string {
  if (process.env.CLINICAL_LINT_ROOT) return process.env.CLINICAL_LINT_ROOT;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'clinical-lint') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no clinical-lint package.json above ${__dirname}`);
  }
}

export function fixture(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(repoRoot(), 'test', 'fixtures', ...parts));
}

/** Polls `probe` every 50 ms until it returns a truthy value; fails after `timeoutMs`. */
export async function poll<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The position of the first occurrence of `text` in the document. */
export function positionOf(doc: vscode.TextDocument, text: string, from = 0): vscode.Position {
  const offset = doc.getText().indexOf(text, from);
  if (offset < 0) throw new Error(`"${text}" not found in ${doc.uri.fsPath}`);
  return doc.positionAt(offset);
}

export async function diagnosticsOf(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return poll(`diagnostics for ${path.basename(uri.fsPath)}`, () => {
    const d = vscode.languages.getDiagnostics(uri);
    return d.length > 0 ? d : undefined;
  });
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
