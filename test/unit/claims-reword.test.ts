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

// Rewordings of sentences as the labelled articles wrote them: each read ungrammatically, or said
// something else, before ("you are designed to wake up", "a natural may reduce symptoms of for",
// "the only treatment that treatment option hay fever", "may help with weight loss on ageing").
describe('claims: hedged rewordings of real sentences', () => {
  const cases: [string, string, string][] = [
    // "Guaranteed to" of a person: "may", not "designed to"; of a thing, "designed to" as before.
    ['With our premium auto-CPAP package, you are guaranteed to wake up refreshed from your very first night.', 'guaranteed to', 'With our premium auto-CPAP package, you may wake up refreshed from your very first night.'],
    ["Book three sessions a week and you're guaranteed to see results within 30 days.", 'guaranteed to', 'Book three sessions a week and you may see results within 30 days.'],
    ['Every client is guaranteed to reach their ferritin target within 12 weeks.', 'guaranteed to', 'Every client may reach their ferritin target within 12 weeks.'],
    ['With DreamyBear in the mix, your child is guaranteed to sleep through.', 'guaranteed to', 'With DreamyBear in the mix, your child may sleep through.'],
    ['Our ITB Release Program is guaranteed to get you back on the bike in two weeks.', 'guaranteed to', 'Our ITB Release Program is designed to get you back on the bike in two weeks.'],
    // A verb in a list of infinitives keeps its bare form.
    ['DreamWeight is designed to calm anxiety, settle restless legs and end insomnia.', 'end insomnia', 'DreamWeight is designed to calm anxiety, settle restless legs and reduce insomnia.'],
    ['Our IV drip will banish fatigue and boost your immunity.', 'boost your immunity', 'Our IV drip will banish fatigue and support your immunity.'],
    // "Cure" as a noun after an adjective; as a verb after "that" and after a modal and an adverb.
    ['Our tea is a natural cure for joint pain.', 'cure', 'Our tea is a natural treatment option for joint pain.'],
    ['Our peanut programme offers a lasting cure, so your child can enjoy parties.', 'cure', 'Our peanut programme offers a lasting treatment option, so your child can enjoy parties.'],
    ['This is a natural cure that works with your body.', 'cure', 'This is a natural treatment option that works with your body.'],
    ['Immunotherapy is the only treatment that cures hay fever at the root.', 'cures', 'Immunotherapy is the only treatment that may reduce symptoms of hay fever at the root.'],
    ['Bowen can even cure asthma in children.', 'cure', 'Bowen may even reduce symptoms of asthma in children.'],
    // "Breakthrough" and "miracle" before a noun are adjectives; after an adjective, nouns.
    ['Our green powder is a breakthrough formula for your pH.', 'a breakthrough', 'Our green powder is a new formula for your pH.'],
    ['It is a genuine breakthrough for anyone who is nervous about needles.', 'breakthrough', 'It is a genuine advance for anyone who is nervous about needles.'],
    ['This miracle blend melts belly fat while you sleep.', 'miracle', 'This promising blend melts belly fat while you sleep.'],
    // The intensifier and "at all" go with "no".
    ['LED therapy suits every skin type, with absolutely no side effects.', 'no side effects', 'LED therapy suits every skin type, with few side effects.'],
    ['Most of our patients have no side effects at all.', 'no side effects', 'Most of our patients have few side effects.'],
    ['Composite bonding is totally risk-free.', 'risk-free', 'Composite bonding is low-risk.'],
    // A clause after "guarantee" without "that".
    ['We guarantee at least 90% of your grafts will take.', 'guarantee', 'We hope at least 90% of your grafts will take.'],
    ['We guarantee results that will amaze you.', 'guarantee', 'We aim to provide results that will amaze you.'],
    ["Whatever your case, we guarantee a smile you'll love.", 'guarantee', "Whatever your case, we aim to provide a smile you'll love."],
    ['The LumiRenew Pro is the breakthrough at-home light therapy mask.', 'breakthrough', 'The LumiRenew Pro is the new at-home light therapy mask.'],
    // After "help", a bare verb; an intensifying adjective goes, and the article follows.
    ['Our course is recommended to help prevent depression coming back.', 'prevent depression', 'Our course is recommended to help lower the risk of depression coming back.'],
    ['Honestly it was a total game-changer for my sciatica.', 'game-changer', 'Honestly it was an important development for my sciatica.'],
    // Protection, pain and "everyone" each have their own hedge ("your baby is generally well
    // tolerated SIDS" before).
    ['With DreamDrift, your baby is 100% protected from SIDS.', '100% protected from', 'With DreamDrift, your baby is well protected from SIDS.'],
    ['Each band gives up to 200 hours of total protection for adults and children alike.', 'total protection', 'Each band gives up to 200 hours of good protection for adults and children alike.'],
    ['Treatment is completely painless, with no downtime.', 'completely painless', 'Treatment is usually comfortable, with no downtime.'],
    ['100% pain-free and drug-free.', '100% pain-free', 'Usually comfortable and drug-free.'],
    ['"Two visits at the clinic and I\'m completely pain-free!"', 'completely pain-free', '"Two visits at the clinic and I\'m much more comfortable!"'],
    ["Cold laser therapy is gentle, so it's suitable for everyone.", 'suitable for everyone', "Cold laser therapy is gentle, so it's suitable for most people."],
    // "Safe for" someone, then a list with "to" in it, is no infinitive.
    ['Halotherapy is completely safe for everyone, from newborn babies to grandparents.', 'completely safe', 'Halotherapy is generally well tolerated for everyone, from newborn babies to grandparents.'],
    // An adverb of the clause before a copula stays where it is.
    ['Catching prostate cancer early is proven to save lives.', 'is proven to', 'Catching prostate cancer early may help to save lives.'],
  ];
  for (const [sentence, claim, expected] of cases) {
    it(`${sentence} -> ${expected}`, () => assert.equal(reworded(sentence, claim), expected));
  }

  // No rewording rather than a wrong one.
  const none: [string, string, string][] = [
    ['Every order comes with our 60-night sleep guarantee.', 'guarantee', '"guarantee" as a noun: "our sleep aim to provide" before'],
    ['Our NAD+ drip turns back the clock on tired skin.', 'turns back the clock', 'an anti-ageing promise: "may help with weight loss on tired skin" before'],
    ['My method takes ten years off your face.', 'takes ten years off', 'an anti-ageing promise: "may help with weight loss your face" before'],
    ['Our gummies get to work faster than any capsule on the market.', 'work faster than', 'no hedge fits after "get to": the same words before'],
    ['Our panel uncovers the hormone imbalances your GP misses.', 'your GP misses', '"your GP may work" before'],
    ['Our drops are completely safe to take every day.', 'completely safe', '"generally well tolerated to take" before'],
  ];
  for (const [sentence, claim, why] of none) {
    it(`${sentence}: no rewording (${why})`, () => {
      const text = `Title\n\n${sentence}\n`;
      const f = mine(text).find((x) => x.ruleId === 'unsupported-claim' && text.slice(x.start, x.end) === claim);
      assert.ok(f, `"${claim}" is flagged`);
      const fix = f.fixes?.find((x) => x.title.startsWith('Reword') || x.title.startsWith('Remove'));
      assert.equal(fix, undefined, fix && `offered ${fix.title}`);
    });
  }
});
