import type { Fix, TextEdit } from '../types';
import { type ClaimHit, headSpan } from './detect';
import { normalizePhrase } from './inflect';
import { L, rx } from '../text/letters';

/**
 * Hedged rewordings of a claim, from the entry's `rewrite` data, fitted to the sentence: the
 * replacement takes the capital of the word it replaces, absorbs a modal before it ("can cure"
 * becomes "may reduce symptoms of", not "can may"), drops its own "may" after "to", moves "may"
 * before an adverb ("permanently eliminates" becomes "may permanently reduce"), fixes the
 * article before it ("an excellent safety record" becomes "a known safety profile"), and an
 * empty replacement removes the word with one adjacent space.
 */

/** `rewrite` keys of verb forms (see `claims.json`). */
const VERB_FORMS = new Set(['base', 's', 'ed', 'ing']);
/**
 * Words before a noun: a verb form after one of them is used as a noun ("offers a cure"). Not
 * "that", which more often opens a relative clause ("the only treatment that cures hay fever").
 */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'our', 'your', 'their', 'his', 'her', 'its', 'my', 'no', 'any', 'every', 'one']);
/** What starts a clause after a verb such as "guarantee" ("that ...", "you'll ..."), not an object. */
const CLAUSE_NEXT = /^\s+(?:that\b|(?:you|we|they|it|he|she|everyone|patients|clients|people)(?:['’]ll\b|\s+will\b|\s+won['’]t\b))/i;
/**
 * A clause further on, without "that" ("guarantee at least 90% of your grafts will take"): a
 * future or a modal before the clause ends, after a word that is not a relative pronoun
 * ("results that will amaze you" is an object).
 */
