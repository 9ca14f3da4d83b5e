// Every fix of unsupported-claim and missing-citation, applied to the text and linted again:
// the finding is gone, the text outside the edits is unchanged, and no other finding changes
// except as the fix implies (a citation also covers the earlier sentences of its paragraph; a
// hedged rewording still needs a citation; a new reference number may be out of order until the
// references are renumbered). Run on the sample, a CRLF copy, a copy with emoji, and the fixtures.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../server/src/core/article/parse';
import { REFERENCE_STUB, rankReferences } from '../../server/src/core/features/cite';
import { findClaimHits } from '../../server/src/core/claims/detect';
import { coveringMarker } from '../../server/src/core/claims/coverage';
import { claimLexicon } from '../../server/src/core/knowledge/claims';
import type { LintConfig } from '../../server/src/core/config';
import type { DocumentKind, Finding, Fix } from '../../server/src/core/types';
import { MY_RULES, ROOT, SAMPLE, applyEdits, assertOnlyEditsChanged, kindOf, lintWith, mapOffset, parseFixture } from './claims-helpers';

interface Doc {
  name: string;
  text: string;
  kind: DocumentKind;
  config?: Partial<LintConfig>;
}

const emoji = SAMPLE.replace('Ketamine-Assisted Therapy', '🧠 Ketamine-Assisted Therapy')
  .replace('Ketamine is a medication that', 'Ketamine 💊 is a medication that')
  .replace('TRD affects a substantial', 'TRD 😔 affects a substantial');

