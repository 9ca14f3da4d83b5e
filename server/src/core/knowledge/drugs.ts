import type { Jurisdiction, Span } from '../types';
import { JURISDICTIONS } from '../types';
import shipped from './drugs.json';
import { L, rx } from '../text/letters';

/**
 * The drug knowledge base: drugs (names, brands, abbreviations), routes, conditions and
 * approvals per jurisdiction, shipped as `drugs.json` (schema: `schema/drugs.schema.json`) and
 * extended or overridden by workspace entries (`config.drugs`). Everything here is pure data
 * handling: no I/O.
 */

export type ApprovalStatus = 'approved' | 'not-approved' | 'unknown';

export interface RouteEntry {
  id: string;
  label: string;
  names: string[];
  abbreviations?: string[];
  /** Words that, directly after a name, mean the route belongs to another product ("oral antidepressant"). */
  notFollowedBy?: string[];
}

export interface ConditionEntry {
  id: string;
  label: string;
  names: string[];
  abbreviations?: string[];
  parents?: string[];
  /** Words that, directly before a name, mean it is not this condition ("respiratory depression"). */
  notPrecededBy?: string[];
}

export interface ApprovedUse {
  indication: string;
  conditions: string[];
  /** Approved routes; absent when the source data gives none (the route is then not checked). */
  routes?: string[];
  population?: string;
  date?: string;
  source?: string;
  verified: boolean;
}

export interface Approval {
  status: ApprovalStatus;
  /** Whether this jurisdiction's record has been checked against its source. */
  verified: boolean;
  source?: string;
  date?: string;
  uses?: ApprovedUse[];
  note?: string;
  /** With `not-approved`: the drug itself is approved, this form is not (low-dose naltrexone): every use is off-label, not investigational. */
  offLabelOnly?: boolean;
}

export interface DrugEntry {
  id: string;
  name: string;
  names: string[];
  brands?: string[];
  abbreviations?: string[];
  approvals: Partial<Record<Jurisdiction, Approval>>;
  /** Common off-label uses (condition ids), for the hover. */
  offLabel?: string[];
  references?: string[];
}

export interface DrugData {
  version: 1;
  about?: string;
  routes: RouteEntry[];
  conditions: ConditionEntry[];
  drugs: DrugEntry[];
}

export type TermKind = 'drug' | 'condition' | 'route';

/** A drug, condition or route named in a piece of prose. */
export interface TermMatch extends Span {
  kind: TermKind;
  id: string;
  /** The words as written. */
  text: string;
}

/** What `findTerms` gives for a text that names nothing (most texts): shared, frozen. */
const NO_TERMS: TermMatch[] = Object.freeze([]) as unknown as TermMatch[];

export const JURISDICTION_NAMES: Record<Jurisdiction, { name: string; regulator: string; abbr: string; short: string }> = {
  CA: { name: 'Canada', regulator: 'Health Canada', abbr: 'Health Canada', short: 'Canada' },
  US: { name: 'the United States', regulator: 'the U.S. Food and Drug Administration (FDA)', abbr: 'FDA', short: 'the US' },
  UK: { name: 'the United Kingdom', regulator: 'the Medicines and Healthcare products Regulatory Agency (MHRA)', abbr: 'MHRA', short: 'the UK' },
  AU: { name: 'Australia', regulator: 'the Therapeutic Goods Administration (TGA)', abbr: 'TGA', short: 'Australia' },
};

