import type { Span } from '../types';
import { isJsSpace } from '../text/literalMatcher';
import { L, rx } from '../text/letters';

/**
 * Scope of negation, hedging, attribution and quotation inside one sentence, in the manner of
 * NegEx/ConText: a cue word governs the words after it (or, for a few cues, before it) up to a
 * window of words or a clause boundary. All offsets are indexes into the sentence text given.
 */

export interface Token extends Span {
  text: string;
  /** Lowercase, `’` as `'`. */
  lower: string;
  /** Punctuation (one character) rather than a word. */
  punct: boolean;
}

const TOKEN = rx.gu`[${L}\p{N}]+(?:['’\-.][${L}\p{N}]+)*%?|[^\s${L}\p{N}]`;

const tokenCache = new Map<string, Token[]>();
/**
 * The last text tokenized, as the string object last asked about: the hits of one sentence come
 * in a row, and comparing a string with itself costs nothing, while comparing two equal copies
 * (the same sentence in the next version of the document) reads them whole, for every hit of a
 * megabyte-long sentence.
 */
let last: { s: string; tokens: Token[] } | undefined;

/** The tokens of a text (cached: a sentence is tokenized by several cues). Do not mutate. */
export function tokenize(s: string): Token[] {
  if (last && last.s === s) {
    last.s = s;
    return last.tokens;
  }
  let tokens = tokenCache.get(s);
  if (!tokens) {
    if (tokenCache.size > 2000) tokenCache.clear();
    tokens = tokenizeUncached(s);
  } else tokenCache.delete(s);
  // Stored under this copy of the string from now on.
  tokenCache.set(s, tokens);
  last = { s, tokens };
  return tokens;
}

function tokenizeUncached(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN)) {
    const text = m[0];
    out.push({ text, lower: text.toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + text.length, punct: !rx.u`[${L}\p{N}]`.test(text) });
  }
  return out;
}

/** Punctuation that ends a clause for every cue, a spaced hyphen among the dashes ("won't cause nausea - guaranteed"). */
const HARD_PUNCT = new Set(['.', ';', ':', '!', '?', '(', ')', '[', ']', '—', '–', '-']);
/** "which means", "that means", "this means": what follows is a clause of its own. */
const MEANS_OPENERS = new Set(['which', 'that', 'this']);
/** Words that start a new clause: negation and hedges do not cross them. */
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'yet', 'whereas', 'while', 'except', 'unlike', 'instead', 'because', 'since', 'unless', 'so']);

/** Finite verbs that give the words after a comma a clause of their own. */
const FINITE_VERBS = new Set(['is', 'are', 'was', 'were', "it's", "they're", "we're"]);
const SUBJECTS = new Set(['it', 'they', 'we', 'he', 'she', 'you', 'i', 'this', 'these', 'our', 'its']);
const COORDINATORS = new Set(['and', 'or', 'but']);
/** Verbs that open a second predicate after a coordinator ("and is", "but has"). */
const PREDICATE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'will', 'can']);

const NEGATION_WORDS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'none', 'nothing', 'nobody', 'cannot', 'unlikely', 'lack', 'lacks', 'absence', 'nowhere', 'rarely', 'seldom']);
const NEGATION_WINDOW = 6;
/** Words after a negation that make it a disclaimer of everything it lists: "not approved ... to treat or cure". */
const DISCLAIMED = new Set(['approved', 'intended', 'licensed', 'authorised', 'authorized', 'designed', 'meant', 'cleared', 'evaluated']);
const DISCLAIMER_WINDOW = 12;
/** What a denial of evidence names: "no good evidence that", "no proof that". */
const EVIDENCE_NOUNS = new Set(['evidence', 'proof', 'data', 'research', 'studies', 'study', 'sign', 'signs', 'indication']);
/** Sentence-initial words that negate the clause they open ("No diet has been shown to ..."). */
const NEGATED_SUBJECTS = new Set(['no', 'none', 'nothing', 'neither', 'nobody']);
const NEGATED_SUBJECT_WINDOW = 14;

const HEDGE_WORDS = new Set(['may', 'might', 'could', 'appear', 'appears', 'appeared', 'seem', 'seems', 'seemed', 'suggest', 'suggests', 'suggested', 'possibly', 'potentially', 'perhaps', 'likely', 'probably', 'preliminary', 'emerging']);
const HEDGE_PHRASES = ['can help', 'may be', 'is thought', 'are thought', 'in some', 'for some', 'tend to', 'tends to'];
const HEDGE_WINDOW = 5;
/** A sentence that opens with how often it holds: "For most people,", "In most cases,", "Usually,". */
const FREQUENCY_OPENING = /^\s*(?:most of (?:the|these|those|them)\b|for (?:most|many) (?:(?:otherwise )?healthy )?(?:people|patients|children|adults|women|men|babies|users)|in (?:most|many) (?:cases|people|patients|children|adults)|most of the time|usually|generally|in general|mostly)\b,?/i;

