import type { Span } from '../types';
import { lemma, type StructuredWord, structuredWords, verbIndex } from './structure';
import { L, rx } from '../text/letters';

/**
 * Claims recognised by the structure of a sentence rather than by a phrase of the lexicon:
 *
 * - the advertiser's own service as the subject ("Our drops ...", "Patients on our program
 *   ...", "We ...") with an unhedged predicate that states an outcome for health ("restore full
 *   lung function", "ends childhood migraine", "lose up to 20%"), a superlative or a comparison
 *   ("the highest pregnancy rates", "3 times faster than"), an absolute ("never", "every", "100%",
 *   "completely") or safety ("safe", "painless");
 * - a promise to the reader: "you" or "your ..." with "will" and an outcome or an absolute
 *   ("your child will never miss another day");
 * - customers as witnesses: clients, patients, members... (the advertiser's, or counted: "many",
 *   "thousands of") saying, reporting or feeling an outcome ("Many users tell us their cravings
 *   vanished");
 * - a customer's own words: a quotation in the first person, or one attributed to someone
 *   ("..., says her mum"), that tells of a recovery ("my fatigue was gone", "I felt twenty-five
 *   again", "she hasn't missed a single day of school", "I'm a new man").
 *
 * Each finding names the lexicon entry whose category, basis and sources it carries; the
 * context (negation, quotation, attribution, hedge, citation) is then judged as for any hit.
 */

export type StructuralKind = 'outcome' | 'superiority' | 'superlative' | 'absolute' | 'safety' | 'testimonial' | 'guarantee';

/** The lexicon entry each kind reports as. */
export const STRUCTURAL_ENTRY: Record<StructuralKind, string> = {
  outcome: 'outcome-promise',
  superiority: 'superiority',
  superlative: 'superlative',
  absolute: 'works-for-everyone',
  safety: 'is-safe',
  testimonial: 'testimonial',
  guarantee: 'guarantee',
};

export interface StructuralClaim extends Span {
  kind: StructuralKind;
}

/**
 * Cheap prefilter: the words these structures need, as the regular expression
 * `(?<![${L}])(?:our|we|you|your|will|clients?|customers?|patients|members|users|graduates|families|parents)(?![${L}])|['’]ll(?![${L}])`
 * with flags `iu` would find them in `text[0, end)` (`PREFILTER` in the tests): a word is a whole
 * run of letters (`L`, text/letters.ts). Read by hand, the text's runs of letters one by one: that
 * regular expression, with a lookbehind at every position, cost more than the rest of the
 * structures together.
 */
const PREFILTER_WORDS = new Set(['our', 'we', 'you', 'your', 'will', 'client', 'clients', 'customer', 'customers', 'patients', 'members', 'users', 'graduates', 'families', 'parents']);
/** The words' hashes (ASCII letters, lower case), and that of "ll": most words are looked at no further. */
const PREFILTER_HASHES = new Set([...PREFILTER_WORDS, 'll'].map((w) => [...w].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0)));

const LETTER = rx.u`[${L}]`;
const letterCache = new Map<number, boolean>();
function isLetter(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  let l = letterCache.get(cp);
  if (l === undefined) letterCache.set(cp, (l = LETTER.test(String.fromCodePoint(cp))));
  return l;
}

