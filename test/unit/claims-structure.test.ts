// unsupported-claim by sentence structure (claims/claimStructure.ts): the advertiser's own
// service with an unhedged outcome, superlative, comparison, absolute or safety predicate, and
// promises to the reader. None of these sentences is in the lexicon or the evaluation articles.
import * as assert from 'node:assert/strict';
import { structuralClaims } from '../../server/src/core/claims/claimStructure';
import { mine } from './claims-helpers';

describe('unsupported-claim: claims by structure', () => {
  const cases: [string, string, string][] = [
    ['Our laser sessions restore full hearing in most patients.', 'outcome', 'restore full hearing'],
    ['Our herbal tincture banishes brain fog for good.', 'outcome', 'banishes brain'],
    ['Our orthotics realign your knees and stop arthritis pain for good.', 'outcome', 'realign your knees'],
    ['Patients in our program lose up to 30% of their belly fat.', 'outcome', 'lose up to 30'],
    ['Our clinic has the best recovery rates in the region.', 'superlative', 'has the best recovery'],
    ['Our sleep program works twice as fast as sleeping pills.', 'superiority', 'works twice as'],
    ['Our members recover 4 times faster than with physiotherapy alone.', 'superiority', 'recover 4 times'],
    ['Graduates of our course never get panic attacks again.', 'absolute', 'never get panic'],
    ['Our cleanse helps every client feel lighter.', '', ''],
    ['Our facial peels are completely painless.', 'absolute', 'are completely painless'],
    ['Our tinctures are safe for the whole family.', 'safety', 'are safe'],
    ['With our inhaler kit, your child will never have another asthma attack.', 'absolute', 'will never'],
    ['Many users tell us their cravings vanished within days.', 'testimonial', 'users tell us their cravings'],
    ['Thousands of parents report calmer evenings and better sleep.', 'testimonial', 'parents report'],
  ];
  for (const [sentence, kind, text] of cases) {
    it(`${kind || 'none'}: ${sentence}`, () => {
      const found = structuralClaims(sentence);
      if (!kind) return assert.deepEqual(found, []);
      assert.equal(found.length, 1);
      assert.equal(found[0].kind, kind);
      assert.ok(sentence.slice(found[0].start, found[0].end).startsWith(text), sentence.slice(found[0].start, found[0].end));
    });
  }

  const none = [
    'Our physiotherapists design a program around your goals.',
    'Our counsellors will help you build a quit plan.',
    'Our team will always answer your questions.',
    'You will never be judged here.',
    'We accept most major insurance plans.',
    'Our doctors are licensed in every province.',
    'Our treatment is 100% confidential.',
    'We are reducing symptoms of depression one infusion at a time.',
    'Our doctors hope you will lose weight.',
    'Our program may reduce cravings in some people.',
    'Our therapy does not cure depression.',
    'You will keep a sleep diary for two weeks.',
    'Exercise restores function in most people with back pain.',
    'Our patients tell us the parking is easy to find.',
    'Patients report side effects to the nurse.',
  ];
  for (const sentence of none) it(`not a claim: ${sentence}`, () => assert.deepEqual(structuralClaims(sentence), []));

  const claims = (text: string): string[] => mine(text).filter((f) => f.ruleId === 'unsupported-claim').map((f) => f.message.split('"')[1]);

  it('reports through the lexicon entry of its kind', () => {
    const f = mine('Our laser sessions restore full hearing in most patients.\n').find((x) => x.ruleId === 'unsupported-claim');
    assert.ok(f);
    assert.match(f.message, /promise of outcome/);
  });

  it('a quoted or attributed structural claim is not the author’s', () => {
    assert.deepEqual(claims('Some clinics claim that "our drops end chronic fatigue".\n'), []);
  });

  it('a cited comparison is substantiated', () => {
    const text = 'Our members recover 4 times faster than with physiotherapy alone.[1]\n\nReferences\n\n1. Smith J. Recovery. J Rehab. 2020;1:1-2.\n';
    assert.deepEqual(claims(text), []);
  });

  it('a sentence the lexicon already matches is left to the lexicon', () => {
    const f = mine('Our laser therapy permanently eliminates nerve pain.\n').filter((x) => x.ruleId === 'unsupported-claim');
    assert.ok(f.every((x) => !/promise of outcome/.test(x.message)));
  });
});