/** Cues that put the wording in someone else's mouth, to be rejected or examined. */
const ATTRIBUTION_WORDS = new Set([
  'claim', 'claims', 'claimed', 'claiming', 'so-called', 'advertise', 'advertises', 'advertised', 'advertising', 'market', 'markets', 'marketed', 'promote', 'promotes',
  'promoted', 'tout', 'touts', 'touted', 'billed', 'myth', 'myths', 'beware', 'wary', 'promise', 'promises', 'promised', 'describe', 'describes', 'described', 'labelled',
  'labeled', 'idea', 'notion', 'misconception', 'misleading', 'false', 'untrue', 'hype', 'sell', 'sells', 'sold', 'selling', 'marketing', 'promoting', 'swear', 'swears',
  'swore', 'sworn', 'hailed',
]);
/** "has been called a miracle drug", "is often called a cure": "called" attributes only after these ("a procedure called X" names it). */
const CALLED_AFTER = new Set(['been', 'often', 'sometimes', 'widely', 'frequently', 'commonly', 'is', 'are', 'was', 'were']);
/** "You'll often hear cupping called ...", "I've heard it called ...": others naming it, a few words after hearing. */
const HEARD_CALLED = new Set(['hear', 'hears', 'heard', 'see', 'sees', 'seen', 'read']);
const calledBy = (tokens: Token[], t: Token): boolean => {
  if (t.lower !== 'called') return false;
  const i = tokenIndexAt(tokens, t.start);
  return CALLED_AFTER.has(tokens[i - 1]?.lower ?? '') || tokens.slice(Math.max(0, i - 3), i).some((w) => HEARD_CALLED.has(w.lower));
};
/**
 * Others' words, beliefs and experience: "Some influencers call it a detox", "You may have read
 * that ...", "Some parents worry that ...", "Many people find that ..." (how often, a matter for
 * missing-citation). Not the author's own ("we call it", "we believe that"), nor an
 * instruction ("Call us", "please call").
 */
