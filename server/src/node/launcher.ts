import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type * as WorkerThreads from 'node:worker_threads';

/**
 * The entry of `dist/server.js` and `dist/cli.js`: starts the bundle next to it
 * (`__BUNDLE__`, set at build time) with start-up savings, none of which changes what the bundle
 * does.
 *
 * - Regular expressions are compiled once, to native code, instead of first to bytecode and
 *   again to native code on their second use (`--no-regexp-tier-up`): the rules compile some
 *   hundreds of expressions on the first document, and this halves that cost.
 * - The CLI keeps its heap smaller on large inputs (`__LARGE_INPUT_FLAGS__`): the young
 *   generation does not grow (`--semi-space-growth-factor=1`) and the old generation grows in
 *   smaller steps (`--heap-growing-percent=20`): on a 10 MB article the peak memory goes from
 *   about 310 to about 240 MiB, at the same speed. On small inputs (every argument an existing
 *   file, `LARGE_INPUT_BYTES` in all) they cost time and save nothing: a young generation kept
 *   at 1 MiB is collected some thirty times while the bundle loads and the first file is linted,
 *   so they are set only when the inputs are large or unknown (a folder, a glob, stdin). The
 *   main thread leaves its decision in `CLINICAL_LINT_LARGE_INPUT` (`1` or `0`) for its lint
 *   workers, which have no inputs of their own; set beforehand, it decides instead.
 * - The CLI optimises a function only after some nine times more work in it than V8's default
 *   (`--interrupt-budget=600000`, against 67,584): a run lints its files once, and on two cores
 *   the optimising compiler's threads took a third of the processor from the lint, much of it
 *   for functions compiled twice (deoptimised, then optimised again) or compiled separately in
 *   each lint thread. 500 small files: 2.2-2.4 s and 4.0-4.4 s of processor time before, 1.5-1.8
 *   s and 2.6-3.1 s after; the 1 MB article 0.82-0.93 s, 0.68-0.81 s after; one 10 MB article
 *   some 5 % slower (4.6-5.2 s against 5.25-5.35 s in alternating runs).
 * - The server's young generation grows in one step (`--semi-space-growth-factor=16`): loading
 *   the bundle and the first lint keep most of what they allocate (the lexicon, the model, the
 *   compiled rules), which V8's default doubling copied from one small young generation to the
 *   next, seven collections before the first diagnostics instead of three.
 * - The bundle's compiled code is kept in a per-user cache (V8 code cache, as Node's own
 *   `module.enableCompileCache` does from Node 22), so a later start does not parse and compile
 *   the bundle's functions again. V8 checks the cache against the source and its flags and
 *   ignores a cache that does not match; any error here only means starting without the cache.
 *   `CLINICAL_LINT_CACHE_DIR` names the directory (the VS Code client passes its global storage);
 *   otherwise `$XDG_CACHE_HOME/clinical-lint` or `~/.cache/clinical-lint`. Caches of copies that
 *   are gone are pruned (`pruneCaches`); `CLINICAL_LINT_NO_CACHE=1` turns it off, `CLINICAL_LINT_TRACE_CACHE=1` reports on stderr.
 */
declare const __BUNDLE__: string;
/** Engine flags for this entry (the server's young generation grows in one step; the CLI optimises later). */
declare const __V8_FLAGS__: string[];
/** Engine flags for large or unknown inputs only (the CLI's memory flags), set once the code cache is checked. */
declare const __LARGE_INPUT_FLAGS__: string[];
/** A cache unused for this long belongs to a copy that is gone (an extension's earlier version). */
const UNUSED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Inputs of this many bytes or more, in all, are large. */
const LARGE_INPUT_BYTES = 512 * 1024;
/** The CLI's options that take a value as the next argument (`parseArgs` in `server/src/cli/main.ts`). */
const VALUED_OPTIONS = new Set(['-f', '--format', '-j', '--jurisdiction', '-c', '--config', '--citation-scope', '--rule']);
/**
 * V8's defaults of the input-dependent flags (V8 11 to 12). Should an engine's differ, a cache
 * written by a run on large inputs is rejected once and written again by the next run.
 */