const LATER_CLAUSE = rx.iu`(?<![${L}])(?!(?:that|which|who)\s)[${L}\d%]+(?:\s+(?:will|won['’]t|can['’]t|cannot)|['’]ll)(?![${L}])`;
/** A word used as a noun: what follows it ends a noun phrase ("a genuine breakthrough for anyone"). */
const AFTER_NOUN = rx.iu`^(?:\s*(?:[.,;:!?)"'’”…]|[–—]|$)|\s+(?:for|in|of|to|that|which|who|and|or|but|with|on|at|from|by|than|like|is|was|are|were|has|have|will|can)(?![${L}-]))`;
/** Subjects that are people: "you are guaranteed to wake up refreshed" means "you may". */
const PERSON = new Set(['you', 'we', 'i', 'he', 'she', 'everyone', 'everybody', 'anyone', 'client', 'clients', 'patient', 'patients', 'customer', 'customers', 'child', 'children', 'baby', 'babies', 'kid', 'kids', 'son', 'daughter', 'people', 'man', 'men', 'woman', 'women', 'member', 'members', 'user', 'users', 'mum', 'mums', 'mom', 'moms', 'dad', 'dads', 'parent', 'parents', 'athlete', 'athletes', 'runner', 'runners', 'student', 'students', 'guest', 'guests', 'visitor', 'visitors']);
/** Who may guarantee: a person, or those who speak for a clinic ("we guarantee.", "our doctors guarantee."). */
const GUARANTORS = new Set([...PERSON, 'they', 'doctors', 'surgeons', 'dentists', 'team', 'clinic', 'it']);
/** A person's contracted copula ("you're", "she's", "I'm"). */
const PERSON_CONTRACTED = /^(you|we|he|she|i)['’](?:re|s|m)$/i;
/** Words that strengthen "no" or an absolute ("absolutely no side effects", "totally risk-free"). */
const INTENSIFIERS = new Set(['absolutely', 'completely', 'totally', 'entirely', 'utterly', 'perfectly', 'virtually', 'total', 'absolute', 'utter']);
/** Adverbs between a modal and its verb ("can even cure"), besides words in -ly. */
const ADVERBS = new Set(['even', 'also', 'now', 'still', 'often', 'always', 'actually', 'really', 'truly', 'genuinely', 'finally', 'simply']);
/** Words in -ly that are not adverbs of the verb after them ("caught early is proven", "the family"). */
const NOT_ADVERBS = new Set(['only', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'likely', 'family', 'belly', 'holy', 'ugly', 'friendly', 'lovely', 'elderly', 'july', 'italy', 'supply', 'reply', 'apply', 'rely', 'ally', 'jelly']);

/** Words after which a base form is a verb, whatever follows it ("to cure.", "we cure,", "and cure"). */
const VERB_BEFORE = new Set(['to', 'we', 'you', 'they', 'i', 'that', 'who', 'which', 'and', 'or', 'not', 'never', 'help', 'helps']);
/** A sentence in the first person. */
const FIRST_PERSON = rx.u`(?<![${L}])(?:I|I['’]m|I['’]ve|me|my)(?![${L}])`;
/** "Help" before a bare verb ("help prevent"). */
const HELP = new Set(['help', 'helps', 'helped', 'helping']);

const MODALS = new Set(['can', 'could', 'will', 'would', 'may', 'might', 'shall', 'should', 'does', 'do', 'did']);

function previousWord(text: string, at: number): { word: string; start: number } | undefined {
  const m = rx.u`([${L}'’]+)[ \t]+$`.exec(text.slice(Math.max(0, at - 40), at));
  if (!m) return undefined;
  return { word: m[1], start: at - m[0].length };
}

function isAdverb(word: string): boolean {
  const w = word.toLowerCase();
  return ADVERBS.has(w) || (w.endsWith('ly') && w.length > 3 && !NOT_ADVERBS.has(w));
}

function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = original.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

const has = (rewrite: Record<string, string>, key: string): boolean => Object.prototype.hasOwnProperty.call(rewrite, key);

export function rewordEdit(text: string, hit: ClaimHit): TextEdit | undefined {
  const edit = fitted(text, hit);
  // An edit that changes nothing ("get to work faster" after "to" drops its "may") is no rewording.
  return edit && edit.newText !== text.slice(edit.start, edit.end) ? edit : undefined;
}

function fitted(text: string, hit: ClaimHit): TextEdit | undefined {
  const rewrite = hit.entry.rewrite;
  if (!rewrite) return undefined;
  const span = headSpan(hit);
  const headText = normalizePhrase(text.slice(span.start, span.end));
  const keys = [hit.info?.head, headText, normalizePhrase(hit.matched), hit.info?.form, '*'];
  const key = keys.find((k) => k !== undefined && has(rewrite, k));
  if (key === undefined) return undefined;
  let replacement = rewrite[key];
  let start = span.start;
  let end = span.end;
  const after = text.slice(end, end + 80);
  const prev = previousWord(text, start);
  const prevWord = prev?.word.toLowerCase();
  // A word used as a noun or before one: "a genuine breakthrough for" (an advance), "a
  // breakthrough formula" (a new formula), "this miracle blend" (promising).
  const asNoun = AFTER_NOUN.test(after);
  // Told in the first person ("I'm completely pain-free"): the speaker's own outcome.
  if (has(rewrite, `${key}+I`) && FIRST_PERSON.test(hit.sentence?.text ?? text.slice(Math.max(0, start - 80), end))) replacement = rewrite[`${key}+I`];
  if (asNoun && has(rewrite, `${key}+noun`)) replacement = rewrite[`${key}+noun`];
  else if (!asNoun && has(rewrite, `${key}+adjective`)) replacement = rewrite[`${key}+adjective`];
  // A base form that ends a noun phrase ("a natural cure for", "a lasting cure,") is a noun, unless
  // a modal, "to" or a subject stands before it ("can cure.", "we treat and cure").
  const nounEnd = key === 'base' && asNoun && prevWord !== undefined && !MODALS.has(prevWord) && !VERB_BEFORE.has(prevWord);
  if (VERB_FORMS.has(key) && ((prevWord !== undefined && DETERMINERS.has(prevWord)) || nounEnd)) {
    // A verb's form used as a noun ("offers a cure", "a natural cure for"): the entry's noun
    // rewording, or none (a verb phrase there reads "offers a may reduce symptoms of").
    if (key !== 'base' || !has(rewrite, 'noun')) return undefined;
    replacement = rewrite.noun;
  } else if (key === 'guarantee' || key === 'guarantees') {
    // "Our sleep guarantee", "a money-back guarantee": a noun, which no hedge fits.
    if (prevWord !== undefined && (DETERMINERS.has(prevWord) || (!GUARANTORS.has(prevWord) && /^\s*(?:[.,;:!?)]|$)/.test(after)))) return undefined;
    // A verb taking an object, not a clause: "guarantees relief" becomes "aims to provide relief"
    // (while "guarantee you'll feel better" and "guarantee most of you will" become "hope").
    // (An object that opens with "a" takes its own clause: "guarantee a smile you'll love".)
    const clause = CLAUSE_NEXT.test(after) || (!/^\s+an?\s/i.test(after) && LATER_CLAUSE.test(after.split(/[.;:!?,]/)[0]));
    if (has(rewrite, `${key}+object`) && !clause) replacement = rewrite[`${key}+object`];
  }
  if (has(rewrite, 'person') && prev) {
    // "you are guaranteed to wake up" becomes "you may wake up": the copula goes with it.
    const contracted = PERSON_CONTRACTED.exec(prev.word);
    if (contracted) return { start: prev.start, end, newText: `${matchCase(prev.word, contracted[1])} ${rewrite.person}` };
    const subject = previousWord(text, prev.start);
    if (subject && /^(?:is|are|was|were)$/i.test(prev.word) && PERSON.has(subject.word.toLowerCase())) return { start: prev.start, end, newText: rewrite.person };
  }
  // "safe to take every day", "safe for you to drive": "well tolerated" fits no infinitive.
  if (replacement.includes('well tolerated') && /^\s+(?:for\s+[^.,;:!?\n]{1,40}?\s+)?to\s/.test(after)) return undefined;
  if (replacement === '') {
    if (text[start - 1] === ' ') start--;
    else if (text[end] === ' ') end++;
    return { start, end, newText: '' };
  }
  if (replacement.startsWith('may ') && prev) {
    const w = prev.word.toLowerCase();
    if (MODALS.has(w)) {
      start = prev.start;
      return { start, end, newText: matchCase(prev.word, replacement) };
    }
    // A verb in a list after "to" or a modal keeps its bare form ("designed to calm anxiety and
    // end insomnia" becomes "... and reduce insomnia", "will banish fatigue and boost" "... and
    // support").
    const before = text.slice(hit.sentence?.start ?? Math.max(0, start - 200), prev.start);
    // After "help" too: "to help prevent relapse" becomes "to help lower the risk of relapse".
    if (w === 'to' || HELP.has(w) || (key === 'base' && (w === 'and' || w === 'or') && rx.u`(?<![${L}])(?:to|will|can|could|would|should|may|might)\s+[${L}]`.test(before))) replacement = replacement.slice(4);
    else if (isAdverb(w) && !rx.iu`^(?:is|are|was|were)(?![${L}])`.test(text.slice(start, end))) {
      const modal = previousWord(text, prev.start);
      // "may permanently reduce", "may even reduce": the adverb stays between the modal and the
      // verb, and a modal before it gives way ("can even cure" becomes "may even reduce").
      const at = modal && MODALS.has(modal.word.toLowerCase()) ? modal : prev;
      return { start: at.start, end, newText: matchCase(at.word, `may ${prev.word.toLowerCase()} ${replacement.slice(4)}`) };
    }
  } else if (rx.u`(?<![${L}\d])(?:100\s?%|100 percent)\s+$`.test(text.slice(Math.max(0, start - 12), start))) {
    // "100% painless" becomes "usually comfortable".
    start = text.slice(0, start).search(/100\s?%?\s*(?:percent\s+)?$/u);
  } else if (prev && INTENSIFIERS.has(prev.word.toLowerCase())) {
    // "totally risk-free" becomes "low-risk", "absolutely no side effects" "few side effects",
    // "a total game-changer" "an important development".
    start = prev.start;
    replacement = matchCase(prev.word, replacement);
    const article = previousWord(text, start);
    if (article && /^an?$/i.test(article.word)) {
      const fits = /^[aeiou]/i.test(replacement) ? 'an' : 'a';
      return { start: article.start, end, newText: `${matchCase(article.word, fits)} ${replacement}` };
    }
  }
  // "no side effects at all" becomes "few side effects".
  const atAll = rx.iu`^(?:no|zero|without)(?![${L}])`.test(text.slice(span.start, end)) ? rx.u`^\s+(?:at all|whatsoever)(?![${L}])`.exec(after) : null;
  if (atAll) end += atAll[0].length;
  // "an excellent safety record" becomes "a known safety profile".
  if (prev && /^an?$/i.test(prev.word)) {
    const article = /^[aeiou]/i.test(replacement) ? 'an' : 'a';
    if (article !== prev.word.toLowerCase()) return { start: prev.start, end, newText: `${matchCase(prev.word, article)} ${replacement}` };
  }
  if (start === span.start) replacement = matchCase(text.slice(start, end), replacement);
  // "100% painless." opening a sentence: "Usually comfortable."
  else if (hit.sentence && /^[\s"'“‘(]*$/.test(text.slice(hit.sentence.start, start))) replacement = matchCase('X', replacement);
  return { start, end, newText: replacement };
}

/** The rewording as a fix, or nothing when the entry has no rewording for this form. */
export function rewordFix(text: string, hit: ClaimHit): Fix | undefined {
  const edit = rewordEdit(text, hit);
  if (!edit) return undefined;
  const title = edit.newText === '' ? `Remove "${text.slice(edit.start, edit.end).trim()}"` : `Reword as "${edit.newText}"`;
  return { title, edits: [edit], safe: false };
}
