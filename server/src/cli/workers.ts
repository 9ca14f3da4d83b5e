import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LintConfig } from '../core/config';
import { lint } from '../core/lint';
import { LineIndex } from '../core/text/lineIndex';
import type { DocumentKind, Finding } from '../core/types';
import { toPlainDiagnostic } from '../lsp/convert';
import { bibliographyLoaderFor } from '../node/bibliography';
import { collectGarbage } from '../node/collect';
import { diagnosticsJson, type FileReport } from './format';

/**
 * Linting many files on every core: the CLI hands files' texts to a pool of worker threads (the
 * same bundle, started with a marker in `workerData`) and lints the others itself, keeps
 * reading and configuring files on the main thread, and prints the reports in the order of the
 * files.
 */

export interface LintJob {
  path: string;
  text: string;
  kind: DocumentKind;
  config: LintConfig;
  /** Named on the command line: linted whatever it looks like. */
  explicit: boolean;
  /** The diagnostics as the JSON report writes them (`diagnosticsJson`), not as objects. */
  json?: boolean;
}

export interface LintJobResult {
  /** The diagnostics (unless `json` was asked for). */
  diagnostics?: FileReport['diagnostics'];
  /** The diagnostics as JSON text (when `json` was asked for). */
  json?: string;
  hasError: boolean;
  /** A plain-text file found in a folder that does not look like an article: not reported. */
  drop: boolean;
}

/**
 * Lints one file's text: its findings (and an index for their positions), or undefined for a
 * plain-text file found in a folder that does not look like an article (not reported).
 */
export function lintFindings(job: LintJob): { findings: readonly Finding[]; index: LineIndex; hasError: boolean } | undefined {
  const findings = findingsOf(job);
  if (!findings) return undefined;
  // The article is garbage from here on: for a large file it is collected before the report is
  // built (node/collect.ts), so that the report's allocations reuse its space.
  if (job.text.length >= COLLECT_AFTER) collectGarbage();
  return { findings, index: new LineIndex(job.text), hasError: findings.some((f) => f.severity === 'error') };
}

/** Code units of text from which a file's lint is followed by a garbage collection (about 1 MB). */
export const COLLECT_AFTER = 1 << 20;

/** The findings of one file's lint (undefined: not reported); its article is let go on return. */
function findingsOf(job: LintJob): readonly Finding[] | undefined {
  // Bibliographies named in front matter (Pandoc citations), relative to the file's folder.
  const bibliography = bibliographyLoaderFor(path.resolve(job.path));
  // The report shows no fixes: rules may leave out the costly ones.
  const result = lint(job.text, { kind: job.kind, config: job.config, bibliography, fixes: false });
  if (!job.explicit && job.kind === 'plaintext' && !result.article.references && result.article.markers.length < 2) return undefined;
  return result.findings;
}

/** Lints one file's text in a worker: its report's diagnostics, as objects or as JSON text. */
export function lintJob(job: LintJob): LintJobResult {
  const r = lintFindings(job);
  if (!r) return { hasError: false, drop: true };
  if (job.json) return { json: diagnosticsJson(r.findings, r.index), hasError: r.hasError, drop: false };
  return { diagnostics: r.findings.map((f) => toPlainDiagnostic(r.index, f)), hasError: r.hasError, drop: false };
}

const MARK = 'clinical-lint-worker';

/** Whether this thread is a lint worker (then `runWorker` serves jobs and nothing else runs). */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as { [MARK]?: boolean } | undefined)?.[MARK] === true;
}

export function runWorker(): void {
  parentPort!.on('message', (msg: { id: number; job: LintJob }) => {
    let out: { id: number; result?: LintJobResult; error?: string };
    try {
      out = { id: msg.id, result: lintJob(msg.job) };
    } catch (e) {
      out = { id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    parentPort!.postMessage(out);
  });
}

/**
 * Worker threads to start for `files` files: none for a few files (starting a worker costs
 * about 50 ms), else one less than the cores, since the main thread lints too.
 */
export function workerCount(files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const env = Number(process.env.CLINICAL_LINT_WORKERS);
  const wanted = Number.isInteger(env) && env >= 0 ? env : cores > 1 && files >= 8 ? cores - 1 : 0;
  return Math.min(wanted, files, 16);
}

/**
 * The script a worker starts: the CLI's entry (`dist/cli.js`, the launcher), so that a worker
 * loads the bundle from the code cache as the main thread does, when it is beside this bundle;
 * else this file.
 */
function workerScript(): string {
  if (path.basename(__filename) === 'cli-bundle.js') {
    const launcher = path.join(__dirname, 'cli.js');
    if (fs.existsSync(launcher)) return launcher;
  }
  return __filename;
}

/** Jobs a worker holds at once: enough to keep it busy while the main thread lints a file. */
const QUEUED_PER_WORKER = 4;

/**
 * A pool of lint workers. `offer` gives a job to a worker that has room for it, else returns
 * undefined and the caller lints the file itself: the main thread is one more linter.
 */
export class LintPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, { resolve: (r: LintJobResult) => void; reject: (e: Error) => void; slot: { busy: number } }>();
  private nextId = 0;

  constructor(size: number, script = workerScript()) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { [MARK]: true } });
      const slot = { worker, busy: 0 };
      worker.on('message', (m: { id: number; result?: LintJobResult; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        p.slot.busy--;
        if (m.result) p.resolve(m.result);
        else p.reject(new Error(m.error ?? 'worker failed'));
      });
      worker.on('error', (e) => {
        for (const [id, p] of this.pending) {
          if (p.slot !== slot) continue;
          this.pending.delete(id);
          p.reject(e);
        }
      });
      this.workers.push(slot);
    }
  }

  /** The job's result from the least busy worker, or undefined when every worker's queue is full. */
  offer(job: LintJob): Promise<LintJobResult> | undefined {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (slot.busy >= QUEUED_PER_WORKER) return undefined;
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
