import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  type InitializeParams,
  type InitializeResult,
  type Registration,
  RegistrationRequest,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, type LintConfig } from '../core/config';
import { CONFIG_FILE_NAME, mergeConfig, parseConfigFile } from '../core/configFile';
import { renumber } from '../core/features/renumber';
import { diffEdit, fixAllSteps } from '../core/fixAll';
import { cancellable, isCancelled, type Steps } from '../core/steps';
import { suppressFix } from '../core/suppression';
import { isIgnored } from '../node/ignore';
import { hover } from '../core/features/hover';
import { definition, documentLinks, documentSymbols, findReferences, type SymbolResult } from '../core/features/navigation';
import { completion } from '../core/features/completion';
import { LineIndex } from '../core/text/lineIndex';
import { applyEdits } from '../core/fixes';
import type { DocumentKind, Fix } from '../core/types';
import type { BibliographyLoader } from '../core/article/pandoc';
import { loadConfigFor } from '../node/configLoader';
import { bibliographyLoaderFor, unsavedDocumentLoader } from '../node/bibliography';
import {
  CITATION_EDIT_REQUEST,
  type CitationEditParams,
  type ClientSettings,
  DEFAULT_SETTINGS,
  REFERENCES_REQUEST,
  type ReferenceItem,
  type ReferencesParams,
  RENUMBER_COMMAND,
  SECTION,
  SET_CURSOR_COMMAND,
  SHOW_RULE_DOCS_COMMAND,
  STATUS_NOTIFICATION,
  type StatusParams,
} from '../shared/protocol';
import { type Analysis, analyseGivingWay, giveWay, size } from './analysis';
import { IncrementalParser } from '../core/article/incremental';
import { SOURCE, toDiagnostic, toRange, toSpan } from './convert';
import { describeError } from './keepServing';
import { ruleDocsUri } from '../node/docs';
import { shortCitation } from '../core/article/format';
import { dominantStyle } from '../core/article/resolve';
import { allReferences, citationChoices, insertCitationFix, markerAlone, sentenceAt } from '../core/features/cite';

/** How long the server waits for the client's answer to workspace/configuration before linting without it. */
const SETTINGS_WAIT_MS = 3000;

