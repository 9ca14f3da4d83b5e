import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { FAST_CHECK } from './property-support';

/** Expected LSP position of `needle`, computed independently: UTF-16 length of the line prefix. */
function expected(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle);
  const lines = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const REFS = '\n\nReferences\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';

describe('positions: UTF-16 inside, LSP at the edge', () => {
  it('converts offsets and positions both ways with emoji, CJK and superscripts', () => {
    const text = 'a😀b\n治疗¹²x\r\nlast\rline';
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 4);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // inside a CRLF: not a position
      assert.equal(idx.offsetAt(p), o, `offset ${o}`);
    }
    assert.deepEqual(idx.positionAt(text.indexOf('b')), { line: 0, character: 3 });
    assert.deepEqual(idx.positionAt(text.indexOf('x')), { line: 1, character: 4 });
    assert.deepEqual(idx.positionAt(text.indexOf('last')), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(text.indexOf('line')), { line: 3, character: 0 });
  });

  it('clamps positions past the end of a line to its content', () => {
    const idx = new LineIndex('ab\r\ncd');
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), 6);
  });

  const cases: [string, string][] = [
    ['emoji before the marker', `😀🧠 Ketamine 💊 helps.[4]${REFS}`],
    ['CJK before the marker', `氯胺酮治疗抑郁症 ketamine helps.[4]${REFS}`],
    ['superscripts and a CRLF document', `Ketamine helps.¹\r\nIt acts fast 🚀 in hours.[4]${REFS.replace(/\n/g, '\r\n')}`],
    ['a lone CR document', `Ketamine helps.¹\rIt acts fast in hours.[4]${REFS.replace(/\n/g, '\r')}`],
  ];
  for (const [name, text] of cases) {
    it(`puts a finding at the right LSP position: ${name}`, () => {
      const r = lint(text, { kind: 'markdown' });
      const f = r.findings.find((x) => x.ruleId === 'unresolved-citation');
      assert.ok(f, 'the unresolved [4] is found');
      assert.equal(text.slice(f.start, f.end), '[4]');
      const d = toDiagnostic(new LineIndex(text), f, 'file:///x.md');
      const start = expected(text, '[4]');
      assert.deepEqual(d.range.start, start);
      assert.deepEqual(d.range.end, { line: start.line, character: start.character + 3 });
    });
  }

  it('never puts a range inside a surrogate pair', () => {
    const text = `🧪¹ test 🧪[2]🧪 and 🧪²🧪${REFS}`;
    const r = lint(text, { kind: 'plaintext' });
    assert.ok(r.findings.length > 0);
    for (const f of r.findings) {
      for (const o of [f.start, f.end]) {
        const c = text.charCodeAt(o);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `offset ${o} splits a surrogate pair`);
      }
    }
  });
});

describe('property: the line index of an edited text, from the previous one', () => {
  const piece = fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '\n\n', '¹²', '😀', '中文', ' ', '\r\r\n');
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  it('equals the index built from scratch, whatever the edit (CR, LF, CRLF split or joined, emoji)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), text, (before, a, b, insert) => {
        const start = a % (before.length + 1);
        const end = start + (b % (before.length - start + 1));
        const after = before.slice(0, start) + insert + before.slice(end);
        assert.deepStrictEqual(LineIndex.after(new LineIndex(before), after).lineStarts, new LineIndex(after).lineStarts);
      }),
      { ...FAST_CHECK, numRuns: (FAST_CHECK.numRuns ?? 100) * 20 },
    );
  });

  it('handles the edits at the seams by hand too', () => {
    for (const [before, after] of [
      ['a\r', 'a\r\n'],
      ['a\r\nb', 'a\rb'],
      ['a\r\nb', 'a\r\n\nb'],
      ['\n', ''],
      ['', '\r'],
      ['x\ny', 'x\r\ny'],
    ]) {
      assert.deepStrictEqual(LineIndex.after(new LineIndex(before), after).lineStarts, new LineIndex(after).lineStarts, JSON.stringify([before, after]));
    }
  });
});
