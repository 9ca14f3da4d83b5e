import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../core/rules';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LineIndex } from '../core/text/lineIndex';
import type { Finding } from '../core/types';
import { toPlainDiagnostic } from '../lsp/convert';
import { ruleDocsUri } from '../node/docs';

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
  /** Set when the file was not linted. */
  skipped?: string;
  /** With --fix: the safe fixes applied to the file (empty when none applied). */
  fixed?: { ruleId: string; title: string }[];
}

const NAMES = ['', 'error', 'warning', 'info', 'hint'];

/**
 * ESLint-style human output, written file by file (`file` gives each file's lines as they come,
 * `end` the summary): the same text as `stylish` gives for all the files at once.
 */
export class StylishReport {
  private errors = 0;
  private warnings = 0;
  private infos = 0;
  private files = 0;

  constructor(private readonly color: boolean) {}

  private c(code: string, s: string): string {
    return this.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  }

  file(f: FileReport): string {
    this.files++;
    if (f.skipped) return `${this.c('4', f.path)}\n  ${this.c('2', `skipped: ${f.skipped}`)}\n\n`;
    if (!f.diagnostics.length) return '';
    const out: string[] = [this.c('4', f.path)];
    for (const d of f.diagnostics) {
      const sev = d.severity ?? 1;
      if (sev === 1) this.errors++;
      else if (sev === 2) this.warnings++;
      else this.infos++;
      const loc = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(8);
      const name = NAMES[sev].padEnd(8);
      const painted = sev === 1 ? this.c('31', name) : sev === 2 ? this.c('33', name) : this.c('36', name);
      out.push(`  ${this.c('2', loc)}${painted}${d.message}  ${this.c('2', String(d.code))}`);
    }
    out.push('');
    return `${out.join('\n')}\n`;
  }

  end(): string {
    const { errors, warnings, infos, files } = this;
    const total = errors + warnings + infos;
    if (total) {
      return `${this.c(errors ? '31;1' : '33;1', `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`)}\n`;
    }
    return `✔ No problems in ${files} file${files === 1 ? '' : 's'}.\n`;
  }
}

/** ESLint-style human output. */
export function stylish(files: FileReport[], color: boolean): string {
  const report = new StylishReport(color);
  let out = '';
  for (const f of files) out += report.file(f);
  return out + report.end();
}

export function json(files: FileReport[]): string {
  return `${JSON.stringify({ files: files.map((f) => ({ path: f.path, diagnostics: f.diagnostics, ...(f.fixed ? { fixed: f.fixed } : {}) })) })}\n`;
}

/**
 * The JSON report written piece by piece, as `json` writes it whole: `head`, then each file
 * (`file`, or `fileStart`, its diagnostics' JSON and `fileEnd`), then `tail`.
 */
export const jsonReport = {
  head: '{"files":[',
  /** A file's report; its diagnostics may come as JSON text already (`diagnosticsJson`). */
  file(f: FileReport, first: boolean, diagnosticsJson?: string): string {
    if (diagnosticsJson !== undefined && !f.fixed) return `${jsonReport.fileStart(f.path, first)}${diagnosticsJson}${jsonReport.fileEnd}`;
    return `${first ? '' : ','}${JSON.stringify({ path: f.path, diagnostics: f.diagnostics, ...(f.fixed ? { fixed: f.fixed } : {}) })}`;
  },
  fileStart: (file: string, first: boolean): string => `${first ? '' : ','}{"path":${JSON.stringify(file)},"diagnostics":[`,
  fileEnd: ']}',
  tail: ']}\n',
};

/** The JSON text of `findings` as CLI diagnostics, without the brackets: `JSON.stringify` of their `toPlainDiagnostic`s, joined by commas. */
export function diagnosticsJson(findings: readonly Finding[], index: LineIndex): string {
  let out = '';
  for (const piece of diagnosticsJsonPieces(findings, index)) out += piece;
  return out;
}

