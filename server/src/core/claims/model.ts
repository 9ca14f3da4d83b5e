import shipped from '../knowledge/citationModel.json';
import type { Article, Sentence } from '../article/model';
import { isDisclosure } from '../rules/off-label-disclaimer';
import { type CueFamily, describesCondition, evidenceCue } from './evidence';
import { GATE, healthAnchored, sentenceFeatures } from './structure';

/**
 * The citation-need classifier: a logistic regression over the structural features of
 * `structure.ts` and what the rules know of the sentence (`SentenceContext`: the cue family
 * that matched, hedged or distanced claim wording, a description of a condition, whether the
 * sentence is about health), trained on the labelled articles by `scripts/train-claims.mjs`
 * (which writes `knowledge/citationModel.json`; nothing is learnt at run time). It has the last
 * word on every uncovered sentence that is not a question, instruction, visit description or
 * flagged claim: it adds recall on wording no cue covers and sets aside cue matches that, in
 * their sentence, state nothing a source could back.
 */
export interface CitationModel {
  /** What the weights were trained on, and how they were validated. */
  about?: string;
  bias: number;
  /** Report when the probability is at least this. */
  threshold: number;
  weights: Record<string, number>;
}

/**
 * The bundles ship the weights packed (`scripts/build.mjs`): their names joined by "\n" and
 * their values in the same order, which start-up turns into the weight map directly (an object
 * of 12,000 keys took about 15 ms to create and convert without the code cache, and about 8 ms
 * of a server start with it). The TypeScript output imports the JSON as written.
 */
export interface PackedCitationModel {
  about?: string;
  bias: number;
  threshold: number;
  names: string;
  values: number[];
}

const weightMaps = new WeakMap<CitationModel, Map<string, number>>();

/** The model packed for the bundles (`scripts/build.mjs` calls this; `fromShipped` undoes it). */
export function packCitationModel(m: CitationModel): PackedCitationModel {
  const names = Object.keys(m.weights);
  if (names.some((n) => n.includes('\n'))) throw new Error('packCitationModel: a feature name holds a line break');
  return { about: m.about, bias: m.bias, threshold: m.threshold, names: names.join('\n'), values: names.map((n) => m.weights[n]) };
}

/** A model as shipped: packed by the bundles, or as written. */
export function fromShipped(x: CitationModel | PackedCitationModel): CitationModel {
  if (!('names' in x)) return x;
  const names = x.names.length ? x.names.split('\n') : [];
  const map = new Map<string, number>();
  for (let i = 0; i < names.length; i++) map.set(names[i], x.values[i]);
  let weights: Record<string, number> | undefined;
  const model = { about: x.about, bias: x.bias, threshold: x.threshold } as CitationModel;
  Object.defineProperty(model, 'weights', { enumerable: true, get: () => (weights ??= Object.fromEntries(map)) });
  weightMaps.set(model, map);
  return model;
}

let current: CitationModel | null = fromShipped(shipped as CitationModel | PackedCitationModel);

/** Replaces the model (the evaluation's cross-validation trains one per held-out article); `null` turns it off. */
export function setCitationModel(model: CitationModel | null): void {
  current = model;
  verdicts.clear();
}

/** Verdicts of the current model by sentence text: an edited document re-lints mostly unchanged sentences. */
const verdicts = new Map<string, ModelVerdict & { needed: boolean }>();

export function citationModel(): CitationModel | null {
  return current;
}

/** The weights as a Map (faster than a large object's keys), built once per model. */
function weightMap(model: CitationModel): Map<string, number> {
  let m = weightMaps.get(model);
  if (!m) {
    m = new Map(Object.entries(model.weights));
    weightMaps.set(model, m);
  }
  return m;
}

export interface ModelVerdict {
  probability: number;
  /** The features that pushed the score up most, strongest first. */
  reasons: string[];
}

/**
 * Whether the classifier may be asked about a sentence at all: a sentence rather than a title
 * or a label (it ends in a full stop or an exclamation mark), not a disclosure ("this use is
 * off-label"). The caller also leaves out sentences whose claim wording the author distances.
 */