/** The kind of the fix-all source action (`editor.codeActionsOnSave`: `source.fixAll.clinical-lint`). */
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.clinical-lint`;

/** Test only: where the server throws, once each (see `ServerOptions.testFaults`). */
export type TestFault = 'lint-timer' | 'lint-timer-non-error' | 'rejection' | 'watched-files' | 'configuration' | 'hover';

export interface ServerOptions {
  /**
   * Test only, never set in normal operation: places where the server throws, once each, so
   * that protocol tests can check that an error outside the rules is logged and the server goes
   * on serving. `main.ts` reads them from `CLINICAL_LINT_TEST_FAULTS` (comma-separated):
   * `lint-timer` (the debounced lint's timer callback throws an Error), `lint-timer-non-error`
   * (it throws `null`), `rejection` (a promise rejection nobody handles, on a document change),
   * `watched-files` (the watched-files timer throws), `configuration` (the
   * didChangeConfiguration handler throws), `hover` (the hover handler throws).
   */
  testFaults?: readonly string[];
}

/**
 * The language server: thin adapters from LSP requests to the core. State is per document
 * version (`Analysis`); settings are per resource, fetched from the client.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const faults = new Set(options.testFaults ?? []);
  /** Test only: throws the first time the server passes `place` when that fault is set. */
  const testFault = (place: TestFault): void => {
    if (!faults.delete(place)) return;
    // A value that is not an Error, on purpose.
    if (place === 'lint-timer-non-error') throw null;
    throw new Error(`test fault: ${place}`);
  };
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  const parsers = new Map<string, IncrementalParser>();
  const settingsCache = new Map<string, Promise<ClientSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let hasConfigurationCapability = false;
  /** The workspace folders on disk: `.clinical-lint.json` is looked for up to the folder of a document, not above it. */
  let workspaceFolders: string[] = [];
  let canWatchBibliographies = false;
  let canRegisterConfiguration = false;
  let globalSettings: ClientSettings = { ...DEFAULT_SETTINGS };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? []).flatMap((f) => localPath(f.uri) ?? []);
    canWatchBibliographies = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRegisterConfiguration = hasConfigurationCapability && !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    const init = params.initializationOptions as Partial<ClientSettings> | undefined;
    if (init && typeof init === 'object') globalSettings = normaliseSettings(init);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        completionProvider: { triggerCharacters: ['[', '^', '>', '@', '('] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [RENUMBER_COMMAND] },
      },
      serverInfo: { name: 'clinical-lint' },
    };
  });

  connection.onInitialized(() => {
    // Registered only with clients that declare dynamic registration for them, in one request with
    // ids of our own (never unregistered; the library's `client.register` loads `crypto` for its
    // ids, some milliseconds before the first diagnostics).
    const registrations: Registration[] = [];
    if (canRegisterConfiguration) {
      // The client then sends didChangeConfiguration for our section.
      registrations.push({ id: 'clinical-lint.configuration', method: DidChangeConfigurationNotification.method, registerOptions: { section: SECTION } });
    }
    if (canWatchBibliographies) {
      // Pandoc bibliographies: a changed .bib or CSL-JSON file re-lints the open documents.
      const watchers = ['**/*.{bib,bibtex,biblatex}', '**/*.json'].map((globPattern) => ({ globPattern }));
      registrations.push({ id: 'clinical-lint.bibliographies', method: DidChangeWatchedFilesNotification.method, registerOptions: { watchers } });
    }
    if (registrations.length) void connection.sendRequest(RegistrationRequest.type, { registrations }).catch(() => undefined);
  });

  // After `shutdown` nothing more is linted (requests are refused before they get here: lifecycle.ts).
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });
  /**
   * A request handler that refuses parameters of the wrong shape, and requests cancelled before
   * they run (`$/cancelRequest` while queued: a burst of cancelled code actions computed the
   * fixes of a large article one after the other, seconds each).
   */
  function live<A extends unknown[], R>(handler: (...args: A) => R, required: readonly string[] = []): (...args: A) => R {
    return (...args: A): R => {
      throwIfCancelled(args[1]);
      const problem = paramsProblem(args[0], required);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `clinical-lint: ${problem}`);
      return handler(...args);
    };
  }

  connection.onDidChangeConfiguration((change) => {
    testFault('configuration');
    settingsCache.clear();
    const pushed = (change.settings as Record<string, unknown> | undefined)?.[SECTION];
    if (!hasConfigurationCapability && pushed && typeof pushed === 'object') globalSettings = normaliseSettings(pushed as Partial<ClientSettings>);
    for (const doc of documents.all()) schedule(doc, 0);
  });

  // A changed bibliography or configuration file: every open document again, once the burst of
  // changes is over (an `npm install` touches thousands of JSON files).
  let watchedTimer: NodeJS.Timeout | undefined;
  connection.onDidChangeWatchedFiles(() => {
    if (watchedTimer) clearTimeout(watchedTimer);
    watchedTimer = setTimeout(() => {
      watchedTimer = undefined;
      testFault('watched-files');
      for (const doc of documents.all()) schedule(doc, 0);
    }, 200);
  });

  /**
   * The settings for a document, asked of the client once per document (until the configuration
   * changes). A client that does not answer within `SETTINGS_WAIT_MS` gets its document linted
   * with the settings the server started with, and linted again when the answer comes: waiting
   * without end held every lint and every request on the document for good.
   */
  function settingsFor(uri: string): Promise<ClientSettings> {
    if (!hasConfigurationCapability) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      const answer = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SECTION })
        // Over the initialization options: a client with no settings of its own (Neovim's
        // `init_options` and a `null` configuration) keeps what it started the server with.
        .then((raw) => (raw && typeof raw === 'object' ? normaliseSettings(overlay(globalSettings, raw as Record<string, unknown>)) : globalSettings))
        .catch(() => globalSettings);
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<ClientSettings>((resolve) => {
        timer = setTimeout(() => {
          connection.console.warn(`clinical-lint: the editor has not answered workspace/configuration for ${uri} in ${SETTINGS_WAIT_MS / 1000} s; linting with the settings the server started with until it does.`);
          resolve(globalSettings);
          // The late answer replaces them, and the document is linted again with it.
          void answer.then((late) => {
            if (settingsCache.get(uri) !== cached) return;
            settingsCache.set(uri, Promise.resolve(late));
            const doc = documents.get(uri);
            if (doc) schedule(doc, 0);
          });
        }, SETTINGS_WAIT_MS);
        timer.unref();
      });
      const cached = Promise.race([answer.finally(() => clearTimeout(timer)), waited]);
      settingsCache.set(uri, (s = cached));
    }
    return s;
  }

  /** Bibliographies named in front matter are read relative to the document's folder. */
  function bibliographyFor(uri: string): BibliographyLoader {
    const file = localPath(uri);
    return file ? bibliographyLoaderFor(file) : unsavedDocumentLoader;
  }

  function kindOf(doc: TextDocument): DocumentKind {
    return doc.languageId === 'markdown' || /\.(md|markdown|mdx)$/i.test(doc.uri) ? 'markdown' : 'plaintext';
  }

  /** Settings, then the workspace file over them (only in a trusted workspace for patterns). */
  function configFor(uri: string, settings: ClientSettings): { config: LintConfig; configProblem?: string; ignored?: string } {
    if (!settings.enable) return { config: defaultConfig(), ignored: 'Not linted: clinical-lint is turned off here (clinicalLint.enable).' };
    let config: LintConfig = { ...defaultConfig(), jurisdiction: settings.jurisdiction, citationScope: settings.citationScope, rules: { ...settings.rules } };
    const docPath = localPath(uri);
    if (!docPath) return { config };
    try {
      const folder = workspaceFolders.filter((f) => docPath.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];
      const loaded = loadConfigFor(docPath, folder);
      if (!loaded) return { config };
      if (loaded.problems.length) {
        const p = loaded.problems[0];
        const pos = new LineIndex(loaded.text).positionAt(p.start);
        return { config, configProblem: `${loaded.path}:${pos.line + 1}:${pos.character + 1}: ${p.message} (defaults in use)` };
      }
      const file = settings.trusted ? loaded.settings : { ...loaded.settings, lexicon: undefined, drugs: undefined };
      config = mergeConfig(config, file);
      if (isIgnored(docPath, loaded.path, loaded.settings.ignore)) return { config, ignored: `Not linted: ${loaded.path} ignores this file ("ignore").` };
    } catch (e) {
      return { config, configProblem: `Could not read ${CONFIG_FILE_NAME}: ${e instanceof Error ? e.message : String(e)}` };
    }
    return { config };
  }

  /**
   * Lints the document's current version and publishes the findings labelled with that version.
   * `TextDocuments` updates a document object in place, so the version and the text are read
   * together, once, after the last await before parsing; a change arriving meanwhile makes this
   * run stale (the document's version or text no longer the ones read) and it publishes nothing.
   * The text is compared too: a client that does not count versions may send a change under the
   * same number, or a lower one.
   */
  async function validate(uri: string): Promise<void> {
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    if (isConfigDocument(uri)) {
      validateConfigDocument(doc);
      return;
    }
    const { config, configProblem, ignored } = configFor(uri, settings);
    if (ignored) {
      analyses.delete(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      const skipped: StatusParams = { uri, counts: { error: 0, warning: 0, info: 0, hint: 0 }, jurisdiction: config.jurisdiction, skipped: ignored, ...(settings.enable ? {} : { quiet: true }) };
      void connection.sendNotification(STATUS_NOTIFICATION, skipped);
      return;
    }
    const text = doc.getText();
    const started = Date.now();
    // Superseded by a change while it ran (it gives way while it runs): stopped, and dropped.
    const stale = (): boolean => !isVersion(documents.get(uri), version, text);
    let a: Analysis;
    try {
      a = await analysisInTurn(doc, settings, config, 'its diagnostics', () => (stale() ? 'a newer version arrived' : shutDown ? 'the server is shutting down' : undefined));
    } catch (e) {
      if (isCancelled(e)) return;
      throw e;
    }
    if (stale()) return;
    const diagnostics: Diagnostic[] = a.result ? a.result.findings.map((f) => toDiagnostic(a.index, f, uri)) : [];
    if (a.skipped && a.result === undefined && text.length > settings.maxFileSizeKiB * 1024) {
      diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, code: 'file-too-large', message: a.skipped });
    }
    if (configProblem) {
      diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'config', message: configProblem });
    }
    void connection.sendDiagnostics({ uri, version, diagnostics });
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of a.result?.findings ?? []) counts[f.severity]++;
    const status: StatusParams = { uri, counts, jurisdiction: a.result?.config.jurisdiction ?? config.jurisdiction, skipped: a.skipped, ...(a.quiet ? { quiet: true } : {}) };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
    const arrived = changedAt.get(uri);
    const since = arrived && arrived.version === version ? `, ${(performance.now() - arrived.at).toFixed(1)} ms after the change arrived` : '';
    connection.console.log(`linted ${uri} v${version} in ${Date.now() - started} ms${since}: ${diagnostics.length} findings`);
  }

  /** The document's incremental parser: a one-character edit re-analyses only the blocks it touched. */
  function parserFor(uri: string, kind: DocumentKind): IncrementalParser {
    let p = parsers.get(uri);
    if (!p || p.kind !== kind) parsers.set(uri, (p = new IncrementalParser(kind)));
    return p;
  }

  /** Each document's analyses, one after the other: the end of the last one started. */
  const turns = new Map<string, Promise<void>>();

  /**
   * The analysis of the document's current version (read now: version and text), computed in
   * its turn: a document's analyses run one at a time (its incremental parser follows one text
   * at a time), each giving way to other messages while it runs (`giveWay`). It stops at its next
   * checkpoint with `Cancelled` once `cancelled()` gives a reason: a newer version arrived, the
   * request that asked for it was cancelled. An analysis long enough to give way is logged when it
   * starts doing so and when it stops. It becomes the document's analysis while the document is
   * at its version. With `reuse`, the document's analysis is taken when it is of this version
   * when the turn comes (the lint of the version came first).
   */
  function analysisInTurn(doc: TextDocument, settings: ClientSettings, config: LintConfig, purpose: string, cancelled: () => string | undefined, reuse = false): Promise<Analysis> {
    const { uri, version } = doc;
    const text = doc.getText();
    const kind = kindOf(doc);
    const cancellation = { get isCancellationRequested(): boolean { return cancelled() !== undefined; } };
    const run = async (): Promise<Analysis> => {
      const last = analyses.get(uri);
      if (reuse && last && last.version === version && last.text === text) return last;
      const started = performance.now();
      let slow = false;
      const onSlow = (): void => {
        slow = true;
        connection.console.log(`analysing ${uri} v${version} (${size(text.length)}) for ${purpose}: other messages are read while it runs`);
      };
      try {
        const a = await analyseGivingWay(uri, version, text, { kind, config, plaintext: settings.plaintext, maxBytes: settings.maxFileSizeKiB * 1024, bibliography: bibliographyFor(uri), parser: parserFor(uri, kind), previousIndex: last?.index, cancellation }, onSlow);
        if (isVersion(documents.get(uri), version, text)) analyses.set(uri, a);
        return a;
      } catch (e) {
        if (isCancelled(e) && slow) connection.console.log(`stopped analysing ${uri} v${version} after ${(performance.now() - started).toFixed(0)} ms: ${cancelled() ?? 'cancelled'}`);
        throw e;
      }
    };
    const before = turns.get(uri) ?? Promise.resolve();
    const mine = before.then(run);
    const done = mine.then(
      () => undefined,
      () => undefined,
    );
    turns.set(uri, done);
    void done.then(() => {
      if (turns.get(uri) === done) turns.delete(uri);
    });
    return mine;
  }

  /** `.clinical-lint.json` itself: every problem where it is (the defaults stay in force meanwhile). */
  function validateConfigDocument(doc: TextDocument): void {
    const index = new LineIndex(doc.getText());
    const { problems } = parseConfigFile(doc.getText());
    const diagnostics: Diagnostic[] = [...problems].sort((a, b) => a.start - b.start).map((p) => ({
      range: toRange(index, p),
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'config',
      message: `${p.message} (clinical-lint uses its defaults until this is fixed)`,
    }));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  function schedule(doc: TextDocument, delay: number): void {
    if (shutDown) return;
    const t = timers.get(doc.uri);
    if (t) clearTimeout(t);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        testFault('lint-timer');
        testFault('lint-timer-non-error');
        validate(doc.uri).catch((e) => connection.console.error(`clinical-lint: ${describeError(e)}`));
      }, delay),
    );
  }

  /** When each document's latest version arrived (for the log: latency as the client sees it, less the transport). */
  const changedAt = new Map<string, { version: number; at: number; opened?: string }>();
  documents.onDidOpen((e) => {
    changedAt.set(e.document.uri, { version: e.document.version, at: performance.now(), opened: e.document.getText() });
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    // `TextDocuments` reports an open as a change too: that version is already scheduled.
    const last = changedAt.get(e.document.uri);
    if (last?.opened !== undefined && isVersion(e.document, last.version, last.opened)) return;
    changedAt.set(e.document.uri, { version: e.document.version, at: performance.now() });
    void settingsFor(e.document.uri).then((s) => {
      testFault('rejection');
      schedule(e.document, s.debounceMs);
    });
  });
  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    changedAt.delete(e.document.uri);
    parsers.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /**
   * The analysis of the document's current version, computed now if needed: with the same
   * settings as the diagnostics, so a document that is not linted (ignored by the workspace
   * file, plain text that is not an article, too large) gets no fixes, no fix-all and no hovers.
   * The request's `token` stops it: the request is answered `RequestCancelled` at once, and the
   * analysis stops at its next checkpoint; a newer version arriving meanwhile stops it too, and
   * the request is answered `ContentModified` (its positions are in the older text).
   */
  async function current(uri: string, token?: CancellationToken): Promise<Analysis | undefined> {
    if (!documents.get(uri) || isConfigDocument(uri)) return undefined;
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const a = analyses.get(uri);
    if (a && isVersion(doc, a.version, a.text)) return a;
    const { config, ignored } = configFor(uri, settings);
    if (ignored) return undefined;
    const { version } = doc;
    const text = doc.getText();
    const stale = (): boolean => !isVersion(documents.get(uri), version, text);
    const cancelled = (): string | undefined => (token?.isCancellationRequested ? 'the request was cancelled' : stale() ? 'a newer version arrived' : undefined);
    const work = analysisInTurn(doc, settings, config, 'a request', cancelled, true);
    try {
      return await answerUnlessCancelled(work, token);
    } catch (e) {
      if (!isCancelled(e)) throw e;
      if (token?.isCancellationRequested) throw requestCancelled();
      throw new ResponseError(LSPErrorCodes.ContentModified, 'clinical-lint: the document changed while the request was being answered.');
    }
  }

  /**
   * Request-owned work in steps (the fixes of a code action, fix-all): giving way while it runs,
   * stopped at its next checkpoint when the request is cancelled, which is then answered
   * `RequestCancelled`.
   */
  async function requestWork<T>(steps: Steps<T>, token: CancellationToken | undefined): Promise<T> {
    try {
      return await giveWay(cancellable(steps, token));
    } catch (e) {
      throw isCancelled(e) ? requestCancelled() : e;
    }
  }

  connection.onHover(live(async (p, token) => {
    testFault('hover');
    const a = await current(p.textDocument.uri, token);
    if (!a?.result) return null;
    const h = hover(a.result.article, a.index.offsetAt(p.position), a.result.config);
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: toRange(a.index, h.span) } : null;
  }));

  connection.onDefinition(live(async (p, token) => {
    const a = await current(p.textDocument.uri, token);
    if (!a?.result) return null;
    // Pandoc citations go into the bibliography file (`uri` and `range` set by the core).
    return definition(a.result.article, a.index.offsetAt(p.position)).map((s) => (s.uri && s.range ? { uri: s.uri, range: s.range } : { uri: p.textDocument.uri, range: toRange(a.index, s) }));
  }));

  connection.onReferences(live(async (p, token) => {
    const a = await current(p.textDocument.uri, token);
    if (!a?.result) return null;
    return findReferences(a.result.article, a.index.offsetAt(p.position), p.context.includeDeclaration).map((s) => ({ uri: p.textDocument.uri, range: toRange(a.index, s) }));
  }, ['context']));

  connection.onDocumentLinks(live(async (p, token) => {
    const a = await current(p.textDocument.uri, token);
    if (!a?.result) return null;
    return documentLinks(a.result.article).map((l) => ({ range: toRange(a.index, l), target: l.target, tooltip: l.tooltip }));
  }));

  connection.onDocumentSymbol(live(async (p, token) => {
    const a = await current(p.textDocument.uri, token);
    if (!a?.result) return null;
    const conv = (s: SymbolResult): import('vscode-languageserver').DocumentSymbol => ({
      name: s.name,
      kind: s.kind === 'heading' ? 15 /* String */ : 20 /* Key */,
      range: toRange(a.index, s),
      selectionRange: toRange(a.index, s.selection),
      children: s.children.map(conv),
    });
    return documentSymbols(a.result.article).map(conv);
  }));

  connection.onCompletion(live(async (p, token) => {
    const a = await current(p.textDocument.uri, token);
    if (!a?.result) return null;
    const items = completion(a.result.article, a.index.offsetAt(p.position));
    return items.map((it, i) => ({
      label: it.label,
      detail: it.detail,
      documentation: it.documentation ? { kind: 'markdown' as const, value: it.documentation } : undefined,
      sortText: String(i).padStart(5, '0'),
      filterText: it.filterText,
      preselect: it.preselect,
      textEdit: { range: toRange(a.index, it.replace), newText: it.insertText },
      kind: 18 /* Reference */,
    }));
  }));

  connection.onCodeAction(live(async (p, token) => {
    const a = await current(p.textDocument.uri, token);
    if (!a?.result) return null;
    // Cancelled while the settings were fetched: the fixes are the costly part.
    throwIfCancelled(token);
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    const want = p.context.only;
    const actions: CodeAction[] = [];
    // Kinds are hierarchical: `source` asks for `source.fixAll.clinical-lint` too.
    const wanted = (kind: string): boolean => !!want?.some((k) => kind === k || kind.startsWith(`${k}.`));
    if (wanted(FIX_ALL_KIND)) {
      const all = await fixAllEdit(a, doc, token);
      if (all) actions.push({ title: all.title, kind: FIX_ALL_KIND, edit: all.edit });
    }
    if (want && !wanted(CodeActionKind.QuickFix)) return actions;
    // Overlapping findings of one rule offer the same suppression and documentation: once each.
    const offered = new Set<string>();
    const offer = (action: CodeAction): void => {
      const key = JSON.stringify([action.title, action.edit, action.command, action.disabled]);
      if (offered.has(key)) return;
      offered.add(key);
      actions.push(action);
    };
    const span = toSpan(a.index, p.range);
    const fixed = a.withFixes ? await requestWork(a.withFixes(span), token) : a.result;
    for (const f of fixed.findings) {
      if (f.end < span.start || f.start > span.end) continue;
      const diag = (p.context.diagnostics ?? []).find((d) => d.source === SOURCE && d.code === f.ruleId && sameRange(toSpan(a.index, d.range), f)) ?? toDiagnostic(a.index, f, doc.uri);
      for (const fix of f.fixes ?? []) offer(toAction(a, doc, fix, diag));
      if (f.ruleId === 'citation-order') offer(renumberAction(a, doc, diag));
      // Every finding can be suppressed with a reason, except findings about suppressions.
      const suppress = f.ruleId !== 'unused-suppression' && f.ruleId !== 'unknown-rule' ? suppressFix(a.result.article, f) : undefined;
      if (suppress) offer(toAction(a, doc, suppress, diag));
      offer({
        title: `Show documentation for ${f.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        command: { title: 'Show rule documentation', command: SHOW_RULE_DOCS_COMMAND, arguments: [f.ruleId, ruleDocsUri(f.ruleId)] },
      });
    }
    return actions;
  }, ['context']));

  function toAction(a: Analysis, doc: TextDocument, fix: Fix, diag: Diagnostic): CodeAction {
    const edit: WorkspaceEdit = {
      documentChanges: [{ textDocument: { uri: doc.uri, version: a.version }, edits: fix.edits.map((e) => ({ range: toRange(a.index, e), newText: e.newText })) }],
    };
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit, isPreferred: fix.isPreferred };
    if (fix.cursor !== undefined) {
      const pos = new LineIndex(applyEdits(a.text, fix.edits)).positionAt(fix.cursor);
      action.command = { title: 'Move cursor', command: SET_CURSOR_COMMAND, arguments: [doc.uri, pos] };
    }
    return action;
  }

  /**
   * Every safe fix, to a fixed point (a fix may reveal another), as one edit of this version:
   * one undo step. Fixes that need the author's choice are never part of it.
   */
  async function fixAllEdit(a: Analysis, doc: TextDocument, token?: CancellationToken): Promise<{ edit: WorkspaceEdit; title: string } | undefined> {
    const settings = await settingsFor(doc.uri);
    const { config } = configFor(doc.uri, settings);
    const fixed = await requestWork(fixAllSteps(a.text, { kind: a.kind, config, bibliography: bibliographyFor(doc.uri) }), token);
    const e = diffEdit(a.text, fixed.text);
    if (!e || !fixed.applied.length) return undefined;
    const n = fixed.applied.length;
    const rules = [...new Set(fixed.applied.map((x) => x.ruleId))].join(', ');
    return {
      title: `Fix all safe clinical-lint findings (${n} fix${n === 1 ? '' : 'es'}: ${rules})`,
      edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: a.version }, edits: [{ range: toRange(a.index, e), newText: e.newText }] }] },
    };
  }

  /** The "Renumber references" quick fix of a citation-order finding (disabled, with the reason, when refused). */
  function renumberAction(a: Analysis, doc: TextDocument, diag: Diagnostic): CodeAction {
    const r = (a.renumbered ??= renumber(a.result!.article));
    const title = 'Renumber references in order of first citation';
    if ('error' in r) return { title, kind: CodeActionKind.QuickFix, diagnostics: [diag], disabled: { reason: r.error } };
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diag],
      isPreferred: true,
      edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: a.version }, edits: r.edits.map((e) => ({ range: toRange(a.index, e), newText: e.newText })) }] },
    };
  }

  /**
   * `clinicalLint.renumberReferences` [uri, version]: computed against exactly that version and
   * applied as one WorkspaceEdit (one undo step); refused when the document has moved on.
   */
  connection.onExecuteCommand(live(async (p, token) => {
    if (p.command !== RENUMBER_COMMAND) return null;
    const [uri, version] = (p.arguments ?? []) as [string, number];
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) {
      void connection.window.showErrorMessage('clinical-lint: Renumber references needs an open document.');
      return { applied: false, message: 'no such open document' };
    }
    if (typeof version === 'number' && version !== doc.version) {
      const message = 'The document changed before references could be renumbered; nothing was changed. Run the command again.';
      void connection.window.showWarningMessage(`clinical-lint: ${message}`);
      return { applied: false, message };
    }
    const a = await current(uri, token);
    if (!a?.result || a.version !== doc.version) return { applied: false, message: a?.skipped ?? 'the document is not linted' };
    const r = (a.renumbered ??= renumber(a.result.article));
    if ('error' in r) {
      void connection.window.showErrorMessage(`clinical-lint: ${r.error}`);
      return { applied: false, message: r.error };
    }
    if (!r.edits.length) {
      void connection.window.showInformationMessage(`clinical-lint: ${r.summary}`);
      return { applied: false, message: r.summary };
    }
    const edit: WorkspaceEdit = { documentChanges: [{ textDocument: { uri, version: a.version }, edits: r.edits.map((e) => ({ range: toRange(a.index, e), newText: e.newText })) }] };
    const res = await connection.workspace.applyEdit({ label: 'Renumber references', edit });
    if (res.applied) void connection.window.showInformationMessage(`clinical-lint: ${r.summary}`);
    return { applied: res.applied, message: res.applied ? r.summary : (res.failureReason ?? 'the editor did not apply the edit') };
  }));

  connection.onRequest(REFERENCES_REQUEST, live(async (p: ReferencesParams, token: CancellationToken): Promise<ReferenceItem[]> => {
    const a = await current(p.uri, token);
    if (!a?.result) return [];
    const art = a.result.article;
    // Best matches for the sentence at the cursor first, then the rest in list order.
    const sentence = p.position ? sentenceAt(art, a.index.offsetAt(p.position)) : undefined;
    const refs = sentence ? citationChoices(art, sentence).map((c) => c.reference) : allReferences(art);
    return refs.map((r) => ({
      number: r.number,
      ordinal: r.ordinal,
      label: r.label,
      title: shortCitation(r.fields, r.text, 120),
      detail: [r.fields.journal, r.fields.year].filter(Boolean).join(', '),
    }));
  }));

  connection.onRequest(CITATION_EDIT_REQUEST, live(async (p: CitationEditParams, token: CancellationToken): Promise<WorkspaceEdit | null> => {
    const doc = documents.get(p.uri);
    if (!doc || doc.version !== p.version) return null;
    const a = await current(p.uri, token);
    if (!a?.result) return null;
    const art = a.result.article;
    const offset = a.index.offsetAt(p.position);
    const ref = allReferences(art).find((r) => (p.label !== undefined ? r.label === p.label : r.number === p.number && r.label === undefined)) ?? allReferences(art).find((r) => r.number === p.number);
    if (!ref) return null;
    const sentence = sentenceAt(art, offset);
    // In a sentence: the AMA position at its end, merged with a marker already there. Elsewhere: at the cursor.
    const edit = sentence ? insertCitationFix(art, sentence, ref).edits[0] : { start: offset, end: offset, newText: markerAlone(art, dominantStyle(art) ?? 'superscript', [ref.number ?? ref.ordinal]) };
    return { documentChanges: [{ textDocument: { uri: p.uri, version: a.version }, edits: [{ range: toRange(a.index, edit), newText: edit.newText }] }] };
  }));

  documents.listen(connection);
  connection.listen();
}

