// `npm start`: the main job. Installs what is missing, builds, and lints the bundled sample
// article. Findings are the output, not a failure: only a usage or configuration error (exit 2)
// or a crash fails it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status;

if (!existsSync(`${root}node_modules/.package-lock.json`) && run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
if (run('node', ['scripts/build.mjs']) !== 0) process.exit(1);
const status = run('node', ['dist/cli.js', ...(process.argv.slice(2).length ? process.argv.slice(2) : ['samples/ketamine-assisted-therapy.txt'])]);
process.exit(status === 0 || status === 1 ? 0 : status ?? 1);
