import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { Finding, Severity, Span } from '../core/types';
import { ruleDocsUri } from '../node/docs';
import type { LineIndex } from '../core/text/lineIndex';

/** Core spans to LSP ranges: the only place positions are converted for the protocol. */
export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

export function toSpan(index: LineIndex, range: Range): Span {
  return { start: index.offsetAt(range.start), end: index.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s];
}

export const SOURCE = 'clinical-lint';

export function toDiagnostic(index: LineIndex, f: Finding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: toRange(index, f),
    severity: toSeverity(f.severity),
    code: f.ruleId,
    codeDescription: { href: ruleDocsUri(f.ruleId) },
    source: SOURCE,
    message: f.message,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(index, r) }, message: r.message }));
  }
  return d;
}

/** CLI JSON output: a diagnostic without the editor-only fields. */
export function toPlainDiagnostic(index: LineIndex, f: Finding): Diagnostic {
  return { range: toRange(index, f), severity: toSeverity(f.severity), code: f.ruleId, source: SOURCE, message: f.message };
}
