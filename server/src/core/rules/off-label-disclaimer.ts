import type { Article, Block } from '../article/model';
import { type DrugKnowledge, JURISDICTION_NAMES, type TermMatch, drugKnowledge } from '../knowledge/drugs';
import { type BlockMemo, noBlockMemo } from '../memo';
import { CHECKPOINT_BLOCKS, finish, type Steps } from '../steps';
import type { Fix, Jurisdiction, RelatedInfo, Span } from '../types';
import type { Rule } from './rule';
import { L, rx } from '../text/letters';

/**
 * off-label-disclaimer: a drug discussed for a condition, or by a route, that is not approved in
 * the jurisdiction needs a statement somewhere in the document that the use is off-label,
 * unapproved or investigational. See docs/rules/off-label-disclaimer.md.
 */

/** One unapproved (or unknown) use found in one context. */
export interface OffLabelUse {
  kind: 'condition' | 'route' | 'any';
  /** Condition or route id; '' for kind 'any' (a drug with no approved product). */
  id: string;
}

/** A drug named together with uses that are not approved in the jurisdiction. */
export interface OffLabelMention extends Span {
  drugId: string;
  /** The drug's name as written at this mention, or in the heading that names it. */
  drugText: string;
  uses: OffLabelUse[];
  blockIndex: number;
  /** Whether the approval record this rests on has been verified against its source. */
  verified: boolean;
  status: 'approved' | 'not-approved' | 'unknown';
}

const SKIPPED_BLOCKS = new Set(['referenceEntry', 'trailer', 'footnoteDefinition']);

/** The prose contexts of a block: its sentences for a paragraph, the whole block otherwise. */
function contexts(block: Block): Span[] {
  if (block.kind === 'paragraph' && block.sentences.length) return block.sentences;
  return [{ start: block.start, end: block.end }];
}

function proseOf(block: Block, span: Span): string {
  return block.prose.slice(span.start - block.start, span.end - block.start);
}

/** The terms named in a block's prose, with offsets relative to the block (shared, never changed). */
export type BlockTerms = (block: Block) => readonly TermMatch[];

/**
 * Each block's terms, found when first asked for: once per unchanged block across versions with
 * a memo. Without one (a one-shot lint) only the headings' terms are kept, since every block
 * under a heading asks for them; the terms of the other blocks are not all held at once (on a
 * 10 MB article they were some 20 MB).
 */
export function blockTerms(kb: DrugKnowledge, memo: BlockMemo = noBlockMemo): BlockTerms {
  if (memo !== noBlockMemo) return (b) => memo(b, kb, () => kb.findTerms(b.prose, 0));
  const headings = new Map<number, readonly TermMatch[]>();
  return (b) => {
    if (b.kind !== 'heading') return kb.findTerms(b.prose, 0);
    let t = headings.get(b.index);
    if (!t) headings.set(b.index, (t = kb.findTerms(b.prose, 0)));
    return t;
  };
}

const parentCache = new WeakMap<Article, Int32Array>();

/** For each heading, the nearest heading before it with a lower level (-1 for none); one pass. */
function headingParents(article: Article): Int32Array {
  const hit = parentCache.get(article);
  if (hit) return hit;
  const parent = new Int32Array(article.blocks.length).fill(-1);
  const stack: number[] = [];
  for (const b of article.blocks) {
    if (b.kind !== 'heading') continue;
    while (stack.length && article.blocks[stack[stack.length - 1]].level >= b.level) stack.pop();
    parent[b.index] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(b.index);
  }
  parentCache.set(article, parent);
  return parent;
}

/** Drug ids named by the headings that enclose a block (nearest first, then its parents). */
function headingDrugs(article: Article, terms: BlockTerms, block: Block): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  const parent = headingParents(article);
  let i = block.kind === 'heading' ? parent[block.index] : block.headingIndex;
  while (i >= 0) {
    for (const t of terms(article.blocks[i])) if (t.kind === 'drug' && !out.some((o) => o.id === t.id)) out.push({ id: t.id, text: t.text });
    i = parent[i];
  }
  return out;
}