/**
 * The document is at this version with this text. Versions alone are not enough: a client that
 * does not count them may send a change under the same number, or a lower one. Comparing the
 * texts costs nothing while the document is unchanged (the same string).
 */
function isVersion(doc: TextDocument | undefined, version: number, text: string): boolean {
  return !!doc && doc.version === version && doc.getText() === text;
}

/**
 * The path of a `file:` URI on this system; undefined for any other scheme and for a `file:` URI
 * that names no local path (a UNC host on Linux or macOS, an encoded slash, a malformed escape):
 * such a document is linted as an unsaved one (it was never linted, every request on it failed,
 * and a workspace folder of that kind failed `initialize`).
 */
function localPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Answers a cancelled request as the protocol asks (`RequestCancelled`). */
function throwIfCancelled(token: unknown): void {
  if ((token as CancellationToken | undefined)?.isCancellationRequested === true) throw requestCancelled();
}

function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'clinical-lint: the request was cancelled.');
}

/**
 * `work`'s result, or `RequestCancelled` as soon as the request is cancelled: the work may still
 * be waiting for its turn behind another analysis of the document (it then stops as its turn
 * comes). What `work` throws after that is nobody's to answer.
 */
function answerUnlessCancelled<T>(work: Promise<T>, token: CancellationToken | undefined): Promise<T> {
  if (!token) return work;
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(requestCancelled()));
    if (token.isCancellationRequested) reject(requestCancelled());
    work.then(resolve, reject).finally(() => listener.dispose());
  });
}

