// Settings changed while VS Code runs take effect on open documents without a restart: the client
// forwards the change, the server pulls the new settings and lints again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixture, open, poll } from './util';

const ruleOf = (d: vscode.Diagnostic): string | number | undefined => (typeof d.code === 'object' ? d.code.value : d.code);

describe('clinical-lint settings in VS Code', () => {
  const sample = fixture('sample.txt');
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('clinicalLint', sample);
  const safeMessaging = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(sample).find((d) => ruleOf(d) === 'safe-messaging');

  before(async () => {
    await open(sample);
  });

  afterEach(async () => {
    // User settings of this test run only (a fresh profile); never the workspace's files.
    await config().update('rules.safe-messaging', undefined, vscode.ConfigurationTarget.Global);
    await config().update('jurisdiction', undefined, vscode.ConfigurationTarget.Global);
  });

  it('turning a rule off removes its finding, and turning it back on restores it', async () => {
    await poll('the safe-messaging finding on the sample', safeMessaging);
    await config().update('rules.safe-messaging', 'off', vscode.ConfigurationTarget.Global);
    await poll('the safe-messaging finding to disappear after clinicalLint.rules.safe-messaging = off', () => !safeMessaging());
    assert.ok(
      vscode.languages.getDiagnostics(sample).some((d) => ruleOf(d) === 'missing-citation'),
      'turning safe-messaging off removed the other rules findings too',
    );
    await config().update('rules.safe-messaging', undefined, vscode.ConfigurationTarget.Global);
    await poll('the safe-messaging finding to come back', safeMessaging);
  });

  it('a rule severity setting changes the reported severity', async () => {
    const before = await poll('the safe-messaging finding on the sample', safeMessaging);
    assert.notStrictEqual(before.severity, vscode.DiagnosticSeverity.Error);
    await config().update('rules.safe-messaging', 'error', vscode.ConfigurationTarget.Global);
    await poll('the safe-messaging finding to become an error', () => safeMessaging()?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('the jurisdiction setting switches the crisis resource named (CA 9-8-8, US 988 Lifeline)', async () => {
    const ca = await poll('the safe-messaging finding on the sample', safeMessaging);
    assert.strictEqual(config().get('jurisdiction'), 'CA');
    assert.match(ca.message, /9-8-8/, `CA message: ${ca.message}`);
    await config().update('jurisdiction', 'US', vscode.ConfigurationTarget.Global);
    const us = await poll('the US crisis resource after clinicalLint.jurisdiction = US', () => {
      const d = safeMessaging();
      return d && /988 Suicide & Crisis Lifeline/.test(d.message) ? d : undefined;
    });
    assert.doesNotMatch(us.message, /9-8-8/, `US message: ${us.message}`);
    await config().update('jurisdiction', undefined, vscode.ConfigurationTarget.Global);
    await poll('the Canadian crisis resource to come back', () => /9-8-8/.test(safeMessaging()?.message ?? ''));
  });
});
