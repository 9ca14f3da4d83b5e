import type { Article, Block, Sentence } from '../article/model';
import { type ClaimEntry, type ClaimLexicon, type PhraseInfo, SIGNED_TESTIMONIAL } from '../knowledge/claims';
import { type BlockMemo, noBlockMemo } from '../memo';
import { CHECKPOINT_BLOCKS, finish, type Steps } from '../steps';
import type { CitationScope, Span } from '../types';
import { coveringMarker } from './coverage';
import { REFUND_GATE, refundPromise, STRUCTURAL_ENTRY, structuralClaims } from './claimStructure';
import { attributionCue, hedgeCue, isQuestion, negationCue, quotation, tokenize } from './scope';
import { L, rx } from '../text/letters';

/**
 * Claim detection: every match of the lexicon in the article's prose, with what the context
 * does to it. Only hits with status `claim` are the author's unsupported claims; the others are
 * kept (with the reason) for tests, the evaluation and `missing-citation`.
 */

export type ClaimStatus = 'claim' | 'negated' | 'quoted' | 'attributed' | 'hedged' | 'cited' | 'question' | 'context';

export interface ClaimHit extends Span {
  entry: ClaimEntry;
  /** The literal form matched (phrases), absent for `pattern` entries. */
  info?: PhraseInfo;
  /** The text as written. */
  matched: string;
  block: Block;
  /** The sentence the hit lies in; absent in headings (which have no sentences). */
  sentence?: Sentence;
  status: ClaimStatus;
  /** The cue behind a status other than `claim` ("not", "may", a marker...). */
  cue?: string;
}

/** The author as advertiser: "our", "we", "us" ("our clinic", "we offer", "call us"). */
const ADVERTISER = rx.iu`(?<![${L}])(?:our|ours|we|us|we['’](?:re|ve|ll))(?![${L}])`;

/**
 * The clause of a sentence that holds `rel`: from the last ", and", ", but", ";" or dash before it
 * to the next after it ("Using both together works better than either on its own, and most of our
 * customers choose our Dual Pack": the comparison is not about "our" product).
 */
const CLAUSE_CUT = /,\s+(?:and|but|so|while|whereas)\s+|;\s*|\s+[–—]\s+/g;

/** Whether a clause names the advertiser ("our", "we") or its branded product ("FolliRise"). */
function promotes(clause: string): boolean {
  return ADVERTISER.test(clause) || BRAND.test(clause);
}

function clauseAround(ctx: string, rel: Span): string {
  let from = 0;
  let to = ctx.length;
  for (const m of ctx.matchAll(CLAUSE_CUT)) {
    if (m.index + m[0].length <= rel.start) from = m.index + m[0].length;
    else if (m.index >= rel.end) {
      to = m.index;
      break;
    }
  }
  return ctx.slice(from, to);
}

/** A comparison puffed up by the word before it: "far more effective", "much better than". */
const INTENSIFIED = rx.iu`(?<![${L}])(?:far|much|vastly|dramatically|way|infinitely)\s+$`;
/** The same inside the match: "work far better than". */
const INTENSIFIED_WITHIN = rx.iu`(?<![${L}])(?:far|much|vastly|dramatically|way|infinitely)\s+(?:better|faster|more|safer|stronger|superior)(?![${L}])`;

/**
 * A brand written as one word with an inner capital, "FolliRise", "BlueShield Pro": the seller's
 * own product, as "our" is its own service ("FolliRise outperforms every drugstore regrowth
 * product"). Surnames such as McDonald or DiCaprio are not brands.
 */
const BRAND = rx.u`(?<![${L}])(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O)\p{Lu})\p{Lu}\p{Ll}{2,}\p{Lu}[${L}]*(?![${L}])`;

