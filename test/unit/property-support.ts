import type { Parameters } from 'fast-check';

/**
 * Settings of every property test: a fixed seed in `npm test` (a failure is reproducible), a
 * larger run with a random seed under `npm run fuzz` (FUZZ_RUNS, FUZZ_SEED).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 0);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : runs ? Date.now() % 2 ** 31 : 20261127;

export const FAST_CHECK: Parameters<unknown> = { seed, numRuns: runs || 100, verbose: runs > 0 ? 1 : 0 };

/** A smaller run for the expensive properties (whole-article analyses). */
export const FAST_CHECK_SLOW: Parameters<unknown> = { seed, numRuns: runs ? Math.max(1, Math.floor(runs / 4)) : 40, verbose: runs > 0 ? 1 : 0 };
