import * as assert from 'node:assert/strict';
import { REFERENCE_STUB } from '../../server/src/core/article/format';
import { parseArticle } from '../../server/src/core/article/parse';
import { defaultConfig } from '../../server/src/core/config';
import { hover } from '../../server/src/core/features/hover';
import { renumber } from '../../server/src/core/features/renumber';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';

/** Reference lists written as HTML ordered lists (`<ol><li>`), in Markdown with raw HTML and in HTML exports. */
const ARTICLE = [
  '# Ketamine',
  '',
  'Ketamine acts on glutamate [1]. It is given by infusion.<sup><a href="#ref-2">2</a></sup>',
  '',
  '## References',
  '',
  '<ol>',
  '  <li id="ref-1">Sanacora G. A Consensus Statement. <em>JAMA Psychiatry</em>. 2017;74(4):399-405. <a href="https://doi.org/10.1001/jamapsychiatry.2017.0080">doi</a></li>',
  '  <li id="ref-2">Andrade C. Ketamine &amp; Depression. J Clin Psychiatry. 2017;78(7):e852-e857.</li>',
  '</ol>',
  '',
].join('\n');

const findings = (text: string, rule: string): Finding[] => lint(text, { kind: 'markdown' }).findings.filter((f) => f.ruleId === rule);

