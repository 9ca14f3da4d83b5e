import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../server/src/core/article/parse';
import { documentSymbols, type SymbolResult } from '../../server/src/core/features/navigation';
import type { DocumentKind } from '../../server/src/core/types';
import { arbArticle, FAST_CHECK_SLOW } from './property-support';

/** Symbols as [name, range text, selection text], children indented by two spaces. */
function outline(text: string, kind: DocumentKind): string[] {
  const out: string[] = [];
  const walk = (s: SymbolResult, depth: number): void => {
    out.push(`${' '.repeat(depth)}${JSON.stringify([s.name, text.slice(s.start, s.end), text.slice(s.selection.start, s.selection.end)])}`);
    for (const c of s.children) walk(c, depth + 2);
  };
  for (const s of documentSymbols(parseArticle(text, kind))) walk(s, 0);
  return out;
}

/** What an editor needs of an outline: ranges hold their selection and their children, siblings in order, no range ends inside a CRLF. */
function assertWellFormed(text: string, symbols: SymbolResult[], parent?: SymbolResult): void {
  let prevEnd = parent ? parent.start : 0;
  for (const s of symbols) {
    assert.ok(s.start <= s.selection.start && s.selection.end <= s.end, `${s.name}: the selection is inside the range`);
    assert.ok(s.start >= prevEnd, `${s.name}: starts after its previous sibling ends`);
    if (parent) assert.ok(parent.start <= s.start && s.end <= parent.end, `${s.name}: inside ${parent.name}`);
    for (const at of [s.start, s.end]) assert.ok(!(text[at - 1] === '\r' && text[at] === '\n'), `${s.name}: ${at} splits a CRLF`);
    prevEnd = s.end;
    assertWellFormed(text, s.children, s);
  }
}

describe('document symbols', () => {
  it('Markdown: a heading symbol starts at its ##, ends at its last text, and holds the footnotes written under it', () => {
    const text = '# Title\n\nText.[^1]\n\n## Part two\n\nMore text [1].\n\n## Notes\n\n[^1]: A note.\n\n## References\n\n1. A A. One. J. 2001.\n';
    assert.deepEqual(outline(text, 'markdown'), [
      '["Title","# Title\\n\\nText.[^1]\\n\\n## Part two\\n\\nMore text [1].\\n\\n## Notes\\n\\n[^1]: A note.\\n\\n## References\\n\\n1. A A. One. J. 2001.","Title"]',
      '  ["Part two","## Part two\\n\\nMore text [1].","Part two"]',
      '  ["Notes","## Notes\\n\\n[^1]: A note.","Notes"]',
      '    ["[^1] A note","[^1]: A note.","1"]',
      '  ["References","## References\\n\\n1. A A. One. J. 2001.","References"]',
      '    ["1. A A: One","1. A A. One. J. 2001.","1"]',
    ]);
  });

  it('plain text with CRLF: a section ends at its last character, not between \\r and \\n', () => {
    const text = 'Title\r\n\r\nText here.¹\r\n\r\nReferences\r\n\r\n1. A A. One. J. 2001.\r\n';
    assert.deepEqual(outline(text, 'plaintext'), [
      '["Title","Title\\r\\n\\r\\nText here.¹","Title"]',
      '["References","References\\r\\n\\r\\n1. A A. One. J. 2001.","References"]',
      '  ["1. A A: One","1. A A. One. J. 2001.","1"]',
    ]);
  });

  it('a footnote before the first heading stays at the top level, in document order', () => {
    const text = 'Intro[^a].\n\n[^a]: Early note.\n\nSetext\n======\n\nx[^b]\n\n[^b]: Late note.\n';
    assert.deepEqual(outline(text, 'markdown'), ['["[^a] Early note","[^a]: Early note.","a"]', '["Setext","Setext\\n======\\n\\nx[^b]\\n\\n[^b]: Late note.","Setext"]', '  ["[^b] Late note","[^b]: Late note.","b"]']);
  });

  it('property: any article gives a well-formed outline', () => {
    fc.assert(
      fc.property(arbArticle, fc.constantFrom<DocumentKind>('markdown', 'plaintext'), (text, kind) => {
        assertWellFormed(text, documentSymbols(parseArticle(text, kind)));
      }),
      FAST_CHECK_SLOW,
    );
  });
});