/**
 * The JSON of `findings` as CLI diagnostics, comma-separated (without the brackets), in pieces of
 * about `size` code units: a report of tens of thousands of findings is never one string, nor
 * tens of thousands of diagnostic objects at once.
 */
export function* diagnosticsJsonPieces(findings: readonly Finding[], index: LineIndex, size = 1 << 16): Generator<string> {
  let piece = '';
  for (let i = 0; i < findings.length; i++) {
    piece += `${i ? ',' : ''}${JSON.stringify(toPlainDiagnostic(index, findings[i]))}`;
    if (piece.length >= size) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

const LEVEL = ['none', 'error', 'warning', 'note', 'note'];

/**
 * Where a file is, as SARIF wants it: a relative path as a percent-encoded relative reference
 * under `%SRCROOT%` (the working folder; code-scanning services read it as the repository root),
 * an absolute path as a `file:` URI. `#`, `%` and spaces in names are encoded.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** SARIF 2.1.0, for code-scanning dashboards. Columns are UTF-16 code units, 1-based. */
export function sarif(files: FileReport[], version: string, cwd = process.cwd()): string {
  const report = new SarifReport(version, cwd);
  let out = report.head;
  for (const f of files) for (const d of f.diagnostics) out += report.result(f.path, d);
  return out + report.end();
}

/**
 * The SARIF report written piece by piece, as `sarif` writes it whole: `head`, then each
 * diagnostic's `result` in file order, then `end()`. A large file's report is never one string,
 * nor tens of thousands of result objects at once (the 10 MB article's SARIF is 21 MB of text).
 */
export class SarifReport {
  readonly head: string;
  private readonly tail: string;
  private readonly ruleIndex: Map<string, number>;
  private readonly located = new Map<string, { uri: string; uriBaseId?: string }>();
  private results = 0;

  constructor(version: string, cwd = process.cwd()) {
    const rules = RULES.map((r) => ({
      id: r.meta.id,
      name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
      shortDescription: { text: r.meta.description },
      helpUri: ruleDocsUri(r.meta.id),
      defaultConfiguration: { level: LEVEL[{ error: 1, warning: 2, info: 3, hint: 4 }[r.meta.defaultSeverity]] },
      properties: { category: r.meta.category },
    }));
    this.ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const doc = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'clinical-lint', version, semanticVersion: version, rules } },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`).href } },
          columnKind: 'utf16CodeUnits',
          // Last: the results are written between the document's head and its tail.
          results: [],
        },
      ],
    };
    const whole = JSON.stringify(doc, null, 2);
    const at = whole.lastIndexOf(EMPTY_RESULTS);
    this.head = whole.slice(0, at + EMPTY_RESULTS.length - 1);
    this.tail = `${whole.slice(at + EMPTY_RESULTS.length)}\n`;
  }

  /** One diagnostic of the file at `file`, as `JSON.stringify(doc, null, 2)` writes it inside `results`. */
  result(file: string, d: Diagnostic): string {
    const ruleIndex = typeof d.code === 'string' ? this.ruleIndex.get(d.code) : undefined;
    let artifact = this.located.get(file);
    if (!artifact) this.located.set(file, (artifact = artifactLocation(file)));
    const result = {
      ruleId: String(d.code),
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[d.severity ?? 1],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact,
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    };
    return `${this.results++ ? ',' : ''}\n${RESULT_INDENT}${JSON.stringify(result, null, 2).replace(/\n/g, `\n${RESULT_INDENT}`)}`;
  }

  /** The rest of the document, after the last result. */
  end(): string {
    return `${this.results ? `\n${RESULT_INDENT.slice(2)}` : ''}]${this.tail}`;
  }
}

/** How `JSON.stringify(doc, null, 2)` writes the run's results when there are none. */
const EMPTY_RESULTS = '"results": []';
/** The indentation of a result inside `runs[0].results`. */
const RESULT_INDENT = ' '.repeat(8);
