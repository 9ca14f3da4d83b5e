// Inserting citation markers: the document's own style, the AMA position, merging with an
// adjacent marker, and "Add a new reference".
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint';
import { parseArticle } from '../../server/src/core/article/parse';
import { entryAnchors } from '../../server/src/core/article/format';
import { REFERENCE_STUB, addReferenceFix, citeEdit, insertCitationFix, styleProfile } from '../../server/src/core/features/cite';
import { renumber } from '../../server/src/core/features/renumber';
import type { DocumentKind, Fix } from '../../server/src/core/types';
import { SAMPLE, applyEdits, assertOnlyEditsChanged } from './claims-helpers';

function cite(text: string, needle: string, numbers: number[], kind: DocumentKind = 'plaintext', label?: string): string {
  const article = parseArticle(text, kind);
  const s = article.sentences.find((x) => text.slice(x.start, x.end).includes(needle));
  assert.ok(s, needle);
  return applyEdits(text, [citeEdit(article, s, numbers, label)]);
}

const REFS = '\n\nReferences\n\n1. A B. One. J. 2020.\n2. C D. Two. J. 2021.\n3. E F. Three. J. 2022.\n4. G H. Four. J. 2023.\n';

describe('cite: marker style and position', () => {
  it('detects the style the document uses most', () => {
    assert.equal(styleProfile(parseArticle(SAMPLE, 'plaintext')).style, 'superscript');
    assert.equal(styleProfile(parseArticle(`T\n\nA is true [1]. B is true [2].${REFS}`, 'markdown')).style, 'bracket');
    assert.equal(styleProfile(parseArticle('# T\n\nA is true.[^1]\n\n[^1]: A B. One. J. 2020.\n', 'markdown')).style, 'footnote');
    assert.equal(styleProfile(parseArticle(`# T\n\nA is true.<sup>1</sup>${REFS}`, 'markdown')).style, 'html-sup');
  });

  it('puts a superscript after the period (AMA)', () => {
    const text = `T\n\nA is true.¹ Studies show B.${REFS}`;
    assert.ok(cite(text, 'Studies show B', [2]).includes('Studies show B.²\n'));
  });

  it('puts a marker before a colon', () => {
    const text = `T\n\nA is true.¹ Trials show three effects:\n\n  • one${REFS}`;
    assert.ok(cite(text, 'Trials show', [2]).includes('three effects²:'));
  });

  it('merges with an adjacent marker: a range for three or more consecutive numbers', () => {
    const text = `T\n\nA is true.¹² B is true.${REFS}`;
    assert.ok(cite(text, 'A is true', [3]).includes('A is true.¹⁻³ B'));
  });

  it('merges with an adjacent marker: a comma list otherwise', () => {
    const text = `T\n\nA is true.¹ B is true.${REFS}`;
    assert.ok(cite(text, 'A is true', [3]).includes('A is true.¹,³ B'));
  });

  it('keeps a bracket document’s convention: a space and the marker before the period', () => {
    const text = `# T\n\nA is true [1]. B is true [2]. Studies show C.\n\n## References\n\n1. A B. One. J. 2020.\n2. C D. Two. J. 2021.\n3. E F. Three. J. 2022.\n`;
    assert.ok(cite(text, 'Studies show C', [3], 'markdown').includes('Studies show C [3].'));
    assert.ok(cite(text, 'A is true', [2, 3], 'markdown').includes('A is true [1-3].'));
  });

  it('writes HTML superscripts in an HTML-superscript document', () => {
    const text = `# T\n\nA is true.<sup>1</sup> Studies show B.${REFS}`;
    assert.ok(cite(text, 'Studies show B', [2], 'markdown').includes('Studies show B.<sup>2</sup>'));
    assert.ok(cite(text, 'A is true', [2], 'markdown').includes('A is true.<sup>1,2</sup>'));
  });

  it('writes a footnote by label in a footnote document', () => {
    const text = '# T\n\nA is true.[^kwan] Studies show B.\n\n[^kwan]: Kwan ATH. Ketamine. CNS Spectr. 2024.\n[^guide]: APA. Guideline. 2017.\n';
    assert.ok(cite(text, 'Studies show B', [], 'markdown', 'guide').includes('Studies show B.[^guide]'));
  });

  it('counts offsets in UTF-16 code units next to emoji', () => {
    const text = `T\n\n🧠 A is true.¹ 😔 Studies show B.${REFS}`;
    assert.ok(cite(text, 'Studies show B', [2]).includes('😔 Studies show B.²\n'));
  });
});