function isConfigDocument(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

function sameRange(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * What is wrong with a request's parameters, as far as the handlers read them: an object, a
 * document URI, and positions and ranges of whole non-negative numbers (a missing `character`
 * became a NaN offset and an answer for another place).
 */
function paramsProblem(p: unknown, required: readonly string[] = []): string | undefined {
  if (!p || typeof p !== 'object') return 'the parameters must be an object';
  const o = p as Record<string, unknown>;
  const missing = required.find((k) => !(k in o));
  if (missing) return `${missing} is required`;
  const doc = o.textDocument as Record<string, unknown> | undefined;
  if ('textDocument' in o && (!doc || typeof doc !== 'object' || typeof doc.uri !== 'string')) return 'textDocument.uri must be a string';
  if ('uri' in o && typeof o.uri !== 'string') return 'uri must be a string';
  const isPosition = (x: unknown): boolean => !!x && typeof x === 'object' && [(x as Record<string, unknown>).line, (x as Record<string, unknown>).character].every((n) => Number.isInteger(n) && (n as number) >= 0);
  if ('position' in o && o.position !== undefined && !isPosition(o.position)) return 'position must have whole, non-negative line and character';
  if ('range' in o) {
    const r = o.range as Record<string, unknown> | undefined;
    if (!r || typeof r !== 'object' || !isPosition(r.start) || !isPosition(r.end)) return 'range must have a start and an end position';
  }
  if ('arguments' in o && o.arguments !== undefined && !Array.isArray(o.arguments)) return 'arguments must be an array';
  if ('context' in o) {
    // Code actions: the diagnostics the editor shows there and the kinds it asks for; references: includeDeclaration.
    const c = o.context as Record<string, unknown> | undefined;
    if (!c || typeof c !== 'object') return 'context must be an object';
    const isRange = (r: unknown): boolean => !!r && typeof r === 'object' && isPosition((r as Record<string, unknown>).start) && isPosition((r as Record<string, unknown>).end);
    if ('diagnostics' in c && (!Array.isArray(c.diagnostics) || !c.diagnostics.every((d) => !!d && typeof d === 'object' && isRange((d as Record<string, unknown>).range)))) return 'context.diagnostics must be an array of diagnostics with ranges';
    if (c.only !== undefined && (!Array.isArray(c.only) || !c.only.every((k) => typeof k === 'string'))) return 'context.only must be an array of kinds';
  }
  return undefined;
}

/** `base` with the settings of `raw` that are set (null and undefined leave the base's); rules merged. */
function overlay(base: ClientSettings, raw: Record<string, unknown>): Partial<ClientSettings> & Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(raw)) if (v !== null && v !== undefined) out[k] = v;
  const rules = raw.rules && typeof raw.rules === 'object' ? (raw.rules as Record<string, unknown>) : {};
  out.rules = { ...base.rules, ...rules };
  return out;
}

