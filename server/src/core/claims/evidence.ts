import type { Article, Block, Sentence } from '../article/model';
import { LiteralMatcher } from '../text/literalMatcher';
import { NeedleSet } from '../text/needles';
import { drugKnowledge } from '../knowledge/drugs';
import { verbForms } from './inflect';
import { isQuestion, quotation, type Token, tokenize } from './scope';
import { structuredWords } from './structure';
import { L, rx } from '../text/letters';

/**
 * Citation need: whether a sentence asserts evidence. Cue families follow the domain notes:
 * study and trial cues, "has been found/shown", appeals to consensus and experts, statistics
 * and prevalence, comparative efficacy, measured effects, and safety statements. Sentences that
 * are not claims at all (questions, instructions, the page describing itself) are recognised
 * first.
 */

export type CueFamily = 'study' | 'consensus' | 'statistic' | 'comparison' | 'effect' | 'safety';

const PRIORITY: CueFamily[] = ['study', 'consensus', 'statistic', 'safety', 'comparison', 'effect'];

export interface EvidenceCue {
  family: CueFamily;
  /** The cue as written in the sentence. */
  text: string;
  /** Offsets in the sentence text. */
  start: number;
  end: number;
}

const forms = (...lemmas: string[]): string[] => lemmas.flatMap((l) => Object.values(verbForms(l)));

/** A research noun followed within a few words by a reporting verb: "studies consistently show". */
const STUDY_NOUNS = new Set([
  'study', 'studies', 'research', 'researchers', 'scientists', 'trial', 'trials', 'evidence', 'data', 'findings', 'analysis', 'analyses', 'meta-analysis', 'meta-analyses',
  'review', 'reviews', 'survey', 'surveys', 'experiment', 'experiments', 'investigators', 'literature', 'testing',
]);
const REPORTING_VERBS = new Set([
  ...forms('show', 'suggest', 'indicate', 'demonstrate', 'report', 'confirm', 'support', 'reveal', 'link', 'believe', 'estimate', 'observe', 'point', 'study', 'test', 'investigate', 'examine'),
  'shown', 'found', 'find', 'finds', 'tells', 'tell',
]);
const STUDY_WINDOW = 7;
/** Words that open an aside between commas: "Trials of sleep training, including one that followed families for five years, found ...". */
const ASIDE_OPENERS = new Set(['including', 'which', 'that', 'who', 'such', 'some', 'one', 'most', 'many', 'both', 'all', 'like', 'from', 'in', 'published', 'led', 'run', 'funded', 'carried', 'done', 'involving']);
/** The longest aside passed over, in tokens. */
const ASIDE_MAX = 30;

interface PhraseCue {
  family: CueFamily;
  /** The phrases, matched as whole words, any case, a space matching any whitespace. */
  phrases: string[];
}

const phrases = (family: CueFamily, xs: string[]): PhraseCue => ({ family, phrases: xs });

const PHRASE_CUES: PhraseCue[] = [
  phrases('study', [
    'has been found', 'have been found', 'was found', 'were found', 'been found to', 'been shown', 'been demonstrated', 'been reported', 'been observed', 'been documented', 'been linked',
    'been associated', 'been studied', 'been tested', 'has shown', 'have shown', 'has demonstrated', 'have demonstrated', 'demonstrates', 'demonstrated', 'is associated with',
    'are associated with', 'associated with', 'linked to', 'linked with', 'tied to', 'correlated with', 'connected to', 'contributes to', 'contribute to', 'is thought to', 'are thought to', 'is believed to', 'are believed to', 'is known to', 'are known to',
    'evidence-based', 'evidence based', 'meta-analysis', 'meta-analyses', 'systematic review', 'randomized', 'randomised', 'placebo', 'clinical trial', 'clinical trials',
    'in trials', 'most trials', 'phase 2', 'phase 3', 'phase ii', 'phase iii', 'cohort', 'efficacy', 'effectiveness', 'response rate', 'response rates', 'remission rate',
    'remission rates', 'remission', 'statistically significant', 'significant reduction', 'significant reductions', 'significant improvement', 'significant improvements',
    'significant difference', 'reductions', 'improvements', 'not known to', 'limited evidence', 'little evidence', 'some evidence', 'no evidence',
    'strong evidence', 'good evidence', 'insufficient evidence', 'well-studied', 'well studied', 'widely studied', 'have proposed that', 'has proposed that',
    'researchers have suggested', 'researchers think', 'researchers believe', 'scientists think', 'scientists believe', 'still at an early stage', 'is at an early stage', 'in its early stages',
    'in its infancy', 'early results are promising', 'results are promising', 'results so far are promising',
    'the strongest evidence', 'the best evidence', 'the most evidence', 'the strongest research', 'best-studied', 'best studied', 'most studied', 'most-studied',
    'not enough evidence', "isn't enough evidence", 'not enough good evidence', "isn't enough good evidence", 'not enough good-quality evidence', "isn't enough good-quality evidence",
    'not enough research', "isn't enough research",
  ]),
  phrases('consensus', [
    // The state of knowledge is a claim about the evidence: "nobody knows what causes", "is not fully understood".
    'nobody knows', 'no one knows', 'no-one knows', 'it is not known', 'it is unclear', 'remains unclear', 'remains unknown', 'not fully understood', 'poorly understood',
    'not well understood', 'is unknown', 'are unknown', "still don't know", 'still do not know',
    'experts disagree', 'experts still disagree', 'experts are divided', 'doctors disagree', 'doctors still disagree', 'doctors are divided',
    'consensus', 'experts agree', 'experts recommend', 'experts say', 'experts believe', 'experts suggest', 'experts advise', 'experts warn', 'experts think', 'guidelines recommend', 'guideline recommends', 'guidelines suggest', 'recommended by',
    'endorsed by', 'widely accepted', 'widely believed', 'widely known', 'widely recognized', 'widely recognised', 'widely used', 'well established', 'well-established',
    'well documented', 'well-documented', 'first-line', 'first line', 'gold standard', 'standard of care', 'professional organizations', 'professional organisations',
  ]),
  phrases('statistic', [
    'prevalence', 'incidence', 'cause of death', 'causes of death', 'odds ratio', 'hazard ratio', 'relative risk', 'risk ratio', 'confidence interval', 'nnt', 'leading cause', 'leading causes', 'most common',
    'more common', 'less common', 'most frequently', 'most frequent', 'is common', 'are common', 'is very common', 'are very common', 'is fairly common', 'are fairly common', 'is quite common', 'are quite common', 'is rare', 'are rare', 'is uncommon', 'are uncommon', 'is very rare', 'are very rare', 'is extremely rare', 'are extremely rare', 'is very uncommon', 'are very uncommon', 'more likely',
    'less likely', 'as likely', 'times more likely', 'twice as', 'half as', 'three times more', 'three times as', 'substantial proportion', 'substantial minority', 'proportion of', 'share of', 'small number of', 'large number of', 'majority of',
    'minority of', 'most people', 'most patients', 'most adults', 'most episodes', 'most cases', 'most children', 'most women', 'most men', 'a third of', 'a quarter of', 'a fifth of', 'half of', 'two thirds', 'two-thirds', 'one third', 'one quarter',
    'about half', 'about a third', 'roughly a third', 'on average', 'an average of', 'success rate', 'success rates', 'average age', 'most families see', 'most families notice', 'most parents see', 'most parents notice', 'most clients see',
    'most clients notice', 'most patients see', 'most patients notice', 'most people see', 'most people notice', 'in almost all cases', 'in nearly all cases', 'in the vast majority', 'the main reason', 'the main cause', 'the commonest cause', 'one of the main reasons', 'one of the main causes', 'one of the most common causes', 'most commonly', 'an estimated', 'one estimate', 'estimates suggest', 'estimates put', 'estimate puts', 'is estimated', 'are estimated', 'estimated that', 'the most common cause', 'the usual cause', 'often only diagnosed', 'is often missed', 'are often missed', 'often goes undiagnosed', 'often go undiagnosed', 'is often diagnosed late', 'are often diagnosed late', 'is often mistaken for', 'are often mistaken for', 'is often confused with', 'are often confused with', 'is often misdiagnosed', 'are often misdiagnosed', 'higher rates', 'lower rates', 'higher rate', 'lower rate', 'rates of',
  ]),
  phrases('effect', [
    'caused by', 'driven by', 'works well', 'work well', 'is effective for', 'are effective for', 'is effective in', 'are effective in', 'effective against', 'work best', 'works best', 'most effective when',
    'can lead to', 'may lead to', 'could lead to', 'can cause', 'may cause', 'could cause', 'can trigger', 'may trigger',
    // Mechanism stated as fact: "works by blocking", "stems from", "a chemical imbalance".
    'is effective', 'are effective', 'was effective', 'were effective', 'be effective', 'is highly effective', 'are highly effective', 'is very effective',
    'are very effective', 'works by', 'work by', 'acts on', 'act on', 'acts by', 'act by', 'root cause of', 'the root cause', 'is due to', 'are due to', 'results from', 'result from',
    'stems from', 'stem from', 'is a result of', 'are a result of', 'chemical imbalance',
    // Harm, speed and course: "can permanently change the shape of the ear", "can speed up regrowth",
    // "grow out of milk allergy", "can also bring one on", "helps to prevent flare-ups", "at their most noticeable".
    'can permanently', 'may permanently', 'can speed up', 'may speed up', 'helps speed up', 'grow out of', 'grows out of', 'outgrow', 'outgrows', 'can bring one on',
    'can also bring one on', 'can bring it on', 'can also bring it on', 'can bring on', 'can also bring on', 'helps to prevent', 'help to prevent', 'helps prevent',
    'help prevent', 'at their most noticeable', 'at its most noticeable', 'at their worst',
    // Triggers and permanence: "can be brought on by an infection", "it can become permanent".
    'go on to develop', 'goes on to develop', 'went on to develop', 'go on to get', 'goes on to get',
    'can be brought on by', 'may be brought on by', 'is often brought on by', 'are often brought on by', 'can be triggered by', 'may be triggered by', 'is often triggered by',
    'are often triggered by', 'can be set off by', 'can become permanent', 'may become permanent', 'can be permanent',
  ]),
  phrases('comparison', [
    'compared with', 'compared to', 'versus', 'relative to', 'as effective as', 'equally effective', 'equally well', 'comparable to', 'superior to', 'inferior to',
    'non-inferior', 'noninferior', 'more effective', 'less effective', 'protects against', 'protect against', 'protected against', 'protective against', 'outperforms', 'outperform', 'outperformed', 'works as well as', 'work as well as', 'worked as well as', 'works just as well',
    'work just as well', 'as well as or better than', 'no better than', 'adds little', 'add little', 'little benefit over', 'little extra benefit',
  ]),
  phrases('safety', [
    'risk of', 'risks of', 'increased risk', 'increases the risk', 'increase the risk', 'higher risk', 'lower risk', 'reduces the risk', 'reduce the risk', 'lowers the risk',
    'lower the risk', 'risk rises', 'risk factor', 'risk factors', 'side effect', 'side effects', 'adverse effect', 'adverse effects', 'adverse event', 'adverse events', 'adverse reaction', 'adverse reactions',
    'well tolerated', 'well-tolerated', 'tolerability', 'used safely', 'safely used', 'addictive', 'habit-forming', 'potential for dependence', 'potential for physical dependence',
    'interacts with', 'interact with', 'interactions', 'dangerous', 'toxic', 'toxicity', 'contraindicated', 'overdose', 'should not be used',
    'should not be taken', 'should not be given', 'must not be used', 'cause dependence', 'causes dependence', 'should not take', 'should not use', 'risks include', 'generally safe', 'considered safe', 'usually safe', 'warning about', 'boxed warning', 'black box warning',
    'serious risks', 'not recommended', 'the main danger', 'the biggest danger', 'the greatest danger', 'the main risk', 'the biggest risk', 'the greatest risk',
    'the main complication', 'the most serious complication', 'during pregnancy', 'can be harmful', 'may be harmful', 'is harmful', 'are harmful',
    'in pregnancy', 'while breastfeeding', 'compatible with breastfeeding', 'very safe',
    // A safety statement with its conditions (the unqualified one is unsupported-claim's): "is safe for healthy adults when ...".
    'is safe for', 'are safe for', 'is safe in', 'are safe in', 'is safe during', 'are safe during',
    // What reaches the baby: "passes into breast milk only in tiny amounts".
    'without harming', 'without damaging', 'can leave a scar', 'can leave scars', 'may leave a scar', 'can leave small hollows', 'can leave hollows', 'can leave dents',
    'can leave a mark', 'can leave marks',
    'passes into breast milk', 'pass into breast milk', 'passes into the breast milk', 'passes into your breast milk', 'gets into breast milk', 'get into breast milk',
    'crosses the placenta', 'cross the placenta',
    'your risk is higher', 'your risk is greater', 'the risk is higher', 'the risk is greater',
    'carries more risks', 'carry more risks', 'carries more risk', 'carry more risk',
  ]),
];

