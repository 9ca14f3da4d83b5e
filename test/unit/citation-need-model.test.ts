// missing-citation beyond the cue families: the sentence structure (word classes, subject and
// predicate, the gate that asks for an effect, outcome, frequency, comparison or quantity) and
// the classifier trained on the development labels. The sentences here are not in the
// evaluation articles: they check that the model carries to new wording.
import * as assert from 'node:assert/strict';
import { evidenceCue } from '../../server/src/core/claims/evidence';
import { askable, citationModel, citationNeed, contextAlone, fromShipped, modelNeedsCitation, packCitationModel, reportsNeed, scoreSentence, setCitationModel, stackedFeatures, UNANCHORED_MARGIN } from '../../server/src/core/claims/model';
import { GATE, healthAnchored, lemma, sentenceFeatures, structuredWords } from '../../server/src/core/claims/structure';
import { mine } from './claims-helpers';
import { lint } from '../../server/src/core/lint';
import { defaultConfig } from '../../server/src/core/config';

describe('citation need: sentence structure', () => {
  const classes: [string, string, string][] = [
    ['Psoriasis usually first appears in young adults.', 'Psoriasis', 'cond'],
    ['Psoriasis usually first appears in young adults.', 'usually', 'freq'],
    ['Psoriasis usually first appears in young adults.', 'adults', 'pop'],
    ['Tendinitis heals slowly.', 'Tendinitis', 'cond'],
    ['Semaglutide lowers appetite.', 'Semaglutide', 'drug'],
    ['Semaglutide lowers appetite.', 'lowers', 'effect'],
    ['Our clinic offers flu shots.', 'Our', 'first'],
    ['Our clinic offers flu shots.', 'clinic', 'service'],
    ['Eczema is not contagious.', 'contagious', 'assess'],
  ];
  for (const [sentence, word, cls] of classes) {
    it(`${word} is ${cls} in: ${sentence}`, () => {
      const w = structuredWords(sentence).find((x) => x.token.text === word);
      assert.ok(w, 'word found');
      assert.equal(w.cls, cls);
    });
  }

  const lemmas: [string, string][] = [
    ['eliminates', 'eliminat'],
    ['eliminated', 'eliminat'],
    ['eliminate', 'eliminat'],
    ['stopped', 'stop'],
    ['therapies', 'therapy'],
    ['kept', 'keep'],
  ];
  for (const [w, l] of lemmas) it(`lemma of ${w}`, () => assert.equal(lemma(w), l));

  const gate: [string, boolean][] = [
    ['Rosacea tends to flare in hot weather.', true],
    ['Iron tablets often upset the stomach.', true],
    ['Lupus mostly affects women of childbearing age.', true],
    ['Eczema is not contagious.', true],
    ['Many teens with migraine are never diagnosed.', true],
    ['Ketamine can be administered through several medical routes.', false],
    ['Monitoring is recommended for all patients who start lithium.', false],
    ['The program keeps you on track with weekly calls.', false],
    ['The clinic is open on Saturdays.', false],
    ['Panic disorder means repeated attacks and ongoing worry about having more.', false],
    ['Tinnitus is when you hear ringing in the ears.', false],
    ['Pacing, which means balancing activity and rest, helps many patients avoid crashes.', true],
  ];
  for (const [sentence, open] of gate) {
    it(`${open ? 'states something' : 'states nothing a source could back'}: ${sentence}`, () => assert.equal(sentenceFeatures(sentence).includes(GATE), open));
  }

  const anchored: [string, string | undefined, boolean][] = [
    ['Rosacea tends to flare in hot weather.', undefined, true],
    ['It often starts before the first birthday.', 'Eczema is an itchy skin condition.', true],
    ['It often starts before the first birthday.', 'The party is on Saturday.', false],
    ['It runs in any editor that speaks the Language Server Protocol.', 'The tool lints Markdown files.', false],
    ['The cache keeps results across versions of the document.', undefined, false],
  ];
  for (const [sentence, previous, about] of anchored) {
    it(`${about ? 'about health' : 'not about health'}: ${sentence}${previous ? ` (after "${previous}")` : ''}`, () => assert.equal(healthAnchored(sentence, previous), about));
  }

  it('reads "commits suicide" as safe-messaging\'s fix rewords it, so the fix cannot change the verdict (the models of 1,915 articles scored "One person commits suicide every hour" 0.27 and "dies by suicide" 0.56)', () => {
    assert.deepEqual(sentenceFeatures('One person commits suicide every hour.'), sentenceFeatures('One person dies by suicide every hour.'));
    assert.deepEqual(sentenceFeatures('Her brother committed suicide in 2019.'), sentenceFeatures('Her brother died by suicide in 2019.'));
    assert.deepEqual(sentenceFeatures('People committing suicide often show warning signs.'), sentenceFeatures('People dying by suicide often show warning signs.'));
    // As the rule reads it: misspelt, and across a line break.
    assert.deepEqual(sentenceFeatures('Her brother commited suicide in 2019.'), sentenceFeatures('Her brother died by suicide in 2019.'));
    assert.deepEqual(sentenceFeatures('One person commits\nsuicide every hour.'), sentenceFeatures('One person dies by suicide every hour.'));
    assert.equal(scoreSentence('One person commits suicide every hour.')?.probability, scoreSentence('One person dies by suicide every hour.')?.probability);
  });

  it('definitions and descriptions have their shapes', () => {
    assert.ok(sentenceFeatures('Insulin is a hormone made by the pancreas.').includes('shape:definition'));
    assert.ok(sentenceFeatures('Panic disorder means repeated attacks.').includes('shape:definition'));
    assert.ok(sentenceFeatures('Kratom is made from the leaves of a tree.').includes('shape:passive-description'));
    assert.ok(sentenceFeatures('Set a quit date within two weeks.').includes('shape:imperative'));
    assert.ok(sentenceFeatures('Our nurses check your blood pressure.').includes('shape:we-subject'));
  });
});