describe('cite: parenthesised citations', () => {
  /** Cites, checks that the new marker is read as one citing `numbers`, and returns the text. */
  const citeRead = (text: string, needle: string, numbers: number[], kind: DocumentKind = 'plaintext'): string => {
    const after = cite(text, needle, numbers, kind);
    const a = parseArticle(after, kind);
    const s = a.sentences.find((x) => after.slice(x.start, x.end).includes(needle))!;
    assert.ok(s.markers.some((m) => numbers.every((n) => m.numbers.includes(n))), `the new marker is read: ${after}`);
    return after;
  };

  it('detects the style', () => {
    assert.equal(styleProfile(parseArticle(`T\n\nA is true (1). B is true (2).${REFS}`, 'plaintext')).style, 'paren');
  });

  it('writes "(n)" with a space, before the period, in plain text and Markdown', () => {
    const text = `T\n\nA is true (1). Studies show a benefit. B is true (2).${REFS}`;
    assert.ok(citeRead(text, 'Studies show a benefit', [3]).includes('Studies show a benefit (3). B'));
    assert.ok(citeRead(`# T\n\nA is **true** (1). Studies show _a benefit_. B is true (2).${REFS.replace('References', '## References')}`, 'Studies show', [3], 'markdown').includes('Studies show _a benefit_ (3). B'));
  });

  it('in a document that puts them after the period, after it only at the end of a line, else before it', () => {
    const text = `T\n\nA is true. (1)\n\nB is true. (2)\n\nStudies show a benefit.\n\nStudies show a harm. More follows.${REFS}`;
    assert.ok(citeRead(text, 'Studies show a benefit', [3]).includes('Studies show a benefit. (3)\n'));
    assert.ok(citeRead(text, 'Studies show a harm', [3]).includes('Studies show a harm (3). More follows.'));
  });

  it('merges with an adjacent marker in its separators', () => {
    const text = `T\n\nA is true (1). Both are true (2, 4).${REFS}`;
    assert.ok(citeRead(text, 'A is true', [3]).includes('A is true (1, 3). Both'));
    assert.ok(citeRead(text, 'Both are true', [3]).includes('Both are true (2-4).'));
    const tight = `T\n\nA is true (1,2). B is true (2).${REFS}`;
    assert.ok(citeRead(tight, 'A is true', [4]).includes('A is true (1,2,4). B'));
  });

  it('in brackets where a parenthesised number would not be read as a citation (after "scale"; in an enumeration)', () => {
    const text = `T\n\nA is true (1). Pain is rated on a scale. B is true (2).${REFS}`;
    assert.ok(citeRead(text, 'Pain is rated', [3]).includes('on a scale [3]. B'));
    const listed = `T\n\nA is true (1). Studies show you should (1) wash and (2) dry. B is true (2).${REFS}`;
    assert.ok(citeRead(listed, 'Studies show you', [3]).includes('(2) dry (3). B'), 'a marker that closes the sentence is read there');
  });

  it('offsets are UTF-16 code units next to emoji, line ends kept (CRLF)', () => {
    const text = `T\r\n\r\n🧠 A is true (1). 😔 Studies show a benefit.\r\n${REFS.replace(/\n/g, '\r\n')}`;
    assert.ok(citeRead(text, 'Studies show a benefit', [2]).includes('😔 Studies show a benefit (2).\r\n'));
  });
});

