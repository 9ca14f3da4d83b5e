import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article/parse';
import { completion } from '../../server/src/core/features/completion';
import { applyEdits } from '../../server/src/core/fixes';

const REFS = '\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n2. Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017.\n';

/** The document after choosing the completion item for reference `n` at the `|` in `line`. */
function complete(line: string, n: string, tail = REFS): string {
  const at = line.indexOf('|');
  const text = line.replace('|', '') + tail;
  const items = completion(parseArticle(text, 'markdown'), at);
  const it = items.find((i) => i.label === n || i.label.endsWith(` ${n}`));
  assert.ok(it, `an item for ${n}: ${items.map((i) => i.label).join(', ')}`);
  return applyEdits(text, [{ ...it.replace, newText: it.insertText }]).slice(0, -tail.length);
}

describe('completion of citation markers', () => {
  it('after an open [, closes the bracket', () => {
    assert.equal(complete('Ketamine acts fast [|', '2'), 'Ketamine acts fast [2]');
  });
  it('inside [1], replaces the number and keeps the bracket (it gave [2]1])', () => {
    assert.equal(complete('Ketamine acts fast [|1].', '2'), 'Ketamine acts fast [2].');
    assert.equal(complete('Ketamine acts fast [1|].', '2'), 'Ketamine acts fast [2].');
  });
  it('inside a list, replaces only the number at the cursor', () => {
    assert.equal(complete('Ketamine acts fast [|1, 2].', '2'), 'Ketamine acts fast [2, 2].');
    assert.equal(complete('Ketamine acts fast [1, |].', '2'), 'Ketamine acts fast [1, 2].');
  });
  it('footnotes: inside [^a], replaces the label and keeps the bracket', () => {
    const notes = '\n\n[^one]: Sanacora G. A Consensus Statement. 2017.\n[^two]: Andrade C. Ketamine for Depression. 2017.\n';
    assert.equal(complete('Ketamine acts fast.[^|on]', 'two', notes), 'Ketamine acts fast.[^two]');
    assert.equal(complete('Ketamine acts fast.[^|', 'two', notes), 'Ketamine acts fast.[^two]');
  });
  it('parentheses, in a document that cites in parentheses: after a word, closes the parenthesis; inside, replaces the number', () => {
    const cited = ' It fades (1).';
    assert.equal(complete(`Ketamine acts fast (|${cited}`, '2'), `Ketamine acts fast (2)${cited}`);
    assert.equal(complete(`Ketamine acts fast (|1).${cited}`, '2'), `Ketamine acts fast (2).${cited}`);
    assert.equal(complete(`Ketamine acts fast (1, |).${cited}`, '2'), `Ketamine acts fast (1, 2).${cited}`);
  });
  it('parentheses: nothing in a link, nor in a document that cites otherwise', () => {
    const at = (line: string): number => completion(parseArticle(line.replace('|', '') + REFS, 'markdown'), line.indexOf('|')).length;
    assert.equal(at('It fades (1). See [the review](|'), 0);
    assert.equal(at('It fades [1]. Ketamine acts fast (|'), 0);
  });
  it('<sup>: replaces the number at the cursor', () => {
    assert.equal(complete('Ketamine acts fast.<sup>|1</sup>', '2'), 'Ketamine acts fast.<sup>2</sup>');
  });
});
