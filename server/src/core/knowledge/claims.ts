import { expandPhrase, type Form, type Slots } from '../claims/inflect';
import { SHIPPED_DRUG_DATA } from './drugs';
import { LiteralMatcher } from '../text/literalMatcher';
import type { Severity } from '../types';
import shipped from './claims.json';
import { PRECOMPUTED_FORMS, type PackedForms, type SerializedForm } from './claimForms';
import { lettersIn } from '../text/letters';

/**
 * The claim lexicon of `unsupported-claim`: shipped as `claims.json` (syntax in its `about`
 * field), extended or overridden by workspace entries (`config.lexicon`). Every phrase is
 * expanded to literal forms and compiled into one alternation, so matching is linear in the
 * text. `pattern` entries are regular expressions checked to have no nested quantifiers.
 */

export type ClaimCategory = 'cure' | 'absolute' | 'safety' | 'superiority' | 'hype' | 'testimonial' | 'proven';
export const CLAIM_CATEGORIES: readonly ClaimCategory[] = ['cure', 'absolute', 'safety', 'superiority', 'hype', 'testimonial', 'proven'];

/**
 * The shipped entry for a quotation signed with a name ("..." – Sophie, 27): the signature, not
 * the words, is what it finds, so the quotation's own outcome is still looked for
 * (`claims/detect.ts`), and a quotation that told its outcome is reported once (`unsupported-claim`).
 */
export const SIGNED_TESTIMONIAL = 'signed-testimonial';

export interface ClaimEntry {
  id: string;
  category: ClaimCategory;
  /** Short name of the kind of claim, for messages ("cure claim"). */
  label: string;
  phrases?: string[];
  pattern?: string;
  severity: Severity;
  /** A citation in scope substantiates the claim (the rule then stays silent). */
  citable: boolean;
  /** A hedge in the same clause turns it into a claim that needs only a citation. */
  hedgeable: boolean;
  /** Why the wording is a problem, in plain words. */
  basis: string;
  /** Keys of `sources` (or citations written out, for workspace entries). */
  source: string[];
  /** Suggested rewordings, for messages and docs. */
  rewordings: string[];
  /** Replacement of the head (or the whole match): keyed by head as written, verb form, or `*`. */
  rewrite?: Record<string, string>;
  /** `rewrite` replaces the whole match even when the phrase has a head. */
  rewriteWhole?: boolean;
  /**
   * For a `pattern`: strings (lower case) one of which a text must contain for the pattern to be
   * run on it. A substring search is far cheaper than a regular expression tried at every
   * position; the pattern must not be able to match without one of them.
   */
  requires?: string[];
  /** Words that, within three words before the match, make it something else than a claim. */
  unlessBefore?: string[];
  /** Words that, right after the match (or one word further), make it something else than a claim. */
  unlessAfter?: string[];
  /**
   * Words that make it something else only as the very next word: "permanently damaged" is a
   * harm, where "permanently repairs damaged skin" is a claim that `unlessAfter` would miss.
   */
  unlessNext?: string[];
  /**
   * Phrases that, anywhere after the match in its sentence, make it something else than a
   * claim: a qualifier ("safe ... at the correct dose"), a repair warranty ("Guarantee: if it
   * chips, we'll repair it").
   */
  unlessLater?: string[];
  /**
   * A claim only when the sentence promotes the author's own service (it names "our", "we",
   * "us"), puffs the wording up ("far more") or sets it against every alternative ("every
   * other"): a plain comparison between treatments is evidence that needs a citation, which
   * `missing-citation` asks for.
   */
  promotionalOnly?: boolean;
}

/** What a matched literal form means. */
export interface PhraseInfo {
  entry: ClaimEntry;
  headWord?: number;
  headWords?: number;
  head?: string;
  form?: Form;
}

export interface ClaimLexicon {
  entries: ClaimEntry[];
  sources: Record<string, string>;
  /**
   * Every literal form, longest first, matched as the alternation
   * `(?<![${L}\p{N}-])(?:form|...)(?![${L}\p{N}-])` with flags `giu` would (a space matching
   * any whitespace, `'` also `’`), by a trie: linear, and nothing to compile (V8 took over 100 ms
   * to compile that regex, and ran it at about 1.5 MB/s).
   */
  phraseMatcher?: LiteralMatcher;
  /** The literal forms in the matcher's order. */
  literals: readonly string[];
  /** What the literal form of that index (`LiteralMatch.literal`) means. */
  info(literal: number): PhraseInfo;
  patterns: { entry: ClaimEntry; re: RegExp; requires?: readonly string[] }[];
  /** Problems with workspace entries (left out of the lexicon). */
  errors: string[];
}

