import type { Fix, TextEdit } from '../types';
import { type ClaimHit, headSpan } from './detect';
import { normalizePhrase } from './inflect';

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
/** Words before a noun: a verb form after one of them is used as a noun. */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'our', 'your', 'their', 'his', 'her', 'its', 'my', 'no', 'any', 'every', 'one']);
/** What starts a clause after a verb such as "guarantee" ("that ...", "you'll ..."), not an object. */
const CLAUSE_NEXT = /^\s+(?:that\b|(?:you|we|they|it|he|she|everyone|patients|clients|people)(?:['’]ll\b|\s+will\b|\s+won['’]t\b))/i;

const MODALS = new Set(['can', 'could', 'will', 'would', 'may', 'might', 'shall', 'should', 'does', 'do', 'did']);

function previousWord(text: string, at: number): { word: string; start: number } | undefined {
  const m = /([\p{L}']+)[ \t]+$/u.exec(text.slice(Math.max(0, at - 40), at));
  if (!m) return undefined;
  return { word: m[1], start: at - m[0].length };
}

function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = original.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

export function rewordEdit(text: string, hit: ClaimHit): TextEdit | undefined {
  const rewrite = hit.entry.rewrite;
  if (!rewrite) return undefined;
  const span = headSpan(hit);
  const headText = normalizePhrase(text.slice(span.start, span.end));
  const keys = [hit.info?.head, headText, normalizePhrase(hit.matched), hit.info?.form, '*'];
  const key = keys.find((k) => k !== undefined && Object.prototype.hasOwnProperty.call(rewrite, k));
  if (key === undefined) return undefined;
  let replacement = rewrite[key];
  let start = span.start;
  let end = span.end;
  const prevWord = previousWord(text, start)?.word.toLowerCase();
  // A verb's form used as a noun ("offers a cure"): the entry's noun rewording, or none (a verb
  // phrase there reads "offers a may reduce symptoms of").
  if (VERB_FORMS.has(key) && prevWord !== undefined && DETERMINERS.has(prevWord)) {
    if (!Object.prototype.hasOwnProperty.call(rewrite, 'noun')) return undefined;
    replacement = rewrite.noun;
  } else if (Object.prototype.hasOwnProperty.call(rewrite, `${key}+object`) && !CLAUSE_NEXT.test(text.slice(end, end + 40))) {
    // A verb taking an object, not a clause: "guarantees relief" becomes "aims to provide relief"
    // (while "guarantee you'll feel better" becomes "hope you'll feel better").
    replacement = rewrite[`${key}+object`];
  }
  if (replacement === '') {
    if (text[start - 1] === ' ') start--;
    else if (text[end] === ' ') end++;
    return { start, end, newText: '' };
  }
  const prev = previousWord(text, start);
  if (replacement.startsWith('may ') && prev) {
    const w = prev.word.toLowerCase();
    if (MODALS.has(w)) {
      start = prev.start;
      return { start, end, newText: matchCase(prev.word, replacement) };
    }
    if (w === 'to') replacement = replacement.slice(4);
    else if (w.endsWith('ly') && w !== 'only' && w.length > 3) {
      const before = previousWord(text, prev.start);
      // "may permanently reduce": the adverb stays between the modal and the verb.
      if (!before || !MODALS.has(before.word.toLowerCase())) {
        return { start: prev.start, end, newText: matchCase(prev.word, `may ${prev.word.toLowerCase()} ${replacement.slice(4)}`) };
      }
    }
  }
  // "an excellent safety record" becomes "a known safety profile".
  if (prev && /^an?$/i.test(prev.word)) {
    const article = /^[aeiou]/i.test(replacement) ? 'an' : 'a';
    if (article !== prev.word.toLowerCase()) return { start: prev.start, end, newText: `${matchCase(prev.word, article)} ${replacement}` };
  }
  return { start, end, newText: matchCase(text.slice(start, end), replacement) };
}

/** The rewording as a fix, or nothing when the entry has no rewording for this form. */
export function rewordFix(text: string, hit: ClaimHit): Fix | undefined {
  const edit = rewordEdit(text, hit);
  if (!edit) return undefined;
  const title = edit.newText === '' ? `Remove "${text.slice(edit.start, edit.end).trim()}"` : `Reword as "${edit.newText}"`;
  return { title, edits: [edit], safe: false };
}