describe('citation need: the classifier', () => {
  it('ships a trained model', () => {
    const m = citationModel();
    assert.ok(m, 'a model');
    assert.ok(Object.keys(m.weights).length > 100, 'weights');
    assert.ok(m.threshold >= 0.4 && m.threshold < 1, 'threshold');
    for (const name of Object.keys(m.weights)) assert.match(name, /^(?:w|b|first|s|p|v|vn|shape|len|gate|stk):/, name);
  });

  it('packed as the bundles ship it (names in one string, values in order), it is the same model', () => {
    const m = citationModel()!;
    const packed = fromShipped(packCitationModel(m));
    assert.deepEqual({ ...packed.weights }, m.weights);
    assert.equal(packed.bias, m.bias);
    assert.equal(packed.threshold, m.threshold);
    for (const s of ['Rosacea tends to flare in hot weather.', 'Insulin is a hormone made by the pancreas.']) assert.deepEqual(scoreSentence(s, packed), scoreSentence(s, m), s);
  });

  // Wording no cue family covers: a frequency, a course, an effect or a population stated as fact
  // (point 2 of the settled labelling guide in test/eval/README.md). The model is retrained as
  // labelled articles are added, and its threshold is chosen by cross-validation; what must hold
  // whatever the training is that each scores above every description below, nearly all of
  // them by 0.3 or more. The clearest are reported at the threshold. ("Scar tissue forms within
  // days of the injury." was one: the model of 1,235 articles reads it at 0.12, below "Insulin is
  // a hormone made by the pancreas." at 0.17, a course of healing read as the textbook
  // description of it that the guide leaves without a source.)
  const needs = [
    'Rosacea tends to flare in hot weather.',
    'Iron tablets often upset the stomach.',
    'Lupus mostly affects women of childbearing age.',
    'Tinnitus often lingers for years.',
    'Chickenpox spreads easily in schools.',
    'Shingles pain can linger for months in older adults.',
  ];
  const reported = new Set(['Lupus mostly affects women of childbearing age.', 'Shingles pain can linger for months in older adults.']);
  // Definitions, descriptions of the clinic, instructions and hedged personal possibilities.
  const not = [
    'Psoriasis is a skin condition that causes red, scaly patches.',
    'Insulin is a hormone made by the pancreas.',
    'Our nurses check your blood pressure at every visit.',
    'Your first appointment lasts about an hour.',
    'Bring a list of your medications to the visit.',
    'You may feel a little tired after the session.',
    'Our clinic offers flu shots every autumn.',
    'Physiotherapy sessions take place in our gym.',
    'A referral is not needed.',
    'Ketamine can be administered through several medical routes depending on clinical context.',
  ];
  for (const sentence of not) {
    it(`needs no source: ${sentence}`, () => {
      assert.equal(modelNeedsCitation(sentence), undefined);
      // Well under the threshold (0.5), not only under it: the shipped model reads the sample's
      // "several medical routes" at 0.22 trained on 1,515 articles, 0.24 on 1,795, 0.26 on 1,835, 0.28 on 1,875, 1,915 and 1,955, 0.26 on 1,995, 0.24 on 2,075, 0.23 on 2,115, 0.25 on 2,155, 0.22 on 2,235 and 0.24 on 2,315 (weights under 0.04 left out), 0.22 on 2,355 (under 0.06), 0.19 on 2,435, 0.16 on 2,475, 0.20 on 2,515, 0.18 on 2,595, 0.18 on 2,635 (under 0.08), 0.16 on 2,675 and 2,715, 0.15 on 2,755, 0.17 on 2,795, 0.18 on 2,835, 0.17 on 2,875, 0.18 on 2,915, 0.16 on 2,995, 0.19 on 3,035.
      assert.ok((scoreSentence(sentence)?.probability ?? 0) < 0.3);
    });
  }
  const highestNot = (): number => Math.max(...not.map((x) => scoreSentence(x)?.probability ?? 0));
  for (const sentence of needs) {
    it(`needs a source: ${sentence}`, () => {
      assert.equal(evidenceCue(sentence), undefined, 'no cue family covers it');
      const p = scoreSentence(sentence)?.probability ?? 0;
      assert.ok(p > highestNot(), `probability ${p.toFixed(2)}, highest description ${highestNot().toFixed(2)}`);
      if (reported.has(sentence)) assert.ok(modelNeedsCitation(sentence), `reported: probability ${p.toFixed(2)}`);
    });
  }
  // The classifier weighs the cue rules' verdict too, and keeps its highest probabilities for
  // sentences a cue also found: on its own, wording no cue covers scores lower than it did when
  // the classifier saw only cue-less sentences. Most still score well clear of the descriptions.
  it('scores most of them well above the descriptions (0.3 or more)', () => {
    const clear = needs.filter((x) => (scoreSentence(x)?.probability ?? 0) >= highestNot() + 0.3);
    assert.ok(clear.length >= needs.length - 2, `${clear.length} of ${needs.length}`);
  });

  it('is asked only about full sentences that are not disclosures', () => {
    assert.equal(askable('Rosacea tends to flare in hot weather'), false, 'a title or label');
    assert.equal(askable('Ketamine is not approved by Health Canada for depression; this use is off-label.'), false, 'a disclosure');
    assert.equal(askable('Rosacea tends to flare in hot weather.'), true);
  });
});