const SAYING = new Set(['call', 'calls', 'calling']);
/** Words two before "call" that make it a noun, unless an object follows: "Book your discovery call today", "a free call". */
const CALL_NOUN_BEFORE = new Set(['your', 'our', 'a', 'an']);
/** What "call" as a verb of saying takes next ("Our patients call it a game-changer"), which a noun does not. */
const CALLED_OBJECTS = new Set(['it', 'them', 'this', 'that', 'these', 'those', 'him', 'her']);
/** Words before "call(s)" that make it a noun: "a few calls", "two phone calls", "follow-up calls". */
const CALLS_COUNTED = new Set(['a', 'the', 'few', 'couple', 'of', 'two', 'three', 'four', 'five', 'several', 'these', 'those', 'phone', 'video', 'follow-up', 'weekly', 'daily', 'regular', 'short', 'first', 'second', 'your', 'their', 'his', 'her']);
const BELIEVING = new Set(['worry', 'worries', 'worried', 'fear', 'fears', 'feared', 'believe', 'believes', 'believed', 'assume', 'assumes', 'assumed', 'find', 'finds']);
const HEARING = new Set(['heard', 'hear', 'read', 'seen']);
/** "said to cure", "reputed to", "recognized as safe": a reputation, not the author's claim. */
const REPUTED = new Set(['said', 'reputed', 'alleged', 'supposed', 'recognize', 'recognise', 'recognized', 'recognised']);
/** Others' hopes: "hoping the retreat will cure" (not "we hope"). */
const HOPING = new Set(['hoping', 'hopes', 'expecting', 'wishing']);
/** Words before "whether" that make what follows an open question. */
const WHETHER_AFTER = new Set(['say', 'know', 'sure', 'certain', 'clear', 'unclear', 'tell', 'ask', 'asks', 'asked', 'test', 'tested', 'see', 'studied', 'studying', 'known', 'unknown', 'decide', 'understood', 'about', 'discuss', 'check', 'checked', 'proven', 'proved', 'established', 'confirmed', 'investigated', 'or']);
/** "have heard", "you've probably read": what the reader has come across. */
const HEARD_AFTER = new Set(['have', "you've", 'ever', 'probably', 'already', 'often', 'may', 'might', 'sometimes']);
const BELIEVING_MADE = new Set(['believe', 'think']);
const ASSUMING = new Set(['assume', 'assumes', 'assumed']);
const NOT_OTHERS = new Set(['we', "we're", 'i', "i'm", 'you', 'to', 'please', 'will', "'ll", 'can', 'may', 'might', 'should', 'could', 'would', 'and', 'or', 'our', 'my']);
/** Sellers and the media, whose "say" is theirs: "some websites say", "adverts say". */
const SAYS = new Set(['say', 'says']);
const OTHER_SAYERS = new Set(['websites', 'sites', 'sellers', 'companies', 'brands', 'influencers', 'ads', 'adverts', 'advertisements', 'marketers', 'manufacturers', 'posts', 'forums', 'blogs', 'headlines', 'critics', 'some', 'others', 'rumours', 'rumors', 'myths']);
/** Whoever tells it: "Anyone who tells you they are risk-free is selling something". */
const TELLING = new Set(['tell', 'tells', 'told']);
const ANY_TELLER = new Set(['anyone', 'anybody', 'someone', 'somebody', 'people', 'those', 'clinics', 'companies', 'sellers', 'websites', 'brands', 'practitioners', 'influencers']);
/** Who tells the author what "some" of them say: "Some friends tell me". */
const HEARSAY_TELLERS = new Set(['friends', 'people', 'relatives', 'colleagues', 'neighbours', 'neighbors', 'readers', 'websites']);
/** Whoever, opening the sentence, tells the author: "Someone in a Facebook group told me". */
const SOMEONE = new Set(['someone', 'somebody', 'people']);
/** Professionals whose word the author reports: "The nurse told me", "my GP told me". */
const PROFESSIONAL_TELLERS = new Set(['nurse', 'doctor', 'gp', 'pharmacist', 'consultant', 'dentist', 'midwife', 'physio', 'physiotherapist', 'surgeon', 'specialist', 'optician', 'optometrist', 'dermatologist', 'cardiologist']);
function othersWords(tokens: Token[], t: Token): boolean {
  if (!HEARING.has(t.lower) && !REPUTED.has(t.lower) && !SAYING.has(t.lower) && !SAYS.has(t.lower) && !BELIEVING.has(t.lower) && !BELIEVING_MADE.has(t.lower) && !HOPING.has(t.lower) && !TELLING.has(t.lower) && t.lower !== 'whether') return false;
  const i = tokenIndexAt(tokens, t.start);
  const prev = tokens[i - 1];
  // Also hearsay told to the author: "Some friends tell me CoQ10 is completely harmless" (after
  // blind sets 290 to 293), and a professional's word reported: "The nurse told me one dose
  // protects you for life" (after blind sets 294 to 297).
  if (TELLING.has(t.lower)) {
    if ((prev?.lower === 'who' || prev?.lower === 'that') && ANY_TELLER.has(tokens[i - 2]?.lower ?? '')) return true;
    if (tokens[i + 1]?.lower !== 'me') return false;
    const before = tokens[i - 2]?.lower ?? '';
    // Or whoever opens the sentence: "Someone in a PCOS Facebook group told me" (after blind sets 298 to 301).
    return (HEARSAY_TELLERS.has(prev?.lower ?? '') && before === 'some') || (PROFESSIONAL_TELLERS.has(prev?.lower ?? '') && (before === 'the' || before === 'my' || before === 'our')) || SOMEONE.has(tokens[0]?.lower ?? '');
  }
  if (HEARING.has(t.lower)) return !!prev && HEARD_AFTER.has(prev.lower);
  // "throat sprays said to cure strep", "recognised as safe by the FDA".
  // ("recognised by NICE as a safe and effective treatment": the body that recognises it, then "as".)
  if (REPUTED.has(t.lower)) return tokens[i + 1]?.lower === 'to' || tokens[i + 1]?.lower === 'as' || (tokens[i + 1]?.lower === 'by' && tokens.slice(i + 2, i + 8).some((w) => w.lower === 'as'));
  // "can't say for certain whether hearing aids prevent dementia": a question, not a claim.
  if (t.lower === 'whether') return tokens.slice(Math.max(0, i - 4), i).some((w) => WHETHER_AFTER.has(w.lower));
  // "Social media would have you believe that fasting melts fat", "Brands want you to think that":
  // what others would make the reader believe.
  if (BELIEVING_MADE.has(t.lower) && (prev?.lower === 'you' ? /^(?:have|had)$/.test(tokens[i - 2]?.lower ?? '') : prev?.lower === 'to' && tokens[i - 2]?.lower === 'you' && /^(?:want|wants|wanted)$/.test(tokens[i - 3]?.lower ?? ''))) return true;
  // "... inspired by Dr Max Gerson, who believed coffee enemas heal cancer": a third party's belief.
  if (/^(?:believe|believes|believed)$/.test(t.lower) && prev?.lower === 'who') return true;
  if (!prev || prev.punct || NOT_OTHERS.has(prev.lower)) return false;
  // "After a few calls I knew ...": a noun, the calls made, not others calling it something.
  if (SAYING.has(t.lower)) return !CALLS_COUNTED.has(prev.lower) && !/^\d/.test(prev.lower) && !(CALL_NOUN_BEFORE.has(tokens[i - 2]?.lower ?? '') && !CALLED_OBJECTS.has(tokens[i + 1]?.lower ?? ''));
  // "Some websites say that probiotics will stop BV for good" (not "our patients say").
  // And "they say" after such sayers: "Some websites sell supplements ... that they say can cure
  // depression overnight" (after blind sets 294 to 297).
  if (SAYS.has(t.lower)) return OTHER_SAYERS.has(prev.lower) || (prev.lower === 'they' && tokens.slice(Math.max(0, i - 12), i - 1).some((w) => OTHER_SAYERS.has(w.lower) && w.lower !== 'some' && w.lower !== 'others'));
  // "a guest arrives hoping the retreat will cure their diabetes".
  if (HOPING.has(t.lower)) return true;
  // "they assume "natural" means harmless": an assumption is its holder's, with or without "that".
  if (ASSUMING.has(t.lower)) return true;
  // "Many of our customers find that ...": the seller's own customers testify, they are not others.
  return BELIEVING.has(t.lower) && tokens[i + 1]?.lower === 'that' && !tokens.slice(Math.max(0, i - 3), i).some((w) => w.lower === 'our' || w.lower === 'my');
}

