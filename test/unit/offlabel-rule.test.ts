import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article/parse';
import { drugKnowledge } from '../../server/src/core/knowledge/drugs';
import { findDisclosures, findOffLabelMentions, isDisclosure } from '../../server/src/core/rules/off-label-disclaimer';
import type { Jurisdiction } from '../../server/src/core/types';
import { applyAndRelint, crlf, findings, fixture, kindOf } from './offlabel-helpers';

const RULE = 'off-label-disclaimer';
const CA_US: Jurisdiction[] = ['CA', 'US'];

/** The sample with its off-label statements removed. */
function strippedSample(): string {
  const sample = fixture('sample.txt');
  const a = 'In Canada, ketamine is used within regulated medical settings, often as an off-label treatment for psychiatric conditions. Off-label prescribing is a common and accepted medical practice when supported by scientific evidence and clinical judgment.\n\n';
  const b = 'Racemic ketamine (IV or IM) does not have formal psychiatric approval in Canada and is used off-label based on available evidence and expert consensus. ';
  assert.ok(sample.includes(a) && sample.includes(b), 'the sample has both off-label statements');
  const out = sample.replace(a, '').replace(b, '');
  assert.ok(!/off-label|approv/i.test(out));
  return out;
}

describe('off-label-disclaimer: fixtures', () => {
  for (const j of CA_US) {
    describe(`jurisdiction ${j}`, () => {
      it('does not flag the sample article (it says ketamine is used off-label)', () => {
        assert.deepEqual(findings(fixture('sample.txt'), 'plaintext', j, RULE), []);
      });

      it('flags the sample with its off-label statements removed, on the first mention, with the others related', () => {
        const text = strippedSample();
        const fs = findings(text, 'plaintext', j, RULE);
        assert.equal(fs.length, 1);
        const f = fs[0];
        assert.equal(text.slice(f.start, f.end), 'Ketamine');
        assert.equal(f.start, text.indexOf('Ketamine has emerged'));
        assert.equal(f.severity, 'warning');
        assert.match(f.message, /treatment-resistant depression/);
        assert.match(f.message, /post-traumatic stress disorder/);
        assert.match(f.message, /intranasal/);
        assert.match(f.message, j === 'CA' ? /Canada \(Health Canada\)/ : /United States \(FDA\)/);
        assert.ok(f.related && f.related.length >= 5, 'other mentions are related');
        assert.ok(f.related.every((r) => r.message.startsWith('Ketamine is also discussed')));
        // A mention under a heading that names ketamine sits on the condition it names.
        assert.ok(f.related.some((r) => text.slice(r.start, r.end) === 'depression' && r.start > text.indexOf('What Is Ketamine?')));
        assert.ok(f.related.some((r) => r.start > text.indexOf('Post-Traumatic Stress Disorder (PTSD)')), 'a list item mention is related');
      });

      it('each of the sample’s two off-label statements is enough on its own', () => {
        const sample = fixture('sample.txt');
        const withoutSafety = sample.replace(/Racemic ketamine \(IV or IM\) does not have formal psychiatric approval[^.]*\. /, '');
        const withoutIntro = sample.replace(/In Canada, ketamine is used within regulated medical settings[^\n]*\n\n/, '');
        assert.notEqual(withoutSafety, sample);
        assert.notEqual(withoutIntro, sample);
        assert.deepEqual(findings(withoutSafety, 'plaintext', j, RULE), [], '"often as an off-label treatment" remains');
        assert.deepEqual(findings(withoutIntro, 'plaintext', j, RULE), [], '"does not have formal psychiatric approval" remains');
      });

      it('does not flag an esketamine nasal spray article for treatment-resistant depression', () => {
        assert.deepEqual(findings(fixture('offlabel/esketamine-trd.md'), 'markdown', j, RULE), []);
      });

      it('does not flag ketamine for anaesthesia (IV or IM)', () => {
        assert.deepEqual(findings(fixture('offlabel/ketamine-anaesthesia.txt'), 'plaintext', j, RULE), []);
      });

      for (const file of ['offlabel/gabapentin-anxiety.txt', 'offlabel/propranolol-anxiety.md']) {
        it(`flags ${file} (anxiety, no disclosure)`, () => {
          const text = fixture(file);
          const fs = findings(text, kindOf(file), j, RULE);
          assert.equal(fs.length, 1);
          const drug = file.includes('gabapentin') ? 'Gabapentin' : 'Propranolol';
          assert.equal(text.slice(fs[0].start, fs[0].end), drug);
          assert.match(fs[0].message, /anxiety/);
          // Propranolol's Canadian record still has a [check] mark: information only there.
          const expected = drug === 'Propranolol' && j === 'CA' ? 'info' : 'warning';
          assert.equal(fs[0].severity, expected);
          if (expected === 'info') assert.match(fs[0].message, /not yet verified/);
        });
      }

      it('flags psilocybin for depression until an investigational statement is added', () => {
        const text = fixture('offlabel/psilocybin-depression.md');
        const fs = findings(text, 'markdown', j, RULE);
        assert.equal(fs.length, 1);
        assert.match(fs[0].message, /investigational/);
        const disclosed = text.replace('Early results', 'Psilocybin is investigational and available only in clinical trials. Early results');
        assert.deepEqual(findings(disclosed, 'markdown', j, RULE), []);
      });

      it('does not flag gabapentin for anxiety once the article says it is off-label', () => {
        const text = fixture('offlabel/gabapentin-anxiety.txt').replace(
          'It is usually started',
          'Gabapentin is not approved for anxiety, so this is an off-label use. It is usually started',
        );
        assert.deepEqual(findings(text, 'plaintext', j, RULE), []);
      });
    });
  }

  it('reads the jurisdiction from front matter', () => {
    // Propranolol's Canadian record is unverified (info); its US record is verified (warning).
    const text = `---\njurisdiction: US\n---\n${fixture('offlabel/propranolol-anxiety.md')}`;
    const fs = findings(text, 'markdown', 'CA', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /United States/);
  });

  it('reports at most information where approval data is missing (UK, AU), saying the data is missing', () => {
    for (const j of ['UK', 'AU'] as const) {
      const fs = findings(strippedSample(), 'plaintext', j, RULE);
      assert.equal(fs.length, 1);
      assert.equal(fs[0].severity, 'info');
      assert.match(fs[0].message, /approval data .* is missing/);
      assert.equal(fs[0].fixes, undefined, 'no disclaimer is invented where the data is missing');
    }
  });
});