/** Every family's phrases in one trie: the first match of each family in one pass. */
const PHRASE_MATCHER = new LiteralMatcher(
  PHRASE_CUES.flatMap((c) => c.phrases),
  {},
  PHRASE_CUES.flatMap((c, g) => c.phrases.map(() => g)),
);

/**
 * A pattern with the lowercase substrings one of which it cannot match without: a pattern is
 * run only when the sentence holds one (a substring search costs far less than a regex scan
 * that starts at every position).
 */
interface Gated {
  re: RegExp;
  /** The needles' ids in `GATE_NEEDLES`. */
  needles?: readonly number[];
}
/** Every gate's needles: a sentence's are found in one pass (`NeedleSet`), then each gate reads its own. */
const GATE_NEEDLES = new NeedleSet();
const gate = (re: RegExp, ...needles: string[]): Gated => ({ re, needles: needles.length ? needles.map((n) => GATE_NEEDLES.add(n)) : undefined });

/** `found`: `GATE_NEEDLES.scan` of the sentence in lower case. */
function run(g: Gated, sentence: string, found: Uint8Array): RegExpExecArray | null {
  if (g.needles && !g.needles.some((id) => found[id] === 1)) return null;
  return g.re.exec(sentence);
}

const STATISTIC_PATTERNS: Gated[] = [
  // A count multiplied over a time: "HRT use in England has roughly doubled since 2021" (after blind sets 302 to 305).
  gate(rx.iu`(?<![${L}])(?:has|have) (?:roughly |almost |nearly |more than |about |)(?:doubled|tripled|quadrupled|halved) (?:since|in the (?:last|past)|over the (?:last|past))(?![${L}])`, 'doubled', 'tripled', 'quadrupled', 'halved'),
  // How often a condition is met, over time: "cases of measles have been rising across Europe",
  // "the numbers are rising every year" (after blind sets 294 to 297).
  gate(rx.iu`(?<![${L}])(?:cases|rates|numbers?|incidence|prevalence|diagnoses|infections)(?: (?:of|in|among|such as) [${L}' -]{1,40}?)? (?:(?:have|has) been|are|is) (?:rising|increasing|climbing|growing|spreading|shooting up|going up|on the rise|falling|declining|dropping)(?![${L}])`, 'rising', 'increasing', 'climbing', 'growing', 'spreading', 'shooting up', 'going up', 'on the rise', 'falling', 'declining', 'dropping'),
  // "nearly every mother with thrush is able to keep feeding".
  gate(rx.iu`(?<![${L}])(?:nearly|almost|virtually) (?:every|all) (?:mothers?|wom[ae]n|m[ae]n|child(?:ren)?|bab(?:y|ies)|patients?|person|people|adults?|cases?|parents?|teenagers?)(?![${L}])`, 'every', 'all'),
  // "twice the risk", "three times higher", "2.5 times as likely".
  gate(rx.iu`(?<![${L}\p{N}])(?:twice|(?:two|three|four|five|six|ten|\d+(?:\.\d+)?) times) (?:the|as|more|higher|lower|greater|less|fewer|larger|smaller)(?![${L}])`, 'twice', 'times'),
  // A percentage, but not "100% confidential" or "100% online": 100% of something, or nothing.
  // Nor a price's terms: "0% finance", "20% off", "10% discount", "5% APR".
  gate(rx.iu`(?<![\p{N}.,])(?!100\s?(?:%|percent\b|per cent\b)\s*(?!of\b)[${L}])\d(?:[.,]?\d)*\s?(?:%|percent\b|per cent\b)(?!\s*(?:finance|interest|apr|off|discount|deposit|vat|cashback|commission)\b)`, '%', 'percent', 'per cent'),
  gate(rx.iu`(?<![${L}\p{N}])(?:one|two|three|four|five|\d+) (?:in|out of) (?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred|a thousand)(?![${L}\p{N}])`, ' in ', ' out of '),
  gate(rx.iu`(?<![${L}\p{N}])\d+(?:\.\d+)?-fold(?![${L}\p{N}])`, '-fold'),
  gate(rx.iu`(?<![${L}\p{N}])p\s?[<=]\s?0?\.\d`),
  gate(rx.iu`(?<![${L}\p{N}])(?:millions|billions|thousands|hundreds) of (?:(?:pregnant|older|young|new|adult) )?(?:people|canadians|americans|adults|children|patients|women|men|deaths|cases|crashes|injuries|hospitalizations|hospitalisations|admissions|births|overdoses)(?![${L}\p{N}])`, 'illions of', 'thousands of', 'hundreds of'),
  gate(rx.iu`(?<![${L}\p{N}])affects? (?:about|approximately|nearly|roughly|around|up to|over|more than|an estimated|a substantial|millions|one|\d)`, 'affect'),
  // Rates per population: "12 per 1,000 births", "5 cases per 100,000 people".
  gate(rx.iu`(?<![${L}\p{N}])\d[\d,.]* (?:[${L}-]+ )?(?:per|in every|out of every) (?:\d[\d,]*|a hundred|a thousand|a million|one hundred|one thousand)(?![${L}\p{N}])`, 'per ', 'every '),
  // Counts over time: "one person dies by suicide every hour", "20 Canadians are diagnosed each day".
  gate(rx.iu`(?<![${L}\p{N}])(?:one|two|three|four|five|ten|\d[\d,.]*) (?:[${L}-]+ ){0,2}(?:person|people|adults?|child|children|wom[ae]n|m[ae]n|patients?|canadians|americans|deaths?|cases?)(?![${L}])(?=[^.;:!?]{0,60}?(?<![${L}])(?:every|each|per) (?:second|minute|hour|day|week|month|year)(?![${L}]))`, 'every ', 'each ', 'per '),
  // Quantified populations: "many people recover", "some older adults", "few patients".
  gate(rx.iu`(?<![${L}\p{N}'’])(?:many|most|some|few|a few|several) (?:(?:older|younger|young|pregnant|new|adult|teenage|[${L}]+ing) )?(?:people|patients|adults|children|kids|teens|teenagers|adolescents|women|men|mothers|parents|users|smokers|drinkers|veterans|survivors|sufferers)(?![${L}\p{N}])`, 'many ', 'most ', 'some ', 'few ', 'several '),
];

