import { drugKnowledge } from '../knowledge/drugs';
import { type Token, tokenize } from './scope';
import { COMMIT_SUICIDE_SOURCE, dieBySuicide } from '../text/suicideWording';

/**
 * A small lexicon-driven model of a sentence's structure, for citation need: each word gets a
 * class (a condition, a treatment, a population, a body part, an outcome, a number, a modal, a
 * first- or second-person word...), the sentence is split at its first verb into a subject and
 * a predicate, and the features a classifier reads are the classes on each side, the verb, the
 * shape of the predicate (a definition "X is a ...", a frequency, a time course, a comparison)
 * and the words themselves with conditions and drugs replaced by their class, so that what is
 * learnt about one condition carries to another. No part-of-speech tagger: word lists and
 * suffixes are enough for the classes that matter here, and cost a few microseconds.
 */

export type WordClass =
  | 'cond'
  | 'drug'
  | 'treat'
  | 'pop'
  | 'body'
  | 'outcome'
  | 'num'
  | 'time'
  | 'modal'
  | 'neg'
  | 'freq'
  | 'comp'
  | 'first'
  | 'second'
  | 'service'
  | 'copula'
  | 'aux'
  | 'det'
  | 'quant'
  | 'effect'
  | 'assess'
  | 'verb';

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