/** A comparison against every alternative: "outperforms every other nootropic on the market". */
const EVERY_OTHER = rx.iu`^[^.;:!?]{0,30}?(?<![${L}])(?:every|all|any) other(?![${L}])`;
/** Or against several at once: "works better than nasal strips, sprays and special pillows combined" (after blind sets 302 to 305). */
const COMBINED = rx.iu`^[^.;:!?]{0,80}?(?<![${L}])combined(?=\s*(?:[.!?,;:)]|$))`;

/** Blocks whose prose can carry the author's claims. */
const CLAIM_BLOCKS = new Set<Block['kind']>(['paragraph', 'listItem', 'tableRow', 'heading']);

const words = (s: string): string[] => s.toLowerCase().replace(/’/g, "'").match(rx.gu`[${L}\p{N}'%#-]+`) ?? [];

/** The last `n` words of `s`, tokenizing only as much of its end as needed (a sentence can be megabytes long). */
function lastWords(s: string, n: number): string[] {
  for (let size = 48; ; size *= 4) {
    if (size >= s.length) return words(s).slice(-n);
    const w = words(s.slice(s.length - size));
    // The first word of the window may be cut: n complete words need n + 1.
    if (w.length > n) return w.slice(-n);
  }
}

/** The first `n` words of `s`, tokenizing only as much of its start as needed. */
function firstWords(s: string, n: number): string[] {
  for (let size = 48; ; size *= 4) {
    if (size >= s.length) return words(s).slice(0, n);
    const w = words(s.slice(0, size));
    if (w.length > n) return w.slice(0, n);
  }
}

/** A figure just before the customers a testimonial names. */
const FIGURE_BEFORE = / (?:\d+(?:\.\d+)?% of|(?:out of|in) (?:\d+|ten|a hundred)) $/;
/** The customers a figure counts, last before an outcome: "92% of clients", "9 out of 10 patients". */
const COUNTED_CUSTOMERS = / (?:clients|patients|customers|members|users|people|men|women|participants) $/;
/** A figure of customers just before an outcome: "92% of clients have come off all their medication". */
const FIGURE_OF_CUSTOMERS = / (?:\d+(?:\.\d+)?% of|(?:out of|in) (?:\d+|ten|a hundred)) (?:our |my |the )?[a-z]+ $/;
/**
 * A frequency for its subject: "Most men who take finasteride have no side effects", "Many
 * people find it harmless": how often, which missing-citation asks a source for, not a promise
 * that there are none.
 */
const FREQUENT_SUBJECT = rx.iu`^\s*(?:most|many|some|a few|few)\s+(?:of\s+(?:the|these|those|them)\s+)?(?:people|men|women|patients|children|adults|users|babies|kids|teenagers|teens|them)(?![${L}])`;

/** Promises of a result, which a frequency of customers makes a statistic. */
const FREQUENCY_ENTRIES = new Set(['outcome-promise', 'instant']);
/**
 * A frequency of customers as the subject of the result's clause: "Most customers wake up
 * feeling", "Most customers notice deeper, more restful sleep from the very first night".
 */
const FREQUENT_CUSTOMERS = rx.iu`^\s*(?:most|many)\s+(?:of\s+our\s+)?(?:customers|clients|patients|users|members|people)(?:,?\s+[${L}'’-]+){0,8}\s*$`;

/** Safety under the use the sentence opens with: "Used thinly and for no more than a week, it is safe for babies". */
const SAFE_AS_USED = /^\s*(?:used|taken|applied|given|worn)\s[^,;:.!?]{0,80},/i;

/** Conjunctions that open a clause of their own: the words before them are another clause's. */
const CLAUSE_OPENERS = new Set(['because', 'but', 'although', 'though', 'whereas']);

/** A figure of outcome as what a guarantee promises: "guarantee at least 90% graft survival". */
const GUARANTEED_FIGURE = /^\s+(?:(?:at least|up to|over|more than|a|an)\s+)?\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)/i;

