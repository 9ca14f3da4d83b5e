import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../server/src/core/article/parse';
import { pandocFrontMatter, parseSuffix } from '../../server/src/core/article/pandoc';
import { parseBibliography } from '../../server/src/core/bibliography';

/** Pandoc citation syntax: what is a citation, with which keys, modes and locators. */
const WITH_BIB = '---\nbibliography: refs.bib\n---\n\n';

function cites(body: string, frontMatter = WITH_BIB): { raw: string; keys: string[] }[] {
  const article = parseArticle(frontMatter + body, 'markdown');
  return article.markers.filter((m) => m.style === 'pandoc').map((m) => ({ raw: m.raw, keys: m.keys! }));
}

const one = (raw: string, ...keys: string[]): { raw: string; keys: string[] } => ({ raw, keys });

describe('Pandoc citations: syntax', () => {
  const table: [string, { raw: string; keys: string[] }[]][] = [
    ['It works [@doe99].', [one('[@doe99]', 'doe99')]],
    ['It works [@doe99; @smith2000; @smith2004].', [one('[@doe99; @smith2000; @smith2004]', 'doe99', 'smith2000', 'smith2004')]],
    ['It works [see @doe99, pp. 33-35; also @smith04, chap. 1].', [one('[see @doe99, pp. 33-35; also @smith04, chap. 1]', 'doe99', 'smith04')]],
    ['It works [-@doe99].', [one('[-@doe99]', 'doe99')]],
    ['Keys may hold punctuation [@Doe:2019.a-b/c+d?e<f>g~h#i$j%k&l].', [one('[@Doe:2019.a-b/c+d?e<f>g~h#i$j%k&l]', 'Doe:2019.a-b/c+d?e<f>g~h#i$j%k&l')]],
    ['Braced keys [@{ISO 9001:2015}].', [one('[@{ISO 9001:2015}]', 'ISO 9001:2015')]],
    ['Digits and underscores start keys [@_x1; @2019who].', [one('[@_x1; @2019who]', '_x1', '2019who')]],
    ['In text @doe99 says so.', [one('@doe99', 'doe99')]],
    ['Trailing punctuation is not part of the key: @doe99. And @smith04, too.', [one('@doe99', 'doe99'), one('@smith04', 'smith04')]],
    ['With a locator @doe99 [p. 33] says so.', [one('@doe99 [p. 33]', 'doe99')]],
    ['Parenthesised (@doe99) in text.', [one('@doe99', 'doe99')]],
    ['A citation may break a line [see @doe99,\np. 3; @smith04].', [one('[see @doe99,\np. 3; @smith04]', 'doe99', 'smith04')]],
    ['Mixed with numbers [1] and footnotes[^n] and [@doe99].\n\n[^n]: A note.', [one('[@doe99]', 'doe99')]],
    // Not citations.
    ['Write to name@example.com today.', []],
    ['Write [to name@example.com] today.', []],
    ['Read medium.com/@author and https://example.org/@user/post.', []],
    ['Escaped \\@doe99 is text.', []],
    // As in Pandoc, escaped brackets leave an in-text citation.
    ['Escaped brackets \\[@doe99\\] cite in text.', [one('@doe99', 'doe99')]],
    ['Code `[@doe99]` and `@doe99` is not cited.', []],
    ['```\n[@doe99]\n```', []],
    ['A link [@doe99](https://example.org) and ![@img](x.png).', [one('@doe99', 'doe99')]],
    ['[@doe99]: https://example.org "a link reference definition"', []],
    ['Double hyphen ends a key @doe--99.', [one('@doe', 'doe')]],
    ['A bracket with a part without a key [a; b @doe99] cites in text only.', [one('@doe99', 'doe99')]],
    ['An at sign alone @ or @-x or @. is nothing.', []],
    ['A footnote label is not a citation[^@doe99].\n\n[^@doe99]: The note.', []],
  ];
  for (const [body, want] of table) {
    it(JSON.stringify(body), () => assert.deepEqual(cites(body), want));
  }

  it('finds in-text citations only when the front matter names a bibliography or references', () => {
    const body = 'Follow @WHO and read [@doe99].';
    assert.deepEqual(cites(body, ''), [one('[@doe99]', 'doe99')]);
    assert.deepEqual(cites(body, '---\ntitle: x\n---\n\n'), [one('[@doe99]', 'doe99')]);
    assert.deepEqual(cites(body, '---\nreferences:\n- id: doe99\n---\n\n'), [one('@WHO', 'WHO'), one('[@doe99]', 'doe99')]);
  });

  it('finds no Pandoc citation in plain text', () => {
    const a = parseArticle('It works [@doe99] as @smith04 said.\n', 'plaintext');
    assert.deepEqual(
      a.markers.filter((m) => m.style === 'pandoc'),
      [],
    );
  });

  it('records modes, prefixes, locators and suffixes', () => {
    const a = parseArticle(`${WITH_BIB}See [see -@doe99, pp. 33-35, 38 and elsewhere; @smith04, sec. 2.1; @lee, 7].\n`, 'markdown');
    const m = a.markers.find((x) => x.style === 'pandoc')!;
    assert.deepEqual(
      m.citations!.map((c) => ({ key: c.key, mode: c.mode, prefix: c.prefix, locator: c.locator, suffix: c.suffix })),
      [
        { key: 'doe99', mode: 'suppress-author', prefix: 'see', locator: { label: 'page', value: '33-35, 38', raw: 'pp. 33-35, 38' }, suffix: 'and elsewhere' },
        { key: 'smith04', mode: 'normal', prefix: '', locator: { label: 'section', value: '2', raw: 'sec. 2' }, suffix: '.1' },
        { key: 'lee', mode: 'normal', prefix: '', locator: { label: 'page', value: '7', raw: '7' }, suffix: '' },
      ],
    );
  });

  it('blanks citations in prose and attaches them to their sentences', () => {
    const a = parseArticle(`${WITH_BIB}Ketamine works fast [see @doe99, p. 3]. As @smith04 showed, it lasts.\n`, 'markdown');
    const [s1, s2] = a.sentences;
    assert.equal(s1.text.trim(), `Ketamine works fast ${' '.repeat('[see @doe99, p. 3]'.length)}.`);
    assert.deepEqual(
      s1.markers.map((m) => m.raw),
      ['[see @doe99, p. 3]'],
    );
    assert.deepEqual(
      s2.markers.map((m) => m.raw),
      ['@smith04'],
    );
  });
});

