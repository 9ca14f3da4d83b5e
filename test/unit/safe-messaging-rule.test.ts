import * as assert from 'node:assert/strict';
import { CRISIS_SERVICES } from '../../server/src/core/knowledge/crisisServices';
import { CRISIS_LINES, crisisServicesIn, hasCrisisResource, resourcePatternNeeds } from '../../server/src/core/rules/safe-messaging';
import type { Jurisdiction } from '../../server/src/core/types';
import { applyAndRelint, applyEdits, crlf, findings, fixture } from './offlabel-helpers';

const RULE = 'safe-messaging';
/** A crisis line at the end keeps the crisis-resource finding out of the wording tests. */
const WITH_LINE = '\n\nIf you are thinking about suicide, call or text 9-8-8.\n';

function wording(text: string, j: Jurisdiction = 'CA') {
  return findings(text + WITH_LINE, 'plaintext', j, RULE);
}

describe('safe-messaging: wording', () => {
  const cases: { text: string; flagged: string; fixed: string; safe: boolean }[] = [
    { text: 'Her brother committed suicide in 2019.', flagged: 'committed suicide', fixed: 'Her brother died by suicide in 2019.', safe: true },
    { text: 'Committed suicide is a phrase to avoid.', flagged: 'Committed suicide', fixed: 'Died by suicide is a phrase to avoid.', safe: true },
    { text: 'People who commit suicide often gave signs.', flagged: 'commit suicide', fixed: 'People who die by suicide often gave signs.', safe: true },
    { text: 'One person commits suicide every hour.', flagged: 'commits suicide', fixed: 'One person dies by suicide every hour.', safe: true },
    { text: 'He tried to commit suicide last year.', flagged: 'tried to commit suicide', fixed: 'He attempted suicide last year.', safe: true },
    { text: 'After an attempt to commit suicide, care matters.', flagged: 'attempt to commit suicide', fixed: 'After a suicide attempt, care matters.', safe: false },
    { text: 'A successful suicide is rarely impulsive.', flagged: 'successful suicide', fixed: 'A death by suicide is rarely impulsive.', safe: false },
    { text: 'An unsuccessful suicide attempt needs follow-up.', flagged: 'unsuccessful suicide attempt', fixed: 'A suicide attempt needs follow-up.', safe: true },
    { text: 'Two failed suicide attempts preceded admission.', flagged: 'failed suicide attempts', fixed: 'Two suicide attempts preceded admission.', safe: true },
    { text: 'After a failed attempt to take his own life, he recovered.', flagged: 'failed attempt to', fixed: 'After an attempt to take his own life, he recovered.', safe: true },
    { text: 'Suicide risk rises after a failed attempt.', flagged: 'failed attempt', fixed: 'Suicide risk rises after a suicide attempt.', safe: true },
  ];
  for (const c of cases) {
    it(`flags and fixes: ${c.text}`, () => {
      const text = c.text + WITH_LINE;
      const fs = findings(text, 'plaintext', 'CA', RULE);
      assert.equal(fs.length, 1, JSON.stringify(fs));
      assert.equal(text.slice(fs[0].start, fs[0].end), c.flagged);
      assert.equal(fs[0].severity, 'warning');
      const fix = fs[0].fixes![0];
      assert.equal(fix.safe, c.safe);
      assert.equal(applyEdits(text, fix.edits), c.fixed + WITH_LINE);
      applyAndRelint(text, 'plaintext', 'CA', fs[0], fix);
      const crlfText = crlf(text);
      const crlfFinding = findings(crlfText, 'plaintext', 'CA', RULE)[0];
      assert.equal(applyAndRelint(crlfText, 'plaintext', 'CA', crlfFinding, crlfFinding.fixes![0]), crlf(c.fixed + WITH_LINE));
    });
  }

  it('flags "successful attempt" and "epidemic" without a rewrite', () => {
    const fs = wording('It was a successful attempt to end her life. Some call it a suicide epidemic.');
    assert.deepEqual(fs.map((f) => f.fixes), [undefined, undefined]);
    assert.match(fs[0].message, /died by suicide/);
    assert.match(fs[1].message, /rates with data/);
  });

  it('leaves "failed attempt" alone outside a suicide context', () => {
    assert.deepEqual(wording('The first failed attempt at the exam was a lesson. Suicide is discussed elsewhere.'), []);
    assert.deepEqual(wording('She thought about suicide.\n\nHer failed attempt at the exam was a lesson.'), []);
  });

  it('takes the suicide context from the sentence before, but leaves the rewrite to the author', () => {
    const fs = wording('He once tried to end his life. The failed attempt left him injured.');
    assert.deepEqual(fs.map((f) => f.message.slice(0, 16)), ['"failed attempt"']);
    assert.equal(fs[0].fixes![0].safe, false, 'not part of fix-all');
  });

  it('an attempt at something else is no suicide attempt, whatever the sentence before says (fix-all changed their meaning)', () => {
    assert.deepEqual(wording('She attempted suicide in 2019. Her second attempt at the marathon was a failed attempt too.'), []);
    assert.deepEqual(wording('He survived a suicide attempt in 2019. Last spring he had a failed attempt at the bar exam.'), []);
    assert.deepEqual(wording('After his suicide attempt, a failed attempt at the bar exam set him back.'), []);
    // The suicide words later in the sentence are not the attempt's object.
    assert.deepEqual(wording('Her failed attempt to quit smoking came a year before her suicide attempt.'), []);
    assert.deepEqual(wording('His unsuccessful attempt to stop drinking preceded his suicide.'), []);
    // An attempt at suicide is still one.
    const fs = wording('She survived a failed attempt at suicide.');
    assert.equal(fs.length, 1);
  });

  it('inside a quotation: flagged, with the reason, but never rewritten by fix-all', () => {
    const fs = wording('The coroner wrote: "the deceased committed suicide on 3 May, after a failed suicide attempt in April."');
    assert.equal(fs.length, 2);
    for (const f of fs) {
      assert.match(f.message, /inside a quotation/);
      assert.equal(f.fixes![0].safe, false);
    }
  });

  it('does not flag words quoted as words, or programmes described as successful or failed', () => {
    assert.deepEqual(wording('Avoid saying “committed suicide” or "successful suicide"; say "died by suicide".'), []);
    assert.deepEqual(wording('A successful suicide prevention programme and failed suicide prevention policies.'), []);
  });

  it('flags "commited suicide" (misspelt), "succeeded in taking her own life", "the suicide was successful", "epidemic proportions"', () => {
    const fs = wording('He commited suicide in 2019. She succeeded in taking her own life. The suicide was successful. Youth suicide has reached epidemic proportions.');
    assert.deepEqual(fs.map((f) => f.message.slice(0, 20)), ['"commited suicide" s', '"succeeded in taking', '"suicide was success', '"Epidemic" sensation']);
    assert.equal(fs[0].fixes![0].title, 'Replace with "died by suicide"');
    assert.deepEqual(wording('Flu has reached epidemic levels.'), []);
  });

  it('does not flag the words advice about wording names', () => {
    assert.deepEqual(wording('Avoid saying someone made a failed suicide attempt.'), []);
    assert.deepEqual(wording('Instead of committed suicide, write died by suicide.'), []);
    assert.deepEqual(wording("Don't say successful suicide."), []);
  });

  it('does not flag preferred wording', () => {
    assert.deepEqual(wording('He died by suicide. She survived a suicide attempt and attempted suicide once before.'), []);
  });

  it('ignores the reference list', () => {
    const text = 'Suicide prevention matters.\n\nReferences\n\n1. Smith J. Why people commit suicide. J Psych. 2020.\n';
    assert.deepEqual(findings(text + WITH_LINE, 'plaintext', 'CA', RULE).filter((f) => f.severity !== 'info'), []);
  });
});

