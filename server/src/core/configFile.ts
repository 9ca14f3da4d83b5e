import { type Node, type ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { LintConfig } from './config';
import { lexiconConfigErrors } from './knowledge/claims';
import { validateDrugEntry } from './knowledge/drugs';
import { RULES } from './rules';
import { JURISDICTIONS, type Span } from './types';

/**
 * The workspace file `.clinical-lint.json` (JSON with comments), validated with a location for
 * every problem. A broken file yields errors and no settings: the defaults keep working.
 */
export const CONFIG_FILE_NAME = '.clinical-lint.json';

export interface ConfigFileSettings extends Partial<Omit<LintConfig, 'rules'>> {
  rules?: LintConfig['rules'];
  /** Glob patterns (relative to the file's folder) of paths never linted. */
  ignore?: string[];
}

export interface ConfigProblem extends Span {
  message: string;
}

export interface ParsedConfigFile {
  settings: ConfigFileSettings;
  problems: ConfigProblem[];
}

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
const KNOWN_KEYS = ['$schema', 'jurisdiction', 'rules', 'citationScope', 'ignore', 'lexicon', 'drugs'];

/**
 * Parses and checks `.clinical-lint.json`; never throws. JSON nested deeper than the stack
 * allows (the parser recurses) is one problem: it stopped the server linting the file as it was
 * typed, and was reported as a file that could not be read.
 */
export function parseConfigFile(file: string): ParsedConfigFile {
  try {
    return parseConfigText(file);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { settings: {}, problems: [{ start: 0, end: 0, message: 'The configuration file is nested too deeply to be read.' }] };
  }
}

function parseConfigText(file: string): ParsedConfigFile {
  // A byte-order mark (editors on Windows save one) is read as a space: offsets stay the file's.
  const text = file.charCodeAt(0) === 0xfeff ? ` ${file.slice(1)}` : file;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({ start: e.offset, end: e.offset + Math.max(1, e.length), message: `Invalid JSON: ${printParseErrorCode(e.error)}` }));
  if (problems.length || !root) {
    if (!root && !problems.length) problems.push({ start: 0, end: 0, message: 'The configuration file is empty: expected a JSON object.' });
    return { settings: {}, problems };
  }
  if (root.type !== 'object') return { settings: {}, problems: [{ ...span(root), message: 'Expected a JSON object.' }] };
  const settings: ConfigFileSettings = {};
  const seen = new Set<string>();
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (!KNOWN_KEYS.includes(key)) {
      problems.push({ ...span(keyNode), message: `Unknown setting "${key}". Known settings: ${KNOWN_KEYS.slice(1).join(', ')}.` });
    }
    // JSON readers disagree on which of two equal keys counts: neither is taken silently.
    if (seen.has(key)) problems.push({ ...span(keyNode), message: `"${key}" is given twice: keep one.` });
    seen.add(key);
  }
  const jur = findNodeAtLocation(root, ['jurisdiction']);
  if (jur) {
    const v = getNodeValue(jur);
    if (typeof v === 'string' && (JURISDICTIONS as readonly string[]).includes(v)) settings.jurisdiction = v as LintConfig['jurisdiction'];
    else {
      const capitals = typeof v === 'string' && (JURISDICTIONS as readonly string[]).includes(v.toUpperCase()) ? ` (in capitals: "${v.toUpperCase()}")` : '';
      problems.push({ ...span(jur), message: `"jurisdiction" must be one of ${JURISDICTIONS.join(', ')}${capitals}.` });
    }
  }
  const scope = findNodeAtLocation(root, ['citationScope']);
  if (scope) {
    const v = getNodeValue(scope);
    if (v === 'paragraph' || v === 'sentence') settings.citationScope = v;
    else problems.push({ ...span(scope), message: '"citationScope" must be "paragraph" or "sentence".' });
  }
  const rules = findNodeAtLocation(root, ['rules']);
  if (rules) {
    if (rules.type !== 'object') problems.push({ ...span(rules), message: '"rules" must be an object of rule id to severity.' });
    else {
      settings.rules = {};
      const ids = new Set<string>();
      for (const prop of rules.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const id = String(k.value);
        if (ids.has(id)) {
          problems.push({ ...span(k), message: `The severity of "${id}" is given twice: keep one.` });
          continue;
        }
        ids.add(id);
        if (!RULES.some((r) => r.meta.id === id)) {
          problems.push({ ...span(k), message: `Unknown rule "${id}". Rules: ${RULES.map((r) => r.meta.id).join(', ')}.` });
          continue;
        }
        if (v.type !== 'string' || !SEVERITIES.includes(v.value)) {
          problems.push({ ...span(v), message: `Severity of "${id}" must be one of ${SEVERITIES.join(', ')}.` });
          continue;
        }
        settings.rules[id] = v.value;
      }
    }
  }
  const ignore = findNodeAtLocation(root, ['ignore']);
  if (ignore) {
    const v = getNodeValue(ignore);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) settings.ignore = v;
    else problems.push({ ...span(ignore), message: '"ignore" must be an array of glob patterns.' });
  }
  for (const key of ['lexicon', 'drugs'] as const) {
    const n = findNodeAtLocation(root, [key]);
    if (!n) continue;
    const v = getNodeValue(n);
    if (Array.isArray(v)) settings[key] = v;
    else problems.push({ ...span(n), message: `"${key}" must be an array of entries.` });
    if (key === 'drugs' && Array.isArray(v)) {
      (n.children ?? []).forEach((item, i) => {
        for (const message of validateDrugEntry(getNodeValue(item), i)) problems.push({ ...span(item), message: `Invalid drug entry: ${message}` });
      });
    }
    if (key === 'lexicon' && Array.isArray(v)) {
      // Each message names its entry ("lexicon[2] ("my-claim").pattern: ..."): shown at that entry.
      for (const message of lexiconConfigErrors(v)) {
        const item = n.children?.[Number(/^lexicon\[(\d+)\]/.exec(message)?.[1] ?? -1)];
        problems.push({ ...span(item ?? n), message: `Invalid lexicon entry: ${message}` });
      }
    }
  }
  return { settings, problems };
}

function span(n: Node): Span {
  return { start: n.offset, end: n.offset + n.length };
}

/** Settings from a file, laid over a base configuration. */
export function mergeConfig(base: LintConfig, file: ConfigFileSettings | undefined): LintConfig {
  if (!file) return base;
  return {
    jurisdiction: file.jurisdiction ?? base.jurisdiction,
    citationScope: file.citationScope ?? base.citationScope,
    rules: { ...base.rules, ...(file.rules ?? {}) },
    lexicon: [...(base.lexicon ?? []), ...(file.lexicon ?? [])],
    drugs: [...(base.drugs ?? []), ...(file.drugs ?? [])],
  };
}
