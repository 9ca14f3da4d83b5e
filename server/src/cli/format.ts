import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../core/rules';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** ESLint-style human output. */
export function stylish(files: FileReport[], color: boolean): string {
  const c = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of files) {
    if (f.skipped) {
      out.push(`${c('4', f.path)}\n  ${c('2', `skipped: ${f.skipped}`)}\n`);
      continue;
    }
    if (!f.diagnostics.length) continue;
    out.push(c('4', f.path));
    for (const d of f.diagnostics) {
      const sev = d.severity ?? 1;
      if (sev === 1) errors++;
      else if (sev === 2) warnings++;
      else infos++;
      const loc = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(8);
      const name = NAMES[sev].padEnd(8);
      const painted = sev === 1 ? c('31', name) : sev === 2 ? c('33', name) : c('36', name);
      out.push(`  ${c('2', loc)}${painted}${d.message}  ${c('2', String(d.code))}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total) {
    out.push(c(errors ? '31;1' : '33;1', `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`));
  } else {
    out.push(`✔ No problems in ${files.length} file${files.length === 1 ? '' : 's'}.`);
  }
  return `${out.join('\n')}\n`;
}

export function json(files: FileReport[]): string {
  return `${JSON.stringify({ files: files.map((f) => ({ path: f.path, diagnostics: f.diagnostics, ...(f.fixed ? { fixed: f.fixed } : {}) })) })}\n`;
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
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.meta.description },
    helpUri: ruleDocsUri(r.meta.id),
    defaultConfiguration: { level: LEVEL[{ error: 1, warning: 2, info: 3, hint: 4 }[r.meta.defaultSeverity]] },
    properties: { category: r.meta.category },
  }));
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => {
      const ruleIndex = rules.findIndex((r) => r.id === d.code);
      return {
        ruleId: String(d.code),
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: LEVEL[d.severity ?? 1],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(f.path),
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
    }),
  );
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'clinical-lint', version, semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