describe('safe-messaging: crisis resource', () => {
  it('the sample (anti-suicidal effects, suicide risk) gets one information finding with a 9-8-8 line', () => {
    const text = fixture('sample.txt');
    const fs = findings(text, 'plaintext', 'CA', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'info');
    assert.equal(fs[0].start, text.indexOf('suicidal effects'));
    const e = fs[0].fixes![0].edits[0];
    assert.equal(e.start, text.indexOf('References'), 'inserted before the reference list');
    assert.match(e.newText, /call or text 9-8-8/);
  });

  for (const j of ['CA', 'US', 'UK', 'AU'] as const) {
    for (const eol of ['LF', 'CRLF'] as const) {
      it(`${j}, ${eol}: the fix adds the jurisdiction's line and clears the finding, nothing else changes`, () => {
        const base = fixture('sample.txt');
        const text = eol === 'CRLF' ? crlf(base) : base;
        const f = findings(text, 'plaintext', j, RULE)[0];
        assert.ok(f.message.includes(CRISIS_LINES[j].source));
        if (!CRISIS_LINES[j].verified) assert.match(f.message, /not yet verified/);
        const fixed = applyAndRelint(text, 'plaintext', j, f, f.fixes![0]);
        assert.ok(fixed.includes(CRISIS_LINES[j].line));
        assert.deepEqual(findings(fixed, 'plaintext', j, RULE), []);
      });
    }
  }

  it('appends after the last paragraph when there is no reference list', () => {
    const text = '# Sleep and mood\n\nPoor sleep raises suicide risk.\n';
    const f = findings(text, 'markdown', 'US', RULE)[0];
    const fixed = applyAndRelint(text, 'markdown', 'US', f, f.fixes![0]);
    assert.equal(fixed, `# Sleep and mood\n\nPoor sleep raises suicide risk.\n\n${CRISIS_LINES.US.line}\n`);
  });

  it('is not raised when the article gives a resource, or does not discuss suicide', () => {
    for (const r of [
      'Call or text 9-8-8.',
      'Call 988 any time.',
      'If you are in crisis, call or text 988.',
      'Call or text 988, any time.',
      'Contact a crisis line.',
      'Go to the nearest emergency department.',
      'Call 911.',
      'Go to your nearest hospital.',
      'Call the HELPLINE.',
      'Our hotline is open.',
      'Kids Help Phone is there.',
      'Talk Suicide Canada answers.',
      'Call your local crisis service.',
      'Head to the emergency room.',
      'Contact emergency services.',
    ]) {
      assert.ok(hasCrisisResource(r), r);
      assert.deepEqual(findings(`Suicidal thoughts are common in depression. ${r}`, 'plaintext', 'CA', RULE), [], r);
    }
    assert.deepEqual(findings('Depression is treatable.', 'plaintext', 'CA', RULE), []);
    // Emergency numbers count only where they are the emergency number ("call 911" in a UK article is none).
    for (const [r, ok, no] of [
      ['Call 911.', ['CA', 'US'], ['UK', 'AU']],
      ['Ring 999 now.', ['UK'], ['CA', 'US', 'AU']],
      ['Phone 112.', ['UK', 'AU'], ['CA', 'US']],
      ['Dial triple zero.', ['AU'], ['CA', 'UK']],
    ] as [string, Jurisdiction[], Jurisdiction[]][]) {
      for (const j of ok) assert.deepEqual(findings(`Suicidal thoughts are common in depression. ${r}`, 'plaintext', j, RULE), [], `${r} (${j})`);
      for (const j of no) assert.equal(findings(`Suicidal thoughts are common in depression. ${r}`, 'plaintext', j, RULE).length, 1, `${r} (${j})`);
    }
    assert.ok(!hasCrisisResource('The study enrolled 1988 patients.'));
    assert.ok(!hasCrisisResource('The trial enrolled 988 patients.'));
    assert.ok(!hasCrisisResource('Its mean score was 988.5 at baseline.'));
    assert.ok(!hasCrisisResource('About 988,000 people were surveyed.'));
    assert.ok(!hasCrisisResource('Ketamine is widely used in emergency departments; it was a lifeline for them.'));
    assert.ok(hasCrisisResource('If you are in danger, go to your nearest hospital emergency department.'));
    assert.ok(hasCrisisResource('In an emergency, call emergency services.'));
  });
});

