import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { INTERNAL_ERROR } from '../../server/src/core/lint';
import type { DocumentKind, Jurisdiction } from '../../server/src/core/types';
import { applyEdits, findings } from './offlabel-helpers';

// Documents assembled from the words the two rules care about, with Markdown and line-ending noise.
const WORDS = [
  'Ketamine', 'ketamine', 'esketamine', 'Spravato', 'racemic ketamine', 'psilocybin', 'MDMA', 'gabapentin', 'propranolol',
  'lamotrigine', 'LDN', 'low-dose naltrexone', 'for', 'depression', 'TRD', 'PTSD', 'anxiety', 'bipolar depression',
  'anaesthesia', 'IV', 'IM', 'intranasal', 'nasal spray', 'oral', 'is', 'used', 'off-label', 'not approved', 'investigational',
  'suicide', 'suicidal', 'committed suicide', 'failed attempt', 'successful suicide', '9-8-8', 'an', 'a', 'the', 'and', '.', ',',
  '**', '`', '[x](y)', '¹', '(1)', 'respiratory depression', 'Ketalar’s', 'é', '😀',
];
const SEPARATORS = [' ', ' ', ' ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\n- ', '\n\n## ', '\n\n1. ', '\n\nReferences\n\n1. '];

const doc = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('off-label-disclaimer and safe-messaging: any document', function () {
  this.timeout(60000);
  const jurisdictions: Jurisdiction[] = ['CA', 'US', 'UK', 'AU'];
  const kinds: DocumentKind[] = ['markdown', 'plaintext'];

  it('never fail, and report spans and fixes inside the text', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom(...jurisdictions), fc.constantFrom(...kinds), (text, j, kind) => {
        const all = findings(text, kind, j);
        assert.deepEqual(all.filter((f) => f.ruleId === INTERNAL_ERROR), []);
        for (const f of all.filter((x) => x.ruleId === 'off-label-disclaimer' || x.ruleId === 'safe-messaging')) {
          assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length);
          for (const r of f.related ?? []) assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length);
          for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the off-label fix always clears the finding for its drug', () => {
    let exercised = 0;
    fc.assert(
      fc.property(doc, fc.constantFrom<Jurisdiction>('CA', 'US'), fc.constantFrom(...kinds), (text, j, kind) => {
        const fs = findings(text, kind, j, 'off-label-disclaimer');
        for (const f of fs) {
          const fix = f.fixes?.[0];
          if (!fix) continue;
          exercised++;
          const drug = f.message.split(' ')[0];
          const after = findings(applyEdits(text, fix.edits), kind, j, 'off-label-disclaimer');
          assert.ok(!after.some((a) => a.message.split(' ')[0] === drug), `"${drug}" is still flagged after its fix`);
        }
      }),
      { numRuns: 300 },
    );
    assert.ok(exercised > 50, `only ${exercised} fixes were tried`);
  });

  it('safe wording fixes always clear their finding', () => {
    let exercised = 0;
    fc.assert(
      fc.property(doc, fc.constantFrom(...kinds), (text, kind) => {
        const fs = findings(text, kind, 'CA', 'safe-messaging').filter((f) => f.severity !== 'info');
        for (const f of fs) {
          const fix = f.fixes?.find((x) => x.safe);
          if (!fix) continue;
          exercised++;
          const fixed = applyEdits(text, fix.edits);
          const after = findings(fixed, kind, 'CA', 'safe-messaging').filter((a) => a.severity !== 'info');
          assert.equal(after.length, fs.length - 1, `fixing "${text.slice(f.start, f.end)}" leaves the others`);
        }
      }),
      { numRuns: 300 },
    );
    assert.ok(exercised > 15, `only ${exercised} fixes were tried`);
  });
});
