// The packaged extension in a real VS Code: the .vsix that `npm run package` builds, installed by
// VS Code's own installer, with the repository not loaded as a development folder. Proves that
// the package (the .vscodeignore allow-list, the production bundles) works, not only the checkout.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { diagnosticsOf, fixture, hoverText, open, poll, positionOf, repoRoot } from '../suite/util';

const EXTENSION_ID = 'clinical-lint.clinical-lint';
/** The package stays small: bundles, grammar, schema and rule pages only (no sources, tests or maps). */
const MAX_VSIX_BYTES = 1024 * 1024;

const vsix = process.env.CLINICAL_LINT_VSIX ?? path.join(repoRoot(), 'clinical-lint.vsix');
const vsixBytes = fs.existsSync(vsix) ? fs.statSync(vsix).size : -1;
const kib = (vsixBytes / 1024).toFixed(1);

describe(`clinical-lint installed from ${path.basename(vsix)} (${vsixBytes} bytes, ${kib} KiB)`, () => {
  const sample = fixture('sample.txt');
  let doc: vscode.TextDocument;
  let ext: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed`);
    ext = found;
    doc = (await open(sample)).document;
  });

  it(`the package is small (${kib} KiB, limit ${MAX_VSIX_BYTES / 1024} KiB)`, () => {
    assert.ok(vsixBytes > 0, `${vsix} is missing`);
    assert.ok(vsixBytes <= MAX_VSIX_BYTES, `${path.basename(vsix)} is ${vsixBytes} bytes`);
  });

  it('the loaded extension is the installed package, not the repository', () => {
    const root = repoRoot();
    const extPath = path.resolve(ext.extensionPath);
    assert.ok(!extPath.startsWith(root + path.sep) && extPath !== root, `extension loaded from ${extPath}`);
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.strictEqual(path.basename(extPath), `${EXTENSION_ID}-${version}`);
    assert.strictEqual(ext.packageJSON.version, version);
    const copies = vscode.extensions.all.filter((e) => e.packageJSON?.name === 'clinical-lint').map((e) => e.extensionPath);
    assert.deepStrictEqual(copies, [ext.extensionPath], 'more than one clinical-lint is loaded');
    // What the allow-list ships, and what it keeps out.
    for (const f of ['dist/client.js', 'dist/server.js', 'syntaxes/clinical-lint.injection.tmLanguage.json', 'schemas/clinical-lint.schema.json']) {
      assert.ok(fs.existsSync(path.join(extPath, f)), `${f} is not in the package`);
    }
    for (const f of ['client', 'server', 'test', 'node_modules', 'dist/client.js.map', 'dist/server.js.map']) {
      assert.ok(!fs.existsSync(path.join(extPath, f)), `${f} should not be in the package`);
    }
  });

  it('activates on the sample and publishes diagnostics with source clinical-lint', async () => {
    await poll('the extension to activate', () => ext.isActive);
    const diagnostics = await diagnosticsOf(sample);
    const ours = diagnostics.filter((d) => d.source === 'clinical-lint');
    assert.ok(ours.length > 0, `no clinical-lint diagnostics among ${diagnostics.map((d) => d.source).join(', ')}`);
    const rules = new Set(ours.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)));
    for (const rule of ['missing-citation', 'safe-messaging']) assert.ok(rules.has(rule), `no ${rule} finding; rules seen: ${[...rules].join(', ')}`);
  });

  it('each diagnostic links to a rule page shipped in the package', async () => {
    const extPath = path.resolve(ext.extensionPath);
    for (const d of await diagnosticsOf(sample)) {
      const code = d.code;
      assert.ok(code && typeof code === 'object' && code.target instanceof vscode.Uri, `docs link of "${d.message}"`);
      if (code.target.scheme !== 'file') continue;
      assert.ok(path.resolve(code.target.fsPath).startsWith(extPath + path.sep), `docs link ${code.target.fsPath} is outside the package`);
      assert.ok(fs.existsSync(code.target.fsPath), `docs page ${code.target.fsPath} is missing from the package`);
    }
  });

  it('every command the package contributes is registered once it is active', async () => {
    await poll('the extension to activate', () => ext.isActive);
    const contributed = (ext.packageJSON.contributes?.commands ?? []) as { command: string }[];
    assert.ok(contributed.length > 0, 'the package contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('hover on the superscript marker ¹² shows the references it cites', async () => {
    const at = positionOf(doc, '¹²');
    const hovers = await poll('a hover on ¹²', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sample, at);
      return h && h.length > 0 ? h : undefined;
    });
    const text = hoverText(hovers);
    assert.match(text, /Sanacora/, `hover text: ${text}`);
  });
});
