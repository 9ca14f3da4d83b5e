import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { toSuperscript } from '../../server/src/core/article/format';
import { parseArticle } from '../../server/src/core/article/parse';
import { renumber } from '../../server/src/core/features/renumber';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { DocumentKind } from '../../server/src/core/types';

/**
 * Random articles (1 to 14 references, citations in every numeric style, CRLF or LF, emoji):
 * renumbering either refuses or gives a document that is in order, cites the same works at
 * the same places, keeps every entry, and renumbers to itself.
 */
const citation = (n: number) =>
  fc.record({
    nums: fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: 3 }),
    style: fc.constantFrom('sup', 'bracket', 'html', 'paren'),
  });

function write(style: string, nums: number[]): string {
  if (style === 'sup') return toSuperscript(nums.join(','));
  if (style === 'bracket') return ` [${nums.join(', ')}]`;
  if (style === 'paren') return ` (${nums.join(', ')})`;
  return `<sup>${nums.join(',')}</sup>`;
}

const article = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    cites: fc.array(citation(n), { minLength: 1, maxLength: 8 }),
    kind: fc.constantFrom<DocumentKind>('markdown', 'plaintext'),
    crlf: fc.boolean(),
    emoji: fc.boolean(),
  }),
);

function build(a: { n: number; cites: { nums: number[]; style: string }[]; kind: DocumentKind; crlf: boolean; emoji: boolean }): string {
  // A parenthesised citation goes before the full stop, where it cites.
  const body = a.cites.map((c, i) => `${a.emoji && i % 2 ? '😀 ' : ''}Sentence ${i + 1} states a finding${c.style === 'paren' ? `${write(c.style, c.nums)}.` : `.${write(c.style, c.nums)}`}`).join('\n\n');
  const heading = a.kind === 'markdown' ? '## References' : 'References';
  const entries = Array.from({ length: a.n }, (_, i) => `${i + 1}. Author${String.fromCharCode(65 + i)} A. Title number ${i + 1}. J Test. ${2000 + i}.`).join('\n');
  const text = `${body}\n\n${heading}\n\n${entries}\n`;
  return a.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** What each marker cites, as entry texts (numbers change; the works must not). */
function cited(text: string, kind: DocumentKind): string[][] {
  const art = parseArticle(text, kind);
  const byNumber = new Map((art.references?.entries ?? []).map((e) => [e.number, e.text]));
  return art.markers.map((m) => [...new Set(m.numbers.map((x) => byNumber.get(x) ?? `?${x}`))].sort());
}

describe('renumber (property)', () => {
  it('refuses or renumbers to an ordered document citing the same works', () => {
    fc.assert(
      fc.property(article, (a) => {
        const text = build(a);
        const art = parseArticle(text, a.kind);
        const r = renumber(art);
        if ('error' in r) {
          // Ambiguous input, or superscripts that cannot be written unambiguously with 12+ references.
          assert.ok(art.markers.some((m) => m.alternative) || (a.n >= 12 && /can also be read as/.test(r.error)), r.error);
          return;
        }
        const out = applyEdits(text, r.edits);
        assert.deepEqual(cited(out, a.kind), cited(text, a.kind), 'every marker cites the same works');
        const entries = (t: string) => parseArticle(t, a.kind).references!.entries.map((e) => e.text);
        assert.deepEqual([...entries(out)].sort(), [...entries(text)].sort(), 'every entry kept');
        assert.ok(!lint(out, { kind: a.kind }).findings.some((f) => f.ruleId === 'citation-order'), 'in order');
        const again = renumber(parseArticle(out, a.kind));
        assert.ok(!('error' in again) && again.edits.length === 0, 'twice equals once');
        // Outside markers and the list, nothing changed.
        const strip = (t: string) => t.split(/\r?\n\r?\n(?:## )?References/)[0].replace(/<sup>[^<]*<\/sup>| \[[^\]]*\]| \([\d, –-]*\)|[⁰¹²³⁴⁵⁶⁷⁸⁹,˒⁻]+/g, '');
        assert.equal(strip(out), strip(text));
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