// ---------------------------------------------------------------------------------------------
// Validation (mirrors schema/drugs.schema.json; also checks cross-references the schema cannot)
// ---------------------------------------------------------------------------------------------

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;
const STATUSES: readonly string[] = ['approved', 'not-approved', 'unknown'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${v}"` : typeof v);

class Checker {
  readonly errors: string[] = [];
  constructor(private readonly known?: { conditions: ReadonlySet<string>; routes: ReadonlySet<string> }) {}

  err(path: string, msg: string): void {
    this.errors.push(`${path}: ${msg}`);
  }

  keys(o: Obj, path: string, allowed: readonly string[], required: readonly string[]): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.err(`${path}.${k}`, `unknown property (allowed: ${allowed.join(', ')})`);
    for (const k of required) if (o[k] === undefined) this.err(path, `missing required property "${k}"`);
  }

  text(v: unknown, path: string, optional = false): boolean {
    if (v === undefined && optional) return true;
    if (typeof v !== 'string' || !/\S/.test(v)) {
      this.err(path, `must be a non-empty string, got ${describe(v)}`);
      return false;
    }
    return true;
  }

  id(v: unknown, path: string): v is string {
    if (typeof v !== 'string' || !ID.test(v)) {
      this.err(path, `must be a lowercase kebab-case id (like "bipolar-depression"), got ${describe(v)}`);
      return false;
    }
    return true;
  }

  bool(v: unknown, path: string): void {
    if (typeof v !== 'boolean') this.err(path, `must be true or false, got ${describe(v)}`);
  }

  date(v: unknown, path: string): void {
    if (v === undefined) return;
    if (typeof v !== 'string' || !DATE.test(v)) this.err(path, `must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got ${describe(v)}`);
  }

  names(v: unknown, path: string, required: boolean): void {
    if (v === undefined && !required) return;
    if (!Array.isArray(v)) return this.err(path, `must be a list of names, got ${describe(v)}`);
    if (required && v.length === 0) this.err(path, 'must name at least one');
    const seen = new Set<string>();
    v.forEach((n, i) => {
      if (this.text(n, `${path}[${i}]`) && seen.has(n as string)) this.err(`${path}[${i}]`, `duplicate name "${n}"`);
      seen.add(n as string);
    });
  }

  ids(v: unknown, path: string, kind: 'condition' | 'route' | 'any', minItems: number): void {
    if (v === undefined && minItems === 0) return;
    if (!Array.isArray(v)) return this.err(path, `must be a list of ids, got ${describe(v)}`);
    if (v.length < minItems) this.err(path, `must list at least ${minItems}`);
    const seen = new Set<string>();
    v.forEach((x, i) => {
      if (!this.id(x, `${path}[${i}]`)) return;
      if (seen.has(x)) this.err(`${path}[${i}]`, `duplicate id "${x}"`);
      seen.add(x);
      if (this.known && kind !== 'any') {
        const set = kind === 'condition' ? this.known.conditions : this.known.routes;
        if (!set.has(x)) this.err(`${path}[${i}]`, `unknown ${kind} "${x}" (known ${kind}s: ${[...set].join(', ')})`);
      }
    });
  }

  route(v: unknown, path: string): void {
    if (!isObj(v)) return this.err(path, `must be an object, got ${describe(v)}`);
    this.keys(v, path, ['id', 'label', 'names', 'abbreviations', 'notFollowedBy'], ['id', 'label', 'names']);
    if (v.id !== undefined) this.id(v.id, `${path}.id`);
    if (v.label !== undefined) this.text(v.label, `${path}.label`);
    if (v.names !== undefined) this.names(v.names, `${path}.names`, true);
    this.names(v.abbreviations, `${path}.abbreviations`, false);
    this.names(v.notFollowedBy, `${path}.notFollowedBy`, false);
  }

  condition(v: unknown, path: string): void {
    if (!isObj(v)) return this.err(path, `must be an object, got ${describe(v)}`);
    this.keys(v, path, ['id', 'label', 'names', 'abbreviations', 'parents', 'notPrecededBy'], ['id', 'label', 'names']);
    if (v.id !== undefined) this.id(v.id, `${path}.id`);
    if (v.label !== undefined) this.text(v.label, `${path}.label`);
    if (v.names !== undefined) this.names(v.names, `${path}.names`, true);
    this.names(v.abbreviations, `${path}.abbreviations`, false);
    this.ids(v.parents, `${path}.parents`, 'condition', 0);
    this.names(v.notPrecededBy, `${path}.notPrecededBy`, false);
  }

  use(v: unknown, path: string): void {
    if (!isObj(v)) return this.err(path, `must be an object, got ${describe(v)}`);
    this.keys(v, path, ['indication', 'conditions', 'routes', 'population', 'date', 'source', 'verified'], ['indication', 'conditions', 'verified']);
    if (v.indication !== undefined) this.text(v.indication, `${path}.indication`);
    if (v.conditions !== undefined) this.ids(v.conditions, `${path}.conditions`, 'condition', 1);
    if (v.routes !== undefined) this.ids(v.routes, `${path}.routes`, 'route', 1);
    this.text(v.population, `${path}.population`, true);
    this.date(v.date, `${path}.date`);
    this.text(v.source, `${path}.source`, true);
    if (v.verified !== undefined) this.bool(v.verified, `${path}.verified`);
  }

  approval(v: unknown, path: string): void {
    if (!isObj(v)) return this.err(path, `must be an object, got ${describe(v)}`);
    this.keys(v, path, ['status', 'verified', 'source', 'date', 'uses', 'note', 'offLabelOnly'], ['status', 'verified']);
    if (v.offLabelOnly !== undefined) this.bool(v.offLabelOnly, `${path}.offLabelOnly`);
    if (v.status !== undefined && !STATUSES.includes(v.status as string)) this.err(`${path}.status`, `must be one of ${STATUSES.join(', ')}, got ${describe(v.status)}`);
    if (v.verified !== undefined) this.bool(v.verified, `${path}.verified`);
    this.text(v.source, `${path}.source`, true);
    this.date(v.date, `${path}.date`);
    this.text(v.note, `${path}.note`, true);
    if (v.uses !== undefined) {
      if (!Array.isArray(v.uses)) this.err(`${path}.uses`, `must be a list, got ${describe(v.uses)}`);
      else v.uses.forEach((u, i) => this.use(u, `${path}.uses[${i}]`));
    }
    const uses = Array.isArray(v.uses) ? v.uses.length : 0;
    if (v.status === 'approved') {
      if (v.source === undefined) this.err(path, 'an approval must name its source ("source": product monograph, label or regulator page)');
      if (uses === 0) this.err(path, 'status "approved" needs at least one entry in "uses"');
    } else if (v.status === 'not-approved') {
      if (v.source === undefined) this.err(path, 'status "not-approved" must name its source');
      if (uses > 0) this.err(`${path}.uses`, 'status "not-approved" cannot list approved uses');
    } else if (v.status === 'unknown') {
      if (v.verified === true) this.err(`${path}.verified`, 'status "unknown" cannot be verified');
      if (uses > 0) this.err(`${path}.uses`, 'status "unknown" cannot list approved uses');
    }
  }

  drug(v: unknown, path: string): void {
    if (!isObj(v)) return this.err(path, `must be an object, got ${describe(v)}`);
    this.keys(v, path, ['id', 'name', 'names', 'brands', 'abbreviations', 'approvals', 'offLabel', 'references'], ['id', 'name', 'names', 'approvals']);
    if (v.id !== undefined) this.id(v.id, `${path}.id`);
    if (v.name !== undefined) this.text(v.name, `${path}.name`);
    if (v.names !== undefined) this.names(v.names, `${path}.names`, true);
    this.names(v.brands, `${path}.brands`, false);
    this.names(v.abbreviations, `${path}.abbreviations`, false);
    this.names(v.references, `${path}.references`, false);
    this.ids(v.offLabel, `${path}.offLabel`, 'condition', 0);
    if (v.approvals !== undefined) {
      if (!isObj(v.approvals)) this.err(`${path}.approvals`, `must be an object keyed by jurisdiction (${JURISDICTIONS.join(', ')}), got ${describe(v.approvals)}`);
      else {
        const keys = Object.keys(v.approvals);
        if (keys.length === 0) this.err(`${path}.approvals`, `must give at least one jurisdiction (${JURISDICTIONS.join(', ')})`);
        for (const k of keys) {
          if (!(JURISDICTIONS as readonly string[]).includes(k)) this.err(`${path}.approvals.${k}`, `unknown jurisdiction (use ${JURISDICTIONS.join(', ')})`);
          else this.approval(v.approvals[k], `${path}.approvals.${k}`);
        }
      }
    }
  }
}