describe('missing-citation: the classifier in the rule', () => {
  const flagged = (text: string): string[] => mine(text).filter((f) => f.ruleId === 'missing-citation').map((f) => text.slice(f.start, f.end));

  it('flags wording no cue covers, with its own message', () => {
    const text = 'Lupus mostly affects women of childbearing age.\n';
    const f = mine(text).find((x) => x.ruleId === 'missing-citation');
    assert.ok(f);
    assert.match(f.message, /states a clinical fact/);
  });

  it('a later marker in the paragraph still covers it', () => {
    assert.deepEqual(flagged('Lupus mostly affects women of childbearing age. Sunscreen is advised.[1]\n\nReferences\n\n1. Smith J. Rosacea. J Derm. 2020;1:1-2.\n'), []);
  });

  it('is not asked about a conclusion drawn from the cited sentence before it', () => {
    const text = 'Ketamine acts within hours.[1] Given its rapid onset, ketamine may be considered when timely symptom relief is important.\n\nReferences\n\n1. Smith J. Ketamine. J Psych. 2020;1:1-2.\n';
    assert.deepEqual(flagged(text), []);
  });

  it('is not asked about text that is not about health', () => {
    assert.deepEqual(flagged('The cache keeps results across versions of the document. It runs in any editor.\n'), []);
  });

  it('is not asked about claim wording the author distances', () => {
    assert.deepEqual(flagged('Claims that a single infusion cures depression are misleading.\n'), []);
  });
});

describe('missing-citation: a sentence that names nothing of health is asked more of', () => {
  const plain = { hedged: false, distanced: false, describes: false, inArticle: true };
  it('needs the threshold and a margin with no cue and no health anchor', () => {
    const p = 0.5 + UNANCHORED_MARGIN / 2;
    assert.equal(reportsNeed({ ...plain, inArticle: false }, p, 0.5), false);
    assert.equal(reportsNeed({ ...plain, inArticle: false }, 0.5 + UNANCHORED_MARGIN, 0.5), true);
    assert.equal(reportsNeed(plain, p, 0.5), true, 'about health: the threshold alone');
    assert.equal(reportsNeed({ ...plain, inArticle: false, cue: 'effect' }, p, 0.5), true, 'a cue: the threshold alone');
  });
  // A bug of the threshold of 0.5: prose about a walk, which the shipped model read at 0.50, was
  // reported as a clinical fact (8,000 times in the launcher's large-input test, whose output then
  // overflowed its buffer).
  it('does not report prose about nothing of health', () => {
    const text = 'The walk along the river took most of the afternoon, and the weather held.\n';
    assert.deepEqual(lint(text, { kind: 'markdown' }).findings.filter((f) => f.ruleId === 'missing-citation'), []);
  });
});

