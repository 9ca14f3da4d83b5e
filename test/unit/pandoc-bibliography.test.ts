import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bibliographyFormat, parseBibliography } from '../../server/src/core/bibliography';
import { latexToText } from '../../server/src/core/bibliography/latex';
import { parseBibtexNames, vancouverName } from '../../server/src/core/bibliography/names';
import { bibliographyLoaderFor, clearBibliographyCache, loadBibliographyFile, resolveBibliographyPath } from '../../server/src/node/bibliography';

/** Bibliography files to entries: BibTeX (LaTeX, names, macros, recovery), CSL-JSON, the Node loader. */
describe('Pandoc bibliographies: LaTeX and names', () => {
  const latex: [string, string][] = [
    ['M{\\"u}ller', 'Müller'],
    ["Garc{\\'\\i}a", 'García'],
    ["J\\'er\\^ome", 'Jérôme'],
    ['\\c{C}elik and \\v{S}koda', 'Çelik and Škoda'],
    ['Stra{\\ss}e and {\\o}ster and \\aa{}s', 'Straße and øster and ås'],
    ['Risk \\& benefit: 50\\% less', 'Risk & benefit: 50% less'],
    ['Pages 3--5 --- or more', 'Pages 3–5 — or more'],
    ['{{mhGAP}} Guide in \\emph{Treatment-Resistant} \\textbf{Depression}', 'mhGAP Guide in Treatment-Resistant Depression'],
    ['``Quoted\'\' words', '“Quoted” words'],
    ['Plain   title\n  on two lines', 'Plain title on two lines'],
  ];
  for (const [input, want] of latex) it(`decodes ${JSON.stringify(input)}`, () => assert.equal(latexToText(input), want));

  it('reads BibTeX names in every form', () => {
    const r = parseBibtexNames('Sanacora, Gerard and Mark A. Frye and van der Berg, Anna and Ludwig van Beethoven and {World Health Organization} and King, Jr., Martin Luther and others');
    assert.deepEqual(r.names.map(vancouverName), ['Sanacora G', 'Frye MA', 'van der Berg A', 'van Beethoven L', 'World Health Organization', 'King ML']);
    assert.equal(r.etAl, true);
    assert.deepEqual(parseBibtexNames('Jean-Paul Sartre').names.map(vancouverName), ['Sartre JP']);
    assert.deepEqual(parseBibtexNames('').names, []);
  });
});

