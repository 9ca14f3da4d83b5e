// Hedged rewordings: applied to the sentence, they read as grammatical English and the claim is
// gone.
import * as assert from 'node:assert/strict';
import { applyEdits, mine } from './claims-helpers';

function reworded(sentence: string, claim: string): string {
  const text = `Title\n\n${sentence}\n`;
  const f = mine(text).find((x) => x.ruleId === 'unsupported-claim' && text.slice(x.start, x.end) === claim);
  assert.ok(f, `"${claim}" is flagged in "${sentence}"`);
  const fix = f.fixes?.find((x) => x.title.startsWith('Reword') || x.title.startsWith('Remove'));
  assert.ok(fix, `a rewording is offered for "${claim}"`);
  const after = applyEdits(text, fix.edits);
  assert.ok(!mine(after).some((x) => x.ruleId === 'unsupported-claim' && after.slice(x.start, x.end) === claim), 'the claim is gone');
  return after.slice('Title\n\n'.length).trimEnd();
}

describe('claims: hedged rewordings', () => {
  const cases: [string, string, string][] = [
    ['Calm Roots cures anxiety.', 'cures', 'Calm Roots may reduce symptoms of anxiety.'],
    ['Ketamine cures depression.', 'cures', 'Ketamine may reduce symptoms of depression.'],
    ['Our therapists can cure depression.', 'cure', 'Our therapists may reduce symptoms of depression.'],
    ['These drops cure insomnia.', 'cure', 'These drops may reduce symptoms of insomnia.'],
    ['It is designed to cure depression.', 'cure', 'It is designed to reduce symptoms of depression.'],
    ['Ketamine is a cure for depression.', 'is a cure', 'Ketamine is a treatment option for depression.'],
    // A verb's form used as a noun takes a noun ("offers a may reduce symptoms of" before).
    ['Our clinic offers a cure.', 'cure', 'Our clinic offers a treatment option.'],
    // "Guarantee" with an object takes a verb that takes one ("hopes relief" before); with a clause, "hope".
    ['Ketamine guarantees relief for everyone.', 'guarantees', 'Ketamine aims to provide relief for everyone.'],
    ['We guarantee results from the first session.', 'guarantee', 'We aim to provide results from the first session.'],
    ['We guarantee that you will sleep better.', 'guarantee', 'We hope that you will sleep better.'],
    ['Our laser permanently eliminates nerve pain.', 'eliminates nerve pain', 'Our laser may permanently reduce nerve pain.'],
    ['Psilocybin permanently resets the brain.', 'permanently', 'Psilocybin resets the brain.'],
    ['Our infusions are 100% safe.', '100% safe', 'Our infusions are generally well tolerated.'],
    ['Stimulants are safe when prescribed.', 'are safe', 'Stimulants are generally well tolerated when prescribed.'],
    ['"I was cured in two weeks!" - Janet', 'was cured', '"I felt better in two weeks!" - Janet'],
    ['"Ketamine cured my depression," says Mark.', 'cured my', '"Ketamine helped my depression," says Mark.'],
    ['This therapy works for everyone.', 'works for everyone', 'This therapy works for many people.'],
    ['Our ketamine program is more effective than SSRIs.', 'is more effective than', 'Our ketamine program may be more effective than SSRIs.'],
    ['At our clinic, TMS works better than medication.', 'works better than', 'At our clinic, TMS may work better than medication.'],
    ['Ketamine is a miracle drug.', 'miracle drug', 'Ketamine is a promising drug.'],
    ['Esketamine has no risk of abuse.', 'no risk', 'Esketamine has some risk of abuse.'],
    ['The capsules have no side effects.', 'no side effects', 'The capsules have few side effects.'],
    ['Ketamine infusions have an excellent safety record.', 'excellent safety record', 'Ketamine infusions have a known safety profile.'],
    ['Ketamine works instantly.', 'works instantly', 'Ketamine may work quickly.'],
    ['Ketamine is scientifically proven to treat depression.', 'is scientifically proven to', 'Ketamine may help to treat depression.'],
    ['IV drips boost your immune system.', 'boost your immune system', 'IV drips may support your immune system.'],
    ['Prolonged exposure is 100% effective for veterans.', '100% effective', 'Prolonged exposure is often effective for veterans.'],
    ['Psilocybin is a revolutionary breakthrough.', 'a revolutionary breakthrough', 'Psilocybin is a new development.'],
    ['Our doctors guarantee you will lose weight.', 'guarantee', 'Our doctors hope you will lose weight.'],
    ['Cures anxiety in days.', 'Cures', 'May reduce symptoms of anxiety in days.'],
  ];
  for (const [sentence, claim, expected] of cases) {
    it(`${sentence} -> ${expected}`, () => assert.equal(reworded(sentence, claim), expected));
  }
});
