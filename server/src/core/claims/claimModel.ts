import shipped from '../knowledge/claimModel.json';
import type { Article, Sentence } from '../article/model';
import { type BlockMemo, noBlockMemo } from '../memo';
import type { CitationScope } from '../types';
import { isCovered } from './coverage';
import { type ClaimHit, signedQuotations } from './detect';
import { notAClaim } from './evidence';
import type { ClaimCategory } from '../knowledge/claims';
import { askable, type CitationModel, fromShipped, packCitationModel, type PackedCitationModel, weigh } from './model';
import { sentenceFeatures } from './structure';

/**
 * The claim classifier: a second reading of the unsupported-claim rule's lexicon, learnt from the
 * labelled articles (`scripts/train-claims.mjs --claims` writes `knowledge/claimModel.json`;
 * nothing is learnt at run time). A logistic regression over the sentence's words and structure
 * (`structure.ts`), what the lexicon found in it and how its context reads that (claim, negated,
 * quoted, hedged, cited... by category), and the marks of a customer's voice (an opening
 * quotation mark, a signature, first person, an exclamation). It decides two things, at two
 * thresholds:
 *
 * - **veto**: a sentence whose lexicon findings it scores below `veto` is not reported ("The team
 *   made me feel so relaxed, and the clinic is beautiful." – Jo: signed, but no outcome), when
 *   they are all of the kinds whose reading depends on the sentence (`VETOABLE`: testimonial,
 *   superiority, hype, proven); cure, absolute and safety wording is wrong in any sentence that
 *   states it as the author's, and the classifier never silences it;
 * - **add**: a sentence the lexicon does not flag, which missing-citation would weigh (not
 *   covered by a marker, not a question, instruction or visit description), scored at least
 *   `threshold`, is reported as a claim no entry names ("After six weeks with the AirForce Pro I
 *   walk straight up without my inhaler."), at information severity.
 *
 * Both rules read the same verdicts (`claimReading`): a vetoed sentence is missing-citation's to
 * weigh again, an added one is not (the claim finding stands for both).
 */
export interface ClaimModel extends CitationModel {
  /** Lexicon findings in a sentence scored below this are set aside. */
  veto: number;
}

export interface PackedClaimModel extends PackedCitationModel {
  veto: number;
}

/** The model packed for the bundles, as `packCitationModel` packs the citation model (`scripts/build.mjs`). */
export function packClaimModel(m: ClaimModel): PackedClaimModel {
  return { ...packCitationModel(m), veto: m.veto };
}

/** A model as shipped: packed by the bundles, or as written. */
export function fromShippedClaim(x: ClaimModel | PackedClaimModel): ClaimModel {
  const m = fromShipped(x) as ClaimModel;
  m.veto = x.veto;
  return m;
}

let current: ClaimModel | null = fromShippedClaim(shipped as ClaimModel | PackedClaimModel);

/** The shipped model, or the one `setClaimModel` put in its place (`null`: the lexicon alone). */
export function claimModel(): ClaimModel | null {
  return current;
}

/** Replaces the model (the evaluation's cross-validation trains one per fold); `null` turns it off. Returns the model it replaced. */
export function setClaimModel(model: ClaimModel | null): ClaimModel | null {
  const before = current;
  current = model;
  readers = new WeakMap();
  scores.clear();
  return before;
}

/** The categories of lexicon findings the classifier may set aside (see `ClaimModel`). */
export const VETOABLE: ReadonlySet<ClaimCategory> = new Set<ClaimCategory>(['testimonial', 'superiority', 'hype', 'proven']);

