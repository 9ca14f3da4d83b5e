import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article/parse';

const blocks = (text: string): string[] => parseArticle(text, 'plaintext').blocks.map((b) => `${b.kind}: ${text.slice(b.start, b.end).slice(0, 30)}`);
const LONG = 'Priya from Leicester told us that the mole on her cheek had gone after one evening and left no mark at all.';

describe('plain text: a heading with its section right under it', () => {
  it('splits a short title line from the long paragraph under it', () => {
    assert.deepEqual(blocks(`Customer reviews\n${LONG}\n`), ['heading: Customer reviews', `paragraph: ${LONG.slice(0, 30)}`]);
  });

  it('splits a sentence-case heading and an FAQ question', () => {
    assert.equal(blocks(`Living with Graves' disease\n${LONG}\n`)[0], "heading: Living with Graves' disease");
    assert.equal(blocks(`How long does it last?\n${LONG}\n`)[0], 'heading: How long does it last?');
  });

  it('keeps hard-wrapped prose together', () => {
    const wrapped = 'Ketamine is a medication that has been used\nSafely for decades as an anaesthetic.\n';
    assert.deepEqual(blocks(wrapped).map((b) => b.split(':')[0]), ['paragraph']);
    // A first line that ends on a small word or with punctuation continues.
    assert.equal(blocks(`Our clinic offers care for\n${LONG}\n`).length, 1);
    assert.equal(blocks(`Results vary.\n${LONG}\n`).length, 1);
  });

  it('keeps a list under its title a list', () => {
    const kinds = parseArticle('References\n1. Smith J. A trial of something. BMJ. 2020;1:1-2.\n2. Jones K. Another trial. Lancet. 2021;2:3-4.\n', 'plaintext').blocks.map((b) => b.kind);
    assert.ok(!kinds.includes('paragraph'), JSON.stringify(kinds));
  });

  it('lints the sentence under the heading on its own: the heading is not part of it', () => {
    const a = parseArticle(`Why our members swear by it\nPlunging regularly supercharges your immune system, and regular plungers get sick far less often than everyone else.\n`, 'plaintext');
    assert.ok(a.sentences.some((s) => s.text.startsWith('Plunging regularly')), JSON.stringify(a.sentences.map((s) => s.text)));
  });
});
