import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../server/src/core/config';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import { findSuppressions, listSuppressions, suppressFix } from '../../server/src/core/suppression';
import type { DocumentKind, Finding } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures');
const read = (p: string): string => fs.readFileSync(path.join(FIX, p), 'utf8');
const kindOf = (p: string): DocumentKind => (p.endsWith('.md') ? 'markdown' : 'plaintext');
const run = (text: string, kind: DocumentKind, rules: Record<string, 'off' | 'warning'> = {}): Finding[] =>
  lint(text, { kind, config: { ...defaultConfig(), rules } }).findings;
const at = (text: string, f: Finding): string => text.slice(f.start, f.end);
const REFS = '\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';
const REFS2 = '\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n2. Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017.\n';
const PLAIN_REFS = '\n\nReferences\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';

describe('suppression comments', () => {
  it('silences findings in a paragraph, a list, a table, a region and a footnote (Markdown)', () => {
    const text = read('suppression/markdown.md');
    const fs1 = run(text, 'markdown');
    const unresolved = fs1.filter((f) => f.ruleId === 'unresolved-citation').map((f) => at(text, f));
    assert.deepEqual(unresolved, ['[5]', '[9]', '[11]']);
    assert.deepEqual(fs1.filter((f) => f.ruleId === 'unused-suppression' || f.ruleId === 'unknown-rule'), []);
  });

  it('silences findings in plain text (comments on a line of their own)', () => {
    const text = read('suppression/plain.txt');
    const fs1 = run(text, 'plaintext');
    assert.deepEqual(
      fs1.filter((f) => f.ruleId !== 'off-label-disclaimer').map((f) => `${f.ruleId} ${at(text, f)}`),
      ['unresolved-citation ⁵'],
    );
  });

  it('reads ids, reasons and where each comment applies', () => {
    const text = read('suppression/markdown.md');
    const list = listSuppressions(lint(text, { kind: 'markdown' }).article);
    assert.deepEqual(
      list.map((s) => [s.kind, s.rules.join(','), s.reason]),
      [
        ['disable-next-line', 'unresolved-citation', 'cited in the print edition'],
        ['disable-next-line', 'unresolved-citation', 'list of trials to come'],
        ['disable', 'unresolved-citation', 'table from the label'],
        ['enable', '', undefined],
        ['disable-next-line', 'unresolved-citation', 'footnote text to be checked'],
      ],
    );
    const s = findSuppressions(lint(text, { kind: 'markdown' }).article);
    // The list comment covers the whole list, its loose second paragraph included.
    assert.match(text.slice(s[1].applies.start, s[1].applies.end), /^- PTSD trials \[6\]\.\n- OCD trials \[7\]\.\n\n {2}A second paragraph of the item \[8\]\.$/);
    // The region ends at the enable comment.
    assert.ok(text.slice(s[2].applies.start, s[2].applies.end).includes('[10]'));
    assert.ok(!text.slice(s[2].applies.start, s[2].applies.end).includes('[11]'));
  });

  it('accepts several ids separated by commas or spaces, and no reason', () => {
    const text = '<!-- clinical-lint-disable-next-line unresolved-citation citation-order -->\nKetamine [4] then [2] and [1].' + REFS2;
    assert.deepEqual(run(text, 'markdown').map((f) => f.ruleId), []);
  });

  it('a disable comment without ids silences every rule until the end without an enable', () => {
    const text = 'Cited [1].\n\n<!-- clinical-lint-disable -->\n\nKetamine [4].\n\nAgain [5].' + REFS;
    assert.deepEqual(run(text, 'markdown').map((f) => f.ruleId), []);
  });

  it('an enable with an id re-enables only that rule', () => {
    const text = '<!-- clinical-lint-disable -->\n\nA [4].\n\n<!-- clinical-lint-enable unresolved-citation -->\n\nB [5].' + REFS;
    const fs1 = run(text, 'markdown');
    assert.deepEqual(fs1.map((f) => `${f.ruleId} ${at(text, f)}`), ['unresolved-citation [5]']);
  });

  it('does not silence a rule it does not name, nor the line after the next', () => {
    const text = '<!-- clinical-lint-disable-next-line citation-order -- reason -->\nKetamine [4].\n\nLater [5].' + REFS;
    const fs1 = run(text, 'markdown');
    assert.deepEqual(fs1.filter((f) => f.ruleId === 'unresolved-citation').map((f) => at(text, f)), ['[4]', '[5]']);
    assert.deepEqual(fs1.filter((f) => f.ruleId === 'unused-suppression').map((f) => at(text, f)), ['<!-- clinical-lint-disable-next-line citation-order -- reason -->']);
  });

  it('reports an unused suppression, with a fix that removes the comment line', () => {
    const text = 'Cited [1].\n\n<!-- clinical-lint-disable-next-line unresolved-citation -- old -->\nAll fine here.' + REFS;
    const fs1 = run(text, 'markdown');
    assert.deepEqual(fs1.map((f) => f.ruleId), ['unused-suppression']);
    assert.equal(fs1[0].severity, 'warning');
    const fixed = applyEdits(text, fs1[0].fixes![0].edits);
    assert.equal(fixed, 'Cited [1].\n\nAll fine here.' + REFS);
    assert.deepEqual(run(fixed, 'markdown'), []);
  });

  it('reports only the unused id of a comment that names two', () => {
    const text = '<!-- clinical-lint-disable-next-line unresolved-citation, citation-order -- r -->\nKetamine [4].\n\nCited [1].' + REFS;
    const fs1 = run(text, 'markdown');
    assert.deepEqual(fs1.map((f) => f.ruleId), ['unused-suppression']);
    assert.match(fs1[0].message, /"citation-order"/);
    const fixed = applyEdits(text, fs1[0].fixes![0].edits);
    assert.ok(fixed.startsWith('<!-- clinical-lint-disable-next-line unresolved-citation -- r -->\n'));
    assert.deepEqual(run(fixed, 'markdown'), []);
  });

  it('removes an unused first id without breaking the comment', () => {
    const text = '<!-- clinical-lint-disable-next-line citation-order unresolved-citation -- r -->\nKetamine [4].\n\nCited [1].' + REFS;
    const f = run(text, 'markdown');
    assert.deepEqual(f.map((x) => x.ruleId), ['unused-suppression']);
    const fixed = applyEdits(text, f[0].fixes![0].edits);
    assert.ok(fixed.startsWith('<!-- clinical-lint-disable-next-line unresolved-citation -- r -->\n'));
    assert.deepEqual(run(fixed, 'markdown'), []);
  });

  it('reports an unknown rule id on the id, with the nearest id as a fix', () => {
    const text = '<!-- clinical-lint-disable-next-line unresolved-citaton -- typo -->\nKetamine [4].\n\nCited [1].' + REFS;
    const fs1 = run(text, 'markdown');
    const unknown = fs1.find((f) => f.ruleId === 'unknown-rule')!;
    assert.equal(at(text, unknown), 'unresolved-citaton');
    assert.match(unknown.message, /did you mean "unresolved-citation"/);
    assert.ok(fs1.some((f) => f.ruleId === 'unresolved-citation'), 'a misspelt id suppresses nothing');
    const fixed = applyEdits(text, unknown.fixes![0].edits);
    assert.deepEqual(run(fixed, 'markdown'), []);
  });

  for (const [name, conv] of [
    ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')],
    ['emoji', (t: string) => t.replace(/Cited/g, 'Cited 🧪😀')],
    ['emoji CRLF', (t: string) => t.replace(/Cited/g, 'Cited 🧪😀').replace(/\n/g, '\r\n')],
  ] as const) {
    it(`the unused-suppression and unknown-rule fixes work in a ${name} document`, () => {
      const unused = conv('Cited [1].\n\n<!-- clinical-lint-disable-next-line unresolved-citation -- old -->\nAll fine here.' + REFS);
      const f1 = run(unused, 'markdown');
      assert.deepEqual(f1.map((f) => f.ruleId), ['unused-suppression']);
      const fixed1 = applyEdits(unused, f1[0].fixes![0].edits);
      assert.equal(fixed1, conv('Cited [1].\n\nAll fine here.' + REFS));
      assert.deepEqual(run(fixed1, 'markdown'), []);
      const partial = conv('Cited [1].\n\n<!-- clinical-lint-disable-next-line unresolved-citation, citation-order -- r -->\nKetamine [4].' + REFS);
      const f2 = run(partial, 'markdown');
      const fixed2 = applyEdits(partial, f2[0].fixes![0].edits);
      assert.equal(fixed2, partial.replace(', citation-order', ''));
      assert.deepEqual(run(fixed2, 'markdown'), []);
      const typo = conv('Cited [1].\n\n<!-- clinical-lint-disable-next-line unresolved-citaton -- typo -->\nKetamine [4].' + REFS);
      const f3 = run(typo, 'markdown').find((f) => f.ruleId === 'unknown-rule')!;
      const fixed3 = applyEdits(typo, f3.fixes![0].edits);
      assert.equal(fixed3, typo.replace('citaton', 'citation'));
      assert.deepEqual(run(fixed3, 'markdown'), []);
    });
  }

  it('makes unused-suppression and unknown-rule configurable', () => {
    const text = '<!-- clinical-lint-disable-next-line nope -- r -->\nFine.\n\n<!-- clinical-lint-disable-next-line unresolved-citation -- r -->\nFine.';
    assert.deepEqual(run(text, 'markdown').map((f) => f.ruleId).sort(), ['unknown-rule', 'unused-suppression']);
    assert.deepEqual(run(text, 'markdown', { 'unknown-rule': 'off', 'unused-suppression': 'off' }), []);
    const errs = lint(text, { kind: 'markdown', config: { ...defaultConfig(), rules: { 'unknown-rule': 'error' } } }).findings;
    assert.equal(errs.find((f) => f.ruleId === 'unknown-rule')!.severity, 'error');
  });

  it('does not report a suppression of a rule that is turned off as unused', () => {
    const text = '<!-- clinical-lint-disable-next-line unresolved-citation -- r -->\nKetamine [4].' + REFS;
    assert.deepEqual(run(text, 'markdown', { 'unresolved-citation': 'off', 'unused-reference': 'off' }), []);
  });

  it('ignores directives inside code and in plain text when not on a line of their own', () => {
    const md = '```\n<!-- clinical-lint-disable -->\n```\n\nKetamine [4].' + REFS;
    assert.ok(run(md, 'markdown').some((f) => f.ruleId === 'unresolved-citation'));
    const txt = 'Ketamine [4]. <!-- clinical-lint-disable -->\n\nMore [5].' + PLAIN_REFS;
    assert.equal(run(txt, 'plaintext').filter((f) => f.ruleId === 'unresolved-citation').length, 2);
  });
});

