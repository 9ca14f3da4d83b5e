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
  it('lists the references as the cite fixes rank them for the sentence, the best selected', () => {
    const refs = '\n\n## References\n\n1. Sanacora G. A Consensus Statement on Ketamine. JAMA Psychiatry. 2017.\n2. Feder A. Ketamine for chronic post-traumatic stress disorder: a randomized trial. Am J Psychiatry. 2021.\n3. Dakwar E. Ketamine for cocaine use disorder. Am J Psychiatry. 2019.\n';
    const at = (line: string) => {
      const items = completion(parseArticle(line.replace('|', '') + refs, 'markdown'), line.indexOf('|'));
      return { labels: items.map((i) => i.label), preselected: items.filter((i) => i.preselect).map((i) => i.label) };
    };
    // By the words: PTSD is post-traumatic stress disorder.
    assert.deepEqual(at('Ketamine helps veterans with PTSD [|'), { labels: ['2', '1', '3'], preselected: ['2'] });
    // By the order of citation: 1 and 2 cited in order, so 3 is likely next.
    assert.deepEqual(at('Ketamine acts fast [1]. It helps in PTSD [2]. It is being studied in other conditions [|'), { labels: ['3', '2', '1'], preselected: ['3'] });
  });
  it('the first citation of an article: reference 1 first; outside a sentence (a heading): list order, nothing selected', () => {
    const first = completion(parseArticle(`It acts fast [${REFS}`, 'markdown'), 14);
    assert.deepEqual(first.map((i) => [i.label, i.preselect]), [['1', true], ['2', undefined]]);
    const heading = completion(parseArticle(`# Depression [${REFS}`, 'markdown'), 14);
    assert.deepEqual(heading.map((i) => [i.label, i.preselect]), [['1', undefined], ['2', undefined]]);
  });
});