describe('off-label-disclaimer: scope of a mention', () => {
  const kb = drugKnowledge();
  const mentions = (text: string, kind: 'markdown' | 'plaintext' = 'markdown', j: Jurisdiction = 'CA') => findOffLabelMentions(parseArticle(text, kind), kb, j);

  it('pairs a drug and a condition in the same sentence only', () => {
    assert.equal(mentions('Gabapentin helps with seizures. Anxiety is common.').length, 0);
    assert.equal(mentions('Gabapentin helps with seizures and anxiety.').length, 1);
  });

  it('pairs them in the same list item', () => {
    assert.equal(mentions('- Gabapentin. It is often given for anxiety.\n- Sleep hygiene helps.').length, 1);
  });

  it('pairs them under a heading that names the drug', () => {
    const m = mentions('## Gabapentin\n\nIt is often given for anxiety.\n\n## Therapy\n\nTherapy helps anxiety too.');
    assert.equal(m.length, 1);
    assert.equal(m[0].uses[0].id, 'anxiety');
  });

  it('flags an unapproved route, and accepts approved ones', () => {
    assert.deepEqual(mentions('Ketamine is given as a nasal spray.').map((m) => m.uses), [[{ kind: 'route', id: 'intranasal' }]]);
    assert.equal(mentions('Ketamine is given IV or IM for anaesthesia.').length, 0);
    assert.deepEqual(mentions('Esketamine can be given intravenously for treatment-resistant depression.')[0].uses, [
      { kind: 'condition', id: 'trd' },
      { kind: 'route', id: 'iv' },
    ]);
  });

  it('tells esketamine, racemic ketamine and low-dose naltrexone apart', () => {
    const ids = (t: string) => kb.findTerms(t).filter((x) => x.kind === 'drug').map((x) => x.id);
    assert.deepEqual(ids('Esketamine differs from racemic ketamine (Ketalar).'), ['esketamine', 'ketamine', 'ketamine']);
    assert.deepEqual(ids('Low-dose naltrexone (LDN) is not naltrexone.'), ['low-dose-naltrexone', 'low-dose-naltrexone', 'naltrexone']);
    assert.deepEqual(ids('Spravato and S-ketamine'), ['esketamine', 'esketamine']);
  });

  it('gives a condition or route to another drug named with it that is approved for it', () => {
    assert.equal(mentions('Esketamine is a nasal spray form of ketamine.').length, 0);
    assert.equal(mentions('Esketamine, the S-enantiomer of ketamine, is approved for TRD.').length, 0);
    assert.deepEqual(
      mentions('Unlike esketamine, racemic ketamine is given as an infusion for PTSD.').map((m) => [m.drugId, m.uses]),
      [['esketamine', [{ kind: 'condition', id: 'ptsd' }]], ['ketamine', [{ kind: 'condition', id: 'ptsd' }]]],
    );
    assert.deepEqual(
      mentions('Gabapentin and propranolol are used for anxiety.', 'markdown', 'US').map((m) => m.drugId),
      ['gabapentin', 'propranolol'],
    );
  });

  it('gives each drug of a sentence the uses named with it, not the other drug\'s', () => {
    assert.deepEqual(
      mentions('Researchers are testing psilocybin for alcohol use disorder, and MDMA for social anxiety.').map((m) => [m.drugId, m.uses.map((u) => u.id).join()]),
      [['psilocybin', 'aud'], ['mdma', 'social-anxiety']],
    );
    // A sentence that names its own drug is about it, whatever drugs the heading names.
    const text = '# Is Spravato the same as ketamine?\n\nKetamine is given as an infusion for depression and PTSD.\n';
    const ms = findOffLabelMentions(parseArticle(text, 'markdown'), drugKnowledge(), 'US');
    assert.deepEqual(ms.map((m) => m.drugId), ['ketamine']);
  });

  it('does not read a contraindication, caution or adverse effect as a use', () => {
    assert.equal(mentions('Ketamine is not recommended for people with uncontrolled high blood pressure.').length, 0);
    assert.equal(mentions('Ketamine may cause anxiety or a rise in blood pressure.').length, 0);
    assert.equal(mentions('Patients with a history of psychosis or mania should avoid ketamine.').length, 0);
    assert.equal(mentions('Do not use gabapentin for anxiety in teenagers.', 'markdown', 'US').length, 0);
    assert.equal(mentions("Don't take ketamine for anxiety without a prescription.").length, 0);
    assert.equal(mentions('Ketamine is used for depression, but it may cause anxiety.').map((m) => m.uses.map((u) => u.id)).join(), 'depression');
    assert.equal(mentions('Ketamine is offered for adults with depression.').length, 1);
    assert.equal(mentions('Ketamine may reduce the risk of suicidal ideation.').length, 1);
    assert.equal(mentions('Ketamine carries a risk of suicidal ideation on withdrawal.').length, 0);
    // A harm the drug is linked to (a blind article: "lithium ... for epilepsy" before).
    assert.equal(mentions('Taking lithium with psychedelics has been linked to seizures.').length, 0);
    assert.equal(mentions('Ketamine has been associated with serious bladder damage and depression.').length, 0);
    assert.equal(mentions('Ketamine has been linked to improvements in depression.').length, 1);
  });

  it('does not give the heading\'s drug the route of another medicine the sentence names', () => {
    // A blind article: "esketamine nasal spray ... by the oral route" before.
    const text = '# Esketamine nasal spray\n\nIt is always used alongside an SSRI or SNRI antidepressant tablet, not instead of one.\n';
    assert.deepEqual(findOffLabelMentions(parseArticle(text, 'markdown'), drugKnowledge(), 'CA').map((m) => m.uses.map((u) => u.id).join()), []);
    const own = '# Esketamine nasal spray\n\nSome clinics offer it as a tablet instead.\n';
    assert.equal(findOffLabelMentions(parseArticle(own, 'markdown'), drugKnowledge(), 'CA').length, 1);
  });

  it('does not read respiratory depression as a condition treated', () => {
    assert.equal(mentions('Ketamine causes less respiratory depression than opioids.').length, 0);
    assert.equal(mentions('Ketamine relieves depression.').length, 1);
  });

  it('uses the approval hierarchy: a broader or narrower condition of an approved one is on-label', () => {
    assert.equal(mentions('Esketamine is used for depression.').length, 0, 'broader than the approved TRD');
    assert.equal(mentions('Quetiapine helps bipolar depression.', 'markdown', 'US').length, 0, 'narrower than bipolar disorder');
    assert.equal(mentions('Lamotrigine for bipolar depression.', 'markdown', 'US').length, 1, 'bipolar maintenance does not cover bipolar depression');
    assert.equal(mentions('Lamotrigine for bipolar disorder.', 'markdown', 'CA').length, 1, 'epilepsy only in Canada');
    assert.equal(mentions('Esketamine is not for bipolar depression.', 'markdown', 'CA').length, 1);
  });

  it('ignores reference entries', () => {
    const text = 'Some text.\n\nReferences\n\n1. Smith J. Ketamine for depression. J Psych. 2020.\n';
    assert.equal(mentions(text, 'plaintext').length, 0);
  });
});

