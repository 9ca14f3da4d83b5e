import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article/parse';
import { documentLinks, trimLink } from '../../server/src/core/features/navigation';

/** Each link as "text => target". */
function links(entries: string[]): string[] {
  const text = `Text ${entries.map((_, i) => `[${i + 1}]`).join(' ')}.\n\n## References\n\n${entries.map((e, i) => `${i + 1}. ${e}`).join('\n')}\n`;
  return documentLinks(parseArticle(text, 'markdown')).map((l) => `${text.slice(l.start, l.end)} => ${l.target}`);
}

describe('document links', () => {
  it('keep a closing bracket the address opens, and drop the punctuation after it (they were cut at the "(")', () => {
    assert.deepEqual(links(['A A. Ketamine. Wikipedia. 2020. https://en.wikipedia.org/wiki/Ketamine_(drug).']), ['https://en.wikipedia.org/wiki/Ketamine_(drug) => https://en.wikipedia.org/wiki/Ketamine_(drug)']);
    assert.deepEqual(links(['B B. Two. [link](https://example.com/paren_(x)). 2019.']), ['https://example.com/paren_(x) => https://example.com/paren_(x)']);
    assert.deepEqual(links(['D D. Four (see https://example.org/a). 2001.']), ['https://example.org/a => https://example.org/a']);
  });

  it('a SICI DOI keeps its angle brackets, encoded in the target', () => {
    assert.deepEqual(links(['C C. Three. J Biomed Mater Res. 1997;35(4):229. doi:10.1002/(SICI)1097-4636(199706)35:4<229::AID-JBM12>3.0.CO;2-1.']), [
      'doi:10.1002/(SICI)1097-4636(199706)35:4<229::AID-JBM12>3.0.CO;2-1 => https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C229::AID-JBM12%3E3.0.CO;2-1',
    ]);
  });

  it('DOIs and addresses end before the punctuation of the sentence, and inside <...>', () => {
    assert.deepEqual(links(['E E. Five. JAMA. 2017. doi:10.1001/jama.2017.0080, <https://doi.org/10.1/xyz>']), ['doi:10.1001/jama.2017.0080 => https://doi.org/10.1001/jama.2017.0080', 'https://doi.org/10.1/xyz => https://doi.org/10.1/xyz']);
  });

  it('trimLink', () => {
    assert.equal(trimLink('https://x.org/a_(b)),'), 'https://x.org/a_(b)');
    assert.equal(trimLink('https://x.org/a]'), 'https://x.org/a');
    assert.equal(trimLink('https://x.org/[a]'), 'https://x.org/[a]');
    assert.equal(trimLink('https://x.org/a.'), 'https://x.org/a');
  });
});
