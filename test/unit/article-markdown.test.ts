import * as assert from 'node:assert/strict';
import { entryAnchors } from '../../server/src/core/article/format';
import { IncrementalParser } from '../../server/src/core/article/incremental';
import { parseArticle } from '../../server/src/core/article/parse';
import { lint } from '../../server/src/core/lint';
import { suppressFix } from '../../server/src/core/suppression';

const md = [
  '---',
  'title: "A [1] title"',
  'jurisdiction: us',
  '---',
  '',
  '# Ketamine **basics**',
  '',
  'Ketamine is *fast*; see [the review](https://example.org/a.b?x=1) and `code [2]`.[1]',
  '',
  '> Quoted studies show it works.[2]',
  '',
  '- First item cites.[1]',
  '  - Nested item, with a continuation',
  '    line.[2]',
  '',
  '| Drug | Evidence |',
  '| --- | --- |',
  '| Ketamine | Trials show benefit[1] |',
  '',
  '<!-- clinical-lint-disable-next-line missing-citation -- reviewed -->',
  'Plain paragraph after a comment.',
  '',
  '    indented code [9]',
  '',
  'Setext heading',
  '==============',
  '',
  '## References',
  '',
  '1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.',
  '2. Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017.',
  '',
].join('\n');

describe('Markdown article model', () => {
  const a = parseArticle(md, 'markdown');
  const blockText = (kind: string): string[] => a.blocks.filter((b) => b.kind === kind).map((b) => b.prose.replace(/\s+/g, ' ').trim());

  it('reads front matter, and never lints it', () => {
    assert.equal(a.frontMatter.title, 'A [1] title');
    assert.equal(a.frontMatter.jurisdiction, 'us');
    assert.ok(a.markers.every((m) => m.start > md.indexOf('---', 3)));
  });

  it('finds headings of both kinds with levels, without their syntax', () => {
    assert.deepEqual(
      a.blocks.filter((b) => b.kind === 'heading').map((b) => [b.level, b.prose.trim()]),
      [
        [1, 'Ketamine   basics'],
        [1, 'Setext heading'],
        [2, 'References'],
      ],
    );
  });

  it('keeps link text and drops link targets, code and markers from prose', () => {
    const p = blockText('paragraph')[0];
    assert.equal(p, 'Ketamine is fast ; see the review and .');
    const para = a.blocks.find((b) => b.kind === 'paragraph')!;
    assert.equal(para.prose.length, para.end - para.start, 'prose keeps the length of its block');
  });

  it('finds markers in paragraphs, quotes, nested list items and table cells, not in code', () => {
    assert.deepEqual(
      a.markers.map((m) => [m.raw, md.slice(m.start, m.end)]),
      [
        ['[1]', '[1]'],
        ['[2]', '[2]'],
        ['[1]', '[1]'],
        ['[2]', '[2]'],
        ['[1]', '[1]'],
      ],
    );
  });

  it('reads list items, nested items and table rows as blocks', () => {
    assert.deepEqual(blockText('listItem'), ['First item cites.', 'Nested item, with a continuation line.']);
    assert.deepEqual(blockText('tableRow'), ['Drug Evidence', 'Ketamine Trials show benefit']);
  });

  it('records HTML comments for suppression and excludes code', () => {
    assert.equal(a.comments.length, 1);
    assert.match(a.comments[0].body, /^clinical-lint-disable-next-line missing-citation -- reviewed$/);
    assert.ok(a.excluded.some((e) => md.slice(e.start, e.end).includes('indented code [9]')));
  });

  it('parses the reference list under a Markdown heading', () => {
    assert.deepEqual(a.references!.entries.map((e) => e.fields.authors[0]), ['Sanacora G', 'Andrade C']);
    assert.equal(a.references!.heading!.title, 'References');
  });
});