/** Checks a whole drug data file. Returns readable errors (`path: problem`), empty when valid. */
export function validateDrugData(data: unknown): string[] {
  const c = new Checker();
  if (!isObj(data)) return [`(root): must be an object, got ${describe(data)}`];
  c.keys(data, '(root)', ['$schema', 'version', 'about', 'routes', 'conditions', 'drugs'], ['version', 'routes', 'conditions', 'drugs']);
  if (data.version !== undefined && data.version !== 1) c.err('version', `must be 1, got ${describe(data.version)}`);
  const list = (k: string, each: (v: unknown, p: string) => void): unknown[] => {
    const v = data[k];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.length === 0) {
      c.err(k, `must be a non-empty list, got ${describe(v)}`);
      return [];
    }
    v.forEach((x, i) => each.call(c, x, `${k}[${i}]`));
    return v;
  };
  const routes = list('routes', c.route);
  const conditions = list('conditions', c.condition);
  const drugs = list('drugs', c.drug);
  // Cross-references and duplicates.
  const ids = (xs: unknown[]): Set<string> => new Set(xs.filter(isObj).map((x) => x.id).filter((x): x is string => typeof x === 'string'));
  const known = { conditions: ids(conditions), routes: ids(routes) };
  const dup = (xs: unknown[], what: string): void => {
    const seen = new Set<string>();
    xs.forEach((x, i) => {
      if (!isObj(x) || typeof x.id !== 'string') return;
      if (seen.has(x.id)) c.err(`${what}[${i}].id`, `duplicate id "${x.id}"`);
      seen.add(x.id);
    });
  };
  dup(routes, 'routes');
  dup(conditions, 'conditions');
  dup(drugs, 'drugs');
  const refs = new Checker(known);
  conditions.forEach((x, i) => isObj(x) && refs.ids(x.parents, `conditions[${i}].parents`, 'condition', 0));
  drugs.forEach((x, i) => isObj(x) && refs.drug(x, `drugs[${i}]`));
  const cycle = parentCycle(conditions.filter(isObj) as unknown as ConditionEntry[]);
  if (cycle) c.err('conditions', `parent cycle: ${cycle.join(' -> ')}`);
  return [...new Set([...c.errors, ...refs.errors])];
}