describe('off-label-disclaimer: disclosure statements', () => {
  const yes = [
    'Ketamine is used off-label for depression.',
    'This is an off label use.',
    'Racemic ketamine (IV or IM) does not have formal psychiatric approval in Canada.',
    'Ketamine is not approved by Health Canada for depression.',
    'Ketamine has not been formally approved for PTSD.',
    "Gabapentin isn't approved for anxiety.",
    'Psilocybin is investigational.',
    'Psilocybin remains an experimental treatment.',
    'Ketamine is not FDA-approved for depression.',
    'This is an unapproved use.',
    'It is only available through clinical trials or the Special Access Program.',
    'Ketamine is approved only as an anaesthetic.',
    'Use outside the approved indication is at the prescriber’s discretion.',
    'There is no approved indication for anxiety.',
    'Gabapentin is not indicated for anxiety.',
    'Neither drug is approved by Health Canada for this use.',
    'Neither is FDA-approved for this use.',
    'Neither ketamine nor esketamine infusions are approved for this.',
    'No ketamine product is approved for depression in Canada.',
    'Both treatments remain experimental.',
    'Ketamine is approved in Canada only as an anaesthetic.',
    'In the UK this is an off-licence use.',
  ];
  const no = [
    'Ketamine is approved for anaesthesia.',
    'Esketamine is approved by Health Canada for treatment-resistant depression.',
    'Ketamine works quickly.',
    'The labelled dose is 0.5 mg/kg.',
    'Experimental evidence from animals suggests benefit.',
    'Neither drug causes dependence.',
    'No other product works as fast.',
  ];
  for (const s of yes) it(`recognises: ${s}`, () => assert.ok(isDisclosure(s)));
  for (const s of no) it(`does not take as a disclosure: ${s}`, () => assert.ok(!isDisclosure(s)));

  it('a statement about something else does not cover every drug (any "not licensed" sentence silenced the rule)', () => {
    const use = 'Our clinic offers ketamine infusions for treatment-resistant depression.';
    for (const other of [
      'Our clinic is not licensed to sell cannabis.',
      'Home test kits are not approved by Health Canada.',
      'Participants were not approved for the study.',
      'In the UK there is no licensed testosterone product for women, so it is prescribed off-label.',
      'Prescribing Ozempic for weight loss alone is an off-label use.',
    ]) {
      const text = `${use}\n\n${other}\n`;
      assert.equal(findDisclosures(parseArticle(text, 'plaintext'), drugKnowledge()).general, false, other);
      assert.equal(findings(text, 'plaintext', 'CA', RULE).length, 1, other);
    }
    // A statement about off-label use in general still covers them.
    for (const general of ['Off-label prescribing is a common and accepted medical practice.', 'Some of the treatments we offer are used off-label.', 'These uses are not approved by Health Canada.']) {
      assert.deepEqual(findings(`${use}\n\n${general}\n`, 'plaintext', 'CA', RULE), [], general);
    }
  });

  it('a statement naming another drug does not cover this one', () => {
    const kb = drugKnowledge();
    const text = 'Gabapentin and propranolol are used for anxiety.\n\nGabapentin is not approved for anxiety.\n';
    const d = findDisclosures(parseArticle(text, 'plaintext'), kb);
    assert.equal(d.general, false);
    assert.deepEqual([...d.drugs], ['gabapentin']);
    const fs = findings(text, 'plaintext', 'US', RULE);
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /^Propranolol/);
  });
});

