import * as assert from 'node:assert/strict';
import { L, lettersIn, rx } from '../../server/src/core/text/letters';

/** The blocks `L` covers (text/letters.ts): a letter elsewhere counts as no letter. */
const BLOCKS: readonly [number, number][] = [
  [0x0000, 0x02ff], // Basic Latin to Spacing Modifier Letters (Latin, IPA)
  [0x0370, 0x058f], // Greek, Cyrillic, Armenian
  [0x05d0, 0x06ff], // Hebrew letters, Arabic
  [0x0900, 0x097f], // Devanagari
  [0x0e00, 0x0e7f], // Thai
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xac00, 0xd7a3], // Hangul syllables
];
const covered = (cp: number): boolean => BLOCKS.some(([a, b]) => cp >= a && cp <= b);

describe('text/letters: the letters of the rules\' patterns', () => {
  it('are exactly \\p{L} within the covered blocks, and nothing outside them', () => {
    const inL = new RegExp(`^[${L}]$`, 'u');
    const letter = /^\p{L}$/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const expected = covered(cp) && letter.test(ch);
      if (inL.test(ch) !== expected) wrong.push(cp.toString(16));
      if (wrong.length > 10) break;
    }
    assert.deepEqual(wrong, []);
  });

  it('stay letters under the i flag: the case of a letter changes nothing', () => {
    const word = rx.iu`(?<![${L}])cure(?![${L}])`;
    assert.ok(word.test('Ketamine is not a CURE.'));
    assert.ok(!word.test('procured'));
    assert.ok(!word.test('curé'), 'an accented letter continues the word');
    assert.ok(!word.test('Éσcure'), 'so does a Greek one');
    assert.ok(!word.test('治疗cure治疗'), 'and a CJK one');
    assert.ok(!word.test('ſcure'), 'the long s is a letter');
  });

  it('a tag compiles its call site once, as a literal, and a global pattern starts each call at 0', () => {
    const site = (): RegExp => rx.u`^[${L}]+$`;
    assert.equal(site(), site());
    const all = (): RegExp => rx.gu`[${L}]+`;
    const first = all();
    assert.deepEqual([...'one two'.matchAll(first)].map((m) => m[0]), ['one', 'two']);
    first.lastIndex = 3;
    assert.equal(all().lastIndex, 0);
    assert.notEqual(all(), all());
    assert.equal(all().source, first.source);
  });
});

describe('text/letters: a pattern given as a string', () => {
  it('reads \\p{L} as the letters, in a class and out of one, and leaves every other escape', () => {
    const p = String.raw`(?<![\p{L}\d])cure\p{L}*\\p{L}\p{Lu}`;
    assert.equal(lettersIn(p), String.raw`(?<![` + L + String.raw`\d])cure[` + L + String.raw`]*\\p{L}\p{Lu}`);
    const re = new RegExp(lettersIn(String.raw`(?<![\p{L}])cures?(?![\p{L}])`), 'giu');
    assert.deepEqual([...'It CURES, procures, cures.'.matchAll(re)].map((m) => m.index), [3, 20]);
  });
});
