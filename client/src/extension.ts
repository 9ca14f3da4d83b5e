import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
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
import { serverEnvironment } from '../../server/src/shared/serverEnvironment';

/**
 * The VS Code client: starts the language server, passes settings (with workspace trust),
 * shows the status bar item, and runs the commands that need the editor (cursor moves, the
 * "Insert citation..." pick, opening rule pages). All analysis happens in the server.
 */
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps its compiled code in the extension's own storage (server/src/node/launcher.ts),
  // and starts without what only slows its start (server/src/shared/serverEnvironment.ts).
  const env = serverEnvironment(process.env, { CLINICAL_LINT_CACHE_DIR: context.globalStorageUri.fsPath });
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
  // Focus the Problems view (the toggle closed it when it was already open).
  status.command = 'workbench.panel.markers.view.focus';
  context.subscriptions.push(status, output);
  const statuses = new Map<string, StatusParams>();
  let serverDown = false;
  const showStatus = (): void => {
    if (serverDown) {
      status.text = '$(error) clinical-lint';
      status.tooltip = 'clinical-lint: the language server is not running. Click for the output; run "clinical-lint: Restart Server" to start it again.';
      status.command = 'clinicalLint.showOutput';
      status.show();
      return;
    }
    status.command = 'workbench.panel.markers.view.focus';
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? statuses.get(uri) : undefined;
    // Nothing for a document that is not an article, or plain text with linting off.
    if (!s || s.quiet) {
      status.hide();
      return;
    }
    const n = s.counts.error + s.counts.warning + s.counts.info + s.counts.hint;
    const icon = s.counts.error ? 'error' : s.counts.warning ? 'warning' : n ? 'info' : 'check';
    status.text = s.skipped ? `$(circle-slash) clinical-lint · ${s.jurisdiction}` : `$(${icon}) clinical-lint${n ? `: ${n}` : ''} · ${s.jurisdiction}`;
    status.tooltip = s.skipped ?? `clinical-lint: ${s.counts.error} errors, ${s.counts.warning} warnings, ${s.counts.info} info, ${s.counts.hint} hints. Jurisdiction ${s.jurisdiction}.`;
    status.show();
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.delete(d.uri.toString())),
    client.onDidChangeState((e) => {
      serverDown = e.newState === State.Stopped;
      showStatus();
    }),
    // Trust granted: the server reads the workspace file's lexicon and drugs from now on.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand(SET_CURSOR_COMMAND, (uri: string, pos: { line: number; character: number }) => {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      if (!editor) return;
      const p = new vscode.Position(pos.line, pos.character);
      editor.selection = new vscode.Selection(p, p);
      editor.revealRange(new vscode.Range(p, p));
    }),
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, async (ruleId?: string, docsUri?: string) => {
      // From the palette: the rule of the finding at the cursor, or a pick of every rule page.
      let id = ruleId;
      if (!id && !docsUri) {
        const editor = vscode.window.activeTextEditor;
        const here = editor && vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'clinical-lint' && d.range.contains(editor.selection.active));
        id = here ? String(typeof here.code === 'object' ? here.code.value : here.code) : undefined;
        if (!id) {
          const pages = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
          id = await vscode.window.showQuickPick(pages.map(([name]) => name.replace(/\.md$/, '')).sort(), { placeHolder: 'Show the documentation of which rule?' });
          if (!id) return;
        }
      }
      const target = docsUri ? vscode.Uri.parse(docsUri) : vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', target).then(undefined, () => vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside }));
    }),
    vscode.commands.registerCommand('clinicalLint.insertCitation', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const doc = editor.document;
      const version = doc.version;
      if (!client.isRunning()) {
        void vscode.window.showWarningMessage('clinical-lint: the language server is not running (see "clinical-lint: Show Output").');
        return;
      }
      const refs = await client.sendRequest<ReferenceItem[]>(REFERENCES_REQUEST, { uri: doc.uri.toString(), position: editor.selection.active });
      if (!refs.length) {
        void vscode.window.showInformationMessage('clinical-lint: nothing to cite from here: this document has no reference list, or it is not linted (see the status bar).');
        return;
      }
      const pick = await vscode.window.showQuickPick(
        refs.map((r) => ({ label: r.label !== undefined ? `[^${r.label}]` : `${r.number ?? r.ordinal}`, description: r.title, detail: r.detail, ref: r })),
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
      if (converted && !(await vscode.workspace.applyEdit(converted))) void vscode.window.showWarningMessage('clinical-lint: the editor did not apply the citation (is the document read-only?).');
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
    vscode.commands.registerCommand(`${RENUMBER_COMMAND}.editor`, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      if (!client.isRunning()) {
        void vscode.window.showWarningMessage('clinical-lint: the language server is not running (see "clinical-lint: Show Output").');
        return;
      }
      // The server shows what it did or why it did not; a refusal by the editor is said here.
      const r = await client.sendRequest<{ applied: boolean; message?: string } | null>('workspace/executeCommand', { command: RENUMBER_COMMAND, arguments: [editor.document.uri.toString(), editor.document.version] });
      if (r && !r.applied && r.message === 'the editor did not apply the edit') void vscode.window.showWarningMessage('clinical-lint: the editor did not apply the renumbering (is the document read-only?).');
    }),
  );

  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
      statuses.set(s.uri, s);
      showStatus();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