describe('off-label-disclaimer: the quick fix', () => {
  const cases: { name: string; text: () => string; kind: 'markdown' | 'plaintext' }[] = [
    { name: 'stripped sample', text: strippedSample, kind: 'plaintext' },
    { name: 'gabapentin for anxiety', text: () => fixture('offlabel/gabapentin-anxiety.txt'), kind: 'plaintext' },
    { name: 'propranolol for anxiety (list item)', text: () => fixture('offlabel/propranolol-anxiety.md'), kind: 'markdown' },
    { name: 'psilocybin for depression', text: () => fixture('offlabel/psilocybin-depression.md'), kind: 'markdown' },
  ];
  for (const c of cases) {
    for (const j of CA_US) {
      for (const eol of ['LF', 'CRLF'] as const) {
        it(`${c.name}, ${j}, ${eol}: inserting the disclaimer clears the finding and changes nothing else`, () => {
          const text = eol === 'CRLF' ? crlf(c.text()) : c.text();
          const fs = findings(text, c.kind, j, RULE);
          assert.equal(fs.length, 1);
          const fix = fs[0].fixes?.[0];
          assert.ok(fix, 'the finding has a fix');
          assert.equal(fix.edits.length, 1);
          const e = fix.edits[0];
          assert.equal(e.start, e.end, 'the fix only inserts');
          const fixed = applyAndRelint(text, c.kind, j, fs[0], fix);
          assert.deepEqual(findings(fixed, c.kind, j, RULE), []);
          const nl = eol === 'CRLF' ? '\r\n' : '\n';
          // The disclaimer is a paragraph of its own, naming the drug and the jurisdiction's regulator.
          const inserted = e.newText;
          assert.ok(inserted.startsWith(`${nl}${nl}`));
          assert.match(inserted, j === 'CA' ? /Health Canada/ : /Food and Drug Administration/);
          assert.ok(fixed.slice(e.start + inserted.length).startsWith(`${nl}${nl}`), 'a blank line follows the disclaimer');
        });
      }
    }
  }

  it('names the drug and the uses found, after the paragraph of the first mention', () => {
    const text = strippedSample();
    const f = findings(text, 'plaintext', 'CA', RULE)[0];
    const e = f.fixes![0].edits[0];
    const firstPara = text.indexOf('Ketamine has emerged');
    assert.equal(e.start, text.indexOf('\n\n', firstPara));
    assert.match(e.newText, /^\n\nKetamine is not approved by Health Canada for depression \(including treatment-resistant depression\), pain, /);
    assert.match(e.newText, /by the intranasal route; this use is off-label\.$/);
  });

  it('after a table, not inside it, for a mention in a table row', () => {
    const text = '# Options\n\n| drug | use |\n|---|---|\n| gabapentin | anxiety |\n| therapy | sleep |\n\nAsk us.\n';
    const f = findings(text, 'markdown', 'US', RULE)[0];
    assert.equal(text.slice(f.start, f.end), 'gabapentin');
    const fixed = applyAndRelint(text, 'markdown', 'US', f, f.fixes![0]);
    assert.ok(fixed.startsWith('# Options\n\n| drug | use |\n|---|---|\n| gabapentin | anxiety |\n| therapy | sleep |\n\nGabapentin is not approved'), fixed);
  });

  it('after a list, not inside it, for a mention in a list item', () => {
    const text = fixture('offlabel/propranolol-anxiety.md');
    const e = findings(text, 'markdown', 'US', RULE)[0].fixes![0].edits[0];
    assert.equal(e.start, text.indexOf('drowsiness for most people.') + 'drowsiness for most people.'.length);
  });
});