/**
 * Applies the suppression quick fix of one finding and lints again: that finding is gone, no
 * unused or unknown suppression appears, the text differs only by the inserted comment line, and
 * every other finding is still there (unless it is of the same rule in the same block).
 */
function checkSuppressFix(text: string, kind: DocumentKind, f: Finding): void {
  const before = lint(text, { kind });
  const fix = suppressFix(before.article, f);
  if (!fix) {
    // Only a finding in front matter has none (a comment would break the YAML).
    assert.ok(kind === 'markdown' && text.startsWith('---') && f.start < text.indexOf('\n---', 3) + 4, `${f.ruleId}: a suppression fix`);
    return;
  }
  assert.equal(fix.edits.length, 1);
  const e = fix.edits[0];
  const after = applyEdits(text, fix.edits);
  const shift = e.newText.length - (e.end - e.start);
  // Only text was added, at one place.
  assert.equal(after.slice(0, e.start) + after.slice(e.start + e.newText.length), text);
  if (e.start === e.end && e.newText.startsWith(text.slice(e.start, e.start).trimStart())) {
    const lineStart = Math.max(text.lastIndexOf('\n', e.start - 1), text.lastIndexOf('\r', e.start - 1)) + 1;
    assert.equal(lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart, e.start, 'a comment is inserted at the start of a line (after a byte-order mark)');
  }
  const res = lint(after, { kind }).findings;
  const moved = (x: Finding): string => `${x.ruleId}@${x.start >= e.start ? x.start + shift : x.start}:${x.message}`;
  const key = (x: Finding): string => `${x.ruleId}@${x.start}:${x.message}`;
  const afterKeys = new Set(res.map(key));
  assert.ok(!afterKeys.has(moved(f)), `the ${f.ruleId} finding is gone`);
  assert.deepEqual(res.filter((x) => x.ruleId === 'unused-suppression' || x.ruleId === 'unknown-rule').map((x) => x.message), []);
  const beforeKeys = new Set(before.findings.map(moved));
  for (const k of afterKeys) assert.ok(beforeKeys.has(k), `no new finding: ${k}`);
  for (const x of before.findings) if (!afterKeys.has(moved(x))) assert.equal(x.ruleId, f.ruleId, `only ${f.ruleId} findings are silenced`);
  // The block structure is the same: a comment never ends a list or a table.
  const kinds = (t: string): string[] => lint(t, { kind }).article.blocks.map((b) => b.kind);
  assert.deepEqual(kinds(after), kinds(text));
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  assert.ok(e.newText === '' || e.newText.startsWith(', ') || e.newText.endsWith(eol), 'the document line ending is kept');
}

