// Properties of the claim and citation-need rules on generated articles: findings and fixes
// stay inside the text, fix edits never overlap, and applying a fix leaves a document that
// lints without error, in which a cited sentence is no longer flagged.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import { MY_RULES, applyEdits } from './claims-helpers';
import { FAST_CHECK_SLOW, arbArticle } from './property-support';

const CLAIMS = ['Ketamine cures depression.', 'Studies show that ketamine works within hours.', 'It is not a cure.', 'Our drip is 100% safe.', 'Ketamine is more effective than SSRIs.', 'About 20% of people relapse.', '"I was cured!" - Jo'];
const arbDoc = fc.tuple(arbArticle, fc.array(fc.constantFrom(...CLAIMS), { maxLength: 4 }), fc.constantFrom('markdown' as const, 'plaintext' as const)).map(([a, extra, kind]) => ({ text: `${extra.join(' ')}\n\n${a}`, kind }));

const mineOf = (findings: Finding[]): Finding[] => findings.filter((f) => MY_RULES.includes(f.ruleId));

describe('claims and citation need: properties', () => {
  it('findings and fix edits lie inside the text; edits do not overlap', () => {
    fc.assert(
      fc.property(arbDoc, ({ text, kind }) => {
        const { findings } = lint(text, { kind });
        assert.ok(!findings.some((f) => f.ruleId === 'internal-error'), findings.find((f) => f.ruleId === 'internal-error')?.message);
        for (const f of mineOf(findings)) {
          assert.ok(0 <= f.start && f.start < f.end && f.end <= text.length);
          for (const fix of f.fixes ?? []) {
            const edits = [...fix.edits].sort((a, b) => a.start - b.start);
            edits.forEach((e, i) => {
              assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length);
              if (i > 0) assert.ok(edits[i - 1].end <= e.start, 'edits do not overlap');
            });
            assert.equal(fix.safe, false);
          }
        }
      }),
      FAST_CHECK_SLOW,
    );
  });

  it('after a cite fix, the sentence is no longer flagged by missing-citation', () => {
    fc.assert(
      fc.property(arbDoc, ({ text, kind }) => {
        const { findings } = lint(text, { kind });
        for (const f of mineOf(findings).filter((x) => x.ruleId === 'missing-citation').slice(0, 3)) {
          const fix = f.fixes?.find((x) => x.title.startsWith('Cite ') || x.title.startsWith('Add a new reference'));
          if (!fix) continue;
          const after = applyEdits(text, fix.edits);
          const again = lint(after, { kind }).findings;
          assert.ok(!again.some((g) => g.ruleId === 'internal-error'));
          const start = f.start;
          assert.ok(!again.some((g) => g.ruleId === 'missing-citation' && g.start === start && after.slice(g.start, g.end) === text.slice(f.start, f.end)), `${fix.title} on "${text.slice(f.start, f.end)}"`);
        }
      }),
      FAST_CHECK_SLOW,
    );
  });
});