describe('off-label-disclaimer: data corrected by clinical review', () => {
  const ids = (text: string, j: Jurisdiction): string[] => findings(text, 'plaintext', j, RULE).map((f) => `${f.severity}: ${f.message.slice(0, 60)}`);

  it('esketamine "for suicidal ideation" is not its US use for MDD with suicidal ideation (the label says it has not been shown to reduce it)', () => {
    assert.equal(findings('Spravato is used for suicidal ideation in adults.\n', 'plaintext', 'US', RULE).length, 1);
    assert.deepEqual(ids('Spravato is used for major depressive disorder with suicidal ideation in adults.\n', 'US'), []);
  });

  it('lithium is labelled for bipolar mania and maintenance: bipolar depression is off-label, bipolar disorder is not', () => {
    assert.equal(findings('Lithium is used for bipolar depression.\n', 'plaintext', 'US', RULE).length, 1);
    assert.deepEqual(ids('Lithium is used for bipolar disorder.\n', 'US'), []);
  });

  it('esketamine in Canada: unverified until the second indication is checked, so its findings are information only', () => {
    const fs = findings('Spravato is used for PTSD.\n', 'plaintext', 'CA', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'info');
  });
});

describe('off-label-disclaimer: Roman numerals are not the IV route', () => {
  it('"Phase IV", "DSM-IV" and "stage IV" do not name the intravenous route (esketamine "by the intravenous route" was claimed)', () => {
    for (const j of CA_US) {
      assert.deepEqual(findings('Spravato was tested in a Phase IV study in adults with treatment-resistant depression.\n', 'plaintext', j, RULE), [], j);
      assert.deepEqual(findings('Spravato is for treatment-resistant depression as defined in DSM-IV and later editions.\n', 'plaintext', j, RULE), [], j);
    }
    // "IV" as a route still is one.
    const iv = findings('Spravato is sometimes given IV for treatment-resistant depression.\n', 'plaintext', 'US', RULE);
    assert.equal(iv.length, 1);
    assert.match(iv[0].message, /intravenous/);
  });
});

