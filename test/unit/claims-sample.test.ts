// The sample article (test/fixtures/sample.txt): its expected findings of missing-citation and
// unsupported-claim, and the top citation each finding suggests.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article/parse';
import { rankReferences } from '../../server/src/core/features/cite';
import { SAMPLE, mine } from './claims-helpers';

const sentenceOf = (needle: string): { start: number; end: number } => {
  const article = parseArticle(SAMPLE, 'plaintext');
  const at = SAMPLE.indexOf(needle);
  assert.ok(at >= 0, needle);
  return article.sentences.find((s) => s.start <= at && at < s.end)!;
};

describe('the sample article: claims and citation need', () => {
  const findings = mine(SAMPLE, 'plaintext');
  const textOf = (f: { start: number; end: number }): string => SAMPLE.slice(f.start, f.end);

  it('flags the uncited "has been found" sentence', () => {
    const f = findings.find((x) => x.ruleId === 'missing-citation' && textOf(x).startsWith('At much lower doses'));
    assert.ok(f, 'flagged');
    assert.equal(textOf(f), 'At much lower doses than those used in surgery, ketamine has been found to have rapid antidepressant and anti-suicidal effects.');
    assert.match(f.message, /has been found/);
  });

  it('does not flag "Ketamine is not a cure"', () => {
    const s = sentenceOf('Ketamine is not a cure');
    assert.deepEqual(findings.filter((f) => f.start < s.end && f.end > s.start), []);
  });

  it('flags nothing in the reference list or the trailer', () => {
    const refs = SAMPLE.indexOf('\nReferences\n');
    assert.ok(refs > 0);
    assert.deepEqual(findings.filter((f) => f.start > refs), []);
  });

  it('does not flag sentences covered by a later marker in their paragraph', () => {
    for (const needle of ['Ketamine works differently from traditional antidepressants.', 'While most antidepressants target serotonin', 'One of the central challenges', 'This has led to increasing emphasis', 'Ketamine demonstrates significant antidepressant efficacy', 'When administered in medical settings', 'Durability of benefit']) {
      const s = sentenceOf(needle);
      assert.deepEqual(findings.filter((f) => f.start < s.end && f.end > s.start).map(textOf), [], needle);
    }
  });

  it('in strict sentence scope, flags the evidence sentences that paragraph scope covers', () => {
    const strict = mine(SAMPLE, 'plaintext', { citationScope: 'sentence' });
    const flagged = (needle: string): boolean => {
      const s = sentenceOf(needle);
      return strict.some((f) => f.start < s.end && f.end > s.start);
    };
    assert.ok(flagged('Ketamine demonstrates significant antidepressant efficacy'));
    assert.ok(flagged('This mechanism is thought to enhance neuroplasticity') === false, 'has its own marker');
    assert.ok(flagged('When administered in medical settings, ketamine is generally well tolerated.'));
    assert.ok(strict.length > findings.length);
  });

  it('has exactly the expected findings', () => {
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${textOf(f).slice(0, 40)}`),
      [
        'missing-citation: Ketamine is a medication that has been u',
        'missing-citation: At much lower doses than those used in s',
        'missing-citation: For this reason, many expert consensus s',
        'missing-citation: TRD affects a substantial proportion of ',
      ],
    );
  });

  it('offers, for every finding, a cite fix whose top suggestion fits the sentence', () => {
    const top = (needle: string): string => {
      const f = findings.find((x) => textOf(x).includes(needle))!;
      const cite = f.fixes!.filter((x) => x.title.startsWith('Cite '));
      assert.ok(cite.length >= 1 && cite.length <= 3, 'one to three cite fixes');
      assert.ok(cite[0].isPreferred, 'the best is preferred');
      assert.ok(f.fixes!.some((x) => x.title.startsWith('Add a new reference')));
      return cite[0].title;
    };
    // A ketamine-for-depression review with efficacy and adverse effects.
    assert.match(top('has been found'), /^Cite 2: Andrade, Ketamine for Depression/);
    assert.match(top('used safely for decades'), /^Cite 2: Andrade, .*Adverse Effects/);
    // The consensus statement, for an appeal to consensus statements.
    assert.match(top('expert consensus statements'), /^Cite 1: Sanacora, A Consensus Statement/);
    // Major depression (MDD, TRD) for a statement about TRD in major depressive disorder.
    assert.match(top('TRD affects'), /^Cite 4: Marwaha, Novel and Emerging Treatments for Major Depression/);
  });

  it('ranks by clinical synonyms: the antidepressant/anti-suicidal sentence shares depression and suicidality, not just "ketamine"', () => {
    const article = parseArticle(SAMPLE, 'plaintext');
    const s = sentenceOf('has been found');
    const ranked = rankReferences(article, SAMPLE.slice(s.start, s.end));
    assert.equal(ranked[0].reference.number, 2);
    assert.ok(ranked[0].shared.some((f) => f.includes('depression')), `shared: ${ranked[0].shared.join(', ')}`);
  });
});
