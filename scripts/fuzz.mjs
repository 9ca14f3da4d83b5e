// `npm run fuzz`: the property tests with many more cases and a random seed (printed, so a
// failure can be replayed with FUZZ_SEED=...). `npm test` runs the same properties with a fixed
// seed. Usage: node scripts/fuzz.mjs [RUNS]   (default 4000; whole-article properties get a quarter)
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '4000';
const seed = process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31);
console.log(`fuzz: ${runs} runs, seed ${seed} (replay: FUZZ_SEED=${seed} npm run fuzz -- ${runs})`);
const tsc = spawnSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const r = spawnSync('npx', ['mocha', '--timeout', '0', 'out/test/unit/property-*.test.js'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exit(r.status ?? 1);
