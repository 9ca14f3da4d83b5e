// missing-citation: which sentences assert evidence, which are not claims at all, and which
// marker covers a sentence in paragraph and sentence scope.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article/parse';
import { coveringMarker } from '../../server/src/core/claims/coverage';
import { evidenceCue, notAClaim } from '../../server/src/core/claims/evidence';
import { mine } from './claims-helpers';

describe('citation need: evidence cues', () => {
  const cases: [string, string, string][] = [
    ['Studies consistently show that benefits fade.', 'study', 'Studies consistently show'],
    ['Ketamine has been found to have rapid effects.', 'study', 'has been found'],
    ['Meta-analyses of randomized trials confirm the effect.', 'study', 'Meta-analyses'],
    ['Researchers believe the experience predicts improvement.', 'study', 'Researchers believe'],
    ['Experts agree that CBT should come first.', 'consensus', 'Experts agree'],
    ['Many expert consensus statements emphasize combined care.', 'consensus', 'consensus'],
    ['Esketamine was approved in 2020 for adults.', 'consensus', 'approved in'],
    ['About 9% of Canadians will have PTSD.', 'statistic', '9%'],
    ['Seizures occur in fewer than 1 in 30,000 treatments.', 'statistic', '1 in 30,000'],
    ['Women are diagnosed about twice as often as men.', 'statistic', 'twice as'],
    ['TRD affects a substantial proportion of people with MDD.', 'statistic', 'affects a substantial'],
    ['Ketamine is generally well tolerated.', 'safety', 'well tolerated'],
    ['Long-term opioid use increases the risk of overdose.', 'safety', 'increases the risk'],
    ['Bariatric surgery leads to greater weight loss than medication.', 'comparison', 'greater weight loss than'],
    ['Unlike SSRIs, ketamine acts within hours.', 'comparison', 'Unlike'],
    ['Mindfulness may reduce pain intensity.', 'effect', 'reduce pain'],
    ['Symptoms often continue into adulthood.', 'effect', 'Symptoms often'],
  ];
  for (const [sentence, family, text] of cases) {
    it(`${family}: ${sentence}`, () => {
      const cue = evidenceCue(sentence);
      assert.ok(cue, 'has a cue');
      assert.equal(cue.family, family);
      assert.equal(cue.text, text);
    });
  }

  const none = [
    'Each infusion takes about 40 minutes.',
    'Ketamine has been used as an anesthetic for more than 50 years.',
    'Depression is more than feeling sad for a few days.',
    'Chronic pain is pain that lasts longer than three months.',
    'Researchers hope to find a cure.',
    'Psilocybin is not approved as a medication in Canada.',
    'Our calming infusion suites were designed with your comfort in mind.',
    'Many families review the need for medication each year, often during a school holiday.',
  ];
  for (const sentence of none) it(`no cue: ${sentence}`, () => assert.equal(evidenceCue(sentence), undefined));
});

describe('citation need: sentences that are not claims', () => {
  const reason = (text: string, needle: string): string | undefined => {
    const article = parseArticle(text, 'plaintext');
    const s = article.sentences.find((x) => text.slice(x.start, x.end).includes(needle));
    assert.ok(s, needle);
    return notAClaim(article, s);
  };
  const doc = [
    'Ketamine',
    '',
    'Do studies show that it works? Talk to your doctor about whether studies support it.',
    '',
    'If you have side effects, call the clinic. You will be monitored for side effects.',
    '',
    'No one should stop lithium suddenly. Nobody should drive after sedation. No one knows why it works.',
    '',
    'Your care team will check your blood pressure. This article summarizes the research.',
    '',
    'Studies show it works fast.¹',
    '',
    'Summary',
    '',
    'Research suggests ketamine helps many people.',
    '',
    'References',
    '',
    '1. Berman RM. Antidepressant effects of ketamine in depressed patients. Biol Psychiatry. 2000.',
  ].join('\n');

  it('questions', () => assert.equal(reason(doc, 'Do studies show'), 'question'));
  it('instructions', () => assert.equal(reason(doc, 'Talk to your doctor'), 'instruction'));
  it('conditional instructions', () => assert.equal(reason(doc, 'If you have side effects'), 'instruction'));
  it('advice to anyone', () => {
    assert.equal(reason(doc, 'No one should stop lithium'), 'instruction');
    assert.equal(reason(doc, 'Nobody should drive'), 'instruction');
    assert.equal(reason(doc, 'No one knows why'), undefined, 'the state of knowledge is a claim');
  });
  it('an instruction with a clause of effect states the effect; one to seek help stays an instruction', () => {
    const text = [
      'Avoid heat and alcohol for three days, as they can all increase the swelling.',
      'Go easy on caffeine, which can irritate the bladder.',
      'Keep your child away from cigarette smoke, which makes chest infections more likely.',
      'Seek urgent help if your heart races, which may be a sign of thyroid storm.',
      'Avoid the sun, as you will burn easily.',
      'Wear a hat, since it is sunny.',
    ].join('\n\n');
    assert.equal(reason(text, 'Avoid heat and alcohol'), undefined);
    assert.equal(reason(text, 'Go easy on caffeine'), undefined);
    assert.equal(reason(text, 'Keep your child away'), undefined);
    assert.equal(reason(text, 'Seek urgent help'), 'instruction');
    // A comma clause that is no effect of what is avoided: still an instruction.
    assert.equal(reason(text, 'Avoid the sun'), 'instruction');
    assert.equal(reason(text, 'Wear a hat'), 'instruction');
  });
  it('what will happen at a visit', () => assert.equal(reason(doc, 'You will be monitored'), 'process'));
  it('what the care team will do', () => assert.equal(reason(doc, 'Your care team will'), 'process'));
  it('the article describing itself', () => assert.equal(reason(doc, 'This article summarizes'), 'self-reference'));
  it('a summary of a cited article', () => assert.equal(reason(doc, 'Research suggests'), 'summary'));
  it('an evidence sentence is a claim', () => assert.equal(reason(doc, 'Studies show it works fast'), undefined));

  it('a summary section of an article with no citations at all is not exempt', () => {
    const text = 'Ketamine\n\nIt is used in clinics.\n\nSummary\n\nResearch suggests ketamine helps many people.\n';
    assert.equal(reason(text, 'Research suggests'), undefined);
    assert.equal(mine(text).length, 1);
  });
});

