// Parenthesised citation markers ("(1)", "(2, 3)", "(1-3)"): when numbers in parentheses are
// read as citations (article/parenthesised.ts), and when they are an enumeration, a year, a
// count, a dose, a telephone number or a list item's number.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article/parse';
import { IncrementalParser } from '../../server/src/core/article/incremental';
import type { DocumentKind } from '../../server/src/core/types';

const entries = (n: number, eol = '\n'): string => Array.from({ length: n }, (_, i) => `${i + 1}. Author${i} A. Title of study ${i + 1}. J Test. ${2001 + i};${i + 1}:1-9.`).join(eol);
const withList = (body: string, n = 6, kind: DocumentKind = 'plaintext'): string => `${body}\n\n${kind === 'markdown' ? '## References' : 'References'}\n\n${entries(n)}\n`;
/** The markers of an article as written, with their style's first letter for the parenthesised ones. */
const markers = (text: string, kind: DocumentKind = 'plaintext'): string[] => parseArticle(text, kind).markers.map((m) => (m.style === 'paren' ? m.raw : `${m.style}:${m.raw}`));

describe('parenthesised citations: read', () => {
  for (const [body, expected] of [
    ['Ketamine acts quickly (1).', ['(1)']],
    ['Ketamine acts quickly (1). As shown before (2, 3), the effect fades.', ['(1)', '(2, 3)']],
    ['Reviews agree (1-3). Registries agree (1–3). Two trials compared doses (4,6).', ['(1-3)', '(1–3)', '(4,6)']],
    ['The effect fades within two weeks. (2)', ['(2)']],
    ['Ketamine acts quickly (1) and esketamine too (2).', ['(1)', '(2)']],
    ['The guideline says “monitor for two hours” (3).', ['(3)']],
    ['Relapse is common in 2019 (4), as is remission (5; 6).', ['(4)', '(5; 6)']],
    ['Ketamine acts quickly (1)(2).', ['(1)', '(2)']],
  ] as const) {
    it(body, () => assert.deepEqual(markers(withList(body)), expected));
  }

  it('in Markdown, after emphasis, a link and in a list item', () => {
    const text = withList('Ketamine acts **quickly** (1). See [the review](https://example.org) (2).\n\n- Esketamine is approved (3).\n- It needs monitoring (4).', 6, 'markdown');
    assert.deepEqual(markers(text, 'markdown'), ['(1)', '(2)', '(3)', '(4)']);
  });

  it('after a closing HTML tag (`<strong>quickly</strong> (1)`), in Markdown and in an HTML block', () => {
    assert.deepEqual(markers(withList('Ketamine acts <em>quickly</em> (1). It fades (2).', 6, 'markdown'), 'markdown'), ['(1)', '(2)']);
    assert.deepEqual(markers(withList('<p>Ketamine acts <strong>quickly</strong> (1). It fades <a href="#r">soon</a> (2).</p>', 6, 'markdown'), 'markdown'), ['(1)', '(2)']);
  });

  it('reads the numbers of a list and a range', () => {
    const a = parseArticle(withList('Reviews agree (1-3, 5). Two trials compared doses (4,6).'), 'plaintext');
    assert.deepEqual(a.markers.map((m) => m.numbers), [[1, 2, 3, 5], [4, 6]]);
    assert.deepEqual(a.markers.map((m) => m.style), ['paren', 'paren']);
  });

  it('reads a number a little past the list (a reference not yet added), not a larger one', () => {
    // Six entries: 7 to 9 are citations of entries to come; 40 is a count.
    assert.deepEqual(markers(withList('Ketamine acts quickly (1). A new trial agrees (9). A group of patients (40) took part.')), ['(1)', '(9)']);
  });

  it('a parenthesised marker is blanked from the prose and belongs to its sentence', () => {
    const text = withList('Ketamine acts quickly (1). It fades (2).');
    const a = parseArticle(text, 'plaintext');
    assert.equal(a.blocks[0].prose.includes('('), false);
    assert.deepEqual(a.sentences.slice(0, 2).map((s) => s.markers.map((m) => m.raw)), [['(1)'], ['(2)']]);
  });

  it('offsets are UTF-16 code units, next to emoji and in CRLF text', () => {
    const text = withList('🧠💊 Ketamine acts quickly (1). 😀 It fades (2).').replace(/\n/g, '\r\n');
    const a = parseArticle(text, 'plaintext');
    assert.deepEqual(a.markers.map((m) => text.slice(m.start, m.end)), ['(1)', '(2)']);
  });
});