describe('Pandoc bibliographies: BibTeX', () => {
  const bib = [
    '@string{jama = "JAMA"}',
    '@Article{a1,',
    '  author = "Doe, John and others",',
    '  journal = jama,',
    '  title = "Part " # "Two",',
    '  month = apr,',
    '  year = {2017},',
    '  doi = {https://doi.org/10.1000/XYZ},',
    '  note = {PMID: 123456}',
    '}',
    '@book(b2, title={Paren}, editor={Roe, Richard}, publisher={Geneva Press}, date={2019-04-01})',
    '@a1dup{a1, title={Again}}',
    '',
  ].join('\n');

  it('reads fields through macros and concatenation, with identifiers cleaned', () => {
    const r = parseBibliography(bib, 'bibtex');
    assert.equal(r.format, 'bibtex');
    assert.deepEqual(
      r.entries.map((e) => e.key),
      ['a1', 'b2'],
    );
    const [a1, b2] = r.entries;
    assert.equal(a1.type, 'article');
    assert.deepEqual(a1.fields, { authors: ['Doe J'], etAl: true, title: 'Part Two', journal: 'JAMA', year: '2017', doi: '10.1000/XYZ', pmid: '123456' });
    assert.equal(a1.text, 'Doe J, et al. Part Two. JAMA. 2017.');
    assert.deepEqual(b2.fields, { authors: ['Roe R'], etAl: false, title: 'Paren', journal: 'Geneva Press', year: '2019' });
  });

  it('gives each entry and key its place in the file', () => {
    const r = parseBibliography(bib, 'bibtex');
    for (const e of r.entries) {
      assert.equal(bib.slice(e.keySpan.start, e.keySpan.end), e.key);
      assert.ok(bib.slice(e.span.start, e.span.end).startsWith('@'));
    }
    assert.deepEqual(r.entries[0].range, { start: { line: 1, character: 0 }, end: { line: 9, character: 1 } });
    assert.deepEqual(r.entries[0].keyRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } });
    assert.deepEqual(r.entries[1].range.start, { line: 10, character: 0 });
  });

  it('reports a duplicate key and keeps the first entry', () => {
    const r = parseBibliography(bib, 'bibtex');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /Duplicate key a1 \(first defined on line 2\)/);
    assert.equal(r.problems[0].range.start.line, 11);
  });

  it('reads the other entries of a file with a broken one, and says where it is', () => {
    const text = '@article{ok1, title={One}}\n\n@article{bad, title={Never closed}\n\n@article{ok2, title={Two}}\n';
    const r = parseBibliography(text, 'bibtex');
    assert.deepEqual(
      r.entries.map((e) => e.key),
      ['ok1', 'ok2'],
    );
    assert.equal(r.entries[1].range.start.line, 4);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].range.start.line, 2);
    assert.match(r.problems[0].message, /^Could not read @article\{bad: /);
  });

  it('finds PubMed ids in BibLaTeX eprints and notes, and DOIs in doi.org URLs', () => {
    const r = parseBibliography(
      '@article{e1, eprint={28249076}, eprinttype={pubmed}, url={https://doi.org/10.1001/x}}\n@article{e2, eprint={PMC5544}, eprinttype={pmc}, note={PMID: 123}}\n@article{e3, extra={PMID: 77}}\n',
      'bibtex',
    );
    assert.deepEqual(
      r.entries.map((e) => [e.fields.pmid, e.fields.pmcid, e.fields.doi]),
      [
        ['28249076', undefined, '10.1001/x'],
        ['123', 'PMC5544', undefined],
        ['77', undefined, undefined],
      ],
    );
  });

  it('reports an entry without a key', () => {
    const r = parseBibliography('@article{}\n@article{k, title={T}}\n', 'bibtex');
    assert.deepEqual(
      r.entries.map((e) => e.key),
      ['k'],
    );
    assert.match(r.problems[0].message, /has no key/);
  });

  it('reads an empty file and a file of comments', () => {
    assert.deepEqual(parseBibliography('', 'bibtex').entries, []);
    assert.deepEqual(parseBibliography('% nothing here\n', 'bibtex').entries, []);
  });
});