describe('citation need: coverage', () => {
  const text = [
    'Ketamine',
    '',
    'Studies show fast effects. Trials confirm them.¹ Benefits often fade within weeks.',
    '',
    'Ketamine has shown promise for other conditions:',
    '',
    '  • PTSD: trials demonstrate reductions.²',
    '',
    '  • OCD: reductions have been observed.²',
    '',
    'References',
    '',
    '1. Sanacora G. A consensus statement on ketamine. JAMA Psychiatry. 2017.',
    '2. Kwan ATH. Ketamine for psychiatric disorders. CNS Spectr. 2024.',
  ].join('\n');
  const article = parseArticle(text, 'plaintext');
  const s = (needle: string) => article.sentences.find((x) => text.slice(x.start, x.end).includes(needle))!;

  it('a later marker in the paragraph covers earlier sentences', () => {
    assert.equal(coveringMarker(article, s('Studies show fast'), 'paragraph')?.raw, '¹');
    assert.equal(coveringMarker(article, s('Trials confirm'), 'paragraph')?.raw, '¹');
  });

  it('a marker does not cover sentences after it', () => {
    assert.equal(coveringMarker(article, s('Benefits often fade'), 'paragraph'), undefined);
  });

  it('a lead-in ending in a colon is covered by its cited list', () => {
    assert.equal(coveringMarker(article, s('has shown promise'), 'paragraph')?.raw, '²');
  });

  it('in sentence scope only a sentence’s own marker counts', () => {
    assert.equal(coveringMarker(article, s('Studies show fast'), 'sentence'), undefined);
    assert.equal(coveringMarker(article, s('Trials confirm'), 'sentence')?.raw, '¹');
    assert.equal(coveringMarker(article, s('has shown promise'), 'sentence'), undefined);
  });

  it('the rule reports what coverage leaves', () => {
    const textOf = (f: { start: number; end: number }) => text.slice(f.start, f.end);
    assert.deepEqual(mine(text).map(textOf), ['Benefits often fade within weeks.']);
    assert.deepEqual(mine(text, 'plaintext', { citationScope: 'sentence' }).map(textOf), ['Studies show fast effects.', 'Benefits often fade within weeks.', 'Ketamine has shown promise for other conditions:']);
  });
});

describe('citation need and claims together', () => {
  const text = 'Ketamine\n\nStudies show that our ketamine program is more effective than SSRIs.\n';

  it('a sentence with an unsupported claim gets the claim finding only', () => {
    assert.deepEqual(mine(text).map((f) => f.ruleId), ['unsupported-claim']);
  });

  it('with unsupported-claim off, missing-citation reports the sentence', () => {
    assert.deepEqual(mine(text, 'plaintext', { rules: { 'unsupported-claim': 'off' } }).map((f) => f.ruleId), ['missing-citation']);
  });

  it('a plain comparison between treatments needs a citation, and is not a promotional claim', () => {
    const plain = 'Ketamine\n\nKetamine is more effective than SSRIs for treatment-resistant depression.\n';
    const found = mine(plain);
    assert.deepEqual(found.map((f) => f.ruleId), ['missing-citation']);
    assert.match(found[0].message, /compares treatments/);
  });

  it('a hedged comparative still needs a citation', () => {
    const hedged = 'Ketamine\n\nKetamine may be more effective than SSRIs for some people.\n';
    assert.deepEqual(mine(hedged).map((f) => f.ruleId), ['missing-citation']);
  });

  it('the message names the cue and the scope', () => {
    const f = mine('Ketamine\n\nStudies show that ketamine works within hours.\n')[0];
    assert.match(f.message, /research finding \("Studies show"\)/);
    assert.match(f.message, /later in its paragraph/);
  });
});

describe('citation need: descriptions of symptoms', () => {
  for (const sentence of [
    'Some people have no symptoms at all.',
    'Others notice aching, heavy legs, itching, or ankle swelling that gets worse as the day goes on.',
    'Loud snoring and daytime sleepiness are common signs.',
    'Tummy pain, nausea and a need to lie down in a dark room are common.',
    'Common symptoms include a stuffy nose, sneezing and a sore throat.',
  ]) {
    it(`describes, needs no source: ${sentence}`, () => assert.equal(evidenceCue(sentence), undefined));
  }
  for (const sentence of ['Most people feel better within two weeks.', 'Migraines are common.', 'Many people get side effects such as nausea.']) {
    it(`still needs a source: ${sentence}`, () => assert.notEqual(evidenceCue(sentence), undefined));
  }
});
