// The harness itself: a real VS Code API, and the extension under development is the one loaded.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('VS Code harness', () => {
  it('runs inside a real VS Code extension host with the extension under development', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    const ext = vscode.extensions.getExtension('clinical-lint.clinical-lint');
    assert.ok(ext, 'extension clinical-lint.clinical-lint is not loaded');
    assert.strictEqual(ext.packageJSON.main, './dist/client.js');
    // Web workbench (remote extension host on Node 24) here, desktop with CLINICAL_LINT_VSCODE_DOWNLOAD=1.
    assert.ok([vscode.UIKind.Web, vscode.UIKind.Desktop].includes(vscode.env.uiKind));
  });

  it('in the web workbench, the extension host is remote and runs on Node 24', () => {
    if (vscode.env.uiKind !== vscode.UIKind.Web) {
      // Desktop VS Code (CLINICAL_LINT_VSCODE_DOWNLOAD=1): a local extension host on Electron's Node.
      assert.strictEqual(vscode.env.remoteName, undefined);
      return;
    }
    assert.ok(vscode.env.remoteName, 'no remote authority');
    assert.match(process.versions.node, /^24\./);
  });
});