function blockedByContext(entry: ClaimEntry, before: string, after: string): string | undefined {
  // Words before in the same clause: "get your money back: relief guaranteed" is two clauses.
  // (Looked for in the last 200 characters only: a sentence can be megabytes long.)
  const tail = before.length > 200 ? before.slice(before.length - 200) : before;
  const clauseStart = Math.max(tail.lastIndexOf(':'), tail.lastIndexOf(';'));
  const prev = lastWords(clauseStart >= 0 ? tail.slice(clauseStart + 1) : before, 3);
  // Nor past a conjunction that opens the wording's own clause: "We can make this promise because
  // PelviPro cures bladder leaks" (after blind sets 266 to 269).
  const opens = prev.findLastIndex((w) => CLAUSE_OPENERS.has(w));
  const prevText = ` ${(opens >= 0 ? prev.slice(opens + 1) : prev).join(' ')} `;
  for (const u of entry.unlessBefore ?? []) if (prevText.includes(` ${u.toLowerCase()} `)) return u;
  // "9 out of 10 customers say ...", "94% of our clients report ...": a figure, which
  // missing-citation asks a source for, not customers' words published as testimony.
  if (entry.category === 'testimonial') {
    const figure = FIGURE_BEFORE.exec(prevText);
    if (figure) return figure[0].trim();
  }
  if (COUNTED_CUSTOMERS.test(prevText)) {
    const figure = FIGURE_OF_CUSTOMERS.exec(` ${lastWords(before, 5).join(' ')} `);
    if (figure) return figure[0].trim();
  }
  if (entry.category === 'safety') {
    const qualified = FREQUENT_SUBJECT.exec(before) ?? SAFE_AS_USED.exec(before);
    if (qualified) return qualified[0].trim();
  }
  // How often customers get a result: "Most customers wake up feeling fresh and alert", a
  // statistic missing-citation asks a source for (after blind sets 298 to 301).
  if (FREQUENCY_ENTRIES.has(entry.id)) {
    const often = FREQUENT_CUSTOMERS.exec(before);
    if (often) return often[0].trim();
  }
  // Right after the match, or after one more word ("the leading preventable cause").
  const nextWords = firstWords(after, 4);
  const next = nextWords.slice(0, 3).join(' ');
  const skipOne = nextWords.slice(1, 4).join(' ');
  for (const u of entry.unlessAfter ?? []) {
    const l = u.toLowerCase();
    if ([next, skipOne].some((n) => n === l || n.startsWith(`${l} `))) return u;
  }
  for (const u of entry.unlessNext ?? []) if (nextWords[0] === u.toLowerCase()) return u;
  // A remedy later in the sentence makes a guarantee of service, not of outcome ("we'll redo it
  // free of charge"), unless what is guaranteed is a figure of outcome: "we guarantee at least 90%
  // graft survival, or we'll redo your procedure free of charge" (after blind sets 290 to 293).
  if (entry.unlessLater && !(entry.id === 'guarantee' && GUARANTEED_FIGURE.test(after))) {
    // The rest of the sentence, as words: "safe for your baby at the correct dose".
    const rest = ` ${words(after.length > 400 ? after.slice(0, 400) : after).join(' ')} `;
    for (const u of entry.unlessLater) if (rest.includes(` ${words(u).join(' ')} `)) return u;
  }
  return undefined;
}

/** A heading or a page's close that names its guarantee and no more: "Our guarantee", "That's our guarantee." */
const GUARANTEE_NAMED_BEFORE = rx.iu`^\s*(?:(?:that['’]s|this is|here['’]s)\s+)?(?:our|the|your)(?:\s+[${L}]+)?\s+$`;
function guaranteeNamed(entry: ClaimEntry, ctx: string, rel: Span): string | undefined {
  if (entry.id !== 'guarantee' || ctx.slice(rel.start, rel.end).toLowerCase() !== 'guarantee' || !/^[\s.!:*]*$/.test(ctx.slice(rel.end))) return undefined;
  return GUARANTEE_NAMED_BEFORE.test(ctx.slice(0, rel.start)) ? 'the guarantee named' : undefined;
}

/**
 * What the context does to a hit, from the text around it alone (its sentence, or a heading's
 * whole prose): undefined when nothing does, and the hit is a claim unless a marker covers it.
 */