function normaliseSettings(raw: Partial<ClientSettings> & Record<string, unknown>): ClientSettings {
  const s: ClientSettings = { ...DEFAULT_SETTINGS, ...raw, rules: { ...((raw.rules as Record<string, never>) ?? {}) } };
  if (!['CA', 'US', 'UK', 'AU'].includes(String(s.jurisdiction).toUpperCase())) s.jurisdiction = DEFAULT_SETTINGS.jurisdiction;
  else s.jurisdiction = String(s.jurisdiction).toUpperCase() as ClientSettings['jurisdiction'];
  if (s.citationScope !== 'sentence') s.citationScope = 'paragraph';
  if (!['auto', 'always', 'never'].includes(s.plaintext)) s.plaintext = 'auto';
  if (typeof s.debounceMs !== 'number' || s.debounceMs < 0) s.debounceMs = DEFAULT_SETTINGS.debounceMs;
  if (typeof s.maxFileSizeKiB !== 'number' || s.maxFileSizeKiB <= 0) s.maxFileSizeKiB = DEFAULT_SETTINGS.maxFileSizeKiB;
  if (typeof s.trusted !== 'boolean') s.trusted = true;
  if (typeof s.enable !== 'boolean') s.enable = true;
  // "default" (and anything unknown) leaves the rule at its own severity.
  for (const [k, v] of Object.entries(s.rules)) if (!['off', 'hint', 'info', 'warning', 'error'].includes(v)) delete s.rules[k];
  return s;
}
