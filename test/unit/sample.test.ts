import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../server/src/core/article/parse';
import { defaultConfig } from '../../server/src/core/config';
import { hover } from '../../server/src/core/features/hover';
import { definition } from '../../server/src/core/features/navigation';
import { lint } from '../../server/src/core/lint';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'sample.txt'), 'utf8');

describe('the sample article', () => {
  const article = parseArticle(SAMPLE, 'plaintext');

  it('has nine references, parsed into Vancouver fields', () => {
    const refs = article.references!.entries;
    assert.equal(refs.length, 9);
    assert.deepEqual(refs.map((r) => r.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(refs[0].fields.authors, ['Sanacora G', 'Frye MA', 'McDonald W']);
    assert.equal(refs[0].fields.etAl, true);
    assert.equal(refs[0].fields.title, 'A Consensus Statement on the Use of Ketamine in the Treatment of Mood Disorders');
    assert.equal(refs[0].fields.journal, 'JAMA Psychiatry');
    assert.equal(refs[0].fields.year, '2017');
    assert.equal(refs[2].fields.authors[2], 'O’Leary OF');
    assert.equal(refs[3].fields.journal, 'The Lancet');
  });

  it('does not take the page trailer for references', () => {
    const last = article.references!.entries[8];
    assert.ok(!article.text.slice(last.start, last.end).includes('Previous'));
    const trailer = article.blocks.filter((b) => b.kind === 'trailer').map((b) => article.text.slice(b.start, b.end));
    assert.ok(trailer.some((t) => t.startsWith('Previous')));
    assert.ok(trailer.some((t) => t.startsWith('Meet Melissa Gray')));
  });

  it('reads every superscript run as single references (nine entries)', () => {
    assert.deepEqual(
      article.markers.map((m) => `${m.raw}=${m.numbers.join(',')}`),
      ['¹²=1,2', '³⁴=3,4', '²⁵=2,5', '⁶⁷=6,7', '¹²=1,2', '⁴=4', '²⁵=2,5', '²=2', '⁷=7', '⁷=7', '⁸=8', '⁷=7', '²³=2,3', '⁹=9'],
    );
    assert.ok(article.markers.every((m) => !m.alternative));
  });

  it('finds the headings, bullets and paragraphs of plain text', () => {
    const headings = article.blocks.filter((b) => b.kind === 'heading').map((b) => b.prose.trim());
    assert.deepEqual(headings, [
      'Ketamine-Assisted Therapy: What the Evidence Shows',
      'What Is Ketamine?',
      'Ketamine as Part of an Integrated Treatment Approach',
      'Depression and Treatment-Resistant Depression',
      'Other Mental Health Conditions',
      'Safety and Limitations',
      'Summary',
      'References',
    ]);
    assert.equal(article.blocks.filter((b) => b.kind === 'listItem').length, 4);
  });

  it('attaches markers to the sentence they end', () => {
    const s = article.sentences.find((x) => x.text.includes('growing clinical and research interest'))!;
    assert.deepEqual(s.markers.map((m) => m.raw), ['¹²']);
    const found = article.sentences.find((x) => x.text.includes('has been found to have rapid antidepressant'))!;
    assert.equal(found.text.trim(), 'At much lower doses than those used in surgery, ketamine has been found to have rapid antidepressant and anti-suicidal effects.');
    assert.deepEqual(found.markers, []);
  });

  it('has no citation findings', () => {
    const r = lint(SAMPLE, { kind: 'plaintext' });
    const citation = r.findings.filter((f) => ['unresolved-citation', 'unused-reference', 'citation-order', 'ambiguous-citation', 'duplicate-reference'].includes(f.ruleId));
    assert.deepEqual(citation, []);
  });

  it('hovers ¹² with references 1 and 2, and defines it as reference 1', () => {
    const at = SAMPLE.indexOf('¹²');
    const h = hover(article, at, defaultConfig())!;
    assert.match(h.markdown, /\*\*1\.\*\* Sanacora G, Frye MA, McDonald W, et al\. \*\*A Consensus Statement/);
    assert.match(h.markdown, /\*\*2\.\*\* Andrade C\. \*\*Ketamine for Depression/);
    const defs = definition(article, at + 1);
    assert.equal(SAMPLE.slice(defs[0].start, defs[0].start + 12), '1. Sanacora ');
  });
});

describe('sentence splitting', () => {
  const split = (t: string): string[] => parseArticle(t, 'plaintext').sentences.map((s) => s.text.trim());
  it('keeps abbreviations, initials, decimals and journal names inside sentences', () => {
    assert.deepEqual(split('Smith et al. found a 2.5-fold rise, e.g. in adults. Dr. Lee agreed.'), ['Smith et al. found a 2.5-fold rise, e.g. in adults.', 'Dr. Lee agreed.']);
    assert.deepEqual(split('It appeared in J. Clin. Psychiatry in 2017. Then it was cited.'), ['It appeared in J. Clin. Psychiatry in 2017.', 'Then it was cited.']);
    assert.deepEqual(split('Ketamine vs. placebo was tested by J. R. Smith. Results were clear.'), ['Ketamine vs. placebo was tested by J. R. Smith.', 'Results were clear.']);
  });
  it('splits at a question mark and keeps a marker with its sentence', () => {
    const a = parseArticle('Does it work?¹ Yes.² It does.\n\nReferences\n\n1. A B. C. D. 2001.\n2. E F. G. H. 2002.\n', 'plaintext');
    assert.deepEqual(a.sentences.map((s) => [s.text.trim(), s.markers.map((m) => m.raw).join('')]), [['Does it work?', '¹'], ['Yes.', '²'], ['It does.', '']]);
  });
});
