/**
 * Analysis in steps, and its cancellation. The costly computations of the core (parsing, the
 * rules, fix-all) are generators that `yield` at checkpoints: every `CHECKPOINT_BLOCKS` blocks
 * (or chunks) of a loop over the document, and between rules. A checkpoint is a place where the
 * work may stop, and where a host may give way to other work (the language server reads its
 * messages there, so that a newer version or a `$/cancelRequest` is seen while a large document
 * is analysed). `finish` runs the steps through: the synchronous functions (`parseArticle`,
 * `lint`, `fixAll`) are their steps, finished.
 *
 * Cancellation is a plain object whose `isCancellationRequested` turns true (an LSP
 * `CancellationToken` is one): `cancellable` reads it at every checkpoint, one property read,
 * and stops the steps by throwing `Cancelled`, never a partial result.
 */

/** A computation that gives way at its checkpoints (each `yield`) and returns `T`. */
export type Steps<T> = Generator<void, T, undefined>;

/** What a host sets to stop an analysis: read at every checkpoint. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** How many blocks (or chunks) a loop over the document handles between two checkpoints. */
export const CHECKPOINT_BLOCKS = 256;

/** Thrown when the analysis was cancelled: the distinct result hosts tell from a failure. */
export class Cancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'Cancelled';
  }
}

export function isCancelled(e: unknown): e is Cancelled {
  return e instanceof Cancelled;
}

/** Runs the steps through, without giving way. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `steps`, stopped at the first checkpoint where `cancellation` is requested: the steps are
 * closed (their `finally` blocks run) and `Cancelled` is thrown. Without a cancellation, the
 * steps themselves.
 */
export function cancellable<T>(steps: Steps<T>, cancellation: Cancellation | undefined): Steps<T> {
  return cancellation ? checked(steps, cancellation) : steps;
}

function* checked<T>(steps: Steps<T>, cancellation: Cancellation): Steps<T> {
  if (cancellation.isCancellationRequested) throw new Cancelled();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    // Read before giving way (a synchronous host's flag) and after (a message read meanwhile).
    if (!cancellation.isCancellationRequested) yield;
    if (cancellation.isCancellationRequested) {
      steps.return(undefined as T);
      throw new Cancelled();
    }
  }
}
