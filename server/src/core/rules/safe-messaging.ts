import { quoteSpans } from '../claims/scope';
import { lineStartOf } from '../text/lineStart';
import type { Article, Block } from '../article/model';
import type { BlockMemo, Memo } from '../memo';
import { CHECKPOINT_BLOCKS } from '../steps';
import { CRISIS_SERVICES } from '../knowledge/crisisServices';
import { NeedleSet } from '../text/needles';
import { COMMIT_SUICIDE_SOURCE, dieBySuicide } from '../text/suicideWording';
import { JURISDICTIONS, type Fix, type Jurisdiction, type RelatedInfo, type Span, type TextEdit } from '../types';
import { lineEnding } from './off-label-disclaimer';
import type { Rule } from './rule';
import { L, rx } from '../text/letters';

/**
 * safe-messaging: wording about suicide that safe-messaging guidance asks writers to avoid
 * ("committed suicide", "successful suicide", "failed attempt"), with fixes to the preferred
 * wording; and, when a document discusses suicide and gives no crisis resource, an information
 * finding whose fix adds the jurisdiction's crisis line. See docs/rules/safe-messaging.md.
 */

export interface CrisisLine {
  line: string;
  source: string;
  /** Whether the line is recorded in the project's domain notes with its source. */
  verified: boolean;
}

export const CRISIS_LINES: Record<Jurisdiction, CrisisLine> = {
  CA: {
    line: 'If you or someone you know is thinking about suicide, call or text 9-8-8 (Suicide Crisis Helpline), available at any time. In an emergency, call 9-1-1.',
    source: '9-8-8: Suicide Crisis Helpline (988.ca), call or text, since 30 November 2023',
    verified: true,
  },
  US: {
    line: 'If you or someone you know is thinking about suicide, call or text 988 (988 Suicide & Crisis Lifeline), available at any time. In an emergency, call 911.',
    source: '988 Suicide & Crisis Lifeline (988lifeline.org), since July 2022',
    verified: true,
  },
  UK: {
    line: 'If you or someone you know is thinking about suicide, call Samaritans free on 116 123, at any time. In an emergency, call 999.',
    source: 'Samaritans (samaritans.org)',
    verified: false,
  },
  AU: {
    line: 'If you or someone you know is thinking about suicide, call Lifeline on 13 11 14, at any time. In an emergency, call 000.',
    source: 'Lifeline Australia (lifeline.org.au)',
    verified: false,
  },
};

/** Where the readers are, as a finding says it. */
const READERS: Record<Jurisdiction, string> = { CA: 'Canada', US: 'the US', UK: 'the UK', AU: 'Australia' };

const SKIPPED = new Set(['referenceEntry', 'trailer']);