describe('cite: add a new reference', () => {
  const add = (text: string, needle: string, kind: DocumentKind = 'plaintext') => {
    const article = parseArticle(text, kind);
    const s = article.sentences.find((x) => text.slice(x.start, x.end).includes(needle))!;
    const fix = addReferenceFix(article, s)!;
    const after = applyEdits(text, fix.edits);
    assert.ok(fix.cursor !== undefined && after.slice(fix.cursor).startsWith(REFERENCE_STUB), 'the cursor is on the stub');
    return { fix, after };
  };

  it('cites the next number and appends a stub in the list’s own layout (the sample)', () => {
    const { fix, after } = add(SAMPLE, 'has been found');
    assert.equal(fix.title, 'Add a new reference 10');
    assert.ok(after.includes('anti-suicidal effects.¹⁰'));
    assert.ok(after.includes(`Ketamine in Clinical Practice. CNS Spectrums. 2025.\n\n  10. ${REFERENCE_STUB}\n\nPrevious`));
  });

  it('numbers the new entry like a list numbered in superscript digits', () => {
    const text = 'Studies show A. It is rapid.¹ Benefits fade.²\n\nReferences\n\n¹ Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n² Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017.\n';
    const { fix, after } = add(text, 'Studies show A');
    assert.equal(fix.title, 'Add a new reference 3');
    assert.ok(after.includes(`J Clin Psychiatry. 2017.\n³ ${REFERENCE_STUB}`), JSON.stringify(after.slice(-80)));
    assert.deepEqual(lint(after, { kind: 'plaintext' }).findings.filter((f) => /unresolved|unused/.test(f.ruleId)), []);
  });

  it('a list with no heading stays the reference list with the stub under it (its markers all went unresolved)', () => {
    for (const [kind, text] of [
      ['plaintext', 'Cold water swimming\n\nCold showers reduced sick days by 29% in one trial [1]. Swimmers reported better mood [2]. Studies show that 80% of swimmers sleep better.\n\n[1] Buijze GA, Sierevelt IN. The effect of cold showering on health and work. PLoS One. 2016;11(9):e0161749.\n[2] Massey H, Kandala N, Davis C. Mood and well-being of novice open water swimmers. Lifestyle Med. 2020;1(2):e12.\n'],
      ['plaintext', 'Cold water swimming\n\nCold showers reduced sick days by 29% in one trial.¹ Swimmers reported better mood.² Studies show that 80% of swimmers sleep better.\n\n¹ Buijze GA, Sierevelt IN. The effect of cold showering on health and work. PLoS One. 2016;11(9):e0161749.\n² Massey H, Kandala N, Davis C. Mood and well-being of novice open water swimmers. Lifestyle Med. 2020;1(2):e12.\n'],
    ] as const) {
      const before = lint(text, { kind }).findings.map((f) => f.ruleId);
      const { fix, after } = add(text, 'Studies show that', kind);
      assert.equal(fix.title, 'Add a new reference 3');
      const again = lint(after, { kind });
      assert.equal(again.article.references?.entries.length, 3, JSON.stringify(after.slice(-90)));
      assert.deepEqual(again.findings.map((f) => f.ruleId), before.filter((id) => id !== 'missing-citation'));
    }
    // The stub alone is no reference list.
    assert.equal(parseArticle(`Title\n\nSome text.\n\n1. ${REFERENCE_STUB}\n`, 'plaintext').references, undefined);
  });

  it('keeps CRLF line ends', () => {
    const { after } = add(SAMPLE.replace(/\n/g, '\r\n'), 'has been found');
    assert.ok(after.includes(`CNS Spectrums. 2025.\r\n\r\n  10. ${REFERENCE_STUB}\r\n`));
  });

  it('keeps CR-only line ends, with the blank line between entries (it was left out)', () => {
    const { after } = add(SAMPLE.replace(/\n/g, '\r'), 'has been found');
    assert.ok(after.includes(`CNS Spectrums. 2025.\r\r  10. ${REFERENCE_STUB}\r`), JSON.stringify(after.slice(after.indexOf('CNS Spectrums. 2025.'), after.indexOf('CNS Spectrums. 2025.') + 40)));
  });

  it('appends a footnote definition in a footnote document', () => {
    const { fix, after } = add('# T\n\nA is true.[^1] Studies show B.\n\n[^1]: A B. One. J. 2020.\n', 'Studies show B', 'markdown');
    assert.equal(fix.title, 'Add a new reference [^2]');
    assert.ok(after.includes('Studies show B.[^2]'));
    assert.ok(after.includes(`[^1]: A B. One. J. 2020.\n[^2]: ${REFERENCE_STUB}`));
  });

  it('starts a reference list when there is none', () => {
    const { after } = add('Ketamine\n\nStudies show it works fast.\n', 'Studies show');
    assert.equal(after, `Ketamine\n\nStudies show it works fast.¹\n\nReferences\n\n1. ${REFERENCE_STUB}\n`);
    const md = add('# Ketamine\n\nStudies show it works fast.\n', 'Studies show', 'markdown').after;
    assert.equal(md, `# Ketamine\n\nStudies show it works fast.[1]\n\n## References\n\n1. ${REFERENCE_STUB}\n`);
  });
});