describe('Pandoc citations: locators', () => {
  const table: [string, { label: string; value: string; raw: string } | undefined, string][] = [
    [', p. 33', { label: 'page', value: '33', raw: 'p. 33' }, ''],
    [', pp. 3-5', { label: 'page', value: '3-5', raw: 'pp. 3-5' }, ''],
    [' p. 33', { label: 'page', value: '33', raw: 'p. 33' }, ''],
    [', 33', { label: 'page', value: '33', raw: '33' }, ''],
    [', chap. 3', { label: 'chapter', value: '3', raw: 'chap. 3' }, ''],
    [', chapter 3, among others', { label: 'chapter', value: '3', raw: 'chapter 3' }, ', among others'],
    [', fig. 2', { label: 'figure', value: '2', raw: 'fig. 2' }, ''],
    [', vol. 2', { label: 'volume', value: '2', raw: 'vol. 2' }, ''],
    [', para. 4', { label: 'paragraph', value: '4', raw: 'para. 4' }, ''],
    [', § 4', { label: 'section', value: '4', raw: '§ 4' }, ''],
    [', p. xii', { label: 'page', value: 'xii', raw: 'p. xii' }, ''],
    [', p. {iv, vi-xi}', { label: 'page', value: 'iv, vi-xi', raw: 'p. {iv, vi-xi}' }, ''],
    [', paper 3', undefined, ', paper 3'],
    [', and elsewhere', undefined, ', and elsewhere'],
    ['', undefined, ''],
  ];
  for (const [after, locator, suffix] of table) {
    it(JSON.stringify(after), () => {
      const r = parseSuffix(after);
      assert.deepEqual(r.locator, locator);
      assert.equal(r.suffix, suffix);
    });
  }
});

