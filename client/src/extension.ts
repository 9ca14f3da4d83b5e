import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  CITATION_EDIT_REQUEST,
  FIX_ALL_COMMAND,
  type CitationEditParams,
  REFERENCES_REQUEST,
  type ReferenceItem,
  RENUMBER_COMMAND,
  SET_CURSOR_COMMAND,
  SHOW_RULE_DOCS_COMMAND,
  STATUS_NOTIFICATION,
  type StatusParams,
} from '../../server/src/shared/protocol';

/**
 * The VS Code client: starts the language server, passes settings (with workspace trust),
 * shows the status bar item, and runs the commands that need the editor (cursor moves, the
 * "Insert citation..." pick, opening rule pages). All analysis happens in the server.
 */
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps its compiled code in the extension's own storage (server/src/node/launcher.ts).
  const env = { ...process.env, CLINICAL_LINT_CACHE_DIR: context.globalStorageUri.fsPath };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const output = vscode.window.createOutputChannel('clinical-lint', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      // The configuration file itself, so a broken one gets its diagnostics where the problem is.
      { language: 'jsonc', pattern: '**/.clinical-lint.json' },
      { language: 'json', pattern: '**/.clinical-lint.json' },
    ],
    outputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.clinical-lint.json') },
    middleware: {
      workspace: {
        // Settings go to the server per resource, with the workspace's trust added.
        configuration: async (params, token, next) => {
          const result = (await next(params, token)) as unknown[];
          if (!Array.isArray(result)) return result;
          return result.map((r) => (r && typeof r === 'object' ? { ...(r as object), trusted: vscode.workspace.isTrusted } : r));
        },
      },
    },
  };
  client = new LanguageClient('clinicalLint', 'clinical-lint', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.name = 'clinical-lint';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status, output);
  const statuses = new Map<string, StatusParams>();
  const showStatus = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? statuses.get(uri) : undefined;
    if (!s) {
      status.hide();
      return;
    }
    const n = s.counts.error + s.counts.warning + s.counts.info + s.counts.hint;
    status.text = s.skipped ? `$(circle-slash) clinical-lint · ${s.jurisdiction}` : `$(${n ? 'warning' : 'check'}) ${n} · ${s.jurisdiction}`;
    status.tooltip = s.skipped ?? `clinical-lint: ${s.counts.error} errors, ${s.counts.warning} warnings, ${s.counts.info} info, ${s.counts.hint} hints. Jurisdiction ${s.jurisdiction}.`;
    status.show();
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(showStatus));

  context.subscriptions.push(
    vscode.commands.registerCommand(SET_CURSOR_COMMAND, (uri: string, pos: { line: number; character: number }) => {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      if (!editor) return;
      const p = new vscode.Position(pos.line, pos.character);
      editor.selection = new vscode.Selection(p, p);
      editor.revealRange(new vscode.Range(p, p));
    }),
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, async (ruleId?: string, docsUri?: string) => {
      const target = docsUri ? vscode.Uri.parse(docsUri) : vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId ?? 'README'}.md`);
      await vscode.commands.executeCommand('markdown.showPreview', target).then(undefined, () => vscode.window.showTextDocument(target));
    }),
    vscode.commands.registerCommand('clinicalLint.insertCitation', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const doc = editor.document;
      const version = doc.version;
      const refs = await client.sendRequest<ReferenceItem[]>(REFERENCES_REQUEST, { uri: doc.uri.toString(), position: editor.selection.active });
      if (!refs.length) {
        void vscode.window.showInformationMessage('clinical-lint: this document has no numbered reference list to cite from.');
        return;
      }
      const pick = await vscode.window.showQuickPick(
        refs.map((r) => ({ label: r.label !== undefined ? `[^${r.label}]` : `${r.number}`, description: r.title, detail: r.detail, ref: r })),
        { placeHolder: 'Cite which reference?', matchOnDescription: true, matchOnDetail: true },
      );
      if (!pick) return;
      const params: CitationEditParams = { uri: doc.uri.toString(), version, position: editor.selection.active, number: pick.ref.number, label: pick.ref.label };
      const edit = await client.sendRequest<unknown>(CITATION_EDIT_REQUEST, params);
      if (!edit) {
        void vscode.window.showWarningMessage('clinical-lint: the document changed while choosing; nothing was inserted.');
        return;
      }
      const converted = await client.protocol2CodeConverter.asWorkspaceEdit(edit as never);
      if (converted) await vscode.workspace.applyEdit(converted);
    }),
    vscode.commands.registerCommand(FIX_ALL_COMMAND, async () => {
      // The server's source.fixAll.clinical-lint action: every safe fix, as one edit (one undo step).
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const doc = editor.document;
      const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.clinical-lint')) ?? [];
      const action = actions.find((a) => a.kind?.value === 'source.fixAll.clinical-lint' && a.edit);
      if (!action?.edit) {
        void vscode.window.showInformationMessage('clinical-lint: no safe fixes to apply in this document.');
        return;
      }
      if (await vscode.workspace.applyEdit(action.edit)) void vscode.window.showInformationMessage(`clinical-lint: ${action.title.replace(/^Fix all safe clinical-lint findings \((.*)\)$/, 'applied $1')}`);
    }),
    vscode.commands.registerCommand('clinicalLint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('clinicalLint.showOutput', () => output.show()),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
      statuses.set(s.uri, s);
      showStatus();
    }),
    vscode.commands.registerCommand(`${RENUMBER_COMMAND}.editor`, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: RENUMBER_COMMAND, arguments: [editor.document.uri.toString(), editor.document.version] });
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