describe('HTML reference lists', () => {
  it('reads the items of an <ol> under a References heading as numbered entries, text without tags', () => {
    const list = parseArticle(ARTICLE, 'markdown').references!;
    assert.equal(list.numbering, 'html');
    assert.deepEqual(
      list.entries.map((e) => [e.number, e.text, ARTICLE.slice(e.numberSpan.start, e.numberSpan.end)]),
      [
        [1, 'Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017;74(4):399-405. doi', '<li id="ref-1">'],
        [2, 'Andrade C. Ketamine & Depression. J Clin Psychiatry. 2017;78(7):e852-e857.', '<li id="ref-2">'],
      ],
    );
    // A link's address is read for the entry's identifiers.
    assert.equal(list.entries[0].fields.doi, '10.1001/jamapsychiatry.2017.0080');
    assert.equal(list.entries[0].fields.journal, 'JAMA Psychiatry');
  });

  it('numbers items from the list\'s start attribute, and an item\'s value', () => {
    const t = 'Text.[4]\n\n<h2>References</h2>\n<ol start="3"><li>A A. One. J. 2001.</li><li value="7">B B. Two. J. 2002.</li><li>C C. Three. J. 2003.</li></ol>\n';
    assert.deepEqual(parseArticle(t, 'markdown').references!.entries.map((e) => e.number), [3, 7, 8]);
  });

  it('items without </li>, blank lines between items and nested lists', () => {
    const t = 'Text [1] [2].\n\n## References\n\n<ol>\n<li>A A. One. J. 2001.\n\n<li>B B. Two. J. 2002.<ul><li>Full text</li></ul>\n</ol>\n';
    const list = parseArticle(t, 'markdown').references!;
    assert.deepEqual(list.entries.map((e) => [e.number, e.text]), [
      [1, 'A A. One. J. 2001.'],
      [2, 'B B. Two. J. 2002. Full text'],
    ]);
  });

  it('a bulleted list, an unclosed list and an <ol> after prose are not read as numbered entries', () => {
    for (const list of ['<ul><li>A A. One. J. 2001.</li></ul>', '<ol><li>A A. One. J. 2001.', 'Some sources:\n\n<ol><li>A A. One. J. 2001.</li></ol>']) {
      assert.equal(parseArticle(`Text [1].\n\n## References\n\n${list}\n`, 'markdown').references, undefined, list);
    }
  });

  it('markers resolve against the items, and hover shows the entry', () => {
    const r = lint(ARTICLE, { kind: 'markdown' });
    assert.deepEqual(r.findings.filter((f) => /citation|reference/.test(f.ruleId)).map((f) => f.ruleId), []);
    const h = hover(r.article, ARTICLE.indexOf('<sup>'), defaultConfig())!;
    assert.match(h.markdown, /\*\*2\.\*\* Andrade C\. \*\*Ketamine & Depression\*\*/);
  });

  it('an uncited last item is reported, and removing it removes its element only', () => {
    const t = ARTICLE.replace('[1]. It', 'it. It').replace('<sup><a href="#ref-2">2</a></sup>', '<sup><a href="#ref-1">1</a></sup>');
    const [f] = findings(t, 'unused-reference');
    assert.equal(t.slice(f.start, f.end), '<li id="ref-2">Andrade C. Ketamine &amp; Depression. J Clin Psychiatry. 2017;78(7):e852-e857.</li>');
    const after = applyEdits(t, f.fixes![0].edits);
    assert.ok(after.endsWith('doi</a></li>\n</ol>\n'), JSON.stringify(after));
    assert.deepEqual(findings(after, 'unused-reference'), []);
  });

  it('"Add reference" and "Add a new reference" add an <li> like the last, anchor renumbered, and the citation resolves', () => {
    const t = ARTICLE.replace('infusion.', 'infusion [3].');
    const [f] = findings(t, 'unresolved-citation');
    const fix = f.fixes!.find((x) => x.title.startsWith('Add reference 3'))!;
    const after = applyEdits(t, fix.edits);
    assert.ok(after.includes(`e852-e857.</li>\n  <li id="ref-3">${REFERENCE_STUB}</li>\n</ol>\n`), JSON.stringify(after));
    assert.deepEqual(findings(after, 'unresolved-citation'), []);
    const claim = 'Studies show that ketamine reduces depression scores by half within a day.\n\n';
    const u = ARTICLE.replace('Ketamine acts', `${claim}Ketamine acts`);
    const add = findings(u, 'missing-citation')[0].fixes!.find((x) => x.title === 'Add a new reference 3')!;
    const added = applyEdits(u, add.edits);
    assert.ok(added.includes(`  <li id="ref-3">${REFERENCE_STUB}</li>\n</ol>`), JSON.stringify(added));
    assert.deepEqual(findings(added, 'missing-citation'), []);
    assert.deepEqual(findings(added, 'unresolved-citation'), []);
  });

  it('in a list written on one line the new item follows on that line, without a value or an id that is not its own', () => {
    const t = 'A.<sup>1</sup> B.<sup>2</sup>\n\n<h2>References</h2>\n<ol><li id="x" value="1">A A. One. J. 2001.</li></ol>\n';
    const fix = findings(t, 'unresolved-citation')[0].fixes!.find((x) => x.title.startsWith('Add reference 2'))!;
    const after = applyEdits(t, fix.edits);
    assert.ok(after.endsWith(`J. 2001.</li><li>${REFERENCE_STUB}</li></ol>\n`), JSON.stringify(after));
    assert.deepEqual(findings(after, 'unresolved-citation'), []);
  });

  it('renumbering refuses a list numbered by start or value attributes, saying why', () => {
    const t = 'B [4] then A [3].\n\n## References\n\n<ol start="3">\n<li>A A. One. J. 2001.</li>\n<li>B B. Two. J. 2002.</li>\n</ol>\n';
    const r = renumber(parseArticle(t, 'markdown'));
    assert.ok('error' in r);
    assert.match(r.error, /HTML list whose items are numbered by a start or value attribute \(line 6\)/);
  });

  describe('reversed lists (<ol reversed>)', () => {
    const item = (id: number, t: string): string => `  <li id="ref-${id}">${t}</li>`;
    const REVERSED = [
      '# Ketamine',
      '',
      'Ketamine acts on glutamate [1]. It is given by infusion [2]. Its effects fade [3].',
      '',
      '## References',
      '',
      '<ol reversed>',
      item(3, 'Naughton M. A Review of Ketamine. J Affect Disord. 2014;156:24-35.'),
      item(2, 'Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017;78(7):e852-e857.'),
      item(1, 'Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017;74(4):399-405.'),
      '</ol>',
      '',
    ].join('\n');
    const numbers = (t: string): (number | undefined)[] => parseArticle(t, 'markdown').references!.entries.map((e) => e.number);

    it('count down from the number of items, or from start; a value sets its item\'s number and the count from it', () => {
      assert.deepEqual(numbers(REVERSED), [3, 2, 1]);
      assert.deepEqual(parseArticle(REVERSED, 'markdown').references!.html, { reversed: true });
      assert.deepEqual(numbers(REVERSED.replace('<ol reversed>', '<OL REVERSED="reversed">').replace('</ol>', '</OL>')), [3, 2, 1]);
      assert.deepEqual(numbers(REVERSED.replace('<ol reversed>', '<ol start="10" reversed>')), [10, 9, 8]);
      assert.deepEqual(numbers(REVERSED.replace('<li id="ref-2">', '<li id="ref-2" value="7">')), [3, 7, 6]);
      // Not reversed: "reversed" in another attribute's value is not the attribute.
      assert.deepEqual(numbers(REVERSED.replace('<ol reversed>', '<ol class="reversed-list">')), [1, 2, 3]);
      assert.deepEqual(numbers(REVERSED.replace('<ol reversed>', '<ol class="list reversed">')), [1, 2, 3]);
      assert.deepEqual(numbers(REVERSED.replace('<ol reversed>', '<ol class="list" reversed="">')), [3, 2, 1]);
    });

    it('markers resolve by those numbers: an uncited entry and an unresolved marker are the right ones', () => {
      const t = REVERSED.replace(' Its effects fade [3].', ' Its effects fade [4].');
      const [unused] = findings(t, 'unused-reference');
      assert.match(t.slice(unused.start, unused.end), /^<li id="ref-3">Naughton/);
      assert.equal(unused.message, 'Reference 3 is never cited in the text.');
      assert.deepEqual(findings(t, 'unresolved-citation').map((f) => t.slice(f.start, f.end)), ['[4]']);
    });

    it('an uncited entry is removed only where no other number changes: the first item (the highest number), not the last', () => {
      const first = REVERSED.replace(' Its effects fade [3].', '');
      const [f] = findings(first, 'unused-reference');
      const after = applyEdits(first, f.fixes![0].edits);
      assert.ok(after.includes('<ol reversed>\n  <li id="ref-2">'), JSON.stringify(after));
      assert.deepEqual(numbers(after), [2, 1]);
      assert.deepEqual(findings(after, 'unused-reference'), []);
      assert.deepEqual(findings(after, 'unresolved-citation'), []);
      const last = REVERSED.replace('glutamate [1]', 'glutamate');
      assert.deepEqual(findings(last, 'unused-reference').map((x) => x.fixes), [[]]);
      // Counting down from start, the last item is the one to remove.
      const fromStart = last.replace('<ol reversed>', '<ol reversed start="3">');
      const [g] = findings(fromStart, 'unused-reference');
      assert.equal(g.fixes![0].title, 'Remove reference 1');
      assert.deepEqual(numbers(applyEdits(fromStart, g.fixes![0].edits)), [3, 2]);
    });

    it('"Add reference" and "Add a new reference" add the new highest number as the first item, anchor renumbered; the citation resolves', () => {
      const t = REVERSED.replace('fade [3].', 'fade [3]. A newer trial [4].');
      const fix = findings(t, 'unresolved-citation')[0].fixes!.find((x) => x.title.startsWith('Add reference 4'))!;
      const after = applyEdits(t, fix.edits);
      assert.ok(after.includes(`<ol reversed>\n  <li id="ref-4">${REFERENCE_STUB}</li>\n  <li id="ref-3">`), JSON.stringify(after));
      assert.deepEqual(numbers(after), [4, 3, 2, 1]);
      assert.deepEqual(findings(after, 'unresolved-citation'), []);
      const claim = 'Studies show that ketamine reduces depression scores by half within a day.\n\n';
      const u = REVERSED.replace('Ketamine acts', `${claim}Ketamine acts`);
      const add = findings(u, 'missing-citation')[0].fixes!.find((x) => x.title === 'Add a new reference 4')!;
      const added = applyEdits(u, add.edits);
      assert.deepEqual(numbers(added), [4, 3, 2, 1]);
      assert.equal(added.slice(add.cursor, add.cursor! + REFERENCE_STUB.length), REFERENCE_STUB);
      assert.deepEqual(findings(added, 'missing-citation'), []);
      assert.deepEqual(findings(added, 'unresolved-citation'), []);
      // On one line, the new item goes before the first on that line.
      const oneLine = t.replace(/<ol reversed>\n {2}([^]*?)\n<\/ol>/, (_, items: string) => `<ol reversed>${items.replace(/\n {2}/g, '')}</ol>`);
      const inline = applyEdits(oneLine, findings(oneLine, 'unresolved-citation')[0].fixes!.find((x) => x.title.startsWith('Add reference 4'))!.edits);
      assert.ok(inline.includes(`<ol reversed><li id="ref-4">${REFERENCE_STUB}</li><li id="ref-3">`), JSON.stringify(inline));
    });

    it('counting down from start, no item can be added: every number would move down by one (and no second list is started)', () => {
      const t = REVERSED.replace('<ol reversed>', '<ol reversed start="3">').replace('fade [3].', 'fade [3]. A newer trial [4].');
      assert.deepEqual(findings(t, 'unresolved-citation')[0].fixes, []);
      const u = t.replace('Ketamine acts', 'Studies show that ketamine reduces depression scores by half within a day.\n\nKetamine acts');
      assert.ok(!findings(u, 'missing-citation')[0].fixes!.some((x) => x.title.startsWith('Add a new reference')));
    });

    it('renumbering moves the entries, each place keeping its number (n down to 1); twice equals once', () => {
      const t = REVERSED.replace('glutamate [1]. It is given by infusion [2]. Its effects fade [3].', 'glutamate [2]. It is given by infusion [3]. Its effects fade [1].');
      const r = renumber(parseArticle(t, 'markdown'));
      assert.ok(!('error' in r), JSON.stringify(r));
      const after = applyEdits(t, r.edits);
      assert.ok(after.includes('glutamate [1]. It is given by infusion [2]. Its effects fade [3].'), after);
      const list = parseArticle(after, 'markdown').references!;
      assert.deepEqual(list.entries.map((e) => [e.number, e.text.slice(0, 8)]), [[3, 'Sanacora'], [2, 'Naughton'], [1, 'Andrade ']]);
      assert.ok(after.includes('<li id="ref-1">Sanacora'), 'each <li> (and its anchor) moves with its text');
      const again = renumber(parseArticle(after, 'markdown'));
      assert.ok(!('error' in again) && again.edits.length === 0);
    });

    it('renumbering refuses a reversed list counting down from a start other than its number of items, saying why', () => {
      const t = REVERSED.replace('<ol reversed>', '<ol reversed start="5">').replace('[1]', '[4]').replace('[2]', '[3]').replace('[3].', '[5].');
      const r = renumber(parseArticle(t, 'markdown'));
      assert.ok('error' in r);
      assert.match(r.error, /HTML list whose items are numbered by a start or value attribute \(line 8\).*numbered by their place counting down from the number of items/);
    });
  });

  describe('an <ol> that ends the document under no heading', () => {
    const WP = [
      '<!-- wp:paragraph -->',
      '<p>Suicidal thoughts are common in depression. Ketamine acts on glutamate.<sup>1</sup> It is given by infusion.<sup>3</sup></p>',
      '<!-- /wp:paragraph -->',
      '',
      '<!-- wp:list {"ordered":true} -->',
      '<ol><li>Sanacora G, Frye MA, McDonald W, et al. A Consensus Statement on the Use of Ketamine. JAMA Psychiatry. 2017;74(4):399-405.</li><li>Andrade C. Ketamine for Depression, 4: In What Dose, at What Rate? J Clin Psychiatry. 2017;78(7):e852-e857.</li></ol>',
      '<!-- /wp:list -->',
      '',
    ].join('\n');

    it('is the reference list when every item is plainly bibliographic', () => {
      const list = parseArticle(WP, 'markdown').references!;
      assert.equal(list.numbering, 'html');
      assert.equal(list.heading, undefined);
      assert.equal(list.start, WP.indexOf('<ol>'));
      assert.deepEqual(list.entries.map((e) => [e.number, e.fields.authors[0]]), [[1, 'Sanacora G'], [2, 'Andrade C']]);
      // Not when an item is not a reference, nor when prose follows the list.
      assert.equal(parseArticle(WP.replace('Andrade C. Ketamine for Depression, 4: In What Dose, at What Rate? J Clin Psychiatry. 2017;78(7):e852-e857.', 'Bring a list of your medicines.'), 'markdown').references, undefined);
      const goesOn = '<p>Ketamine is not for everyone. Your doctor will talk you through the risks, the benefits and the other treatments before any treatment begins, and you can stop at any time if it does not suit you or if the side effects trouble you more than the low mood did.</p>';
      assert.equal(parseArticle(`${WP}\n${goesOn}\n`, 'markdown').references, undefined);
      // Nor an <ol> in code.
      assert.equal(parseArticle(`Text.<sup>1</sup>\n\n\`\`\`html\n<ol><li>Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017;74(4):399-405.</li></ol>\n\`\`\`\n`, 'markdown').references, undefined);
    });

    it('"Add reference" appends an item, the crisis line goes before the <ol>, and both resolve', () => {
      const fix = findings(WP, 'unresolved-citation')[0].fixes!.find((x) => x.title.startsWith('Add reference 3'))!;
      const after = applyEdits(WP, fix.edits);
      assert.ok(after.includes(`e852-e857.</li><li>${REFERENCE_STUB}</li></ol>`), JSON.stringify(after));
      assert.deepEqual(findings(after, 'unresolved-citation'), []);
      const [crisis] = findings(WP, 'safe-messaging');
      const withLine = applyEdits(WP, crisis.fixes![0].edits);
      assert.ok(withLine.includes('call 9-1-1.\n\n<ol><li>Sanacora'), JSON.stringify(withLine));
      assert.deepEqual(findings(withLine, 'safe-messaging'), []);
      assert.equal(parseArticle(withLine, 'markdown').references?.entries.length, 2);
    });
  });
});