describe('reference entries that carry an anchor', () => {
  const ENTRY = "Naughton M, Clarke G, O'Leary OF, Cryan JF, Dinan TG. A review of ketamine in affective disorders. J Affect Disord. 2014;156:24-35.";
  const FIELDS = {
    authors: ['Naughton M', 'Clarke G', "O'Leary OF", 'Cryan JF', 'Dinan TG'],
    etAl: false,
    title: 'A review of ketamine in affective disorders',
    journal: 'J Affect Disord',
    year: '2014',
    volume: '156',
    pages: '24-35',
  };
  /** Entry 3 as written with its anchor, as pages that link their citations write it. */
  const FORMS: [string, string][] = [
    ['an empty <a id>', `<a id="ref-3"></a>${ENTRY}`],
    ['an empty <a name>', `<a name="ref-3"></a>${ENTRY}`],
    ['an empty <span id>', `<span id="ref-3"></span>${ENTRY}`],
    ['a Pandoc empty span []{#id}', `[]{#ref-3}${ENTRY}`],
    ['an empty span with a class []{#id .ref}', `[]{#ref-3 .ref}${ENTRY}`],
    ['an attribute block {#id} after the text', `${ENTRY} {#ref-3}`],
    ['a kramdown attribute list {: #id} after the text', `${ENTRY} {: #ref-3}`],
    ['a bracketed span around the text', `[${ENTRY}]{#ref-3}`],
    ['a <span id> around the text', `<span id="ref-3">${ENTRY}</span>`],
  ];
  const list = (entry: string): string => `# Ketamine\n\nKetamine helps some patients.[1] It acts fast.[3]\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n2. Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017.\n3. ${entry}\n`;

  for (const [name, written] of FORMS) {
    it(`${name}: its fields and text are read without the anchor; its spans, number and anchor stay as written`, () => {
      const text = list(written);
      const e = parseArticle(text, 'markdown').references!.entries[2];
      assert.deepEqual(e.fields, FIELDS);
      assert.equal(e.text, ENTRY);
      assert.equal(text.slice(e.textSpan.start, e.textSpan.end), written);
      assert.equal(text.slice(e.start, e.end), `3. ${written}`);
      assert.equal(e.number, 3);
      assert.deepEqual(entryAnchors(text, e), ['ref-3']);
    });
  }

  it('an attribute block after an entry that ends with its title, journal or address is no part of them', () => {
    const web = 'Royal College of Psychiatrists. Ketamine for depression. https://www.example.org/ketamine';
    const WEB = { authors: ['Royal College of Psychiatrists'], etAl: false, url: 'https://www.example.org/ketamine', title: 'Ketamine for depression' };
    const journal = 'Naughton M. A review of ketamine. J Affect Disord';
    const JOURNAL = { authors: ['Naughton M'], etAl: false, title: 'A review of ketamine', journal: 'J Affect Disord' };
    for (const [entry, fields] of [[web, WEB], [journal, JOURNAL]] as const) {
      for (const block of ['{#ref-3}', '{: #ref-3}', '{#ref-3 .ref}']) {
        const e = parseArticle(list(`${entry} ${block}`), 'markdown').references!.entries[2];
        assert.deepEqual([e.fields, e.text], [fields, entry], `${entry} ${block}`);
      }
    }
  });

  it('a footnote definition and a list without a heading are read the same way', () => {
    const note = '\n\n[^3]: <a id="fn-3"></a>' + ENTRY + '\n';
    const f = parseArticle(`Ketamine acts fast.[^3]${note}`, 'markdown').footnotes[0];
    assert.deepEqual([f.fields, f.text], [FIELDS, ENTRY]);
    // Without a heading, entries are the list when each reads as a reference: read without its anchor.
    const entries = ['Sanacora G, Frye MA. A consensus statement. JAMA Psychiatry. 2017.', 'Andrade C. Ketamine for depression. J Clin Psychiatry. 2017.'];
    const text = `# Ketamine\n\nKetamine helps some patients.<sup>[1](#ref-1)</sup> It acts fast.<sup>[2](#ref-2)</sup>\n\n${entries.map((e, i) => `${i + 1}. <a id="ref-${i + 1}"></a>${e}`).join('\n')}\n`;
    const refs = parseArticle(text, 'markdown').references;
    assert.ok(refs, 'the entries are the reference list');
    assert.deepEqual(refs.entries.map((e) => [e.text, e.fields.authors[0], e.fields.journal]), [
      [entries[0], 'Sanacora G', 'JAMA Psychiatry'],
      [entries[1], 'Andrade C', 'J Clin Psychiatry'],
    ]);
  });

  it('a tag that links is more than an anchor and stays; an entry without < or { is read as before', () => {
    const linked = `<a id="ref-3" href="https://doi.org/10.1016/j.jad.2013.11.014">doi</a> ${ENTRY}`;
    const e = parseArticle(list(linked), 'markdown').references!.entries[2];
    assert.ok(e.text.startsWith('<a id="ref-3" href='), e.text);
    assert.deepEqual(parseArticle(list(ENTRY), 'markdown').references!.entries[2].fields, FIELDS);
  });
});

