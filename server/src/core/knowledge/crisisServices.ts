import type { Jurisdiction } from '../types';

/**
 * Named crisis services and crisis numbers, for the crisis-resource check of `safe-messaging`:
 * a service counts as a crisis resource only for the jurisdictions whose readers it serves
 * ("Beyond Blue" is no resource for a reader in Canada). Every entry names its source: the
 * service and its official website.
 *
 * The services are tried in order and a match hides its words from the later entries and from
 * the resource-agnostic wording ("a crisis line", "a helpline"), so the more specific names come
 * first: "Kids Helpline" is an Australian service, not "a helpline"; "Trans Lifeline" and the
 * "988 Suicide & Crisis Lifeline" are not the bare "Lifeline". Names made of ordinary words
 * ("Suicide Crisis Helpline", "Crisis Text Line") are matched with their capitals only: "a
 * suicide crisis helpline" is a resource-agnostic wording and counts everywhere.
 *
 * Services of Ireland and New Zealand serve none of the jurisdictions here (`serves` is empty):
 * they are listed so that a finding can name them as serving readers elsewhere.
 */
export interface CrisisService {
  /** Unique, kebab-case. */
  id: string;
  /** As a finding names it: "Beyond Blue", "the 988 Suicide & Crisis Lifeline". */
  name: string;
  /** Where it serves, as a finding says it: "an Australian service". */
  where: string;
  /** The jurisdictions whose readers it serves (none for a service of Ireland or New Zealand). */
  serves: readonly Jurisdiction[];
  /** How an article names it (no global or sticky flag). */
  patterns: readonly RegExp[];
  /** The service and its official website. */
  source: string;
}