const V8_DEFAULTS: Record<string, string> = { '--semi-space-growth-factor': '2', '--heap-growing-percent': '0' };

setFlags(['--no-regexp-tier-up', ...__V8_FLAGS__]);

const file = path.join(__dirname, __BUNDLE__);
// The build writes the bundles in ASCII (scripts/build.mjs): read as Latin-1, a one-byte string
// with no decoding (UTF-8 took some 15 ms); anything else as UTF-8.
const bytes = fs.readFileSync(file);
const source = (typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')).replace(/^#!.*/, '');
const cacheFile = cachePath(file, source.length);
let cached: Buffer | undefined;
try {
  if (cacheFile) cached = fs.readFileSync(cacheFile);
} catch {
  cached = undefined;
}

// The flags the cache was made with: V8's defaults for the input-dependent ones (a worker
// starts after its main thread has set them for the whole process).
setFlags(__LARGE_INPUT_FLAGS__.map(defaultOf));
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached });
const trace = process.env.CLINICAL_LINT_TRACE_CACHE === '1' ? (what: string): void => void process.stderr.write(`clinical-lint: code cache ${what}\n`) : (): void => undefined;
trace(!cacheFile ? 'off' : !cached ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted');
if (cacheFile && cached && !script.cachedDataRejected) markUsed(cacheFile);
// V8 checks a code cache against the engine's flags: the flags that depend on the inputs are set
// after the check, and put back to V8's defaults before the cache is written, so that one cache
// serves runs on small and on large inputs alike.
// A lint worker of the CLI (started through this file too, with no inputs of its own) follows
// the main thread's decision, which it finds in its copy of the environment.
const large = __LARGE_INPUT_FLAGS__.length > 0 && (process.env.CLINICAL_LINT_LARGE_INPUT ? process.env.CLINICAL_LINT_LARGE_INPUT === '1' : largeInput(process.argv.slice(2)));
if (__LARGE_INPUT_FLAGS__.length > 0) process.env.CLINICAL_LINT_LARGE_INPUT = large ? '1' : '0';
const largeFlags = large ? __LARGE_INPUT_FLAGS__ : [];
setFlags(largeFlags);
if (__LARGE_INPUT_FLAGS__.length > 0 && process.env.CLINICAL_LINT_TRACE_CACHE === '1') process.stderr.write(`clinical-lint: memory flags ${largeFlags.length ? 'on' : 'off'}\n`);
// The main thread writes the cache; a lint worker (the CLI starts its workers through this file
// too) only reads it. Asked only when the cache is to be written: loading worker_threads costs
// about 2 ms of every start.
const mainThread = (): boolean => (Module.createRequire(__filename)('node:worker_threads') as typeof WorkerThreads).isMainThread;
if (cacheFile && (!cached || script.cachedDataRejected) && mainThread()) {
  // After the first document: the cache then holds the functions that linting compiled too.
  let saved = false;
  const save = (): void => {
    if (saved) return;
    saved = true;
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      setFlags(largeFlags.map(defaultOf));
      const data = script.createCachedData();
      setFlags(largeFlags);
      fs.writeFileSync(tmp, data, { mode: 0o600 });
      fs.renameSync(tmp, cacheFile);
      trace(`written to ${cacheFile}`);
      pruneCaches(file, cacheFile);
    } catch (e) {
      // A read-only or full disk: no cache, nothing else changes.
      trace(`not written: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  process.once('exit', save);
  setTimeout(save, 3000).unref();
}

const bundleModule = new Module(file, module);
bundleModule.filename = file;
bundleModule.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
const run = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, mod: Module, filename: string, dirname: string) => void;
run.call(bundleModule.exports, bundleModule.exports, Module.createRequire(file), bundleModule, file, path.dirname(file));
bundleModule.loaded = true;

function setFlags(flags: readonly string[]): void {
  for (const flag of flags) {
    try {
      v8.setFlagsFromString(flag);
    } catch {
      // An engine without the flag starts as usual.
    }
  }
}

/** The flag at V8's default value (`--heap-growing-percent=20` → `--heap-growing-percent=0`). */
function defaultOf(flag: string): string {
  const name = flag.split('=')[0];
  return `${name}=${V8_DEFAULTS[name] ?? ''}`;
}


/**
 * Whether the command line names large or unknown inputs: small only when every argument that is
 * not an option names an existing file and they add up to less than `LARGE_INPUT_BYTES` (an
 * option's value, `json` in `--format json`, names no file and is passed over; a folder, a glob
 * and `-`, stdin, are unknown).
 */
function largeInput(args: readonly string[]): boolean {
  let bytes = 0;
  let files = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a !== '-') continue;
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(a, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      bytes += st.size;
      files++;
      if (bytes >= LARGE_INPUT_BYTES) return true;
    } else if (!isOptionValue(args, i)) return true;
  }
  return files === 0 || bytes >= LARGE_INPUT_BYTES;
}

/** The argument is the value of the option before it (`json` of `--format json`), not an input. */
function isOptionValue(args: readonly string[], i: number): boolean {
  return i > 0 && VALUED_OPTIONS.has(args[i - 1]);
}


/**
 * Records that the cache was used (its modification time, at most once a day), so that another
 * copy's `pruneCaches` can tell a cache in use from one whose copy is gone.
 */
function markUsed(cacheFile: string): void {
  try {
    const now = Date.now();
    if (now - fs.statSync(cacheFile).mtimeMs > DAY_MS) fs.utimesSync(cacheFile, now / 1000, now / 1000);
  } catch {
    // A read-only cache: it is pruned as unused in time, and written again if still wanted.
  }
}

/**
 * After a cache is written: the caches of this copy's earlier builds or engines are never read
 * again, and go; another copy's cache goes when it has not been used for `UNUSED_DAYS` (each
 * update of the extension installs a new copy, whose old caches would otherwise pile up), as does
 * a temporary file left by a write that did not finish.
 */
function pruneCaches(bundle: string, cacheFile: string): void {
  const dir = path.dirname(cacheFile);
  const mine = `${path.basename(bundle, '.js')}-${placeOf(bundle)}-`;
  const now = Date.now();
  for (const name of fs.readdirSync(dir)) {
    if (name === path.basename(cacheFile)) continue;
    const at = path.join(dir, name);
    try {
      if (name.startsWith(mine) && name.endsWith('.v8cache')) fs.rmSync(at, { force: true });
      else if (/\.v8cache(?:\.\d+\.tmp)?$/.test(name) && now - fs.statSync(at).mtimeMs > (name.endsWith('.tmp') ? DAY_MS : UNUSED_DAYS * DAY_MS)) fs.rmSync(at, { force: true });
    } catch {
      // Removed meanwhile by another start, or not ours to remove.
    }
  }
}

/** A short hash of the bundle's path. */
function placeOf(bundle: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bundle.length; i++) h = Math.imul(h ^ bundle.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Where this bundle's code cache lives: per user, per installed bundle, engine and bundle version. */
function cachePath(bundle: string, length: number): string | undefined {
  if (process.env.CLINICAL_LINT_NO_CACHE === '1') return undefined;
  try {
    const dir = process.env.CLINICAL_LINT_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'clinical-lint');
    const mtime = Math.floor(fs.statSync(bundle).mtimeMs);
    // Each installed copy has its own file (two copies never evict each other's cache).
    const name = `${path.basename(bundle, '.js')}-${placeOf(bundle)}-${process.versions.v8}-${length}-${mtime}.v8cache`;
    return path.join(dir, 'code-cache', name);
  } catch {
    return undefined;
  }
}
