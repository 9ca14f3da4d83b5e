import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { holdsRequired, requiresGate } from '../../server/src/core/claims/detect';
import { mayOpenFenceOrFootnote, startsWithPrefixChar } from '../../server/src/core/article/markdownBlocks';
import { american, words } from '../../server/src/core/rules/duplicate-reference';
import { CRISIS_WORDS, mayHoldResource } from '../../server/src/core/rules/safe-messaging';
import { FAST_CHECK } from './property-support';
import { L } from '../../server/src/core/text/letters';

/**
 * Paths that skip work (a text not lower-cased, a list not sorted) held to the plain
 * computation they stand for.
 */
describe('property: lean paths equal the plain computation', () => {
  it('mayHoldResource lower-cases exactly when the lower case holds a digit or a crisis word', () => {
    const plain = (text: string): string | undefined => {
      const lower = text.toLowerCase();
      return /[0-9]/.test(text) || CRISIS_WORDS.test(lower) ? lower : undefined;
    };
    const pieces = ['crisis', 'HELP', 'Kids', '\u212aids', '\u212aIDS', 'L\u0130FELINE', 'lifel\u0130ne', 'call \n Back', 'TREVOR', 'ſhout', 'İ', 'K', 'k', 'x', ' ', '7', 'é', 'É', 'talk', 'tal', 'k', 'pieta', 'Σ', 'hope line', 'HOPELINE', 'Papyrus', 'CALM', '13YARN', 'MensLine'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        assert.equal(mayHoldResource(t), plain(t));
      }),
      FAST_CHECK,
    );
    for (const t of ['\u212aids', 'L\u0130FELINE', 'no resource here', 'Call 911', 'HOTLINE']) assert.equal(mayHoldResource(t), plain(t));
  });

  it("scanMarkdown's line prefilters pass every line its patterns match", () => {
    const FENCE = /^ {0,3}(`{3,}|~{3,})/;
    const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?/;
    const CONTAINER_PREFIX = /^[ \t]*(?:>[ \t]?[ \t]*)*/;
    const line = fc.array(fc.constantFrom(' ', ' ', '\t', '`', '~', '[', '^', ']', ':', '>', 'a', '1', '\r', '\n'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(line, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (l, before, after) => {
        // The line sits in a longer text, as in the scan.
        const text = before + l + after;
        const start = before.length;
        const end = start + l.length;
        if (FENCE.test(l) || FOOTNOTE_DEF.test(l)) assert.ok(mayOpenFenceOrFootnote(text, start, end), JSON.stringify(l));
        assert.equal(startsWithPrefixChar(text, start, end), CONTAINER_PREFIX.exec(l)![0].length > 0, JSON.stringify(l));
      }),
      FAST_CHECK,
    );
  });

  it("a claim pattern's requires gate agrees with searching the lower-cased prose", () => {
    const needle = fc.array(fc.constantFrom('a', 'é', '’', '“', '”', 'i', 'k', 's', ' ', "'", '%', '"', '.', '(', '\\', '|', '1'), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    const prose = fc.array(fc.constantFrom('a', 'A', 'i', 'I', 'k', 'K', '\u212a', '\u0130', 's', 'S', 'ſ', ' ', "'", '%', '"', '.', '(', '\\', '|', '1', 'é', '’', '‘', '“', '”'), { maxLength: 16 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(needle, { minLength: 1, maxLength: 3 }), prose, (requires, text) => {
        const gate = requiresGate(requires);
        const lower = text.toLowerCase();
        assert.equal(holdsRequired(requires, gate, text, () => lower), requires.some((r) => lower.includes(r)), JSON.stringify([requires, text]));
      }),
      FAST_CHECK,
    );
  });

  it("a reference title's words are the same by the ASCII path as by NFKD and Unicode classes", () => {
    const NUMBER = /^(?:\d+|[ivxl]+)$/;
    const plain = (t: string): string[] =>
      t
        .toLowerCase()
        .normalize('NFKD')
        .replace(new RegExp(`[^${L}\\p{N}\\s]`, 'gu'), ' ')
        .split(/\s+/)
        .filter((w) => w.length > 2 || NUMBER.test(w));
    const title = fc
      .array(fc.oneof(fc.constantFrom('Randomised', 'TRIAL', 'of', 'behaviour', 'II', '2024', 'K\u212a', 'caf\u00e9', '\ufb01sh', '-', ':', '.', ' ', '\t', '\u00a0', '(', ')', "'s", '\u0130'), fc.string({ maxLength: 4 })), { maxLength: 10 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(title, (t) => {
        const expected = new Set(plain(t).map(american));
        assert.deepEqual(words(t), expected, JSON.stringify(t));
      }),
      FAST_CHECK,
    );
  });
});
