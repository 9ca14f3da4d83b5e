import * as assert from 'node:assert/strict';
import { claimLexicon, isLinearPattern } from '../../server/src/core/knowledge/claims';
import { lint } from '../../server/src/core/lint';

/** Workspace lexicon patterns are data from an untrusted folder: none may backtrack catastrophically. */
describe('robustness: workspace lexicon patterns', () => {
  const catastrophic = ['(a+)+$', '(a*)*b', '(?:\\w+\\s?)+$', '(a|aa)*b', '(a|a)+$', '(?:cure|cures)*x', '(x|x?){2,}y', '(\\d|\\d\\d){3,}!', '(.*a){12}', '(a)\\1', '(?<x>a)\\k<x>'];
  for (const p of catastrophic) {
    it(`rejects ${p}`, () => assert.equal(isLinearPattern(p), false));
  }
  for (const p of ['miracle (?:cure|drug)s?', '\\b\\d{1,3}(?:\\.\\d)?\\s?(?:%|percent) success\\b', '(?:100|one hundred) ?% (?:safe|effective)', 'cure[sd]?', '(?:a|b){1}c']) {
    it(`accepts ${p}`, () => assert.equal(isLinearPattern(p), true));
  }

  it('leaves a rejected pattern out of the lexicon, with a readable error, and lints normally', () => {
    const entry = { id: 'evil', category: 'hype', label: 'x', severity: 'warning', citable: false, hedgeable: false, basis: 'x', source: ['a b'], rewordings: ['x'], pattern: '(a|aa)*b' };
    const lex = claimLexicon([entry]);
    assert.ok(lex.errors.some((e) => /evil/.test(e) && /nested quantifiers|not allowed/.test(e)), lex.errors.join('\n'));
    assert.ok(!lex.entries.some((e) => e.id === 'evil'));
    const text = `${'a'.repeat(5000)}c. Studies show it works.`;
    const r = lint(text, { kind: 'plaintext', config: { jurisdiction: 'CA', rules: {}, citationScope: 'paragraph', lexicon: [entry] } });
    assert.ok(Array.isArray(r.findings));
  });
});
