import shipped from '../knowledge/claimModel.json';
import type { Article, Sentence } from '../article/model';
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
  readings = new WeakMap();
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
const YOU_WILL = /\b(?:you'll|you’ll|you will|your .* will)\b/iu;
const WE = /\b(?:we|our|us)\b/iu;

/**
 * The features of a sentence for the claim classifier: its words and structure, what the
 * lexicon found in it (`hits`, every status), and the marks of a customer's voice. `previous` is
 * the sentence before it in the article. Training and the rules build them with this function.
 */
export function claimFeatures(sentence: Sentence, previous: Sentence | undefined, hits: readonly ClaimHit[]): string[] {
  const t = sentence.text;
  const f = sentenceFeatures(t);
  if (QUOTE_OPEN.test(t)) f.push('x:quote-open');
  if (SIGNATURE.test(t)) f.push('x:signature');
  if (t.includes('!')) f.push('x:exclaim');
  if (FIRST_PERSON.test(t)) f.push('x:I');
  if (YOU_WILL.test(t)) f.push('x:you-will');
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

/** Readings per article, hit list and scope: both rules of one lint ask for the same one. */
let readings = new WeakMap<Article, { hits: readonly ClaimHit[]; scope: CitationScope; model: ClaimModel; reading: ClaimReading }>();

/**
 * Probabilities of the current model by what the features are made of (the sentence, whether
 * the one before opens a quotation, the hits' statuses): an edited document re-lints mostly
 * unchanged sentences.
 */
const scores = new Map<string, number>();

function probability(s: Sentence, previous: Sentence | undefined, hits: readonly ClaimHit[], model: ClaimModel): number {
  if (model !== current) return weigh(claimFeatures(s, previous, hits), model).probability;
  let key = `${+(previous !== undefined && QUOTE_OPEN.test(previous.text))}${+(s.markers.length > 0)}`;
  for (const h of hits) key += `${h.entry.category}:${h.status},`;
  key += `\u0000${s.text}`;
  let p = scores.get(key);
  if (p === undefined) {
    if (scores.size > 5000) scores.clear();
    p = weigh(claimFeatures(s, previous, hits), model).probability;
    scores.set(key, p);
  }
  return p;
}

/**
 * The classifier's verdicts on an article (see `ClaimModel`), from the lexicon's hits of every
 * status (`findClaimHits`). A sentence is flagged by the lexicon when unsupported-claim reports
 * one of its hits (`reportedClaims`).
 */
export function claimReading(article: Article, hits: readonly ClaimHit[], scope: CitationScope, model: ClaimModel | null = current): ClaimReading {
  if (!model) return NONE;
  const known = readings.get(article);
  if (known && known.scope === scope && known.model === model && sameHits(known.hits, hits)) return known.reading;
  const bySentence = new Map<Sentence, ClaimHit[]>();
  for (const h of hits) {
    if (!h.sentence) continue;
    const list = bySentence.get(h.sentence);
    if (list) list.push(h);
    else bySentence.set(h.sentence, [h]);
  }
  const { dropped } = signedQuotations(hits);
  const vetoed = new Set<Sentence>();
  const added = new Map<Sentence, number>();
  const sentences = article.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const own = bySentence.get(s);
    const reported = own?.filter((h) => h.status === 'claim' && !dropped.has(h)) ?? [];
    const flagged = reported.length > 0;
    // A signature whose quotation's outcome is reported (status claim, not reported) is neither.
    const claimWording = own?.some((h) => h.status === 'claim') ?? false;
    if (flagged ? !reported.every((h) => VETOABLE.has(h.entry.category)) : claimWording || isCovered(article, s, scope) || notAClaim(article, s)) continue;
    const p = probability(s, sentences[i - 1], own ?? [], model);
    if (flagged && p < model.veto) vetoed.add(s);
    else if (!flagged && p >= model.threshold) added.set(s, p);
  }
  const reading = { vetoed, added };
  readings.set(article, { hits, scope, model, reading });
  return reading;
}

/** Two hit lists of one article with the same hits (each rule gathers its own list). */
function sameHits(a: readonly ClaimHit[], b: readonly ClaimHit[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].status !== b[i].status || a[i].entry !== b[i].entry) return false;
  return true;
}
