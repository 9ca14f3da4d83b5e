import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isQuestion } from '../../server/src/core/claims/scope';
import { ruleSentences, splitSentences } from '../../server/src/core/article/sentences';
import { LiteralMatcher } from '../../server/src/core/text/literalMatcher';
import { NeedleSet } from '../../server/src/core/text/needles';
import { hasPrefilterWord } from '../../server/src/core/claims/claimStructure';
import { FAST_CHECK } from './property-support';
import { L } from '../../server/src/core/text/letters';

/** The regular expression the matcher stands in for (claims lexicon and evidence cues). */
function referenceRegex(literals: string[], hyphenIsWord: boolean, apostrophes: boolean, global: boolean): RegExp {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = literals.map((l) => {
    let r = esc(l).replace(/ /g, '\\s+');
    if (apostrophes) r = r.replace(/'/g, "['’]");
    return r;
  });
  // Letters are the rules' letters (text/letters.ts): a mathematical 𝐚 is none.
  const b = hyphenIsWord ? `[${L}\\p{N}-]` : `[${L}\\p{N}]`;
  return new RegExp(`(?<!${b})(?:${body.join('|')})(?!${b})`, global ? 'giu' : 'iu');
}

const ALPHABET = ['a', 'b', 'A', 'B', 'é', 'É', ' ', ' ', '\t', '\n', '\u00a0', '-', "'", '’', '.', ',', '1', '%', '😀', 'ß', '\ud835\udc1a', 'Ⅰ', 'ⅰ'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join(''));
const literal = fc
  .array(fc.constantFrom('a', 'b', 'é', ' ', '-', "'", '.', '1', '%', '\ud835\udc1a', 'ⅰ'), { minLength: 1, maxLength: 5 })
  .map((a) => a.join('').replace(/ +/g, ' ').trim())
  .filter((s) => s.length > 0);

describe('property: literal matcher equals its regular expression', () => {
  it('matchAll gives the same matches as a global regex', () => {
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 8 }), text, fc.boolean(), fc.boolean(), (lits, t, hyphen, apos) => {
        const want = [...t.matchAll(referenceRegex(lits, hyphen, apos, true))].map((x) => [x.index, x[0]]);
        // Walking the trie at every word, and (on large texts) only where a literal's first word is the text's.
        for (const firstWordsAfter of [undefined, 0]) {
          const m = new LiteralMatcher(lits, { hyphenIsWord: hyphen, apostrophes: apos, firstWordsAfter });
          assert.deepEqual(m.matchAll(t).map((x) => [x.index, x.text]), want);
        }
      }),
      FAST_CHECK,
    );
  });

  it('first gives the same match as a non-global regex, and the winning literal', () => {
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 8 }), text, (lits, t) => {
        const m = new LiteralMatcher(lits).first(t);
        const r = referenceRegex(lits, false, false, false).exec(t);
        assert.deepEqual(m ? [m.index, m.text] : null, r ? [r.index, r[0]] : null);
        if (m) {
          // The literal listed first among those that match at this position wins.
          const at = (l: string): string | undefined => {
            const re = referenceRegex([l], false, false, true);
            re.lastIndex = m.index;
            const x = re.exec(t);
            return x && x.index === m.index ? x[0] : undefined;
          };
          assert.equal(at(lits[m.literal]), m.text);
          for (let k = 0; k < m.literal; k++) assert.equal(at(lits[k]), undefined);
        }
      }),
      FAST_CHECK,
    );
  });

  it('matches case-insensitively, across line breaks and typographic apostrophes', () => {
    const m = new LiteralMatcher(['cures cancer', "won't fail"], { hyphenIsWord: true, apostrophes: true });
    assert.deepEqual(
      m.matchAll('It CURES\n  cancer; it won’t fail. Non-cures cancer.').map((x) => x.text),
      ['CURES\n  cancer', 'won’t fail'],
    );
  });
});

describe('property: literal matcher, first match of every group in one pass', () => {
  it('equals the first match of a matcher per group', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(literal, fc.nat({ max: 3 })), { minLength: 1, maxLength: 10 }), text, (pairs, t) => {
        const lits = pairs.map(([l]) => l);
        const groups = pairs.map(([, g]) => g);
        const all = new LiteralMatcher(lits, {}, groups).firstByGroup(t);
        for (let g = 0; g <= Math.max(...groups); g++) {
          const mine = lits.filter((_, i) => groups[i] === g);
          const alone = mine.length ? new LiteralMatcher(mine).first(t) : undefined;
          const got = all[g];
          assert.deepEqual(got ? [got.index, got.text, lits[got.literal]] : undefined, alone ? [alone.index, alone.text, mine[alone.literal]] : undefined);
        }
      }),
      FAST_CHECK,
    );
  });
});

describe('property: a needle set finds what includes finds', () => {
  it('found[id] is 1 exactly when the text includes the needle', () => {
    const needle = fc.array(fc.constantFrom('a', 'b', ' ', '%', 'é', '’', '-'), { maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(needle, { minLength: 1, maxLength: 10 }), text, (ns, t) => {
        const set = new NeedleSet();
        const ids = ns.map((n) => set.add(n));
        const found = set.scan(t);
        ns.forEach((n, k) => assert.equal(found[ids[k]], t.includes(n) ? 1 : 0, JSON.stringify([n, t])));
      }),
      FAST_CHECK,
    );
  });
});

