// Reference entries that carry an anchor (`<a id="ref-3"></a>`, `[]{#ref-3}`, `{#ref-3}`), as pages
// that link their citations write them: what the editor shows of them reads them without it.
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/core/config';
import { citationChoices } from '../../server/src/core/features/cite';
import { completion } from '../../server/src/core/features/completion';
import { hover } from '../../server/src/core/features/hover';
import { documentSymbols } from '../../server/src/core/features/navigation';
import { lint } from '../../server/src/core/lint';

const ENTRIES = [
  'Sanacora G, Frye MA, McDonald W. A consensus statement on the use of ketamine. JAMA Psychiatry. 2017;74(4):399-405.',
  'Andrade C. Ketamine for depression, 4: in what dose, at what rate, by what route. J Clin Psychiatry. 2017;78(7):e852-e857.',
  "Naughton M, Clarke G, O'Leary OF, Cryan JF, Dinan TG. A review of ketamine in affective disorders. J Affect Disord. 2014;156:24-35.",
  // A web page: its title and address end it, where an anchor after the text stood in them.
  'Royal College of Psychiatrists. Ketamine for depression. https://www.example.org/ketamine',
];

/** Each entry `n` written with its anchor. */
const FORMS: [string, (entry: string, n: number) => string][] = [
  ['<a id>', (e, n) => `<a id="ref-${n}"></a>${e}`],
  ['<a name>', (e, n) => `<a name="ref-${n}"></a>${e}`],
  ['<span id>', (e, n) => `<span id="ref-${n}"></span>${e}`],
  ['[]{#id}', (e, n) => `[]{#ref-${n}}${e}`],
  ['{#id} after', (e, n) => `${e} {#ref-${n}}`],
  // As old HTML exports write them: the tag and attribute in capitals.
  ['<A NAME>', (e, n) => `<A NAME="ref-${n}"></A>${e}`],
  ['<a ID>', (e, n) => `<a ID="ref-${n}">${e}</a>`],
];

const SENTENCE = 'A review found that ketamine relieves affective disorders within a day.';
const article = (entry: (e: string, n: number) => string): string =>
  [
    '# Ketamine',
    '',
    'Ketamine acts on glutamate receptors.<sup>[1](#ref-1)</sup> It is given by infusion.<sup>[2](#ref-2)</sup> Some clinics offer it.<sup>[4](#ref-4)</sup>',
    '',
    SENTENCE,
    '',
    '## References',
    '',
    ...ENTRIES.map((e, i) => `${i + 1}. ${entry(e, i + 1)}`),
    '',
  ].join('\n');

describe('entries with anchors: cite titles, hover, completion and symbols', () => {
  for (const [name, entry] of FORMS) {
    const text = article(entry);

    it(`${name}: the cite quick fix and "Insert citation..." name the entry by its author and title`, () => {
      const result = lint(text, { kind: 'markdown' });
      const f = result.findings.find((x) => x.ruleId === 'missing-citation' && text.slice(x.start, x.end).includes('affective disorders'));
      assert.ok(f, 'the sentence is reported');
      const titles = f.fixes!.map((x) => x.title);
      assert.ok(titles.includes('Cite 3: Naughton, A review of ketamine in affective disorders'), titles.join(' | '));
      const s = result.article.sentences.find((x) => x.text.includes('affective disorders'))!;
      const choices = citationChoices(result.article, s).map((c) => c.title);
      assert.deepEqual(choices.sort(), [
        'Cite 1: Sanacora, A consensus statement on the use of ketamine',
        'Cite 2: Andrade, Ketamine for depression, 4: in what dose, at what rate, by what route',
        'Cite 3: Naughton, A review of ketamine in affective disorders',
        'Cite 4: Royal College of Psychiatrists, Ketamine for depression',
      ]);
    });

    it(`${name}: the entry's fields and text hold no markup`, () => {
      const entries = lint(text, { kind: 'markdown' }).article.references!.entries;
      assert.deepEqual(
        entries.map((e) => [e.number, e.text, e.fields.authors[0], e.fields.title]),
        [
          [1, ENTRIES[0], 'Sanacora G', 'A consensus statement on the use of ketamine'],
          [2, ENTRIES[1], 'Andrade C', 'Ketamine for depression, 4: in what dose, at what rate, by what route'],
          [3, ENTRIES[2], 'Naughton M', 'A review of ketamine in affective disorders'],
          [4, ENTRIES[3], 'Royal College of Psychiatrists', 'Ketamine for depression'],
        ],
      );
    });

    it(`${name}: the hover on a marker shows the entry's fields, no markup`, () => {
      const article = lint(text, { kind: 'markdown' }).article;
      const at = (n: number): string => hover(article, text.indexOf(`<sup>[${n}]`), defaultConfig())!.markdown;
      assert.equal(at(2).split('\n\n')[0], '**2.** Andrade C. **Ketamine for depression, 4: in what dose, at what rate, by what route**. _J Clin Psychiatry. 2017;78(7):e852-e857_');
      assert.equal(
        at(4),
        '**4.** Royal College of Psychiatrists. **Ketamine for depression**\n\n[https://www.example.org/ketamine](https://www.example.org/ketamine) · [Search PubMed](https://pubmed.ncbi.nlm.nih.gov/?term=Ketamine%20for%20depression%20Royal)',
      );
    });

    it(`${name}: completion items and document symbols name each entry by its author and title`, () => {
      const at = text.indexOf('<sup>[1]') + '<sup>['.length;
      const items = completion(lint(text, { kind: 'markdown' }).article, at);
      assert.deepEqual(
        items.map((i) => i.detail),
        [
          'Sanacora G et al., A consensus statement on the use of ketamine',
          'Andrade C, Ketamine for depression, 4: in what dose, at what rate, by what route',
          'Naughton M et al., A review of ketamine in affective disorders',
          'Royal College of Psychiatrists, Ketamine for depression',
        ],
      );
      const symbols = documentSymbols(lint(text, { kind: 'markdown' }).article).flatMap(function all(s): string[] {
        return [s.name, ...s.children.flatMap(all)];
      });
      for (const name of ['3. Naughton M et al.: A review of ketamine in affective disorders', '4. Royal College of Psychiatrists: Ketamine for depression']) {
        assert.ok(symbols.includes(name), symbols.join(' | '));
      }
    });
  }
});