describe('cite: merging into a <sup> whose numbers are links', () => {
  const ENTRIES = [
    'Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017;74(4):399-405.',
    'Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017;78(7):e852-e857.',
    'Naughton M. A Review of Ketamine. J Affect Disord. 2014;156:24-35.',
  ];
  /** An article whose first sentence ends with `marker`, over an HTML list whose items carry `id="ref-n"` (or a Markdown list without anchors). */
  const article = (marker: string, anchors = true): string =>
    [
      '# Ketamine',
      '',
      `Ketamine acts on glutamate receptors.${marker} It is given by infusion.`,
      '',
      '## References',
      '',
      ...(anchors ? ['<ol>', ...ENTRIES.map((e, i) => `<li id="ref-${i + 1}">${e}</li>`), '</ol>'] : ENTRIES.map((e, i) => `${i + 1}. ${e}`)),
      '',
    ].join('\n');
  const citationFindings = (text: string) => lint(text, { kind: 'markdown' }).findings.filter((f) => /citation|reference/.test(f.ruleId));

  /**
   * Cites reference `n` for the first sentence as "Insert citation..." does, checks that the
   * uncited reference's finding goes and no other citation finding comes, and returns the text.
   */
  function insert(text: string, n: number): string {
    const before = lint(text, { kind: 'markdown' });
    const unused = before.findings.filter((f) => f.ruleId === 'unused-reference');
    assert.ok(unused.some((f) => text.slice(f.start, f.end).includes(ENTRIES[n - 1].slice(0, 20))), `reference ${n} is reported unused first`);
    const s = before.article.sentences.find((x) => x.text.startsWith('Ketamine acts'))!;
    const ref = before.article.references!.entries.find((e) => e.number === n)!;
    const after = applyEdits(text, insertCitationFix(before.article, s, ref).edits);
    const left = citationFindings(after);
    assert.ok(!left.some((f) => f.ruleId === 'unused-reference' && after.slice(f.start, f.end).includes(ENTRIES[n - 1].slice(0, 20))), 'the finding is gone');
    assert.deepEqual(left.filter((f) => f.ruleId !== 'unused-reference'), [], 'no other citation finding');
    return after;
  }

  /** The one marker of the first sentence, as the article reads it again. */
  const markerOf = (text: string) => {
    const markers = parseArticle(text, 'markdown').markers;
    assert.equal(markers.length, 1, JSON.stringify(markers.map((m) => m.raw)));
    return { style: markers[0].style, raw: markers[0].raw, numbers: markers[0].numbers };
  };

  it('a Markdown link to the entry\'s anchor: the new number links to its own entry\'s anchor, and nothing else changes', () => {
    const text = article('<sup>[1](#ref-1)</sup>');
    const after = insert(text, 2);
    assert.equal(after, text.replace('<sup>[1](#ref-1)</sup>', '<sup>[1](#ref-1),[2](#ref-2)</sup>'));
    assert.deepEqual(markerOf(after), { style: 'html-sup', raw: '<sup>[1](#ref-1),[2](#ref-2)</sup>', numbers: [1, 2] });
  });

  it('an HTML link: the new number in its place, a link like the other without its id, the tag\'s attributes kept', () => {
    const text = article('<sup class="cite"><a href="#ref-2" id="cite-2" class="fn">2</a></sup>');
    const after = insert(text, 1);
    const merged = '<sup class="cite"><a href="#ref-1" class="fn">1</a>,<a href="#ref-2" id="cite-2" class="fn">2</a></sup>';
    assert.equal(after, text.replace(/<sup class="cite">.*?<\/sup>/, merged));
    assert.deepEqual(markerOf(after), { style: 'html-sup', raw: merged, numbers: [1, 2] });
  });

  it('between two links, with their separator', () => {
    const text = article('<sup>[1](#ref-1), [3](#ref-3)</sup>');
    const after = insert(text, 2);
    assert.equal(after, text.replace('<sup>[1](#ref-1), [3](#ref-3)</sup>', '<sup>[1](#ref-1), [2](#ref-2), [3](#ref-3)</sup>'));
    assert.deepEqual(markerOf(after).numbers, [1, 2, 3]);
  });

  it('anchors a Markdown list\'s entries carry, {#ref-n}, an empty <a id> or <A NAME>, an <a ID> around the text: the new number links to its entry\'s', () => {
    for (const [anchor, entry] of [
      ['{#ref-n}', (e: string, i: number) => `${i + 1}. ${e} {#ref-${i + 1}}`],
      ['[]{#ref-n .ref}', (e: string, i: number) => `${i + 1}. []{#ref-${i + 1} .ref}${e}`],
      ['<a id>', (e: string, i: number) => `${i + 1}. <a id="ref-${i + 1}"></a>${e}`],
      ['<A NAME>', (e: string, i: number) => `${i + 1}. <A NAME="ref-${i + 1}"></A>${e}`],
      ['<a ID> around the text', (e: string, i: number) => `${i + 1}. <a ID="ref-${i + 1}">${e}</a>`],
    ] as const) {
      const text = article('<sup>[1](#ref-1)</sup>', false).replace(/^\d\. .*$/gm, (line) => entry(line.slice(3), Number(line[0]) - 1));
      const after = insert(text, 2);
      assert.equal(after, text.replace('<sup>[1](#ref-1)</sup>', '<sup>[1](#ref-1),[2](#ref-2)</sup>'), anchor);
    }
  });

  it('links that point at no entry\'s anchor: the new number plain, inside the same <sup>, the link kept', () => {
    for (const [marker, merged] of [
      ['<sup>[1](#ref-1)</sup>', '<sup>[1](#ref-1),2</sup>'],
      ['<sup><a href="https://doi.org/10.1001/jamapsychiatry.2017.0080">1</a></sup>', '<sup><a href="https://doi.org/10.1001/jamapsychiatry.2017.0080">1</a>,2</sup>'],
    ]) {
      const text = article(marker, false);
      const after = insert(text, 2);
      assert.equal(after, text.replace(marker, merged));
      assert.deepEqual(markerOf(after), { style: 'html-sup', raw: merged, numbers: [1, 2] });
    }
  });

  it('renumbering rewrites each number of such a marker where it stands, links kept', () => {
    const text = article('<sup>[2](#ref-2),3</sup>', false).replace('infusion.', 'infusion.<sup>[1](#ref-1)</sup>');
    const r = renumber(parseArticle(text, 'markdown'));
    assert.ok(!('error' in r), JSON.stringify(r));
    const after = applyEdits(text, r.edits);
    assert.ok(after.includes('receptors.<sup>[1](#ref-2),2</sup> It is given by infusion.<sup>[3](#ref-1)</sup>'), after);
  });
});

