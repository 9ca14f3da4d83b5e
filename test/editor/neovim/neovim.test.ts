// Neovim 0.7 (Debian's) as a third-party LSP client of `node dist/server.js --stdio`: runs
// check.lua headless against the fixtures and passes when it exits 0.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'clinical-lint') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no clinical-lint package.json above ${from}`);
  }
}

const root = repoRoot(__dirname);
const script = path.join(root, 'test', 'editor', 'neovim', 'check.lua');

function runNeovim(check: string, file: string): { status: number | null; output: string } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-nvim-'));
  try {
    const xdg = Object.fromEntries(
      ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR'].map((v) => {
        const dir = path.join(home, v.toLowerCase());
        fs.mkdirSync(dir, { mode: 0o700 });
        return [v, dir];
      }),
    );
    const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${script}`, file], {
      cwd: root,
      // No code cache: the server, which can outlive nvim by a moment, would write it into this
      // temporary home while it is being removed.
      env: { ...process.env, ...xdg, CLINICAL_LINT_ROOT: root, CLINICAL_LINT_NVIM_CHECK: check, CLINICAL_LINT_NO_CACHE: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.error) throw r.error;
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(home, { recursive: true, force: true, maxRetries: 5 });
  }
}

describe('Neovim 0.7 with dist/server.js --stdio', function () {
  this.timeout(70_000);

  before(() => {
    const v = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.strictEqual(v.status, 0, 'nvim is not installed: run scripts/setup-editors.sh');
    assert.ok(fs.existsSync(path.join(root, 'dist', 'server.js')), 'dist/server.js is missing: run node scripts/build.mjs');
  });

  it('diagnostics, hover and definition on the ketamine article', () => {
    const r = runNeovim('sample', path.join(root, 'test', 'fixtures', 'sample.txt'));
    process.stdout.write(`${r.output.trimEnd().replace(/^/gm, '      ')}\n`);
    assert.strictEqual(r.status, 0, r.output);
    assert.match(r.output, /ok: hover on ¹² shows Sanacora and Andrade/);
    assert.match(r.output, /ok: definition of ¹² is the line of reference 1/);
  });

  it('unresolved-citation in a Markdown article with footnotes', () => {
    const r = runNeovim('markdown', path.join(root, 'test', 'fixtures', 'editor', 'footnotes.md'));
    process.stdout.write(`${r.output.trimEnd().replace(/^/gm, '      ')}\n`);
    assert.strictEqual(r.status, 0, r.output);
    assert.match(r.output, /ok: unresolved-citation on \[3\]/);
  });
});