describe('plain-text article model', () => {
  it('treats bullets (•, -, *) as list items and keeps wrapped lines with them', () => {
    const a = parseArticle('Intro paragraph here.\n\n• First point\n  wraps here.\n- Second point.\n* Third point.\n', 'plaintext');
    assert.deepEqual(a.blocks.filter((b) => b.kind === 'listItem').map((b) => b.prose.replace(/\s+/g, ' ').trim()), ['First point wraps here.', 'Second point.', 'Third point.']);
  });

  it('does not take sentences for headings', () => {
    const a = parseArticle('Ketamine is used off-label in Canada.\n\nThe Results Were Clear\n\nwhat about lower case lines\n', 'plaintext');
    assert.deepEqual(a.blocks.map((b) => b.kind), ['paragraph', 'heading', 'paragraph']);
  });

  it('parses wrapped reference entries and bracket numbering', () => {
    const a = parseArticle('Text.[1][2]\n\nBibliography\n\n[1] Smith J, Doe A. A long title that\n    wraps onto a second line. Lancet. 2020;395(10223):497-506. doi:10.1016/S0140-6736(20)30183-5\n[2] Roe B. Short. BMJ. 2019. PMID: 31234567 PMCID: PMC6543210\n\nShare this article\n', 'plaintext');
    const [e1, e2] = a.references!.entries;
    assert.equal(a.references!.numbering, 'bracket');
    assert.equal(e1.fields.title, 'A long title that wraps onto a second line');
    assert.equal(e1.fields.journal, 'Lancet');
    assert.deepEqual([e1.fields.year, e1.fields.volume, e1.fields.issue, e1.fields.pages], ['2020', '395', '10223', '497-506']);
    assert.equal(e1.fields.doi, '10.1016/S0140-6736(20)30183-5');
    assert.equal(e2.fields.pmid, '31234567');
    assert.equal(e2.fields.pmcid, 'PMC6543210');
    assert.equal(a.blocks[a.blocks.length - 1].kind, 'trailer');
  });

  it('takes numbered references that end the document for the list, without a heading', () => {
    const text = 'Manipulation helps some people with back pain.[1] Serious harms are rare.[2]\n\n[1] Rubinstein SM, van Tulder MW. Benefits and harms of spinal manipulative therapy: systematic review. BMJ. 2019;364:l689.\n[2] Smith J. Harms of manipulation. Spine J. 2020. doi:10.1016/j.spinee.2020.01.001\n';
    const a = parseArticle(text, 'plaintext');
    assert.equal(a.references?.heading, undefined);
    assert.deepEqual(a.references?.entries.map((e) => e.number), [1, 2]);
    assert.equal(a.references?.entries[0].fields.journal, 'BMJ');
    assert.deepEqual(a.references?.entries[0].fields.authors, ['Rubinstein SM', 'van Tulder MW'], 'a surname with a particle is an author');
    assert.deepEqual(a.blocks.map((b) => b.kind), ['paragraph', 'referenceEntry', 'referenceEntry']);
    assert.equal(a.sentences.some((s) => /Rubinstein/.test(s.text)), false, 'an entry has no sentences');
  });

  it('a short page trailer may follow references without a heading', () => {
    const text = 'Cold water lifts mood.[1]\n\n[1] Massey H, Denton H. Mood of novice open water swimmers. Lifestyle Med. 2020;1(2):e12.\n\nComments are closed. © Hannah Lees 2025\n';
    const a = parseArticle(text, 'plaintext');
    assert.deepEqual(a.references?.entries.map((e) => e.number), [1]);
    assert.equal(a.blocks[a.blocks.length - 1].kind, 'trailer');
  });

  it('leaves a numbered list of steps that ends the document alone', () => {
    const a = parseArticle('Before your visit:\n\n1. Bring your medication list.\n2. Arrive ten minutes early in 2024.\n', 'plaintext');
    assert.equal(a.references, undefined);
  });
});