describe('safe-messaging: named crisis services count only where they serve', () => {
  const ALL: readonly Jurisdiction[] = ['CA', 'US', 'UK', 'AU'];
  const TOPIC = 'Suicidal thoughts are common in depression. ';
  // Each service, the jurisdictions whose readers it serves, and how a finding elsewhere names it.
  const table: { text: string; serves: Jurisdiction[]; named: string }[] = [
    { text: 'Call Samaritans free on 116 123.', serves: ['UK'], named: 'Samaritans, a service in the UK and Ireland' },
    { text: 'Phone 116 123 at any time.', serves: ['UK'], named: 'Samaritans, a service in the UK and Ireland' },
    { text: 'Reach the SAMARITANS.', serves: ['UK'], named: 'Samaritans, a service in the UK and Ireland' },
    { text: 'Text SHOUT to 85258.', serves: ['UK'], named: 'Shout 85258, a UK service' },
    { text: 'Call NHS 111 and choose the mental health option.', serves: ['UK'], named: 'NHS 111, a UK service (England and Wales)' },
    { text: 'In Scotland, call NHS 24 on 111.', serves: ['UK'], named: 'NHS 24, a UK service (Scotland)' },
    { text: 'Phone NHS 24 111 at any time.', serves: ['UK'], named: 'NHS 24, a UK service (Scotland)' },
    { text: 'Call Breathing Space on 0800 83 85 87.', serves: ['UK'], named: 'Breathing Space, a UK service (Scotland)' },
    { text: 'Phone 0800 83 85 87 in the evening.', serves: ['UK'], named: 'Breathing Space, a UK service (Scotland)' },
    { text: 'Children can call Childline on 0800 1111.', serves: ['UK'], named: 'Childline, a UK service' },
    { text: 'Call Lifeline on 0808 808 8000.', serves: ['UK'], named: "Lifeline (0808 808 8000), Northern Ireland's crisis line" },
    { text: 'Call Lifeline on 13 11 14.', serves: ['AU'], named: 'Lifeline Australia, an Australian service' },
    { text: 'Lifeline 13 11 14.', serves: ['AU'], named: 'Lifeline Australia, an Australian service' },
    { text: 'Contact Lifeline Australia.', serves: ['AU'], named: 'Lifeline Australia, an Australian service' },
    { text: 'Beyond Blue: 1300 22 4636.', serves: ['AU'], named: 'Beyond Blue, an Australian service' },
    { text: 'Talk to Beyond Blue.', serves: ['AU'], named: 'Beyond Blue, an Australian service' },
    { text: 'Young people can call Kids Helpline on 1800 55 1800.', serves: ['AU'], named: 'Kids Helpline, an Australian service' },
    { text: 'Young people can call Kids Helpline.', serves: ['AU'], named: 'Kids Helpline, an Australian service' },
    { text: 'Call the Suicide Call Back Service on 1300 659 467.', serves: ['AU'], named: 'the Suicide Call Back Service, an Australian service' },
    { text: 'Phone 1300 659 467.', serves: ['AU'], named: 'the Suicide Call Back Service, an Australian service' },
    { text: 'Young people can call PAPYRUS HOPELINE247 on 0800 068 4141.', serves: ['UK'], named: 'PAPYRUS HOPELINE247, a UK service' },
    { text: 'Call HOPELINEUK for advice.', serves: ['UK'], named: 'PAPYRUS HOPELINE247, a UK service' },
    { text: 'Phone 0800 068 4141 for advice.', serves: ['UK'], named: 'PAPYRUS HOPELINE247, a UK service' },
    { text: 'Call the Campaign Against Living Miserably.', serves: ['UK'], named: 'CALM (Campaign Against Living Miserably), a UK service' },
    { text: 'Call CALM on 0800 58 58 58.', serves: ['UK'], named: 'CALM (Campaign Against Living Miserably), a UK service' },
    { text: 'Aboriginal and Torres Strait Islander people can call 13YARN.', serves: ['AU'], named: '13YARN, an Australian service' },
    { text: 'Phone 13 92 76 to yarn with someone.', serves: ['AU'], named: '13YARN, an Australian service' },
    { text: 'Men can call MensLine Australia on 1300 78 99 78.', serves: ['AU'], named: 'MensLine Australia, an Australian service' },
    { text: 'Phone 1300 789 978 at any time.', serves: ['AU'], named: 'MensLine Australia, an Australian service' },
    // Ireland and New Zealand are no jurisdictions here: their services are named, and serve none.
    { text: 'Call Pieta on 1800 247 247.', serves: [], named: 'Pieta, an Irish service' },
    { text: 'Phone 1800 247 247.', serves: [], named: 'Pieta, an Irish service' },
    { text: 'Text 50808, any time.', serves: [], named: '50808, an Irish text service' },
    { text: 'Call Lifeline Aotearoa.', serves: [], named: 'Lifeline Aotearoa, a New Zealand service' },
    { text: 'Call Lifeline on 0800 543 354.', serves: [], named: 'Lifeline Aotearoa, a New Zealand service' },
    { text: 'Free call or text 1737.', serves: [], named: '1737 (Need to talk?), a New Zealand service' },
    { text: 'Need to talk? 1737.', serves: [], named: '1737 (Need to talk?), a New Zealand service' },
    { text: 'Contact the Suicide Crisis Helpline.', serves: ['CA'], named: '9-8-8: Suicide Crisis Helpline, a Canadian service' },
    { text: 'Call or text 9-8-8: Suicide Crisis Helpline.', serves: ['CA', 'US'], named: '9-8-8: Suicide Crisis Helpline, a Canadian service' },
    { text: 'Kids Help Phone is there: text CONNECT to 686868.', serves: ['CA'], named: 'Kids Help Phone, a Canadian service' },
    { text: 'Talk Suicide Canada answers.', serves: ['CA'], named: 'Talk Suicide Canada, a Canadian service' },
    { text: 'Call the Hope for Wellness Help Line at 1-855-242-3310.', serves: ['CA'], named: 'the Hope for Wellness Help Line, a Canadian service' },
    { text: 'Contact the Suicide & Crisis Lifeline.', serves: ['US'], named: 'the 988 Suicide & Crisis Lifeline, a US service' },
    { text: 'Contact the National Suicide Prevention Lifeline.', serves: ['US'], named: 'the 988 Suicide & Crisis Lifeline, a US service' },
    { text: 'Contact the 988 Suicide and Crisis Lifeline.', serves: ['US', 'CA'], named: 'the 988 Suicide & Crisis Lifeline, a US service' },
    { text: 'Reach the Veterans Crisis Line.', serves: ['US'], named: 'the Veterans Crisis Line, a US service' },
    { text: 'Text HOME to 741741.', serves: ['US', 'CA'], named: 'Crisis Text Line, a US service' },
    { text: 'Contact Crisis Text Line.', serves: ['US', 'CA'], named: 'Crisis Text Line, a US service' },
    { text: 'Call Trans Lifeline.', serves: ['US', 'CA'], named: 'Trans Lifeline, a service in the US and Canada' },
    { text: 'Contact The Trevor Project.', serves: ['US'], named: 'The Trevor Project, a US service' },
    { text: 'Call TrevorLifeline at 1-866-488-7386.', serves: ['US'], named: 'The Trevor Project, a US service' },
    { text: 'Call Lifeline.', serves: ['AU', 'UK', 'US'], named: 'Lifeline, the name of crisis lines in Australia, New Zealand, Northern Ireland and the US' },
    { text: 'Call or text 988, any time.', serves: ['CA', 'US'], named: '988, the suicide crisis number of Canada and the US' },
    { text: 'Call or text 9-8-8.', serves: ['CA', 'US'], named: '988, the suicide crisis number of Canada and the US' },
  ];
  const READERS: Record<Jurisdiction, string> = { CA: 'Canada', US: 'the US', UK: 'the UK', AU: 'Australia' };

  for (const c of table) {
    for (const j of ALL) {
      const serves = c.serves.includes(j);
      it(`${c.text} ${serves ? 'is' : 'is not'} a resource in ${j}`, () => {
        const text = TOPIC + c.text;
        assert.equal(hasCrisisResource(c.text, j), serves);
        assert.ok(hasCrisisResource(c.text), 'a resource for somebody');
        const fs = findings(text, 'plaintext', j, RULE);
        if (serves) {
          assert.deepEqual(fs, []);
          return;
        }
        assert.equal(fs.length, 1);
        assert.equal(fs[0].severity, 'info');
        assert.ok(fs[0].message.includes(`names ${c.named}; readers in ${READERS[j]} need a crisis resource that serves them.`), fs[0].message);
        assert.ok(fs[0].message.includes(CRISIS_LINES[j].source));
        // The related range is the service's first mention.
        assert.equal(fs[0].related?.length, 1);
        assert.ok(c.text.includes(text.slice(fs[0].related![0].start, fs[0].related![0].end)));
        const fixed = applyAndRelint(text, 'plaintext', j, fs[0], fs[0].fixes![0]);
        assert.deepEqual(findings(fixed, 'plaintext', j, RULE), []);
      });
    }
  }

  it('a service name is not read as the resource-agnostic words in it ("Kids Helpline" is not "a helpline")', () => {
    assert.deepEqual(crisisServicesIn('Call Kids Helpline, Trans Lifeline or the 988 Suicide & Crisis Lifeline.'), ['kids-helpline', 'trans-lifeline', '988-lifeline-number']);
    assert.deepEqual(crisisServicesIn('Text HOME to 741741 (Crisis Text Line) or contact the Veterans Crisis Line.'), ['crisis-text-line', 'crisis-text-line', 'veterans-crisis-line']);
    assert.ok(!hasCrisisResource('Call Kids Helpline.', 'CA'));
    assert.ok(!hasCrisisResource('Contact Crisis Text Line.', 'UK'));
    assert.ok(!hasCrisisResource('Reach the Veterans Crisis Line.', 'AU'));
  });

  it('resource-agnostic wording counts everywhere, also beside another jurisdiction\'s service', () => {
    for (const r of ['Contact a crisis line.', 'Call your local crisis service.', 'Call a suicide crisis helpline.', 'Text a crisis text line.', 'Call Samaritans on 116 123 or your local crisis line.', 'Call a helpline such as Beyond Blue.']) {
      for (const j of ALL) assert.deepEqual(findings(TOPIC + r, 'plaintext', j, RULE), [], `${r} (${j})`);
    }
    // "Your GP" was never a crisis resource, and still is not.
    assert.equal(findings(`${TOPIC}Talk to your GP.`, 'plaintext', 'UK', RULE).length, 1);
  });

  it('one service that serves the readers is enough, whatever else the article names', () => {
    assert.deepEqual(findings(`${TOPIC}In Australia, call Beyond Blue. In Canada, call or text 9-8-8.`, 'plaintext', 'CA', RULE), []);
    assert.deepEqual(findings(`${TOPIC}Call Samaritans.\n\nIn Australia, call Lifeline on 13 11 14.`, 'plaintext', 'AU', RULE), []);
  });

  it('names every other jurisdiction\'s service once, in the order of the text, each as related information', () => {
    const text = `${TOPIC}Call Samaritans on 116 123.\n\nOr talk to Beyond Blue, or Samaritans again.`;
    const fs = findings(text, 'plaintext', 'CA', RULE);
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /but names Samaritans, a service in the UK and Ireland, and Beyond Blue, an Australian service; readers in Canada need a crisis resource that serves them\./);
    assert.deepEqual(
      fs[0].related!.map((r) => [text.slice(r.start, r.end), r.message]),
      [
        ['Samaritans', 'Samaritans: a service in the UK and Ireland'],
        ['Beyond Blue', 'Beyond Blue: an Australian service'],
      ],
    );
  });

  it('a Scottish article that names NHS 24 and Breathing Space gives UK readers a resource; elsewhere the finding names both as Scottish', () => {
    const text = [
      '---',
      'jurisdiction: UK',
      '---',
      '',
      '# Low mood in Scotland',
      '',
      'Suicidal thoughts are common in depression, and they pass. If you live in Scotland, call NHS 24 on 111 and choose the mental health option, or Breathing Space on 0800 83 85 87.',
      '',
    ].join('\n');
    assert.deepEqual(findings(text, 'markdown', 'CA', RULE), []);
    assert.deepEqual(crisisServicesIn(text), ['nhs-24', 'breathing-space', 'breathing-space']);
    for (const j of ['CA', 'US', 'AU'] as const) {
      const elsewhere = text.replace('jurisdiction: UK', `jurisdiction: ${j}`);
      const fs = findings(elsewhere, 'markdown', 'UK', RULE);
      assert.equal(fs.length, 1, j);
      assert.ok(fs[0].message.includes(`but names NHS 24, a UK service (Scotland), and Breathing Space, a UK service (Scotland); readers in ${READERS[j]} need a crisis resource that serves them.`), fs[0].message);
      assert.deepEqual(fs[0].related!.map((r) => elsewhere.slice(r.start, r.end)), ['NHS 24', 'Breathing Space']);
    }
  });

  it('names of services of Ireland and New Zealand are named as such in a UK or Australian article', () => {
    const uk = findings(`${TOPIC}In Ireland, call Pieta on 1800 247 247 or text 50808.`, 'plaintext', 'UK', RULE);
    assert.equal(uk.length, 1);
    assert.match(uk[0].message, /but names Pieta, an Irish service, and 50808, an Irish text service; readers in the UK need/);
    const au = findings(`${TOPIC}In New Zealand, call Lifeline on 0800 543 354 or free call or text 1737.`, 'plaintext', 'AU', RULE);
    assert.equal(au.length, 1);
    assert.match(au[0].message, /but names Lifeline Aotearoa, a New Zealand service, and 1737 \(Need to talk\?\), a New Zealand service; readers in Australia need/);
  });

  it('words and numbers like a service\'s are not one', () => {
    for (const t of ['The asylum opened in 1737.', 'The trial enrolled 1737 patients.', 'A week off treatment gives a breathing space.', 'The pietà is a subject of art.', 'The dose was 24 mg in the NHS trial.']) {
      assert.deepEqual(crisisServicesIn(t), [], t);
    }
  });

  it('the jurisdiction in front matter decides which services count', () => {
    const text = '---\njurisdiction: UK\n---\n\n# Low mood\n\nSuicidal thoughts are common. Call Samaritans free on 116 123.\n';
    assert.deepEqual(findings(text, 'markdown', 'CA', RULE), []);
    assert.equal(findings(text.replace('UK', 'AU'), 'markdown', 'CA', RULE).length, 1);
  });

  it('without a service, the message is as before', () => {
    const fs = findings(`${TOPIC}Depression is treatable.`, 'plaintext', 'UK', RULE);
    assert.match(fs[0].message, /^The article discusses suicide but gives no crisis resource\./);
    assert.equal(fs[0].related, undefined);
  });

  it('each jurisdiction\'s own line counts for it', () => {
    for (const j of ALL) assert.ok(hasCrisisResource(CRISIS_LINES[j].line.replace(/In an emergency.*$/, ''), j), j);
  });
});

