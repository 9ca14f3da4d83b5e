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
});