/** How long an effect takes to appear: "can take four to six weeks to work", "within two weeks of starting". */
const NUMBER = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty-five|twenty|thirty|forty|fifty|several|many|a few|a couple of)`;
const DURATION = String.raw`(?:about |around |up to |at least |roughly |as little as |)${NUMBER}(?:(?: to |-|–)${NUMBER})? (?:days?|weeks?|months?|years?)`;
/** What takes that long: an effect ("to work"), not a service ("to arrange an appointment"). */
const TAKES_TO = [
  'work', 'act', 'reach', 'take effect', 'kick in', 'show', 'feel', 'notice', 'see', 'appear', 'build', 'improve', 'help', 'wear off', 'fade', 'heal', 'recover', 'settle',
  'resolve', 'clear', 'go away', 'return', 'develop', 'grow out', 'grow back', 'regrow', 'grow', 'start working', 'become', 'lift', 'ease', 'respond', 'peak', 'be felt', 'be seen', 'be noticed',
].join('|');
const STARTING = [
  'starting', 'beginning', 'stopping', 'quitting', 'taking', 'treatment', 'the first dose', 'the first session', 'birth', 'delivery', 'giving birth', 'surgery', 'exposure',
  'infection', 'the injury', 'an injury', 'the diagnosis', 'diagnosis', 'the last drink', 'the last dose',
].join('|');
const TIME_COURSE: Gated[] = [
  gate(new RegExp(
    String.raw`(?<![${L}])(?:take|takes|took|taking) ${DURATION} (?:or (?:more|longer) )?to (?:${TAKES_TO})(?![${L}])`,
    'iu',
  ), 'tak', 'took'),
  gate(new RegExp(String.raw`(?<![${L}])within ${DURATION} (?:of|after) (?:${STARTING})(?![${L}])`, 'iu'), 'within '),
  // How a condition or an effect goes: "usually settles within a week", "often wears off", "tend
  // to fade" (settled guide: the course needs a source). Not "lasts": "each attack usually lasts
  // less than a minute" describes the attack.
  gate(
    rx.iu`(?<![${L}])(?:usually|normally|typically|often|generally|seldom|rarely|tends? to) (?:clears?|clear up|clears up|settles?|settle down|eases?|fades?|resolves?|pass(?:es)?|improves?|heals?|gets? better|get better|gets? worse|worsens?|flares? up|goes away|go away|falls? out|fall out|disappears?|wears? off|wear off|drift back|drifts back|relapses?|recurs?|comes? back|becomes? (?:much )?less noticeable)(?![${L}])`,
    'usually', 'normally', 'typically', 'often', 'generally', 'seldom', 'rarely', 'tend',
  ),
  // How long a treatment's result lasts: "composite bonding typically lasts five to seven years",
  // "the benefits seem to last for years" (not how long a course or a visit takes).
  gate(
    new RegExp(
      String.raw`(?<![${L}])(?<!(?:course|treatment|appointment|session|programme|program|visit|consultation|procedure|stay|trial|study|operation)s? )(?:typically|usually|generally|normally|often|can|may|will|seem to|seems to|appear to|appears to|tend to|tends to) last(?:s)? (?:for )?(?:(?:about |around |up to |between |at least |)${NUMBER}(?:(?: to |-|–| and )${NUMBER})? (?:years?|months?)|years|decades|a lifetime|life)(?![${L}])`,
      'iu',
    ),
    'last',
  ),
  // How fast a treatment acts: "Many of our patients feel calmer within 30 minutes of the injection".
  gate(new RegExp(String.raw`(?<![${L}])within (?:about |around |)${NUMBER}(?:(?: to |-|–)${NUMBER})? (?:minutes?|hours?) (?:of|after) (?:the|your|their|his|her|each) (?:injection|infusion|procedure|session|treatment|first dose|dose|drip)(?![${L}])`, 'iu'), 'within '),
  // What an untreated condition can do: "Left untreated, the infection can spread into the jawbone" ("will" is a promise, unsupported-claim's).
  gate(rx.iu`^\s*(?:if )?left (?:untreated|unchecked|unmanaged)\b[^.;:!?]{0,80}?(?<![${L}])(?:can|may|could|might|often|usually)(?![${L}])`, 'left'),
  // How long healing takes, how long a result lasts before it needs redoing, what is lost when
  // treatment stops: "is usually solidly healed by six weeks", "usually need replacing after
  // about five years", "is usually lost again within a year".
  gate(new RegExp(String.raw`(?<![${L}])(?:is|are) (?:usually|normally|typically|generally|often) (?:[${L}]+ )?(?:healed|better|settled|recovered|back to normal) (?:by|within|after|in) ${DURATION}(?![${L}])`, 'iu'), 'healed', 'better', 'settled', 'recovered', 'normal'),
  gate(new RegExp(String.raw`(?<![${L}])(?:usually|often|typically|generally) needs? (?:[${L}]+ (?:or|and) )?(?:replacing|replacement|redoing|repeating|topping up|touching up) (?:after|every|within) (?:about |around |)${NUMBER}(?:(?: to |-|–)${NUMBER})? (?:years?|months?)(?![${L}])`, 'iu'), 'need'),
  gate(new RegExp(String.raw`(?<![${L}])(?:is|are) (?:usually|often|typically|generally) (?:lost|gone|back) (?:again )?within ${DURATION}(?![${L}])`, 'iu'), 'lost', 'gone', 'back'),
  // A duration that ends the sentence: "Nerve symptoms are slower to improve and can take six to twelve months."
  gate(new RegExp(String.raw`(?<![${L}])(?:can|may|might|often|usually|typically) take ${NUMBER}(?:(?: to |-|–)${NUMBER})? (?:weeks|months|years)(?: or (?:more|longer))?(?=\s*[.!]?\s*$)`, 'iu'), 'take'),
];

/** Approval statements ("was approved in 2020") need a source; negated ones are disclosures. */
const APPROVAL = gate(rx.iu`(?<![${L}])(?:approved|cleared) (?:in|for|by|as)(?![${L}])`, 'approved ', 'cleared ');
/**
 * A universal negative about the field is a claim about the evidence or the regulators, not a
 * disclosure about one product: "no medication has been approved for", "not approved ... for any use".
 */
const UNIVERSAL_NEGATIVE: Gated[] = [
  gate(rx.iu`(?<![${L}])(?:no|none of the) (?:[${L}-]+ )?(?:medications?|medicines?|drugs?|treatments?|therap(?:y|ies)|supplements?|vaccines?|products?) (?:(?:has|have|is|are|was|were) )?(?:yet |ever |)(?:been )?(?:approved|shown|proven|found)(?![${L}])`, 'no ', 'none of the '),
  gate(rx.iu`(?<![${L}])approved (?:[${L}-]+ ){0,3}for any(?![${L}])`, 'approved '),
];
/** An appeal to a named authority or to the literature: "according to the WHO", "according to recent research". */
const ACCORDING_TO = gate(rx.u`(?<![${L}])[Aa]ccording to (?:the |a |an |one |)(?:[A-Z][${L}.&-]*|recent|new|current|large|several|many|studies|research|data|experts|guidelines|surveys?|estimates|figures|statistics)(?![${L}])`, 'ccording to ');
/** Recommendations of a profession or an authority ("dermatologists recommend", "Health Canada advises"); not "our doctors recommend". */
const AUTHORITY_ADVICE = gate(
  rx.iu`(?<![${L}])(?<!our )(?<!your )(?:doctors|physicians|nurses|midwives|gps|surgeons|physiotherapists|dermatologists|psychiatrists|psychologists|paediatricians|pediatricians|dentists|specialists|clinicians|pharmacists|cardiologists|orthodontists|ophthalmologists|gynaecologists|gynecologists|obstetricians|rheumatologists|neurologists|urologists|authorities|health agencies|medical societies|medical associations|health canada|the who|the cdc|the nhs|the fda|nice|(?:most |current |national |international )?guidelines|(?:the )?(?:[\p{Lu}][${L}]+ ){1,4}(?:society|association|college|institute|academy|federation|committee|council|commission|task force|organization|organisation)(?: (?:of|for|on) (?:[\p{Lu}][${L}]+ (?:and )?){0,3}[\p{Lu}][${L}]+)?(?: \([\p{Lu}]{2,}\))?) (?:now |generally |strongly |usually |often |also |(?:does|do) not |doesn['’]t |don['’]t |no longer |)(?:recommends?|advises?|suggests?|agree|endorses?|warns?|calls)(?![${L}])`,
  'recommend',
  'advise',
  'suggest',
  'agree',
  'endorse',
  'warn',
  'calls',
);
/** Named causes and loads: "frequent triggers", "a major risk factor", "puts extra strain on the heart". */
const CAUSES: Gated[] = [
  // Reported results: "has good results", "showed promising outcomes".
  gate(rx.iu`(?<![${L}])(?:has|have|had|show|shows|showed|shown|gives|give|gave|get|gets|got) (?:very |)(?:good|excellent|strong|promising|positive|encouraging|impressive|great|mixed|poor|modest) (?:results|outcomes|success|success rates|evidence|effects)(?![${L}])`, 'result', 'outcome', 'success', 'evidence', 'effect'),
  // "the best odds", "a higher chance", "the lowest risk".
  gate(rx.iu`(?<![${L}])(?:best|highest|greatest|lowest|better|higher|greater|lower|smaller|bigger) (?:odds|chances?|likelihood)(?![${L}])`, 'odds', 'chance', 'likelihood'),
  // What is or is not typical of a condition: "are not typical of IBS", "is common in teenagers".
  gate(rx.iu`(?<![${L}])(?:is|are) (?:not |)(?:typical|characteristic|common|uncommon|rare|unusual) (?:of|in|among)(?![${L}])`, 'typical', 'characteristic', 'common', 'rare', 'unusual'),
  gate(rx.iu`(?<![${L}])(?:common|frequent|known|major|main|usual|important|well-known|key|strongest|biggest) (?:triggers?|causes?|risk factors?|culprits?|contributors?)(?![${L}])`, 'trigger', 'cause', 'risk factor', 'culprit', 'contributor'),
  gate(rx.iu`(?<![${L}])(?:put|puts|putting|place|places|placing) (?:extra |more |added |additional |less |gentle |steady |constant |light |)(?:load|strain|stress|pressure|wear) on(?![${L}])`, 'load', 'strain', 'stress', 'pressure', 'wear'),
  // Dose-response: "every kilogram lost", "each extra drink a day".
  gate(rx.iu`(?<![${L}])(?:every|each) (?:additional |extra |)(?:kilograms?|kilos?|kg|pounds?|lbs?|drinks?|cigarettes?|servings?|units?|cups?|points?)(?![${L}])`, 'every ', 'each '),
];
/** "can make you sleepier", "makes it hard to sleep": an effect on the reader or a condition. */
const MAKES = gate(rx.iu`(?<![${L}])(?:make|makes|making|made) (?:you|people|patients|children|it|symptoms|them|him|her) (?:sleepier|drowsier|hungrier|angrier|thirstier|worse|better|harder|hard|difficult|more|less)(?![${L}])`, 'mak', 'made');

/** Verbs of measured effect, with the outcomes they act on. */
const EFFECT_VERBS = new Set([
  ...forms('reduce', 'improve', 'relieve', 'lower', 'decrease', 'increase', 'prevent', 'shorten', 'lengthen', 'prolong', 'worsen', 'raise', 'alleviate', 'ease', 'slow', 'protect', 'boost', 'cause', 'affect'),
  'rise', 'rises', 'rose', 'risen', 'worse', 'better',
]);
/**
 * Verbs of causation and change that are also everyday words ("keep", "stop", "fall"): an
 * effect only with an outcome as their object (at most three words after) or as their subject
 * (at most two words before): "keeps anxiety going", "reverses insulin resistance", "levels decline".
 */
const NEAR_EFFECT_VERBS = new Set([
  ...forms('rewire', 'reverse', 'eliminate', 'restore', 'repair', 'heal', 'strengthen', 'weaken', 'trigger', 'halve', 'double', 'delay', 'speed', 'enhance', 'maintain', 'keep', 'decline', 'drop', 'fall', 'cut', 'stop'),
  ...forms('peak', 'fade', 'subside', 'persist', 'return', 'recur', 'regrow', 'regenerate', 'rebuild', 'calm', 'soothe', 'damage', 'harm', 'lead'),
  'fell', 'fallen',
]);
/** "Exercise helps with low mood", "helps ease cravings": an effect, unless the clinic is the subject. */
const HELP = new Set(forms('help'));
const FIRST_PERSON = new Set(['we', 'our', 'us', "we're", "we've", "we'll", 'i', 'my']);
const OBJECT_WINDOW = 3;
const SUBJECT_WINDOW = 2;
const OUTCOMES = new Set([
  'symptom', 'symptoms', 'depression', 'depressive', 'anxiety', 'pain', 'risk', 'relapse', 'relapses', 'craving', 'cravings', 'drinking', 'sleep', 'mood', 'flashes', 'weight',
  'remission', 'response', 'suicide', 'suicidal', 'pressure', 'rate', 'function', 'abstinence', 'severity', 'scores', 'score', 'cognition', 'memory', 'falls', 'mortality',
  'survival', 'disability', 'decline', 'sleepiness', 'snoring', 'sugar', 'glucose', 'cholesterol', 'calcium', 'enzymes', 'counts', 'fatigue', 'nightmares', 'ptsd', 'ocd', 'dementia', 'seizures', 'appetite', 'growth', 'levels', 'intensity', 'outcomes', 'quality',
  'chance', 'chances', 'odds', 'likelihood', 'recovery', 'healing', 'inflammation', 'crashes', 'flares', 'attacks', 'episodes', 'deaths', 'death', 'hospitalization',
  'hospitalizations', 'hospitalisation', 'hospitalisations', 'infection', 'infections', 'complications', 'brain', 'withdrawal', 'insomnia', 'focus', 'concentration',
  'panic', 'worry', 'stress', 'resistance', 'energy', 'libido', 'vitality', 'mobility', 'strength', 'stamina', 'relief', 'loss', 'damage', 'progression',
  'colds', 'cramping', 'cramps', 'bloating', 'nausea', 'vomiting', 'diarrhea', 'diarrhoea', 'constipation', 'headache', 'headaches', 'itching', 'swelling', 'cancer', 'stroke',
]);

/** Adverbs of frequency, with what they describe: "symptoms often continue", "benefits usually fade". */
const FREQUENCY = new Set(['often', 'usually', 'typically', 'commonly', 'frequently', 'rarely', 'seldom', 'generally', 'tend', 'tends']);
const FREQUENCY_OF = new Set([
  'symptoms', 'side', 'benefits', 'benefit', 'effects', 'relapse', 'response', 'remission', 'improvement', 'improvements', 'gains', 'patients', 'cravings', 'craving', 'episodes',
  'attacks', 'results', 'deaths', 'cases', 'complications', 'infections', 'withdrawal', 'flares', 'users',
]);

const COMPARATIVES = new Set(['more', 'less', 'fewer', 'greater', 'larger', 'smaller', 'bigger', 'longer', 'shorter', 'faster', 'slower', 'better', 'worse', 'higher', 'lower', 'safer', 'stronger', 'weaker', 'quicker', 'longer-lasting', 'longer-term']);
const QUANTITY = /^(?:\d|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|half|twice|several|a few|few)$/;

/** The object of "caused by" that makes it a textbook cause: an infection or infestation. */
const PATHOGEN_CAUSE = rx.iu`^\s+(?:a |an |the )?(?:(?:common |different |tiny |other )?(?:virus|viruses|viral infection|bacteria|bacterium|bacterial infection|infection|infections|fungus|fungi|fungal infection|germs?|mites?|parasites?|worms?|yeast)|(?:[${L}-]+ ){1,3}(?:virus|bacteria|bacterium|infection|mites?))(?![${L}])`;

/**
 * How most cases go, for any plural subject: "Most sore throats get better on their own within a
 * week", "Most tonsil stones are harmless", "Most replacement hips last at least 15 years".
 */
const MOST_COURSE = rx.iu`^\s*(?:whatever the cause,\s+|in (?:children|adults|older people|teenagers),\s+)?(?:most|nearly all|almost all)\s+(?:[${L}-]+\s+){0,3}?[${L}-]+s\s+(?:[${L}-]+\s+){0,6}?(?:get better|gets better|heal|heals|settle|settles|clear up|clears up|go away|goes away|resolve|resolves|are harmless|are benign|survive|last at least|last for|last about|last up to|(?:don['’]t|do not) need (?:any )?treatment|recover fully|recover completely)(?![${L}])`;
const MOST_GATE = /^\s*(?:whatever|in |most|nearly|almost)/i;

/** The first evidence cue of a sentence, if it asserts evidence. */
export function evidenceCue(sentence: string): EvidenceCue | undefined {
  const tokens = tokenize(sentence);
  const found: EvidenceCue[] = [];
  const push = (family: CueFamily, start: number, end: number): void => {
    found.push({ family, text: sentence.slice(start, end), start, end });
  };
  const firsts = PHRASE_MATCHER.firstByGroup(sentence);
  PHRASE_CUES.forEach(({ family }, g) => {
    const m = firsts[g];
    if (m) push(family, m.index, m.end);
  });
  const lower = sentence.toLowerCase();
  const needles = GATE_NEEDLES.scan(lower);
  const each = (family: CueFamily, gs: readonly Gated[]): void => {
    for (const g of gs) {
      const m = run(g, sentence, needles);
      if (m) push(family, m.index, m.index + m[0].length);
    }
  };
  each('statistic', STATISTIC_PATTERNS);
  const most = MOST_GATE.test(sentence) ? MOST_COURSE.exec(sentence) : null;
  if (most) push('statistic', most.index + most[0].search(/\S/), most.index + most[0].length);
  each('effect', TIME_COURSE);
  each('consensus', UNIVERSAL_NEGATIVE);
  each('consensus', [ACCORDING_TO, AUTHORITY_ADVICE]);
  each('effect', CAUSES);
  each('effect', [MAKES]);
  const approval = run(APPROVAL, sentence, needles);
  if (approval && !negatedNear(tokens, approval.index)) push('consensus', approval.index, approval.index + approval[0].length);
  const words = tokens.filter((t) => !t.punct);
  studyCue(tokens, words, push);
  comparisonCue(tokens, push, sentence);
  effectCue(words, sentence, push);
  frequencyCue(words, push);
  // The other cues name the finding better when they find one ("helps reduce cravings").
  if (!found.length) mechanismCue(words, sentence, push);
  // Words quoted from someone else ('clinics promise to "rewire your brain"') are not the author's assertion.
  if (found.length && /["“”]/.test(sentence)) {
    const own = found.filter((c) => {
      const q = quotation(sentence, { start: c.start, end: c.end });
      return !q || q.firstPerson;
    });
    found.length = 0;
    found.push(...own);
  }
  // What a condition feels like (its symptoms and signs) is described, not reported as a finding:
  // its frequency words ("some people", "are common") do not ask for a source.
  if (found.length && describesSymptoms(lower)) {
    // Its figures still need a source ("permanent in fewer than 1 in 100 people").
    // (And its ranked causes, "The commonest cause of nipple pain is ...", how often it is
    // missed, and how long it takes to improve: "Nerve symptoms ... can take six to twelve months".)
    const kept = found.filter((c) => (c.family === 'effect' ? COURSE_SPAN.test(c.text) : c.family !== 'statistic' || /\d|\bcause\b|\breason\b|diagnosed|missed/.test(c.text)));
    found.length = 0;
    found.push(...kept);
  }
  // What a condition is, with its textbook cause or nature in a relative clause ("Gout is a type
  // of arthritis that causes sudden attacks", "Shingles is a painful rash caused by the
  // chickenpox virus"): a definition, not a finding. Its figures still need a source.
  const clause = found.some((c) => c.family === 'effect' || c.family === 'safety') ? definitionClause(sentence) : -1;
  if (clause >= 0) {
    // The whole predicate defines: "an infection caused by", "pain that travels from".
    const predicate = definitionSubjectEnd(sentence);
    const kept = found.filter((c) => !((c.family === 'effect' || c.family === 'safety') && c.start >= Math.min(clause, predicate)));
    found.length = 0;
    found.push(...kept);
  }
  // "Usually caused by a virus", "caused by tiny mites": the textbook cause of an infection or
  // infestation is described, not reported. "What was found" at a test is its result, not a finding.
  if (found.length) {
    const cause = found.find((c) => c.family === 'effect' && /^caused by$/i.test(c.text) && PATHOGEN_CAUSE.test(sentence.slice(c.end, c.end + 60)));
    // "Most cases are caused by a virus": with the textbook cause, "most cases" is no figure.
    const textbook = (c: EvidenceCue): boolean => cause !== undefined && ((c.family === 'effect' && (c === cause || (c.start <= cause.start && c.end <= cause.end + 60 && /caused by\s*\S*$/i.test(c.text)))) || (c.family === 'statistic' && /^(?:most|many|some) (?:cases|infections|episodes)$/i.test(c.text) && c.end <= cause.start));
    const kept = found.filter((c) => !textbook(c) && !(c.family === 'study' && /^(?:was|were) found$/i.test(c.text) && rx.iu`(?<![${L}])(?:what|anything|nothing|something|whatever)\s+$`.test(sentence.slice(Math.max(0, c.start - 12), c.start))));
    found.length = 0;
    found.push(...kept);
  }
  // A side effect after a treatment is a harm even where the sentence reads like a symptom
  // ("Some people notice redness or mild bruising for a day or two"); the last cue tried.
  if (!found.length) afterEffectCue(lower, push);
  // The most telling cue first: a study cue says more about the sentence than a comparison.
  found.sort((a, b) => PRIORITY.indexOf(a.family) - PRIORITY.indexOf(b.family) || a.start - b.start);
  return found[0];
}

/** "X is a ...", "X is the name for ...", "X is when ...": the shape of a definition, its subject first. */
const DEFINITION = rx.iu`^\s*((?:in\s+[^,]{1,40},\s+)?[${L}\p{N}'’()\s-]{2,80}?)\s(?:(?:is|are)\s+(?:usually\s+|mostly\s+|often\s+)?(?=caused\b)|(?:is|are)\s(?:(?:a|an|the name for|the term for|a type of|a kind of|a form of|a group of|when)\s|(?:[${L}-]+,?\s){1,6}(?:that|which|caused|when|where|in which)\b)|means\s|(?:develops|happens|occurs|starts)\s+when\b)`;

/**
 * Where the relative clause of a definition of a condition starts ("Gout is a type of arthritis
 * that ..."), or -1: not a treatment ("Ketamine is a medication that has been used safely" stays
 * a safety statement), and not a risk ("is a major risk factor for stroke").
 */
/**
 * What a condition is or what it feels like (a definition of a condition, a description of its
 * symptoms and signs): common knowledge under the settled labelling guide, so the classifier is
 * not asked about it (cue phrases with figures or risks still are).
 */
export function describesCondition(sentence: string): boolean {
  return describesSymptoms(sentence.toLowerCase()) || definitionClause(sentence) >= 0;
}

/** Where the subject of a definition ends ("Chickenpox| is an infection ..."), or the sentence's length. */
function definitionSubjectEnd(sentence: string): number {
  const m = DEFINITION.exec(sentence);
  return m ? m.index + m[1].length : sentence.length;
}

function definitionClause(sentence: string): number {
  const m = DEFINITION.exec(sentence);
  if (!m || /\brisks?\b/i.test(sentence)) return -1;
  const words = structuredWords(m[1]);
  const pronoun = /^\s*(?:it|this)\s*$/i.test(m[1]) && /\b(?:develops|happens|occurs|starts)\s+when\b/i.test(m[0]);
  const from = m.index + m[1].length;
  const rel = RELATIVE.exec(sentence.slice(from));
  if (!rel) return -1;
  // A condition as the subject, or as what the subject is ("A verruca is a wart ...").
  const genus = structuredWords(sentence.slice(from, from + rel.index));
  const isCondition = words.some((w) => w.cls === 'cond') || genus.some((w) => w.cls === 'cond');
  if (!pronoun && (!isCondition || words.some((w) => w.cls === 'drug' || w.cls === 'treat'))) return -1;
  return from + rel.index;
}
const RELATIVE = rx.iu`(?<![${L}])(?:that|which|caused|when|where|in which|means)(?![${L}])`;

/** Words that name symptoms and signs (not conditions: "migraines are common" is a prevalence). */
const SYMPTOMS = new Set(
  `pain pains ache aches aching headache headaches itching itchy itchiness swelling swollen nausea vomiting diarrhoea diarrhea constipation bloating
  cramps cramping dizziness drowsiness sleepiness tiredness fatigue weakness numbness tingling palpitations breathlessness wheezing wheeze cough coughing
  fever rash rashes redness stiffness soreness tenderness bruising bleeding snoring gasping choking sweating sweats flushes discomfort burning heaviness
  ringing blurred blurry glare sore temperature headache symptoms symptom signs sign`.split(/\s+/),
);
const SYMPTOM_SIGNS = /\b(?:are|is) (?:the |very |also |)(?:most |)common (?:early |first |warning |)(?:signs?|symptoms?|features?|complaints?)\b|\b(?:signs?|symptoms?) (?:include|can include|may include|often include|range from|are)\b|^(?:the )?(?:main |common |early |usual |typical )?(?:signs?|symptoms?)\b[^.;]{0,40}\binclude\b/;
const CAUSES_SYMPTOMS = rx.u`^(?:it|this|they|these|(?:low|high|a lack of|too much|too little)?\s*[a-z0-9-]+(?:\s+[a-z0-9-]+){0,2})\s+(?:can\s+|may\s+|often\s+|usually\s+)?(?:causes?|brings?|leads? to)\s+(?:a\s+|an\s+)?([${L}-]+)(?:\s+([${L}-]+))?(?:\s+([${L}-]+))?`;
const WHO_FEELS = rx.u`^(?:some|many|most|other|a few|few)?\s*(?:people|patients|children|kids|adults|women|men|babies|others)\b[^.;:]{0,40}?\b(?:have|has|feel|feels|notice|get|experience|develop|report|describe)\s+(?:no\s+(?:symptoms|signs)|(?:only\s+|just\s+)?(?:(?:a|an|mild|some|slight|high|low|little|few|sore|bad|blocked|runny)\s+){0,3}([${L}-]+))`;
const LIST_IS_COMMON = /^[^.;]*,[^.;]*\b(?:and|or)\b[^.;]*\b(?:are|is) (?:very |quite |also |)common[.!]?$/;

/**
 * A description of what a condition feels like: "Loud snoring and daytime sleepiness are common
 * signs", "Some people have no symptoms at all", "Others notice aching, heavy legs or itching",
 * "Tummy pain, nausea and a need to lie down are common". `lower`: the sentence in lower case.
 */
/** A course measured in weeks, months or years (kept when a sentence also describes symptoms). */
const COURSE_SPAN = /\b(?:weeks?|months?|years?)\b/;

export function describesSymptoms(lower: string): boolean {
  const text = lower.trim();
  if (SYMPTOM_SIGNS.test(text)) return true;
  const who = WHO_FEELS.exec(text);
  if (who && (who[1] === undefined || SYMPTOMS.has(who[1]))) return true;
  if (LIST_IS_COMMON.test(text)) return text.split(/[\s,]+/).some((w) => SYMPTOMS.has(w));
  const causes = CAUSES_SYMPTOMS.exec(text);
  if (causes && causes.slice(1).some((w) => w !== undefined && SYMPTOMS.has(w))) return true;
  // "Most people with high blood pressure feel completely well": no symptoms at all.
  if (/^(?:most|many|some)\s+(?:people|patients|children|adults)\b[^.;:]{0,40}?\bfeel\s+(?:completely\s+|perfectly\s+)?(?:well|fine)\b/.test(text)) return true;
  return false;
}

function negatedNear(tokens: Token[], offset: number): boolean {
  const i = tokens.findIndex((t) => t.start >= offset);
  return tokens.slice(Math.max(0, i - 3), i).some((t) => t.lower === 'not' || t.lower === 'never' || t.lower.endsWith("n't"));
}

type Push = (family: CueFamily, start: number, end: number) => void;

/**
 * The state of the evidence (settled guide, point 2): "The research so far is mixed", "The
 * evidence for this is weaker", "only small studies behind them", "there is no research to show
 * that they work", "Only a handful of studies have compared ...".
 */
const EVIDENCE_STATE = new Set([
  'mixed', 'limited', 'weak', 'weaker', 'strong', 'stronger', 'inconclusive', 'inconsistent', 'conflicting', 'lacking', 'sparse', 'scarce', 'thin', 'unclear', 'poor',
  'encouraging', 'promising', 'preliminary', 'growing', 'robust', 'insufficient', 'uncertain', 'contradictory', 'patchy', 'scant',
]);
/** Words just before a study noun that state how much evidence there is: "no research", "small studies", "a handful of trials". */
const EVIDENCE_AMOUNT = new Set(['no', 'little', 'few', 'small', 'handful', 'limited', 'weak', 'good', 'strong', 'some', 'much', 'more', 'most', 'growing', 'high-quality', 'low-quality', 'large', 'strongest', 'best', 'better', 'stronger']);
const EVIDENCE_STATE_WINDOW = 7;

function evidenceStateCue(words: Token[], push: Push): void {
  for (let i = 0; i < words.length; i++) {
    if (!STUDY_NOUNS.has(words[i].lower) || words[i].lower === 'researchers' || words[i].lower === 'scientists' || words[i].lower === 'investigators' || words[i].lower === 'testing') continue;
    const before = words.slice(Math.max(0, i - 2), i).find((w) => EVIDENCE_AMOUNT.has(w.lower));
    if (before) {
      push('study', before.start, words[i].end);
      return;
    }
    const state = words.slice(i + 1, i + 1 + EVIDENCE_STATE_WINDOW).find((w) => EVIDENCE_STATE.has(w.lower));
    if (state) {
      push('study', words[i].start, state.end);
      return;
    }
  }
}

function studyCue(tokens: Token[], words: Token[], push: Push): void {
  evidenceStateCue(words, push);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].punct || !STUDY_NOUNS.has(tokens[i].lower)) continue;
    let seen = 0;
    let prev = tokens[i];
    for (let j = i + 1; j < tokens.length && seen < STUDY_WINDOW; j++) {
      const t = tokens[j];
      if (t.punct) {
        // An aside between commas does not count: "Trials of sleep training, including one that
        // followed families for five years, found ...".
        if (t.text === ',' && ASIDE_OPENERS.has(tokens[j + 1]?.lower ?? '')) {
          let k = j + 1;
          while (k < tokens.length && k <= j + ASIDE_MAX && !(tokens[k].punct && tokens[k].text !== '-' )) k++;
          if (tokens[k]?.text === ',') j = k;
        }
        continue;
      }
      seen++;
      // "hope to find" is not a finding.
      if (REPORTING_VERBS.has(t.lower) && prev.lower !== 'to') {
        push('study', tokens[i].start, t.end);
        return;
      }
      prev = t;
    }
  }
}

/** A comparative quantity of an outcome: "catch more colds", "fewer relapses", "lower mortality". */
const COMPARATIVE_QUANTITY = new Set(['more', 'fewer', 'less', 'higher', 'lower', 'greater']);

const AS_WELL_AS = rx.iu`(?<![${L}])work(?:s|ed|ing)?\s+(?:about\s+|just\s+|roughly\s+|almost\s+|nearly\s+|every\s+bit\s+)?as\s+well\s+as(?![${L}])`;

function comparisonCue(tokens: Token[], push: Push, sentence: string): void {
  const first = tokens.find((t) => !t.punct);
  if (first && first.lower === 'unlike') push('comparison', first.start, first.end);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].punct || !COMPARATIVES.has(tokens[i].lower)) continue;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.punct && /[.;:!?]/.test(t.text)) break;
      if (t.lower !== 'than') continue;
      // "more than 50 years", "longer than three months": a quantity, not a comparison.
      const next = tokens[j + 1];
      if (next && QUANTITY.test(next.lower)) break;
      // "higher than normal", "faster than usual": against the body's normal state, how a
      // condition or its signs are described, not a comparison of treatments or outcomes.
      if (next && /^(?:usual|normal|normally)$/.test(next.lower)) break;
      // "more than feeling sad": an idiom, not a comparison of effects.
      if (j === i + 1 && (tokens[i].lower === 'more' || tokens[i].lower === 'less')) break;
      push('comparison', tokens[i].start, t.end);
      return;
    }
  }
  // "works about as well as propranolol", "worked just as well as surgery".
  const asWell = AS_WELL_AS.exec(sentence);
  if (asWell) {
    push('comparison', asWell.index, asWell.index + asWell[0].length);
    return;
  }
  // No "than": a comparative quantity of an outcome.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (COMPARATIVE_QUANTITY.has(tokens[i].lower) && !tokens[i + 1].punct && OUTCOMES.has(tokens[i + 1].lower)) {
      push('comparison', tokens[i].start, tokens[i + 1].end);
      return;
    }
  }
}

