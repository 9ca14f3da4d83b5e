import * as fs from 'node:fs';
import * as path from 'node:path';

/** Large articles for the tests, made from the sample article (as the benchmark's corpus is). */

export const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test/fixtures/sample.txt'), 'utf8');

/**
 * A Markdown article of `sections` sections (about 7.6 KB each: 40 make about 300 KB, 400 about
 * 3 MB), the sample's body in superscript and bracket citation styles, then its reference list.
 * The sections repeat the same blocks, whose work an incremental parser does once; `distinct`
 * ends every block of a section with a sentence of its own ("Note 12.3."), so none is the same.
 */
export function bigArticle(sections = 40, distinct = false): string {
  const body = SAMPLE.slice(0, SAMPLE.indexOf('\nReferences'));
  const parts = Array.from({ length: sections }, (_, i) => {
    let text = body.replace(/[¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => (i % 3 === 1 ? `[${[...m].map((c) => '¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c) + 1).join(', ')}]` : m));
    let n = 0;
    if (distinct) text = text.replace(/\n\n/g, () => ` Note ${i}.${++n}.\n\n`);
    return `## Section ${i}\n\n${text}`;
  });
  const refs = SAMPLE.slice(SAMPLE.indexOf('\nReferences')).split('\n').filter((l) => /^\s*\d+\./.test(l)).map((l) => l.trim());
  return `${parts.join('\n\n')}\n\n## References\n\n${refs.join('\n')}\n`;
}