/**
 * Checks workspace drug entries (`config.drugs`) against the schema and the known conditions
 * and routes. Returns the valid entries and one readable error per problem.
 */
export function validateDrugEntries(entries: unknown, base: DrugData = SHIPPED): { valid: DrugEntry[]; errors: string[] } {
  if (entries === undefined) return { valid: [], errors: [] };
  if (!Array.isArray(entries)) return { valid: [], errors: [`drugs: must be a list of drug entries, got ${describe(entries)}`] };
  const valid: DrugEntry[] = [];
  const errors: string[] = [];
  entries.forEach((e, i) => {
    const problems = validateDrugEntry(e, i, base);
    if (problems.length) errors.push(...problems);
    else valid.push(e as unknown as DrugEntry);
  });
  return { valid, errors };
}

/** Checks one workspace drug entry (`index` is its position in the `drugs` list, for messages). */
export function validateDrugEntry(entry: unknown, index: number, base: DrugData = SHIPPED): string[] {
  const known = { conditions: new Set(base.conditions.map((c) => c.id)), routes: new Set(base.routes.map((r) => r.id)) };
  const c = new Checker(known);
  c.drug(entry, isObj(entry) && typeof entry.id === 'string' ? `drugs[${index}] ("${entry.id}")` : `drugs[${index}]`);
  return c.errors;
}