/** The code point at `i` of `text[0, end)` (a surrogate pair cut by `end` is a lone surrogate). */
function codePointBefore(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

export function hasPrefilterWord(text: string, end: number): boolean {
  let i = 0;
  while (i < end) {
    let cp = codePointBefore(text, i, end);
    if (!isLetter(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let ascii = true;
    let h = 0;
    do {
      if (cp >= 128) ascii = false;
      else h = (Math.imul(h, 31) + (cp | 32)) | 0;
      i += cp > 0xffff ? 2 : 1;
      if (i >= end) break;
      cp = codePointBefore(text, i, end);
    } while (isLetter(cp));
    const len = i - start;
    if (len < 2 || len > 9 || (ascii && !PREFILTER_HASHES.has(h))) continue;
    // Case-insensitive as the flag `iu` compares: simple case folding, where the long s folds to "s".
    let word = text.slice(start, i);
    word = (ascii ? word : word.replace(/\u017f/g, 's')).toLowerCase();
    if (PREFILTER_WORDS.has(word)) return true;
    if (word === 'll' && start > 0 && (text.charCodeAt(start - 1) === 39 || text.charCodeAt(start - 1) === 0x2019)) return true;
  }
  return false;
}

const PREFILTER_SPAN = 80;
const MAX_READ = 1500;
const CUSTOMERS = new Set(['client', 'clients', 'customer', 'customers', 'patients', 'members', 'users', 'graduates', 'families', 'parents']);
/** Witness verbs that also say how often an effect is felt. */
const FELT = new Set(['notice', 'noticed', 'feel', 'felt', 'find', 'found', 'describe']);
const COUNTED = new Set(['our', 'regular', 'many', 'most', 'thousands', 'hundreds', 'millions', 'countless', 'all']);
const WITNESS_VERBS = new Set(['say', 'says', 'said', 'report', 'reports', 'reported', 'tell', 'told', 'find', 'found', 'notice', 'noticed', 'feel', 'felt', 'rave', 'swear', 'describe', 'describes', 'love']);
const WITNESSED = new Set(['cond', 'outcome', 'effect', 'assess', 'body', 'comp']);

/** Hedges and attitudes: "may help", "can reduce", "is designed to", "we hope you will". */
const HEDGES = new Set([
  'may', 'might', 'could', 'can', 'help', 'helps', 'helped', 'aim', 'aims', 'designed', 'try', 'tries', 'support', 'supports', 'should', 'would', 'hope', 'hopes',
  'believe', 'believes', 'think', 'want', 'wants', 'wish', 'strive', 'strives', 'plan', 'plans', 'intend', 'intends', 'expect',
]);
/**
 * Outcomes promised as fact: verbs of cure, reversal and restoration, not the measured verbs
 * ("reduces symptoms", "improves sleep") that the lexicon's own rewordings use.
 */
const PROMISED = new Set(
  [
    'eliminate', 'reverse', 'restore', 'regrow', 'regenerate', 'rebuild', 'heal', 'end', 'stop', 'cure', 'fix', 'erase', 'rewire', 'reset', 'flush', 'realign',
    'transform', 'banish', 'eradicate', 'destroy', 'repair', 'clear', 'lose', 'double', 'triple', 'prevent', 'put',
  ].map(lemma),
);
const NEGATIONS = new Set(['not', "n't", 'no', 'nor', "don't", "doesn't", "didn't", "won't", "isn't", "aren't", 'cannot', "can't"]);
const SUPERLATIVES = new Set(['most', 'best', 'highest', 'fastest', 'safest', 'strongest', 'greatest', 'only', 'leading', 'top', 'unmatched', 'unrivalled', 'unrivaled', 'unbeatable']);
const BARE_SUPERLATIVES = new Set(['leading', 'unmatched', 'unrivalled', 'unrivaled', 'unbeatable']);
const DEFINITE = rx.u`^(?:the|our|its|their|[${L}]+['’]s)$`;
/** "our highest number ever": a count of the service's work, not a rank of its results. */
const COUNTS = new Set(['number', 'numbers', 'total', 'figure', 'figures', 'count', 'attendance', 'turnout', 'uptake']);
/** "the most commonly performed weight-loss operation": how often, a statistic (missing-citation's), not a rank. */
const HOW_OFTEN = new Set(['common', 'commonly', 'frequent', 'frequently', 'often', 'widely', 'prescribed', 'performed', 'used']);
const COMPARATIVE_HEADS = new Set(['faster', 'better', 'quicker', 'stronger', 'safer', 'longer', 'more', 'fewer', 'less', 'higher', 'lower', 'greater', 'times', 'twice']);
const ABSOLUTES = new Set(['never', 'always', 'every', 'everyone', 'everybody', 'forever', 'permanently', 'completely', 'totally', 'entirely', 'guaranteed', 'guarantee', 'guarantees', 'instantly', 'perfectly', 'zero', '100%']);
/** Absolutes that are claims whatever follows them. */
const ALWAYS_ABSOLUTE = new Set(['guaranteed', 'guarantee', 'guarantees', 'instantly']);
/** "never", "always": absolute when the rest of the predicate is about health or time ("never miss another day", not "always answer your questions"). */
const TEMPORAL_ABSOLUTE = new Set(['never', 'always', 'forever', 'permanently']);
const HEALTH_OR_TIME = new Set(['cond', 'outcome', 'body', 'effect', 'assess', 'pop', 'treat', 'drug', 'time', 'num']);
/** What makes "every", "completely", "100%", "zero" an absolute about health: "every client", "completely painless", "zero effort". */
const ABSOLUTE_OF = new Set(['pop', 'cond', 'outcome', 'effect', 'assess', 'body']);
const ABSOLUTE_WORDS = new Set(['pure', 'natural', 'effort', 'effortless', 'side', 'risk', 'painless', 'safe', 'effective', 'heart', 'hearts', 'word', 'sign', 'trace', 'scar-free', 'scarless', 'pain-free', 'risk-free', 'irritation', 'scarring', 'downtime']);
const SAFETY = new Set(['safe', 'painless', 'harmless', 'risk-free', 'non-toxic', 'nontoxic', 'side-effect-free']);
/** Classes that make an effect verb's object a matter of health. */
const HEALTH = new Set(['cond', 'outcome', 'body', 'num', 'drug']);
/** "you will be asked to ...": what the reader is told or given at the visit. */
const INSTRUCTED = new Set(['asked', 'told', 'given', 'advised', 'offered', 'invited', 'shown', 'sent', 'referred', 'encouraged']);
/** Verbs that say what a service offers. */
const OFFERING = new Set(['offer', 'offers', 'provide', 'provides']);
/** Where a predicate stops: a new clause or a purpose ("so you can ..."). */
const CLAUSE_END = new Set(['but', 'while', 'whereas', 'although', 'though', 'because', 'if', 'when', 'unless', 'so']);

/** Structural claims in one sentence (offsets in the sentence). */
export function structuralClaims(sentence: string): StructuralClaim[] {
  const quoted = quotedTestimonial(sentence) ?? caseHistory(sentence) ?? recoveryPromise(sentence);
  if (quoted) return [quoted];
  const bySubject = subjectClaims(sentence);
  if (bySubject.length) return bySubject;
  const placed = placeSuperlative(sentence) ?? brandComparison(sentence);
  return placed ? [placed] : [];
}

/**
 * A seller's product set against the competition: "Unlike glucosamine, which takes months to
 * work, FlexiShot starts easing stiff joints within days". The subject is a brand written as
 * one word with an inner capital; "Unlike SSRIs, ketamine is not habit-forming" compares two
 * treatments plainly (evidence, for missing-citation).
 */
const BRAND_COMPARISON = rx.u`^\s*Unlike [^,.;:!?]{2,60},(?: (?:which|who|that) [^,.;:!?]{2,80},)? (?:the |our |my )?\p{Lu}\p{Ll}+\p{Lu}[${L}]*(?![${L}])(?! (?:uses|use|is made|are made|contains|contain|comes|come|combines|combine|relies|rely|works by|is applied|are applied|is a |is an )(?![${L}]))`;

/** What sets the seller's own product above the rest after "Unlike ...": a comparison of results. */
const OWN_OUTCOME = rx.u`(?<![${L}])(?:far |much |many times )?(?:more|better|faster|quicker|longer|stronger|safer|less|fewer|twice|three times)(?![${L}])(?! than \d)`;

/** The same with the seller's own product: "Unlike drinks and tablets, our patch ...". */
const OWN_COMPARISON = rx.u`^\s*Unlike [^,.;:!?]{2,60},(?: (?:which|who|that) [^,.;:!?]{2,80},)? (?:our|my) [${L}-]+(?![${L}])`;

function brandComparison(sentence: string): StructuralClaim | undefined {
  if (!/^\s*Unlike /.test(sentence)) return undefined;
  // The seller's own product is compared when an outcome is set above the rest ("you absorb far
  // more"), not when how it is made or how the clinic works is contrasted.
  let m = BRAND_COMPARISON.exec(sentence);
  if (!m) {
    const own = OWN_COMPARISON.exec(sentence);
    if (own && OWN_OUTCOME.test(sentence.slice(own.index + own[0].length))) m = own;
  }
  return m ? { kind: 'superiority', start: m.index + m[0].search(/\S/), end: m.index + m[0].length } : undefined;
}

/**
 * Words the structures below cannot match without: each structure is tried only where its gate,
 * a plain alternation of literals (far cheaper than a pattern with look-behinds tried at every
 * position), finds one.
 */
const REPORTED_GATE = /say|said|tell|told|report|wrote/i;
const QUOTE_GATE = /["“”]/;
/** What every named case history starts with: "After ...", a name and a comma, "had", "from <Place>", "was diagnosed with" or "cut his/her", "our client", "my patient". */
const NAMED_GATE = rx.u`^\s*(?:[Aa]fter |\p{Lu}[${L}]+(?:, | had | from \p{Lu}| was diagnosed with | (?:cut|lost|dropped|reduced|reversed|halved|brought) (?:his|her|their) ))|[Oo]ur (?:client|patient|customer|member) |[Mm]y (?:client|patient|customer|member) `;
const CASE_GATE = /patient|client|customer|member|mum|dad|parent|came to|after|of our |of my |regular|visitor|guest| who | on,? (?:he|she)| later,? (?:he|she)| (?:i|we) (?:saw|treated|see|met|looked after)/i;
/**
 * What each alternative of `CASE_HISTORY` holds, with its flags (a "patient" alone, as in
 * "patient-centred", passes `CASE_GATE` but cannot start a case history): "of my ", "a patient",
 * " who ", "came to ", "after", a unit of time.
 */
const CASE_WORDS = /of (?:my|our) |(?:one|a) (?:client|patient|customer|mum|dad|parent|regular|member|visitor|guest)| who |came to |after|year|month|week| (?:i|we) (?:saw|treated|see|met|looked after)/iu;
const PROMISE_GATE = /you|left |will be|will never|will keep|will (?:disappear|vanish|go away|stop|clear|melt|see)|['’]ll see/i;
const SUPERLATIVE_GATE = /est|most|rated/i;
const RANK_GATE = /['’]s |s['’] /;
/** What `NAMED_OUTCOME` ends with, and what `PLACE_RANK` names (both patterns are case-sensitive). */
const NAMED_OUTCOME_WORDS = ['vanished', 'disappeared', 'gone', 'cleared'];
/** "Britain's No. 1": a rank that needs no noun after it. */
const NUMBER_ONE = /no\.? ?1|number one|#1/i;
const PLACE_RANK_WORDS = ['clinic', 'programme', 'program', 'centre', 'center', 'practice', 'provider', 'service', 'team', 'destination', 'choice', 'specialist', 'surgeon', 'doctor', 'dentist', 'physio', 'practitioner', 'expert', 'salon', 'studio', 'spa', 'pharmacy', 'brand', 'audiologist', 'optician', 'optometrist', 'podiatrist', 'chiropractor', 'osteopath', 'dermatologist', 'orthodontist', 'therapist', 'dietitian', 'nutritionist'];
const includesAny = (text: string, words: readonly string[]): boolean => words.some((w) => text.includes(w));

const HOW_OPENER = /^\s*how /i;

/** A place or setting before the subject: "At Bright Beginnings, ", "Here at our clinic, ", "With our plan, ". */
const LEADING_PLACE = /^\s*(?:(?:here )?at|in|with) [^,.;:!?]{1,60}, /i;

/** The structures that start from the subject: the advertiser's service, the reader, customers. */
function subjectClaims(sentence: string): StructuralClaim[] {
  // "How we keep you safe": what a page goes on to describe, no claim (after blind sets 262 to 265).
  if (HOW_OPENER.test(sentence)) return [];
  // The subject these structures need comes first: look for its words near the start only.
  if (!hasPrefilterWord(sentence, Math.min(sentence.length, PREFILTER_SPAN))) return [];
  // "At Bright Beginnings, our IUI program gives ...": the subject follows a place set off by a comma.
  const place = LEADING_PLACE.exec(sentence);
  if (place) {
    const rest = subjectClaims(sentence.slice(place[0].length));
    if (rest.length) return rest.map((c) => ({ ...c, start: c.start + place[0].length, end: c.end + place[0].length }));
  }
  // The structures live in a sentence's first clauses: a run-on block is read as far as a long sentence goes.
  const words = structuredWords(sentence.length > MAX_READ ? sentence.slice(0, MAX_READ) : sentence);
  if (words.length < 3) return [];
  // "Our results beat PRP injections", "our protocol outperforms surgery": the seller's results set above the rest.
  const beats = words.findIndex((w, i) => i > 0 && i < 5 && BEATS.has(w.lemma));
  // ("Our hearts beat faster": the body, not the service.)
  if (beats > 0 && words.slice(0, beats).some((w) => w.token.lower === 'our' || w.token.lower === 'we') && !words.slice(0, beats).some((w) => w.cls === 'body' || /^hearts?$/.test(w.token.lower))) {
    return [{ kind: 'superiority', start: words[0].token.start, end: words[Math.min(words.length - 1, beats + 2)].token.end }];
  }
  const v = verbIndex(words);
  if (v >= words.length) return [];
  const subject = words.slice(0, v);
  const witness = testimonial(words);
  if (witness) return [witness];
  // "Our bodies", "our skin": everyone's, not the advertiser's service.
  // "my": a practitioner's own page ("my fertility massage doubles your chances"); a customer's words are read as testimonials before this.
  const own = subject.some((w, i) => w.token.lower === 'we' || ((w.token.lower === 'our' || w.token.lower === 'my') && subject[i + 1]?.cls !== 'body'));
  const reader = !own && subject.some((w) => w.cls === 'second');
  if (!own && !reader) return [];
  // "Graduates of our program never feel ...": adverbs and modals before the verb belong to the predicate.
  let from = v;
  while (from > 1 && (words[from - 1].cls === 'neg' || words[from - 1].cls === 'freq' || words[from - 1].cls === 'modal')) from--;
  let end = words.length;
  for (let i = v + 1; i < words.length; i++) if (CLAUSE_END.has(words[i].token.lower)) end = Math.min(end, i);
  const predicate = words.slice(from, end);
  // "may help", "can reduce", "is designed to": hedged; "does not cure": negated.
  // (An attitude verb the word lists do not know may be taken for part of the subject: "Our doctors hope you will ...".)
  const head = [...subject.slice(1), ...predicate.slice(0, 3)];
  // "designed to" is a hedge; "digitally designed splints" is a description.
  const hedge = (w: StructuredWord, k: number): boolean => HEDGES.has(w.token.lower) && !(w.token.lower === 'designed' && head[k + 1]?.token.lower !== 'to');
  if (head.some((w, k) => hedge(w, k) || NEGATIONS.has(w.token.lower))) return [];
  if (reader && !predicate.slice(0, 2).some((w) => w.token.lower === 'will' || /['’]ll$/.test(w.token.lower))) return [];
  // "You will usually be asked to rest your voice completely": how care goes, not an outcome.
  if (reader && predicate.slice(0, 5).some((w, k, ws) => w.token.lower === 'be' && INSTRUCTED.has(ws[k + 1]?.token.lower ?? ''))) return [];
  const found = classify(predicate, reader);
  if (!found) return [];
  // "Our nutrition coaches offer a structured, fully supported way to lose weight": what the
  // clinic offers, not an outcome promised (a "proven" way is the lexicon's).
  // (A noun that is also a verb may be taken for the verb: "coaches offer".)
  if (found.kind === 'outcome' && predicate.slice(0, 2).some((w) => OFFERING.has(w.token.lower))) return [];
  return [{ kind: found.kind, start: predicate[0].token.start, end: found.last.token.end }];
}

/** A sentence that opens or closes a quotation, quotes and attributes it ("...," says Jo), or closes it with a signature in parentheses ("(a patient from Church Lane)"). */
const QUOTE_EDGE = /^[\s★☆*]*["“]|["”]\s*$|["”][.!]?\s*$|["”],?\s+(?:says|said|writes|wrote|explains|adds|tells us)\b|["”]\s*[-–—]\s*\p{Lu}|["”]\s*\([^()"“”]{2,60}\)\s*$/u;
const QUOTE_FIRST_PERSON = rx.u`(?<![${L}'’])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|[Mm]y|[Mm]e|[Mm]yself|[Oo]ur|[Ww]e)(?![${L}'’])`;
const WHOLLY_QUOTED = /^\s*["“][^"“”]+["”]\s*$|^[^"“”]+[.!?]["”]\s*$/u;
const OPENS_QUOTATION = /^\s*["“][^"“”]*$/u;
/** A star-rated review's words: '★★★★☆ "Took a couple of weeks ..." Sam, verified buyer'. */
const STAR_REVIEW = /^\s*[★☆]{3,5}[\s*]*["“]/u;
const ATTRIBUTED = /["”],?\s+(?:says|said|writes|wrote|explains|adds|tells us)\b|["”]\s*[-–—]\s*\p{Lu}/u;
/** How a customer tells of a recovery: a symptom gone, a life back to normal, "again". */
/** When no recovery word is found: a result dated by the treatment ("for the first time in years", "after just one treatment", "three weeks in and"). */
/** The same with the product's name (case matters: "since switching to HydraMax", "thanks to FocusBites"). */
const RECOVERY_BRAND = rx.u`(?<![${L}])(?:[Ss]ince (?:switching|starting|installing|using|taking|trying|getting|wearing|joining) (?:to )?(?:the )?\p{Lu}[${L}]+|(?:[Ww]eeks?|[Mm]onths?|[Dd]ays?|[Nn]ights?) (?:with|on|of) (?:\p{Lu}[${L}]+|the plan|the programme|the program) and (?:I|I['’]m|my|we|he|she)(?![${L}])|[Tt]hanks to \p{Lu}[${L}]+|(?:[Aa]fter|[Ww]ithin) (?:a|one|two|three|four|six|\d+) (?:weeks?|months?) (?:with|on|of|using) (?:the |my )?\p{Lu}[${L}]+(?![${L}]),? (?:I|I['’]m|my|we)(?![${L}]))`;
const RECOVERY_DATED = /(?<![a-z])(?:(?:haven['’]t|hasn['’]t) (?:touched|needed|taken|used) (?:a|any|my)\b|never (?:looked|felt|been) (?:this|so) [a-z]+|(?:haven['’]t|hasn['’]t|didn['’]t) [a-z]+ (?:once|a single [a-z]+) since|(?:sharper|smoother|clearer|younger|slimmer|thinner|thicker|firmer|tighter|fitter|stronger|better|more energy|more confidence) now than|kept asking (?:if|whether|what)|a whole new life|(?:got|had|have) our (?:positive|bfp)\b|(?:saw|seen|see|heard|hear|felt|smelled|smelt|tasted|walked|ran|slept|breathed|danced)\b[^."”]{0,60}?\bfor the first time\b|sorted (?:out|me out|it out)\b|gave (?:us|me) (?:our|my) (?:daughter|son|baby|babies|twins|family|little (?:girl|boy))\b|for the first time since|for the first time in (?:years|ages|decades|a decade|months|\d+ years|[a-z]+ years)|after (?:just |only )?(?:(?:my|our|her|his|the) )?(?:one|a single|a few|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+|first|second|third)(?: [a-z-]+)?? (?:treatments?|sessions?|visits?|drips?|appointments?|kits?|bottles?|jars?|courses?|tubs?|boxes?|packs?|pots?|chats?|calls?|classes|baths?)(?![a-z])|sorted in (?:just |only )?(?:one|a single|a few|two|three|four|five|six|\d+) (?:visits?|sessions?|treatments?|appointments?)\b|(?:hadn['’]t|had not|couldn['’]t|could not) [a-z]+(?: [a-z]+)? (?:for|in) (?:over |more than |nearly |almost )?(?:\d+|[a-z]+) (?:years|months|decades)\b[^"”.]{0,20}\band (?:now|last|this|then|finally|i|we)\b|than (?:it|they|i|we)(?:['’](?:s|d|ve))?(?: (?:has|have|had))? been (?:since|in (?:years|ages|decades)|for (?:years|ages|decades))|(?:weeks?|months?|days?|sessions?|treatments?) in,? (?:and|i|my|we)(?![a-z]))/i;
/**
 * Outcomes in plain words that the lists above miss (after blind sets 170 to 177): "haven't needed
 * them since", "I didn't sneeze once", "finally off my antidepressants", "his skin has been clear
 * ever since", "my heels don't ache at all now", "no puffiness at all", "much better than the
 * levothyroxine my doctor gave me"); after blind sets 218 to 221, a fertility clinic's or
 * supplement's customers' babies ("got my positive test in March", "our twins were born last
 * spring", "our little boy Oscar is now 18 months old", "My daughter turned two last month"), a
 * season come through ("we sailed through flu season"), and aches gone "any more"; after blind
 * sets 222 to 245, symptoms gone or lessened ("No more bloating", "less gassy now", "Smell gone",
 * "Zero pain", "zero leaks for a whole year"), sleep and energy ("out like a light", "the energy I
 * had at thirty-five"), a rival bettered ("Better than two years of therapy"), a problem fixed or
 * healed ("found the problem ... and fixed it", "couldn't believe how quickly it healed"); after
 * blind sets 246 to 249, a lift bettered ("Added 20 kg to my deadlift"), "it's made a big
 * difference", and a rival the customer's own professional sold ("better than the $5,000 pair my
 * audiologist sold me"); after blind sets 250 to 253, "not one headache", "My brain fog lifted
 * completely", "couldn't believe the improvement", "left a different person", "The evening
 * screaming just stopped", "was sleeping 7pm to 7am"; after blind sets 254 to 257, "couldn't
 * believe my blood results", "much more energy", "I was off crutches in a week"; after blind
 * sets 258 to 261, "now I'm completely fluent", "Better than the speech therapist we waited a year
 * for"; after blind sets 262 to 265, "I owe her my life"; after blind sets 266 to 269, "without a
 * twinge", "sorted my knee", "we didn't need it"; after blind sets 270 to 273, "felt the fog lift",
 * "stopped needing my sertraline", "looks better than it did", "You saved my sight", "without any
 * eye strain"; after blind sets 274 to 277, "without a stick", "My grip strength has doubled"; after
 * blind sets 282 to 285, "couldn't believe my latest blood test results"; after blind sets 286 to
 * 289, "without a single tear", "sorted my tennis elbow" (each round's sentences:
 * `test/unit/claims-lexicon.test.ts`, "after blind sets ...").
 */
const RECOVERY_PLAIN = /(?<![a-z])(?:(?:haven['’]t|hasn['’]t|have not|has not) (?:needed|used|taken|touched|worn|had) (?:them|it|one|any)(?: [a-z]+)? since\b|(?:didn['’]t|haven['’]t|hasn['’]t|did not|have not) (?:[a-z]+ )?[a-z]+ (?:once|a single time)(?![a-z])|(?:haven['’]t|hasn['’]t|have not|has not) been (?:[a-z]+ )?(?:ill|sick|unwell|poorly) (?:once|a single time)(?![a-z])|finally off (?:my|the|all(?: my)?) [a-z]+|(?:been|is|are|was|stayed) (?:completely |totally |perfectly )?clear (?:ever )?since\b|(?:don['’]t|doesn['’]t|didn['’]t|do not|does not) (?:ache|hurt|itch|throb|swell|twinge|creak) at all\b|(?:don['’]t|doesn['’]t) (?:ache|hurt|itch|throb|swell|twinge|creak)\b[^.;:!?"”]{0,30}\bany ?more\b|got (?:my|our|a|that) (?:first )?(?:positive|bfp|big fat positive)\b|(?:my|our) (?:little |baby |beautiful |gorgeous )?(?:boy|girl|son|daughter|twins|triplets|baby|rainbow baby)(?: [a-z]+)? (?:was born|were born|arrived|is now \d+|is now (?:one|two|three|four|five|six|eighteen|[a-z]+ (?:months|years) old)|are now|turned (?:one|two|three|four|five|\d+))\b|sailed through (?:the )?(?:flu|cold|winter|hay fever|pollen|exam) season\b|no (?:puffiness|swelling|pain|aches?|stiffness|itching|bloating|symptoms|cravings|ringing|buzzing) at all\b|(?<=^\W*)no more (?:bloating|pain|aches?|headaches?|migraines?|cravings|heartburn|reflux|itching|breakouts|spots|flare-ups|sleepless nights|wind|constipation|tiredness|brain fog|panic attacks|hot flushes|night sweats|snoring)\b|(?:much |far |definitely |so much |a lot )?less (?:gassy|bloated|tired|anxious|achy|stiff|itchy|foggy|sluggish) (?:now|these days)\b|out like a light\b|(?<=^\W*)(?:smell|odour|odor|itch|itching|pain|spots|rash|acne|redness|swelling|bloating|cravings) (?:completely |totally )?gone\b|(?<=^\W*)zero (?:pain|downtime|side effects|scarring|bruising)\b|(?:sun damage|damage|scarring|pigmentation|wrinkles|lines) (?:completely |totally )?gone in\b|noticed (?:a|the) (?:real |big |huge |massive |definite )?difference\b|(?:zero|no) (?:leaks?|accidents?|headaches?|migraines?|flare-ups?|attacks?|seizures?) (?:for|in) (?:a whole |a |the whole |over a |over )?(?:year|month|week|\d+ (?:years|months|weeks))\b|believe how (?:quickly|fast|well) (?:it|they|my [a-z]+) (?:healed|cleared|improved|recovered)\b|(?:could|can) (?:barely|hardly) see (?:a|the|any) (?:mark|scar|trace)\b|(?:the )?energy (?:i|she|he) had (?:at|in (?:my|her|his)) [a-z0-9-]+\b|(?<=^\W*)down \d+(?:\.\d+)? ?(?:kg|kilos?|lbs?|pounds|stone|inches|dress sizes?)\b|walked out (?:buzzing|feeling (?:amazing|great|brand new|like a new [a-z]+|lighter|refreshed|transformed))\b|(?:(?:much|far|way|so much|a lot|honestly|genuinely|actually) |^\s*["“]?)better than (?:the|my|any|every|(?:one|two|three|four|five|six|ten|\d+) (?:years?|months?) of) [^."”]{0,40}?(?:tablets?|pills?|medicines?|medication|drugs?|creams?|inhalers?|painkillers|antidepressants|prescription|(?:doctor|gp|dentist|audiologist|optician|optometrist|dermatologist|specialist|consultant) (?:gave|prescribed|made|sold|fitted)|therapy|counselling|physio(?:therapy)?|whitening|treatment|facial|fillers|botox|injections|therapists?)(?![a-z])|found the problem\b[^."”]{0,30}\b(?:fixed|sorted|cured|solved) it\b|believe how much (?:my|his|her|their) [a-z]+ (?:had|has|have) improved\b|(?:added|put) (?:[a-z0-9.]+ )?(?:kg|kilos|lbs?|pounds) (?:on|to) my (?:deadlift|squat|bench(?: press)?|lifts?|pb|max)\b|(?:it['’]s|it has|this has|they['’]ve|they have) made (?:a|such a) (?:big|huge|massive|real|dramatic|definite) difference\b|not (?:one|a single) (?:headache|migraine|nosebleed|sick day|flare-up|panic attack|hot flush|cold|bite|sting|mosquito bite|insect bite)\b|(?:brain fog|the fog|fatigue|tiredness|exhaustion|low mood) (?:has |had )?(?:completely |totally )?lifted\b|(?:can['’]t|cannot|could not|couldn['’]t) believe (?:the|my) (?:latest |new |last )?(?:improvement|change|results?|blood results|test results|blood test results|scan|numbers)\b|(?:much|so much|a lot|loads|way) more energy\b|(?:was|were|am|i['’]m|got) off (?:my |the |both |all )?(?:crutches|sticks?|walking sticks?|frame|walker|painkillers|inhalers?|tablets|meds|medication)\b|(?:left|walked out|came (?:home|back)|went home) (?:as )?a (?:different|new|changed) (?:person|man|woman)\b|(?:the )?(?:screaming|crying|colic|wheezing|coughing|snoring|itching|scratching|nightmares|night terrors) (?:just |completely |totally )?stopped\b|(?:was|were|is|are|has been|have been) sleeping (?:through(?: the night)?|all night|\d{1,2} ?(?:pm|am)? to \d{1,2} ?(?:am|pm)|\d+ hours)(?![a-z])|now (?:i['’]m|i am|he['’]s|she['’]s|they['’]re) (?:completely |totally |fully )?(?:fluent|cured|pain-free|symptom-free)\b)/i;
/** A negation just before a recovery in a customer's words, which belongs to the story. */
const STORY_NEGATION = /(?<![a-z])(?:weren|wasn|didn|haven|hasn|don|isn|aren|couldn|can)['’]t\b[^."”,;:!?]{0,40}$/i;
const RECOVERY = /(?<![a-z])(?:(?:was|were|had|has|have|is|are|been) (?:completely |totally |all but |all |just |almost |fully )?(?:gone|vanished|disappeared|cleared up|faded|healed)|(?:felt|feel|feels|feeling|am|was|is) (?:like )?(?:myself|herself|himself|normal|brand new|twenty|thirty|forty|a new (?:man|woman|person)|years younger)|a new (?:man|woman|person)|(?:feel|felt|feels|feeling) like a (?:different|changed) (?:person|man|woman)|again(?![a-z])(?<!(?:buy|order|book|use|visit|recommend|try|do|see|come|go|wear)(?: (?:it|them|this|that|one|you|us|here))? again)|pain[- ]free|symptom[- ]free|no longer|(?:don['’]t|didn['’]t|doesn['’]t|hasn['’]t|haven['’]t|never) (?:miss|missed) a|finally (?:have|feel|sleep|can|got|gets|get)|(?:a )?full night['’]s sleep|(?:can|could) (?:now|finally)|(?:haven['’]t|hasn['’]t|have not|has not|never) had (?:a single|any|so much as|one|another|a|an)\b|(?:couldn['’]t|could not|could barely|was unable to|wasn['’]t able to)\b[^"”]{0,80}\bnow\b|(?:was|were|am|is|are|i['’]m) back (?:in|on|at|to|playing|running|performing|working)\b|slept (?:right )?(?:through|for|soundly|all night)|(?:had|got|have) (?:my|his|her|their) [a-z ]{1,24} back|no pain at all|(?:stopped|disappeared|vanished|went away|cleared) (?:completely|entirely|for good)|now (?:sleeps|sleep|walks|runs|plays|eats|sleeping|walking|running)|(?:days?|sessions?|weeks?|months?|treatments?|drips?) later\b|(?:said|spoke|says) (?:his|her|their) (?:very )?first (?:words?|sentences?)|never (?:looked|felt|been) (?:so )?(?:better|happier|healthier|fitter|stronger|faster|quicker|calmer|clearer|younger|good)|(?:could|can) (?:read|see|walk|run|sleep|hear|drive|swim)\b[^"”]{0,40}\b(?:after|since|the (?:morning|day|week) after)\b|(?:works|worked|feels|felt) (?:perfectly|perfect|like new|normal again)|(?:totally|completely|100%) (?:clear|healed|better|fine|normal)|i['’]m (?:sharper|fitter|stronger|healthier|happier|calmer|slimmer) than|fell pregnant|(?:didn['’]t|don['’]t|doesn['’]t|do not|no longer) (?:need|notice|take|use|ache|hurt|itch|throb|wake|struggle|limp)\b[^"”]{0,40}\bany ?more|(?:energy|stamina|skin|body) of (?:someone|a (?:woman|man|person)) half (?:my|her|his|their) age|it['’]s (?:completely |totally |all |just )?(?:gone|cleared up)|threw (?:away|out) my|not so much as|haven['’]t (?:touched|smoked|had)\b[^"”]{0,30}\bsince|(?:totally|completely) healthy|(?:is|are|am|was|were|i['’]m) finally\b|life[- ]changing|(?:haven['’]t|have not|can['’]t|couldn['’]t) stop(?:ped)? smiling|(?:woke up|felt|feeling|feel|feels) (?:absolutely |so |just )?(?:amazing|fantastic|brilliant|incredible|like new)\b|(?:dropped|lost) (?:[a-z0-9]+ )?(?:[a-z0-9]+ )?(?:dress sizes?|clothes sizes?|stones?|kg|kilos|pounds|lbs?|inches)\b|(?:has|have) improved (?:so much|dramatically|beyond)|(?:went|gone) from\b[^"”]{0,40}\bto\b|feel better than|sleep like a baby|never felt\b[^."”]{0,20}\bagain|for the first time in (?:years|[a-z]+ years|ages|months|decades)|(?:my|her|his|their) first [a-z]+ in (?:months|years|ages|[a-z]+ (?:months|years))\b|without (?:a single|any) (?:wobble|problem|issue|pain|attack|twinge|flare|relapse|leak|leaks|accident|accidents|headache|migraine|seizure|eye strain|strain|discomfort|tear|tears)|(?:zero|no more|not a single) (?:leaks?|accidents?|headaches?|migraines?|flare-ups?|attacks?|seizures?) since\b|went from\b[^"”]{0,50}\bto\b|(?:pain|aches?|symptoms|migraines?|headaches?|acne|eczema|anxiety|cravings?|spots|bloating|swelling|stiffness) (?:has |had |have |)(?:completely |totally |just |)(?:disappeared|vanished|went away|cleared up|cleared)|more energy than|(?:felt|feel) (?:so much |much )?(?:healthier|better|great|amazing|fantastic|brilliant) (?:ever since|since)|never have to worry|sleep(?:ing)? (?:right )?through|now (?:he|she|they|i) (?:falls?|sleeps?|walks?|runs?|eats?|can)\b|falls? asleep in minutes|woke up the next (?:morning|day) and (?:could|can)|my (?:[a-z'’-]+ ){1,3}(?:has |had |have )?(?:completely |totally |just |practically |virtually |almost |nearly |all but )?(?:disappeared|vanished|went away|cleared up)|(?:heard|hear|can hear) every word|(?:can['’]t|cannot|could not|couldn['’]t) believe the difference|look(?:s|ed)? (?:so |years |ten years )?(?:refreshed|younger|rejuvenated)|thanks to\b[^"”]{0,30}\b(?:i|my|we)\b|(?:had|has|have) (?:completely |totally |all )?(?:filled (?:right |back )?in|grown back)|grew back|(?:i['’]m|i am) never (?:sore|tired|ill|sick|stiff|in pain|anxious|bloated)\b|(?:better|stronger|fitter|happier|healthier|calmer|thicker|fuller|younger|sharper|clearer) than ever\b|off (?:them|it|the [a-z]+|my [a-z]+|all (?:my )?[a-z]+) (?:completely|altogether|entirely|for good)\b|with (?:zero|no) (?:headaches?|pain|symptoms|migraines?|side effects|attacks|flare-ups|cravings|nausea|sickness|problems)\b|(?:hasn['’]t|haven['’]t|has not|have not) [a-z-]+ since\b|(?:dropped|fallen|fell|come down|gone down) by (?:half|a third|two thirds|\d+ ?%)|(?:age|score|numbers?|levels?|weight|pressure|cholesterol|sugars?|readings?|a1c|hba1c) (?:has |have )?(?:dropped|fallen|fell|came down|come down|went down|gone down) (?:by|from)\b|slept (?:for )?(?:\d+|[a-z]+) (?:hours|hrs)\b|changed (?:everything|my life|our lives|his life|her life)\b|(?:put on|gained|built|added) (?:[a-z0-9]+ )?(?:pounds|lbs?|kg|kilos) of (?:lean )?muscle\b|(?:smashed|beat|broke) my (?:pb|personal best)\b|(?:knocked|took|shaved) (?:[a-z0-9]+ )?(?:seconds|minutes) off my\b|(?:jumped|improved|went up|rose) (?:by )?(?:one|two|three|four|five|\d+) (?:grade levels?|reading levels?|grades)\b|(?:didn['’]t|did not) feel a thing\b|(?:neither|none) of (?:them|us|my [a-z]+|our [a-z]+) (?:has|have) had (?:a single|any|one)\b|without a (?:scratch|mark|scar|bruise)\b|(?:i['’]m|i am|he['’]s|she['’]s|we['’]re) now (?:completely |totally |entirely )?free of\b|(?:haven['’]t|hasn['’]t) (?:touched|smoked|had|used|drunk|taken|vaped|shaved|plucked|waxed|needed)\b[^"”]{0,30}\bin (?:over |more than )?(?:\d+|[a-z]+) (?:years|months|weeks)\b|[a-z]+-free since\b|(?:today|now),? (?:i['’]m|i am) (?:clean|sober|drug-free|smoke-free|alcohol-free)\b|hardly (?:uses?|needs?|takes?) (?:his|her|my|their) [a-z]+ (?:now|any ?more)\b|my (?:[a-z-]+ ){1,2}cleared (?:up|completely|in|within)\b|(?:got|became) pregnant\b|(?:we|i) now have (?:our|my|a) (?:beautiful |healthy |little |gorgeous )?(?:daughter|son|baby|babies|twins|boy|girl)\b|stopped [a-z]+ing\b[^"”]{0,30}\b(?:completely|altogether|entirely|for good)\b|(?:has|have|had) (?:come|gone) (?:right |way |all the way )?down since\b|(?:dropped|fallen|improved|gone down|come down)\b[^."”]{0,30}\bsince (?:i|we|he|she|they) (?:started|began|switched|tried|got)\b|changed my health\b|(?:got|had|welcomed) our (?:twin [a-z]+|twins|baby (?:girl|boy)|daughter|son|little (?:girl|boy)|miracle baby|rainbow baby)\b|worked (?:from|on|after) (?:night|day|week) one\b|worked (?:from|on|after) the (?:very )?first (?:night|day|use|dose|try)\b|(?:went|gone|are|were|got|is|now) (?:[a-z0-9]+ )?shades? (?:whiter|lighter|brighter)\b|(?:much|far|so much|a lot) (?:less|more|better|easier|calmer|clearer|stronger|looser)\b[^."”]{0,30}\bsince (?:i|we|he|she) (?:started|began|switched|got|bought|tried)\b|new lease of life\b|without a (?:twinge|limp|wobble)\b|sorted (?:out )?my (?:knee|back|neck|shoulder|hip|ankle|foot|feet|pain|problem|sleep|elbow|tennis elbow|heel|wrist|achilles)\b|(?:we|i|he|she) didn['’]t need (?:it|them|the (?:medication|medicine|tablets|surgery|operation))\b|felt the (?:fog|cloud|darkness|weight) lift\b|without (?:a|my) (?:stick|walking stick|crutches|frame|walker)\b|(?:strength|grip|grip strength|stamina|mobility) has (?:doubled|tripled)\b|stopped needing (?:my|his|her|the|their) [a-z]+|(?:looks|look|feels|feel) better than (?:it|they|i|she|he) did\b|(?:you|they|she|he) saved my (?:sight|life|leg|eye|eyes|hearing|foot|teeth)\b|(?:i|we) owe (?:her|him|them|you|(?:the|this|that|your) (?:team|clinic|practice|surgery|doctor|nurse|surgeon)) (?:my|our) li(?:fe|ves)\b|my (?:skin|face|complexion|acne) (?:was|were|is|went) (?:completely |totally |)clear\b|(?:didn['’]t|did not) (?:have|get|feel|suffer) (?:a minute|an hour|a day|a second|a trace|a hint|a touch|a moment) of\b)/i;

/** A customer's quoted words that tell of a recovery: the recovery words are the claim. */
/** A customer's recovery reported in the third person: "Peter says his tremor has all but disappeared". */
const REPORTED_SPEECH = rx.u`(?<![${L}])\p{Lu}[${L}]+,?(?: \d{1,2},| an? [^,;.]{2,50},)? (?:says|said|tells us|told us|reports|reported|wrote)(?: that)? (?:his|her|their|she|he|they|my)(?![${L}])|(?<![${L}])\p{Lu}[${L}]+ from \p{Lu}[${L}]+,? (?:says|said|tells us|told us|reports|reported|wrote)(?: that)? (?:his|her|their|she|he|they|my|a|an|the)(?![${L}])`;

function quotedTestimonial(sentence: string): StructuralClaim | undefined {
  const reported = REPORTED_GATE.test(sentence) ? REPORTED_SPEECH.exec(sentence) : null;
  if (reported) {
    const m = RECOVERY.exec(sentence.slice(reported.index));
    if (m) return { kind: 'testimonial', start: reported.index + m.index, end: reported.index + m.index + m[0].length };
  }
  if (!QUOTE_GATE.test(sentence) || !QUOTE_EDGE.test(sentence)) return undefined;
  // First person, attributed ("..., says her mum"), or a whole sentence in quotation marks.
  // or the first sentence of a quotation that runs on ("Lily's curve went from 28 to 14 degrees. We're so glad ...").
  if (!QUOTE_FIRST_PERSON.test(sentence) && !ATTRIBUTED.test(sentence) && !WHOLLY_QUOTED.test(sentence) && !OPENS_QUOTATION.test(sentence) && !STAR_REVIEW.test(sentence)) return undefined;
  const m = RECOVERY.exec(sentence) ?? RECOVERY_DATED.exec(sentence) ?? RECOVERY_BRAND.exec(sentence) ?? RECOVERY_PLAIN.exec(sentence);
  if (!m) return undefined;
  // "my feet weren't cold at night for the first time in years": the negation is the story.
  const told = STORY_NEGATION.exec(sentence.slice(Math.max(0, m.index - 50), m.index));
  const start = told ? Math.max(0, m.index - 50) + told.index : m.index;
  return { kind: 'testimonial', start, end: m.index + m[0].length };
}

/** "One of my patients, a violinist, was back performing within a fortnight": a case history told as an outcome. */
const CASE_HISTORY = rx.iu`(?:^\s*|(?<=[,:]\s*))(?:(?:one|many|several|some|a few|two|three) of (?:my|our) (?:[a-z]+ )?(?:patients|clients|customers|members|regulars|walkers|runners|swimmers|residents|families|parents|mums|dads|athletes|players|students|guests|visitors)|(?:one|a) (?:client|patient|customer|mum|dad|parent|regular|member|visitor|guest)(?=[\s,])|one (?:man|woman|lady|gentleman|young man|young woman|mother|father|grandmother|grandfather|runner|teacher|nurse) (?:who (?:had|came|was)|(?:i|we) (?:saw|treated|see|met|looked after))(?![a-z]))|(?<![${L}])came to (?:us|me|see (?:us|me)|our clinic)(?= (?:unable|with|after|in|on|barely|struggling|because|having|at|when|hiding|desperate|worried|embarrassed|unhappy|fed up|frustrated|feeling|so|,))|^\s*after (?:just |only )?(?:one|two|three|four|five|six|eight|ten|twelve|a few|\d+) (?:sessions?|treatments?|weeks?|months?|visits?) (?:with us|with me|here|at (?:our|the) clinic),? (?:he|she|they)(?![${L}])|^\s*(?:one|two|three|four|five|six|a few|several|\d+) (?:years?|months?|weeks?) (?:on|later),? (?:he|she)(?![${L}])`;
/** The same with a name: "After just six sessions with us, Graham walked ...", "Emma, 39, had been trying for four years ...". */
const NAMED_CASE_HISTORY = rx.u`^\s*[Aa]fter (?:just |only )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|\d+) (?:sessions?|treatments?|weeks?|months?|visits?) (?:with us|with me|here|at (?:our|the) clinic),? (?:[a-z]+ ){0,3}(?:he|she|they|\p{Lu}[${L}]+)(?![${L}])|(?<![${L}])(?:[Oo]ur|[Mm]y) (?:client|patient|customer|member) \p{Lu}[${L}]+(?![${L}])|^\s*\p{Lu}[${L}]+, \d{1,2}, (?=[^.;:!?]{0,80}(?<![${L}])(?:had|was|came|tried|suffered|dropped|lost|says|said|went|got)(?![${L}]))|^\s*\p{Lu}[${L}]+, an? [^,;.]{0,30}?(?:from \p{Lu}[${L}]+|\d+-year-old|mum|mother|dad|father|grandmother|grandfather|grandad|retired [${L}]+)[^,;.]{0,20}, |^\s*\p{Lu}[${L}]+ had (?:lived|suffered|struggled|battled|put up) with(?![${L}])|^\s*\p{Lu}[${L}]+ from \p{Lu}[${L}]+,? (?=[^.;:!?]{0,80}(?<![${L}])(?:had|was|came|tried|suffered|dropped|lost|says|said|went|got|saw|cut|reduced|reversed|halved|put)(?![${L}]))|^\s*\p{Lu}[${L}]+ was diagnosed with |^\s*\p{Lu}[${L}]+ (?:cut|lost|dropped|reduced|reversed|halved|brought) (?:his|her|their) |^\s*[Aa]fter (?:just |only )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|\d+) (?:sessions?|treatments?|weeks?|months?|visits?),? \p{Lu}[${L}]+, (?=an? )`;
const CASE_OUTCOME = /(?<![a-z])(?:back (?:to|on|in|at|performing|playing|running|working)|sailed through\b|avoided (?:surgery|an operation|(?:a |the |their |his |her )?(?:hip |knee |back |spinal |shoulder )?(?:operation|surgery|replacement))|(?:have|has|had) (?:become|got|grown) (?:much |far |a lot )?(?:shorter|milder|less (?:frequent|severe|intense|painful)|fewer|rarer)|stopped (?:all|taking)|came off|(?:is|was|were|are) (?:now |)(?:free|pain-free|symptom-free|off)|no longer|within (?:a|one|two|three|four|six|\d+) (?:days?|weeks?|fortnight|months?)|went from\b[^.;]{0,40}\bto|(?:shrunk|shrank|fallen|fell|fall|drop|dropped|come down|gone down|improved) from\b|(?:put (?:himself|herself|themselves) |went |go )into remission\b[^.;]{0,40}\bto|down from\b|without (?:tablets|medication|medicines|surgery|drugs|pills|an operation|painkillers)\b|(?:had|has|was|were) (?:completely |totally |almost |all but )?(?:gone|disappeared|vanished|cleared)|(?:finished|completed|ran|won|climbed|swam) (?:the|a|her|his|their)|cancell?ed (?:the|his|her|their) (?:operation|surgery|op)|now (?:has|have|enjoys|wears|lives|sleeps|walks|runs|plays|eats|goes)(?![a-z])|for the first time|without (?:his|her|their|a) (?:stick|walking stick|crutches|frame|inhaler|glasses|painkillers)|(?:was|got|fell|became) pregnant|(?:hasn['’]t|has not|haven['’]t|have not) had (?:a single|any|another)|in (?:just|only) (?:one|two|three|four|five|six|eight|ten|twelve|\d+) (?:sessions?|treatments?|weeks?)|in (?:a single|one|just one) (?:evening|session|visit|day|treatment|night|appointment|sitting)|(?:dropped|lost) (?:[a-z0-9]+ )?(?:dress sizes?|sizes?|stones?|kg|kilos|pounds|lb|inches|cm)|(?:energy|confidence|appetite|strength|libido) (?:has|have|had) (?:completely |fully )?(?:come back|returned)|(?:migraines?|headaches?|pain|symptoms|attacks|flare-ups|cravings|nightmares|seizures) (?:has|have|had) (?:completely |totally |all but |almost )?(?:stopped|gone)|(?:able to )?stop (?:her|his|their|taking) (?:[a-z]+ )?(?:painkillers|medication|medicines|tablets|pills|inhaler|insulin))(?![a-z])/i;
/** "after eight sessions": an outcome only in a story told in the past ("A patient who starts ... after four weeks" is how care goes). */
const CASE_AFTER = /(?<![a-z])(?:after|within) (?:just |only )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|\d+) (?:sessions?|treatments?|weeks?|months?|visits?)\b|(?:sessions?|weeks?|months?|years?|treatments?) later\b/i;
const PAST_STORY = /(?<![a-z])(?:was|were|had|told|said|says|came|could|felt|wrote)(?![a-z])/i;

/** A named customer's result told in the third person: "marathon runner Sophie's shin splints had vanished completely". */
const NAMED_OUTCOME = rx.u`(?<![${L}])\p{Lu}[${L}]+['’]s (?:[${L}-]+ ){1,3}(?:had|has|have) (?:completely |totally |all but |almost )?(?:vanished|disappeared|gone|cleared up|cleared)(?![${L}])`;

function caseHistory(sentence: string): StructuralClaim | undefined {
  const named = RANK_GATE.test(sentence) && includesAny(sentence, NAMED_OUTCOME_WORDS) ? NAMED_OUTCOME.exec(sentence) : null;
  if (named) return { kind: 'testimonial', start: named.index, end: named.index + named[0].length };
  const head = (CASE_GATE.test(sentence) && CASE_WORDS.test(sentence) ? CASE_HISTORY.exec(sentence) : null) ?? (NAMED_GATE.test(sentence) ? NAMED_CASE_HISTORY.exec(sentence) : null);
  if (!head) return undefined;
  const rest = sentence.slice(head.index + head[0].length);
  // "After twelve weeks with us, county cricketer Sam told us ...": the head dates the result.
  if (/^\s*[Aa]fter\b/.test(head[0]) && PAST_STORY.test(rest)) return { kind: 'testimonial', start: head.index, end: head.index + head[0].length };
  // A story told in the past ("had lived with ... and now eats out") or reported ("says her energy has come back").
  const story = PAST_STORY.test(sentence.slice(head.index));
  const m = CASE_OUTCOME.exec(rest) ?? (story ? (CASE_AFTER.exec(rest) ?? RECOVERY.exec(rest)) : null);
  if (!m) return undefined;
  // The span runs to the outcome: "hasn't had a single ulcer" is the story, not a negation of it.
  // ("Maria, a nurse from Leeds, ...": the span ends at the name's description, not its comma.)
  const end = head.index + head[0].replace(/[\s,]+$/, '').length;
  return { kind: 'testimonial', start: head.index, end: /n['’]t|\bnot\b/i.test(m[0]) ? head.index + head[0].length + m.index + m[0].length : end };
}

/**
 * Certainty about the reader's outcome (settled labelling guide, point 4): "you will be back on
 * the golf course within weeks", "your child will be speaking fluently", "you will come off your
 * tablets", "surgery will give you the feet you have always wanted". The visit ("you will be
 * given", "you will feel a small scratch") is not: only states of recovery count.
 */
const RECOVERY_PROMISE = /(?<![a-z])(?:you|your(?! (?:appointment|appointments|results?|report|order|letter|booking|prescription|plan|session|sessions|visit|consultation|referral|team|nurse|doctor|gp|therapist|clinician|kit|parcel|package|invoice|account)\b)(?: [a-z'’-]+){1,2})(?:['’]ll| will) (?:(?:finally|soon|quickly|also|then|definitely|certainly|truly|be able to) )?(?:be (?:back\b|free\b|[a-z]+-free\b|cured\b|calmer\b|happier\b|healthier\b|fitter\b|stronger\b|slimmer\b|lighter\b|fluent|speaking fluently|off (?:your|all|the)\b|walking|running|playing|sleeping through)|feel (?:happier|calmer|better|younger|healthier|lighter|stronger|amazing|great|fantastic|like new|more alive)|wake up (?:fresh|refreshed|clear-headed|energi[sz]ed|ready for anything)\b|come off\b|look (?:younger|years younger|amazing|better)|sleep (?:through|better|soundly)|concentrate|make friends|be [a-z]+ing\b(?:[^.;:!?]{0,40})\bagain\b|have (?:more|better|sharper|stronger|less|fewer|clearer|healthier)\b|have an? (?:calm|calmer|gentle|gentler|easy|easier|pain-free|positive|quick|quicker|shorter|smooth|smoother|faster)\b[^.;:!?]{0,30}?\b(?:birth|labour|labor|delivery|recovery|pregnancy)\b|feel like (?:yourself|your old self|new|a new)|feel (?:your|the) [a-z]+(?: [a-z]+)? (?:lift|lifting|ease|easing|melt away|fade|fading|disappear|vanish)\b|never have to (?:suffer|worry|deal|live|put up|give up|go without|miss out)|eventually (?:turn|lead|become|cause|need|develop)\b|never need\b[^.;:!?]{0,40}\bagain\b|never [a-z]+\b[^.;:!?]{0,40}\bagain\b|never have (?:a|any|another) (?:reaction|flare|flare-up|attack|problem|problems|side effects?|infection|infections)\b|stay [a-z]+(?: and [a-z]+)? for life\b|be (?:fully|completely|totally|100% ) ?protected\b|be protected (?:from|against) (?:every|all|any)\b|keep (?:getting worse|degenerating|deteriorating|worsening|progressing)\b|never need (?:to take )?(?:a |an |any |your )?(?:[a-z]+ )?(?:surgery|operation)\b|never need (?:to take )?(?:a |an |any |your )?(?:replacement|transplant|hip replacement|knee replacement|statins|tablets|pills|medication|medicines?|drugs|surgery|operation|glasses|spectacles|contact lenses|reading glasses|insulin|painkillers|inhalers?|antibiotics|hearing aids?|injections|braces|fillings?)\b|stop (?:getting worse|progressing|deteriorating|coming back|recurring)\b|notice (?:less|more|fewer)\b|notice a (?:flatter|slimmer|clearer|calmer|dramatic|huge|big)\b|[a-z]+ through\b[^.;:!?]{0,40}\b(?:without a single (?:[a-z]+ )?(?:cold|sniffle|cough|day off|infection|attack|flare)\b|[a-z]+-free\b)|be [a-z]+ing\b[^.;:!?]{0,40}\bfor the rest of your life\b|get (?:better|well)\b|regain (?:movement|strength|function|mobility|independence|the use|your)\b|come back\b|grow out of (?:it|them|this|the condition)\b|see (?:new growth|(?:real |visible |noticeable |dramatic |amazing |great |fantastic |lasting |instant )?results|an? (?:real |visible |noticeable |dramatic |huge |big |amazing )?(?:difference|improvement|change))\b|grow (?:your |new |all your )?hair back\b|lose (?:weight|the weight|inches|pounds|a stone|\d+)\b|keep\b[^.;:!?]{0,30}\bfor life\b|save your life)|(?<![a-z])means you(?:['’]ll| will) (?:have|get|suffer|develop|need|die|lose|avoid|never)\b|(?<![a-z])means? you won['’]t (?:spend|get|catch|need|have|suffer|lose|miss|end up)\b|(?<![a-z])you won['’]t (?:lose|miss|waste) a single\b|(?<![a-z])(?:you|your (?:next |)(?:pregnancy|baby|treatment|surgery|operation|procedure|recovery))(?:['’]ll| will) be (?:a (?:success|dad|mum|mom|parent|father|mother)|successful)\b|(?<![a-z])will give you (?:the|your|back)\b|(?<![a-z])will make you (?:feel )?(?:calmer|happier|healthier|fitter|stronger|slimmer|younger|sharper|more (?:confident|relaxed|focused|energi[sz]ed|resilient))\b|(?<![a-z])will protect you from (?:ever|any)\b|(?<![a-z])will save your life\b|(?<![a-z])will (?:get|have) your [a-z]+ (?:working|moving|walking)(?: properly| normally)? again\b|(?<![a-z])will (?:restore|rebalance|heal|cure|fix|reset|transform|strengthen) your\b|(?<![a-z])you won['’]t have any (?:more )?(?:problems|trouble|pain|issues|symptoms|attacks|flare-ups|episodes)\b|(?<![a-z])(?:we['’]ll|we will) (?:have|get) you (?:back|running|walking|playing|sleeping|moving|pain-free|symptom-free)\b|(?<![a-z])you(?:['’]ll| will) have (?:a full head of hair|(?:clear|perfect|flawless|straight|glowing) (?:skin|teeth|vision))\b|(?<![a-z])you(?:['’]ll| will) end up (?:losing|needing|having to)\b|(?<![a-z])you won['’]t (?:even )?feel (?:a thing|anything|the injection|the needle|any pain|a single)\b|(?<![a-z])will never (?:[a-z]+, (?:[a-z]+,? )?(?:or )?)?(?:need (?:replacing|replacement|to be replaced)|wear out|fall out|come loose)\b|(?<![a-z])will be (?:perfectly|absolutely|completely|totally|100%) (?:fine|ok|okay|healthy|normal|well)\b|(?<![a-z])you won['’]t (?:get(?! the (?:full |same |)(?:health )?benefits?)|suffer|catch|go bald|put on weight|put on a (?:single )?(?:pound|kilo|ounce)|gain weight|(?:ever )?need (?:to take )?(?:a |an |any |your )?(?:statins|tablets|pills|medication|medicines?|surgery|operation|glasses|insulin|painkillers|inhalers?))\b|(?<![a-z])will (?:wreck|ruin|destroy) your\b|(?<![a-z])will keep your [a-z]+ (?:sharp|young|healthy|strong|clear)\b|^\s*(?:(?:if )?left (?:untreated|unchecked|alone|unmanaged|unresolved|unaddressed|ignored)|if you ignore (?:it|them|this|the [a-z]+)),?[^.;:!?]{0,60}?\bwill\b(?! not)[^.;:!?]{0,40}?\b(?:turn|lead|become|spread|get worse|keep|wreck|ruin|destroy|cause|need|lose|give|follow|persist|worsen|progress|weaken|damage|harm|shorten|scar|deteriorate|stop)\b|(?<![a-z])you(?:['’]ll| will) (?:beat (?:this|it|your [a-z]+)\b|go home (?:lighter|feeling|free|refreshed|renewed|transformed|glowing|a new)\b|(?:finish|leave|walk out) (?:lighter|refreshed|renewed|transformed|glowing|clearer|calmer|younger|slimmer|energi[sz]ed|revitali[sz]ed|a new)\b|stand (?:tall|taller|straight|straighter)\b)|(?<![a-z])(?:you|we)(?:['’]ll| will) see an? (?:\d+(?:\.\d+)?|[a-z]+-?)(?:%| per ?cent| percent) (?:drop|reduction|improvement|fall|decrease|increase|rise|cut)\b|(?<![a-z])(?:the |your )?(?:pain|symptoms?|aches?|itch(?:ing)?|nausea|cravings?|spots|acne|swelling|bloating|headaches?|migraines?)(?: [a-z]+)? will (?:disappear|vanish|go away|stop|clear up|melt away)\b(?! (?:on (?:its|their) own|by (?:itself|themselves)))/i;

/** An imperative promise of weight or inches lost, with how fast or how easily: "Lose inches in just one session!" */
const LOSE_PROMISE = /^\s*(?:lose|drop|burn|shed|melt away) (?:inches|pounds|a dress size|dress sizes|weight|fat|stubborn fat|belly fat|(?:up to )?\d+ ?(?:lbs?|kg|pounds|inches|stone|dress sizes?|calories))\b[^.;:!?]{0,30}?\b(?:in (?:just |only )?(?:one|a|two|three|four|six|\d+) (?:sessions?|weeks?|days?|months?|treatments?)|in (?:a single|one) (?:session|sitting|visit)|in (?:your|the) first (?:\d+|one|two|three|four|six) (?:days?|weeks?|months?)|fast|quickly|without|overnight|effortlessly)\b/i;
const LOSE_GATE = /^\s*(?:lose|drop|burn|shed|melt)\b/i;

/**
 * An instruction to the reader with its result promised as certain, joined by "and": "Take
 * ImmuneGuard Daily+ from October to March and you'll never lose another week to a cold", "Wear
 * it for a few weeks and your muscles will learn to hold you upright on their own", "Book a course
 * of sessions before the pollen arrives and you can look forward to a summer without sneezing",
 * "Give your eyes the nutrients they deserve, and notice sharper, clearer vision". What the visit
 * brings ("Book online and you'll be seen within 48 hours", "... and you'll need to ...") and what
 * an instruction warns of ("Take it with alcohol and you'll feel drowsy") are not promises.
 */
const IMPERATIVE_PROMISE = /^\s*(?:(?:simply|just|now) )?(?:take|wear|pop|use|book|try|apply|give|start|add|swap|switch|join|spend|follow|drink|eat|put|slip|spray|rub|combine|choose|commit|stick)(?![a-z])[^.;:!?]{0,100}?,? and (?:(?:you['’]ll|you will|your [a-z]+(?: [a-z]+)? will|your [a-z]+(?: [a-z]+)?['’]ll)(?! (?:need|have to|be (?:asked|given|sent|charged|seen|contacted|done|home|on your way|able to book)|receive|get (?:an? |your )?(?:text|call|email|letter|reminder|confirmation|invoice|receipt|results?|report)|pay|hear|find|meet|see (?:the|a|your|our)|be invited|also (?:need|get|receive))(?![a-z]))(?![^.;:!?]{0,40}?(?<![a-z])(?:drowsy|dizzy|sick|ill|worse|withdrawal|risk|damage|harm|side effects?|overdose|addicted)(?![a-z]))|you can look forward to|notice (?:sharper|clearer|better|fewer|less|more|a (?:big |real |huge |clear )?difference|the difference)|feel (?:the|a (?:big |real |huge )?) difference)(?![a-z])/i;
const IMPERATIVE_GATE = /(?<![a-z])and (?:you|your|notice|feel)(?![a-z])/i;

/**
 * A condition's course made certain for the reader who goes untreated (after blind sets 262 to
 * 265): "left untreated, neck problems only get worse with time", "Untreated hearing loss only
 * gets worse". Hedged ("may only get worse") it is a risk, for missing-citation; "a lifelong
 * condition that could only get worse", with no treatment withheld, is history.
 */
const UNTREATED_WORSE = /(?<![a-z])(?:(?:if )?left (?:untreated|unchecked|alone|unmanaged|ignored)|untreated|without (?:treatment|help))\b[^.;:!?]{0,60}?\bonly (?:gets?|getting|becomes?|grows?) worse\b/i;
const UNTREATED_HEDGE = /\b(?:may|might|could|can|often|usually|sometimes|tends?)\b/i;
/**
 * The old self promised with the product: "Feel like yourself again with NatureVital Sunshine"
 * (alone, "Feel like yourself again." is a page's tagline, which its writers left unlabelled).
 */
const FEEL_YOURSELF = /^\s*feel like (?:yourself|your old self|you) again,? (?:with|thanks to|using|on)\b/i;

function recoveryPromise(sentence: string): StructuralClaim | undefined {
  const lose = LOSE_GATE.test(sentence) ? LOSE_PROMISE.exec(sentence) : null;
  if (lose) return { kind: 'outcome', start: lose.index + lose[0].search(/\S/), end: lose.index + lose[0].length };
  const worse = sentence.includes('worse') ? UNTREATED_WORSE.exec(sentence) : null;
  if (worse && !UNTREATED_HEDGE.test(worse[0])) return { kind: 'outcome', start: worse.index, end: worse.index + worse[0].length };
  const m = (PROMISE_GATE.test(sentence) ? RECOVERY_PROMISE.exec(sentence) : null) ?? FEEL_YOURSELF.exec(sentence);
  if (!m) {
    // An instruction's promise in other words: from its "and" ("... before bed and you'll").
    const told = IMPERATIVE_GATE.test(sentence) ? IMPERATIVE_PROMISE.exec(sentence) : null;
    return told ? { kind: 'outcome', start: told.index + told[0].lastIndexOf(' and ') + 1, end: told.index + told[0].length } : undefined;
  }
  // Hedged or negated just before: "you may be back", "you won't be", "if you ... you will".
  const before = sentence.slice(Math.max(0, m.index - 30), m.index).toLowerCase();
  if (rx.u`(?<![${L}])(?:may|might|could|not|unless|hope|aim)(?![${L}])`.test(before)) return undefined;
  // "We recommend the vaccine if you will be walking in forests": a condition, not a promise.
  if (rx.u`(?<![${L}])(?:if|whether|in case)\s+$`.test(before)) return undefined;
  return { kind: 'outcome', start: m.index, end: m.index + m[0].length };
}

/** What every results-or-refund promise holds. */
export const REFUND_GATE = /money back|refund|or (?:your|the) next |(?:fees?|costs?|payment) back| on us(?![a-z])/i;
/** "..., or your money back", "or get your money back", "or get 100% of your fees back", "or we'll refund every cent", "or a full refund", "or your next session is free". */
const OR_REFUND = rx.iu`(?<![${L}])or (?:(?:get|have|receive|you get|you['’]ll get|you will get|we give you|we['’]ll give you|we will give you) )?(?:100% of |all of )?(?:your|all your) (?:money|fees?|costs?|payment) back(?![${L}])|(?<![${L}])or (?:we['’]ll|we will) refund(?![${L}])|(?<![${L}])or (?:get |receive )?(?:a|your) (?:full )?refund(?![${L}])|(?<![${L}])or (?:your|the) next [${L}-]{2,20} (?:is |is completely |is totally )?(?:free|on us)(?![${L}])(?! of)`;
/** What a refund answers for when it promises no result: the buyer's satisfaction or liking. */
const SATISFACTION = rx.iu`satisf|happy|delighted|pleased|(?:love|like) (?:it|them|the)(?![${L}])|right for you|suit`;

/**
 * Results promised against a refund: "Whiter teeth in 7 days and healthier gums in 2 weeks, or
 * your money back", "Lose 5 kg in your first 30 days or we'll refund every cent": a guarantee of
 * outcome in all but the word (a refund offered for dissatisfaction, "Love it or your money
 * back", "a 60-day money-back guarantee", promises nothing about health). The claim runs from the
 * start of its clause (after a colon or semicolon) to the refund. Read in every sentence where no
 * other hit is a claim (`detect.ts`): the refund's own "guaranteed" or "risk-free", which is no
 * claim, must not hide the result it answers for. With no "or ..." refund, the same promise
 * written as a condition (`ifNotRefunded`).
 */
export function refundPromise(sentence: string): StructuralClaim | undefined {
  if (!REFUND_GATE.test(sentence)) return undefined;
  const m = OR_REFUND.exec(sentence);
  if (!m) return ifNotRefunded(sentence);
  const before = sentence.slice(0, m.index);
  const from = Math.max(before.lastIndexOf(':'), before.lastIndexOf(';')) + 1;
  const promised = before.slice(from);
  if (!rx.u`[${L}]`.test(promised) || SATISFACTION.test(promised)) return undefined;
  return { kind: 'guarantee', start: from + promised.search(/\S/), end: m.index + m[0].length };
}

/** "If CranGuard doesn't keep your bladder healthy, we'll refund you in full": the condition, then the refund. */
const IF_NOT_REFUND = rx.iu`(?<![${L}])if ([^,.;:!?]{3,80}?(?:don['’]t|doesn['’]t|do not|does not|isn['’]t|aren['’]t|hasn['’]t|haven['’]t|fails? to|(?:['’]re|are|is|['’]s) not)[^,.;:!?]{1,80}),? (?:(?:we['’]ll|we will|you['’]ll get|you will get|you get) (?:refund|give you (?:a |your )?(?:full )?(?:refund|money back)|a (?:full )?refund|your money back)|(?:your|the) next [${L}-]{2,20} (?:is|will be) (?:completely |totally )?(?:free|on us))(?![${L}])`;

/**
 * The same promise written as a condition: "Money-back guarantee: if your child hasn't grown in
 * 90 days, we'll refund your order", "If your body doesn't feel cleaner and lighter, we'll give
 * you a full refund", "If you're not pain-free after six sessions, your next session is on us".
 * A condition of liking or satisfaction ("if you're not happy") promises no result. The claim is
 * the condition and the refund.
 */
function ifNotRefunded(sentence: string): StructuralClaim | undefined {
  const m = IF_NOT_REFUND.exec(sentence);
  if (!m || SATISFACTION.test(m[1])) return undefined;
  return { kind: 'guarantee', start: m.index, end: m.index + m[0].length };
}

/**
 * A superlative placed on the map: "the lowest complication rates in London", "the sharpest
 * images in the South East", "the best results in the county" (advertising's own superlative).
 */
const PLACE_SUPERLATIVE = rx.u`(?<![${L}])[Tt]he (?:best|(?:top|highest|best)[- ]rated|most [${L}-]+|(?!(?:rest|test|interest|request|harvest|forest|chest|guest|west|protest|contest|latest|earliest|nearest)\b)[${L}]{3,}est)\b[^.;:!?]{0,40}?\bin (?:the )?(?:county|region|city|country|area|town|world|district|province|state|uk|us|usa|nhs|(?:south|north|east|west|mid)(?:[ -](?:east|west))?|[\p{Lu}][${L}]+)(?![${L}])|(?<![${L}])[Tt]he (?:best|most [${L}-]+(?: and [${L}-]+)?|[${L}]{3,}est)\b[^.;:!?]{0,40}?\b(?:on the market|money can buy|you can buy|you can (?:have|get|book|find)|available anywhere|there is(?=\s*[.!,;]|\s*$)|there['’]s(?=\s*[.!,;]|\s*$)|(?<!(?:I|I['’]ve|I have|we|we['’]ve|we have) )ever (?:made|created|invented|developed|built))(?![${L}])`;
/** "London's leading longevity clinic", "Leeds' top sports injury practice": the advertiser's rank on the map. */
const PLACE_RANK = rx.u`(?<![${L}])[\p{Lu}][${L}]+(?:['’]s|s['’]) (?:leading|best|top|number one|#1|premier|foremost|most trusted|most advanced|most experienced|favourite|favorite)(?: [${L}'’-]+){0,3} (?:clinic|clinics|centre|center|practice|provider|service|team|destination|choice|programmes?|programs?|specialists?|surgeons?|doctors?|dentists?|physios?|physiotherapists?|practitioners?|experts?|salons?|studios?|spas?|pharmac(?:y|ies)|brands?|audiologists?|opticians?|optometrists?|podiatrists?|chiropractors?|osteopaths?|dermatologists?|orthodontists?|therapists?|dietitians?|nutritionists?)(?![${L}])|(?<![${L}])[\p{Lu}][${L}]+(?:['’]s|s['’]) (?:[Nn]o\.? ?1|[Nn]umber [Oo]ne|#1)(?![${L}\p{N}])(?! (?:[${L}-]+ )?(?:priority|priorities|cause|causes|killer|reason|reasons|problem|problems|concern|concerns|risk|risks|complaint|complaints|goal|aim|question|questions)(?![${L}]))`;

function placeSuperlative(sentence: string): StructuralClaim | undefined {
  const m = (SUPERLATIVE_GATE.test(sentence) ? PLACE_SUPERLATIVE.exec(sentence) : null) ?? (RANK_GATE.test(sentence) && (includesAny(sentence, PLACE_RANK_WORDS) || NUMBER_ONE.test(sentence)) ? PLACE_RANK.exec(sentence) : null);
  // "the biggest preventable cause of death in the UK", "the most common worm infection in the
  // UK", "the most commonly performed weight-loss operation in the world": a fact about a risk or
  // a frequency, not an advertisement.
  // (Nor "the fastest-growing neurological condition in the world": a condition's rank is
  // epidemiology; "the most accurate skin cancer detection in Manchester" ranks a service.)
  if (!m || /\b(?:cause|causes|risk|risks|killer|reason|reasons|problem|problems|common|commonly|commonest|frequent|frequently|prevalent|widespread|widely|rarest|deadliest)\b|\b(?:conditions?|diseases?|disorders?|illness(?:es)?|infections?|cancers?) (?:in|on)\b/i.test(m[0])) return undefined;
  // "Australians have some of the highest levels of sun damage in the world": a place among others, a fact.
  if (/(?:^|\s)(?:some|one|two|three|a few|several) of\s*$|(?:^|\s)among\s*$/i.test(sentence.slice(Math.max(0, m.index - 20), m.index))) return undefined;
  return { kind: 'superlative', start: m.index, end: m.index + m[0].length };
}

/** Prepositions that open a phrase saying which customers ("customers on statins", "patients with arthritis"). */
const QUALIFYING = new Set(['on', 'with', 'in', 'from', 'of']);

/** "Many users tell us their cravings vanished", "Our clients report deeper sleep". */
function testimonial(words: StructuredWord[]): StructuralClaim | undefined {
  for (let i = 0; i + 1 < words.length && i < 6; i++) {
    if (!CUSTOMERS.has(words[i].token.lower)) continue;
    if (!words.slice(Math.max(0, i - 3), i).some((w) => COUNTED.has(w.token.lower))) return undefined;
    // "Many customers on statins tell us ...": a short phrase may say which customers.
    const reach = QUALIFYING.has(words[i + 1].token.lower) ? 7 : 3;
    const j = words.slice(i + 1, i + reach).findIndex((w) => WITNESS_VERBS.has(w.token.lower));
    if (j < 0) return undefined;
    // "Most clients notice more energy within days", "many patients feel a difference": how
    // often an effect is felt (a frequency, for missing-citation), not customers' words.
    // ("Many of our PRP patients notice ...": the count may stand four words back.)
    const counted = words.slice(Math.max(0, i - 4), i).map((w) => w.token.lower);
    if (FELT.has(words[i + 1 + j].token.lower) && counted.some((w) => w === 'most' || w === 'many') && !counted.includes('thousands') && !counted.includes('hundreds')) return undefined;
    // "Our patients report an average 85% reduction in pain": a figure (for missing-citation);
    // "parents tell us they were told ...": what others said, not a result.
    const heard = words.slice(i + 2 + j, i + 8 + j).map((w) => w.token.lower);
    if (heard.includes('average') || heard.some((w) => /^\d+(?:\.\d+)?%$|^percent$/.test(w)) || heard.includes('told')) return undefined;
    // "Many new parents feel tearful or low": symptoms, not a customer's result.
    const feels = /^fe(?:el|lt|els)$/.test(words[i + 1 + j].token.lower);
    // The outcome is in what they say, before a "not" or a new clause ("families tell us they
    // enjoy it, not as a treatment for dementia").
    let outcome: StructuredWord | undefined;
    for (const w of words.slice(i + 2 + j, i + 10 + j)) {
      if (NEGATIONS.has(w.token.lower) || CLAUSE_END.has(w.token.lower)) break;
      if (w.cls !== undefined && WITNESSED.has(w.cls) && !(feels && w.cls === 'cond')) {
        outcome = w;
        break;
      }
    }
    if (!outcome) return undefined;
    return { kind: 'testimonial', start: words[i].token.start, end: outcome.token.end };
  }
  return undefined;
}

/** Verbs of a service done to each customer: "we give every client a booster", "we see every patient within a week". */
const SERVICE_VERBS = new Set(['give', 'offer', 'send', 'see', 'treat', 'assess', 'call', 'ask', 'provide', 'invite', 'book', 'email', 'text', 'welcome', 'phone', 'review', 'check', 'examine', 'fit', 'meet', 'contact'].map(lemma));

/** What the clinic says or asks of people: "never tell", "never pressure", "always explain". */
const CONDUCT_VERBS = new Set(['work', 'refer', 'liaise', 'tell', 'ask', 'advise', 'pressure', 'push', 'rush', 'sell', 'charge', 'share', 'explain', 'discuss', 'recommend', 'suggest', 'encourage', 'check', 'assess', 'examine', 'review', 'screen', 'measure', 'test', 'use', 'replace', 'prescribe', 'give', 'treat', 'see', 'manipulate', 'adjust'].map(lemma));

function absoluteOutcome(p: StructuredWord[], i: number): boolean {
  if (ALWAYS_ABSOLUTE.has(p[i].token.lower)) return true;
  if (p[i].token.lower === 'every' && i > 0 && (SERVICE_VERBS.has(p[i - 1].lemma) || (p[i - 1].token.lower === 'through' && i > 1 && SERVICE_VERBS.has(p[i - 2].lemma)) || (p[i - 1].token.lower === 'through' && p[i - 2]?.lemma === 'go'))) return false;
  // "We never tell families to stop wearing a brace", "we never pressure you into treatment": how the clinic behaves, not an outcome.
  // ("We never use aromatherapy in place of medical care"; "you will never use an inhaler again" is an outcome.)
  if (TEMPORAL_ABSOLUTE.has(p[i].token.lower) && p[i + 1] && CONDUCT_VERBS.has(p[i + 1].lemma) && !p.slice(i + 2).some((x) => x.token.lower === 'again')) return false;
  if (TEMPORAL_ABSOLUTE.has(p[i].token.lower)) return p.slice(i + 1).some((x) => x.cls !== undefined && HEALTH_OR_TIME.has(x.cls));
  return p.slice(i + 1, i + 3).some((x) => (x.cls && ABSOLUTE_OF.has(x.cls)) || ABSOLUTE_WORDS.has(x.token.lower));
}

/**
 * "keep your results looking their best", "feel your best", "at its best": one's best, no rank
 * (a noun after it is one: "our best results").
 */
function ownBest(p: StructuredWord[], i: number): boolean {
  return p[i].token.lower === 'best' && i > 0 && OWN_BEST.has(p[i - 1].token.lower) && !/^[a-z]/.test(p[i + 1]?.token.lower ?? '');
}
const OWN_BEST = new Set(['your', 'their', 'its', 'his', 'her', 'my']);

/** Verbs "back" follows as an adverb: "coming back", "bounce back". */
const COMING = new Set(['come', 'comes', 'coming', 'came', 'go', 'goes', 'going', 'went', 'get', 'gets', 'getting', 'got', 'bounce', 'bounces', 'bouncing', 'bounced', 'grow', 'grows', 'growing', 'grew', 'grown']);

/** Quantities before an effect's object that make it a frequency: "heals most stomach ulcers". */
const HOW_MANY = new Set(['most', 'many', 'some', 'nearly', 'almost']);

/** Words before a base-form verb: "we can repair", "helps to clear", "and end". */
const VERB_BEFORE = new Set(['to', 'will', "'ll", 'can', 'could', 'may', 'might', 'should', 'would', 'must', 'we', 'you', 'they', 'i', 'and', 'or', 'help', 'helps', 'also', 'then', 'finally', 'truly', 'actually', 'gently', 'naturally', 'even', 'not', 'never', 'just']);

/** Verbs that set the seller's results above the rest: "Our results beat PRP injections". */
const BEATS = new Set(['beat', 'outperform', 'outdo', 'surpass', 'outclass', 'trump'].map(lemma));

function classify(p: StructuredWord[], reader: boolean): { kind: StructuralKind; last: StructuredWord } | undefined {
  for (let i = 0; i < p.length; i++) {
    const w = p[i].token.lower;
    // "the highest pregnancy rates", "the most advanced technology".
    // A superlative after "the" or a possessive ("the most advanced", "Canada's best"); bare "most", "only" are quantities.
    if (SUPERLATIVES.has(w) && !reader && (BARE_SUPERLATIVES.has(w) || (i > 0 && DEFINITE.test(p[i - 1].token.lower))) && !ownBest(p, i) && !(w === 'most' && HOW_OFTEN.has(p[i + 1]?.token.lower ?? '')) && !COUNTS.has(p[i + 1]?.token.lower ?? '')) {
      return { kind: 'superlative', last: p[Math.min(p.length - 1, i + 2)] };
    }
    // "3 times faster than", "heals concussions twice as fast as standard care".
    if (COMPARATIVE_HEADS.has(w)) {
      // "better results for runner's knee than": the compared thing may take a few words.
      const at = p.slice(i + 1, i + 7).findIndex((x) => x.token.lower === 'than' || x.token.lower === 'as');
      const than = at >= 0 ? p[i + 1 + at] : undefined;
      // "more than 15,000 vasectomies", "more than 40 markers": a count, not a comparison.
      const count = (w === 'more' || w === 'fewer' || w === 'less') && at === 0 && /^(?:\d|a$|an$|one$|two$|three$|four$|five$|ten$|twenty$|fifty$|a hundred$|hundreds$|thousands$|half$|twice$)/.test(p[i + 2]?.token.lower ?? '');
      if (than && !reader && !count) return { kind: 'superiority', last: than };
    }
    // "Our average treatment takes just six months, compared with around two years for braces".
    if (w === 'compared' && !reader && (p[i + 1]?.token.lower === 'with' || p[i + 1]?.token.lower === 'to')) return { kind: 'superiority', last: p[i + 1] };
  }
  for (let i = 0; i < p.length; i++) {
    const w = p[i].token.lower;
    if (ABSOLUTES.has(w) && absoluteOutcome(p, i)) return { kind: 'absolute', last: p[Math.min(p.length - 1, i + 2)] };
    if (SAFETY.has(w) && !reader) return { kind: 'safety', last: p[i] };
  }
  // An outcome stated as fact: an effect verb with a health object, "lose up to 20%" (not in a
  // promise to the reader, where "you will keep a sleep diary" is how the visit goes).
  if (reader) return undefined;
  for (let i = 0; i < p.length; i++) {
    if (!PROMISED.has(p[i].lemma)) continue;
    // "Achilles tendon repair and ankle fractures": a noun after a noun, not a verb.
    if (i > 0 && p[i].token.lower === p[i].lemma && !p[i - 1].cls && !VERB_BEFORE.has(p[i - 1].token.lower) && /^[a-z]+$/.test(p[i - 1].token.lower) && !/(?:ly|ed)$/.test(p[i - 1].token.lower)) continue;
    // "put ... into remission", "put an end to": not "we will put drops in your eyes".
    if (p[i].lemma === lemma('put') && !p.slice(i + 1, i + 6).some((x) => x.token.lower === 'remission' || x.token.lower === 'end')) continue;
    // "reverse T3": a thyroid hormone a panel measures, not a verb (after blind sets 298 to 301).
    if (p[i].token.lower === 'reverse' && /^r?t3$/.test(p[i + 1]?.token.lower ?? '')) continue;
    const near = p.slice(i + 1, i + 5);
    // ("stops them coming back": the adverb, not the back.)
    const at = near.findIndex((x, k) => x.cls && HEALTH.has(x.cls) && !(x.token.lower === 'back' && COMING.has(p[i + k].token.lower)));
    // "treating it heals most stomach ulcers": how often, a statistic (after blind sets 278 to 281).
    if (at >= 0 && !near.slice(0, at).some((x) => HOW_MANY.has(x.token.lower))) return { kind: 'outcome', last: near[at] };
  }
  return undefined;
}
