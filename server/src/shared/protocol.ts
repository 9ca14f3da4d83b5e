/**
 * Everything client and server say to each other beyond the LSP itself: custom requests,
 * commands and the settings shape. One file, imported by both sides.
 */
import type { CitationScope, Jurisdiction, SeveritySetting } from '../core/types';

export const SECTION = 'clinicalLint';

/** Settings under `clinicalLint.*`, per resource. */
export interface ClientSettings {
  /** Lint at all (per resource: a workspace or folder can turn clinical-lint off). */
  enable: boolean;
  jurisdiction: Jurisdiction;
  citationScope: CitationScope;
  /** Per-rule severities, from `clinicalLint.rules.<rule-id>`. */
  rules: Record<string, SeveritySetting>;
  /** Plain-text files: lint when they look like an article (`auto`), always, or never. */
  plaintext: 'auto' | 'always' | 'never';
  /** Milliseconds after the last keystroke before a document is linted again. */
  debounceMs: number;
  /** Documents larger than this (in KiB) get one information message instead of findings. */
  maxFileSizeKiB: number;
  /** Whether the workspace is trusted (workspace config may add patterns only when it is). */
  trusted: boolean;
}

export const DEFAULT_SETTINGS: ClientSettings = {
  enable: true,
  jurisdiction: 'CA',
  citationScope: 'paragraph',
  rules: {},
  plaintext: 'auto',
  debounceMs: 150,
  maxFileSizeKiB: 4096,
  trusted: true,
};

export interface ReferenceItem {
  number?: number;
  /** Its place in the list (for an entry without a number). */
  ordinal: number;
  label?: string;
  title: string;
  detail: string;
}

/** `clinicalLint/references`: the document's reference list, for the "Insert citation..." pick. */
export const REFERENCES_REQUEST = 'clinicalLint/references';
export interface ReferencesParams {
  uri: string;
  /** When given, the references that best match the sentence there come first. */
  position?: { line: number; character: number };
}

/**
 * `clinicalLint/citationEdit`: the edit that cites reference `number` at `position`, computed
 * against document `version` (null when the document has moved on).
 */
export const CITATION_EDIT_REQUEST = 'clinicalLint/citationEdit';
export interface CitationEditParams {
  uri: string;
  version: number;
  position: { line: number; character: number };
  number?: number;
  /** A footnote label, to cite a footnote definition. */
  label?: string;
}

/** Client-side command: move the cursor after an edit (a fix that leaves the author typing). */
export const SET_CURSOR_COMMAND = 'clinicalLint.setCursor';
/** Server commands. */
export const RENUMBER_COMMAND = 'clinicalLint.renumberReferences';
export const FIX_ALL_COMMAND = 'clinicalLint.fixAll';
export const SHOW_RULE_DOCS_COMMAND = 'clinicalLint.showRuleDocumentation';

/** `clinicalLint/status` notification: finding count of a document, for the status bar. */
export const STATUS_NOTIFICATION = 'clinicalLint/status';
export interface StatusParams {
  uri: string;
  counts: { error: number; warning: number; info: number; hint: number };
  jurisdiction: Jurisdiction;
  /** Set when the document was not linted (too large, binary, not an article). */
  skipped?: string;
  /** Not linted because it is not an article (or plain-text linting is off): nothing to show. */
  quiet?: boolean;
}