const CONDITION_WORDS = set(`
  disease diseases disorder disorders syndrome syndromes condition conditions illness illnesses infection infections cancer cancers tumour tumours tumor tumors
  pain pains ache aches headache headaches migraine migraines symptom symptoms attack attacks flare flares episode episodes seizure seizures stroke strokes
  depression anxiety insomnia dementia obesity diabetes asthma eczema acne psoriasis arthritis osteoarthritis osteoporosis hypertension allergy allergies
  addiction dependence withdrawal overdose overdoses relapse relapses injury injuries concussion concussions fracture fractures deficiency deficiencies
  rash rashes fever nausea vomiting diarrhea diarrhoea constipation fatigue itching swelling bruising bleeding inflammation craving cravings nightmares
  ptsd ocd adhd ibs copd gerd mania psychosis bipolar schizophrenia autism grief stress burnout tinnitus snoring apnea apnoea infertility menopause
  shingles flu influenza covid colds cold cough wheeze wheezing bloating cramps cramping dizziness drowsiness sleepiness weakness numbness
  malaise complication complications defects defect damage loss disability disabilities death deaths mortality anxious depressed sick ill
  gout lupus rosacea sciatica cataract cataracts hernia hernias ulcer ulcers emphysema pneumonia angina lice scabies warts wart thrush sepsis measles
  mumps rubella chickenpox herpes hpv hiv rsv endometriosis fibroids incontinence prolapse bunion bunions varicocele stuttering colic reflux
  uti utis burnout loneliness dementia croup pcos gallstones tonsillitis sprain sprains tear tears
  preeclampsia pre-eclampsia eclampsia hypermobility impetigo threadworm threadworms verruca verrucas ganglion ganglions bronchiolitis diverticular
  stillbirth stillbirths miscarriage miscarriages
`);
/** Suffixes that name conditions: "tendinitis", "fibrosis", "anaemia", "neuropathy", "neuralgia", "melanoma", "hypothyroidism". */
const CONDITION_SUFFIX = /(?:itis|osis|oses|emia|aemia|pathy|pathies|algia|oma|omas|ism|isms|plegia|trophy|rrhea|rrhoea|iasis)$/;
const TREATMENT_WORDS = set(`
  therapy therapies treatment treatments medication medications medicine medicines drug drugs pill pills tablet tablets capsule capsules
  vaccine vaccines vaccination vaccinations injection injections infusion infusions supplement supplements surgery surgeries procedure procedures
  dose doses cream creams ointment ointments inhaler inhalers spray sprays patch patches drops antibiotic antibiotics antidepressant antidepressants
  stimulant stimulants steroid steroids opioid opioids exercise exercises counselling counseling psychotherapy cbt physiotherapy
  intervention interventions diet diets remedy remedies product products device devices implant implants hormone hormones
  vitamin vitamins mineral minerals probiotic probiotics herb herbs oil oils shot shots booster boosters screening screenings test tests scan scans
  massage acupuncture manipulation stretching yoga meditation mindfulness hypnotherapy sessions regimen regimens
`);
/** Suffixes of drug names (INN stems): "-mab", "-pril", "-olol", "-statin", "-azole", "-cillin", "-tide", "-xetine"... */
const DRUG_SUFFIX = /(?:mab|pril|olol|sartan|statin|azole|cillin|mycin|cycline|tide|glutide|xetine|oxetine|pram|pam|lam|zepam|zolam|tidine|prazole|dronate|triptan|afil|caine|profen|fenac|semide|thiazide|lukast|sone|olone|formin|gliptin|flozin|parin|xaban|navir|vir|pine|done|tamine|amine|phetamine|terol|sonide)$/;
const POPULATION_WORDS = set(`
  people person patients patient adults adult children child kids kid teens teen teenagers teenager adolescents adolescent women woman men man
  mothers mother parents parent infants infant babies baby toddlers users user smokers drinkers veterans survivors sufferers seniors elderly
  girls boys students athletes canadians americans individuals population populations families family partners pregnancies pregnancy participants
  newborns workers drivers client clients customer customers member members graduate graduates
`);
const BODY_WORDS = set(`
  brain brains heart hearts liver kidney kidneys lung lungs skin gut bowel stomach blood bone bones joint joints muscle muscles nerve nerves spine
  back neck knee knees hip hips eye eyes ear ears teeth tooth scalp hair bladder cartilage immune cells cell hormones airway airways body bodies
  thyroid pancreas prostate uterus ovaries breast breasts colon intestine intestines sperm eggs cortex receptors circulation metabolism
`);
const OUTCOME_WORDS = set(`
  risk risks chance chances odds likelihood rate rates levels level function quality recovery remission response survival outcomes outcome
  improvement improvements benefit benefits effect effects results result relief healing progress progression severity intensity frequency
  mood sleep memory focus concentration energy weight appetite growth fertility pressure sugar glucose cholesterol aging ageing
  hearing vision eyesight balance mobility stamina
`);
/** Words that assess safety, frequency or standing: "is not contagious", "are common", "remains the first-line", "never diagnosed". */
const ASSESSMENTS = set(`
  common uncommon rare safe unsafe safer dangerous contagious infectious addictive habit-forming effective ineffective harmful toxic fatal deadly
  first-line evidence-based diagnosed undiagnosed underdiagnosed undertreated studied tested proven unproven hereditary inherited
  preventable treatable curable reversible irreversible tolerated beneficial
`);
const MODALS = set(`can may might could will would should must cannot can't won't shouldn't`);
const NEGATIONS = set(`not no never none nothing nobody neither nor without isn't aren't doesn't don't didn't wasn't weren't hasn't haven't`);
const FREQUENCY = set(`often usually typically commonly frequently rarely seldom generally sometimes occasionally always tend tends tended mostly normally regularly`);
const COMPARATIVE = set(`more less fewer greater larger smaller longer shorter faster slower better worse higher lower safer stronger weaker quicker than`);
const FIRST = set(`we our us we're we've we'll ours i my me`);
const SECOND = set(`you your you're you'll you've yours yourself`);
const SERVICE = set(`
  clinic clinics appointment appointments visit visits booking book booked referral referrals insurance billing staff team teams office offices
  offer offers offered provide provides provided available welcome consultation consultations fee fees cost costs price prices membership
  online video phone call email website session sessions lounge suites located hours weekday weekdays evening evenings
`);
const COPULAS = set(`is are was were be been being isn't aren't wasn't weren't`);
const AUXILIARIES = set(`has have had does do did having`);
const DETERMINERS = set(`a an the this that these those its their his her`);
const QUANTIFIERS = set(`many most some few several all every each any both half majority minority`);
const TIME_WORDS = set(`day days week weeks month months year years hour hours minute minutes decade decades lifetime age ages`);
const NUMBER_WORDS = set(`one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million twice double triple times`);
/** Verbs of effect, course and cause (lemmas). */
const EFFECT_VERBS = set(`
  reduce improve relieve lower decrease increase prevent shorten lengthen prolong worsen raise alleviate ease slow protect boost cause affect
  reverse eliminate restore repair heal strengthen weaken trigger halve double delay speed enhance maintain keep decline drop fall cut stop
  peak fade subside persist return recur regrow damage harm lead develop start begin last resolve clear spread run change shift help
  rise drive block interfere interact predict contribute treat cure control manage limit calm soothe sharpen rebuild regulate balance
  outperform improve remove destroy kill promote support respond lose gain recover regrow realign reset rewire flush clear transform
`);
/** Other common verbs, so the first verb of a sentence is found without a tagger. */
const OTHER_VERBS = set(`
  make take give get go come see show find feel seem appear happen occur involve include contain mean need use work act become remain stay
  happens occurs call say tell know think believe report suggest indicate experience notice wake sleep eat drink live die grow
  communicate carry deliver connect design offer provide accept ship meet combine depend differ vary matter pass
`);
const IRREGULAR = new Map(
  Object.entries({
    kept: 'keep', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', led: 'lead', ran: 'run', took: 'take', taken: 'take', gave: 'give', given: 'give',
    made: 'make', got: 'get', went: 'go', gone: 'go', came: 'come', saw: 'see', seen: 'see', found: 'find', felt: 'feel', grew: 'grow', grown: 'grow',
    began: 'begin', begun: 'begin', shown: 'show', known: 'know', knew: 'know', thought: 'think', told: 'tell', said: 'say', drove: 'drive', driven: 'drive',
    children: 'child', women: 'woman', men: 'man', people: 'person', feet: 'foot', teeth: 'tooth', mice: 'mouse', is: 'be', are: 'be', was: 'be', were: 'be',
    been: 'be', has: 'have', had: 'have', does: 'do', did: 'do', better: 'good', worse: 'bad',
  }),
);