/** Words that name a treatment: with an effect verb after them, the sentence reports an effect. */
const TREATMENTS = new Set([
  'therapy', 'therapies', 'treatment', 'treatments', 'medication', 'medications', 'medicine', 'medicines', 'drug', 'drugs', 'surgery', 'exercise', 'injection',
  'injections', 'infusion', 'infusions', 'supplement', 'supplements', 'psychotherapy', 'vaccine', 'vaccines', 'dose', 'doses',
]);

const CAUSE_NOUN = /^causes?$/;
const CAUSE_NOUN_BEFORE = new Set(['other', 'root', 'possible', 'treatable', 'underlying', 'different', 'potential', 'rare', 'rarer', 'serious', 'medical', 'many', 'several']);

function effectCue(words: Token[], sentence: string, push: Push): void {
  nearEffectCue(words, sentence, push);
  // "other causes include", "the root causes of your symptoms": the noun, not the verb.
  const i = words.findIndex((w, k) => EFFECT_VERBS.has(w.lower) && !(CAUSE_NOUN.test(w.lower) && k > 0 && CAUSE_NOUN_BEFORE.has(words[k - 1].lower)));
  if (i < 0) return;
  const verb = words[i];
  // An outcome word anywhere, or a condition of the drug data after the verb: "does not cause migraine".
  const outcome =
    words.find((w) => OUTCOMES.has(w.lower)) ??
    drugKnowledge()
      .findTerms(sentence.slice(verb.end), verb.end)
      .find((t) => t.kind === 'condition');
  if (outcome) {
    push('effect', Math.min(verb.start, outcome.start), Math.max(verb.end, outcome.end));
    return;
  }
  // "Isotretinoin causes birth defects", "testosterone therapy can increase red cell counts".
  if (verb.lower === 'better' || verb.lower === 'worse') return;
  const before = words.slice(0, i);
  // The subject: at most eight words before the verb.
  const from = before.length > 8 ? before[before.length - 8].start : 0;
  const treatment = before.find((w) => TREATMENTS.has(w.lower)) ?? (before.length ? drugBefore(sentence, from, verb.start) : undefined);
  if (treatment) push('effect', treatment.start, verb.end);
}

