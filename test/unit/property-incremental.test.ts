import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { coarseCuts, scanInChunks } from '../../server/src/core/article/chunks';
import { chunkStarts, IncrementalParser } from '../../server/src/core/article/incremental';
import { scanMarkdown } from '../../server/src/core/article/markdownBlocks';
import { scanPlaintext } from '../../server/src/core/article/plainBlocks';
import { splitLines } from '../../server/src/core/article/rawBlock';
import { parseArticle } from '../../server/src/core/article/parse';
import { lint, lintArticle } from '../../server/src/core/lint';
import type { DocumentKind } from '../../server/src/core/types';
import { applyEdit, arbArticle, arbEdit, FAST_CHECK_SLOW } from './property-support';

const kinds: DocumentKind[] = ['markdown', 'plaintext'];

describe('property: incremental parse equals a full parse', function () {
  // Large inputs on a shared machine: a generous limit (nothing here asserts a time).
  this.timeout(600_000);
  for (const kind of kinds) {
    it(`${kind}: after any sequence of edits, the article is the one parseArticle builds`, () => {
      fc.assert(
        fc.property(arbArticle, fc.array(arbEdit, { minLength: 1, maxLength: 4 }), (text, edits) => {
          const parser = new IncrementalParser(kind);
          let t = text;
          assert.deepStrictEqual(parser.parse(t), parseArticle(t, kind));
          for (const e of edits) {
            t = applyEdit(t, e);
            assert.deepStrictEqual(parser.parse(t), parseArticle(t, kind));
          }
        }),
        FAST_CHECK_SLOW,
      );
    });
  }
});

describe('property: scanning chunk by chunk equals scanning the whole text', function () {
  this.timeout(600_000);
  for (const kind of kinds) {
    it(`${kind}: the blocks, exclusions, comments and front matter are the same`, () => {
      fc.assert(
        fc.property(arbArticle, fc.array(arbEdit, { maxLength: 3 }), (text, edits) => {
          const t = edits.reduce(applyEdit, text);
          const whole = kind === 'markdown' ? scanMarkdown(t, splitLines(t)) : scanPlaintext(t, splitLines(t));
          assert.deepStrictEqual(scanInChunks(t, kind).scan, whole);
        }),
        FAST_CHECK_SLOW,
      );
    });
    it(`${kind}: scanning runs of chunks as one (coarseCuts, as a one-shot parse does) gives the same scan`, () => {
      fc.assert(
        fc.property(arbArticle, fc.array(arbEdit, { maxLength: 3 }), fc.integer({ min: 1, max: 400 }), (text, edits, size) => {
          const t = edits.reduce(applyEdit, text);
          assert.deepStrictEqual(scanInChunks(t, kind, undefined, coarseCuts(chunkStarts(t, kind), size)).scan, scanInChunks(t, kind).scan);
        }),
        FAST_CHECK_SLOW,
      );
    });
  }
});

describe('property: rules reusing per-block work across versions equal a fresh lint', function () {
  this.timeout(600_000);
  for (const kind of kinds) {
    it(`${kind}: after any sequence of edits, the findings (with fixes) are the ones lint gives`, () => {
      fc.assert(
        fc.property(arbArticle, fc.array(arbEdit, { minLength: 1, maxLength: 4 }), (text, edits) => {
          const parser = new IncrementalParser(kind);
          let t = text;
          const check = (): void => {
            const kept = lintArticle(parser.parse(t), { kind, memo: parser.memo });
            assert.deepStrictEqual(kept.findings, lint(t, { kind }).findings);
          };
          check();
          for (const e of edits) {
            t = applyEdit(t, e);
            check();
          }
        }),
        FAST_CHECK_SLOW,
      );
    });
  }
});