// A condition named as a contraindication, a caution or an adverse effect is not a use:
// "not recommended for people with uncontrolled high blood pressure", "may cause anxiety".
const ADVERSE_CUE =
  /\b(?:contraindicat\w*|not\s+(?:be\s+)?(?:recommended|suitable|appropriate|safe|advised)|should\s+not|must\s+not|(?:do|does)\s+not\s+(?:use|take|give|prescribe|start)|(?:don|doesn)['’]t\s+(?:use|take|give|prescribe|start)|never\s+(?:use|take|give|prescribe)|avoid(?:ed|s)?|history\s+of|uncontrolled|caution|(?:can|may|might|could|to)\s+(?:cause|worsen|trigger|induce|precipitate|raise|increase)|causes?|worsens?|triggers?|side[\s-]effects?|adverse\s+effects?|(?<!\b(?:reduc|lower|decreas|prevent|cut)\w*\s+(?:the\s+)?)risk\s+of|increases?\s+in|withdrawal)\b[^.;:!?]*$/i;

// A condition the drug is linked to, a few words after the link: "has been linked to seizures",
// "associated with serious bladder damage and depression" (not "linked to improvements in depression").
const LINKED_HARM = /\b(?:linked|associated|connected)\s+(?:to|with)\s+(?:(?!(?:improv|reduc|reliev|relief|benefit|better|less|fewer|lower|decreas|treat|remission|recover|response)\w*)[\w-]+\s+){0,4}$/i;

/** Whether the words before a condition in its context make it no use (`ctx` and `t` relative to the block). */
function isAdverseContext(block: Block, ctx: Span, t: TermMatch): boolean {
  const from = Math.max(ctx.start, t.start - 80);
  const before = block.prose.slice(from, t.start);
  return ADVERSE_CUE.test(before) || LINKED_HARM.test(before);
}

// A route right after another medicine's name is that medicine's ("an SSRI antidepressant
// tablet"): not the route of a drug that only a heading names.
const OTHER_MEDICINE_BEFORE = /\b(?:antidepressants?|medications?|medicines?|drugs?|ssris?|snris?|painkillers?|antibiotics?|steroids?|sleeping|contraceptive|vitamins?|supplements?|iron|hormone|pills?)\s+$/i;

/**
 * Every place where a drug is named with a condition or route it is not approved for in the
 * jurisdiction: in the same sentence, the same list item, or under a heading naming the drug.
 */
export function findOffLabelMentions(article: Article, kb: DrugKnowledge, j: Jurisdiction, terms: BlockTerms = blockTerms(kb), memo: BlockMemo = noBlockMemo): OffLabelMention[] {
  return finish(offLabelMentionSteps(article, kb, j, terms, memo));
}

/** `findOffLabelMentions` in steps (`core/steps.ts`): finding every block's terms is the rule's longest work. */
function* offLabelMentionSteps(article: Article, kb: DrugKnowledge, j: Jurisdiction, terms: BlockTerms, memo: BlockMemo): Steps<OffLabelMention[]> {
  const out: OffLabelMention[] = [];
  const ns = namespaceFor(kb, j);
  // The drugs the headings above a block name, and their key, per enclosing heading: every
  // block under one heading shares them.
  const underHeading = new Map<number, { drugs: { id: string; text: string }[]; key: string }>();
  for (const block of article.blocks) {
    if (block.index % CHECKPOINT_BLOCKS === CHECKPOINT_BLOCKS - 1) yield;
    // A use needs a term in its context: a block without any names none (most blocks).
    if (SKIPPED_BLOCKS.has(block.kind)) continue;
    const here = terms(block);
    if (here.length === 0) continue;
    const at = block.kind === 'heading' ? -2 - block.index : block.headingIndex;
    let h = underHeading.get(at);
    if (!h) {
      const drugs = headingDrugs(article, terms, block);
      underHeading.set(at, (h = { drugs, key: drugs.map((d) => `${d.id}\u0001${d.text}`).join('\u0002') }));
    }
    const fromHeadings = h.drugs;
    // A use needs a drug: named in the block, or by a heading above it.
    if (!fromHeadings.length && !here.some((t) => t.kind === 'drug')) continue;
    // A block's mentions follow from its prose and the drugs its headings name: kept across
    // versions, relative to the block.
    const byHeadings = memo(block, ns, () => new Map<string, OffLabelMention[]>());
    const key = h.key;
    let found = byHeadings.get(key);
    if (!found) byHeadings.set(key, (found = blockMentions(block, here, fromHeadings, kb, j)));
    for (const m of found) out.push({ ...m, start: m.start + block.start, end: m.end + block.start, blockIndex: block.index });
  }
  return out;
}

const namespaces = new WeakMap<DrugKnowledge, Map<Jurisdiction, object>>();
function namespaceFor(kb: DrugKnowledge, j: Jurisdiction): object {
  let byJ = namespaces.get(kb);
  if (!byJ) namespaces.set(kb, (byJ = new Map()));
  let ns = byJ.get(j);
  if (!ns) byJ.set(j, (ns = {}));
  return ns;
}

/** The terms' ids, each once, in the order first named. */
function distinctIds(terms: readonly TermMatch[]): string[] {
  const ids: string[] = [];
  for (const t of terms) if (!ids.includes(t.id)) ids.push(t.id);
  return ids;
}

function inStartOrder(terms: readonly TermMatch[]): boolean {
  for (let k = 1; k < terms.length; k++) if (terms[k].start < terms[k - 1].start) return false;
  return true;
}

/**
 * The mentions in one block, given its terms and the drugs its headings name: offsets relative to
 * the block, as the terms' are.
 */
function blockMentions(block: Block, termsHere: readonly TermMatch[], fromHeadings: { id: string; text: string }[], kb: DrugKnowledge, j: Jurisdiction): OffLabelMention[] {
  const out: OffLabelMention[] = [];
  // Contexts are in order and apart: each takes the terms that start in it, read once in order
  // (filtering every term for every sentence is quadratic in a long paragraph).
  // (`findTerms` gives its terms in order: copied and sorted only when they are not.)
  const sorted = inStartOrder(termsHere) ? termsHere : [...termsHere].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const abs of contexts(block)) {
    const ctxStart = abs.start - block.start;
    const ctxEnd = abs.end - block.start;
    while (next < sorted.length && sorted[next].start < ctxStart) next++;
    // Most contexts name nothing: looked at without making anything.
    let any = false;
    for (let k = next; k < sorted.length && sorted[k].start < ctxEnd; k++) {
      if (sorted[k].end <= ctxEnd) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    const ctx = { start: ctxStart, end: ctxEnd };
    const here: TermMatch[] = [];
    for (let k = next; k < sorted.length && sorted[k].start < ctx.end; k++) if (sorted[k].end <= ctx.end) here.push(sorted[k]);
    const conditions = here.filter((t) => t.kind === 'condition' && !isAdverseContext(block, ctx, t));
    const routes = here.filter((t) => t.kind === 'route');
    // Routes the heading's drug may be charged with: not one that names another medicine's form.
    const headingRoutes = routes.filter((t) => !OTHER_MEDICINE_BEFORE.test(block.prose.slice(Math.max(ctx.start, t.start - 40), t.start)));
    const drugsHere = here.filter((t) => t.kind === 'drug');
    // (A context names a few terms: its lists of ids are searched, not hashed.)
    const seen: string[] = [];
    const candidates: { id: string; text: string; span: Span | undefined }[] = [];
    for (const d of drugsHere) {
      if (seen.includes(d.id)) continue;
      seen.push(d.id);
      candidates.push({ id: d.id, text: d.text, span: d });
    }
    // The drugs the headings above name speak for a sentence that names none ("## Ketamine"
    // over "It is given by infusion"): one that names its own drug is about that drug.
    if (!drugsHere.length) {
      for (const d of fromHeadings) {
        if (seen.includes(d.id)) continue;
        seen.push(d.id);
        candidates.push({ id: d.id, text: d.text, span: undefined });
      }
    }
    const routeIds = distinctIds(routes);
    const drugIds = distinctIds(drugsHere);
    // With two drugs or more in the sentence, a drug named after a use starts a new group: each
    // use belongs to the drugs of its group ("psilocybin for AUD, and MDMA for social anxiety"),
    // while drugs named together share theirs ("gabapentin and propranolol for anxiety"); uses
    // named before any drug join the first drugs named.
    const owners = drugIds.length > 1 ? new Map<TermMatch, Set<string>>() : undefined;
    if (owners) {
      let group = { drugs: new Set<string>(), uses: [] as TermMatch[] };
      const groups = [group];
      for (const t of here) {
        if (t.kind === 'drug') {
          if (group.uses.length && group.drugs.size) groups.push((group = { drugs: new Set(), uses: [] }));
          group.drugs.add(t.id);
        } else group.uses.push(t);
      }
      for (const g of groups) for (const u of g.uses) owners.set(u, g.drugs);
    }
    const owns = (t: TermMatch, id: string): boolean => owners?.get(t)?.has(id) ?? true;
    for (const c of candidates) {
      const approval = kb.approval(c.id, j);
      // A condition or route that is on-label for another drug named in the same place is
      // taken to be about that drug ("Esketamine, a nasal spray form of ketamine, is approved
      // for TRD"): a comparison is not a claim of off-label use.
      const charged = conditions.concat(c.span ? routes : headingRoutes).filter((t) => !drugIds.some((id) => id !== c.id && onLabel(kb, id, j, t, routeIds)) && owns(t, c.id));
      const uses: OffLabelUse[] = [];
      const add = (u: OffLabelUse): void => {
        if (!uses.some((x) => x.kind === u.kind && x.id === u.id)) uses.push(u);
      };
      for (const t of charged) {
        if (approval.status === 'approved' && onLabel(kb, c.id, j, t, routeIds)) continue;
        add({ kind: t.kind === 'route' ? 'route' : 'condition', id: t.id });
      }
      // No approved product: any discussion of its use is unapproved, even with no condition
      // or route named in the drug's own sentence.
      if (approval.status === 'not-approved' && !uses.length && c.span) add({ kind: 'any', id: '' });
      if (!uses.length) continue;
      // The finding sits on the drug's name; when only a heading names the drug, on the first use.
      const firstUse = charged.find((t) => uses.some((u) => u.id === t.id));
      const span = c.span ?? firstUse ?? ctx;
      out.push({
        drugId: c.id,
        drugText: c.text,
        start: span.start,
        end: span.end,
        uses,
        blockIndex: block.index,
        verified: approval.status !== 'unknown' && approval.verified,
        status: approval.status,
      });
    }
  }
  return out;
}

/**
 * Whether a condition or route named with a drug is an approved use in the jurisdiction. A
 * condition is on-label when an approved use covers it by one of the routes named with it (or
 * by any route when none is named); a route when some approved use allows it.
 */
export function onLabel(kb: DrugKnowledge, drugId: string, j: Jurisdiction, term: TermMatch, routeIds: string[]): boolean {
  const approval = kb.approval(drugId, j);
  if (approval.status !== 'approved') return false;
  const approved = approval.uses ?? [];
  if (term.kind === 'route') return approved.some((u) => !u.routes || u.routes.includes(term.id));
  return approved.some(
    (u) => u.conditions.some((a) => kb.covers(a, term.id)) && (routeIds.length === 0 || !u.routes || u.routes.some((r) => routeIds.includes(r))),
  );
}

// Statements that a use is off-label, unapproved or investigational, in their common phrasings.
const DISCLOSURE: readonly RegExp[] = [
  /\boff[\s\u2010\u2011-]?label\b/i,
  /\bun(?:approved|licen[sc]ed|authori[sz]ed)\b/i,
  /(?:\bnot|\bnever|n[’']t)\s+(?:[\w.]+[\s\u2010\u2011-]+){0,4}?(?:approved|authori[sz]ed|licen[sc]ed|indicated|labell?ed|cleared)\b/i,
  /\b(?:no|lacks?|lacking|without|(?:does|do|did)\s+not\s+have|(?:does|do|did)n[’']t\s+have|has\s+no|have\s+no)\s+(?:[\w.]+[\s\u2010\u2011-]+){0,3}?(?:approval|authori[sz]ation|licen[sc]e|indication)s?\b/i,
  /\binvestigational\b/i,
  /\bexperimental\s+(?:treatment|therap(?:y|ies)|use|drug|medicine|medication|intervention)s?\b/i,
  /\bunder\s+(?:clinical\s+)?investigation\b/i,
  /\b(?:available\s+)?only\s+(?:in|through|within)\s+(?:a\s+)?(?:clinical\s+)?(?:trials?|research(?:\s+stud(?:y|ies))?)\b/i,
  /\bSpecial\s+Access\s+Program(?:me)?\b/i,
  /\bsection\s+56(?:\(1\))?\s+exemptions?\b/i,
  /\boutside\s+(?:of\s+)?(?:its|the|their)\s+(?:approved|labell?ed|licen[sc]ed|authori[sz]ed)\b/i,
  /\b(?:only|solely)\s+approved\s+(?:for|as|in)\b/i,
  /\bapproved\s+(?:[\w.]+\s+){0,3}?only\s+(?:for|as)\b/i,
  // "Neither drug is approved ...", "Neither is FDA-approved for this use".
  /\bneither\b(?:\s+[\w.-]+){0,6}?\s+(?:is|are|has\s+been|have\s+been)\s+(?:[\w.]+[\s\u2010\u2011-]+){0,3}?(?:approved|authori[sz]ed|licen[sc]ed|indicated)\b/i,
  // "No ketamine product is approved for depression".
  /\bno\s+(?:[\w.-]+\s+){0,3}?(?:products?|formulations?|preparations?)\s+(?:is|are|has\s+been|have\s+been)\s+(?:[\w.]+\s+){0,2}?(?:approved|authori[sz]ed|licen[sc]ed)\b/i,
  /\b(?:remains?|remained|is|are|still)\s+(?:an?\s+)?experimental\b/i,
  // UK usage.
  /\boff[\s\u2010\u2011-]?licen[cs]e\b/i,
];

/**
 * Something every pattern of `DISCLOSURE` needs, in lower case (the patterns are ASCII, flag
 * `i`, so a match holds one of these in some case): one quick test before the eighteen patterns.
 */
const DISCLOSURE_NEEDS = /label|approv|licen|authori|indicat|cleared|investigat|experimental|trial|research|access|section/i;

export function isDisclosure(sentence: string): boolean {
  return DISCLOSURE_NEEDS.test(sentence) && DISCLOSURE.some((re) => re.test(sentence));
}

/** Capitalised words a general statement may hold: regulators, places, the programmes it names. */
const GENERAL_CAPITALS = new Set(['I', 'Health', 'Canada', 'Canadian', 'FDA', 'US', 'U.S.', 'USA', 'United', 'States', 'Kingdom', 'UK', 'MHRA', 'TGA', 'Australia', 'Australian', 'NICE', 'Special', 'Access', 'Program', 'Programme', 'Therapeutic', 'Goods', 'Administration', 'Food', 'Drug', 'Drugs', 'Act', 'Medicines', 'Healthcare', 'Products', 'Regulatory', 'Agency', 'Off-label', 'Off', 'Some', 'Many', 'These', 'This', 'Such', 'All', 'Any', 'Our', 'The', 'A', 'An', 'Prescribing', 'Use', 'Using']);
/** What a general statement speaks of: uses, treatments or medicines in general ("off-label prescribing", "some of these treatments"). */
const GENERAL_SUBJECT = /\boff[\s\u2010\u2011-]?label\s+(?:use|uses|prescribing|prescription|treatment|treatments)\b|\b(?:some|many|several|these|those|such|all|any|the|our|this|an?)\s+(?:of\s+(?:the|these|our|its)\s+)?(?:[\w-]+\s+)?(?:uses?|treatments?|therap(?:y|ies)|medications?|medicines?|drugs?|prescribing|prescriptions?|indications?)\b/i;

/**
 * Whether an off-label statement that names no drug the data knows speaks of off-label use in
 * general (it then covers every drug of the document): it speaks of uses, treatments or
 * medicines in general, names nothing else ("Prescribing Ozempic ... is an off-label use", a
 * capitalised name the data does not know), and is not about a licence to do business ("not
 * licensed to sell"). "Home test kits are not approved" and "participants were not approved"
 * are about something else.
 */
export function isGeneralStatement(sentence: string): boolean {
  if (!GENERAL_SUBJECT.test(sentence)) return false;
  if (/\blicen[sc]ed\s+to\s+(?:sell|practi[sc]e|operate|provide|offer|dispense|run)\b/i.test(sentence)) return false;
  const words = sentence.match(rx.gu`[\p{Lu}][${L}.'’-]*`) ?? [];
  // The first word is capitalised as the sentence's.
  const first = rx.u`^[\s"“'‘(*_#>-]*([${L}][${L}.'’-]*)`.exec(sentence)?.[1];
  return words.every((w, i) => (i === 0 && w === first) || GENERAL_CAPITALS.has(w.replace(/[.'’]+$/, '')));
}

export interface Disclosures {
  /** A statement that names no drug (applies to every drug in the document). */
  general: boolean;
  /** Drugs named by (or in the paragraph or under the heading of) a statement. */
  drugs: Set<string>;
  spans: Span[];
}

/** Which of a block's contexts (`contexts(block)`) are off-label statements, by index. */
function disclosureContexts(block: Block, memo: BlockMemo): number[] {
  const compute = (): number[] => {
    const out: number[] = [];
    // Every context is a stretch of the block's prose: without the words every statement
    // needs, the block has none (most blocks), and its sentences are not cut out and read.
    if (!DISCLOSURE_NEEDS.test(block.prose)) return out;
    contexts(block).forEach((ctx, i) => {
      if (isDisclosure(proseOf(block, ctx))) out.push(i);
    });
    return out;
  };
  // Contexts are the sentences of a paragraph, the whole block otherwise: both follow from the kind and prose.
  return memo(block, 'disclosures', compute);
}

/** Off-label statements in the document and the drugs they speak of. */
export function findDisclosures(article: Article, kb: DrugKnowledge, terms: BlockTerms = blockTerms(kb), memo: BlockMemo = noBlockMemo): Disclosures {
  const result: Disclosures = { general: false, drugs: new Set(), spans: [] };
  for (const block of article.blocks) {
    if (block.kind === 'referenceEntry' || block.kind === 'trailer') continue;
    const found = disclosureContexts(block, memo);
    if (!found.length) continue;
    const all = contexts(block);
    for (const ctx of found.map((i) => all[i])) {
      result.spans.push({ start: ctx.start, end: ctx.end });
      const drugIds = (ts: readonly TermMatch[]): string[] => ts.filter((t) => t.kind === 'drug').map((t) => t.id);
      const here = terms(block);
      let named = drugIds(here.filter((t) => t.start + block.start >= ctx.start && t.end + block.start <= ctx.end));
      if (!named.length) named = drugIds(here);
      if (!named.length) named = headingDrugs(article, terms, block).map((d) => d.id);
      if (!named.length && isGeneralStatement(proseOf(block, ctx))) result.general = true;
      for (const id of named) result.drugs.add(id);
    }
  }
  return result;
}

function joinList(items: string[], conj = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/**
 * The uses as words: conditions in order of first mention, a narrower one folded into a broader
 * one also listed ("depression (including treatment-resistant depression)"), then routes.
 */
function usesText(kb: DrugKnowledge, uses: OffLabelUse[]): string {
  const ids = [...new Set(uses.filter((u) => u.kind === 'condition').map((u) => u.id))];
  const broader = (id: string): string | undefined => ids.find((o) => o !== id && kb.lineage(id).has(o));
  const conds = ids
    .filter((id) => !broader(id))
    .map((id) => {
      const narrower = ids.filter((n) => broader(n) === id).map((n) => kb.conditionLabel(n));
      return narrower.length ? `${kb.conditionLabel(id)} (including ${joinList(narrower)})` : kb.conditionLabel(id);
    });
  const routes = [...new Set(uses.filter((u) => u.kind === 'route').map((u) => kb.routeLabel(u.id)))];
  const parts: string[] = [];
  if (conds.length) parts.push(`for ${joinList(conds)}`);
  if (routes.length) parts.push(`by the ${joinList(routes, 'or')} route`);
  return parts.length ? parts.join(', or ') : '';
}

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The disclaimer paragraph the quick fix inserts. */
export function disclaimerText(kb: DrugKnowledge, drugId: string, drugText: string, uses: OffLabelUse[], j: Jurisdiction): string {
  const jn = JURISDICTION_NAMES[j];
  const name = upperFirst(drugText.trim());
  const approval = kb.approval(drugId, j);
  const what = usesText(kb, uses);
  if (approval.status === 'not-approved' && approval.offLabelOnly) {
    return `${name} is not approved by ${jn.regulator} in this form or dose for any use; ${what ? `its use ${what}` : 'its use'} is off-label.`;
  }
  if (approval.status === 'not-approved') {
    const use = what ? `its use ${what}` : 'its use';
    return `${name} is not an approved drug in ${jn.name}: ${jn.regulator} has not authorized it for any use, and ${use} is investigational.`;
  }
  // Only what is not approved: a sentence stating approvals would itself be a claim needing a
  // citation (missing-citation), and the hover already lists them with their sources.
  return `${name} is not approved by ${jn.regulator} ${what || 'for this use'}; this use is off-label.`;
}

/**
 * Where the disclaimer goes: after the paragraph of the mention (after the whole list or table
 * for a list item or table row).
 */
export function insertionPoint(article: Article, blockIndex: number): number {
  let i = blockIndex;
  // A mention in a heading: after the first paragraph under it, not between the two.
  while (article.blocks[i].kind === 'heading' && article.blocks[i + 1] && !['heading', 'referenceEntry', 'trailer', 'footnoteDefinition'].includes(article.blocks[i + 1].kind)) i++;
  const kind = article.blocks[i].kind;
  if (kind === 'listItem' || kind === 'tableRow') while (article.blocks[i + 1]?.kind === kind) i++;
  return article.blocks[i].end;
}

/** A drug's name as written, for the middle of a sentence: "Low-dose naltrexone" from a heading is "low-dose naltrexone"; brands keep their capital. */
function inSentence(kb: DrugKnowledge, drugId: string, text: string): string {
  const drug = kb.drug(drugId);
  const generic = drug && [drug.name, ...drug.names].some((n) => n.toLowerCase() === text.toLowerCase() && n === n.toLowerCase());
  return generic ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

export const offLabelDisclaimer: Rule = {
  meta: {
    id: 'off-label-disclaimer',
    description: 'A drug discussed for a use or route not approved in the jurisdiction needs a statement that the use is off-label or investigational.',
    defaultSeverity: 'warning',
    category: 'disclosure',
    fixable: 'suggestion',
  },
  *check(ctx) {
    const { article, config } = ctx;
    const kb = drugKnowledge(config.drugs);
    const j = config.jurisdiction;
    const terms = blockTerms(kb, ctx.blockMemo);
    const mentions = yield* offLabelMentionSteps(article, kb, j, terms, ctx.blockMemo);
    if (!mentions.length) return;
    const disclosures = findDisclosures(article, kb, terms, ctx.blockMemo);
    if (disclosures.general) return;
    const jn = JURISDICTION_NAMES[j];
    const byDrug = new Map<string, OffLabelMention[]>();
    for (const m of mentions) {
      if (disclosures.drugs.has(m.drugId)) continue;
      const list = byDrug.get(m.drugId) ?? [];
      list.push(m);
      byDrug.set(m.drugId, list);
    }
    for (const [drugId, list] of byDrug) {
      const first = list[0];
      const status = first.status;
      const uses: OffLabelUse[] = [];
      for (const m of list) for (const u of m.uses) if (!uses.some((x) => x.kind === u.kind && x.id === u.id)) uses.push(u);
      const drug = kb.drug(drugId);
      const name = upperFirst(first.drugText);
      const offLabelOnly = status === 'not-approved' && !!kb.approval(drugId, j).offLabelOnly;
      // A form of an approved drug (low-dose naltrexone) is taken by the drug's own routes: only conditions are named.
      const named = offLabelOnly ? uses.filter((u) => u.kind !== 'route') : uses;
      const what = usesText(kb, named);
      const verified = list.some((m) => m.verified);
      let message: string;
      if (status === 'unknown') {
        message = `${name} is discussed ${what || ''} but the approval data for ${drug?.name ?? drugId} in ${jn.name} is missing from the drug knowledge base. If this use is off-label or unapproved in ${jn.name}, the article should say so.`;
      } else if (offLabelOnly) {
        message = `${name} has no approved product in ${jn.name} (${jn.abbr}), though the drug itself is approved in other doses, so its use${what ? ` ${what}` : ''} is off-label, and the article does not say so.`;
      } else if (status === 'not-approved') {
        message = `${name} has no approved product in ${jn.name} (${jn.abbr}), so its use${what ? ` ${what}` : ''} is investigational, and the article does not say so.`;
      } else {
        message = `${name} is discussed ${what}, which ${uses.length === 1 ? 'is not an approved use' : 'are not approved uses'} in ${jn.name} (${jn.abbr}), and the article does not say that the use is off-label.`;
      }
      message = message.replace(/\s+/g, ' ');
      if (status !== 'unknown' && !verified) message += ' (The approval data for this is not yet verified against the product monograph or label, so this is information only.)';
      const related: RelatedInfo[] = list.slice(1).map((m) => ({
        start: m.start,
        end: m.end,
        message: `${upperFirst(m.drugText)} is also discussed ${usesText(kb, m.uses) || 'here'}.`,
      }));
      const fixes: Fix[] = [];
      if (status !== 'unknown') {
        const eol = lineEnding(article.text);
        const at = insertionPoint(article, first.blockIndex);
        fixes.push({
          title: `Add a statement that ${inSentence(kb, drugId, first.drugText.trim())} ${status === 'not-approved' && !offLabelOnly ? 'is investigational' : 'is used off-label'} in ${jn.short}${verified ? '' : ' (check the product monograph or label first)'}`,
          edits: [{ start: at, end: at, newText: `${eol}${eol}${disclaimerText(kb, drugId, first.drugText, named, j)}` }],
          isPreferred: true,
        });
      }
      ctx.report({
        start: first.start,
        end: first.end,
        message,
        severity: status === 'unknown' || !verified ? 'info' : undefined,
        related: related.length ? related : undefined,
        fixes: fixes.length ? fixes : undefined,
      });
    }
  },
};