describe('crisis resource patterns: what each needs', () => {
  it('every pattern is listed, and each of its matches holds all the substrings of one of its alternatives', () => {
    const texts = [
      ...CRISIS_SERVICES.flatMap((s) => [s.name, s.source]),
      'Call Samaritans free on 116 123. Phone 116123. Text SHOUT to 85258, or shout on 85258. In Scotland, call NHS 24 on 111, NHS24 or NHS 111.',
      'Call Breathing Space on 0800 83 85 87 or 0800838587. Childline: 0800 1111. Lifeline: 0808 808 8000. Call Lifeline on 13 11 14, Lifeline (131114).',
      'Beyond Blue: 1300 22 4636. Kids Helpline on 1800 55 1800. Suicide Call Back Service on 1300 659 467. Pieta House on 1800 247 247. Text 50808.',
      'Lifeline Aotearoa, Lifeline New Zealand, Lifeline NZ, Lifeline on 0800 543 354. Free call or text 1737. Need to talk? 1737. 1737 - Need to talk.',
      'Call or text 9-8-8: Suicide Crisis Helpline. 988: the Suicide Crisis Helpline. Kids Help Phone, 686868. Talk Suicide Canada. Hope for Wellness Helpline.',
      'The 988 Suicide and Crisis Lifeline, 988 Lifeline, the National Suicide Prevention Lifeline, the Veterans Crisis Line, Crisis Text Line, 741 741.',
      'Call Trans Lifeline. The Trevor Project. TrevorLifeline at 1-866-488-7386. Call or text 988. Call 9-8-8. Call 911, dial 9-1-1, ring 999, phone 112, call 000, triple zero.',
      'A crisis line, crisis text line, crisis centers; a help line, helplines, a hotline. Go to the nearest hospital emergency department, get to your nearest hospital, head to a emergency room.',
      'The nearest emergency department. Call your local emergency services, contact emergency services.',
      'PAPYRUS HOPELINE247, HOPELINEUK, Hope Line UK, Papyrus UK, on 0800 068 41 41. Call CALM on 0800 58 58 58, CALM (thecalmzone). 13YARN, 13 YARN, 13 92 76. Mens Line, MensLine on 1300 789 978.',
    ];
    for (const { re, needs } of resourcePatternNeeds()) {
      assert.ok(needs, `listed: ${re.source}`);
      const g = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
      let matched = 0;
      for (const t of texts) {
        for (const m of t.matchAll(g)) {
          matched++;
          const lower = m[0].toLowerCase();
          assert.ok(needs.some((all) => all.every((n) => lower.includes(n))), `${re.source}: "${m[0]}" holds ${JSON.stringify(needs)}`);
        }
      }
      assert.ok(matched > 0, `some text matches ${re.source}`);
    }
  });
});

describe('crisis services data', () => {
  it('every service has a unique id, readers it serves, patterns and a source naming its website', () => {
    const ids = new Set<string>();
    for (const s of CRISIS_SERVICES) {
      assert.match(s.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, s.id);
      assert.ok(!ids.has(s.id), `${s.id} is unique`);
      ids.add(s.id);
      // A service serves no jurisdiction here only when it is of a country that is none.
      if (!s.serves.length) assert.match(s.where, /\b(?:Irish|New Zealand)\b/, s.id);
      assert.ok(s.patterns.length > 0, s.id);
      for (const p of s.patterns) assert.ok(!p.global && !p.sticky, `${s.id}: ${p.source}`);
      assert.match(s.source, /\([a-z0-9.-]+\.(?:org|ca|com\.au|org\.au|info|net|uk|scot|ie|org\.nz)\)/, `${s.id}: ${s.source}`);
    }
  });
});
