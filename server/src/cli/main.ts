import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type LintConfig } from '../core/config';
import { mergeConfig } from '../core/configFile';
import { parseArticle } from '../core/article/parse';
import { fixAll } from '../core/fixAll';
import { lint } from '../core/lint';
import { RULES } from '../core/rules';
import { listSuppressions } from '../core/suppression';
import { LineIndex } from '../core/text/lineIndex';
import { type Finding, JURISDICTIONS, type Jurisdiction, type SeveritySetting } from '../core/types';
import { toPlainDiagnostic } from '../lsp/convert';
import { type LoadedConfig, loadConfigFile, loadConfigFor } from '../node/configLoader';
import { bibliographyLoaderFor } from '../node/bibliography';
import { isIgnored } from '../node/ignore';
import { expandTargets, kindOfPath, readArticle } from './files';
import { diagnosticsJsonPieces, type FileReport, json, jsonReport, sarif, SarifReport, stylish, StylishReport } from './format';
import { isLintWorker, type LintJob, lintFindings, LintPool, runWorker, workerCount } from './workers';

const VERSION = '0.1.0';
const USAGE = `Usage: clinical-lint [options] PATH...

Lints health articles (Markdown, plain text) for unsupported claims, missing and broken
citations, off-label disclosure and safe messaging. PATH may be a file, a folder or a glob.

Options:
  -f, --format stylish|json|sarif   output format (default: stylish)
  -j, --jurisdiction CA|US|UK|AU    approval data and resources to use (default: CA)
  -c, --config FILE                 configuration file (default: .clinical-lint.json, looked up
                                    from each file's folder upwards)
      --citation-scope paragraph|sentence
      --rule ID=SEVERITY            set a rule's severity (off, hint, info, warning, error)
      --fix                         apply every safe fix (to a fixed point), write the files
                                    that changed and report what was fixed in each
      --list-suppressions           list every clinical-lint-disable comment (file:line,
                                    rules, reason) for review, and exit
      --list-rules                  print the rules and exit
  -h, --help                        print this help
  -v, --version                     print the version

Exit status: 0 no error-severity finding, 1 at least one, 2 usage or configuration error.`;

class UsageError extends Error {}