/** A crude lemma: enough to join "reduces", "reduced", "reducing" to "reduc". */
export function lemma(w: string): string {
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us|is|ous)$/.test(w)) return w;
  if (/(?:sses|shes|ches|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return dropE(w.slice(0, -1));
  if (w.endsWith('ing') && w.length > 5) return stripDouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return stripDouble(w.slice(0, -2));
  return dropE(w);
}

/** "eliminate", "eliminates", "eliminated" all give "eliminat". */
function dropE(w: string): string {
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}

function stripDouble(stem: string): string {
  if (/([bdgklmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  return stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

const lemmaSet = (s: Set<string>): Set<string> => new Set([...s].map(lemma));
const EFFECT_LEMMAS = lemmaSet(EFFECT_VERBS);
const OTHER_VERB_LEMMAS = lemmaSet(OTHER_VERBS);

function classOf(w: string, l: string): WordClass | undefined {
  if (/^\d/.test(w)) return 'num';
  if (NUMBER_WORDS.has(w)) return 'num';
  if (FIRST.has(w)) return 'first';
  if (SECOND.has(w)) return 'second';
  if (NEGATIONS.has(w)) return 'neg';
  if (MODALS.has(w)) return 'modal';
  if (COPULAS.has(w)) return 'copula';
  if (AUXILIARIES.has(w)) return 'aux';
  if (DETERMINERS.has(w)) return 'det';
  if (QUANTIFIERS.has(w)) return 'quant';
  if (FREQUENCY.has(w)) return 'freq';
  if (COMPARATIVE.has(w)) return 'comp';
  if (TIME_WORDS.has(w)) return 'time';
  if (POPULATION_WORDS.has(w)) return 'pop';
  if (CONDITION_WORDS.has(w) || (w.length > 5 && CONDITION_SUFFIX.test(w))) return 'cond';
  if (TREATMENT_WORDS.has(w)) return 'treat';
  if (BODY_WORDS.has(w)) return 'body';
  if (OUTCOME_WORDS.has(w)) return 'outcome';
  if (SERVICE.has(w)) return 'service';
  if (ASSESSMENTS.has(w)) return 'assess';
  if (EFFECT_LEMMAS.has(l)) return 'effect';
  if (w.length > 5 && DRUG_SUFFIX.test(w)) return 'drug';
  if (OTHER_VERB_LEMMAS.has(l)) return 'verb';
  return undefined;
}

/** Lemma and class per lowercase word, kept across sentences (words repeat; bounded). */
const wordCache = new Map<string, { lemma: string; cls?: WordClass }>();

function wordInfo(w: string): { lemma: string; cls?: WordClass } {
  let info = wordCache.get(w);
  if (!info) {
    if (wordCache.size > 20000) wordCache.clear();
    const l = lemma(w);
    info = { lemma: l, cls: classOf(w, l) };
    wordCache.set(w, info);
  }
  return info;
}

export interface StructuredWord {
  token: Token;
  lemma: string;
  cls?: WordClass;
}

/** The words of a sentence with their lemmas and classes; conditions and drugs of the drug data win over the word lists. */
export function structuredWords(sentence: string): StructuredWord[] {
  const words = tokenize(sentence).filter((t) => !t.punct);
  const out: StructuredWord[] = words.map((token) => {
    const known = wordInfo(token.lower);
    return { token, lemma: known.lemma, cls: known.cls };
  });
  const terms = drugKnowledge().findTerms(sentence);
  if (terms.length) {
    let k = 0;
    for (const t of terms) {
      if (t.kind === 'route') continue;
      while (k < out.length && out[k].token.end <= t.start) k++;
      for (let j = k; j < out.length && out[j].token.start < t.end; j++) out[j].cls = t.kind === 'drug' ? 'drug' : 'cond';
    }
  }
  return out;
}

/** Where the predicate starts: the first copula, auxiliary, modal or verb after the first word. */
export function verbIndex(words: StructuredWord[]): number {
  for (let i = 1; i < words.length; i++) {
    const c = words[i].cls;
    if (c === 'copula' || c === 'aux' || c === 'modal' || c === 'effect' || c === 'verb' || c === 'freq') return i;
    // An unknown word ending in -s after a noun-like word: "Cravings peak", "It tends", "Nicotine changes".
    const w = words[i].token.lower;
    const prev = words[i - 1].cls;
    // Not when a verb follows: "Our facial peels are ...".
    const next = words[i + 1]?.cls;
    const verbNext = next === 'copula' || next === 'aux' || next === 'modal' || next === 'neg' || next === 'freq';
    if (!c && i <= 6 && /[^s]s$/.test(w) && prev !== 'det' && prev !== 'first' && prev !== 'second' && !verbNext) return i;
  }
  return Math.min(words.length, 4);
}

/** A term with its abbreviation in parentheses, before the first clause ends. */
const ABBREVIATION = /^[^.;:()]{3,80}\((?:[A-Z][A-Za-z0-9+-]{1,9})\)/u;
const PARTICIPLE = /(?:ed|en|wn|ne|lt|nt|de|ld|ng)$/;
const DESCRIPTIVE_PREPOSITIONS = set(`by from in at with as to for on into under before after during through since`);
const DEFINING_VERBS = set(`mean refer`);

/** The feature that says the predicate states something a source could back (see `statesSomething`). */
export const GATE = 'gate:states';

const UNIVERSAL = set(`all any each every both`);
const RELATIVE = set(`which that who`);

/**
 * A definition by its main verb: "Panic disorder means ...", "X refers to ...", "OSA happens
 * when ...", "X is when ..." (not "Pacing, which means ..., helps": a relative clause).
 */
function defines(words: StructuredWord[], v: number): boolean {
  const verb = words[v];
  if (!verb || (v > 0 && RELATIVE.has(words[v - 1].token.lower))) return false;
  const next = words[v + 1]?.token.lower;
  if (verb.lemma === 'mean' || verb.lemma === 'refer' || (verb.lemma === 'defin' && words[v - 1]?.cls === 'copula')) return true;
  return (verb.lemma === 'happen' || verb.lemma === 'occur' || verb.cls === 'copula') && next === 'when';
}

/**
 * Whether the predicate states what evidence is about: an effect or a cause (an effect verb),
 * an outcome or a condition, a frequency, a comparison, or a quantity (a number, a duration,
 * "many", "most"). A sentence whose predicate names none of these (routes, settings, what a
 * product is called) is a description, whatever the classifier's words say.
 */
function statesSomething(words: StructuredWord[], v: number): boolean {
  for (let i = v; i < words.length; i++) {
    // "for all patients who start lithium": what follows "who" describes the population.
    if (words[i].token.lower === 'who') break;
    const c = words[i].cls;
    // "keeps you on track", "helps you relax": what a service does for the reader.
    if (c === 'effect' && words[i + 1]?.cls === 'second') continue;
    if (c === 'effect' || c === 'assess' || c === 'outcome' || c === 'cond' || c === 'freq' || c === 'comp' || c === 'num' || c === 'time') return true;
    // "many patients", "most cases", not "several medical routes".
    if (c === 'quant' && !UNIVERSAL.has(words[i].token.lower) && words.slice(i + 1, i + 3).some((w) => w.cls === 'pop' || w.cls === 'cond' || w.cls === 'outcome')) return true;
  }
  return false;
}

const HEALTH_CLASSES = new Set<WordClass>(['cond', 'drug', 'treat', 'pop', 'body', 'outcome']);
const PRONOUN_SUBJECTS = new Set(['it', 'they', 'this', 'these', 'its', 'their']);

/**
 * Whether a sentence is about health: a condition, drug, treatment, population, body part or
 * outcome in it, or a pronoun subject ("It often starts before the first birthday") after a
 * sentence of its paragraph that has one. Text about software or opening hours is not.
 */
export function healthAnchored(sentence: string, previous?: string): boolean {
  const words = structuredWords(sentence);
  if (words.some(isAnchor)) return true;
  if (!previous || !words.length || !PRONOUN_SUBJECTS.has(words[0].token.lower)) return false;
  return structuredWords(previous).some(isAnchor);
}

/** Outcome words that are as much about software or service as about health ("result", "level") anchor nothing. */
const GENERIC_OUTCOMES = set(`
  result results effect effects level levels rate rates function quality response benefit benefits improvement improvements progress
  frequency intensity severity outcome outcomes pressure focus energy balance
`);

function isAnchor(w: StructuredWord): boolean {
  return w.cls !== undefined && HEALTH_CLASSES.has(w.cls) && !(w.cls === 'outcome' && GENERIC_OUTCOMES.has(w.token.lower));
}

const CLASS_WORD: Partial<Record<WordClass, string>> = { cond: '<cond>', drug: '<drug>', num: '<num>' };

/** "commit suicide" in any form, read as safe-messaging's fix rewords it (`text/suicideWording.ts`). */
const COMMIT_SUICIDE = new RegExp(COMMIT_SUICIDE_SOURCE, 'gi');

/**
 * The features of a sentence, as names: the classifier's weights are looked up by name. Every
 * feature is binary (present or absent).
 */
export function sentenceFeatures(sentence: string): string[] {
  // Read as safe-messaging's fix rewords it ("commits suicide" as "dies by suicide"), so that
  // applying that fix cannot change whether the sentence needs a source.
  const words = structuredWords(sentence.replace(COMMIT_SUICIDE, (_m, ending: string | undefined) => dieBySuicide(ending)));
  const f = new Set<string>();
  const n = words.length;
  if (n === 0) return [];
  const norm = words.map((w) => (w.cls && CLASS_WORD[w.cls]) ?? w.lemma);
  for (const w of norm) f.add(`w:${w}`);
  for (let i = 0; i + 1 < n; i++) f.add(`b:${norm[i]}_${norm[i + 1]}`);
  f.add(`first:${norm[0]}`);
  if (words[0].cls) f.add(`first:@${words[0].cls}`);
  const v = verbIndex(words);
  for (let i = 0; i < n; i++) {
    const c = words[i].cls;
    if (!c) continue;
    f.add(`${i < v ? 's' : 'p'}:${c}`);
  }
  if (v < n) {
    const verb = words[v];
    f.add(`v:${verb.lemma}`);
    if (verb.cls) f.add(`v:@${verb.cls}`);
    const next = words[v + 1];
    if (next) {
      f.add(`vn:${verb.cls ?? '?'}_${next.cls ?? next.lemma}`);
      // "X is a hormone", "X is an oral medicine": a definition.
      if (verb.cls === 'copula' && next.cls === 'det' && /^(?:a|an)$/.test(next.token.lower)) f.add('shape:definition');
      if (verb.cls === 'copula' && next.cls === 'neg') f.add('shape:is-not');
      if (verb.cls === 'modal' && next.cls === 'effect') f.add('shape:modal-effect');
      if (verb.cls === 'modal' && next.lemma === 'be') f.add('shape:modal-be');
      // "Chronic pain is pain that lasts", "Kratom is made from": a definition or a description.
      if (verb.cls === 'copula' && (next.cls === 'cond' || next.cls === 'treat')) f.add('shape:definition');
      if ((verb.cls === 'copula' || verb.lemma === 'have') && PARTICIPLE.test(next.token.lower) && next.cls !== 'effect') {
        const after = words[v + 2];
        f.add(after && DESCRIPTIVE_PREPOSITIONS.has(after.token.lower) ? 'shape:passive-description' : 'shape:passive');
      }
    }
    // "Panic disorder means", "OSA happens when", "X refers to": definitions.
    if (DEFINING_VERBS.has(verb.lemma)) f.add('shape:definition');
    if ((verb.lemma === 'happen' || verb.lemma === 'occur') && words[v + 1]?.token.lower === 'when') f.add('shape:definition');
  }
  // "Set a quit date", "Sit at the distance": an unknown first word in its base form, then a determiner, a possessive or a preposition.
  const second = words[1];
  if (!words[0].cls && second && !/s$/.test(words[0].token.lower) && (second.cls === 'det' || second.cls === 'second' || DESCRIPTIVE_PREPOSITIONS.has(second.token.lower))) f.add('shape:imperative');
  const subjectClasses = new Set(words.slice(0, v).map((w) => w.cls));
  const predicateClasses = new Set(words.slice(v).map((w) => w.cls));
  const healthSubject = ['cond', 'drug', 'treat', 'pop', 'body', 'outcome'].some((c) => subjectClasses.has(c as WordClass));
  const healthPredicate = ['cond', 'drug', 'treat', 'body', 'outcome', 'pop'].some((c) => predicateClasses.has(c as WordClass));
  if (healthSubject) f.add('shape:health-subject');
  if (healthSubject && predicateClasses.has('effect')) f.add('shape:health-effect');
  if (healthSubject && predicateClasses.has('freq')) f.add('shape:health-frequency');
  if (healthSubject && predicateClasses.has('comp')) f.add('shape:health-comparison');
  if (healthSubject && predicateClasses.has('time')) f.add('shape:health-time');
  if (healthSubject && healthPredicate) f.add('shape:health-health');
  if (subjectClasses.has('first')) f.add('shape:we-subject');
  if (subjectClasses.has('second')) f.add('shape:you-subject');
  if (subjectClasses.has('second') && predicateClasses.has('modal')) f.add('shape:you-modal');
  if (subjectClasses.has('service') || predicateClasses.has('service')) f.add('shape:service');
  // "Obstructive sleep apnea (OSA) happens when": a sentence that introduces a term defines it.
  if (ABBREVIATION.test(sentence)) f.add('shape:introduces-term');
  // "has been used as an anesthetic for more than 50 years", "since the 1960s": history of use.
  for (let i = 0; i + 1 < n; i++) {
    if (words[i].token.lower === 'used' && (words[i - 1]?.token.lower === 'been' || words[i - 1]?.cls === 'copula')) {
      if (words.slice(i + 1).some((w) => w.token.lower === 'since' || w.token.lower === 'decades' || w.token.lower === 'years')) f.add('shape:history');
    }
  }
  f.add(`len:${n < 8 ? 's' : n < 16 ? 'm' : n < 26 ? 'l' : 'x'}`);
  if (statesSomething(words, v) && !defines(words, v)) f.add(GATE);
  return [...f];
}