describe('property: the claim structures\' prefilter equals its regular expression', () => {
  const PREFILTER = new RegExp(`(?<![${L}])(?:our|we|you|your|will|clients?|customers?|patients|members|users|graduates|families|parents)(?![${L}])|['’]ll(?![${L}])`, 'iu');
  it('finds a word in text[0, end) exactly when the regex finds one in the slice', () => {
    const piece = fc.constantFrom('our', 'OUR', 'we', 'You', 'your', 'wiLL', 'client', 'clients', 'cuſtomers', 'patients', 'uſers', 'parents', 'll', 'LL', "'", '’', 'a', 'é', 'ſ', 'K', ' ', '1', '-', '\ud835\udc00', '\ud83d\ude00', '\ud835', 'ours', 'lll');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat({ max: 40 }), (ps, cut) => {
        const t = ps.join('');
        const end = Math.min(t.length, cut);
        assert.equal(hasPrefilterWord(t, end), PREFILTER.test(t.slice(0, end)), JSON.stringify([t, end]));
      }),
      FAST_CHECK,
    );
  });
});

describe('property: isQuestion read from the end equals its regular expression', () => {
  it('agrees on any ending', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '?', '"', "'", '”', '’', ')', ']', ' ', '\n', '\u00a0', '.', '('), { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        assert.equal(isQuestion(s), /\?["'”’)\]]*\s*$/u.test(s), JSON.stringify(s));
      }),
      FAST_CHECK,
    );
  });
});

describe('property: the long-prose sentence splitter', () => {
  it('the run-start guard changes no match of the end-of-sentence regex', () => {
    const plain = /[.!?]+["'”’)\]]*\s+(?=["“([]?[A-Z0-9])/g;
    const guarded = /(?<![.!?])[.!?]+["'”’)\]]*\s+(?=["“([]?[A-Z0-9])/g;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'B', '1', '.', '!', '?', ' ', '"', ')', '“'), { maxLength: 60 }), (cs) => {
        const s = cs.join('');
        const ends = (re: RegExp): number[] => [...s.matchAll(re)].map((m) => m.index + m[0].length);
        assert.deepEqual(ends(guarded), ends(plain));
      }),
      FAST_CHECK,
    );
  });

  it('the sentence rules read in code give the segmenter\'s sentences, or leave the text to it', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const unit = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'B', 'Z', 'é', 'É', 'ß', 'ǀ', 'ª', '5', '0', '²', '¹', '.', '.', '!', '?', '‼', '⁇', '․', ',', '-', ':', ';', '–', '—', ' ', ' ', '\t', '\u00a0', '\u202f', '"', "'", '(', ')', '[', ']', '«', '»', '“', '”', '‘', '’', '‹', '›', '⁽', '₎', '#', '%', '…', '•', '×') },
      // Every code unit it reads: ASCII, Latin-1 and Latin Extended (less the controls and the soft hyphen), General Punctuation, superscripts.
      { weight: 2, arbitrary: fc.integer({ min: 0x20, max: 0x24f }).filter((c) => c < 0x7f || (c >= 0xa0 && c !== 0xad)).map((c) => String.fromCharCode(c)) },
      { weight: 2, arbitrary: fc.integer({ min: 0x2010, max: 0x209f }).filter((c) => (c < 0x2028 || c > 0x202e) && (c < 0x205f || c > 0x206f)).map((c) => String.fromCharCode(c)) },
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (us) => {
        const s = us.join('');
        const want = [...segmenter.segment(s)].map((x) => ({ start: x.index, end: x.index + x.segment.length }));
        assert.deepEqual(ruleSentences(s), want, JSON.stringify(s));
      }),
      { ...FAST_CHECK, numRuns: FAST_CHECK.numRuns! * 10 },
    );
    // Line breaks, format and combining characters, emoji: the segmenter's.
    for (const s of ['A. B\nC', 'cu\u00adre. Then', 'A.\u2028B', 'Smile 😀. Then', 'e\u0301. Then', 'a\u200b. B']) assert.equal(ruleSentences(s), undefined, s);
    assert.deepEqual(splitSentences('It works. Then it stops!  "Really?" Yes.').length, 4);
  });

  it('splits a long run of end marks in linear time (completes)', () => {
    const spans = splitSentences(`${'!'.repeat(60_000)} Then. More text here.`);
    assert.ok(spans.length >= 1);
  });

  it('text the segmenter cannot break is one sentence without asking it (the same as asking it)', () => {
    // Characters of the fast path's list, among them the ones nearest to terminators: ; : , ¡ ¿ … ‐ ” ′ ‹ ¹.
    const SAFE = ['a', 'Z', ' ', '\t', ',', ';', ':', '¡', '¿', '«', '»', '“', '”', '‘', '’', '–', '—', '‐', '•', '′', '‹', '›', '※', '¹', '²', '⁴', 'é', 'ß', 'Ł', '(', ')', '"', "'", '/', '5', '%', '\u00a0'];
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SAFE), { minLength: 1, maxLength: 50 }), (cs) => {
        const s = cs.join('');
        const segments = [...segmenter.segment(s)];
        assert.equal(segments.length, 1, 'the segmenter finds no break either');
        const trimmed = s.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, '');
        const spans = splitSentences(s);
        if (trimmed.length === 0) assert.deepEqual(spans, []);
        else assert.deepEqual(spans, [{ start: s.indexOf(trimmed), end: s.indexOf(trimmed) + trimmed.length }]);
      }),
      FAST_CHECK,
    );
  });
});