interface Options {
  format: 'stylish' | 'json' | 'sarif';
  jurisdiction?: Jurisdiction;
  config?: string;
  citationScope?: 'paragraph' | 'sentence';
  rules: Record<string, SeveritySetting>;
  fix: boolean;
  listSuppressions: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' | 'list-rules' {
  const o: Options = { format: 'stylish', rules: {}, fix: false, listSuppressions: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const flag = (): void => {
      if (value !== undefined) throw new UsageError(`${arg} takes no value`);
    };
    const next = (): string => {
      if (value !== undefined) return value;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        flag();
        return 'help';
      case '-v':
      case '--version':
        flag();
        return 'version';
      case '--list-rules':
        flag();
        return 'list-rules';
      case '-f':
      case '--format': {
        const f = next();
        if (f !== 'stylish' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (stylish, json, sarif)`);
        o.format = f;
        break;
      }
      case '-j':
      case '--jurisdiction': {
        const j = next().toUpperCase();
        if (!(JURISDICTIONS as readonly string[]).includes(j)) throw new UsageError(`unknown jurisdiction "${j}" (${JURISDICTIONS.join(', ')})`);
        o.jurisdiction = j as Jurisdiction;
        break;
      }
      case '-c':
      case '--config':
        o.config = next();
        break;
      case '--citation-scope': {
        const s = next();
        if (s !== 'paragraph' && s !== 'sentence') throw new UsageError(`--citation-scope must be paragraph or sentence`);
        o.citationScope = s;
        break;
      }
      case '--rule': {
        const setting = next();
        const at = setting.indexOf('=');
        const id = at < 0 ? setting : setting.slice(0, at);
        const sev = at < 0 ? '' : setting.slice(at + 1);
        if (!RULES.some((r) => r.meta.id === id)) throw new UsageError(`unknown rule "${id}"`);
        if (!['off', 'hint', 'info', 'warning', 'error'].includes(sev)) throw new UsageError(`severity of ${id} must be off, hint, info, warning or error`);
        o.rules[id] = sev as SeveritySetting;
        break;
      }
      case '--fix':
        flag();
        o.fix = true;
        break;
      case '--list-suppressions':
        flag();
        o.listSuppressions = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        o.paths.push(argv[i]);
    }
  }
  if (!o.paths.length) throw new UsageError('no PATH given');
  return o;
}

function configError(loaded: LoadedConfig): string {
  const p = loaded.problems[0];
  const pos = new LineIndex(loaded.text).positionAt(p.start);
  return `${loaded.path}:${pos.line + 1}:${pos.character + 1}: ${p.message}`;
}

export async function main(argv: string[]): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`clinical-lint: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (opts === 'list-rules') {
    for (const r of RULES) process.stdout.write(`${r.meta.id.padEnd(22)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}\n`);
    return 0;
  }
  const o = opts;
  let explicitConfig: LoadedConfig | undefined;
  if (o.config) {
    if (!fs.existsSync(o.config)) {
      process.stderr.write(`clinical-lint: configuration file ${o.config} does not exist\n`);
      return 2;
    }
    explicitConfig = loadConfigFile(path.resolve(o.config));
    if (explicitConfig.problems.length) {
      process.stderr.write(`clinical-lint: invalid configuration: ${configError(explicitConfig)}\n`);
      return 2;
    }
  }
  const flags = (c: LintConfig): LintConfig => ({
    ...c,
    jurisdiction: o.jurisdiction ?? c.jurisdiction,
    citationScope: o.citationScope ?? c.citationScope,
    rules: { ...c.rules, ...o.rules },
  });
  const { targets, missing } = await expandTargets(o.paths);
  if (missing.length) {
    process.stderr.write(`clinical-lint: no such file or no match: ${missing.join(', ')}\n`);
    return 2;
  }
  // Each folder's configuration file is looked up once per run, and each file's settings made
  // once per configuration file.
  const loadedIn = new Map<string, LoadedConfig | undefined>();
  const configFor = (file: string): LoadedConfig | undefined => {
    if (explicitConfig) return explicitConfig;
    const abs = path.resolve(file);
    const dir = path.dirname(abs);
    if (!loadedIn.has(dir)) loadedIn.set(dir, loadConfigFor(abs));
    return loadedIn.get(dir);
  };
  const settingsOf = new Map<LoadedConfig | undefined, LintConfig>();
  const lintConfigOf = (loaded: LoadedConfig | undefined): LintConfig => {
    let c = settingsOf.get(loaded);
    if (!c) settingsOf.set(loaded, (c = flags(mergeConfig(defaultConfig(), loaded?.settings))));
    return c;
  };
  // Reports are written as the files are linted, in file order; with --fix (whose stylish
  // summaries come first) they are written at the end.
  const streaming = !o.fix && !o.listSuppressions;
  if (streaming) {
    // A broken configuration file stops the run before anything is written.
    for (const t of targets) {
      const loaded = configFor(t.path);
      if (loaded?.problems.length) {
        process.stderr.write(`clinical-lint: invalid configuration: ${configError(loaded)}\n`);
        return 2;
      }
    }
  }
  const color = !!process.stdout.isTTY && !process.env.NO_COLOR;
  const out = new ReportStream(o.format, color);
  const suppressions: SuppressionRow[] = [];
  let hasError = false;
  /** The files' reports in order, each written as soon as it and those before it are known (streaming). */
  const slots: Slot[] = [];
  // Many files: linted on every core, by worker threads (workers.ts) and by this thread.
  const workers = o.fix || o.listSuppressions ? 0 : workerCount(targets.length);
  const pool = workers > 0 ? new LintPool(workers) : undefined;
  const pending: Promise<void>[] = [];
  try {
    for (const t of targets) {
      const loaded = configFor(t.path);
      if (loaded?.problems.length) {
        process.stderr.write(`clinical-lint: invalid configuration: ${configError(loaded)}\n`);
        return 2;
      }
      // `ignore` globs, relative to the configuration file's folder.
      if (isIgnored(t.path, loaded?.path, loaded?.settings.ignore)) {
        if (t.explicit) slots.push({ report: { path: t.path, diagnostics: [], skipped: `ignored by ${loaded!.path}` } });
        continue;
      }
      const config = lintConfigOf(loaded);
      const read = readArticle(t.path);
      if ('skipped' in read) {
        slots.push({ report: { path: t.path, diagnostics: [], skipped: read.skipped } });
        continue;
      }
      const kind = kindOfPath(t.path);
      let text = read.text;
      if (o.listSuppressions) {
        const index = new LineIndex(text);
        for (const s of listSuppressions(parseArticle(text, kind))) {
          const pos = index.positionAt(s.start);
          suppressions.push({ path: t.path, line: pos.line + 1, column: pos.character + 1, kind: s.kind, rules: s.rules, reason: s.reason });
        }
        continue;
      }
      const job: LintJob = { path: t.path, text, kind, config, explicit: t.explicit, json: o.format === 'json' };
      const queued = pool?.offer(job);
      if (queued) {
        const slot: Slot = { waiting: true };
        slots.push(slot);
        pending.push(
          queued.then((r) => {
            if (r.hasError) hasError = true;
            slot.waiting = false;
            if (!r.drop) slot.report = { path: t.path, diagnostics: r.diagnostics ?? [] };
            slot.json = r.json;
          }),
        );
        continue;
      }
      if (!o.fix) {
        // This thread lints the file (no workers, or every worker has work queued).
        const r = lintFindings(job);
        if (r) {
          if (r.hasError) hasError = true;
          slots.push({ report: { path: t.path, diagnostics: [] }, findings: r.findings, index: r.index });
        }
        if (streaming) await out.flush(slots);
        // Then takes the workers' results, and gives them more work.
        if (pool) await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      // Bibliographies named in front matter (Pandoc citations), relative to the file's folder.
      const bibliography = bibliographyLoaderFor(path.resolve(t.path));
      // Fixes are applied below (fixAll lints with them), never printed: rules may leave out the costly ones.
      let result = lint(text, { kind, config, bibliography, fixes: false });
      if (!t.explicit && kind === 'plaintext' && !result.article.references && result.article.markers.length < 2) continue;
      // Safe fixes only, to a fixed point; the file is written only when its text changed.
      const fixedText = fixAll(text, { kind, config, bibliography });
      const fixed = fixedText.applied;
      if (fixedText.text !== text) {
        // The BOM as read (reading the file again to see it held a second copy of it).
        fs.writeFileSync(t.path, (read.bom ? '\ufeff' : '') + fixedText.text);
        text = fixedText.text;
        result = fixedText.result;
        if (o.format === 'stylish') process.stdout.write(fixSummary(t.path, fixedText.applied));
      }
      const index = new LineIndex(text);
      if (result.findings.some((f) => f.severity === 'error')) hasError = true;
      slots.push({ report: { path: t.path, diagnostics: result.findings.map((f) => toPlainDiagnostic(index, f)), fixed } });
    }
    if (pool) await Promise.all(pending);
  } finally {
    await pool?.close();
  }
  if (o.listSuppressions) {
    const listed = o.format === 'json' ? `${JSON.stringify({ suppressions })}\n` : listing(suppressions);
    await new Promise<void>((resolve) => process.stdout.write(listed, () => resolve()));
    return 0;
  }
  if (streaming) {
    await out.flush(slots);
    await out.end();
    return hasError ? 1 : 0;
  }
  const reports: FileReport[] = [];
  for (const slot of slots) {
    if (!slot.report) continue;
    if (slot.findings) slot.report.diagnostics = slot.findings.map((f) => toPlainDiagnostic(slot.index!, f));
    reports.push(slot.report);
  }
  const whole = o.format === 'json' ? json(reports) : o.format === 'sarif' ? sarif(reports, VERSION) : stylish(reports, color);
  await new Promise<void>((resolve) => process.stdout.write(whole, () => resolve()));
  return hasError ? 1 : 0;
}

/** A file's place in the report: waiting for a worker, or its report (none: left out). */
interface Slot {
  waiting?: boolean;
  report?: FileReport;
  /** The report's diagnostics as JSON text (from a worker), or the findings they come from. */
  json?: string;
  findings?: readonly Finding[];
  index?: LineIndex;
}

/** Standard output as the reports come, in file order, waiting for a full pipe to drain. */
class ReportStream {
  private started = false;
  private first = true;
  private written = 0;
  private readonly stylish: StylishReport;
  private readonly sarif: SarifReport | undefined;

  constructor(
    private readonly format: 'json' | 'stylish' | 'sarif',
    color: boolean,
  ) {
    this.stylish = new StylishReport(color);
    this.sarif = format === 'sarif' ? new SarifReport(VERSION) : undefined;
  }

  private write(s: string): Promise<void> | undefined {
    if (!s || process.stdout.write(s)) return undefined;
    return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
  }

  /** Writes the reports of the files at the head of `slots` that are known, and forgets them. */
  async flush(slots: Slot[]): Promise<void> {
    if (this.format !== 'stylish' && !this.started) {
      this.started = true;
      await this.write(this.sarif ? this.sarif.head : jsonReport.head);
    }
    for (; this.written < slots.length && !slots[this.written].waiting; this.written++) {
      const slot = slots[this.written];
      slots[this.written] = {};
      const report = slot.report;
      if (!report) continue;
      if (this.format === 'stylish') {
        if (slot.findings) report.diagnostics = slot.findings.map((f) => toPlainDiagnostic(slot.index!, f));
        await this.write(this.stylish.file(report));
        continue;
      }
      if (this.sarif) {
        // The results in pieces of about 64K code units, each diagnostic made as it is written.
        const { findings, index } = slot;
        const n = findings ? findings.length : report.diagnostics.length;
        let piece = '';
        for (let i = 0; i < n; i++) {
          piece += this.sarif.result(report.path, findings ? toPlainDiagnostic(index!, findings[i]) : report.diagnostics[i]);
          if (piece.length < 1 << 16) continue;
          await this.write(piece);
          piece = '';
        }
        await this.write(piece);
        continue;
      }
      if (!slot.findings) {
        await this.write(jsonReport.file(report, this.first, slot.json));
        this.first = false;
        continue;
      }
      await this.write(jsonReport.fileStart(report.path, this.first));
      this.first = false;
      for (const piece of diagnosticsJsonPieces(slot.findings, slot.index!)) await this.write(piece);
      await this.write(jsonReport.fileEnd);
    }
  }

  /** The end of the report, once written out. */
  async end(): Promise<void> {
    const tail = this.sarif ? (this.started ? '' : this.sarif.head) + this.sarif.end() : this.format === 'json' ? (this.started ? '' : jsonReport.head) + jsonReport.tail : this.stylish.end();
    await new Promise<void>((resolve) => process.stdout.write(tail, () => resolve()));
  }
}

interface SuppressionRow {
  path: string;
  line: number;
  column: number;
  kind: string;
  rules: string[];
  reason?: string;
}

/** `path:line:col  kind  rules  -- reason`, one suppression a line, then a count. */
function listing(rows: SuppressionRow[]): string {
  const lines = rows.map((r) => `${r.path}:${r.line}:${r.column}  ${r.kind}  ${r.rules.length ? r.rules.join(', ') : '(all rules)'}  -- ${r.reason ?? '(no reason given)'}`);
  const withReason = rows.filter((r) => r.reason || r.kind === 'enable').length;
  lines.push(`${rows.length} suppression comment${rows.length === 1 ? '' : 's'}${rows.length ? `, ${rows.length - withReason} without a reason` : ''}.`);
  return `${lines.join('\n')}\n`;
}

/** What --fix changed in one file: the count, then each fix title with its rule. */
function fixSummary(file: string, applied: { ruleId: string; title: string }[]): string {
  const counts = new Map<string, number>();
  for (const a of applied) counts.set(`${a.ruleId}: ${a.title}`, (counts.get(`${a.ruleId}: ${a.title}`) ?? 0) + 1);
  const lines = [`${file}: fixed ${applied.length} finding${applied.length === 1 ? '' : 's'}`];
  for (const [k, n] of counts) lines.push(`  ${k}${n > 1 ? ` (×${n})` : ''}`);
  return `${lines.join('\n')}\n\n`;
}

if (isLintWorker()) {
  runWorker();
} else {
  // Output piped into a reader that stops early (`| head`): stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`clinical-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