function contextStatus(entry: ClaimEntry, ctx: string, rel: Span, hasSentence: boolean, phrase: boolean): Pick<ClaimHit, 'status' | 'cue'> | undefined {
  const blocked = blockedByContext(entry, ctx.slice(0, rel.start), ctx.slice(rel.end)) ?? guaranteeNamed(entry, ctx, rel);
  if (blocked) return { status: 'context', cue: blocked };
  // A plain comparison between treatments is evidence (missing-citation asks for its source);
  // it is a promotional claim when the author's own service is in its clause, or when the
  // comparison is puffed up ("far more effective than").
  // A customer's words the page publishes compare for the seller ('★★★★★ "Works better than the
  // £400 one my dentist made."').
  if (entry.promotionalOnly && phrase && !promotes(clauseAround(ctx, rel)) && !INTENSIFIED.test(ctx.slice(0, rel.start)) && !INTENSIFIED_WITHIN.test(ctx.slice(rel.start, rel.end)) && !EVERY_OTHER.test(ctx.slice(rel.end)) && !COMBINED.test(ctx.slice(rel.end)) && !quotation(ctx, rel)?.firstPerson) return { status: 'context', cue: 'a comparison, not a promotion' };
  if (isQuestion(ctx)) return { status: 'question', cue: '?' };
  const tokens = tokenize(ctx);
  // A customer's story keeps its negations ("a year later it hasn't moved at all, thanks to ..."):
  // its recovery words are the claim.
  const neg = entry.category === 'testimonial' && quotation(ctx, rel)?.firstPerson ? undefined : negationCue(ctx, rel, tokens);
  if (neg) return { status: 'negated', cue: neg.text };
  // A testimonial is the advertiser's claim in a customer's words: quoting it is the point.
  const q = entry.category === 'testimonial' ? undefined : quotation(ctx, rel);
  if (q && !q.firstPerson) return { status: 'quoted', cue: ctx.slice(q.span.start, q.span.start + 1) };
  const attr = attributionCue(ctx, rel, tokens);
  if (attr) return { status: 'attributed', cue: attr };
  if (entry.hedgeable) {
    const h = hedgeCue(ctx, rel, tokens);
    if (h) return { status: 'hedged', cue: h };
  }
  return hasSentence && entry.citable ? undefined : { status: 'claim' };
}

const structuralCache = new WeakMap<ClaimLexicon, Map<string, ClaimEntry>>();

/** The lexicon entry each structural kind reports as (absent when a workspace lexicon removed it). */
function structuralEntries(lexicon: ClaimLexicon): Map<string, ClaimEntry> {
  let m = structuralCache.get(lexicon);
  if (!m) {
    m = new Map();
    for (const [kind, id] of Object.entries(STRUCTURAL_ENTRY)) {
      const entry = lexicon.entries.find((e) => e.id === id);
      if (entry) m.set(kind, entry);
    }
    structuralCache.set(lexicon, m);
  }
  return m;
}

const hitCache = new WeakMap<Article, { lexicon: ClaimLexicon; scope: CitationScope; hits: ClaimHit[] }>();

/**
 * Every lexicon hit in the article, in document order, classified. Computed once per article,
 * lexicon and scope (both claim rules ask for it).
 */
export function findClaimHits(article: Article, lexicon: ClaimLexicon, scope: CitationScope, memo: BlockMemo = noBlockMemo): ClaimHit[] {
  return finish(claimHitSteps(article, lexicon, scope, memo));
}

/** `findClaimHits` in steps (`core/steps.ts`): kept for the article only once computed whole. */
export function* claimHitSteps(article: Article, lexicon: ClaimLexicon, scope: CitationScope, memo: BlockMemo = noBlockMemo): Steps<ClaimHit[]> {
  const cached = hitCache.get(article);
  if (cached && cached.lexicon === lexicon && cached.scope === scope) return cached.hits;
  const hits = yield* computeClaimHits(article, lexicon, scope, memo);
  hitCache.set(article, { lexicon, scope, hits });
  return hits;
}

