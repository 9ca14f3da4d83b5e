import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Reference } from '../../server/src/core/article/model';
import { firstDuplicates, sameWork, words } from '../../server/src/core/rules/duplicate-reference';
import { FAST_CHECK } from './property-support';
import { lint } from '../../server/src/core/lint';
import { parseReferenceFields } from '../../server/src/core/article/references';

const VOCAB = ['ketamine', 'depression', 'trial', 'randomized', 'review', 'systematic', 'esketamine', 'nasal', 'spray', 'adults', 'treatment', 'resistant', 'major', 'disorder', 'efficacy', 'safety'];

const arbEntry = fc.record({
  title: fc.array(fc.constantFrom(...VOCAB), { minLength: 0, maxLength: 9 }).map((ws) => ws.join(' ')),
  doi: fc.option(fc.constantFrom('10.1/a', '10.1/A', '10.2/b'), { nil: undefined }),
  pmid: fc.option(fc.constantFrom('123', '456'), { nil: undefined }),
});

describe('property: duplicate references found through candidates', () => {
  it('gives the pairs that comparing every pair gives', () => {
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 40 }), (specs) => {
        const entries = specs.map((s, i) => ({ start: i, end: i, numberSpan: { start: i, end: i }, text: s.title, textSpan: { start: i, end: i }, ordinal: i + 1, number: i + 1, fields: { authors: [], etAl: false, title: s.title, doi: s.doi, pmid: s.pmid } }) as Reference);
        const titles = entries.map((e) => words(e.fields.title ?? e.text));
        const brute: [number, number][] = [];
        for (let i = 1; i < entries.length; i++) {
          for (let j = 0; j < i; j++) {
            if (sameWork(entries[j], entries[i], titles[j], titles[i])) {
              brute.push([i, j]);
              break;
            }
          }
        }
        assert.deepEqual(firstDuplicates(entries, titles), brute);
      }),
      FAST_CHECK,
    );
  });
});

describe('duplicate-reference: titles', () => {
  const entry = (title: string): Reference => ({ start: 0, end: 0, numberSpan: { start: 0, end: 0 }, text: title, textSpan: { start: 0, end: 0 }, ordinal: 1, number: 1, fields: { authors: [], etAl: false, title } }) as Reference;
  const same = (a: string, b: string): string | undefined => sameWork(entry(a), entry(b), words(a), words(b));

  it('British and American spellings of one title are one work ("randomised" was missed)', () => {
    assert.equal(same('A randomised trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression', 'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression'), 'near-identical title');
    assert.equal(same('Behaviour of oestrogen levels in anaemia at a single centre', 'Behavior of estrogen levels in anemia at a single center'), 'near-identical title');
  });

  it('parts and numbered works are different works (Part I and Part II were one)', () => {
    assert.equal(same('Lithium in the treatment of mood disorders: a review of the clinical evidence, Part I', 'Lithium in the treatment of mood disorders: a review of the clinical evidence, Part II'), undefined);
    assert.equal(same('Oral ketamine for depression, 1: pharmacokinetics and clinical use', 'Oral ketamine for depression, 2: pharmacokinetics and clinical use'), undefined);
  });
});

describe('duplicate-reference: authors and years', () => {
  const list = (...entries: string[]): string => `Title\n\nText.¹\n\nReferences\n\n${entries.map((e, i) => `${i + 1}. ${e}`).join('\n')}\n`;
  const duplicates = (text: string): string[] => lint(text, { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'duplicate-reference').map((f) => f.message);

  it('near-identical titles by different first authors are different works (a blind article: two Cochrane and NEJM reviews of hyperbaric oxygen)', () => {
    assert.deepEqual(duplicates(list('Weaver LK, Hopkins RO, Chan KJ, et al. Hyperbaric oxygen for acute carbon monoxide poisoning. N Engl J Med. 2002;347(14):1057-1067.', 'Buckley NA, Juurlink DN, Isbister G, Bennett MH, Lavonas EJ. Hyperbaric oxygen for carbon monoxide poisoning. Cochrane Database Syst Rev. 2011;(4):CD002041.')), []);
  });

  it('near-identical titles of different years are different works', () => {
    assert.deepEqual(duplicates(list('National Institute for Health and Care Excellence. Depression in adults: treatment and management guideline. London: NICE; 2009.', 'National Institute for Health and Care Excellence. Depression in adults: treatment and management guideline. London: NICE; 2022.')), []);
  });

  it('the same entry pasted twice is still one work', () => {
    const e = 'Weaver LK, Hopkins RO, Chan KJ, et al. Hyperbaric oxygen for acute carbon monoxide poisoning. N Engl J Med. 2002;347(14):1057-1067.';
    assert.equal(duplicates(list(e, e.replace('Hyperbaric oxygen for acute carbon monoxide poisoning', 'Hyperbaric Oxygen for Acute Carbon Monoxide Poisoning').replace('1057-1067', '1057-67'))).length, 1);
  });

  it('reads an organisation with its acronym as the author, so its works are told apart by title (a blind article: two ASCIA pages were one)', () => {
    const text = list('Australasian Society of Clinical Immunology and Allergy (ASCIA). Allergic reactions to bites and stings. ASCIA patient information; 2023.', 'Australasian Society of Clinical Immunology and Allergy (ASCIA). Acute management of anaphylaxis guidelines. 2023.');
    assert.deepEqual(duplicates(text), []);
    const fields = parseReferenceFields('Australasian Society of Clinical Immunology and Allergy (ASCIA). Allergic reactions to bites and stings. ASCIA patient information; 2023.');
    assert.deepEqual([fields.authors, fields.title], [['Australasian Society of Clinical Immunology and Allergy (ASCIA)'], 'Allergic reactions to bites and stings']);
  });
});