const REPORTED = rx.iu`(?<![${L}])(?:review|reviews|study|studies|trial|trials|research|guidance|guideline|guidelines|nice|who|evidence|analysis|meta-analysis)\s+(?:has\s+|have\s+)?(found|finds|find|shows?|showed|shown|says|said|concluded|concludes|suggests|suggested|recommends|confirms|confirmed)(?:\s+[${L}-]+){0,5}?\s+that\s+[^.;:!?]*$`;

/**
 * The same without "that", from guidance only: "NHS guidance says TMS is safe" (after blind sets
 * 270 to 273). ("Research shows ketamine cures depression" stays a cure claim: a finding reported
 * that way is the author's, which a citation does not make acceptable.)
 */
const REPORTED_BARE = rx.iu`(?<![${L}])(?:guidance|guideline|guidelines)\s+(says|said|states|stated|recommends|recommended)\s+[^.;:!?]*$`;

const OWN_SERVICE = rx.iu`(?<![${L}])(?:our|we|us|my)(?![${L}])`;

/** "our promise of guaranteed results", "we promise": the author's own promise is not someone else's wording. */
function ownPromise(tokens: Token[], cue: Token): boolean {
  if (!/^promis/.test(cue.lower)) return false;
  // "we promise", "our promise", and the promise the author makes: "We can make this promise".
  let i = tokens.indexOf(cue) - 1;
  while (i >= 0 && PROMISE_MADE.has(tokens[i].lower)) i--;
  const prev = tokens[i]?.lower;
  return prev === 'our' || prev === 'my' || prev === 'we' || prev === 'i';
}
const PROMISE_MADE = new Set(['can', 'will', "'ll", 'make', 'makes', 'made', 'this', 'that', 'a', 'do', 'always', 'happily', 'confidently']);