/** A lexicon or structural match in a block's prose, relative to the block. */
interface BlockMatch {
  entry: ClaimEntry;
  start: number;
  matched: string;
  info?: PhraseInfo;
}

/** The characters outside ASCII whose lower case holds an ASCII letter: capital I with dot above ("i̇"), the Kelvin sign ("k"). */
const LOWERS_TO_ASCII = /[\u0130\u212a]/;
const requiresGateCache = new WeakMap<ClaimLexicon, (RegExp | undefined)[]>();

/**
 * Per pattern, its `requires` as one case-insensitive alternation (`requiresGate`: one scan of
 * the prose instead of lower-casing it and searching it for each), or undefined.
 */
function requiresGates(lexicon: ClaimLexicon): (RegExp | undefined)[] {
  let gates = requiresGateCache.get(lexicon);
  if (!gates) {
    gates = lexicon.patterns.map(({ requires }) => (requires ? requiresGate(requires) : undefined));
    requiresGateCache.set(lexicon, gates);
  }
  return gates;
}

/**
 * Code units outside ASCII that a gate may hold: the curly quotes, which no other character
 * lower-cases to or matches in any case.
 */
const GATE_QUOTES = new Set([0x2018, 0x2019, 0x201c, 0x201d]);

/** `requires` as one case-insensitive alternation when they are all ASCII or curly quotes, else undefined. */
export function requiresGate(requires: readonly string[]): RegExp | undefined {
  const fits = (r: string): boolean => {
    for (let k = 0; k < r.length; k++) if (r.charCodeAt(k) >= 128 && !GATE_QUOTES.has(r.charCodeAt(k))) return false;
    return r.length > 0;
  };
  if (!requires.every(fits)) return undefined;
  return new RegExp(requires.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'i');
}

/**
 * Whether the lower case of `prose` holds one of `requires`: by `gate` (`requiresGates`) when
 * there is one, which finds them in any case exactly where the lower case has them but for the
 * two characters outside ASCII that lower-case to ASCII letters.
 */
export function holdsRequired(requires: readonly string[], gate: RegExp | undefined, prose: string, lower: () => string): boolean {
  return requiredAt(requires, gate, prose, lower) >= 0;
}

/**
 * `holdsRequired` with where: the first of `requires` the gate finds, 0 when only the lower case
 * finds one (no gate, or a character that lower-cases to ASCII), -1 when none is there.
 */
function requiredAt(requires: readonly string[], gate: RegExp | undefined, prose: string, lower: () => string): number {
  if (gate) {
    const g = gate.exec(prose);
    if (g) return g.index;
    if (!LOWERS_TO_ASCII.test(prose)) return -1;
  }
  const l = lower();
  return requires.some((r) => l.includes(r)) ? 0 : -1;
}

/**
 * The matches of the lexicon (and of claim structure) in one block: they depend on its prose
 * (and its sentences, which follow from the prose) alone, so they are kept across versions of
 * the document while the block is unchanged.
 */