/** Words that make a sentence about suicide (for "failed attempt" and similar). */
const SUICIDE_CONTEXT =
  /\bsuicid|\bown\s+life\b|\b(?:end|ends|ended|ending|take|takes|took|taking)\s+(?:his|her|their|my|your|one['’]s)\s+(?:own\s+)?life\b|\bkill(?:ed|ing|s)?\s+(?:him|her|them|my|your|one)sel(?:f|ves)\b/i;
/** A document discusses suicide. */
const SUICIDE_TOPIC = /\bsuicid\w*|\b(?:took|take|taking|takes|ended|end|ending)\s+(?:his|her|their|my|your|one['’]s)\s+own\s+life\b/i;

/**
 * Resource-agnostic wording: a crisis resource wherever the reader is ("a crisis line", "your
 * local crisis service", "go to the nearest emergency department"). Named services are in
 * `knowledge/crisisServices.ts` and count only where they serve.
 */
const GENERIC_RESOURCE: readonly RegExp[] = [
  /\bcrisis\s+(?:line|helpline|hotline|centre|center|service|text\s+line|support)s?\b/i,
  /\bhelp\s?lines?\b/i,
  /\bhotlines?\b/i,
  // An instruction to seek emergency care ("ketamine is used in emergency departments" is not).
  /\b(?:go|going|get|come|head)\s+to\s+(?:the\s+|your\s+|a\s+)?(?:nearest\s+)?(?:hospital\s+)?emergency\s+(?:department|room)\b/i,
  /\bnearest\s+(?:hospital\s+)?emergency\b/i,
  /\b(?:go|going|get|come|head)\s+to\s+(?:the\s+|your\s+)?nearest\s+hospital\b/i,
  /\b(?:call|contact)\s+(?:your\s+local\s+)?emergency\s+services\b/i,
];

/**
 * What each pattern of the services, of `GENERIC_RESOURCE` and of `EMERGENCY` cannot match
 * without, by its source: alternatives, each a list of substrings its match holds (in lower case;
 * the patterns' letters are ASCII, their case-insensitive matches lower-case to them). A text is
 * read by a pattern only when it holds all the substrings of one alternative, found in one pass
 * over the text for all the patterns: most texts that hold a digit or a crisis word
 * (`mayHoldResource`: a year, a dose, "help") hold none of a service's. A pattern not listed is
 * always read. A service's words blanked in the text by an earlier service are only fewer: what
 * a pattern matches in the blanked text, it holds in the text.
 */
const NEEDS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  [String.raw`\bTrans\s+Lifeline\b`, [['trans', 'lifeline']]],
  [String.raw`\bTrevor\s*(?:Project|Lifeline)\b`, [['trevor']]],
  [String.raw`(?<![\d-])1-866-488-7386(?!\d)`, [['1-866-488-7386']]],
  [String.raw`(?<![\d-])(?:9-8-8|988)\s*:?\s*Suicide\s+(?:&|and)\s+Crisis\s+Lifeline\b`, [['suicide', 'crisis', 'lifeline']]],
  [String.raw`(?<![\d-])988\s+Lifeline\b`, [['988', 'lifeline']]],
  [String.raw`\bSuicide\s+(?:&|and)\s+Crisis\s+Lifeline\b`, [['suicide', 'crisis', 'lifeline']]],
  [String.raw`\bNational\s+Suicide\s+Prevention\s+Lifeline\b`, [['national', 'suicide', 'prevention', 'lifeline']]],
  [String.raw`(?<![\d-])(?:9-8-8|988)\s*:?\s*(?:the\s+)?Suicide\s+Crisis\s+Helpline\b`, [['suicide', 'crisis', 'helpline']]],
  [String.raw`\bSuicide\s+Crisis\s+Helpline\b`, [['suicide', 'crisis', 'helpline']]],
  [String.raw`\bVeterans\s+Crisis\s+Line\b`, [['veterans', 'crisis', 'line']]],
  [String.raw`\bCrisis\s+Text\s+Line\b`, [['crisis', 'text', 'line']]],
  [String.raw`(?<![\d-])741\s?741(?!\d)`, [['741']]],
  [String.raw`\bkids\s+help\s+phone\b`, [['kids', 'help', 'phone']]],
  [String.raw`(?<![\d-])686868(?!\d)`, [['686868']]],
  [String.raw`\btalk\s+suicide\b`, [['talk', 'suicide']]],
  [String.raw`\bHope\s+for\s+Wellness(?:\s+Help\s?line)?\b`, [['hope', 'for', 'wellness']]],
  [String.raw`\bsamaritans\b`, [['samaritans']]],
  [String.raw`\b116\s?123\b`, [['116', '123']]],
  [String.raw`\bshout\s+(?:on\s+|to\s+)?85258\b|\b85258\b`, [['85258']]],
  [String.raw`\bNHS\s?24\b`, [['nhs', '24']]],
  [String.raw`\bBreathing\s+Space\b`, [['breathing', 'space']]],
  [String.raw`\b0800\s?83\s?85\s?87\b`, [['0800', '87']]],
  [String.raw`\bChildline\b`, [['childline']]],
  [String.raw`\b0800\s?1111\b`, [['0800', '1111']]],
  [String.raw`\bHOPE\s?LINE\s?(?:247|UK)\b`, [['hope', 'line']]],
  [String.raw`\bPAPYRUS\b`, [['papyrus']]],
  [String.raw`\bPapyrus\s+(?:UK|HOPELINE|helpline|Prevention\s+of\s+Young\s+Suicide)\b`, [['papyrus']]],
  [String.raw`\b0800\s?068\s?41\s?41\b`, [['0800', '068']]],
  [String.raw`\bCampaign\s+Against\s+Living\s+Miserably\b`, [['campaign', 'against', 'living', 'miserably']]],
  [String.raw`\bCALM\s+(?:helpline|webchat|on\b|at\b|\(|:)`, [['calm']]],
  [String.raw`\bthecalmzone\b`, [['thecalmzone']]],
  [String.raw`\b0800\s?58\s?58\s?58\b`, [['0800', '58']]],
  [String.raw`\bNHS\s+111\b`, [['nhs', '111']]],
  [String.raw`\bLifeline\s+(?:Australia\b|(?:on\s+|at\s+|:\s*|\(\s*)?13\s?11\s?14\b)`, [['lifeline']]],
  [String.raw`\b13\s?11\s?14\b`, [['13', '14']]],
  [String.raw`\bSuicide\s+Call\s+Back\s+Service\b`, [['suicide', 'call', 'back', 'service']]],
  [String.raw`\b1300\s?659\s?467\b`, [['1300', '659', '467']]],
  [String.raw`\bbeyond\s+blue\b|\b1300\s?22\s?4636\b`, [['beyond', 'blue'], ['1300', '4636']]],
  [String.raw`\bKids\s+Helpline\b`, [['kids', 'helpline']]],
  [String.raw`\b1800\s?55\s?1800\b`, [['1800']]],
  [String.raw`\b13\s?YARN\b`, [['yarn']]],
  [String.raw`\b13\s?92\s?76\b`, [['92', '76']]],
  [String.raw`\bMens\s?Line(?:\s+Australia)?\b`, [['mens', 'line']]],
  [String.raw`\b1300\s?78\s?99\s?78\b`, [['1300', '78', '99']]],
  [String.raw`\b1300\s?789\s?978\b`, [['1300', '789', '978']]],
  [String.raw`\bLifeline\s+(?:on\s+|at\s+|:\s*|\(\s*)?0808\s?808\s?8000\b`, [['lifeline', '0808', '8000']]],
  [String.raw`\b0808\s?808\s?8000\b`, [['0808', '8000']]],
  [String.raw`\bPieta(?:\s+House)?\b`, [['pieta']]],
  [String.raw`\b1800\s?247\s?247\b`, [['1800', '247']]],
  [String.raw`(?<![\d-])50808(?!\d)`, [['50808']]],
  [String.raw`\bLifeline\s+(?:Aotearoa|New\s+Zealand|NZ)\b`, [['lifeline']]],
  [String.raw`\bLifeline\s+(?:on\s+|at\s+|:\s*|\(\s*)?0800\s?543\s?354\b`, [['lifeline', '0800', '543', '354']]],
  [String.raw`\b0800\s?543\s?354\b`, [['0800', '543', '354']]],
  [String.raw`\b(?:call|text|phone|ring|dial)(?:\s+or\s+(?:call|text))?\s+1737(?![\d,.]\d)\b`, [['1737']]],
  [String.raw`\bNeed\s+to\s+talk\??\s*(?:[-–—:(]\s*)?(?:(?:free\s+)?(?:call|text)(?:\s+or\s+(?:call|text))?\s+)?1737\b|\b1737\s*[-–—:(]?\s*Need\s+to\s+talk\b`, [['need', 'talk', '1737']]],
  [String.raw`\bLifeline\b`, [['lifeline']]],
  [String.raw`(?<![\d-])9-8-8(?![\d-])`, [['9-8-8']]],
  [String.raw`(?<![\d,.-])988(?![\d-]|[,.]\d|\s+(?:patients|participants|people|adults|children|youths?|cases|subjects|mg|deaths))`, [['988']]],
  [String.raw`\bcrisis\s+(?:line|helpline|hotline|centre|center|service|text\s+line|support)s?\b`, [['crisis']]],
  [String.raw`\bhelp\s?lines?\b`, [['help', 'line']]],
  [String.raw`\bhotlines?\b`, [['hotline']]],
  [String.raw`\b(?:go|going|get|come|head)\s+to\s+(?:the\s+|your\s+|a\s+)?(?:nearest\s+)?(?:hospital\s+)?emergency\s+(?:department|room)\b`, [['to', 'emergency']]],
  [String.raw`\bnearest\s+(?:hospital\s+)?emergency\b`, [['nearest', 'emergency']]],
  [String.raw`\b(?:go|going|get|come|head)\s+to\s+(?:the\s+|your\s+)?nearest\s+hospital\b`, [['to', 'nearest', 'hospital']]],
  [String.raw`\b(?:call|contact)\s+(?:your\s+local\s+)?emergency\s+services\b`, [['emergency', 'services']]],
  [String.raw`\b(?:call|dial|phone|ring|text)\s+9-?1-?1\b`, [['9', '1']]],
  [String.raw`\b(?:call|dial|phone|ring)\s+(?:999|112)\b`, [['999'], ['112']]],
  [String.raw`\b(?:call|dial|phone|ring)\s+(?:000|112)\b|\btriple\s+zero\b`, [['000'], ['112'], ['triple', 'zero']]],
]);

/** Every resource pattern with its needs (undefined: not listed, always read), for the tests. */
export function resourcePatternNeeds(): { re: RegExp; needs?: readonly (readonly string[])[] }[] {
  const all = [...CRISIS_SERVICES.flatMap((s) => s.patterns), ...GENERIC_RESOURCE, ...new Set(Object.values(EMERGENCY))];
  return all.map((re) => ({ re, needs: NEEDS.get(re.source) }));
}

/** A pattern with its needs as needle ids in `RESOURCE_NEEDLES` (undefined: always read). */
interface Needy {
  re: RegExp;
  needs?: readonly (readonly number[])[];
}
const RESOURCE_NEEDLES = new NeedleSet();
const needy = (re: RegExp): Needy => ({ re, needs: NEEDS.get(re.source)?.map((all) => all.map((n) => RESOURCE_NEEDLES.add(n))) });
/** Whether a text whose needles are `found` may match the pattern. */
const mayMatch = (p: Needy, found: Uint8Array): boolean => !p.needs || p.needs.some((all) => all.every((id) => found[id] === 1));

/** Every pattern of a service, global, with the service's index in `CRISIS_SERVICES`. */
const SERVICE_PATTERNS: readonly (Needy & { service: number })[] = CRISIS_SERVICES.flatMap((s, service) =>
  s.patterns.map((p) => ({ ...needy(new RegExp(p.source, `${p.flags}g`)), service })),
);

/**
 * Emergency numbers, by jurisdiction: "call 911" is no resource for a reader in the UK or
 * Australia (999 and 112 there; 000 and 112 in Australia).
 */
const NORTH_AMERICA_EMERGENCY = /\b(?:call|dial|phone|ring|text)\s+9-?1-?1\b/i;
const EMERGENCY: Record<Jurisdiction, RegExp> = {
  CA: NORTH_AMERICA_EMERGENCY,
  US: NORTH_AMERICA_EMERGENCY,
  UK: /\b(?:call|dial|phone|ring)\s+(?:999|112)\b/i,
  AU: /\b(?:call|dial|phone|ring)\s+(?:000|112)\b|\btriple\s+zero\b/i,
};

/**
 * Something every pattern of the services, `GENERIC_RESOURCE` and `EMERGENCY` needs: a digit or
 * one of its words in the lower-cased text (one quick test first; `mayHoldResource` asks the
 * words in any case of the text itself, which spares lower-casing a text that holds none).
 */
const HAS_DIGIT = /[0-9]/;
export const CRISIS_WORDS = /crisis|help|hotline|lifeline|samaritan|kids|talk|triple|emergenc|nearest|shout|beyond|wellness|breathing|childline|call\s+back|pieta|trevor|hope\s?line|papyrus|miserably|calm|yarn|mens\s?line/;
const CRISIS_WORDS_ANY_CASE = new RegExp(CRISIS_WORDS.source, 'i');
/** The characters outside ASCII whose lower case holds an ASCII letter: capital I with dot above ("i̇"), the Kelvin sign ("k"). */
const LOWERS_TO_ASCII = /[\u0130\u212a]/;
/** The text in lower case when it may hold a resource, else undefined. */
export function mayHoldResource(text: string): string | undefined {
  // `CRISIS_WORDS` in any case finds its words in the text exactly when they are in its lower
  // case, but for the two characters outside ASCII that lower-case to ASCII letters: most texts
  // are answered without being lower-cased.
  if (HAS_DIGIT.test(text) || CRISIS_WORDS_ANY_CASE.test(text)) return text.toLowerCase();
  if (!LOWERS_TO_ASCII.test(text)) return undefined;
  const lower = text.toLowerCase();
  return CRISIS_WORDS.test(lower) ? lower : undefined;
}
const GENERIC_NEEDY: readonly Needy[] = GENERIC_RESOURCE.map(needy);
const EMERGENCY_NEEDY = Object.fromEntries(JURISDICTIONS.map((j) => [j, needy(EMERGENCY[j])])) as Record<Jurisdiction, Needy>;

/** A named service in a text: its index in `CRISIS_SERVICES` and where. */
interface ServiceMention extends Span {
  service: number;
}

/** The crisis resources of a text, whatever the jurisdiction (offsets relative to the text). */
interface CrisisScan {
  /** Resource-agnostic wording. */
  generic: boolean;
  /** The jurisdictions whose emergency number the text gives. */
  emergency: readonly Jurisdiction[];
  /** Named services, in the order of the text. */
  services: readonly ServiceMention[];
}

const NO_RESOURCE: CrisisScan = { generic: false, emergency: [], services: [] };

function scanCrisisResources(text: string): CrisisScan {
  const lower = mayHoldResource(text);
  if (lower === undefined) return NO_RESOURCE;
  const found = RESOURCE_NEEDLES.scan(lower);
  // A service's words are blanked once matched: the later services and the generic wording
  // must not read "Kids Helpline" as "a helpline" or "Trans Lifeline" as "Lifeline".
  let rest = text;
  const services: ServiceMention[] = [];
  for (const p of SERVICE_PATTERNS) {
    if (!mayMatch(p, found)) continue;
    const { re, service } = p;
    re.lastIndex = 0;
    let blanked = '';
    let from = 0;
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      services.push({ service, start: m.index, end: m.index + m[0].length });
      blanked += rest.slice(from, m.index) + ' '.repeat(m[0].length);
      from = m.index + m[0].length;
    }
    if (from > 0) rest = blanked + rest.slice(from);
  }
  services.sort((a, b) => a.start - b.start);
  const generic = GENERIC_NEEDY.some((p) => mayMatch(p, found) && p.re.test(rest));
  const emergency = JURISDICTIONS.filter((j) => mayMatch(EMERGENCY_NEEDY[j], found) && EMERGENCY[j].test(rest));
  if (!generic && !emergency.length && !services.length) return NO_RESOURCE;
  return { generic, emergency, services };
}

/** Whether the scan holds a resource for readers in `j` (in any jurisdiction when none is given). */
function servesReaders(scan: CrisisScan, j: Jurisdiction | undefined): boolean {
  if (scan.generic) return true;
  if (!j) return scan.emergency.length > 0 || scan.services.length > 0;
  return scan.emergency.includes(j) || scan.services.some((s) => CRISIS_SERVICES[s.service].serves.includes(j));
}

/** A crisis resource in the text, for readers in `jurisdiction` (any jurisdiction's when none is given). */
export function hasCrisisResource(text: string, jurisdiction?: Jurisdiction): boolean {
  return servesReaders(scanCrisisResources(text), jurisdiction);
}

/** The ids of the named services in the text, in its order. */
export function crisisServicesIn(text: string): string[] {
  return scanCrisisResources(text).services.map((s) => CRISIS_SERVICES[s.service].id);
}

interface Pattern {
  re: RegExp;
  /** The sentence must be about suicide. */
  needsContext?: boolean;
  message: (m: RegExpExecArray) => string;
  /** Replacement for the matched words, or undefined when no single rewrite fits. */
  replace?: (m: RegExpExecArray, before: string) => { text: string; safe: boolean } | undefined;
}

/** Advice about wording just before the words it names: "avoid saying", "instead of", "rather than". */
const ADVICE_BEFORE = /\b(?:avoid|don['’]t\s+(?:say|use|write)|do\s+not\s+(?:say|use|write)|never\s+(?:say|use|write)|instead\s+of|rather\s+than)\s+(?:(?:saying|using|writing|calling\s+it|terms?|words?|phrases?|like|such\s+as|that|the|someone|somebody|a\s+person|people|they|he|she|made|had|was|were)\s+){0,5}(?:an?\s+)?$/i;

const NOUN_BEFORE = /\b(?:a|an|the|his|her|their|my|your|our|one|first|second|previous|prior|earlier|another|this|that|any|no)\s+$/i;

const PATTERNS: readonly Pattern[] = [
  {
    re: /\b(attempted|tried|attempting|trying|attempts|tries|attempt)\s+to\s+commit\s+suicide\b/gi,
    message: () => '"Commit suicide" suggests a crime or sin; write "attempted suicide" or "suicide attempt".',
    replace: (m, before) => {
      const v = m[1].toLowerCase();
      if (v === 'attempted' || v === 'tried') return { text: 'attempted suicide', safe: true };
      if (v === 'attempting' || v === 'trying') return { text: 'attempting suicide', safe: true };
      if (v === 'attempts' || v === 'tries') return NOUN_BEFORE.test(before) ? { text: 'suicide attempts', safe: false } : { text: 'attempts suicide', safe: false };
      return NOUN_BEFORE.test(before) ? { text: 'suicide attempt', safe: false } : { text: 'attempt suicide', safe: false };
    },
  },
  {
    // Also as often misspelt ("commited", "commiting").
    re: new RegExp(COMMIT_SUICIDE_SOURCE, 'gi'),
    message: (m) => `"${m[0]}" suggests a crime or sin; write "${dieBySuicide(m[1])}".`,
    replace: (m) => ({ text: dieBySuicide(m[1]), safe: true }),
  },
  {
    re: /\bsuccessful\s+suicide(s)?(?:\s+attempt(s)?)?\b(?!\s+(?:prevention|awareness|intervention|screening|research|risk|programs?|polic(?:y|ies)|hotlines?|crisis|services?|strateg\w+|efforts?|training|campaigns?))/gi,
    message: (m) => `"${m[0]}" presents death as an achievement; write "died by suicide" or "death by suicide".`,
    replace: (m) => ({ text: m[1] || m[2] ? 'deaths by suicide' : 'death by suicide', safe: false }),
  },
  {
    re: /\b(?:unsuccessful|failed)\s+suicide(s)?(\s+attempt(s)?)?\b(?!\s+(?:prevention|awareness|intervention|screening|research|risk|programs?|polic(?:y|ies)|hotlines?|crisis|services?|strateg\w+|efforts?|training|campaigns?))/gi,
    message: (m) => `"${m[0]}" presents survival as a failure; write "suicide attempt" or "attempted suicide".`,
    replace: (m) => ({ text: m[1] || m[3] ? 'suicide attempts' : 'suicide attempt', safe: Boolean(m[2]) }),
  },
  {
    re: /\b(?:unsuccessful|failed)\s+attempt(s)?(\s+(?:at|to)\b)?/gi,
    needsContext: true,
    message: (m) => `"${m[0].replace(/\s+(?:at|to)$/i, '')}" presents survival as a failure; write "suicide attempt" or "attempted suicide".`,
    replace: (m) => (m[2] ? { text: `attempt${m[1] ?? ''}${m[2]}`, safe: true } : { text: m[1] ? 'suicide attempts' : 'suicide attempt', safe: true }),
  },
  {
    re: /\bsuccessful\s+attempts?\b/gi,
    needsContext: true,
    message: (m) => `"${m[0]}" presents death as an achievement; write "died by suicide".`,
  },
  {
    re: /\bsucceeded\s+in\s+(?:taking|ending)\s+(?:his|her|their|my|your)\s+(?:own\s+)?life\b|\bsuicide\s+(?:attempt\s+)?(?:was|were|is)\s+successful\b/gi,
    message: (m) => `"${m[0]}" presents death as an achievement; write "died by suicide".`,
  },
  {
    re: /\bepidemic\s+(?:proportions|levels)\b/gi,
    needsContext: true,
    message: () => '"Epidemic" sensationalises suicide; describe the rates with data and a source instead.',
  },
  {
    re: /\bsuicide\s+epidemic\b|\bepidemic\s+of\s+suicides?\b/gi,
    message: () => '"Epidemic" sensationalises suicide; describe the rates with data and a source instead.',
  },
];

/** Keeps the capital of the words replaced. */
function matchCase(original: string, replacement: string): string {
  return /^[A-Z]/.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** An edit replacing `span` by `text`, fixing an "a"/"an" just before it. */
function replacementEdit(article: Article, span: Span, text: string): TextEdit {
  // The span is measured in the prose: the text before it is read at the same offsets.
  const before = article.drawnText.slice(Math.max(0, span.start - 4), span.start);
  const art = rx.u`(?<![${L}\p{N}])(an?|An?)\s$`.exec(before);
  if (art) {
    const wantAn = /^[aeiou]/i.test(text);
    const has = art[1];
    const isAn = has.length === 2;
    if (wantAn !== isAn) {
      const fixed = (has[0] === 'A' ? 'A' : 'a') + (wantAn ? 'n' : '');
      const start = span.start - art[0].length;
      return { start, end: span.end, newText: `${fixed} ${text}` };
    }
  }
  return { start: span.start, end: span.end, newText: text };
}

/** The sentence at `offset` together with the one before it (a suicide context carries over). */
/** The index of the block's sentence holding `offset`, or -1. */
function sentenceIndexAt(block: Block, offset: number): number {
  return block.sentences.findIndex((s) => s.start <= offset && offset < s.end);
}

function textOf(block: Block, span: Span): string {
  return block.prose.slice(span.start - block.start, span.end - block.start);
}

/** Where the crisis line goes: before the reference list, or after the last paragraph. */
export function crisisInsertion(article: Article, line: string): TextEdit | undefined {
  const eol = lineEnding(article.text);
  const refs = article.references;
  if (refs) {
    // At the start of the heading's line: a Markdown heading's text starts after its `## `.
    const at = lineStartOf(article.text, refs.heading?.start ?? refs.start);
    return { start: at, end: at, newText: `${line}${eol}${eol}` };
  }
  const last = [...article.blocks].reverse().find((b) => !SKIPPED.has(b.kind) && b.kind !== 'footnoteDefinition');
  if (!last) return undefined;
  return { start: last.end, end: last.end, newText: `${eol}${eol}${line}` };
}

/**
 * The crisis resources anywhere in the document, for readers in `j`: `true` when there is one
 * for them, else the named services that serve other readers (document offsets, in order). A
 * block's prose (the trailer too) and each stretch between blocks (a comment) are scanned on
 * their own, so that an unchanged block is not scanned again in the next version of the document
 * (its prose is the same string then, so the key costs nothing to hash).
 */
function documentCrisisResources(article: Article, memo: Memo, perBlock: BlockMemo, j: Jurisdiction): true | ServiceMention[] {
  const text = article.text;
  const elsewhere: ServiceMention[] = [];
  const take = (scan: CrisisScan, at: number): boolean => {
    if (servesReaders(scan, j)) return true;
    for (const s of scan.services) elsewhere.push({ service: s.service, start: at + s.start, end: at + s.end });
    return false;
  };
  let at = 0;
  for (const b of article.blocks) {
    if (b.start > at && !blank(text, at, b.start)) {
      const gap = text.slice(at, b.start);
      if (take(memo('crisis-resources', gap, () => scanCrisisResources(gap)), at)) return true;
    }
    if (take(perBlock(b, 'crisis-resources', () => scanCrisisResources(b.prose)), b.start)) return true;
    at = Math.max(at, b.end);
  }
  const rest = text.slice(at);
  if (/\S/.test(rest) && take(scanCrisisResources(rest), at)) return true;
  return elsewhere;
}

/** "A, a UK service, and B, an Australian service". */
function describeServices(mentions: readonly ServiceMention[]): string {
  const described = mentions.map((m) => `${CRISIS_SERVICES[m.service].name}, ${CRISIS_SERVICES[m.service].where}`);
  return described.length === 1 ? described[0] : `${described.slice(0, -1).join(', ')}, and ${described[described.length - 1]}`;
}

/** Whether `text[from, to)` is all white space (without making a string of it). */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

interface BlockScan {
  /** The first words that make the block about suicide, relative to the block. */
  topic?: Span;
  /** Wording to avoid, relative to the block: the pattern and its match. */
  hits: {
    pattern: number;
    index: number;
    groups: (string | undefined)[];
    /** Inside a quotation: a fix would change someone's words. */
    quoted?: boolean;
    /** About suicide only by the sentence before it: the rewrite needs the author's judgement. */
    uncertain?: boolean;
  }[];
}

/**
 * Something `SUICIDE_TOPIC` and every pattern of `PATTERNS` need (all ASCII, flag `i`): a block
 * without any is scanned with one quick test.
 */
const SCAN_NEEDS = /suicid|life|attempt|succeeded|epidemic/i;

function scanBlock(block: Block): BlockScan {
  const prose = block.prose;
  if (!SCAN_NEEDS.test(prose)) return { topic: undefined, hits: [] };
  const t = SUICIDE_TOPIC.exec(prose);
  const out: BlockScan = { topic: t ? { start: t.index, end: t.index + t[0].length } : undefined, hits: [] };
  const taken: Span[] = [];
  PATTERNS.forEach((p, pattern) => {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(prose); m; m = p.re.exec(prose)) {
      const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
      // Words quoted as words ('avoid "committed suicide"') are not the author's wording, nor
      // words named in advice about wording ("avoid saying someone made a failed attempt").
      if (/["“‘'«]$/.test(prose.slice(0, m.index)) && /^["”’'»]/.test(prose.slice(m.index + m[0].length))) continue;
      if (ADVICE_BEFORE.test(prose.slice(Math.max(0, m.index - 60), m.index))) continue;
      if (taken.some((x) => span.start < x.end && x.start < span.end)) continue;
      const at = sentenceIndexAt(block, span.start);
      const sentence = at >= 0 ? block.sentences[at] : block;
      const own = textOf(block, sentence);
      let uncertain = false;
      if (p.needsContext) {
        const rest = textOf(block, { start: span.end, end: sentence.end });
        if (m[2]) {
          // "failed attempt at/to ...": an attempt at what directly follows ("at the bar exam",
          // "to quit smoking before her suicide attempt" are no suicide attempts).
          const object = SUICIDE_CONTEXT.exec(rest.slice(0, 80));
          if (!object || object.index > 1) continue;
        } else if (!SUICIDE_CONTEXT.test(own)) {
          // About suicide only by the sentence before, and only when this sentence names no other attempt.
          const prev = at > 0 ? textOf(block, block.sentences[at - 1]) : '';
          if (!SUICIDE_CONTEXT.test(prev) || /\battempt(?:s|ed|ing)?\s+(?:at|to)\b/i.test(own)) continue;
          uncertain = true;
        }
      }
      const rel = span.start - sentence.start;
      const quoted = quoteSpans(own).some((q) => q.start <= rel && rel + m[0].length <= q.end);
      taken.push(span);
      out.hits.push({ pattern, index: m.index, groups: [...m], ...(quoted ? { quoted } : {}), ...(uncertain ? { uncertain } : {}) });
    }
  });
  return out;
}

export const safeMessaging: Rule = {
  meta: {
    id: 'safe-messaging',
    description: 'Suicide wording to avoid ("committed suicide", "successful suicide", "failed attempt") and a missing crisis resource.',
    defaultSeverity: 'warning',
    category: 'safe-messaging',
    fixable: 'safe',
  },
  // In steps (`core/steps.ts`): the wording scan of every block.
  *check(ctx) {
    const { article, config } = ctx;
    let firstTopic: Span | undefined;
    for (const block of article.blocks) {
      if (block.index % CHECKPOINT_BLOCKS === CHECKPOINT_BLOCKS - 1) yield;
      if (SKIPPED.has(block.kind)) continue;
      const prose = block.prose;
      // Everything below depends on the block alone (its prose, and its sentences when it has them).
      const scan = ctx.blockMemo(block, 'safe-messaging', () => scanBlock(block));
      if (!firstTopic && scan.topic) firstTopic = { start: block.start + scan.topic.start, end: block.start + scan.topic.end };
      for (const hit of scan.hits) {
        const p = PATTERNS[hit.pattern];
        const m = Object.assign([...hit.groups], { index: hit.index, input: prose }) as unknown as RegExpExecArray;
        const span = { start: block.start + hit.index, end: block.start + hit.index + (hit.groups[0] ?? '').length };
        const fixes: Fix[] = [];
        const r = p.replace?.(m, prose.slice(0, m.index));
        if (r) {
          const text = matchCase(m[0], r.text);
          // Never part of fix-all inside a quotation, or when only the sentence before is about suicide.
          fixes.push({ title: `Replace with "${text}"`, edits: [replacementEdit(article, span, text)], isPreferred: true, safe: r.safe && !hit.quoted && !hit.uncertain });
        }
        const quoted = hit.quoted ? ' It is inside a quotation: keep the quotation exact and comment on it, or paraphrase.' : '';
        ctx.report({ start: span.start, end: span.end, message: `${p.message(m)}${quoted}`, fixes: fixes.length ? fixes : undefined });
      }
    }
    if (!firstTopic) return;
    const found = documentCrisisResources(article, ctx.memo, ctx.blockMemo, config.jurisdiction);
    if (found === true) return;
    const crisis = CRISIS_LINES[config.jurisdiction];
    const edit = crisisInsertion(article, crisis.line);
    const note = crisis.verified ? '' : ' (This crisis line is not yet verified against the project sources: check it before publishing.)';
    // Services named for readers elsewhere: the first mention of each, by the name a finding gives.
    const named = found.filter((m, i) => found.findIndex((o) => CRISIS_SERVICES[o.service].name === CRISIS_SERVICES[m.service].name) === i);
    const what = named.length ? `names ${describeServices(named)}; readers in ${READERS[config.jurisdiction]} need a crisis resource that serves them` : 'gives no crisis resource';
    ctx.report({
      start: firstTopic.start,
      end: firstTopic.end,
      severity: 'info',
      message: `The article discusses suicide but ${what}. Safe-messaging guidance recommends one wherever suicide is discussed (${crisis.source}).${note}`,
      fixes: edit ? [{ title: 'Add a crisis resource line', edits: [edit], isPreferred: true }] : undefined,
      related: named.length
        ? named.map((m): RelatedInfo => ({ start: m.start, end: m.end, message: `${CRISIS_SERVICES[m.service].name}: ${CRISIS_SERVICES[m.service].where}` }))
        : undefined,
    });
  },
};