/** Opens with a quotation mark (after list or emphasis marks). */
const QUOTE_OPEN = /^[\s*_]*["“‘]/u;
/** A closing quotation mark, a dash and a capital: a signature ("…" – Jo, Southport). */
const SIGNATURE = /["”’]\s*[–—-]\s*\p{Lu}/u;
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|my|me)\b/u;
const YOU_WILL = /\b(?:you'll|you’ll|you will)\b/iu;
const YOUR = /\byour /iu;
const WILL = / will\b/giu;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;

/**
 * "you'll", "you will", or "your ... will" on one line: what `/\b(?:you'll|you’ll|you will|your .* will)\b/iu`
 * matches, found in linear time (that pattern tried a scan to the line's end at every "your": a
 * 160 KB sentence of "your skin glows and ..." took 1.3 s, a 1 MB one about a minute).
 */
export function promisesYou(t: string): boolean {
  if (YOU_WILL.test(t)) return true;
  for (const line of t.split(LINE_BREAK)) {
    const i = line.search(YOUR);
    if (i < 0) continue;
    let last = -1;
    for (const m of line.matchAll(WILL)) last = m.index;
    // "your" and its space, any text, then " will": the space before "will" at i + 5 or later.
    if (last >= i + 5) return true;
  }
  return false;
}
const WE = /\b(?:we|our|us)\b/iu;

/**
 * The features of a sentence for the claim classifier: its words and structure, what the
 * lexicon found in it (`hits`, every status), and the marks of a customer's voice. `previous` is
 * the sentence before it in the article; `base`, its `sentenceFeatures` when the caller has them.
 * Training and the rules build them with this function.
 */
export function claimFeatures(sentence: Sentence, previous: Sentence | undefined, hits: readonly ClaimHit[], base?: readonly string[]): string[] {
  const t = sentence.text;
  const f = base ? base.slice() : sentenceFeatures(t);
  if (QUOTE_OPEN.test(t)) f.push('x:quote-open');
  if (SIGNATURE.test(t)) f.push('x:signature');
  if (t.includes('!')) f.push('x:exclaim');
  if (FIRST_PERSON.test(t)) f.push('x:I');
  if (promisesYou(t)) f.push('x:you-will');
  if (WE.test(t)) f.push('x:we');
  if (sentence.markers.length) f.push('x:marker');
  if (previous && QUOTE_OPEN.test(previous.text)) f.push('x:prev-quote');
  if (!askable(t)) f.push('x:unaskable');
  for (const h of hits) f.push(`x:lex:${h.status}`, `x:lexcat:${h.entry.category}:${h.status}`);
  return [...new Set(f)];
}

/** What the classifier makes of an article's sentences, given the lexicon's hits. */
export interface ClaimReading {
  /** Sentences whose lexicon findings are set aside. */
  vetoed: ReadonlySet<Sentence>;
  /** Sentences the lexicon does not flag that read as claims, with their probability. */
  added: ReadonlyMap<Sentence, number>;
}

const NONE: ClaimReading = { vetoed: new Set(), added: new Map() };

/**
 * Probabilities of the current model by what the features are made of (the sentence, whether
 * the one before opens a quotation, the hits' statuses): an edited document re-lints mostly
 * unchanged sentences.
 */
const scores = new Map<string, number>();

/** A sentence's words-and-structure features (`sentenceFeatures`), computed once for both classifiers. */
export type BaseFeatures = () => string[];

/**
 * The classifier's verdicts on one article, sentence by sentence as they are asked for (see
 * `ClaimModel`), from the lexicon's hits of every status (`findClaimHits`). A sentence is
 * flagged by the lexicon when unsupported-claim reports one of its hits (a claim, and not a
 * signature standing for an outcome reported earlier in its quotation). missing-citation asks
 * about the sentences it weighs as it goes, handing over the features it needs for its own
 * classifier (`BaseFeatures`), so that a sentence's words are read once, and says when it has
 * weighed them all (`swept`); unsupported-claim then asks for the whole reading, which only the
 * flagged sentences are left to decide. Only the verdicts of flagged sentences and the added
 * sentences are kept: a 10 MB article has some 70,000 sentences.
 */
export class ClaimReader {
  private readonly bySentence = new Map<Sentence, ClaimHit[]>();
  private readonly dropped: ReadonlySet<ClaimHit>;
  private readonly vetoes = new Map<Sentence, boolean>();
  private readonly additions = new Map<Sentence, number>();
  private sweptAll = false;
  private whole: ClaimReading | undefined;

  constructor(
    private readonly article: Article,
    readonly hits: readonly ClaimHit[],
    readonly scope: CitationScope,
    readonly model: ClaimModel,
    private readonly memo: BlockMemo = noBlockMemo,
  ) {
    for (const h of hits) {
      if (!h.sentence) continue;
      const list = this.bySentence.get(h.sentence);
      if (list) list.push(h);
      else this.bySentence.set(h.sentence, [h]);
    }
    this.dropped = signedQuotations(hits).dropped;
  }

  /** Whether the lexicon's findings in this sentence are set aside. */
  vetoed(s: Sentence): boolean {
    const known = this.vetoes.get(s);
    if (known !== undefined) return known;
    const own = this.bySentence.get(s);
    const reported = own?.filter((h) => h.status === 'claim' && !this.dropped.has(h));
    const v = !!reported?.length && reported.every((h) => VETOABLE.has(h.entry.category)) && this.probability(s, own!) < this.model.veto;
    if (reported?.length) this.vetoes.set(s, v);
    return v;
  }

  /**
   * Whether this sentence reads as a claim the lexicon does not name. `gated`: the caller has
   * checked what `notAClaim` and coverage check (missing-citation's own gates, the same).
   */
  added(s: Sentence, gated = false, base?: BaseFeatures): boolean {
    const own = this.bySentence.get(s);
    // A signature whose quotation's outcome is reported (status claim, not reported) is neither.
    if (own?.some((h) => h.status === 'claim')) return false;
    if (!gated && (isCovered(this.article, s, this.scope) || notAClaim(this.article, s))) return false;
    const p = this.probability(s, own ?? [], base);
    if (p < this.model.threshold) return false;
    this.additions.set(s, p);
    return true;
  }

  /** missing-citation has asked `added` about every sentence it weighs: every one there is to ask. */
  swept(): void {
    this.sweptAll = true;
  }

  /** Every sentence's verdict. */
  reading(): ClaimReading {
    if (this.whole) return this.whole;
    if (!this.sweptAll) {
      for (const s of this.article.sentences) this.added(s);
      this.sweptAll = true;
    }
    const vetoed = new Set<Sentence>();
    for (const s of this.bySentence.keys()) if (this.vetoed(s)) vetoed.add(s);
    return (this.whole = { vetoed, added: this.additions });
  }

  /** Where the last sentence asked about lies: both rules ask in document order. */
  private at = { block: -1, index: -1 };

  /** The index of a sentence in its block: found from the last one asked about, not searched for. */
  private indexInBlock(s: Sentence): number {
    const own = this.article.blocks[s.blockIndex].sentences;
    let i = this.at.block === s.blockIndex ? this.at.index + 1 : 0;
    while (i < own.length && own[i] !== s) i++;
    if (i === own.length) i = own.indexOf(s);
    this.at = { block: s.blockIndex, index: i };
    return i;
  }

  /** The sentence before this one in the article: in its block, else the last of an earlier block. */
  private previousOf(s: Sentence, i: number): Sentence | undefined {
    const blocks = this.article.blocks;
    if (i > 0) return blocks[s.blockIndex].sentences[i - 1];
    for (let b = s.blockIndex - 1; b >= 0; b--) {
      const list = blocks[b].sentences;
      if (list.length) return list[list.length - 1];
    }
    return undefined;
  }

  /**
   * The probability of a sentence, kept by what its features are made of: with the server's
   * store, in its block's record (across versions, while the block is unchanged: a one-character
   * edit in a 1 MB article asks again only about its own block); in one-shot lints, in `scores`.
   */
  private probability(s: Sentence, hits: readonly ClaimHit[], base?: BaseFeatures): number {
    const i = this.indexInBlock(s);
    const previous = this.previousOf(s, i);
    const features = () => claimFeatures(s, previous, hits, base?.());
    if (this.model !== current) return weigh(features(), this.model).probability;
    let what = `${+(previous !== undefined && QUOTE_OPEN.test(previous.text))}${+(s.markers.length > 0)}`;
    for (const h of hits) what += `${h.entry.category}:${h.status},`;
    let kept: Map<string, number>;
    let key: string;
    if (this.memo !== noBlockMemo) {
      const block = this.article.blocks[s.blockIndex];
      kept = this.memo(block, this.model, () => new Map<string, number>());
      key = `${i}|${what}`;
    } else {
      if (scores.size > 5000) scores.clear();
      kept = scores;
      key = `${what}\u0000${s.text}`;
    }
    let p = kept.get(key);
    if (p === undefined) {
      p = weigh(features(), this.model).probability;
      kept.set(key, p);
    }
    return p;
  }
}

/** Readers per article: both rules of one lint ask the same one. */
let readers = new WeakMap<Article, ClaimReader>();

/** The reader of an article's sentences, for this hit list, scope and model (undefined: no model). */
export function claimReader(article: Article, hits: readonly ClaimHit[], scope: CitationScope, memo: BlockMemo = noBlockMemo, model: ClaimModel | null = current): ClaimReader | undefined {
  if (!model) return undefined;
  const known = readers.get(article);
  if (known && known.scope === scope && known.model === model && sameHits(known.hits, hits)) return known;
  const reader = new ClaimReader(article, hits, scope, model, memo);
  readers.set(article, reader);
  return reader;
}

/**
 * The classifier's verdicts on every sentence of an article (see `ClaimReader`): unsupported-claim
 * asks last, so the reader (and the hit list it holds) is let go once read.
 */
export function claimReading(article: Article, hits: readonly ClaimHit[], scope: CitationScope, memo: BlockMemo = noBlockMemo, model: ClaimModel | null = current): ClaimReading {
  const reader = claimReader(article, hits, scope, memo, model);
  if (!reader) return NONE;
  readers.delete(article);
  return reader.reading();
}

/** Two hit lists of one article with the same hits (each rule gathers its own list). */
function sameHits(a: readonly ClaimHit[], b: readonly ClaimHit[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].status !== b[i].status || a[i].entry !== b[i].entry) return false;
  return true;
}