/** Selling words attribute the wording only when it is what the thing is sold as ("often sold as a cure"), not in "caps sold online". */
const SOLD = new Set(['sell', 'sells', 'sold', 'selling', 'marketing', 'promoting', 'market', 'markets', 'marketed', 'advertise', 'advertises', 'advertised', 'promote', 'promotes', 'promoted']);
function soldAs(tokens: Token[], cue: Token): boolean {
  const i = tokens.indexOf(cue);
  const next = tokens.slice(i + 1, i + 9).filter((t) => !t.punct);
  // "sold as a cure", "promote kelp or iodine supplements as a natural cure" (the product may take a few words).
  return next[0]?.lower === 'with' || next[0]?.lower === 'on' || next[0]?.lower === 'that' || next.slice(0, 3).some((t) => t.lower === 'to' || t.lower === 'for') || next.slice(0, 6).some((t) => t.lower === 'as');
}
const ATTRIBUTION_AFTER = rx.iu`(?<![${L}])(?:(?:is|are|was|were)\s+(?:still\s+)?not\s+(?:fully\s+|yet\s+|well\s+)?(?:understood|known|clear|proven|established)|(?:is|are|was|were)\s+(?:a\s+)?(?:myths?|misleading|false|untrue|not\s+true|exaggerated|unproven|unsupported|hype)|(?:is|are)n['’]t\s+true)\b`;
/** What every match of `ATTRIBUTION_AFTER` holds, tried first: the full expression costs more per character. */
const ATTRIBUTION_AFTER_GATE = /is|are|was|were/i;
const ATTRIBUTION_WINDOW = 14;
/** Warnings whose object is others' wording, however long: "be wary of anyone who tells you ...". */
const WARNING = new Set(['beware', 'wary']);

const isNegationToken = (t: Token): boolean => NEGATION_WORDS.has(t.lower) || t.lower.endsWith("n't");

/**
 * Negation words that affirm: "nothing short of a miracle", "nothing less than", "no less than",
 * "no wonder", "no doubt", "none other than", "not just a cure", "not only"; "it's no surprise we're
 * the highest-rated clinic", "no secret", "no exaggeration to say" negate their own noun only.
 */
const INTENSIFYING_NEXT: Record<string, readonly (readonly string[])[]> = {
  nothing: [['short', 'of'], ['less', 'than']],
  no: [['less', 'than'], ['wonder'], ['doubt'], ['surprise'], ['secret'], ['coincidence'], ['exaggeration'], ['accident'], ['mystery']],
  none: [['other', 'than']],
  not: [['just'], ['only'], ['merely'], ['simply']],
};
function intensifies(tokens: Token[], t: Token): boolean {
  const nexts = INTENSIFYING_NEXT[t.lower];
  if (!nexts && t.lower !== 'nobody' && t.lower !== 'no-one') return false;
  const i = tokenIndexAt(tokens, t.start);
  // "Nobody in Leeds gets results like ours", "No clinic has a better record than ours": the
  // seller set above everyone.
  if (t.lower !== 'no' || RIVALS.test(tokens[i + 1]?.lower ?? '')) {
    const rest = tokens.slice(i + 1, i + 16).map((w) => w.lower).join(' ');
    if (/(?:^| )(?:like|than|as [a-z]+ as) (?:ours|us|we do)(?: |$)/.test(rest)) return true;
  }
  return !!nexts && nexts.some((words) => words.every((w, k) => tokens[i + 1 + k]?.lower === w));
}
/** What "no" may name when it sets the seller above the rest: "No clinic ... than ours". */
const RIVALS = /^(?:clinic|one|other|practice|salon|provider|studio|centre|center|team)$/;
const negatesHere = (tokens: Token[]) => (t: Token): boolean => isNegationToken(t) && !intensifies(tokens, t);