describe('suppression: the examples of docs/suppression.md', () => {
  it('each comment of the example silences a finding that is there without it', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'suppression.md'), 'utf8');
    const example = /```markdown\n([\s\S]*?)```/.exec(doc)![1];
    assert.match(example, /clinical-lint-disable-next-line/);
    // In an article that cites (the rules need a reference list to work with).
    const text = `Ketamine acts on NMDA receptors.[1]\n\n${example}${REFS}`;
    const findings = lint(text, { kind: 'markdown' }).findings;
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    const bare = text.replace(/<!--.*-->\n/g, '');
    const silenced = lint(bare, { kind: 'markdown' }).findings.map((f) => f.ruleId).sort();
    assert.deepEqual(silenced, ['missing-citation', 'unresolved-citation']);
  });
});

describe('suppression quick fix', () => {
  const docs: [string, string][] = [
    ['sample.txt', read('sample.txt')],
    ...fs.readdirSync(path.join(FIX, 'citations')).map((n): [string, string] => [`citations/${n}`, read(`citations/${n}`).replace(/^%%.*(\r?\n|$)/gm, '')]),
    ...fs.readdirSync(path.join(ROOT, 'test', 'eval', 'articles')).map((n): [string, string] => [n, fs.readFileSync(path.join(ROOT, 'test', 'eval', 'articles', n), 'utf8')]),
  ];
  for (const [name, text] of docs) {
    it(`silences each finding of ${name} and nothing else`, () => {
      const kind = kindOf(name);
      const findings = lint(text, { kind }).findings;
      for (const f of findings) checkSuppressFix(text, kind, f);
    });
  }

  it('goes above a Markdown list or table, with the first line\'s indentation', () => {
    const text = 'Intro.\n\n- one [1]\n- two [4]\n\n| a | b |\n| - | - |\n| x | y [5] |' + REFS;
    const a = lint(text, { kind: 'markdown' });
    const [f4, f5] = a.findings.filter((f) => f.ruleId === 'unresolved-citation');
    const e4 = suppressFix(a.article, f4)!.edits[0];
    assert.equal(e4.start, text.indexOf('- one'));
    assert.equal(e4.newText, '<!-- clinical-lint-disable-next-line unresolved-citation -- reason -->\n');
    assert.equal(suppressFix(a.article, f5)!.edits[0].start, text.indexOf('| a |'));
    checkSuppressFix(text, 'markdown', f4);
    checkSuppressFix(text, 'markdown', f5);
    const ind = 'Intro.\n\n  • one [4]\n\n  • two [1]' + PLAIN_REFS;
    const p = lint(ind, { kind: 'plaintext' });
    const fi = p.findings.find((f) => f.ruleId === 'unresolved-citation')!;
    const fix = suppressFix(p.article, fi)!;
    assert.equal(fix.edits[0].newText, '  <!-- clinical-lint-disable-next-line unresolved-citation -- reason -->\n');
    assert.equal(applyEdits(ind, fix.edits).slice(fix.cursor!, fix.cursor! + 6), 'reason', 'the cursor lands on the reason');
  });

  it('adds the id to a next-line comment directly above', () => {
    const text = '<!-- clinical-lint-disable-next-line citation-order -- layout -->\nKetamine [4] then [2] and [1].' + REFS2;
    const a = lint(text, { kind: 'markdown' });
    const f = a.findings.find((x) => x.ruleId === 'unresolved-citation')!;
    const fixed = applyEdits(text, suppressFix(a.article, f)!.edits);
    assert.ok(fixed.startsWith('<!-- clinical-lint-disable-next-line citation-order, unresolved-citation -- layout -->\n'));
    assert.deepEqual(run(fixed, 'markdown'), []);
  });

  it('keeps CRLF line endings and works after emoji', () => {
    const lf = 'Ketamine 🧪 acts fast 😀 [4].\n\n- one 🧠 [5]\n- two [1]' + REFS;
    for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
      const a = lint(text, { kind: 'markdown' });
      const fsU = a.findings.filter((f) => f.ruleId === 'unresolved-citation');
      assert.equal(fsU.length, 2);
      for (const f of fsU) checkSuppressFix(text, 'markdown', f);
      const e = suppressFix(a.article, fsU[0])!.edits[0];
      assert.ok(e.newText.endsWith(text.includes('\r\n') ? '-->\r\n' : '-->\n'));
    }
    const txt = 'Ketamine 🧪 acts fast.⁴\r\n\r\n  • one 😀 [1]' + PLAIN_REFS.replace(/\n/g, '\r\n');
    for (const f of lint(txt, { kind: 'plaintext' }).findings) checkSuppressFix(txt, 'plaintext', f);
  });

  it('goes after a byte-order mark, which stays the first character', () => {
    for (const [kind, text] of [
      ['markdown', '\ufeffKetamine acts fast [4].' + REFS],
      ['plaintext', '\ufeffKetamine acts fast.⁴\r\n\r\nIt works.¹' + PLAIN_REFS.replace(/\n/g, '\r\n')],
    ] as const) {
      const a = lint(text, { kind });
      const f = a.findings.find((x) => x.ruleId === 'unresolved-citation')!;
      const fix = suppressFix(a.article, f)!;
      assert.equal(fix.edits[0].start, 1, kind);
      const after = applyEdits(text, fix.edits);
      assert.ok(after.startsWith('\ufeff<!-- clinical-lint-disable-next-line unresolved-citation'), JSON.stringify(after.slice(0, 40)));
      checkSuppressFix(text, kind, f);
    }
  });

  it('offers no suppression for a finding in front matter (a comment there broke the YAML and suppressed nothing)', () => {
    const text = '---\ntitle: T\nbibliography: refs.bib\n---\n\nKetamine helps [@smith2020].\n';
    // The bibliography the front matter names cannot be read: reported on its line.
    const a = lint(text, { kind: 'markdown', bibliography: () => { throw new Error('ENOENT: no such file'); } });
    const inYaml = a.findings.filter((f) => f.start < text.indexOf('\n---\n', 3));
    assert.ok(inYaml.length > 0, 'a finding in the front matter');
    for (const f of inYaml) assert.equal(suppressFix(a.article, f), undefined);
  });

  it('never puts a comment above Markdown front matter', () => {
    const text = '---\ntitle: T\n---\nKetamine [4].' + REFS;
    const a = lint(text, { kind: 'markdown' });
    const f = a.findings.find((x) => x.ruleId === 'unresolved-citation')!;
    assert.equal(suppressFix(a.article, f)!.edits[0].start, text.indexOf('Ketamine'));
    checkSuppressFix(text, 'markdown', f);
  });
});