describe('TOML front matter (+++, as Hugo writes it)', () => {
  const toml = [
    '+++',
    'title = "Ketamine cures depression [3]"',
    "date = 2024-05-01T10:00:00Z",
    "jurisdiction = 'UK' # set by the editor",
    '',
    'tags = ["ketamine", "guaranteed results"]',
    '[params]',
    'jurisdiction = "AU"',
    '+++',
    '',
    '# Ketamine',
    '',
    'Ketamine acts on glutamate.',
    '',
  ].join('\n');

  it('is never linted, like YAML front matter: no block, marker or finding inside it', () => {
    const r = lint(toml, { kind: 'markdown' });
    const end = toml.indexOf('+++', 3) + 3;
    assert.deepEqual(r.article.excluded[0], { start: 0, end });
    assert.ok(r.article.blocks.every((b) => b.start > end));
    assert.deepEqual(r.article.markers, []);
    assert.deepEqual(r.findings.filter((f) => f.start < end).map((f) => f.ruleId), []);
  });

  it('carries the jurisdiction as YAML does (top-level keys only), and other values', () => {
    const a = parseArticle(toml, 'markdown');
    assert.equal(a.frontMatter.title, 'Ketamine cures depression [3]');
    assert.equal(a.frontMatter.jurisdiction, 'UK');
    assert.equal(lint(toml, { kind: 'markdown' }).config.jurisdiction, 'UK');
    assert.equal(lint('+++\n[params]\njurisdiction = "US"\n+++\n\nText.\n', { kind: 'markdown' }).config.jurisdiction, 'CA');
  });

  it('only at the very start: +++ lines in the body are text (the document is not cut into parts before one)', () => {
    const t = 'Ketamine is a cure.\n\n+++\nMore text.\n+++\n\nEnd.\n';
    const a = parseArticle(t, 'markdown');
    assert.deepEqual(a.excluded, []);
    assert.ok(a.blocks.some((b) => t.slice(b.start, b.end).includes('More text.')));
  });

  it('with blank lines and a +++ line in the body, the incremental parse equals a full parse', () => {
    const parser = new IncrementalParser('markdown');
    const body = 'Ketamine is a cure.\n\n+++\nMore text.\n+++\n\nEnd.\n';
    for (const t of [toml, toml + body, `${toml}\n\n${body}`.replace('+++\n\n#', '+++\n\n\n#'), body]) assert.deepStrictEqual(parser.parse(t), parseArticle(t, 'markdown'), t);
  });

  it('a suppression comment goes below it, never into it', () => {
    const t = '+++\ntitle = "T"\n+++\nKetamine [4].\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';
    const a = lint(t, { kind: 'markdown' });
    const f = a.findings.find((x) => x.ruleId === 'unresolved-citation')!;
    assert.equal(suppressFix(a.article, f)!.edits[0].start, t.indexOf('Ketamine'));
  });
});