/** Index of the first token at or after `offset`. */
function tokenIndexAt(tokens: Token[], offset: number): number {
  // The first token that ends after `offset` (tokens are in order): binary search, since a
  // sentence can hold many thousands of tokens and every hit asks.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The words before `span` in its clause, nearest first, at most `window` words. Commas do not
 * end the scope (lists: "not intended to diagnose, treat, cure or prevent").
 */
function wordsBefore(tokens: Token[], span: Span, window: number, softBoundaries = true): Token[] {
  const out: Token[] = [];
  for (let i = tokenIndexAt(tokens, span.start) - 1; i >= 0 && out.length < window; i--) {
    const t = tokens[i];
    if (t.punct) {
      // An aside in parentheses, closed before the span, is passed over whole: "Some websites sell
      // SARMs (selective androgen receptor modulators) as ... without the side effects".
      if (t.text === ')') {
        const open = openingParenthesis(tokens, i);
        if (open < 0) break;
        i = open;
        continue;
      }
      if (HARD_PUNCT.has(t.text)) break;
      // "Never pool-grown, Ocean Gold is the purest": a clause with its own verb after the comma.
      if (softBoundaries && t.text === ',' && out.some((w) => FINITE_VERBS.has(w.lower))) break;
      continue;
    }
    if (softBoundaries && CLAUSE_WORDS.has(t.lower) && !adverbialYet(tokens, i)) break;
    // ", which means you can't overdose": what it means is a clause of its own ("by no means" is not one).
    if (softBoundaries && t.lower === 'means' && MEANS_OPENERS.has(tokens[i - 1]?.lower ?? '')) break;
    // "... and it cures": a new subject starts a new clause.
    const prev = tokens[i - 1];
    if (softBoundaries && SUBJECTS.has(t.lower) && prev && (prev.text === ',' || COORDINATORS.has(prev.lower))) break;
    // "... doesn't hurt and is completely safe": a second predicate of the same subject.
    if (softBoundaries && PREDICATE_VERBS.has(t.lower) && prev && COORDINATORS.has(prev.lower)) break;
    out.push(t);
  }
  return out;
}

/**
 * The index of the `(` that the `)` at `close` closes, or -1: none in the sentence, a bracket
 * between, or further back than `ASIDE_TOKENS` (a longer stretch is no aside, and a scan back
 * from every hit over one would cost as much as the sentence).
 */
function openingParenthesis(tokens: Token[], close: number): number {
  for (let j = close - 1; j >= 0 && j >= close - ASIDE_TOKENS; j--) {
    const text = tokens[j].text;
    if (text === '(') return j;
    if (text === ')' || text === '[' || text === ']') return -1;
  }
  return -1;
}

const ASIDE_TOKENS = 60;

/**
 * "yet" as an adverb, not a conjunction: after a word and before a verb ("No treatment yet
 * prevents Alzheimer's", "Nothing yet cures it"), where it opens no clause; after a comma, or
 * before a subject ("gentle, yet it works"), it is "but".
 */
function adverbialYet(tokens: Token[], i: number): boolean {
  if (tokens[i].lower !== 'yet') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return !!prev && !prev.punct && !!next && !next.punct && !SUBJECTS.has(next.lower);
}

/** The words after `span` up to a comma or clause boundary, at most `window` words. */
function wordsAfter(tokens: Token[], span: Span, window: number): Token[] {
  const out: Token[] = [];
  for (let i = tokenIndexAt(tokens, span.end); i < tokens.length && out.length < window; i++) {
    const t = tokens[i];
    if (t.punct) break;
    if (CLAUSE_WORDS.has(t.lower)) break;
    out.push(t);
  }
  return out;
}

/**
 * "No fillers, no nasties, just nature at its most powerful", "not a drug, only nature's own
 * cure": after the negation, a comma and "just", "only", "simply" or "purely" turn to what is
 * affirmed.
 */
function contrasted(tokens: Token[], negation: Token, span: Span): boolean {
  for (let i = tokenIndexAt(tokens, negation.end); i + 1 < tokens.length && tokens[i + 1].start < span.start; i++) {
    if (tokens[i].text === ',' && CONTRAST.has(tokens[i + 1].lower)) return true;
  }
  return false;
}
const CONTRAST = new Set(['just', 'only', 'simply', 'purely']);

/** A negation cue whose scope covers the span ("not a cure", "no treatment works for everyone", "a cure is not"). */
export function negationCue(sentence: string, span: Span, tokens = tokenize(sentence)): Token | undefined {
  // One scan back, read at three widths (a narrower window is a prefix of a wider one).
  const opening = wordsBefore(tokens, span, NEGATED_SUBJECT_WINDOW);
  const before = opening.slice(0, NEGATION_WINDOW).find(negatesHere(tokens));
  // "With no wires or brackets, aligners carry no risk": a determiner "no" negates its own noun
  // phrase, which a comma closes; not when a relative clause of that noun phrase holds the
  // coordination ("there is no supplement that prevents dementia or reverses memory loss").
  if (before && !(before.lower === 'no' && closesNounPhrase(tokens, before, span)) && !contrasted(tokens, before, span)) return before;
  // "not approved by the FDA to treat or cure any disease", "not intended to diagnose, treat or
  // cure": a disclaimer's negation reaches the verbs it lists.
  const disclaimer = opening.slice(0, DISCLAIMER_WINDOW).find((t, k, ws) => isNegationToken(t) && DISCLAIMED.has(ws[k - 1]?.lower ?? ''));
  if (disclaimer) return disclaimer;
  // "There is no good evidence that any diet can cure cancer": a denial of evidence covers what it denies.
  const opened = opening.slice(0, DISCLAIMER_WINDOW);
  const denial = opened.findIndex((t, k) => t.lower === 'that' && EVIDENCE_NOUNS.has(opened[k + 1]?.lower ?? '') && opening.slice(k + 2, k + 5).some(isNegationToken));
  if (denial >= 0) return opening.slice(denial + 2, denial + 5).find(isNegationToken);
  // "No particular diet has been shown to work better than ...": a negated subject at the start
  // of the sentence covers its whole first clause, however long the subject and verb group.
  const first = opening[opening.length - 1];
  if (first && first === tokens.find((t) => !t.punct) && NEGATED_SUBJECTS.has(first.lower) && !intensifies(tokens, first) && !contrasted(tokens, first, span)) return first;
  // "lack of", "absence of" are cues only with "of"; plain "rather than" negates what follows.
  const after = wordsAfter(tokens, span, 3);
  // "A cure is not available", "guarantees aren't possible".
  if (after.length >= 1 && /^(?:is|are|was|were|has|have|does|do|will|can)$/.test(after[0].lower) && after[1] && isNegationToken(after[1])) return after[1];
  if (after[0] && /^(?:is|are|was|were|does|do|has|have|can|will)n't$/.test(after[0].lower)) return after[0];
  return undefined;
}

/**
 * Whether a comma, "and" or "or" between a determiner "no" and the span closes its noun phrase,
 * with no relative clause of that phrase before it.
 */
function closesNounPhrase(tokens: Token[], no: Token, span: Span): boolean {
  const i = tokens.indexOf(no);
  for (let k = i + 1; k < tokens.length && tokens[k].start < span.start; k++) {
    const t = tokens[k];
    if (k <= i + 4 && RELATIVES.has(t.lower)) return false;
    if (t.text === ',' || t.lower === 'and' || t.lower === 'or') return true;
  }
  return false;
}
const RELATIVES = new Set(['that', 'which', 'who']);

/** A hedge whose scope covers the span ("may be more effective than", "appears most effective"). */
export function hedgeCue(sentence: string, span: Span, tokens = tokenize(sentence)): string | undefined {
  // "For most people, ectopic beats are harmless": how often, for most, not for all.
  const opening = FREQUENCY_OPENING.exec(sentence);
  if (opening && opening.index + opening[0].length <= span.start) return opening[0].trim();
  const before = wordsBefore(tokens, span, HEDGE_WINDOW);
  const w = before.find((t) => HEDGE_WORDS.has(t.lower));
  if (w) return w.text;
  const joined = before
    .map((t) => t.lower)
    .reverse()
    .join(' ');
  return HEDGE_PHRASES.find((p) => ` ${joined} `.includes(` ${p} `));
}

/**
 * An attribution that distances the author from the wording: "claims that ...", "so-called",
 * "marketed as", "has been called", "hailed as", "is a myth".
 */
export function attributionCue(sentence: string, span: Span, tokens = tokenize(sentence)): string | undefined {
  const window = wordsBefore(tokens, span, ATTRIBUTION_WINDOW, false);
  // Others' words reach the end of their own clause ("Doctors call it the gold standard, but our
  // clients tell us ..." leaves the second clause the author's).
  let crossed = false;
  const before = window.find((t) => {
    if (CLAUSE_WORDS.has(t.lower)) crossed = true;
    return (ATTRIBUTION_WORDS.has(t.lower) && !(SOLD.has(t.lower) && !soldAs(tokens, t)) && !ownPromise(tokens, t)) || calledBy(tokens, t) || (!crossed && othersWords(tokens, t));
  });
  if (before) return before.text;
  // "Some go further and promise that cutting out your trigger foods will clear up migraines,
  // eczema and weight problems for good": a saying word with its "that" reports the whole clause
  // after it, however long, to the clause's end.
  // ("Be wary of anyone who tells you their injections are completely safe or that you'll look
  // ten years younger": a warning covers everything it warns of.)
  const reporting = wordsBefore(tokens, span, 3 * ATTRIBUTION_WINDOW).find((t, k, ws) => k >= ATTRIBUTION_WINDOW && ATTRIBUTION_WORDS.has(t.lower) && !SOLD.has(t.lower) && !ownPromise(tokens, t) && (ws[k - 1]?.lower === 'that' || WARNING.has(t.lower)));
  if (reporting) return reporting.text;
  // A finding reported from the evidence ("A Cochrane review found that ...", "NICE says that
  // ..."): the wording is the source's, and the sentence asks for that source (missing-citation).
  // Not when the finding is about the author's own service ("Studies show that our program is
  // more effective"): that stays the author's claim.
  const lead = sentence.slice(Math.max(0, span.start - 120), span.start);
  const reported = REPORTED.exec(lead) ?? REPORTED_BARE.exec(lead);
  if (reported && !OWN_SERVICE.test(reported[0])) return reported[1];
  // The rest of the clause after the wording: "... are misleading", "... is a myth".
  // (At most 1,000 characters: a sentence without punctuation can be megabytes long.)
  const rest = sentence.slice(span.end, span.end + 1000);
  const clauseEnd = rest.search(/[.;:!?]/u);
  const clause = clauseEnd >= 0 ? rest.slice(0, clauseEnd) : rest;
  return ATTRIBUTION_AFTER_GATE.test(clause) ? ATTRIBUTION_AFTER.exec(clause)?.[0].trim() : undefined;
}

/** Quoted stretches of a sentence: "…", “…”, ‘…’ and '…' (apostrophes are not quotes). */
export function quoteSpans(sentence: string): Span[] {
  const out: Span[] = [];
  const pairs: [string, string][] = [
    ['“', '”'],
    ['"', '"'],
    ['‘', '’'],
    ["'", "'"],
  ];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      let s = sentence.indexOf(open, from);
      if (s < 0) break;
      // A single quote opens only after a space or start, and closes only before a non-letter.
      if (open.length === 1 && (open === "'" || open === '‘') && s > 0 && rx.u`[${L}\p{N}]`.test(sentence[s - 1])) {
        from = s + 1;
        continue;
      }
      let e = sentence.indexOf(close, s + 1);
      while (e >= 0 && (close === "'" || close === '’') && e + 1 < sentence.length && rx.u`[${L}\p{N}]`.test(sentence[e + 1])) e = sentence.indexOf(close, e + 1);
      if (e < 0) break;
      out.push({ start: s, end: e + 1 });
      s = e + 1;
      from = s;
    }
  }
  return out;
}