describe('Pandoc citations: front matter', () => {
  const names = (fm: string): string[] => pandocFrontMatter(`---\n${fm}\n---\n\nText.\n`).bibliographies.map((b) => b.name);

  it('reads bibliography as a scalar, quoted, a block list or a flow list', () => {
    assert.deepEqual(names('bibliography: refs.bib'), ['refs.bib']);
    assert.deepEqual(names('bibliography: "my refs.bib"'), ['my refs.bib']);
    assert.deepEqual(names("bibliography: 'refs.json' # Zotero"), ['refs.json']);
    assert.deepEqual(names('bibliography:\n  - a.bib\n  - "b c.json"\ntitle: x'), ['a.bib', 'b c.json']);
    assert.deepEqual(names('bibliography:\n- a.bib\n- b.bib'), ['a.bib', 'b.bib']);
    assert.deepEqual(names('bibliography: [a.bib, "b.json"]'), ['a.bib', 'b.json']);
    assert.deepEqual(names('title: no bibliography'), []);
    assert.deepEqual(pandocFrontMatter('bibliography: refs.bib\n').bibliographies, []);
  });

  it('gives the span of each name in the document', () => {
    const text = '---\nbibliography:\n  - a.bib\n  - "b c.json"\n---\n';
    for (const b of pandocFrontMatter(text).bibliographies) assert.equal(text.slice(b.span.start, b.span.end), b.name);
    const flow = '---\nbibliography: [a.bib, "b.json"]\n---\n';
    for (const b of pandocFrontMatter(flow).bibliographies) assert.equal(flow.slice(b.span.start, b.span.end), b.name);
  });

  it('reads nocite keys and @*', () => {
    const text = "---\nnocite: |\n  @a, @b\ntitle: x\n---\n";
    const fm = pandocFrontMatter(text);
    assert.deepEqual(
      fm.nocite!.keys.map((k) => text.slice(k.span.start, k.span.end)),
      ['a', 'b'],
    );
    assert.equal(fm.nocite!.all, false);
    assert.equal(pandocFrontMatter("---\nnocite: '@*'\n---\n").nocite!.all, true);
  });

  it('reads inline references ids', () => {
    const text = '---\nreferences:\n- type: book\n  id: doe99\n- id: "smith04"\n---\n';
    assert.deepEqual(
      pandocFrontMatter(text).references.map((r) => [r.key, text.slice(r.span.start, r.span.end)]),
      [
        ['doe99', 'doe99'],
        ['smith04', 'smith04'],
      ],
    );
  });
});

describe('Pandoc citations: properties', () => {
  const piece = fc.constantFrom('@', '@doe99', '@{a b}', '[', ']', ';', ',', ' p. 3', '-', '\\', '`', 'name@example.com', ' ', '\n', '\n\n', 'see ', '.', '(', ')', 'x', '^', ':');
  const body = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

  it('finds markers that never overlap, stay in their block, and whose key spans hold their keys', () => {
    fc.assert(
      fc.property(body, fc.boolean(), (b, withBib) => {
        const text = (withBib ? WITH_BIB : '') + b;
        const a = parseArticle(text, 'markdown');
        let last = -1;
        for (const m of a.markers) {
          assert.ok(m.start >= last, 'sorted, not overlapping');
          last = m.end;
          const block = a.blocks[m.blockIndex];
          assert.ok(block.start <= m.start && m.end <= block.end, 'inside its block');
          assert.equal(text.slice(m.start, m.end), m.raw);
          for (const c of m.citations ?? []) {
            assert.equal(text.slice(c.keySpan.start, c.keySpan.end), c.key);
            assert.ok(m.start <= c.keySpan.start && c.keySpan.end <= m.end);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('parses any bibliography text without throwing', () => {
    const bibPiece = fc.constantFrom('@article{', '@string{', 'k1', ',', '=', '{', '}', '"', '#', ' and ', '\\"u', '\n', 'title', 'author', '@', '(', ')', '%');
    fc.assert(
      fc.property(fc.array(bibPiece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const r = parseBibliography(text, 'bibtex');
        for (const e of r.entries) assert.equal(text.slice(e.keySpan.start, e.keySpan.end), e.key);
        parseBibliography(text, 'csl-json');
      }),
      { numRuns: 300 },
    );
  });
});