function blockMatches(block: Block, lexicon: ClaimLexicon): BlockMatch[] {
  const out: BlockMatch[] = [];
  if (lexicon.phraseMatcher) {
    for (const m of lexicon.phraseMatcher.matchAll(block.prose)) {
      const info = lexicon.info(m.literal);
      out.push({ entry: info.entry, start: m.index, matched: m.text, info });
    }
  }
  let lower: string | undefined;
  const lowerProse = (): string => (lower ??= block.prose.toLowerCase());
  const gates = requiresGates(lexicon);
  for (let p = 0; p < lexicon.patterns.length; p++) {
    const { entry, re, requires } = lexicon.patterns[p];
    let from = 0;
    if (requires) {
      const at = requiredAt(requires, gates[p], block.prose, lowerProse);
      if (at < 0) continue;
      // A match holds one of `requires` (else a text without them could match): none starts in a
      // sentence before the first of them, and the pattern is run from that sentence on.
      const k = block.kind === 'heading' ? -1 : sentenceAt(block, at);
      if (k > 0) from = block.sentences[k].start - block.start;
    }
    re.lastIndex = from;
    for (const m of block.prose.matchAll(re)) if (m[0]) out.push({ entry, start: m.index, matched: m[0] });
  }
  // Sentences with no lexicon match: claims recognised by their structure (claimStructure.ts).
  if (block.kind !== 'heading') {
    const entries = structuralEntries(lexicon);
    // Each match looked up once (asking every match of every sentence was quadratic in a long block).
    // (A signature alone leaves the sentence's outcome to be found: "My curve went from 50 degrees to almost straight." – Mark.)
    const matched = new Set(out.filter((m) => m.entry.id !== SIGNED_TESTIMONIAL).map((m) => sentenceAt(block, m.start)));
    for (const [i, sentence] of block.sentences.entries()) {
      if (matched.has(i)) continue;
      for (const c of structuralClaims(sentence.text)) {
        const entry = entries.get(c.kind);
        if (entry) out.push({ entry, start: sentence.start - block.start + c.start, matched: sentence.text.slice(c.start, c.end) });
      }
    }
  }
  return out;
}

/**
 * The index of the block's sentence holding `at` (relative to the block), or -1. A binary search:
 * a block's sentences are in order and do not overlap. A search from the first sentence for every
 * match made a long block quadratic (a 2.6 MB line of claims kept the server busy for a minute).
 */