interface ClaimData {
  version: number;
  about?: string;
  sources: Record<string, string>;
  /** Word lists for `{name}` in phrases; `condition` adds every condition of the drug data. */
  slots: Record<string, string[]>;
  entries: unknown[];
}

const SHIPPED = shipped as unknown as ClaimData;

/** The word lists phrases can use: `{condition}` is every condition name of the drug data plus the lexicon's own. */
export const SLOTS: Slots = {
  ...SHIPPED.slots,
  condition: [...new Set([...SHIPPED_DRUG_DATA.conditions.flatMap((c) => c.names.map((n) => n.toLowerCase())), ...(SHIPPED.slots.condition ?? [])])],
};
const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint'];
const REQUIRED = ['id', 'category', 'label', 'severity', 'citable', 'hedgeable', 'basis', 'source', 'rewordings'];
const OPTIONAL = ['phrases', 'pattern', 'requires', 'rewrite', 'rewriteWhole', 'unlessBefore', 'unlessAfter', 'unlessNext', 'unlessLater', 'promotionalOnly'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);

/**
 * Whether a regular expression is safe to run on user text: no backreferences, no quantified
 * group that itself contains a quantifier, and no repeated group with alternatives (`(a|aa)*`):
 * the shapes of catastrophic backtracking.
 */
export function isLinearPattern(source: string): boolean {
  if (/\\[1-9]|\\k</.test(source)) return false;
  // Per open group: whether it holds a quantifier, and whether it holds an alternation.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let quantifiedInside = false;
  let alternationInside = false;
  const repeats = (at: number): boolean => {
    // `*`, `+` and `{n,}`/`{n,m}` with m > 1 repeat; `?` and `{0,1}` do not.
    const c = source[at];
    if (c === '*' || c === '+') return true;
    const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at)) : null;
    return !!m && (m[2] === undefined ? Number(m[1]) > 1 : m[3] === '' || Number(m[3]) > 1);
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class.
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: quantifiedInside, alternation: alternationInside });
      quantifiedInside = false;
      alternationInside = false;
      continue;
    }
    if (c === '|') {
      alternationInside = true;
      continue;
    }
    const quantifier = c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
    if (c === ')') {
      const inner = quantifiedInside;
      const alt = alternationInside;
      const outer = stack.pop() ?? { quantified: false, alternation: false };
      quantifiedInside = outer.quantified;
      alternationInside = outer.alternation;
      const next = source[i + 1];
      const outerQuantified = next === '*' || next === '+' || (next === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i + 1)));
      if (inner && outerQuantified) return false;
      // A repeated alternation, `(a|ab)*`: its branches can match the same text, and the
      // engine tries every way to split the input between them.
      if (alt && repeats(i + 1)) return false;
      if (inner) quantifiedInside = true;
      continue;
    }
    if (quantifier) quantifiedInside = true;
  }
  return true;
}

function entryErrors(e: unknown, path: string, sources: Record<string, string>): string[] {
  if (!isObj(e)) return [`${path}: must be an object`];
  const errs: string[] = [];
  for (const k of REQUIRED) if (e[k] === undefined) errs.push(`${path}: missing "${k}"`);
  for (const k of Object.keys(e)) if (!REQUIRED.includes(k) && !OPTIONAL.includes(k)) errs.push(`${path}: unknown field "${k}"`);
  if (e.id !== undefined && (typeof e.id !== 'string' || !/^[a-z0-9-]+$/.test(e.id))) errs.push(`${path}.id: must be kebab-case`);
  if (e.category !== undefined && !(CLAIM_CATEGORIES as readonly unknown[]).includes(e.category)) errs.push(`${path}.category: must be one of ${CLAIM_CATEGORIES.join(', ')}`);
  if (e.severity !== undefined && !SEVERITIES.includes(e.severity as string)) errs.push(`${path}.severity: must be one of ${SEVERITIES.join(', ')}`);
  for (const k of ['citable', 'hedgeable']) if (e[k] !== undefined && typeof e[k] !== 'boolean') errs.push(`${path}.${k}: must be true or false`);
  for (const k of ['rewriteWhole', 'promotionalOnly']) if (e[k] !== undefined && typeof e[k] !== 'boolean') errs.push(`${path}.${k}: must be true or false`);
  for (const k of ['label', 'basis']) if (e[k] !== undefined && (typeof e[k] !== 'string' || !(e[k] as string).trim())) errs.push(`${path}.${k}: must be a non-empty string`);
  for (const k of ['rewordings', 'unlessBefore', 'unlessAfter', 'unlessNext', 'unlessLater']) if (e[k] !== undefined && !isStrings(e[k])) errs.push(`${path}.${k}: must be a list of strings`);
  if (e.requires !== undefined && (!isStrings(e.requires) || e.requires.length === 0 || e.requires.some((r) => r !== r.toLowerCase()))) errs.push(`${path}.requires: must be a non-empty list of lower-case strings`);
  if (e.requires !== undefined && e.pattern === undefined) errs.push(`${path}.requires: only applies to a "pattern"`);
  if (e.source !== undefined) {
    if (!isStrings(e.source) || e.source.length === 0) errs.push(`${path}.source: must be a non-empty list of sources`);
    // A key of `sources`, or a citation written out (it then contains a space).
    else for (const s of e.source) if (!sources[s] && !s.includes(' ')) errs.push(`${path}.source: unknown source "${s}"`);
  }
  if (e.phrases === undefined && e.pattern === undefined) errs.push(`${path}: needs "phrases" or "pattern"`);
  if (e.phrases !== undefined) {
    if (!isStrings(e.phrases)) errs.push(`${path}.phrases: must be a list of strings`);
    else
      for (const p of e.phrases) {
        try {
          if (expandPhrase(p, SLOTS).length === 0) errs.push(`${path}.phrases: "${p}" has no words`);
        } catch (err) {
          errs.push(`${path}.phrases: ${(err as Error).message}`);
        }
      }
  }
  if (e.pattern !== undefined) {
    if (typeof e.pattern !== 'string') errs.push(`${path}.pattern: must be a string`);
    else {
      try {
        new RegExp(e.pattern, 'giu');
        if (!isLinearPattern(e.pattern)) errs.push(`${path}.pattern: nested quantifiers or backreferences are not allowed`);
      } catch (err) {
        errs.push(`${path}.pattern: ${(err as Error).message}`);
      }
    }
  }
  if (e.rewrite !== undefined && (!isObj(e.rewrite) || !Object.values(e.rewrite).every((v) => typeof v === 'string'))) errs.push(`${path}.rewrite: must map words to replacements`);
  return errs;
}