export const CRISIS_SERVICES: readonly CrisisService[] = [
  {
    id: 'trans-lifeline',
    name: 'Trans Lifeline',
    where: 'a service in the US and Canada',
    serves: ['US', 'CA'],
    patterns: [/\bTrans\s+Lifeline\b/i],
    source: 'Trans Lifeline (translifeline.org): peer support line for trans people, (877) 565-8860 in the US and (877) 330-6366 in Canada',
  },
  {
    // Before the bare "Lifeline": its line was called TrevorLifeline.
    id: 'trevor-project',
    name: 'The Trevor Project',
    where: 'a US service',
    serves: ['US'],
    patterns: [/\bTrevor\s*(?:Project|Lifeline)\b/i, /(?<![\d-])1-866-488-7386(?!\d)/],
    source: 'The Trevor Project (thetrevorproject.org): crisis line for LGBTQ young people, 1-866-488-7386',
  },
  {
    // With its number: dialled in Canada, 988 reaches 9-8-8: Suicide Crisis Helpline.
    id: '988-lifeline-number',
    name: 'the 988 Suicide & Crisis Lifeline',
    where: 'a US service',
    serves: ['US', 'CA'],
    patterns: [/(?<![\d-])(?:9-8-8|988)\s*:?\s*Suicide\s+(?:&|and)\s+Crisis\s+Lifeline\b/i, /(?<![\d-])988\s+Lifeline\b/],
    source: '988 Suicide & Crisis Lifeline (988lifeline.org), since July 2022; 988 also reaches 9-8-8: Suicide Crisis Helpline (988.ca) from Canada',
  },
  {
    id: '988-lifeline',
    name: 'the 988 Suicide & Crisis Lifeline',
    where: 'a US service',
    serves: ['US'],
    patterns: [/\bSuicide\s+(?:&|and)\s+Crisis\s+Lifeline\b/, /\bNational\s+Suicide\s+Prevention\s+Lifeline\b/],
    source: '988 Suicide & Crisis Lifeline (988lifeline.org), formerly the National Suicide Prevention Lifeline',
  },
  {
    // With its number: dialled in the US, 988 reaches the 988 Suicide & Crisis Lifeline.
    id: '988-helpline-number',
    name: '9-8-8: Suicide Crisis Helpline',
    where: 'a Canadian service',
    serves: ['CA', 'US'],
    patterns: [/(?<![\d-])(?:9-8-8|988)\s*:?\s*(?:the\s+)?Suicide\s+Crisis\s+Helpline\b/],
    source: '9-8-8: Suicide Crisis Helpline (988.ca), since 30 November 2023; 988 also reaches the 988 Suicide & Crisis Lifeline (988lifeline.org) from the US',
  },
  {
    id: '988-helpline',
    name: '9-8-8: Suicide Crisis Helpline',
    where: 'a Canadian service',
    serves: ['CA'],
    patterns: [/\bSuicide\s+Crisis\s+Helpline\b/],
    source: '9-8-8: Suicide Crisis Helpline (988.ca), since 30 November 2023',
  },
  {
    id: 'veterans-crisis-line',
    name: 'the Veterans Crisis Line',
    where: 'a US service',
    serves: ['US'],
    patterns: [/\bVeterans\s+Crisis\s+Line\b/],
    source: 'Veterans Crisis Line (veteranscrisisline.net): dial 988, then press 1',
  },
  {
    // In Canada it ran from 2018 as "Crisis Text Line powered by Kids Help Phone" (686868), and
    // 741741 was also a texting number for adults there; in the UK its partner is Shout (85258).
    id: 'crisis-text-line',
    name: 'Crisis Text Line',
    where: 'a US service',
    serves: ['US', 'CA'],
    patterns: [/\bCrisis\s+Text\s+Line\b/, /(?<![\d-])741\s?741(?!\d)/],
    source: 'Crisis Text Line (crisistextline.org): text HOME to 741741 in the US; in Canada with Kids Help Phone (kidshelpphone.ca)',
  },
  {
    id: 'kids-help-phone',
    name: 'Kids Help Phone',
    where: 'a Canadian service',
    serves: ['CA'],
    patterns: [/\bkids\s+help\s+phone\b/i, /(?<![\d-])686868(?!\d)/],
    source: 'Kids Help Phone (kidshelpphone.ca): 1-800-668-6868, text CONNECT to 686868',
  },
  {
    id: 'talk-suicide-canada',
    name: 'Talk Suicide Canada',
    where: 'a Canadian service',
    serves: ['CA'],
    patterns: [/\btalk\s+suicide\b/i],
    source: 'Talk Suicide Canada (talksuicide.ca): 1-833-456-4566, the national service before 9-8-8: Suicide Crisis Helpline (988.ca)',
  },
  {
    id: 'hope-for-wellness',
    name: 'the Hope for Wellness Help Line',
    where: 'a Canadian service',
    serves: ['CA'],
    patterns: [/\bHope\s+for\s+Wellness(?:\s+Help\s?line)?\b/i],
    source: 'Hope for Wellness Help Line (hopeforwellness.ca): 1-855-242-3310, for Indigenous peoples across Canada',
  },
  {
    id: 'samaritans',
    name: 'Samaritans',
    where: 'a service in the UK and Ireland',
    serves: ['UK'],
    patterns: [/\bsamaritans\b/i, /\b116\s?123\b/],
    source: 'Samaritans (samaritans.org): free on 116 123 in the UK and Ireland',
  },
  {
    id: 'shout',
    name: 'Shout 85258',
    where: 'a UK service',
    serves: ['UK'],
    patterns: [/\bshout\s+(?:on\s+|to\s+)?85258\b|\b85258\b/i],
    source: 'Shout (giveusashout.org): text SHOUT to 85258',
  },
  {
    // Scotland's NHS 24 is also on 111: "NHS 24 on 111", "NHS 24 111".
    id: 'nhs-24',
    name: 'NHS 24',
    where: 'a UK service (Scotland)',
    serves: ['UK'],
    patterns: [/\bNHS\s?24\b/],
    source: 'NHS 24 (nhs24.scot): 111 in Scotland',
  },
  {
    // "breathing space" in lower case is an ordinary phrase.
    id: 'breathing-space',
    name: 'Breathing Space',
    where: 'a UK service (Scotland)',
    serves: ['UK'],
    patterns: [/\bBreathing\s+Space\b/, /\b0800\s?83\s?85\s?87\b/],
    source: 'Breathing Space (breathingspace.scot): 0800 83 85 87, Scotland',
  },
  {
    id: 'childline',
    name: 'Childline',
    where: 'a UK service',
    serves: ['UK'],
    patterns: [/\bChildline\b/i, /\b0800\s?1111\b/],
    source: 'Childline (childline.org.uk): 0800 1111, for children and young people in the UK',
  },
  {
    // "papyrus" in lower case is the writing material.
    id: 'papyrus',
    name: 'PAPYRUS HOPELINE247',
    where: 'a UK service',
    serves: ['UK'],
    patterns: [/\bHOPE\s?LINE\s?(?:247|UK)\b/i, /\bPAPYRUS\b/, /\bPapyrus\s+(?:UK|HOPELINE|helpline|Prevention\s+of\s+Young\s+Suicide)\b/i, /\b0800\s?068\s?41\s?41\b/],
    source: 'PAPYRUS Prevention of Young Suicide (papyrus-uk.org): HOPELINE247, 0800 068 4141, for young people under 35 with thoughts of suicide and anyone worried about one',
  },
  {
    // "calm" is an ordinary word: the name in full, or in capitals next to its line.
    id: 'calm',
    name: 'CALM (Campaign Against Living Miserably)',
    where: 'a UK service',
    serves: ['UK'],
    patterns: [/\bCampaign\s+Against\s+Living\s+Miserably\b/i, /\bCALM\s+(?:helpline|webchat|on\b|at\b|\(|:)/, /\bthecalmzone\b/i, /\b0800\s?58\s?58\s?58\b/],
    source: 'Campaign Against Living Miserably (thecalmzone.net): helpline 0800 58 58 58, 5pm to midnight every day, UK',
  },
  {
    id: 'nhs-111',
    name: 'NHS 111',
    where: 'a UK service (England and Wales)',
    serves: ['UK'],
    patterns: [/\bNHS\s+111\b/],
    source: 'NHS 111 (111.nhs.uk) in England; NHS 111 Wales (111.wales.nhs.uk)',
  },
  {
    id: 'lifeline-australia',
    name: 'Lifeline Australia',
    where: 'an Australian service',
    serves: ['AU'],
    // "Lifeline on 13 11 14" is this one, not the bare name below.
    patterns: [/\bLifeline\s+(?:Australia\b|(?:on\s+|at\s+|:\s*|\(\s*)?13\s?11\s?14\b)/i, /\b13\s?11\s?14\b/],
    source: 'Lifeline Australia (lifeline.org.au): 13 11 14',
  },
  {
    id: 'suicide-call-back-service',
    name: 'the Suicide Call Back Service',
    where: 'an Australian service',
    serves: ['AU'],
    patterns: [/\bSuicide\s+Call\s+Back\s+Service\b/i, /\b1300\s?659\s?467\b/],
    source: 'Suicide Call Back Service (suicidecallbackservice.org.au): 1300 659 467',
  },
  {
    id: 'beyond-blue',
    name: 'Beyond Blue',
    where: 'an Australian service',
    serves: ['AU'],
    patterns: [/\bbeyond\s+blue\b|\b1300\s?22\s?4636\b/i],
    source: 'Beyond Blue (beyondblue.org.au): 1300 22 4636',
  },
  {
    id: 'kids-helpline',
    name: 'Kids Helpline',
    where: 'an Australian service',
    serves: ['AU'],
    patterns: [/\bKids\s+Helpline\b/, /\b1800\s?55\s?1800\b/],
    source: 'Kids Helpline (kidshelpline.com.au): 1800 55 1800, for young people aged 5 to 25',
  },
  {
    id: '13yarn',
    name: '13YARN',
    where: 'an Australian service',
    serves: ['AU'],
    patterns: [/\b13\s?YARN\b/i, /\b13\s?92\s?76\b/],
    source: '13YARN (13yarn.org.au): 13 92 76, 24-hour crisis support line for Aboriginal and Torres Strait Islander people, run with Lifeline Australia and Gayaa Dhuwi (Proud Spirit) Australia since 2022',
  },
  {
    id: 'mensline-australia',
    name: 'MensLine Australia',
    where: 'an Australian service',
    serves: ['AU'],
    patterns: [/\bMens\s?Line(?:\s+Australia)?\b/i, /\b1300\s?78\s?99\s?78\b/, /\b1300\s?789\s?978\b/],
    source: 'MensLine Australia (mensline.org.au): 1300 78 99 78, 24-hour telephone and online counselling for men',
  },
  {
    id: 'lifeline-northern-ireland',
    name: 'Lifeline (0808 808 8000)',
    where: "Northern Ireland's crisis line",
    serves: ['UK'],
    patterns: [/\bLifeline\s+(?:on\s+|at\s+|:\s*|\(\s*)?0808\s?808\s?8000\b/i, /\b0808\s?808\s?8000\b/],
    source: 'Lifeline, Northern Ireland (lifelinehelpline.info): 0808 808 8000',
  },
  {
    id: 'pieta',
    name: 'Pieta',
    where: 'an Irish service',
    serves: [],
    patterns: [/\bPieta(?:\s+House)?\b/, /\b1800\s?247\s?247\b/],
    source: 'Pieta (pieta.ie): crisis helpline 1800 247 247, Ireland',
  },
  {
    id: '50808',
    name: '50808',
    where: 'an Irish text service',
    serves: [],
    patterns: [/(?<![\d-])50808(?!\d)/],
    source: '50808 (50808.ie): free text service, Ireland',
  },
  {
    id: 'lifeline-aotearoa',
    name: 'Lifeline Aotearoa',
    where: 'a New Zealand service',
    serves: [],
    // "Lifeline on 0800 543 354" is this one, not the bare name below.
    patterns: [/\bLifeline\s+(?:Aotearoa|New\s+Zealand|NZ)\b/i, /\bLifeline\s+(?:on\s+|at\s+|:\s*|\(\s*)?0800\s?543\s?354\b/i, /\b0800\s?543\s?354\b/],
    source: 'Lifeline Aotearoa (lifeline.org.nz): 0800 543 354, New Zealand',
  },
  {
    // A bare 1737 is a year or a count: only as a number to call or text, or with the service's name.
    id: '1737',
    name: '1737 (Need to talk?)',
    where: 'a New Zealand service',
    serves: [],
    patterns: [
      /\b(?:call|text|phone|ring|dial)(?:\s+or\s+(?:call|text))?\s+1737(?![\d,.]\d)\b/i,
      /\bNeed\s+to\s+talk\??\s*(?:[-–—:(]\s*)?(?:(?:free\s+)?(?:call|text)(?:\s+or\s+(?:call|text))?\s+)?1737\b|\b1737\s*[-–—:(]?\s*Need\s+to\s+talk\b/i,
    ],
    source: '1737, Need to talk? (1737.org.nz): free call or text 1737, New Zealand',
  },
  {
    // The name alone: Lifeline Australia, Northern Ireland's Lifeline, the US "988 Lifeline".
    id: 'lifeline',
    name: 'Lifeline',
    where: 'the name of crisis lines in Australia, New Zealand, Northern Ireland and the US',
    serves: ['AU', 'UK', 'US'],
    patterns: [/\bLifeline\b/],
    source: 'Lifeline Australia (lifeline.org.au); Lifeline Aotearoa (lifeline.org.nz); Lifeline, Northern Ireland (lifelinehelpline.info), 0808 808 8000; 988 Suicide & Crisis Lifeline (988lifeline.org)',
  },
  {
    id: '988',
    name: '988',
    where: 'the suicide crisis number of Canada and the US',
    serves: ['CA', 'US'],
    patterns: [
      /(?<![\d-])9-8-8(?![\d-])/,
      // "call or text 988." ends a sentence; "988.5" and "988,000" are numbers.
      /(?<![\d,.-])988(?![\d-]|[,.]\d|\s+(?:patients|participants|people|adults|children|youths?|cases|subjects|mg|deaths))/,
    ],
    source: '9-8-8: Suicide Crisis Helpline (988.ca), since 30 November 2023; 988 Suicide & Crisis Lifeline (988lifeline.org), since July 2022',
  },
];