const FIRST_PERSON = rx.iu`(?<![${L}])(?:i|i'm|i’m|i've|i’ve|my|me|we|our|us|myself)(?![${L}])`;

/**
 * The quotation that contains the span, and whether it is in the first person (a quoted
 * testimonial is still the author's claim: the author chose to publish it).
 */
let lastQuoted: { sentence: string; spans: Span[] } | undefined;

/** The quotations of a sentence, kept for the next call: the hits of one sentence come in a row. */
function quoteSpansOf(sentence: string): Span[] {
  if (lastQuoted?.sentence !== sentence) lastQuoted = { sentence, spans: quoteSpans(sentence) };
  // This copy from now on (see `last` above: equal copies compare whole).
  else lastQuoted.sentence = sentence;
  return lastQuoted.spans;
}

export function quotation(sentence: string, span: Span): { span: Span; firstPerson: boolean } | undefined {
  const q = quoteSpansOf(sentence).find((s) => s.start <= span.start && span.end <= s.end);
  if (!q) return undefined;
  // A sentence that is all quotation ("Took two of these to a wedding, honestly life-changing!")
  // is a customer's words the page publishes, as much as one in the first person.
  return { span: q, firstPerson: FIRST_PERSON.test(sentence.slice(q.start, q.end)) || whollyQuoted(sentence, q) };
}