export function sentenceAt(block: Block, at: number): number {
  const sentences = block.sentences;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (at < s.start - block.start) hi = mid - 1;
    else if (at >= s.end - block.start) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A block's hit, relative to the block, with what its context does to it. */
interface BlockHit extends BlockMatch {
  end: number;
  /** Index of the sentence in the block's sentences; -1 in a heading. */
  sentence: number;
  /** The status its context gives; undefined: a claim unless a marker covers its sentence. */
  context?: Pick<ClaimHit, 'status' | 'cue'>;
}

/**
 * The block's hits in order (of overlapping matches, the earlier and longer one), each with what
 * its context does to it: all of it follows from the block's prose, so it is kept across
 * versions while the block is unchanged. Only citation coverage is left to each version.
 */
function blockHits(block: Block, lexicon: ClaimLexicon): BlockHit[] {
  const found: BlockHit[] = [];
  for (const m of blockMatches(block, lexicon)) {
    const sentence = sentenceAt(block, m.start);
    if (block.kind !== 'heading' && sentence < 0) continue;
    found.push({ ...m, end: m.start + m.matched.length, sentence });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: BlockHit[] = [];
  let lastEnd = -1;
  for (const f of found) {
    // Overlapping matches of different entries: the earlier, longer one wins.
    if (f.start < lastEnd) continue;
    lastEnd = f.end;
    const s = f.sentence >= 0 ? block.sentences[f.sentence] : undefined;
    const ctxStart = s ? s.start - block.start : 0;
    const ctx = s ? s.text : block.prose;
    f.context = contextStatus(f.entry, ctx, { start: f.start - ctxStart, end: f.end - ctxStart }, !!s, f.info !== undefined);
    out.push(f);
  }
  return withRefundPromises(block, lexicon, out);
}

/**
 * Results promised against a refund (`refundPromise`), in the block's sentences where no hit can
 * be a claim: "Feel the difference in 30 days or your money back, guaranteed" (whose "guaranteed"
 * is the refund's) is a guarantee of outcome all the same.
 */
function withRefundPromises(block: Block, lexicon: ClaimLexicon, out: BlockHit[]): BlockHit[] {
  if (block.kind === 'heading' || !REFUND_GATE.test(block.prose)) return out;
  const entry = structuralEntries(lexicon).get('guarantee');
  if (!entry) return out;
  const claiming = new Set<number>();
  for (const h of out) if (!h.context || h.context.status === 'claim') claiming.add(h.sentence);
  let added = false;
  for (const [i, s] of block.sentences.entries()) {
    if (claiming.has(i)) continue;
    const c = refundPromise(s.text);
    if (!c) continue;
    const start = s.start - block.start + c.start;
    const hit: BlockHit = { entry, start, end: start + c.end - c.start, matched: s.text.slice(c.start, c.end), sentence: i };
    hit.context = contextStatus(entry, s.text, { start: c.start, end: c.end }, true, false);
    out.push(hit);
    added = true;
  }
  if (added) out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

function* computeClaimHits(article: Article, lexicon: ClaimLexicon, scope: CitationScope, memo: BlockMemo): Steps<ClaimHit[]> {
  const hits: ClaimHit[] = [];
  const blocks = article.blocks;
  for (let i = 0; i < blocks.length; i++) {
    if (i % CHECKPOINT_BLOCKS === CHECKPOINT_BLOCKS - 1) yield;
    const block = blocks[i];
    if (!CLAIM_BLOCKS.has(block.kind)) continue;
    for (const h of memo(block, lexicon, () => blockHits(block, lexicon))) {
      const sentence = h.sentence >= 0 ? block.sentences[h.sentence] : undefined;
      let status = h.context;
      if (!status) {
        const m = coveringMarker(article, sentence!, scope);
        status = m ? { status: 'cited', cue: m.raw } : { status: 'claim' };
      }
      hits.push({ entry: h.entry, info: h.info, matched: h.matched, block, sentence, start: block.start + h.start, end: block.start + h.end, ...status });
    }
  }
  return hits;
}

/** The span of the head of a hit (the part a rewording replaces). */
export function headSpan(hit: ClaimHit): Span {
  const info = hit.info;
  if (!info || info.headWord === undefined || !info.headWords || hit.entry.rewriteWhole) return { start: hit.start, end: hit.end };
  const parts = [...hit.matched.matchAll(/\S+/gu)];
  const first = parts[info.headWord];
  const last = parts[info.headWord + info.headWords - 1];
  if (!first || !last) return { start: hit.start, end: hit.end };
  return { start: hit.start + first.index, end: hit.start + last.index + last[0].length };
}

/**
 * Quotations of several sentences signed with a name ("I was so nervous, but I didn't feel a
 * thing. I'd recommend Clarendon to anyone!" – Sophie): one testimonial, reported where an
 * earlier sentence of the quotation tells the outcome, not again at the signature. `dropped`:
 * the signatures left out; `signed`: the outcomes that stand for their quotation.
 */
export function signedQuotations(hits: readonly ClaimHit[]): { dropped: Set<ClaimHit>; signed: Set<ClaimHit> } {
  const dropped = new Set<ClaimHit>();
  const signed = new Set<ClaimHit>();
  let block: Block | undefined;
  let told: ClaimHit[] = [];
  for (const hit of hits) {
    if (hit.entry.category !== 'testimonial') continue;
    if (hit.block !== block) {
      block = hit.block;
      told = [];
    }
    if (hit.entry.id === SIGNED_TESTIMONIAL) {
      const opens = quotationStart(hit.block.prose, hit.start - hit.block.start) + hit.block.start;
      const outcome = told.find((t) => t.start >= opens && t.sentence !== hit.sentence);
      if (outcome) {
        dropped.add(hit);
        signed.add(outcome);
        continue;
      }
    }
    told.push(hit);
  }
  return { dropped, signed };
}

/**
 * Where the quotation that closes before `at` opens, in `prose` (-1, its start, when no mark opens it; never, when none closes): the last
 * closing mark before `at`, then the opening mark before that.
 */
function quotationStart(prose: string, at: number): number {
  const close = Math.max(prose.lastIndexOf('\u201d', at), prose.lastIndexOf('"', at));
  if (close <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(prose.lastIndexOf('\u201c', close - 1), prose.lastIndexOf('"', close - 1));
}