describe('parenthesised citations: not read', () => {
  for (const [name, body] of [
    ['an enumeration in one sentence', 'You should (1) wash and (2) dry your hands before the visit (3).'],
    ['an enumeration after a colon, with commas', 'Before a session: (1) wash, (2) dry. Ketamine acts quickly (3).'],
    ['a year', 'The trial was published (2019). Ketamine acts quickly (3).'],
    ['a sample size and a dose', 'A trial (n = 30) used low doses (5 mg). Ketamine acts quickly (3).'],
    ['telephone numbers', 'Call us on (020) 7946 0958 or (604) 555-0183. Ketamine acts quickly (3).'],
    ['a thousand', 'About (1,500) people took part. Ketamine acts quickly (3).'],
    ['numbers on a scale, a step, a type, an age', 'Rate the pain on a scale (1-5) at step (2) for type (1) in patients aged (4). Ketamine acts quickly (3).'],
    ['after a comma, a colon or a dash', 'Mum of Jacob, (2); the list: (4) — (5). Ketamine acts quickly (3).'],
    ['a number that starts a sentence after a full stop', 'Prepare for the day. (1) Wash your hands. Ketamine acts quickly (3).'],
    ['a number followed by letters or digits', 'Dose (1)a and code (2)7. Ketamine acts quickly (3).'],
  ] as const) {
    it(name, () => assert.deepEqual(markers(withList(body)), ['(3)']));
  }

  it('a list item’s number, at the start of its line (plain text and Markdown)', () => {
    assert.deepEqual(markers(withList('Prepare for the day.\n(1) Wash your hands.\n(2) Eat lightly.\n\nKetamine acts quickly (3).')), ['(3)']);
    assert.deepEqual(markers(withList('Prepare for the day:\n\n- (1) Wash your hands.\n- (2) Eat lightly.\n\n1. (4) Rest.\n\n> (5) A quote.\n\nKetamine acts quickly (3).', 6, 'markdown'), 'markdown'), ['(3)']);
  });

  it('without a numbered reference list', () => {
    assert.deepEqual(markers('Ketamine acts quickly (1). As shown before (2, 3), it fades.\n'), []);
    // An unnumbered list (author-date) is no list to resolve against.
    assert.deepEqual(markers('Ketamine acts quickly (1).\n\nReferences\n\nSanacora G, Frye MA. A consensus statement. JAMA Psychiatry. 2017;74(4):399-405.\n'), []);
  });

  it('when no number resolves to an entry', () => {
    assert.deepEqual(markers(withList('Ketamine acts quickly (7). It fades (8).')), []);
  });

  it('when none closes a clause ("repeat the dose (2) times")', () => {
    assert.deepEqual(markers(withList('Repeat the dose (2) times a day and (3) more at night.')), []);
  });

  it('in an article that cites with brackets or superscripts: there "(3)" is an age or a count', () => {
    assert.deepEqual(markers(withList('Speech starts early [1]. Stammering often stops [2]. – Hannah, mum of Jacob (3)', 3, 'markdown'), 'markdown'), ['bracket:[1]', 'bracket:[2]']);
    assert.deepEqual(markers(withList('Speech starts early.¹ Stammering often stops.² Jacob (3) was seen.', 3)), ['superscript:¹', 'superscript:²']);
  });

  it('as many parenthesised citations as other markers: both styles are read', () => {
    assert.deepEqual(markers(withList('Speech starts early [1]. Stammering often stops (2).', 3, 'markdown'), 'markdown'), ['bracket:[1]', '(2)']);
  });

  it('in code, link targets and comments', () => {
    const text = withList('Ketamine acts quickly (1). Code `f(2).` and [a link](https://example.org/x(3)) and <!-- note (4). -->', 6, 'markdown');
    assert.deepEqual(markers(text, 'markdown'), ['(1)']);
  });
});

describe('parenthesised citations: incremental parsing', () => {
  it('an edit that makes the article cite in parentheses, and one that undoes it, give what a fresh parse gives', () => {
    const p = new IncrementalParser('plaintext');
    const versions = [
      withList('Ketamine acts quickly. It fades (2) over weeks.\n\nA trial agreed.¹'),
      withList('Ketamine acts quickly. It fades (2).\n\nA trial agreed.¹'),
      withList('Ketamine acts quickly (1). It fades (2).\n\nA trial agreed.¹'),
      withList('Ketamine acts quickly (1). It fades (2) over weeks.\n\nA trial agreed.¹'),
      withList('Ketamine acts quickly [1]. It fades (2) over weeks.\n\nA trial agreed.¹'),
    ];
    for (const v of versions) {
      const fresh = parseArticle(v, 'plaintext');
      assert.deepEqual(p.parse(v).markers, fresh.markers, v);
    }
  });
});