describe('off-label-disclaimer: a form of an approved drug (low-dose naltrexone)', () => {
  const text = '## Low-dose naltrexone\n\nLow-dose naltrexone (LDN) is taken orally at night for chronic pain and fatigue.\n\n## Next\n\nMore.\n';
  for (const j of CA_US) {
    it(`${j}: its use is off-label, not investigational; its oral route is no unapproved use; the statement goes after the paragraph, not under the heading`, () => {
      const fs = findings(text, 'markdown', j, RULE);
      assert.equal(fs.length, 1);
      assert.match(fs[0].message, /is off-label/);
      assert.doesNotMatch(fs[0].message, /investigational|oral/);
      const fix = fs[0].fixes![0];
      assert.match(fix.title, /^Add a statement that low-dose naltrexone is used off-label in /);
      const after = applyAndRelint(text, 'markdown', j, fs[0], fix);
      assert.ok(after.includes('chronic pain and fatigue.\n\nLow-dose naltrexone is not approved by '), JSON.stringify(after));
      assert.doesNotMatch(after, /investigational|oral route/);
    });
  }
});

describe('off-label-disclaimer: terms found in review', () => {
  it('postpartum depression is not covered by a treatment-resistant depression approval; KAP is ketamine', () => {
    assert.equal(findings('Spravato is used for postpartum depression.\n', 'plaintext', 'US', RULE).length, 1);
    assert.deepEqual(findings('Spravato is used for depression.\n', 'plaintext', 'US', RULE), []);
    const kap = findings('KAP can help with PTSD.\n', 'plaintext', 'US', RULE);
    assert.equal(kap.length, 1);
    assert.match(kap[0].message, /post-traumatic stress disorder/);
  });
});