describe('cite: a new marker on its own in a document whose <sup> numbers link to their entries', () => {
  const ENTRIES = [
    'Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017;74(4):399-405.',
    'Naughton M. A Review of Ketamine. J Affect Disord. 2014;156:24-35.',
    'Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017;78(7):e852-e857.',
  ];
  interface Form {
    name: string;
    /** An existing marker citing `n`, and a new one as the document writes it. */
    cite: (n: number) => string;
    fresh: (n: number) => string;
    /** The reference list, and a new entry `n` as the fix appends it (after the list's last entry). */
    list: string[];
    stub: (n: number) => string;
  }
  const FORMS: Form[] = [
    {
      name: 'Markdown links over <li id>',
      cite: (n) => `<sup>[${n}](#ref-${n})</sup>`,
      fresh: (n) => `<sup>[${n}](#ref-${n})</sup>`,
      list: ['<ol>', ...ENTRIES.map((e, i) => `<li id="ref-${i + 1}">${e}</li>`), '</ol>'],
      stub: (n) => `\n<li id="ref-${n}">${REFERENCE_STUB}</li>`,
    },
    {
      name: '<a href> links over <a id>',
      cite: (n) => `<sup class="cite" id="cite-${n}"><a href="#ref-${n}" id="back-${n}">${n}</a></sup>`,
      fresh: (n) => `<sup class="cite"><a href="#ref-${n}">${n}</a></sup>`,
      list: ENTRIES.map((e, i) => `${i + 1}. <a id="ref-${i + 1}"></a>${e}`),
      stub: (n) => `\n${n}. <a id="ref-${n}"></a>${REFERENCE_STUB}`,
    },
    {
      name: 'Markdown links over {#ref-n}',
      cite: (n) => `<sup>[${n}](#ref-${n})</sup>`,
      fresh: (n) => `<sup>[${n}](#ref-${n})</sup>`,
      list: ENTRIES.map((e, i) => `${i + 1}. ${e} {#ref-${i + 1}}`),
      stub: (n) => `\n${n}. ${REFERENCE_STUB} {#ref-${n}}`,
    },
  ];
  const SENTENCE = '😔 A review of ketamine trials found that most patients respond within a day.';
  /** Cites 1 and `last`, with an uncited sentence between them (an emoji before it), over the form's list. */
  const article = (form: Form, last = 3): string =>
    ['# Ketamine 🧠', '', `Ketamine acts on glutamate receptors.${form.cite(1)}`, '', SENTENCE, '', `Its antidepressant effect fades within a week.${form.cite(last)}`, '', '## References', '', ...form.list, ''].join('\n');
  const variants = (text: string): [string, string][] => [
    ['LF', text],
    ['CRLF', text.replace(/\n/g, '\r\n')],
  ];
  const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');
  const citationFindings = (text: string) => lint(text, { kind: 'markdown' }).findings.filter((f) => /citation|reference/.test(f.ruleId));

  /** The new marker after the sentence, as the article reads it again: numbers, and its link's target an anchor of the entry it cites. */
  function assertLinked(after: string, marker: string, n: number): void {
    const a = parseArticle(after, 'markdown');
    const m = a.markers.find((x) => after.slice(0, x.start).endsWith('respond within a day.'));
    assert.ok(m, 'the new marker is read');
    assert.equal(m.raw, marker);
    assert.deepEqual(m.numbers, [n]);
    const target = /href="#([^"]+)"|\]\(#([^)]+)\)/.exec(m.raw)!;
    const entry = a.references!.entries.find((e) => e.number === n)!;
    assert.ok(entry, `entry ${n} is read`);
    assert.ok(entryAnchors(after, entry).includes(target[1] ?? target[2]), `#${target[1] ?? target[2]} is an anchor of entry ${n}`);
  }

  /** Applies a fix, checks that only its edits changed the text and that no citation finding is left; returns the text. */
  function apply(text: string, fix: Fix): string {
    const after = applyEdits(text, fix.edits);
    assertOnlyEditsChanged(text, after, fix.edits);
    assert.deepEqual(citationFindings(after).map((f) => `${f.ruleId}: ${after.slice(f.start, f.end)}`), [], 'no citation finding is left');
    return after;
  }

  const missing = (text: string) => {
    const result = lint(text, { kind: 'markdown' });
    const f = result.findings.find((x) => x.ruleId === 'missing-citation' && text.slice(x.start, x.end).includes('A review of ketamine'));
    assert.ok(f, 'the sentence is reported');
    return { result, f };
  };

  it('the cite quick fix and "Insert citation..." write the new marker linked like the others, to its entry\'s anchor', () => {
    for (const form of FORMS) {
      for (const [eol, text] of variants(article(form))) {
        const label = `${form.name} (${eol})`;
        const { result, f } = missing(text);
        const expected = text.replace('respond within a day.', `respond within a day.${form.fresh(2)}`);
        const quick = f.fixes!.find((x) => x.title.startsWith('Cite 2'))!;
        assert.ok(quick, `${label}: ${f.fixes!.map((x) => x.title).join(' | ')}`);
        assert.equal(apply(text, quick), expected, label);
        const s = result.article.sentences.find((x) => x.text.includes('A review of ketamine'))!;
        const command = insertCitationFix(result.article, s, result.article.references!.entries[1]);
        const after = apply(text, command);
        assert.equal(after, expected, label);
        assert.deepEqual(lint(after, { kind: 'markdown' }).findings.filter((x) => x.ruleId === 'missing-citation'), [], `${label}: the finding is gone`);
        assertLinked(after, form.fresh(2), 2);
      }
    }
  });

  it('"Add a new reference": the stub takes the next anchor of the list\'s pattern and the marker links to it; without a pattern, or with that anchor taken, neither', () => {
    for (const form of FORMS) {
      for (const [eol, text] of variants(article(form, 2))) {
        const label = `${form.name} (${eol})`;
        const { f } = missing(text);
        const fix = f.fixes!.find((x) => x.title === 'Add a new reference 4')!;
        assert.ok(fix, `${label}: ${f.fixes!.map((x) => x.title).join(' | ')}`);
        const after = applyEdits(text, fix.edits);
        assertOnlyEditsChanged(text, after, fix.edits);
        const last = form.list.includes('</ol>') ? `${ENTRIES[2]}</li>` : form.list[2];
        const expected = text
          .replace('respond within a day.', `respond within a day.${form.fresh(4)}`)
          .replace(`${last}${eolOf(text)}`, `${last}${form.stub(4).replace(/\n/g, eolOf(text))}${eolOf(text)}`);
        assert.equal(after, expected, label);
        assert.ok(after.slice(fix.cursor).startsWith(REFERENCE_STUB), `${label}: the cursor is on the stub`);
        const again = lint(after, { kind: 'markdown' });
        // Reference 3 stays uncited, and 4 is now cited before 2 (citation-order offers to renumber, as after any new number).
        assert.deepEqual(again.findings.filter((x) => /missing-citation|unresolved/.test(x.ruleId) || after.slice(x.start, x.end).includes(REFERENCE_STUB)), [], `${label}: the finding is gone, the new number resolves`);
        assert.equal(again.article.references!.entries.length, 4, label);
        assertLinked(after, form.fresh(4), 4);
      }
    }
    // Anchors in no pattern of the entries' numbers, or the next one taken: the stub unanchored and the marker plain.
    const form = FORMS[1];
    const irregular = article(form, 2).replace('<a id="ref-3">', '<a id="andrade">');
    const taken = article(form, 2).replace('# Ketamine 🧠', '# Ketamine 🧠\n\n<a id="ref-4"></a>');
    for (const text of [irregular, taken]) {
      const fix = missing(text).f.fixes!.find((x) => x.title === 'Add a new reference 4')!;
      const after = applyEdits(text, fix.edits);
      assert.ok(after.includes('respond within a day.<sup>4</sup>'), after);
      assert.ok(after.includes(`\n4. ${REFERENCE_STUB}\n`), after);
    }
    // Such anchors are still the entries': a new <sup> citing entry 3 links to its.
    const s = missing(irregular).result;
    const cite3 = insertCitationFix(s.article, s.article.sentences.find((x) => x.text.includes('A review of ketamine'))!, s.article.references!.entries[2]);
    assert.ok(applyEdits(irregular, cite3.edits).includes('respond within a day.<sup class="cite"><a href="#andrade">3</a></sup>'));
  });

  it('"Add reference 4 to the reference list" for a marker linking to #ref-4: the stub takes that anchor where the entries have theirs; a plain marker too; a marker linking elsewhere, none', () => {
    /** Cites 1 to 3 as the form does, then `marker` (citing 4, which the list lacks). */
    const cites4 = (form: Form, marker: string): string =>
      article(form).replace('respond within a day.', `respond within a day.${form.cite(2)}`).replace('## References', `It is safe.${marker}\n\n## References`);
    const fixOf = (text: string): Fix => {
      const f = lint(text, { kind: 'markdown' }).findings.find((x) => x.ruleId === 'unresolved-citation');
      assert.ok(f, 'the marker is reported');
      const fix = f.fixes!.find((x) => x.title === 'Add reference 4 to the reference list');
      assert.ok(fix, f.fixes!.map((x) => x.title).join(' | '));
      return fix;
    };
    for (const form of FORMS) {
      for (const [marker, how] of [
        [form.cite(4), 'linked'],
        ['<sup>4</sup>', 'plain'],
      ]) {
        for (const [eol, text] of variants(cites4(form, marker))) {
          const label = `${form.name}, ${how} (${eol})`;
          const fix = fixOf(text);
          const after = applyEdits(text, fix.edits);
          assertOnlyEditsChanged(text, after, fix.edits);
          const last = form.list.includes('</ol>') ? `${ENTRIES[2]}</li>` : form.list[2];
          assert.equal(after, text.replace(`${last}${eolOf(text)}`, `${last}${form.stub(4).replace(/\n/g, eolOf(text))}${eolOf(text)}`), label);
          assert.ok(after.slice(fix.cursor).startsWith(REFERENCE_STUB), `${label}: the cursor is on the stub`);
          const again = lint(after, { kind: 'markdown' });
          assert.deepEqual(again.findings.filter((x) => x.ruleId === 'unresolved-citation'), [], `${label}: the finding is gone`);
          const entry = again.article.references!.entries.find((e) => e.number === 4)!;
          assert.ok(entry, `${label}: entry 4 is read`);
          assert.deepEqual(entryAnchors(after, entry), ['ref-4'], `${label}: the stub has the anchor the marker links to`);
        }
      }
    }
    const form = FORMS[1];
    // A bracket marker linking to #ref-4 (as converters write them): the same.
    for (const [label, text] of variants(cites4(form, '').replace(/<sup class="cite" id="cite-(\d)"><a href="#ref-\d" id="back-\d">\d<\/a><\/sup>/g, ' [$1](#ref-$1)').replace('It is safe.', 'It is safe [4](#ref-4).'))) {
      const eol = eolOf(text);
      const after = applyEdits(text, fixOf(text).edits);
      assert.equal(after, text.replace(`${form.list[2]}${eol}`, `${form.list[2]}${eol}4. <a id="ref-4"></a>${REFERENCE_STUB}${eol}`), label);
      assert.deepEqual(lint(after, { kind: 'markdown' }).findings.filter((x) => x.ruleId === 'unresolved-citation'), [], label);
    }
    // A marker linking to an anchor in no pattern of the entries', or to one another element has: today's stub, unanchored.
    const elsewhere = cites4(form, form.cite(4).replace('#ref-4', '#r4'));
    const taken = cites4(form, form.cite(4)).replace('# Ketamine 🧠', '# Ketamine 🧠\n\n<a id="ref-4"></a>');
    for (const text of [elsewhere, taken, taken.replace(/\n/g, '\r\n')]) {
      const eol = eolOf(text);
      const after = applyEdits(text, fixOf(text).edits);
      assert.equal(after, text.replace(`${form.list[2]}${eol}`, `${form.list[2]}${eol}4. ${REFERENCE_STUB}${eol}`));
    }
  });

  it('follows the document\'s predominant <sup>: linked when most are linked to their entries\' anchors, else plain', () => {
    const form = FORMS[0];
    const cite = (text: string): string => {
      const { result } = missing(text);
      const s = result.article.sentences.find((x) => x.text.includes('A review of ketamine'))!;
      return applyEdits(text, insertCitationFix(result.article, s, result.article.references!.entries[1]).edits);
    };
    const linked = article(form);
    assert.ok(cite(linked).includes('respond within a day.<sup>[2](#ref-2)</sup>'));
    // Two plain markers against one linked: plain.
    const mostlyPlain = linked.replace('fades within a week.<sup>[3](#ref-3)</sup>', 'fades within a week.<sup>3</sup> It lasts.<sup>3</sup>');
    assert.ok(cite(mostlyPlain).includes('respond within a day.<sup>2</sup>'));
    // Linked, but to addresses elsewhere rather than the entries' anchors: plain.
    const elsewhere = linked.replace(/\(#ref-(\d)\)<\/sup>/g, '(https://doi.org/10.1/$1)</sup>');
    assert.ok(cite(elsewhere).includes('respond within a day.<sup>2</sup>'));
    // The entry cited has no anchor (the others do): plain.
    const bare = linked.replace('<li id="ref-2">', '<li>');
    assert.ok(cite(bare).includes('respond within a day.<sup>2</sup>'));
  });

  it('renumbering a document with the new linked marker rewrites its number in its link, and every link still names its entry', () => {
    for (const form of [FORMS[0], FORMS[2]]) {
      for (const [eol, text] of variants(article(form, 2))) {
        const label = `${form.name} (${eol})`;
        // The review cites entry 3 before 2 is cited: out of order.
        const { result } = missing(text);
        const s = result.article.sentences.find((x) => x.text.includes('A review of ketamine'))!;
        const cited = applyEdits(text, insertCitationFix(result.article, s, result.article.references!.entries[2]).edits);
        assert.ok(cited.includes(`respond within a day.${form.fresh(3)}`), label);
        assert.ok(lint(cited, { kind: 'markdown' }).findings.some((x) => x.ruleId === 'citation-order'), label);
        const r = renumber(parseArticle(cited, 'markdown'));
        assert.ok(!('error' in r), JSON.stringify(r));
        const after = applyEdits(cited, r.edits);
        assert.ok(after.includes('respond within a day.<sup>[2](#ref-3)</sup>'), `${label}: ${after}`);
        assert.ok(after.includes('fades within a week.<sup>[3](#ref-2)</sup>'), `${label}: ${after}`);
        assert.deepEqual(citationFindings(after).map((x) => x.ruleId), [], label);
        const a = parseArticle(after, 'markdown');
        for (const m of a.markers) {
          const target = /\]\(#([^)]+)\)/.exec(m.raw)![1];
          const entry = a.references!.entries.find((e) => e.number === m.numbers[0])!;
          assert.ok(entryAnchors(after, entry).includes(target), `${label}: ${m.raw} names entry ${m.numbers[0]}`);
        }
      }
    }
  });
});