/**
 * How a treatment works in the body, told in the present (settled guide, point 2): a treatment or
 * a drug of the drug data as the subject, then a verb of action on the body: "Alpha blockers
 * relax the muscle in the prostate", "Desmopressin reduces the amount of urine the kidneys make",
 * "Anti-sweat injections block the nerve signals". Only the first such verb of the sentence's
 * opening words is read.
 */
const MECHANISM_VERBS = new Set(
  [
    'relax', 'block', 'shrink', 'kill', 'form', 'coat', 'numb', 'thin', 'widen', 'narrow', 'tighten', 'dissolve', 'neutralise', 'neutralize', 'suppress', 'dampen', 'stimulate',
    'reduce', 'lower', 'raise', 'increase', 'prevent', 'target', 'bind', 'release', 'soften', 'loosen', 'destroy', 'flush', 'calm', 'soothe', 'strengthen', 'repair', 'mimic',
    'boost', 'stop', 'slow', 'act', 'work', 'stabilise', 'stabilize', 'constrict', 'dilate', 'encourage', 'trigger', 'damage', 'heal', 'ease', 'relieve', 'give',
  ].flatMap((l) => {
    const f = verbForms(l);
    return [f.base, f.s];
  }),
);
const MECHANISM_SUBJECTS = new Set([
  ...TREATMENTS,
  'blocker', 'blockers', 'inhibitor', 'inhibitors', 'antihistamine', 'antihistamines', 'steroid', 'steroids', 'drops', 'tablet', 'tablets', 'spray', 'sprays', 'cream', 'creams',
  'ointment', 'ointments', 'antibiotic', 'antibiotics', 'stabilisers', 'stabilizers', 'alginates', 'antacids', 'painkillers', 'gel', 'gels', 'pill', 'pills', 'capsules',
  'statin', 'statins', 'inhaler', 'inhalers', 'antidepressant', 'antidepressants', 'emollients', 'laxatives', 'laxative', 'diuretics', 'decongestants',
]);
const MECHANISM_READ = 10;
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'any', 'each', 'every', 'some', 'no']);
/** The treatment is the verb's subject when it is at most this many words before it. */
const MECHANISM_SUBJECT_SPAN = 8;
/** Before the verb, these make it a relative clause, an infinitive or a question ("no treatment that works", "intended to soothe"). */
const NOT_MAIN_VERB = new Set(['that', 'which', 'who', 'how', 'what', 'to', 'whether']);
/** A clause of its own before the verb: "If other treatments haven't worked, a surgeon can release ...". */
const CLAUSE_OPENERS = new Set(['if', 'when', 'because', 'although', 'though', 'unless', 'while', 'after', 'before', 'once', 'until']);

