import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * A full garbage collection, now. The CLI asks for one after linting a large file: its article
 * (every block's prose, sentences, markers and the rules' caches, about four times the text) is
 * garbage from then on, but V8 collects the old generation only when it reaches its limit, and the
 * report's allocations would grow the heap past that peak first (10 MB article: about 10 MiB of
 * peak memory, for some 30 ms). Node exposes the collector only under `--expose-gc`, which a new
 * context created while the flag is set receives; the flag is turned off again at once. Returns
 * whether a collection ran (an engine without the flag: none, nothing else changes).
 */
export function collectGarbage(): boolean {
  if (collector === undefined) collector = exposedCollector();
  if (!collector) return false;
  collector();
  return true;
}

let collector: (() => void) | null | undefined;

const GC = 'typeof gc === "function" ? gc : undefined';

function exposedCollector(): (() => void) | null {
  // Node started with --expose-gc: the collector is there already, and the flag stays as it is.
  const given: unknown = vm.runInNewContext(GC);
  if (typeof given === 'function') return given as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext(GC);
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  } finally {
    try {
      v8.setFlagsFromString('--no-expose-gc');
    } catch {
      // Left on: only new contexts would see `gc`.
    }
  }
}