const docs: Doc[] = [
  { name: 'sample', text: SAMPLE, kind: 'plaintext' },
  { name: 'sample (CRLF)', text: SAMPLE.replace(/\n/g, '\r\n'), kind: 'plaintext' },
  { name: 'sample (emoji)', text: emoji, kind: 'plaintext' },
];
const dir = path.join(ROOT, 'test/fixtures/claims');
for (const file of fs.readdirSync(dir).sort()) {
  const { text, config } = parseFixture(fs.readFileSync(path.join(dir, file), 'utf8'));
  docs.push({ name: file, text, kind: kindOf(file), config });
  docs.push({ name: `${file} (CRLF)`, text: text.replace(/\r?\n/g, '\r\n'), kind: kindOf(file), config });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

function check(doc: Doc, before: Finding[], f: Finding, fix: Fix): void {
  const config = doc.config ?? {};
  const scope = config.citationScope ?? 'paragraph';
  const after = applyEdits(doc.text, fix.edits);
  assertOnlyEditsChanged(doc.text, after, fix.edits);
  const now = lintWith(after, doc.kind, config);
  const article = parseArticle(doc.text, doc.kind);
  const sentence = article.sentences.find((s) => s.start <= f.start && f.start < s.end)!;
  const isCite = fix.title.startsWith('Cite ') || fix.title.startsWith('Add a new reference');
  // Where each edit's new text lies in the new document.
  let shift = 0;
  const inserted = [...fix.edits]
    .sort((a, b) => a.start - b.start)
    .map((e) => {
      const r = { start: e.start + shift, end: e.start + shift + e.newText.length };
      shift += e.newText.length - (e.end - e.start);
      return r;
    });
  // 1. The finding is gone.
  const region = { start: Math.min(mapOffset(f.start, fix.edits), ...inserted.map((r) => r.start)), end: Math.max(mapOffset(f.end, fix.edits, true), ...inserted.filter((r) => r.start <= mapOffset(f.end, fix.edits, true) + 1).map((r) => r.end)) };
  const still = now.filter((g) => g.ruleId === f.ruleId && overlaps(g, f.ruleId === 'missing-citation' ? { start: mapOffset(sentence.start, fix.edits), end: mapOffset(f.end, fix.edits, true) } : region));
  assert.deepEqual(still.map((g) => after.slice(g.start, g.end)), [], `${fix.title}: the finding is gone`);
  // 2. Every other finding is still there, moved by the edits, unless the fix explains its going.
  const afterArticle = parseArticle(after, doc.kind);
  const afterHits = findClaimHits(afterArticle, claimLexicon(), scope);
  const sentenceAfter = (offset: number) => afterArticle.sentences.find((s) => s.start <= offset && offset < s.end);
  for (const g of before) {
    if (g === f) continue;
    const moved = { start: mapOffset(g.start, fix.edits), end: mapOffset(g.end, fix.edits, true) };
    const kept = now.some((h) => h.ruleId === g.ruleId && h.start === moved.start && h.end === moved.end && h.message === g.message);
    if (kept) continue;
    // The new marker now covers the sentence (its paragraph, or the list it introduces).
    const s = sentenceAfter(moved.start);
    const m = s && coveringMarker(afterArticle, s, scope);
    const coveredByCitation = isCite && MY_RULES.includes(g.ruleId) && m !== undefined;
    // The cited reference is no longer unused.
    const nowUsed = isCite && g.ruleId === 'unused-reference';
    // A rewording put a hedge in front of another claim of the sentence.
    const sameSentence = { start: mapOffset(sentence.start, fix.edits), end: mapOffset(sentence.end, fix.edits, true) };
    const hedgedNow = !isCite && g.ruleId === 'unsupported-claim' && afterHits.some((h) => h.status === 'hedged' && overlaps(h, sameSentence) && h.matched === doc.text.slice(g.start, g.end));
    assert.ok(coveredByCitation || nowUsed || hedgedNow, `${fix.title}: "${doc.text.slice(g.start, g.end).slice(0, 50)}" (${g.ruleId}) is unchanged`);
  }
  // 3. No new finding, except what the fix implies.
  const hedgedSentence = { start: mapOffset(sentence.start, fix.edits), end: mapOffset(sentence.end, fix.edits, true) };
  for (const h of now) {
    const existed = before.some((g) => g.ruleId === h.ruleId && mapOffset(g.start, fix.edits) === h.start && mapOffset(g.end, fix.edits, true) === h.end && g.message === h.message);
    if (existed) continue;
    const inStub = inserted.some((r) => h.start >= r.start && h.end <= r.end);
    const needsCitationNow = !isCite && h.ruleId === 'missing-citation' && overlaps(h, hedgedSentence) && f.ruleId === 'unsupported-claim';
    const newNumberOrder = isCite && h.ruleId === 'citation-order';
    assert.ok(inStub || needsCitationNow || newNumberOrder, `${fix.title}: no new finding, got ${h.ruleId} "${after.slice(h.start, h.end).slice(0, 60)}": ${h.message}`);
  }
  // 4. A cursor, when given, is on the new reference's stub.
  if (fix.cursor !== undefined) {
    assert.ok(after.slice(fix.cursor).startsWith(REFERENCE_STUB), `${fix.title}: the cursor is on the stub`);
  }
  assert.equal(fix.safe, false, 'fixes need the author: not safe for fix-all');
}

describe('applying every claim and citation fix', () => {
  for (const doc of docs) {
    it(doc.name, () => {
      const before = lintWith(doc.text, doc.kind, doc.config);
      const targets = before.filter((f) => MY_RULES.includes(f.ruleId));
      if (doc.name.startsWith('sample')) assert.ok(targets.length > 0, 'the document has findings to fix');
      let fixes = 0;
      for (const f of targets) {
        for (const fix of f.fixes ?? []) {
          check(doc, before, f, fix);
          fixes++;
        }
      }
      assert.equal(fixes > 0, targets.length > 0, 'every document with findings has fixes');
    });
  }

  it('every missing-citation finding offers the best references (up to three) and "Add a new reference"', () => {
    let withCite = 0;
    for (const doc of docs) {
      const article = parseArticle(doc.text, doc.kind);
      for (const f of lintWith(doc.text, doc.kind, doc.config).filter((x) => x.ruleId === 'missing-citation')) {
        const s = article.sentences.find((x) => x.start <= f.start && f.start < x.end)!;
        const ranked = rankReferences(article, s.text, s.blockIndex, undefined, s.start);
        const cites = (f.fixes ?? []).filter((x) => x.title.startsWith('Cite '));
        assert.equal(cites.length, Math.min(3, ranked.length), `${doc.name}: "${doc.text.slice(f.start, f.end).slice(0, 50)}"`);
        assert.ok(f.fixes?.some((x) => x.title.startsWith('Add a new reference')));
        if (cites.length) withCite++;
      }
    }
    assert.ok(withCite >= 10, 'most findings have a reference to cite');
  });
});