export function askable(sentence: string): boolean {
  // Longer than any sentence the classifier learnt from: a run-on block, not a statement.
  if (sentence.length > MAX_SENTENCE) return false;
  const text = sentence.trimEnd().replace(/["'”’)\]*]+$/u, '');
  const last = text.charCodeAt(text.length - 1);
  if (last !== 46 && last !== 33) return false;
  return !isDisclosure(sentence);
}

const MAX_SENTENCE = 1500;

const CONSEQUENCE = /^\W*(?:given|therefore|thus|hence|so|for this reason|for these reasons|as a result|because of this|this means|in short)\b/iu;

/**
 * A conclusion drawn from the cited sentence before it ("... lasting two weeks.² Given its rapid
 * onset, ketamine may be considered ..."): the classifier is not asked about it (a cue still
 * flags it: "For this reason, experts agree ...").
 */
/** The sentence before this one in its paragraph, if any. */
export function previousSentence(article: Article, sentence: Sentence): Sentence | undefined {
  const block = article.blocks[sentence.blockIndex];
  const i = block.sentences.indexOf(sentence);
  return i > 0 ? block.sentences[i - 1] : undefined;
}

/**
 * Whether the classifier may be asked about a sentence in its article: about health (see
 * `healthAnchored`), and not a conclusion drawn from the cited sentence before it.
 */
export function askableInArticle(article: Article, sentence: Sentence): boolean {
  if (sentence.text.length > MAX_SENTENCE || concludesFromCited(article, sentence)) return false;
  return healthAnchored(sentence.text, previousSentence(article, sentence)?.text);
}

export function concludesFromCited(article: Article, sentence: Sentence): boolean {
  if (!CONSEQUENCE.test(sentence.text)) return false;
  const block = article.blocks[sentence.blockIndex];
  const i = block.sentences.indexOf(sentence);
  return i > 0 && block.sentences[i - 1].markers.length > 0;
}

/**
 * What can be known of a sentence on its own, with no article around it: its cue, whether it
 * describes a condition, whether it is about health. Claim wording is taken as the author's.
 */
export function contextAlone(sentence: string): SentenceContext {
  return { cue: evidenceCue(sentence)?.family, hedged: false, distanced: false, describes: describesCondition(sentence), inArticle: healthAnchored(sentence) };
}

/** The model's probability that a sentence, read on its own (`contextAlone`), needs a source. */
export function scoreSentence(sentence: string, model: CitationModel | null = current): ModelVerdict | undefined {
  if (!model) return undefined;
  return weigh(stackedFeatures(sentence, contextAlone(sentence)), model);
}

/**
 * What the missing-citation rule knows of a sentence besides its words; the classifier weighs
 * it with them (features named `stk:`). Training (`scripts/train-claims.mjs`) and the rule
 * build it the same way.
 */
export interface SentenceContext {
  /** The family of the sentence's first evidence cue (`evidence.ts`), if any. */
  cue?: CueFamily;
  /** That cue asks for its source whatever the classifier reads (`explicitCue`); not a feature. */
  explicit?: boolean;
  /** Citable claim wording the author hedges ("may help"). */
  hedged: boolean;
  /** Claim wording the author negates, quotes or attributes. */
  distanced: boolean;
  /** What a condition is or feels like (`describesCondition`). */
  describes: boolean;
  /** About health and not a conclusion drawn from the cited sentence before it (`askableInArticle`). */
  inArticle: boolean;
}

/** Cue families the classifier does not overrule: the sentence itself appeals to evidence ("Studies show", "experts agree"). */
export const EXPLICIT_CUES: ReadonlySet<CueFamily> = new Set<CueFamily>(['study', 'consensus']);

/**
 * Safety cues that appeal to a record, as a study does: "has been used safely for decades",
 * "can be safely used by most women". Every such sentence of the labelled articles needs its
 * source; the other safety cues ("generally safe", "well tolerated") the classifier weighs.
 */
const SAFETY_RECORD = /^(?:used safely|safely used)$/i;

/**
 * Effect cues that state a relative risk ("double your odds of quitting", "doubles the chance of
 * a fall"): a figure from a study, whatever words carry it. Every such sentence of the labelled
 * articles that no marker covers needs its source, or is the seller's claim.
 */
const RELATIVE_RISK = /^(?:double|doubles|doubled|triple|triples|tripled|halve|halves|halved) (?:your|the|their) (?:odds|chance|chances|risk|likelihood)$/i;

/**
 * A statistic cue of how many a condition affects, with a figure: "affects 125 million people",
 * "affects about 1 in 5" (not "affects one eye").
 */
const PREVALENCE = /^affects? (?!one$|a substantial$)/i;

/** Whether a cue asks for its source whatever the classifier reads: an appeal to studies, consensus, a safety record or a relative risk. */
export function explicitCue(cue: { family: CueFamily; text: string } | undefined): boolean {
  if (!cue) return false;
  const text = cue.text.replace(/\s+/g, ' ');
  return EXPLICIT_CUES.has(cue.family) || (cue.family === 'safety' && SAFETY_RECORD.test(text)) || (cue.family === 'effect' && RELATIVE_RISK.test(text)) || (cue.family === 'statistic' && PREVALENCE.test(text));
}

/**
 * Whether missing-citation reports a sentence, from its context and the classifier's probability:
 * an explicit appeal to evidence always; otherwise the classifier at its threshold, but never
 * claim wording the author distances when no cue or hedged claim is there ("It has not been
 * proven that ..." is not the author's statement). The rule and the training's cross-validation
 * both decide with this.
 */
export function reportsNeed(ctx: SentenceContext, probability: number, threshold: number): boolean {
  if (ctx.cue && (EXPLICIT_CUES.has(ctx.cue) || ctx.explicit)) return true;
  if (ctx.distanced && !ctx.cue && !ctx.hedged) return false;
  // A sentence with no cue that names nothing of health is asked more of.
  if (!ctx.inArticle && !ctx.cue && !ctx.hedged) return probability >= threshold + UNANCHORED_MARGIN;
  return probability >= threshold;
}

/** What a sentence with no cue and nothing of health in it needs above the threshold. */
export const UNANCHORED_MARGIN = 0.1;

/**
 * The features of a sentence in its context: its words' and structure's (`base`, its
 * `sentenceFeatures` when the caller has them), and the rules' verdicts.
 */
export function stackedFeatures(sentence: string, ctx: SentenceContext, base?: readonly string[]): string[] {
  const f = base ? base.slice() : sentenceFeatures(sentence);
  const full = askable(sentence);
  if (ctx.cue || ctx.hedged) f.push('stk:rule');
  if (ctx.cue) f.push('stk:cue', `stk:cue:${ctx.cue}`);
  if (ctx.hedged) f.push('stk:hedged');
  if (ctx.distanced) f.push('stk:distanced');
  if (ctx.describes) f.push('stk:describes');
  if (!full) f.push('stk:unaskable');
  if (!ctx.inArticle) f.push('stk:unaskableArt');
  if (full && ctx.inArticle && !ctx.distanced && f.includes(GATE)) f.push('stk:open');
  return f;
}

/** The probability of a feature list under a model, and the features that pushed it up most. */
export function weigh(features: readonly string[], model: CitationModel): ModelVerdict {
  let z = model.bias;
  const contributions: [string, number][] = [];
  const weights = weightMap(model);
  for (const name of features) {
    const w = weights.get(name);
    if (w === undefined) continue;
    z += w;
    if (w > 0) contributions.push([name, w]);
  }
  contributions.sort((a, b) => b[1] - a[1]);
  return { probability: 1 / (1 + Math.exp(-z)), reasons: contributions.slice(0, 3).map((c) => c[0]) };
}

/**
 * The classifier's verdict on a sentence in its context (`stackedFeatures`): the probability
 * that it needs a source, and whether that reaches the model's threshold. Verdicts of the
 * current model are kept by sentence text and context: an edited document re-lints mostly
 * unchanged sentences.
 */
export function citationNeed(sentence: string, ctx: SentenceContext, model: CitationModel, base?: () => string[]): ModelVerdict & { needed: boolean } {
  const cacheable = model === current;
  const key = cacheable ? `${ctx.cue ?? ''}${+ctx.hedged}${+ctx.distanced}${+ctx.describes}${+ctx.inArticle}\u0000${sentence}` : '';
  const known = cacheable ? verdicts.get(key) : undefined;
  if (known) return known;
  const v = weigh(stackedFeatures(sentence, ctx, base?.()), model);
  const verdict = { ...v, needed: v.probability >= model.threshold };
  if (cacheable) {
    if (verdicts.size > 5000) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Whether the model says the sentence, read on its own (`contextAlone`), needs a source. */
export function modelNeedsCitation(sentence: string, model: CitationModel | null = current): ModelVerdict | undefined {
  if (!model) return undefined;
  const v = scoreSentence(sentence, model);
  return v && v.probability >= model.threshold ? v : undefined;
}