function mechanismCue(words: Token[], sentence: string, push: Push): void {
  for (let v = 1; v < Math.min(words.length, MECHANISM_READ); v++) {
    if (!MECHANISM_VERBS.has(words[v].lower)) continue;
    const subject = words.slice(0, v);
    // "We help", "our team works": the clinic, not a treatment.
    if (subject.some((w) => FIRST_PERSON.has(w.lower) || w.lower === 'you' || w.lower === 'your' || CLAUSE_OPENERS.has(w.lower))) return;
    if (words.slice(Math.max(0, v - 2), v).some((w) => NOT_MAIN_VERB.has(w.lower)) || quotation(sentence, words[v])) return;
    // "in this form", "the work": a noun after a determiner, not a verb.
    if (DETERMINERS.has(words[v - 1].lower)) continue;
    const near = words.slice(Math.max(0, v - MECHANISM_SUBJECT_SPAN), v);
    const at = near.findIndex((w) => MECHANISM_SUBJECTS.has(w.lower));
    // "No treatment works for everyone": a universal negative (see UNIVERSAL_NEGATIVE), not what a treatment does.
    if (at >= 0 && /^(?:no|any)$/.test(near[at - 1]?.lower ?? '')) return;
    const treatment = at >= 0 ? near[at] : drugBefore(sentence, near[0].start, words[v].start);
    if (treatment) push('effect', treatment.start, words[v].end);
    return;
  }
}

function nearEffectCue(words: Token[], sentence: string, push: Push): void {
  let conditions: { start: number; end: number }[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const help = HELP.has(words[i].lower);
    if (!NEAR_EFFECT_VERBS.has(words[i].lower) && !help) continue;
    // "We help people with anxiety": what the clinic offers, not an effect.
    if (help && words.slice(0, i).some((w) => FIRST_PERSON.has(w.lower))) continue;
    const object = words.slice(i + 1, i + 1 + OBJECT_WINDOW).find((w) => OUTCOMES.has(w.lower));
    // The nearest word before the verb: "blood sugar levels fall".
    const subject = words
      .slice(Math.max(0, i - SUBJECT_WINDOW), i)
      .reverse()
      .find((w) => OUTCOMES.has(w.lower));
    // Or a condition of the drug data as the object: "keeps panic disorder going".
    const windowEnd = words[Math.min(words.length - 1, i + OBJECT_WINDOW)].end;
    conditions ??= drugKnowledge()
      .findTerms(sentence)
      .filter((t) => t.kind === 'condition');
    const condition = conditions.find((t) => t.start > words[i].start && t.start < windowEnd);
    const outcome = object ?? subject ?? condition;
    if (outcome) {
      push('effect', Math.min(words[i].start, outcome.start), Math.max(words[i].end, outcome.end));
      return;
    }
  }
}

function drugBefore(sentence: string, start: number, end: number): { start: number } | undefined {
  return drugKnowledge()
    .findTerms(sentence.slice(start, end), start)
    .find((t) => t.kind === 'drug');
}

/**
 * What a frequency adverb says is likely, when no noun of `FREQUENCY_OF` names it: how a
 * condition or a treatment goes ("It isn't usually serious", "Soreness usually lasts a day or
 * two", "Surgery is very rarely needed", "Often no cause is found"). How care is done is not
 * ("Scans aren't usually needed", "A course usually lasts six months"), nor what a condition
 * feels like ("Each attack usually lasts less than a minute").
 */
const FREQUENCY_COURSE = new Set(['settles', 'settle', 'heals', 'heal', 'resolves', 'resolve', 'fades', 'fade', 'disappears', 'disappear', 'recovers', 'recover', 'recurs', 'recur', 'harmless', 'permanent', 'fatal', 'serious']);
/** Course words that need a subject of their own kind: (word, the subjects it needs). */
const FREQUENCY_COURSE_OF: [Set<string>, Set<string>][] = [
  [new Set(['needed', 'necessary', 'required']), new Set(['surgery', 'operation', 'operations', 'surgical'])],
  [new Set(['found', 'identified']), new Set(['cause', 'causes'])],
  [new Set(['lasts', 'last']), new Set(['soreness', 'bruising', 'swelling', 'redness', 'tenderness', 'numbness', 'stiffness', 'discomfort', 'aching', 'effects'])],
];
const FREQUENCY_COURSE_WINDOW = 4;

function courseAfter(words: Token[], at: number): Token | undefined {
  const after = words.slice(at + 1, at + 1 + FREQUENCY_COURSE_WINDOW);
  const plain = after.find((w) => FREQUENCY_COURSE.has(w.lower));
  if (plain) return plain;
  const near = words.slice(Math.max(0, at - 3), at + 1 + FREQUENCY_COURSE_WINDOW).map((w) => w.lower);
  for (const [course, subjects] of FREQUENCY_COURSE_OF) {
    const w = after.find((x) => course.has(x.lower));
    if (w && near.some((x) => subjects.has(x))) return w;
  }
  return undefined;
}

/**
 * The after-effects of a treatment, a harm (settled guide, point 2): a side effect with how long
 * it lasts or where and when it happens: "You may have some swelling and bruising for a few
 * days", "Some clients notice mild redness or warmth for an hour or two afterwards", "a small
 * patch of thinning of the skin at the injection site can occur".
 */