/** Checks lexicon entries. Returns the valid ones and one readable error per problem. */
export function validateClaimEntries(entries: unknown, sources: Record<string, string> = SHIPPED.sources, what = 'lexicon'): { valid: ClaimEntry[]; errors: string[] } {
  if (entries === undefined) return { valid: [], errors: [] };
  if (!Array.isArray(entries)) return { valid: [], errors: [`${what}: must be a list of claim entries`] };
  const valid: ClaimEntry[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const label = isObj(e) && typeof e.id === 'string' ? `${what}[${i}] ("${e.id}")` : `${what}[${i}]`;
    const errs = entryErrors(e, label, sources);
    if (isObj(e) && typeof e.id === 'string') {
      if (seen.has(e.id)) errs.push(`${label}: duplicate id`);
      seen.add(e.id);
    }
    if (errs.length) errors.push(...errs);
    else valid.push(e as unknown as ClaimEntry);
  });
  return { valid, errors };
}


/** The literal forms of entries, in priority order (longest first), with what each means. */
interface FormTable {
  literals: string[];
  info(literal: number): PhraseInfo;
}

function expandEntries(entries: ClaimEntry[]): { literals: string[]; infos: PhraseInfo[] } {
  const phrases = new Map<string, PhraseInfo>();
  for (const entry of entries) {
    for (const p of entry.phrases ?? []) {
      for (const x of expandPhrase(p, SLOTS)) {
        // The first entry that claims a literal form keeps it.
        if (!phrases.has(x.text)) phrases.set(x.text, { entry, headWord: x.headWord, headWords: x.headWords, head: x.head, form: x.form });
      }
    }
  }
  const literals = [...phrases.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { literals, infos: literals.map((l) => phrases.get(l)!) };
}

/** The shipped lexicon's literal forms, in priority order (the build ships them packed, `claimForms.ts`). */
export function shippedForms(): SerializedForm[] {
  const entries = SHIPPED.entries as ClaimEntry[];
  const { literals, infos } = expandEntries(entries);
  return literals.map((text, k) => {
    const i = infos[k];
    return [text, entries.indexOf(i.entry), i.headWord ?? null, i.headWords ?? null, i.head ?? null, i.form ?? null];
  });
}

/** Fields per packed form, and base-36 digits per field (`PackedForms.meta`). */
const PACKED_FIELDS = 5;
const FIELD = 2;
const FIELD_MAX = 36 ** FIELD - 1;

/** Packs forms for the bundles (`PackedForms`). */
export function packForms(list: SerializedForm[]): PackedForms {
  const heads: string[] = [];
  const forms: Form[] = [];
  const indexIn = <T>(xs: T[], x: T | null): number | null => {
    if (x === null) return null;
    let i = xs.indexOf(x);
    if (i < 0) i = xs.push(x) - 1;
    return i;
  };
  const field = (v: number | null): string => {
    const n = v === null ? 0 : v + 1;
    if (!Number.isInteger(n) || n < 0 || n > FIELD_MAX) throw new Error(`packForms: ${v} does not fit a field`);
    return n.toString(36).padStart(FIELD, '0');
  };
  let meta = '';
  for (const [text, entry, headWord, headWords, head, form] of list) {
    if (text.includes('\n')) throw new Error(`packForms: a form holds a line break: ${JSON.stringify(text)}`);
    meta += field(entry) + field(headWord) + field(headWords) + field(indexIn(heads, head)) + field(indexIn(forms, form));
  }
  return { texts: list.map((f) => f[0]).join('\n'), meta, heads, forms };
}

/** Unpacked forms: the texts split once, each form's fields decoded when it is first asked for. */
function fromPacked(entries: ClaimEntry[], packed: PackedForms): FormTable {
  const literals = packed.texts.length ? packed.texts.split('\n') : [];
  const infos: (PhraseInfo | undefined)[] = new Array(literals.length);
  const at = (k: number, f: number): number => parseInt(packed.meta.substr((k * PACKED_FIELDS + f) * FIELD, FIELD), 36) - 1;
  return {
    literals,
    info(k) {
      let i = infos[k];
      if (!i) {
        const [entry, headWord, headWords, head, form] = [0, 1, 2, 3, 4].map((f) => at(k, f));
        i = { entry: entries[entry], headWord: headWord < 0 ? undefined : headWord, headWords: headWords < 0 ? undefined : headWords, head: head < 0 ? undefined : packed.heads[head], form: form < 0 ? undefined : packed.forms[form] };
        infos[k] = i;
      }
      return i;
    },
  };
}

function compile(entries: ClaimEntry[], sources: Record<string, string>, errors: string[], packed?: PackedForms): ClaimLexicon {
  let table: FormTable;
  if (packed) table = fromPacked(entries, packed);
  else {
    const { literals, infos } = expandEntries(entries);
    table = { literals, info: (k) => infos[k] };
  }
  const patterns: { entry: ClaimEntry; re: RegExp; requires?: readonly string[] }[] = [];
  // (`\p{L}` read as the rules' letters: text/letters.ts.)
  for (const entry of entries) if (entry.pattern) patterns.push({ entry, re: new RegExp(lettersIn(entry.pattern), 'giu'), requires: entry.requires });
  const phraseMatcher = table.literals.length ? new LiteralMatcher(table.literals, { hyphenIsWord: true, apostrophes: true }) : undefined;
  return { entries, sources, phraseMatcher, literals: table.literals, info: table.info, patterns, errors };
}

/** The shipped lexicon built from packed forms (what the bundles do), for a test to compare with `claimLexicon()`. */
export function lexiconFromForms(packed: PackedForms): ClaimLexicon {
  return compile(SHIPPED.entries as ClaimEntry[], SHIPPED.sources, [], packed);
}

let shippedLexicon: ClaimLexicon | undefined;
const cache = new WeakMap<object, ClaimLexicon>();

/** Problems in the shipped data (a test keeps this empty). */
export function shippedLexiconErrors(): string[] {
  const errs: string[] = [];
  if (SHIPPED.version !== 1) errs.push('version: must be 1');
  if (!isObj(SHIPPED.sources)) errs.push('sources: must be an object');
  errs.push(...validateClaimEntries(SHIPPED.entries, SHIPPED.sources, 'entries').errors);
  return errs;
}

/**
 * The lexicon for a configuration: the shipped entries, with valid workspace entries
 * (`config.lexicon`) added, or replacing shipped entries of the same id. Built once per array.
 */
export function claimLexicon(extra?: unknown[]): ClaimLexicon {
  // The shipped entries are checked by a test (`shippedLexiconErrors` stays empty), not at every
  // start: checking expands every phrase, a third of the lexicon's build time.
  const base = (): ClaimEntry[] => SHIPPED.entries as ClaimEntry[];
  if (!extra || extra.length === 0) return (shippedLexicon ??= compile(base(), SHIPPED.sources, [], PRECOMPUTED_FORMS));
  const hit = cache.get(extra);
  if (hit) return hit;
  const { valid, errors } = validateClaimEntries(extra, SHIPPED.sources);
  const ids = new Set(valid.map((e) => e.id));
  // Workspace entries first, so their literal forms win over shipped ones.
  const lex = compile([...valid, ...base().filter((e) => !ids.has(e.id))], SHIPPED.sources, errors);
  cache.set(extra, lex);
  return lex;
}

/** Problems with workspace lexicon entries, for the configuration loader to show. */
export function lexiconConfigErrors(extra: unknown): string[] {
  return validateClaimEntries(extra, SHIPPED.sources).errors;
}

/** The citations behind an entry, written out. */
export function entrySources(lexicon: ClaimLexicon, entry: ClaimEntry): string[] {
  return entry.source.map((s) => lexicon.sources[s] ?? s);
}