describe('incremental parse', () => {
  const section = (i: number): string => `## Section ${i}\n\nKetamine reduced symptoms in trials.¹ It is not a cure.[2]\n\n- item one\n- item two\n`;
  const doc = Array.from({ length: 40 }, (_, i) => section(i)).join('\n') + '\n## References\n\n1. A. Title. J. 2020.\n2. B. Title. J. 2021.\n';

  it('cuts a Markdown document into top-level chunks, never inside fences or comments', () => {
    const text = 'a\n\n```\nx\n\ny\n```\n\nb\n\n<!-- c\n\nd -->\n\ne\n\n  f\n';
    const cuts = chunkStarts(text, 'markdown').map((c) => text.slice(c, c + 1));
    assert.deepEqual(cuts, ['a', '`', 'b', '<', 'e']);
  });

  it('re-scans only the chunk an edit touched, and reuses the other blocks', () => {
    const parser = new IncrementalParser('markdown');
    parser.parse(doc);
    const at = doc.indexOf('reduced', doc.indexOf('Section 20'));
    const edited = `${doc.slice(0, at)}x${doc.slice(at)}`;
    const a = parser.parse(edited);
    assert.deepStrictEqual(a, parseArticle(edited, 'markdown'));
    assert.ok(parser.stats.chunks > 100);
    assert.equal(parser.stats.chunks - parser.stats.chunksReused, 1);
    assert.ok(parser.stats.memos - parser.stats.memosReused <= 4, `${parser.stats.memos - parser.stats.memosReused} block computations`);
  });

  it('gives the findings of a fresh lint when blocks move, repeat and change', () => {
    const body = [
      'Ketamine is used for depression and PTSD in our clinic.',
      'He committed suicide after a failed attempt last year.',
      'Studies show that 40% of patients respond within a week.',
      'Gabapentin is often prescribed for anxiety.',
    ];
    const refs = '## References\n\n1. Smith A. Ketamine for depression: a randomized trial. JAMA. 2020.\n2. Smith A. Ketamine for depression: a randomized trial. JAMA. 2020.\n';
    const docs = [
      `${body.join('\n\n')}\n\n${refs}`,
      `${body[1]}\n\n${body.join('\n\n')}\n\n${refs}`,
      `${body.join('\n\n').replace('failed attempt', 'suicide attempt')}\n\nCall or text 988 at any time.\n\n${refs}`,
      `${body.slice(2).join('\n\n')}\n\n${body[0]}\n\n${refs.replace('2. Smith', '2. Jones')}`,
    ];
    const parser = new IncrementalParser('markdown');
    for (const d of docs) {
      const kept = lintArticle(parser.parse(d), { kind: 'markdown', memo: parser.memo });
      assert.deepStrictEqual(kept.findings, lint(d, { kind: 'markdown' }).findings);
      assert.ok(kept.findings.length > 0);
    }
  });

  it('gives the findings of a fresh lint when only a heading above an unchanged block changes', () => {
    // The paragraph names no drug: the heading does, and the paragraph's finding depends on it.
    const under = (heading: string): string => `## ${heading}\n\nIt is also used for generalized anxiety disorder in adults.\n`;
    const parser = new IncrementalParser('markdown');
    for (const d of [under('Gabapentin'), under('Overview'), under('Propranolol'), under('Gabapentin')]) {
      const kept = lintArticle(parser.parse(d), { kind: 'markdown', memo: parser.memo });
      assert.deepStrictEqual(kept.findings, lint(d, { kind: 'markdown' }).findings, d);
    }
    assert.ok(lint(under('Gabapentin'), { kind: 'markdown' }).findings.some((f) => f.ruleId === 'off-label-disclaimer'));
  });

  it('re-cuts from the edit to the first old cut moved by the edit, and reuses the chunks on both sides', () => {
    // Chunks of one length but different kinds: reusing a scan at the wrong place shows.
    const before = 'Aa.\n\n# B\n\n- c\n\nDd.\n\n# E\n\n- f\n';
    const parser = new IncrementalParser('markdown');
    parser.parse(before);
    for (const [at, insert] of [
      [10, 'Xx.\n\n'],
      [10, 'Xx.\n\n# Y\n\n'],
      [12, 'z'],
      [0, 'Zz.\n\n'],
      [before.length, '\n\n- g\n'],
    ] as [number, string][]) {
      const text = before.slice(0, at) + insert + before.slice(at);
      parser.parse(before);
      assert.deepStrictEqual(parser.parse(text), parseArticle(text, 'markdown'), JSON.stringify(text));
      assert.ok(parser.stats.chunks - parser.stats.chunksReused <= insert.split('\n\n').length + 1, `${parser.stats.chunksReused} of ${parser.stats.chunks} reused`);
      assert.deepStrictEqual(parser.parse(before), parseArticle(before, 'markdown'));
    }
  });

  it('makes new blocks where an edit after them changes what they are', () => {
    const entries = (n: number): string => Array.from({ length: n }, (_, i) => `${i + 1}. Author ${i}. Title ${i}. J Med. 2020.`).join('\n\n');
    const cases: [string, string][] = [
      // The same superscript reads as 12 with twelve references, as 1 and 2 with fewer.
      [`Ketamine helps.¹²\n\n## References\n\n${entries(12)}\n`, `Ketamine helps.¹²\n\n## References\n\n${entries(3)}\n`],
      // A page trailer becomes a paragraph when a reference list is added after it.
      // (The edit is two chunks past it, so its block is the last version's scanned block.)
      ['Intro.\n\n## References\n\n1. A. Title. J. 2020.\n\nTrailer text here.\n\nMore.\n\nEnd.\n', 'Intro.\n\n## References\n\n1. A. Title. J. 2020.\n\nTrailer text here.\n\nMore.\n\nEnd.\n\n## References\n\n1. B. Other. J. 2021.\n'],
    ];
    for (const [before, after] of cases) {
      for (const [x, y] of [
        [before, after],
        [after, before],
      ]) {
        const parser = new IncrementalParser('markdown');
        parser.parse(x);
        assert.deepStrictEqual(parser.parse(y), parseArticle(y, 'markdown'), JSON.stringify([x, y]));
      }
    }
  });

  it('reads an unchanged block\'s markers again when an edit before it changes the numbers cited so far', () => {
    const entries = Array.from({ length: 12 }, (_, i) => `${i + 1}. Author ${i}. Title ${i}. J Med. 2020.`).join('\n\n');
    const sup = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '¹⁰', '¹¹'];
    // After ¹ to ¹¹ the run ¹² reads as 12; after ¹ and ² it reads as 1 and 2.
    const doc = (first: string): string => `${first}\n\nLater text.¹²\n\n## References\n\n${entries}\n`;
    const many = doc(sup.map((s) => `Then.${s}`).join(' '));
    const few = doc('Then.¹ Then.²');
    for (const [x, y] of [
      [many, few],
      [few, many],
    ]) {
      const parser = new IncrementalParser('markdown');
      parser.parse(x);
      const a = parser.parse(y);
      assert.deepStrictEqual(a, parseArticle(y, 'markdown'));
      assert.deepEqual(a.markers.filter((m) => m.raw === '¹²').map((m) => m.numbers), [y === many ? [12] : [1, 2]]);
    }
  });

  it('drops what the last parse did not use', () => {
    const parser = new IncrementalParser('plaintext');
    parser.parse('one\n\ntwo\n');
    parser.parse('three\n');
    parser.parse('one\n\ntwo\n');
    assert.equal(parser.stats.chunksReused, 0);
  });
});