/** A dye or a drug that colours the body: "The dye can turn your urine bright yellow for a day or so". */
const TURNS_COLOUR = /(?<![a-z])turns? (?:your )?(?:skin|urine|pee|teeth|tongue|stools?|poo)\b[^.;]{0,20}?\b(?:yellow|orange|red|pink|dark|black|green|blue)/;
const AFTER_EFFECT = /(?<![a-z])(?:bruis(?:e|es|ed|ing)|sore(?:ness)?|redness|swelling|tenderness|numbness|tingling|itching|aching|thinning|discolou?ration|scarring|blistering|blisters?|sting(?:s|ing)?|bleeding(?! (?:disorders?|problems?|conditions?))|crusting|stiffness|dryness|drowsiness|dizziness|nausea)(?![a-z])/;
const AFTER_EFFECT_WHEN = /(?<![a-z])(?:for (?:a|an|one|two|three|a few|several|up to \d+|\d+) (?:hours?|days?|weeks?)(?: or (?:two|so|three))?|afterwards|after (?:the|each|your|a|their|his|her|every) (?:first (?:few |two |three )?)?(?:treatments?|sessions?|procedures?|injections?|operations?|grafts?|appointments?|doses?)|at the (?:injection|treatment|graft|donor) (?:site|area)|where the (?:needles?|injections?|pellets?|graft|fat|tissue) (?:went|was|were) (?:in|taken|placed|removed)|can occur|may occur|in the first (?:few )?(?:days|weeks|months)|when (?:you |they |people )?(?:first )?start)(?![a-z])/;

function afterEffectCue(lower: string, push: Push): void {
  const harm = AFTER_EFFECT.exec(lower) ?? (lower.includes('turn') ? TURNS_COLOUR.exec(lower) : null);
  if (!harm || !AFTER_EFFECT_WHEN.test(lower)) return;
  // How the clinic does a test, and what it feels like: "We use eye drops to widen the pupils; they sting ...".
  if (/^\s*(?:we|i)(?![a-z])/.test(lower)) return;
  // A condition of advice, not a harm: "... can be given for a few days if your child is sore".
  const clause = lower.slice(0, harm.index).split(/[,;:]/).pop() ?? '';
  if (/(?<![a-z])(?:if|unless|when)(?![a-z])/.test(clause)) return;
  push('safety', harm.index, harm.index + harm[0].length);
}

function frequencyCue(words: Token[], push: Push): void {
  const at = words.findIndex((w) => FREQUENCY.has(w.lower));
  if (at < 0) return;
  const adv = words[at];
  const what = words.find((w) => FREQUENCY_OF.has(w.lower)) ?? courseAfter(words, at);
  if (what) push('effect', Math.min(adv.start, what.start), Math.max(adv.end, what.end));
}

const IMPERATIVES = new Set([
  'ask', 'call', 'text', 'talk', 'speak', 'book', 'contact', 'bring', 'tell', 'take', 'keep', 'go', 'get', 'drink', 'eat', 'avoid', 'do', "don't", 'please', 'let', 'make',
  'try', 'visit', 'read', 'learn', 'see', 'check', 'seek', 'stop', 'start', 'use', 'remember', 'consider', 'arrange', 'fill', 'order', 'follow', 'discuss', 'join', 'click',
  'schedule', 'write', 'limit', 'plan', 'give', 'store', 'never', 'always', 'watch', 'choose', 'register', 'sign', 'subscribe', 'download', 'share', 'reach',
  'finish', 'stay', 'expect', 'wash', 'wear', 'put', 'aim', 'cover', 'apply', 'sit', 'rinse', 'wipe', 'come', 'look',
]);
const SMALL_PRINT_GATE = /intended|meant|designed|substitute|replace|information/i;
const SMALL_PRINT = rx.iu`(?<![${L}])not (?:intended|meant|designed) to (?:diagnose|treat|cure|prevent|replace)(?![${L}])|(?<![${L}])should not be used as a substitute for(?![${L}])|(?<![${L}])(?:is not|isn['’]t|does not|doesn['’]t) (?:a substitute for|replace) (?:medical|professional|your doctor|advice)|(?<![${L}])for (?:general )?information(?:al)? (?:purposes )?only(?![${L}])`;
/**
 * An instruction that gives its reason: "because", a second clause after ";", or (`REASON_CLAUSE`,
 * not after an instruction to seek help) a clause of effect after a comma ("Avoid heat for three days, as they can all increase the swelling",
 * "..., as warmth at that stage can increase swelling", "Go easy on caffeine, which can irritate
 * the bladder"), whose subject is anything but the reader or the author ("Avoid the sun, as you
 * will burn easily" stays an instruction).
 */
const REASONED = rx.u`(?<![${L}])because(?![${L}])|;`;
const REASON_CLAUSE = rx.iu`,\s+(?:as|since)\s+(?!(?:you|we|i|your|our)\s)[${L}]+(?: at (?:that|this) stage| then)?\s+(?:can|may|might|could|will|all|both|often|also|tend|increase|make|cause|raise)(?![${L}])|,\s+which\s+(?:can|may|might|could|will|makes?|causes?|increases?|raises?|lowers?|reduces?|irritates?|worsens?|protects?)(?![${L}])`;
/** Instructions to seek help: a clause after them says what a symptom may be ("Seek urgent help if ..., which may be a sign of ..."). */
const SEEK_HELP = new Set(['get', 'see', 'seek', 'call', 'contact', 'ask', 'tell', 'speak', 'talk', 'book']);
/**
 * A reason that reports evidence, after any instruction: "Ask about your vitamin D too, since low
 * levels have been linked to statin muscle pain" (after blind sets 290 to 293), or an interaction:
 * "speak to your pharmacist before use, as glucosamine may change how warfarin works" (after
 * blind sets 298 to 301).
 */
const EVIDENCE_REASON = rx.iu`,\s+(?:as|since)\s+[^,;:!?]{0,80}?(?<![${L}])(?:(?:has|have) been (?:linked|shown|found|associated)|(?:is|are) (?:linked|associated)|(?:can|may|might|could) (?:interact|interfere|change how|affect how|stop [${L}]+ (?:from )?working|make [${L}]+ less effective))(?![${L}])`;
const reasoned = (first: string, text: string): boolean => REASONED.test(text) || EVIDENCE_REASON.test(text) || (!SEEK_HELP.has(first) && REASON_CLAUSE.test(text));
const SELF_REFERENCE = /^(?:this|the|our) (?:article|page|guide|post|section|overview|summary|blog|leaflet|booklet|factsheet|fact sheet|newsletter)\b|(?<!\w)(?:in|on) this (?:article|page|guide|post|leaflet|booklet|newsletter)\b|^(?:below|here),? we\b/iu;
/** Modals of what the clinic will or may do ("we may offer", "we will check"). */
const CARE_MODALS = new Set(['will', 'may', 'can', 'might', 'would', 'usually', 'often', 'then', 'also']);
/** The day of a procedure: going home or back to work the same or the next day. */
const LOGISTICS = /\b(?:most|many|some) (?:people|patients|clients|adults|children) (?:have|need) (?:a course of |between )?(?:one|two|three|four|five|six|a few|\d+)(?: (?:or|to|and) (?:two|three|four|five|six|twelve|\d+))? (?:sessions?|treatments?|appointments?|visits?)\b(?! to (?:fade|clear|heal|work|see|notice|get|disappear|go))|\b(?:(?:most|many|some) (?:people|patients|adults|children)|you)\b[^.;]{0,80}\b(?:go|goes|going|get|return|are|can go|can return|will go|go back|get back)\b[^.;]{0,20}\b(?:home|to work|at work|to school|at school|to normal activities|discharged)\b[^.;]{0,30}\b(?:the same day|the next day|the following day|within a day|a day or two)\b|\b(?:are|is) (?:usually |normally |generally |)(?:seen|contacted|called|booked|offered an appointment) within\b|^\s*most (?:people|patients|women|men|adults|children) (?:take|go back to)\b[^.;]{0,60}?\b(?:tablets?|capsules?|doses?|mg|times a day|injections?)\b|\b(?:are|is) in and out\b|\bin (?:a single|one|the same) (?:visit|appointment)\b/i;
const CLINIC_EXPERIENCE = rx.iu`(?<![${L}])one of the (?:most common|commonest|most frequent) (?:reasons|things|worries|questions|problems|complaints|conditions|concerns)\b[^.;:!?]{0,40}?(?<![${L}])(?:we (?:hear|see|treat|get|are asked)|(?:people|patients|clients|parents) (?:come|ask|contact|see|bring|get in touch|write|call|ring|visit)[^.;:!?]{0,30}?(?<![${L}])(?:us|our|me)(?![${L}]))`;
/** A belief that has been given up: "some doctors still believed these fits could damage the brain", "it was once thought". */
const OUTDATED_GATE = /believed|thought/i;
const OUTDATED_BELIEF = rx.iu`(?<![${L}])(?:(?:doctors|people|experts|scientists|researchers|many|some doctors|some experts)(?: (?!who |that )[${L}]+)? (?:once |still |used to |)(?:believed|thought)|(?:was|were) (?:once |previously |long |)(?:believed|thought) (?:that|to))(?![${L}])(?![^.;:!?]*\b(?:but|however|now know|we now)\b)`;
/** A hope, not a finding: "Researchers hope to find a cure within a decade", "Scientists are trying to develop a vaccine". */
const ASPIRATION = /^(?:researchers|scientists|doctors|experts|clinicians|companies|drug companies|trials) (?:hope|aim|plan|want|intend|are hoping|are aiming|are planning|are trying|are working|hope one day) to\b/i;
const REPORTED_BELIEF = /^(?:some|many) (?:chiropractors|osteopaths|practitioners|therapists|naturopaths|homeopaths|acupuncturists|herbalists|clinics|providers) (?:believe|think|claim|feel|argue|say)\b|^(?:in )?(?:traditional (?:chinese )?medicine|ayurveda|homeopathy|naturopathy)\b,? (?:describes|sees|views|explains|teaches|this is described)\b|^in (?:traditional (?:chinese )?medicine|ayurveda|homeopathy|naturopathy|reflexology),|^(?:reflexologists|naturopaths|homeopaths|iridologists|kinesiologists) (?:believe|think|claim|say)\b/iu;
/**
 * What the reader may have seen or been told elsewhere, or what a seller claims: the wording is
 * someone else's ("Some parents have read online that the spray gives children flu", "You may
 * see the jab described online as ...", "One brand sold locally claims its cap ...").
 */
