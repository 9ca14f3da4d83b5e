// missing-citation cue families that generalise beyond fixed phrases: verbs of causation and
// change with a health object (any inflection), quantified populations and rates, time course,
// comparative efficacy, mechanism stated as fact, universal negatives; and their limits.
import * as assert from 'node:assert/strict';
import { evidenceCue } from '../../server/src/core/claims/evidence';
import { verbForms } from '../../server/src/core/claims/inflect';

describe('citation need: general cue families', () => {
  const cases: [string, string, string][] = [
    ['Avoidance keeps panic going.', 'effect', 'keeps panic'],
    ['Worrying kept her insomnia going for years.', 'effect', 'kept her insomnia'],
    ['Smoking doubles the chance of a stroke.', 'effect', 'doubles the chance'],
    ['Blood sugar levels fall after a meal.', 'effect', 'levels fall'],
    ['Stopping suddenly can trigger withdrawal.', 'effect', 'can trigger'],
    ['Lithium maintains mood stability.', 'effect', 'maintains mood'],
    ['The medicine can take six to eight weeks to work.', 'effect', 'take six to eight weeks to work'],
    ['Most women feel better within two weeks of starting.', 'statistic', 'Most women'],
    ['Sleep improves within a few weeks of stopping.', 'effect', 'Sleep improves'],
    ['Pain settles within a few weeks of the injury in most cases.', 'statistic', 'most cases'],
    ['Many older adults never report the problem.', 'statistic', 'Many older adults'],
    ['About 5 cases per 100,000 people are reported each year.', 'statistic', '5 cases per 100,000'],
    ['Group therapy works as well as individual therapy.', 'comparison', 'works as well as'],
    ['The new patch outperformed the tablet.', 'comparison', 'outperformed'],
    ['Ketamine works by blocking NMDA receptors.', 'effect', 'works by'],
    ['Depression is not simply a chemical imbalance.', 'effect', 'chemical imbalance'],
    ['Deaths usually involve other drugs.', 'effect', 'Deaths usually'],
    ['No medicine has yet been approved for this use.', 'consensus', 'No medicine has yet been approved'],
    ['The agency has not approved the herb for any use.', 'consensus', 'approved the herb for any'],
    ['Caffeine late in the day can make you more alert at night.', 'effect', 'make you more'],
    ['100% of participants completed the course.', 'statistic', '100%'],
    ['According to the WHO, one billion people smoke.', 'consensus', 'According to the WHO'],
    ['Dermatologists recommend daily sunscreen.', 'consensus', 'Dermatologists recommend'],
    ['Smokers have twice the risk of a stroke.', 'statistic', 'twice the'],
    ['Exercise helps with low mood.', 'effect', 'helps with low mood'],
    ['Naltrexone helps reduce cravings.', 'effect', 'helps reduce cravings'],
    ['CBT is effective.', 'effect', 'is effective'],
    ['Poor sleep is linked with weight gain.', 'study', 'linked with'],
    ['Cravings peak on the third day.', 'effect', 'Cravings peak'],
    ['Stress and poor sleep are frequent triggers.', 'effect', 'frequent triggers'],
    ['High blood pressure is a major risk factor for stroke.', 'safety', 'risk factor'],
    ['Every kilogram lost eases the load on the hips.', 'effect', 'Every kilogram'],
    ['Standing all day puts extra strain on the veins.', 'effect', 'puts extra strain on'],
    ['Caffeine does not cause migraine.', 'effect', 'cause migraine'],
    ['Relief comes within a year of stopping.', 'effect', 'within a year of stopping'],
    ['Nobody knows why some people develop tinnitus.', 'consensus', 'Nobody knows'],
    ['How the drug works is not fully understood.', 'consensus', 'not fully understood'],
    ['Yoga has promising results for back pain.', 'effect', 'has promising results'],
    ['Screening early gives the best odds of a cure.', 'effect', 'best odds'],
    ['Fever and a rash are not typical of a cold.', 'effect', 'are not typical of'],
    ['Falls cause thousands of injuries in older adults.', 'statistic', 'thousands of injuries'],
    ['Ginger can calm nausea.', 'effect', 'calm nausea'],
    ['Poor technique is very common.', 'statistic', 'is very common'],
    ['A small share of users report dizziness.', 'statistic', 'share of'],
    ['Napping late may lengthen recovery.', 'effect', 'lengthen recovery'],
    ['Sunscreen protects against skin damage.', 'comparison', 'protects against'],
    ['Smokers catch more colds.', 'comparison', 'more colds'],
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
    'Our services are 100% confidential.',
    'Our clinic is 100% online.',
    'Appointments can take two to three weeks to arrange.',
    'Your first session is held within two weeks of your referral.',
    'We keep the waiting room quiet.',
    'The program keeps you on track with weekly calls.',
    'We stop the infusion if you feel unwell.',
    'Psilocybin is not approved as a medication in Canada.',
    'Some clinics promise to "rewire your brain".',
    'Our app makes it easy to book.',
    'Sort your pills according to the day.',
    'Our doctors recommend you arrive early.',
    'We help people with anxiety.',
    'Our nurses help manage your symptoms.',
    'This helps us plan your care.',
    'Every year, our clinic hosts a walk.',
    'Our team has great experience with children.',
    'Our new clinic has more rooms and fewer stairs.',
    'Your parking pass is returned at the desk.',
  ];
  for (const sentence of none) it(`no cue: ${sentence}`, () => assert.equal(evidenceCue(sentence), undefined));
});

describe('citation need: verb forms behind the cue families', () => {
  const cases: [string, string][] = [
    ['keep', 'keep keeps kept keeping'],
    ['fall', 'fall falls fell falling'],
    ['drop', 'drop drops dropped dropping'],
    ['cut', 'cut cuts cut cutting'],
    ['reset', 'reset resets reset resetting'],
    ['draw', 'draw draws drew drawing'],
    ['treat', 'treat treats treated treating'],
    ['help', 'help helps helped helping'],
    ['rewire', 'rewire rewires rewired rewiring'],
  ];
  for (const [lemma, expected] of cases) it(lemma, () => assert.equal(Object.values(verbForms(lemma)).join(' '), expected));
});
