import * as assert from 'node:assert/strict';
import { REFERENCE_STUB } from '../../server/src/core/article/format';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { DocumentKind, Finding, Fix } from '../../server/src/core/types';

const RULES = ['unresolved-citation', 'unused-reference', 'citation-order', 'ambiguous-citation', 'duplicate-reference'];
const only = (fs: Finding[]): Finding[] => fs.filter((f) => RULES.includes(f.ruleId));

/** Applies a fix and checks: the finding is gone, and the text changed only inside the edits. */
function applyAndRelint(text: string, kind: DocumentKind, rule: string, title: RegExp): { after: string; fix: Fix } {
  const before = lint(text, { kind });
  const finding = before.findings.find((f) => f.ruleId === rule);
  assert.ok(finding, `${rule} is reported`);
  const fix = finding.fixes?.find((f) => title.test(f.title));
  assert.ok(fix, `a fix matching ${title} is offered: ${finding.fixes?.map((f) => f.title).join(' | ')}`);
  const after = applyEdits(text, fix.edits);
  // Outside the edited ranges, nothing changed.
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
  let delta = 0;
  let prev = 0;
  for (const e of sorted) {
    assert.equal(after.slice(prev + delta, e.start + delta), text.slice(prev, e.start));
    delta += e.newText.length - (e.end - e.start);
    prev = e.end;
  }
  assert.equal(after.slice(prev + delta), text.slice(prev));
  const again = lint(after, { kind });
  const same = again.findings.filter((f) => f.ruleId === rule && after.slice(f.start, f.end) === text.slice(finding.start, finding.end) && f.message === finding.message);
  assert.deepEqual(same, [], 'the finding is gone after the fix');
  return { after, fix };
}

const refs = (eol: string): string => ['', '', 'References', '', '1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.', '2. Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017.', ''].join(eol);