const HEARSAY = rx.iu`(?<![${L}])(?:read|heard|seen|see|hear|come across) (?:it )?(?:online|on (?:social media|the internet|tiktok|facebook|instagram|forums?|websites?))(?: that)?(?![${L}])|(?<![${L}])described (?:online |in adverts |on social media )?as ["“]|^(?:one|a|some|many|several) (?:brands?|compan(?:y|ies)|websites?|sellers?|manufacturers?|products?)(?: [${L}-]+){0,3} (?:claims?|promises?|says?|advertises?)(?![${L}])`;
const PRICE = rx.iu`(?<![${L}])(?:costs?|is|are|priced at|from|just|only)\s+(?:£|\$|€|us\$|ca\$|a\$)\s?\d[\d,.]*(?:\s+(?:a|per|each)\s+(?:year|month|week|session|treatment|visit|course|drip|injection))?(?![${L}\p{N}])`;
/** What the clinic does at a visit: "we'll go through", "we may offer", "we will check". */
const CARE_VERBS = new Set(['go', 'talk', 'ask', 'check', 'discuss', 'review', 'examine', 'measure', 'take', 'send', 'book', 'call', 'offer', 'refer', 'arrange', 'explain', 'give', 'start', 'fit', 'show', 'teach', 'write', 'contact', 'agree', 'plan', 'look', 'listen', 'suggest', 'recommend', 'answer', 'weigh', 'test', 'assess', 'order', 'prescribe', 'adjust', 'repeat', 'follow', 'walk', 'ring', 'text', 'email', 'post']);
/** Passive verbs of care: "will be given", "will be offered", "will be seen". */
const PASSIVE_CARE = new Set(['given', 'offered', 'asked', 'seen', 'referred', 'prescribed', 'shown', 'taught', 'invited', 'sent', 'called', 'examined', 'weighed', 'measured', 'booked', 'checked', 'monitored']);
const CARE_PROVIDERS = new Set(['doctor', 'doctors', 'nurse', 'therapist', 'team', 'clinician', 'provider', 'pharmacist', 'psychiatrist', 'physician', 'prescriber', 'gp', 'dentist', 'midwife', 'physio', 'physiotherapist', 'radiographer', 'radiologist', 'nurses', 'surgeons', 'anaesthetist', 'anesthetist', 'audiologist', 'optometrist', 'surgeon', 'consultant', 'specialist', 'dietitian', 'podiatrist', 'hygienist']);
const SUMMARY_HEADING = /^(?:summary|in summary|conclusions?|in conclusion|key (?:points|takeaways|messages)|(?:the )?bottom line|takeaways?|tl;?dr)\s*:?$/iu;

export type NotAClaimReason = 'block' | 'question' | 'instruction' | 'process' | 'self-reference' | 'summary' | 'attributed';

/**
 * Why a sentence cannot be an evidence claim, if it cannot: headings, reference entries and
 * trailers have no claims; nor do questions, instructions to the reader, descriptions of what
 * will happen at a visit, the article describing itself, and a summary section that restates
 * what the article cites above it.
 */
export function notAClaim(article: Article, sentence: Sentence): NotAClaimReason | undefined {
  const block = article.blocks[sentence.blockIndex];
  if (!CLAIM_BLOCK_KINDS.has(block.kind)) return 'block';
  return notAClaimByText(sentence.text) ?? notAClaimByPlace(article, block);
}

/** The part of `notAClaim` that depends on where the block is: a summary of a cited article. */
export function notAClaimByPlace(article: Article, block: Block): NotAClaimReason | undefined {
  return inSummary(article, block) && article.markers.length > 0 ? 'summary' : undefined;
}

/** "A physiotherapist will help you out of bed", "your doctor may suggest tablets": the care to come. */
function careProviderWill(words: Token[]): boolean {
  let i = 0;
  if (words[i] && /^(?:a|an|the|your|our)$/.test(words[i].lower)) i++;
  if (!words[i] || !CARE_PROVIDERS.has(words[i].lower)) return false;
  i++;
  if (!words[i] || !/^(?:will|may|might|can|would|usually|often|then|'ll|’ll)$/.test(words[i].lower)) return false;
  i++;
  if (words[i] && CARE_MODALS.has(words[i].lower)) i++;
  return !!words[i] && (CARE_VERBS.has(words[i].lower) || /^(?:help|suggest|prescribe|see|explain)$/.test(words[i].lower));
}

/** "We'll go through ...", "we may offer ...": the clinic's next step of care, not a finding. */
function clinicWillDo(words: Token[]): boolean {
  let i = 0;
  if (words[0] && /^we(?:'ll|’ll)$/.test(words[0].lower)) i = 1;
  else if (words[0]?.lower === 'we' && words[1] && CARE_MODALS.has(words[1].lower)) i = 2;
  else return false;
  if (words[i] && CARE_MODALS.has(words[i].lower)) i++;
  return !!words[i] && CARE_VERBS.has(words[i].lower);
}

/** Blocks whose sentences can be evidence statements. */
export const CLAIM_BLOCK_KINDS: ReadonlySet<Block['kind']> = new Set(['paragraph', 'listItem', 'tableRow']);

/**
 * The part of `notAClaim` that reads the sentence's text alone (questions, instructions, the
 * visit, the article describing itself): what a block's record can keep across versions.
 */
export function notAClaimByText(sentenceText: string): NotAClaimReason | undefined {
  const text = sentenceText.trim();
  if (isQuestion(text)) return 'question';
  const words = tokenize(text).filter((t) => !t.punct);
  if (words.length === 0) return 'block';
  // A label or a title line ("Side effects"): a few words with no sentence punctuation.
  if (words.length <= 5 && !/[.!?:;]["”’)]*$/.test(text)) return 'block';
  // How a procedure's day goes: "most people go home the same day", "back to work the next day".
  if (LOGISTICS.test(text)) return 'process';
  // A price and what it buys: "Membership costs £950 a year and includes four reviews".
  if (/[£$€]/.test(text) && PRICE.test(text)) return 'process';
  // "Talk therapy helps", "Exercise programs reduce pain": a noun phrase, not an instruction.
  // An instruction that gives its reason or goes on to a second clause ("Wash your hands ...,
  // because gel does not kill norovirus"; "Expect ... for 10 days; the pain peaks ...") states that too.
  if (IMPERATIVES.has(words[0].lower) && !(words[1] && TREATMENTS.has(words[1].lower)) && !reasoned(words[0].lower, text)) return 'instruction';
  // "If you are worried about your drinking, call our intake line." "If the pain lasts, we may offer shockwave therapy."
  if (/^(?:if|when|before|after|while)$/.test(words[0].lower)) {
    const comma = text.indexOf(',');
    const next = comma >= 0 ? tokenize(text.slice(comma + 1)).find((t) => !t.punct) : undefined;
    // (Unless it gives its reason: "If you want to try CoQ10, check with your pharmacist, because
    // it can interact with warfarin".)
    if (next && IMPERATIVES.has(next.lower) && !reasoned(next.lower, text)) return 'instruction';
    const rest = tokenize(text.slice(comma + 1)).filter((t) => !t.punct);
    if (clinicWillDo(rest)) return 'process';
    // "If you have a risk factor, you will be offered a glucose test."
    const adverb = rest[2] && /^(?:usually|normally|then|also|probably|often)$/.test(rest[2].lower) ? 1 : 0;
    if (rest[0]?.lower === 'you' && rest[1] && /^(?:will|'ll|’ll)$/.test(rest[1].lower) && rest[2 + adverb]?.lower === 'be' && rest[3 + adverb] && PASSIVE_CARE.has(rest[3 + adverb].lower)) return 'process';
    if (careProviderWill(rest)) return 'process';
    // "If your child is diagnosed, you will receive a full written report."
    if (rest[0]?.lower === 'you' && rest[1] && /^(?:will|'ll|’ll)$/.test(rest[1].lower) && rest[2] && /^(?:receive|get|hear|need)$/.test(rest[2].lower)) return 'process';
  }
  // What the clinic will do: "We'll go through your symptoms", "We will check your blood pressure".
  if (clinicWillDo(words)) return 'process';
  // How a visit goes: "You start with a 30-minute consultation", "Your child will usually be given two inhalers".
  if (words[0].lower === 'you' && words[1] && /^(?:start|begin)$/.test(words[1].lower) && words[2] && /^(?:with|by)$/.test(words[2].lower)) return 'process';
  if (careProviderWill(words)) return 'process';
  if (words[0].lower === 'your') {
    const will = words.slice(1, 4).findIndex((w) => w.lower === 'will');
    if (will >= 0) {
      const after = words.slice(will + 2, will + 5).map((w) => w.lower);
      const be = after.indexOf('be');
      if (be >= 0 && after[be + 1] && PASSIVE_CARE.has(after[be + 1])) return 'process';
    }
  }
  if (words[0].lower === 'you' && words[1] && /^(?:will|must|should|can|need|'ll)$/.test(words[1].lower)) return 'process';
  // Advice to anyone: "No one should stop their medication suddenly", "Nobody should drive after".
  if (/^(?:nobody|anyone|everyone)$/.test(words[0].lower) && words[1] && /^(?:should|must|shouldn't|mustn't)$/.test(words[1].lower)) return 'instruction';
  if (words[0].lower === 'no' && words[1]?.lower === 'one' && words[2] && /^(?:should|must)$/.test(words[2].lower)) return 'instruction';
  if (/^you'll$/.test(words[0].lower)) return 'process';
  if (words[0].lower === 'your') {
    const will = words.slice(1, 5).findIndex((w) => w.lower === 'will');
    if (will >= 0 && words.slice(1, will + 1).some((w) => CARE_PROVIDERS.has(w.lower))) return 'process';
  }
  if (SELF_REFERENCE.test(text)) return 'self-reference';
  // The small print of supplements and health pages: "not intended to diagnose, treat or prevent
  // any disease", "should not be used as a substitute for a varied, balanced diet".
  if (SMALL_PRINT_GATE.test(text) && SMALL_PRINT.test(text)) return 'self-reference';
  // What the clinic hears most ("one of the most common worries we hear"): its own experience, not a prevalence.
  if (/one of the/i.test(text) && CLINIC_EXPERIENCE.test(text)) return 'self-reference';
  // A belief reported as some practitioners' or a tradition's ("Some chiropractors believe that ...").
  if (REPORTED_BELIEF.test(text) || HEARSAY.test(text) || (OUTDATED_GATE.test(text) && OUTDATED_BELIEF.test(text)) || ASPIRATION.test(text)) return 'attributed';
  return undefined;
}

function inSummary(article: Article, block: Block): boolean {
  if (block.headingIndex < 0) return false;
  const heading = article.blocks[block.headingIndex];
  return SUMMARY_HEADING.test(heading.prose.trim().replace(/^#+\s*/, ''));
}