/**
 * Whether the quotation is the whole sentence, but for white space and the punctuation that ends
 * it, or a review's signature: after a star rating, or naming a verified buyer ('★★★★★ "Honestly
 * the best supplement on the market for anyone having surgery." – Janet W., verified buyer').
 */
function whollyQuoted(sentence: string, q: Span): boolean {
  const before = sentence.slice(0, q.start);
  if (!/^[\s*★☆]*$/u.test(before)) return false;
  const after = sentence.slice(q.end);
  if (/^[\s.!?,;:]*$/u.test(after)) return true;
  return REVIEW_SIGNATURE.test(after) && (/[★☆]/u.test(before) || VERIFIED_BUYER.test(after));
}
const REVIEW_SIGNATURE = /^[\s.!?,;:]*[-–—]?\s*\p{Lu}[^"“”]{0,80}$/u;
const VERIFIED_BUYER = rx.iu`(?<![${L}])verified (?:buyer|customer|purchase|purchaser|reviewer|owner)(?![${L}])`;

/** Whether a sentence is a question (its prose ends with a question mark). */
export function isQuestion(sentence: string): boolean {
  // `/\?["'”’)\]]*\s*$/u`, read from the end (the regex tries every position of the sentence).
  let i = sentence.length;
  while (i > 0 && isJsSpace(sentence.charCodeAt(i - 1))) i--;
  while (i > 0 && '"\'”’)]'.includes(sentence[i - 1])) i--;
  return i > 0 && sentence[i - 1] === '?';
}