function parentCycle(conditions: ConditionEntry[]): string[] | undefined {
  const byId = new Map(conditions.map((c) => [c.id, c]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 2) return undefined;
    if (state.get(id) === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const p of byId.get(id)?.parents ?? []) {
      const c = visit(p);
      if (c) return c;
    }
    stack.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const c of conditions) {
    const r = visit(c.id);
    if (r) return r;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The knowledge base
// ---------------------------------------------------------------------------------------------

const SHIPPED = shipped as unknown as DrugData;

interface Term {
  kind: TermKind;
  id: string;
}

interface Candidate {
  term: Term;
  /** What the name has before its first letter or digit ("(" in "(IN)"). */
  prefix: string;
  /** The name, to compile its sticky pattern on first use. */
  name: string;
  fold: boolean;
  /** Sticky: matches the whole name (and a plural) at `lastIndex`. */
  re?: RegExp;
  length: number;
}

export class DrugKnowledge {
  readonly drugs: readonly DrugEntry[];
  readonly conditions: ReadonlyMap<string, ConditionEntry>;
  readonly routes: ReadonlyMap<string, RouteEntry>;
  /** Problems with workspace entries; those entries are left out. */
  readonly errors: readonly string[];
  private readonly drugById: Map<string, DrugEntry>;
  private readonly ancestorCache = new Map<string, ReadonlySet<string>>();
  private readonly contextCache = new Map<string, RegExp>();
  private readonly folded = new Map<string, Term>();
  private readonly exact = new Map<string, Term>();
  /**
   * Names and abbreviations by the lowercased first run of letters and digits, longest first
   * (an abbreviation's own pattern is case-sensitive).
   */
  private readonly index = new Map<string, Candidate[]>();
  /** `startCode` of every index key: most words are rejected on this before any allocation. */
  private readonly starts = new Set<number>();
  /** `asciiHash` of every key of `index` (for words of ASCII letters and digits). */
  private readonly keyHashes = new Set<number>();
  /** `hashBit` of every hash of `keyHashes`: a word is asked of the set only when its bit is set. */
  private readonly keyBits = new Uint8Array(65536);

  constructor(data: DrugData, extra: DrugEntry[] = [], errors: string[] = []) {
    const byId = new Map(data.drugs.map((d) => [d.id, d]));
    for (const d of extra) byId.set(d.id, d); // a workspace entry replaces a shipped one with its id
    this.drugById = byId;
    this.drugs = [...byId.values()];
    this.conditions = new Map(data.conditions.map((c) => [c.id, c]));
    this.routes = new Map(data.routes.map((r) => [r.id, r]));
    this.errors = errors;
    const add = (name: string, term: Term, caseSensitive: boolean): void => {
      const map = caseSensitive ? this.exact : this.folded;
      const key = caseSensitive ? normalise(name) : normalise(name).toLowerCase();
      // Drugs win over conditions and routes with the same name; the first entry wins otherwise.
      const prev = map.get(key);
      if (!prev || (prev.kind !== 'drug' && term.kind === 'drug')) map.set(key, term);
    };
    for (const d of this.drugs) {
      for (const n of [...d.names, d.name.replace(/\s*\(.*\)\s*$/, '')]) add(n, { kind: 'drug', id: d.id }, false);
      for (const n of d.brands ?? []) add(n, { kind: 'drug', id: d.id }, false);
      for (const n of d.abbreviations ?? []) add(n, { kind: 'drug', id: d.id }, true);
    }
    for (const c of data.conditions) {
      for (const n of c.names) add(n, { kind: 'condition', id: c.id }, false);
      for (const n of c.abbreviations ?? []) add(n, { kind: 'condition', id: c.id }, true);
    }
    for (const r of data.routes) {
      for (const n of r.names) add(n, { kind: 'route', id: r.id }, false);
      for (const n of r.abbreviations ?? []) add(n, { kind: 'route', id: r.id }, true);
    }
    for (const [map, fold] of [[this.folded, true], [this.exact, false]] as const) {
      for (const [name, term] of map) {
        const first = rx.u`[${L}\p{N}]+`.exec(name);
        if (!first) continue;
        const key = first[0].toLowerCase();
        const list = this.index.get(key) ?? [];
        list.push({ term, prefix: name.slice(0, first.index), name, fold, length: name.length });
        this.starts.add(startCode(key));
        this.keyHashes.add(asciiHash(key));
        this.keyBits[hashBit(asciiHash(key))] = 1;
        this.index.set(key, list);
      }
    }
    for (const list of this.index.values()) list.sort((a, b) => b.length - a.length);
  }

  drug(id: string): DrugEntry | undefined {
    return this.drugById.get(id);
  }

  approval(drugId: string, j: Jurisdiction): Approval {
    return this.drugById.get(drugId)?.approvals[j] ?? { status: 'unknown', verified: false };
  }

  conditionLabel(id: string): string {
    return this.conditions.get(id)?.label ?? id;
  }

  routeLabel(id: string): string {
    return this.routes.get(id)?.label ?? id;
  }

  /** The condition and all its ancestors (parents, their parents, ...). */
  lineage(id: string): ReadonlySet<string> {
    const hit = this.ancestorCache.get(id);
    if (hit) return hit;
    const out = new Set<string>([id]);
    const walk = (x: string): void => {
      for (const p of this.conditions.get(x)?.parents ?? []) {
        if (!out.has(p)) {
          out.add(p);
          walk(p);
        }
      }
    };
    walk(id);
    this.ancestorCache.set(id, out);
    return out;
  }

  /**
   * Whether an approved condition covers a mentioned one: the same condition, a narrower one
   * (approved for bipolar disorder, mention of bipolar depression), or a broader one (approved
   * for treatment-resistant depression, mention of depression: the author may mean the approved
   * use, so no claim of off-label use is made).
   */
  covers(approved: string, mentioned: string): boolean {
    return this.lineage(mentioned).has(approved) || this.lineage(approved).has(mentioned);
  }

  /**
   * Every drug, condition and route named in `prose` (offsets relative to `base`), longest match
   * first, without overlaps. Names match case-insensitively; abbreviations ("MDD", "IV") only as
   * written.
   */
  findTerms(prose: string, base = 0): TermMatch[] {
    const found: TermMatch[] = [];
    // Walk the runs of letters and digits; only runs that begin a known name are looked at
    // further (one Map lookup per word instead of one big alternation at every position).
    const n = prose.length;
    const done = new Set<number>();
    const keyBits = this.keyBits;
    let i = 0;
    while (i < n) {
      let c = prose.charCodeAt(i);
      if (c < 128 ? ASCII_WORD[c] === 0 : !isWordChar(c)) {
        i++;
        continue;
      }
      // One pass over the word: its end, and (while it is ASCII) the hash of it, of it less its
      // last code unit and less its last two. An ASCII word is looked up only when one of them
      // is the hash of a key: most words are no name's start, and this costs no allocation.
      let j = i;
      let h = FNV_OFFSET;
      let less1 = 0;
      let less2 = 0;
      let ascii = true;
      for (;;) {
        if (c < 128) {
          if (ASCII_WORD[c] === 0) break;
          if (ascii) {
            less2 = less1;
            less1 = h;
            h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 32 : c), FNV_PRIME);
          }
        } else {
          if (!isWordChar(c)) break;
          ascii = false;
        }
        if (++j >= n) break;
        c = prose.charCodeAt(j);
      }
      if (j - i > MAX_KEY) {
        i = j;
        continue;
      }
      if (ascii) {
        const last = prose.charCodeAt(j - 1) | 32;
        const whole = keyBits[hashBit(h)] === 1 && this.keyHashes.has(h);
        const s1 = last === 115 && keyBits[hashBit(less1)] === 1 && this.keyHashes.has(less1);
        const s2 = last === 115 && j - i >= 2 && (prose.charCodeAt(j - 2) | 32) === 101 && keyBits[hashBit(less2)] === 1 && this.keyHashes.has(less2);
        if (whole || s1 || s2) {
          const lower = prose.slice(i, j).toLowerCase();
          done.clear();
          if (whole) this.tryKey(lower, prose, i, base, found, done);
          if (s1) this.tryKey(lower.slice(0, -1), prose, i, base, found, done);
          if (s2) this.tryKey(lower.slice(0, -2), prose, i, base, found, done);
        }
      } else if (this.mayStart(prose, i, j)) {
        const lower = prose.slice(i, j).toLowerCase();
        done.clear();
        this.tryKey(lower, prose, i, base, found, done);
        // The plural of a one-word name ("ketamines", "MDDs"): its first word is the whole name.
        if (lower.endsWith('s')) {
          this.tryKey(lower.slice(0, -1), prose, i, base, found, done);
          if (lower.endsWith('es')) this.tryKey(lower.slice(0, -2), prose, i, base, found, done);
        }
      }
      i = j;
    }
    if (found.length === 0) return NO_TERMS;
    // Matches come mostly in order: sorted (which copies) only when they are not; the
    // overlapping ones dropped in place.
    if (!termsInOrder(found)) found.sort(byStartThenLongest);
    let kept = 0;
    let end = -1;
    for (let k = 0; k < found.length; k++) {
      const f = found[k];
      if (f.start < end) continue;
      found[kept++] = f;
      end = f.end;
    }
    found.length = kept;
    return found;
  }

  /** Whether the word `[i, j)` (or its singular) can begin a name, without allocating. */
  private mayStart(prose: string, i: number, j: number): boolean {
    if (j - i < 2) return this.starts.has(0);
    const a = prose.charCodeAt(i);
    const b = prose.charCodeAt(i + 1);
    if (a >= 128 || b >= 128) return true;
    // "IVs" and "Is" are plurals of keys shorter than two letters' worth of code.
    return this.starts.has((a | 32) * 128 + (b | 32)) || (j - i <= 3 && this.starts.has(0)) || this.starts.has(-1);
  }

  /**
   * Tries the names filed under `key` at the word starting at `at`, longest first. Only the
   * longest name that matches at a start counts, even when its context then rejects it ("nasal
   * spray medication" is another product: "nasal" alone is not tried); `done` holds those starts.
   */
  private tryKey(key: string, prose: string, at: number, base: number, found: TermMatch[], done: Set<number>): void {
    const list = this.index.get(key);
    if (!list) return;
    for (const c of list) {
      const start = at - c.prefix.length;
      if (done.has(start) || start < 0 || (start > 0 && isWordChar(prose.charCodeAt(start - 1)))) continue;
      if (c.prefix && prose.slice(start, at) !== c.prefix) continue;
      const re = (c.re ??= nameRegExp(c.name, c.fold));
      re.lastIndex = start;
      const m = re.exec(prose);
      if (!m) continue;
      // The name must end a word: with its plural ending, or else without it.
      let len = m[0].length;
      if (isWordChar(prose.charCodeAt(start + len))) {
        if (!m[1]) continue;
        len -= m[1].length;
        if (isWordChar(prose.charCodeAt(start + len))) continue;
      }
      done.add(start);
      const term = c.term;
      if (term.kind === 'condition' && this.negatedByContext(term.id, prose, start)) continue;
      if (term.kind === 'route' && (this.otherProduct(term.id, prose, start + len) || romanNumeral(prose, start, start + len))) continue;
      found.push({ kind: term.kind, id: term.id, start: base + start, end: base + start + len, text: prose.slice(start, start + len) });
    }
  }

  private otherProduct(routeId: string, prose: string, end: number): boolean {
    const re = this.contextRe(`after:${routeId}`, this.routes.get(routeId)?.notFollowedBy, (alts) => `^[\\s-]+(?:${alts})(?![${L}\\p{N}])`);
    return re !== undefined && re.test(prose.slice(end, end + 40));
  }

  private negatedByContext(conditionId: string, prose: string, start: number): boolean {
    const re = this.contextRe(`before:${conditionId}`, this.conditions.get(conditionId)?.notPrecededBy, (alts) => `(?:^|[^${L}\\p{N}])(?:${alts})[\\s-]+$`);
    return re !== undefined && re.test(prose.slice(Math.max(0, start - 40), start));
  }

  /** One compiled pattern per condition or route for its context words, or undefined when none. */
  private contextRe(key: string, words: string[] | undefined, wrap: (alts: string) => string): RegExp | undefined {
    if (!words?.length) return undefined;
    let re = this.contextCache.get(key);
    if (!re) {
      const alts = words.map((w) => escapeRe(w).replace(/[ -]/g, '[\\s-]+')).join('|');
      re = new RegExp(wrap(alts), 'iu');
      this.contextCache.set(key, re);
    }
    return re;
  }
}