describe('Pandoc bibliographies: CSL-JSON', () => {
  it('reads items with names, dates and identifiers, and their places', () => {
    const text = JSON.stringify(
      [
        { id: 'x1', type: 'article-journal', author: [{ family: 'Berg', 'non-dropping-particle': 'van den', given: 'Anna Maria' }, { literal: 'WHO' }], title: 'T', 'container-title': 'BMJ', issued: { 'date-parts': [[2020, 5]] }, DOI: '10.1/abc', PMID: '99', PMCID: 'PMC42', page: '1–9' },
        { id: 7, editor: [{ family: 'Ed', given: 'Ita' }], title: 'Book', issued: { raw: 'Spring 2011' } },
      ],
      null,
      2,
    );
    const r = parseBibliography(text, 'csl-json');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.entries.map((e) => [e.key, e.type]),
      [
        ['x1', 'article-journal'],
        ['7', 'document'],
      ],
    );
    assert.deepEqual(r.entries[0].fields, { authors: ['van den Berg AM', 'WHO'], etAl: false, title: 'T', journal: 'BMJ', year: '2020', pages: '1-9', doi: '10.1/abc', pmid: '99', pmcid: 'PMC42' });
    assert.deepEqual(r.entries[1].fields, { authors: ['Ed I'], etAl: false, title: 'Book', year: '2011' });
    for (const e of r.entries) {
      assert.equal(text.slice(e.keySpan.start, e.keySpan.end), e.key);
      assert.equal(text[e.span.start], '{');
    }
  });

  it('finds PubMed ids Zotero left in the note', () => {
    const r = parseBibliography('[{"id": "z", "note": "PMID: 29282469\\nPMCID: PMC5838571"}]', 'csl-json');
    assert.equal(r.entries[0].fields.pmid, '29282469');
    assert.equal(r.entries[0].fields.pmcid, 'PMC5838571');
  });

  it('reports invalid JSON and items without an id', () => {
    const bad = parseBibliography('[{"id": "a", }, {"title": "no id"}', 'csl-json');
    assert.ok(bad.problems.some((p) => /Invalid JSON/.test(p.message)));
    assert.ok(bad.problems.some((p) => /without an "id"/.test(p.message)));
    assert.deepEqual(
      bad.entries.map((e) => e.key),
      ['a'],
    );
    assert.match(parseBibliography('"text"', 'csl-json').problems[0].message, /Expected a CSL-JSON array/);
    assert.deepEqual(
      parseBibliography('{"items": [{"id": "k"}]}', 'csl-json').entries.map((e) => e.key),
      ['k'],
    );
  });

  it('knows formats by extension', () => {
    assert.equal(bibliographyFormat('refs.bib'), 'bibtex');
    assert.equal(bibliographyFormat('refs.BIBTEX'), 'bibtex');
    assert.equal(bibliographyFormat('dir.v2/refs.json'), 'csl-json');
    assert.equal(bibliographyFormat('refs.yaml'), undefined);
    assert.equal(bibliographyFormat('refs'), undefined);
  });
});

describe('Pandoc bibliographies: loading files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-bib-'));
    clearBibliographyCache();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('resolves names against the document folder, the home folder, or as absolute paths', () => {
    assert.equal(resolveBibliographyPath('refs.bib', '/docs/a'), path.resolve('/docs/a/refs.bib'));
    assert.equal(resolveBibliographyPath('../refs.bib', '/docs/a'), path.resolve('/docs/refs.bib'));
    assert.equal(resolveBibliographyPath('/abs/refs.bib', '/docs/a'), path.resolve('/abs/refs.bib'));
    assert.equal(resolveBibliographyPath('~/zotero.bib', '/docs/a'), path.join(os.homedir(), 'zotero.bib'));
  });

  it('loads a file once per change and sees the change', () => {
    const file = path.join(dir, 'refs.bib');
    fs.writeFileSync(file, '\uFEFF@article{one, title={One}}\n');
    const load = bibliographyLoaderFor(path.join(dir, 'article.md'));
    const a = load('refs.bib');
    assert.equal(a.uri, pathToFileURL(file).href);
    assert.equal(a.format, 'bibtex');
    assert.deepEqual(
      a.entries.map((e) => e.key),
      ['one'],
    );
    assert.deepEqual(a.entries[0].range.start, { line: 0, character: 0 });
    assert.equal(load('refs.bib').entries[0], a.entries[0], 'cached: the same parsed entry');
    fs.writeFileSync(file, '@article{one, title={One}}\n@article{two, title={Two}}\n');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    assert.deepEqual(
      load('refs.bib').entries.map((e) => e.key),
      ['one', 'two'],
    );
  });

  it('says why a file cannot be used', () => {
    const load = bibliographyLoaderFor(pathToFileURL(path.join(dir, 'article.md')).href);
    assert.match(load('missing.bib').error!, /^no such file/);
    fs.writeFileSync(path.join(dir, 'refs.yaml'), 'references: []\n');
    assert.match(load('refs.yaml').error!, /unsupported format/);
    fs.mkdirSync(path.join(dir, 'folder.bib'));
    assert.match(load('folder.bib').error!, /^not a file/);
    assert.match(loadBibliographyFile('x.bib', path.join(dir, 'nope', 'x.bib')).error!, /no such file/);
  });
});