for (const [name, eol, prefix] of [
  ['LF', '\n', ''],
  ['CRLF', '\r\n', ''],
  ['emoji', '\n', '🧠💊 '],
] as const) {
  describe(`citation fixes apply cleanly (${name})`, () => {
    it('adds the next reference to the list and leaves the cursor in it', () => {
      const text = `${prefix}Ketamine acts fast.¹ It is rapid.² Benefits fade.³${refs(eol)}`;
      const { after, fix } = applyAndRelint(text, 'plaintext', 'unresolved-citation', /^Add reference 3/);
      assert.ok(after.includes(`2017.${eol}3. `), JSON.stringify(after.slice(-40)));
      assert.equal(after.slice(fix.cursor! - 3, fix.cursor), '3. ');
      assert.deepEqual(only(lint(after, { kind: 'plaintext' }).findings).filter((f) => f.ruleId === 'unresolved-citation'), []);
    });

    it('in Markdown too, the added reference resolves the marker at once (a bare "3. " was read as part of entry 2)', () => {
      const text = `${prefix}Ketamine acts fast.[1] It is rapid.[2] Benefits fade.[3]${refs(eol).replace('References', '## References')}`;
      const { after, fix } = applyAndRelint(text, 'markdown', 'unresolved-citation', /^Add reference 3/);
      assert.ok(after.slice(fix.cursor!).startsWith(`${REFERENCE_STUB}${eol}`), JSON.stringify(after.slice(fix.cursor!)));
      assert.deepEqual(lint(after, { kind: 'markdown' }).findings.filter((f) => f.ruleId === 'unresolved-citation' || f.ruleId === 'unused-reference'), []);
    });

    it('adds a footnote definition that resolves the footnote at once', () => {
      const text = `${prefix}Ketamine acts fast.[^fast]${eol}`;
      const { after, fix } = applyAndRelint(text, 'markdown', 'unresolved-citation', /^Add a footnote definition \[\^fast\]/);
      assert.ok(after.slice(fix.cursor!).startsWith(REFERENCE_STUB));
      assert.deepEqual(lint(after, { kind: 'markdown' }).findings.filter((f) => f.ruleId === 'unresolved-citation' || f.ruleId === 'unused-reference'), []);
    });

    it('keeps the resolvable numbers of a marker', () => {
      const text = `${prefix}Ketamine acts fast.[1, 2, 7]${refs(eol)}`;
      const { after } = applyAndRelint(text, 'markdown', 'unresolved-citation', /^Cite only 1, 2/);
      assert.ok(after.includes('fast.[1, 2]'));
    });

    it('reports a second entry numbered like an earlier one as a duplicate number, and numbers it anew', () => {
      const text = `${prefix}Ketamine acts fast.¹ It is rapid.²${refs(eol)}2. Zarate CA. A Randomized Trial. Arch Gen Psychiatry. 2006.${eol}`;
      const finding = lint(text, { kind: 'plaintext' }).findings.find((f) => f.ruleId === 'unused-reference');
      assert.ok(finding);
      assert.match(finding.message, /^Two reference entries are numbered 2 \(lines 6 and 7\)/);
      assert.doesNotMatch(finding.message, /never cited in the text/);
      const { after } = applyAndRelint(text, 'plaintext', 'unused-reference', /^Number this entry 3$/);
      assert.ok(after.includes(`${eol}3. Zarate CA.`), JSON.stringify(after.slice(-80)));
      // Now an ordinary uncited entry (the last: it may be removed).
      const next = lint(after, { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'unused-reference');
      assert.deepEqual(next.map((f) => f.message), ['Reference 3 is never cited in the text.']);
    });

    it('reports a footnote label defined twice as such, not as never referenced', () => {
      const text = `${prefix}Ketamine acts fast.[^1] It is rapid.[^2]${eol}${eol}[^1]: Sanacora G. A Consensus Statement. 2017.${eol}[^2]: Andrade C. Ketamine for Depression. 2017.${eol}[^2]: Zarate CA. A Randomized Trial. 2006.${eol}`;
      const findings = lint(text, { kind: 'markdown' }).findings.filter((f) => f.ruleId === 'unused-reference');
      assert.deepEqual(findings.map((f) => f.message), ["Footnote [^2] is defined twice (lines 4 and 5): the text's [^2] goes to the first, so this one is never shown. Give it its own label."]);
      assert.equal(text.slice(findings[0].start, findings[0].end).startsWith('[^2]: Zarate'), true);
    });

    it('reads citations in parentheses: no entry is uncited', () => {
      const text = `${prefix}Ketamine acts fast (1). It is rapid (2).${refs(eol)}`;
      assert.deepEqual(only(lint(text, { kind: 'plaintext' }).findings), []);
    });

    it('says why every entry is uncited when the numbers in parentheses are not read as citations', () => {
      // After a full stop and before the next sentence's first word, "(1)" numbers what follows.
      const text = `${prefix}Ketamine acts fast. (1) It is rapid. (2) It fades.${refs(eol)}`;
      const fs = lint(text, { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'unused-reference');
      assert.equal(fs.length, 2);
      for (const f of fs) assert.match(f.message, /Numbers in parentheses here are not read as citations: one cites where it follows a word and comes before the full stop/);
      const cited = lint(`${prefix}Ketamine acts fast.¹${refs(eol)}`, { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'unused-reference');
      assert.doesNotMatch(cited[0].message, /parentheses/);
    });

    it('adds the next reference for a parenthesised citation past the list, and cites only the resolvable numbers', () => {
      const text = `${prefix}Ketamine acts fast (1). It is rapid (2). Benefits fade (3).${refs(eol)}`;
      const { after } = applyAndRelint(text, 'plaintext', 'unresolved-citation', /^Add reference 3/);
      assert.ok(after.includes(`2017.${eol}3. `), JSON.stringify(after.slice(-40)));
      const list = `${prefix}Ketamine acts fast (1, 2, 4). It is rapid (2).${refs(eol)}`;
      const fixed = applyAndRelint(list, 'plaintext', 'unresolved-citation', /^Cite only 1, 2/).after;
      assert.ok(fixed.includes('fast (1, 2). It'), fixed);
    });

    it('removes an unused last reference with its line', () => {
      const text = `${prefix}Ketamine acts fast.¹${refs(eol)}`;
      const { after } = applyAndRelint(text, 'plaintext', 'unused-reference', /^Remove reference 2/);
      assert.ok(after.endsWith(`2017.${eol}`), JSON.stringify(after.slice(-30)));
    });

    it('adds the next reference to a list numbered in superscript digits, in its numbering', () => {
      const supRefs = refs(eol).replace(`${eol}1. `, `${eol}¹ `).replace(`${eol}2. `, `${eol}² `);
      const text = `${prefix}Ketamine acts fast.¹ It is rapid.² Benefits fade.³${supRefs}`;
      assert.equal(lint(text, { kind: 'plaintext' }).article.references?.numbering, 'superscript');
      const { after, fix } = applyAndRelint(text, 'plaintext', 'unresolved-citation', /^Add reference 3/);
      assert.ok(after.includes(`2017.${eol}³ `), JSON.stringify(after.slice(-40)));
      assert.equal(after.slice(fix.cursor! - 2, fix.cursor), '³ ');
    });

    it('removes an unused last reference and keeps the page trailer written right under it', () => {
      const text = `${prefix}Ketamine acts fast.¹${refs(eol).replace(/\s+$/, '')}${eol}Share this article${eol}Previous${eol}`;
      const { after } = applyAndRelint(text, 'plaintext', 'unused-reference', /^Remove reference 2/);
      assert.ok(after.endsWith(`2017.${eol}Share this article${eol}Previous${eol}`), JSON.stringify(after.slice(-60)));
    });

    it('keeps a wrapped line that continues an entry in the entry', () => {
      const text = `${prefix}Ketamine acts fast.¹ It is rapid.²${eol}${eol}References${eol}${eol}1. Sanacora G. A Consensus Statement.${eol}JAMA Psychiatry. 2017.${eol}2. Andrade C. Ketamine for Depression.${eol}J Clin Psychiatry. 2017.${eol}`;
      const entries = lint(text, { kind: 'plaintext' }).article.references!.entries;
      assert.deepEqual(entries.map((e) => e.text), ['Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.', 'Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017.']);
    });

    it('adds a missing footnote definition', () => {
      const text = `${prefix}Ketamine acts fast.[^fast]${eol}`;
      const { after, fix } = applyAndRelint(text, 'markdown', 'unresolved-citation', /footnote definition/);
      assert.equal(after.slice(fix.cursor! - 9, fix.cursor), '[^fast]: ');
    });
  });
}

describe('ambiguous-citation fixes', () => {
  const list = Array.from({ length: 12 }, (_, i) => `${i + 1}. Author${i} A. Title ${i + 1}. J Med. 20${10 + i}.`).join('\n');
  // "Both.¹²" right after reference 1 is cited: order says 1 and 2, and 12 is possible. "Twelve.¹²"
  // after 1 to 11: read as 12, no doubt.
  const text = `Claim.¹ Both.¹² Claim.³ Claim.⁴ Claim.⁵ Claim.⁶ Claim.⁷ Claim.⁸ Claim.⁹ Claim.¹⁰ Claim.¹¹ Twelve.¹²\n\nReferences\n\n${list}\n`;
  it('reports only the run that order cannot settle', () => {
    const fs = lint(text, { kind: 'plaintext' }).findings.filter((x) => x.ruleId === 'ambiguous-citation');
    assert.deepEqual(fs.map((f) => f.start), [text.indexOf('¹²')]);
  });
  it('writes the digit reading with a comma', () => {
    const { after } = applyAndRelint(text, 'plaintext', 'ambiguous-citation', /^Cite 1 and 2/);
    assert.ok(after.includes('Both.¹,²'));
  });
  it('rewrites only the ambiguous run of a list, keeping the other numbers it cites (found by testing the server)', () => {
    const t = text.replace('Both.¹²', 'Both.¹⁰,¹²');
    const f = lint(t, { kind: 'plaintext' }).findings.find((x) => x.ruleId === 'ambiguous-citation')!;
    assert.match(f.message, /10, 1, 2 or 10, 12/);
    for (const fix of f.fixes!) assert.ok(/¹⁰/.test(fix.edits[0].newText), fix.edits[0].newText);
  });
  it('writes a backwards range from its lower number', () => {
    const t = 'A.[1-3] B.[6-4] C.[5]\n\n## References\n\n' + [1, 2, 3, 4, 5, 6].map((i) => `${i}. A${i} A. T ${i}. J. 200${i}.`).join('\n') + '\n';
    const { after } = applyAndRelint(t, 'markdown', 'ambiguous-citation', /^Write the range as 4 to 6/);
    assert.ok(after.startsWith('A.[1-3] B.[4-6] C.[5]'));
  });
  it('offers no fix that changes nothing', () => {
    const f = lint(text, { kind: 'plaintext' }).findings.find((x) => x.ruleId === 'ambiguous-citation')!;
    for (const fix of f.fixes!) assert.notEqual(fix.edits[0].newText, '¹²');
  });
});

describe('cite fixes only where asked (a code action at the cursor)', () => {
  const text = [
    'Ketamine',
    '',
    'Studies show ketamine eases depression within hours.',
    '',
    'Research has found that ketamine reduces suicidal thoughts.',
    '',
    'Ketamine is guaranteed to cure depression.',
    refs('\n'),
  ].join('\n');
  const cites = (f: Finding): number => (f.fixes ?? []).filter((x) => /^Cite /.test(x.title)).length;
  const claimsOf = (fs: Finding[]): Finding[] => fs.filter((f) => f.ruleId === 'missing-citation' || f.ruleId === 'unsupported-claim');

  it('a span gives the cite fixes of the findings touching it, and the same findings as without one', () => {
    const all = claimsOf(lint(text, { kind: 'plaintext' }).findings);
    assert.ok(all.filter((f) => f.ruleId === 'missing-citation' && cites(f) > 0).length >= 2, 'the evidence statements have cite fixes when all are wanted');
    assert.ok(all.some((f) => f.ruleId === 'unsupported-claim'), 'the claim is found');
    const second = all.filter((f) => cites(f) > 0)[1];
    const near = claimsOf(lint(text, { kind: 'plaintext', fixes: { start: second.start + 3, end: second.start + 3 } }).findings);
    assert.deepEqual(near.map((f) => [f.ruleId, f.start, f.end, f.message]), all.map((f) => [f.ruleId, f.start, f.end, f.message]));
    assert.deepEqual(near.map(cites), all.map((f) => (f === second ? cites(f) : 0)));
    assert.deepEqual(near[all.indexOf(second)].fixes, second.fixes, 'the finding at the cursor has the fixes it has when all are wanted');
  });

  it('no fixes wanted: no cite fixes at all', () => {
    assert.deepEqual(claimsOf(lint(text, { kind: 'plaintext', fixes: false }).findings).map(cites).filter((n) => n > 0), []);
  });
});