describe('missing-citation: the classifier has the last word', () => {
  const found = (text: string): string[] => lint(text, { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'missing-citation').map((f) => text.slice(f.start, f.end));
  /** Lints with a model that says `verdict` to every sentence. */
  const withModel = <T>(verdict: boolean, run: () => T): T => {
    const saved = citationModel();
    setCitationModel({ bias: verdict ? 10 : -10, threshold: 0.6, weights: {} });
    try {
      return run();
    } finally {
      setCitationModel(saved);
    }
  };

  it('sets aside a cue match that, in its sentence, states nothing a source could back', () => {
    const text = 'The strap puts light pressure on the tendon.\n';
    assert.equal(contextAlone(text.trim()).cue, 'effect', 'an effect cue matches');
    assert.deepEqual(withModel(false, () => found(text)), []);
    assert.deepEqual(found(text), [], 'the shipped model sets it aside');
    assert.deepEqual(withModel(true, () => found(text)), ['The strap puts light pressure on the tendon.']);
  });

  it('cannot overrule an appeal to studies or to consensus', () => {
    const text = 'Studies show fast effects. Experts agree that the brace is worn at night.\n';
    assert.deepEqual(withModel(false, () => found(text)), ['Studies show fast effects.', 'Experts agree that the brace is worn at night.']);
  });

  it('cannot overrule a relative risk ("double your odds"), which is a study\'s figure in any words', () => {
    const text = 'Counselling and medicine together double your odds of quitting. Four medicines a day roughly doubles the chance of a fall.\n';
    assert.deepEqual(withModel(false, () => found(text)), ['Counselling and medicine together double your odds of quitting.', 'Four medicines a day roughly doubles the chance of a fall.']);
    // Other effect cues it still weighs.
    assert.deepEqual(withModel(false, () => found('The strap puts light pressure on the tendon.\n')), []);
  });

  it('does not report claim wording the author distances on its word alone', () => {
    const text = 'Claims that a single infusion cures depression are misleading. The clinic is open on Saturdays.\n';
    assert.deepEqual(withModel(true, () => found(text)), ['The clinic is open on Saturdays.']);
  });

  it('with no model, the cue rules decide', () => {
    const saved = citationModel();
    setCitationModel(null);
    try {
      assert.deepEqual(found('Each brace puts gentle pressure on the curve. The clinic is open on Saturdays.\n'), ['Each brace puts gentle pressure on the curve.']);
    } finally {
      setCitationModel(saved);
    }
  });

  it('weighs what the rule knows of the sentence, built one way for the rule and for training', () => {
    const ctx = { cue: 'statistic' as const, hedged: false, distanced: true, describes: false, inArticle: true };
    const f = stackedFeatures('About 1 in 5 adults have it.', ctx);
    for (const x of ['stk:rule', 'stk:cue', 'stk:cue:statistic', 'stk:distanced']) assert.ok(f.includes(x), x);
    assert.ok(!f.includes('stk:open'), 'distanced wording is not open');
    assert.ok(stackedFeatures('About 1 in 5 adults have it', { ...ctx, distanced: false }).includes('stk:unaskable'), 'a label, not a sentence');
    const m = citationModel()!;
    const v = citationNeed('About 1 in 5 adults have it.', ctx, m);
    assert.equal(v.needed, v.probability >= m.threshold);
  });
});

describe('missing-citation severity by what found the sentence', () => {
  it('reports the classifier at information and the cue phrases as warnings', () => {
    const text = 'Cataracts are common in older adults. Lupus mostly affects women of childbearing age. Studies show that surgery restores sight in 95% of cases.';
    const found = lint(text, { kind: 'markdown' }).findings.filter((f) => f.ruleId === 'missing-citation');
    const byClassifier = found.filter((f) => /sentence classifier/.test(f.message));
    assert.equal(byClassifier.length, 1);
    assert.equal(byClassifier[0].severity, 'info');
    assert.match(text.slice(byClassifier[0].start, byClassifier[0].end), /^Lupus mostly affects/);
    const byCue = found.filter((f) => !/sentence classifier/.test(f.message));
    assert.equal(byCue.length, 2);
    assert.ok(byCue.every((f) => f.severity === 'warning'));
  });

  it('uses the severity the user sets for both', () => {
    const text = 'Lupus mostly affects women of childbearing age.';
    const config = { ...defaultConfig(), rules: { 'missing-citation': 'error' as const } };
    const found = lint(text, { kind: 'markdown', config }).findings.filter((f) => f.ruleId === 'missing-citation');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
  });
});