const byStartThenLongest = (a: TermMatch, b: TermMatch): number => a.start - b.start || b.end - a.end;

/** Whether sorting by `byStartThenLongest` would leave the terms as they are. */
function termsInOrder(terms: readonly TermMatch[]): boolean {
  for (let k = 1; k < terms.length; k++) if (byStartThenLongest(terms[k - 1], terms[k]) > 0) return false;
  return true;
}

/** Spaces and hyphens are interchangeable in names ("treatment resistant" = "treatment-resistant"). */
function normalise(name: string): string {
  return name.replace(/[\s\u2010\u2011\u2012\u2013-]+/g, ' ').trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A sticky pattern for one name: spaces and hyphens interchangeable, optional plural, word end. */
function nameRegExp(name: string, fold: boolean): RegExp {
  // No Unicode property classes here: they make each of hundreds of patterns slow to compile.
  // The word end is checked by the caller; the plural is tried with and without its ending.
  const body = escapeRe(name).replace(/[ -]/g, '[\\s\\u2010\\u2011\\u2012\\u2013-]+');
  return new RegExp(`${body}(es|s)?`, fold ? 'iy' : 'y');
}

/** A number for the first two characters of a key, ASCII letters case-folded; 0 for one-character keys. */
function startCode(key: string): number {
  if (key.length < 2) return 0;
  const a = key.charCodeAt(0);
  const b = key.charCodeAt(1);
  return a >= 128 || b >= 128 ? -1 : (a | 32) * 128 + (b | 32);
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a over a lower-case key's code units, as `findTerms` computes it over a word. */
function asciiHash(key: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME);
  return h;
}

/** Sixteen bits of a hash, for `keyBits`. */
const hashBit = (h: number): number => (h ^ (h >>> 16)) & 0xffff;

/** Per ASCII code unit: 1 for a letter or digit. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));

/** The longest first word of any name worth looking up (longer runs are never a name's start). */
const MAX_KEY = 40;
const NON_ASCII_WORD = rx.u`[${L}\p{N}]`;

/** A letter or digit (ASCII fast path; other scripts through Unicode properties). */
function isWordChar(c: number): boolean {
  if (!(c >= 0)) return false; // past the end: NaN
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

const byArray = new WeakMap<object, DrugKnowledge>();
const byContent = new Map<string, DrugKnowledge>();
let shippedKb: DrugKnowledge | undefined;

/**
 * The knowledge base for a configuration: the shipped data plus valid workspace entries
 * (`config.drugs`), built once per distinct set of entries (configurations are rebuilt often,
 * their entries rarely change). Invalid workspace entries are left out and described in `errors`.
 */
export function drugKnowledge(extra?: unknown[]): DrugKnowledge {
  if (!extra || extra.length === 0) return (shippedKb ??= new DrugKnowledge(SHIPPED));
  const hit = byArray.get(extra);
  if (hit) return hit;
  const key = JSON.stringify(extra);
  let kb = byContent.get(key);
  if (!kb) {
    const { valid, errors } = validateDrugEntries(extra);
    kb = new DrugKnowledge(SHIPPED, valid, errors);
    if (byContent.size >= 16) byContent.delete(byContent.keys().next().value as string);
    byContent.set(key, kb);
  }
  byArray.set(extra, kb);
  return kb;
}

/** Problems with workspace drug entries, for the configuration loader to show. */
export function drugConfigErrors(extra: unknown): string[] {
  return validateDrugEntries(extra).errors;
}

export const SHIPPED_DRUG_DATA: DrugData = SHIPPED;

/** Words that number what follows with a Roman numeral ("Phase IV", "Stage IV", "Schedule IV"). */
const NUMBERED = rx.iu`(?:^|[^${L}])(?:phase|stage|grade|type|class|schedule|level|part|chapter|category|tier|step|section|appendix|table|figure|volume|vol\.|article|title|book|study|trial|group|arm)\s+$`;

/**
 * Whether the capital letters at `[start, end)` are a Roman numeral, not a route's abbreviation:
 * "DSM-IV", "Phase IV", "stage IV cancer" (never "IV ketamine" or "given IV").
 */
export function romanNumeral(prose: string, start: number, end: number): boolean {
  if (!/^[IVX]+$/.test(prose.slice(start, end))) return false;
  if (prose[start - 1] === '-' && start > 1 && rx.u`[${L}\p{N}]`.test(prose[start - 2])) return true;
  return NUMBERED.test(prose.slice(Math.max(0, start - 24), start));
}
