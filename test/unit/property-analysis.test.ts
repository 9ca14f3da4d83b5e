import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { toText } from '../../server/src/core/article/invisible';
import { parseArticle } from '../../server/src/core/article/parse';
import { renumber } from '../../server/src/core/features/renumber';
import { htmlComments } from '../../server/src/core/article/rawBlock';
import { applyEdits } from '../../server/src/core/fixes';
import { INTERNAL_ERROR, lint } from '../../server/src/core/lint';
import type { DocumentKind, Finding, Span, TextEdit } from '../../server/src/core/types';
import { arbArticle, arbCitedArticle, FAST_CHECK, FAST_CHECK_SLOW } from './property-support';

/**
 * Properties of the whole analysis over generated articles (random text, markers of every
 * style, references, emoji, CRLF, BOM): `npm test` runs them with a fixed seed, `npm run fuzz`
 * with many more cases and a random seed.
 */
const kinds: DocumentKind[] = ['markdown', 'plaintext'];

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** An offset that does not split a surrogate pair. */
function onBoundary(text: string, offset: number): boolean {
  return offset <= 0 || offset >= text.length || !(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}
function assertSpan(text: string, s: Span, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: offsets must be integers`);
  assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what}: ${s.start}-${s.end} outside 0-${text.length}`);
  assert.ok(onBoundary(text, s.start) && onBoundary(text, s.end), `${what}: ${s.start}-${s.end} splits a surrogate pair`);
}

/** Where an offset of the old text is after the edits (offsets inside an edit go to its start). */
function mapOffset(offset: number, edits: TextEdit[]): number {
  let delta = 0;
  for (const e of edits) if (e.end <= offset) delta += e.newText.length - (e.end - e.start);
  return offset + delta;
}

describe('property: analysis of any article', function () {
  // Large inputs on a shared machine: a generous limit (nothing here asserts a time).
  this.timeout(600_000);
  for (const kind of kinds) {
    it(`${kind}: never throws, no rule fails, every range inside the text and on UTF-16 boundaries`, () => {
      fc.assert(
        fc.property(arbArticle, (text) => {
          const r = lint(text, { kind });
          assert.deepEqual(
            r.findings.filter((f) => f.ruleId === INTERNAL_ERROR).map((f) => f.message),
            [],
          );
          for (const f of r.findings) {
            assertSpan(text, f, `${f.ruleId} finding`);
            for (const rel of f.related ?? []) assertSpan(text, rel, `${f.ruleId} related`);
            for (const fix of f.fixes ?? []) for (const e of fix.edits) assertSpan(text, e, `${f.ruleId} fix "${fix.title}"`);
          }
          for (const m of r.article.markers) assertSpan(text, m, 'marker');
          // A sentence's span is in the prose: the document's, once converted (invisible.ts).
          const joined = r.article.joinedWords;
          for (const s of r.article.sentences) assertSpan(text, joined ? { start: toText(joined, s.start), end: toText(joined, s.end, true) } : s, 'sentence');
        }),
        FAST_CHECK_SLOW,
      );
    });

    it(`${kind}: every quick fix applies cleanly, changes only its ranges, and a safe fix resolves its finding`, () => {
      fc.assert(
        fc.property(arbArticle, (text) => {
          const r = lint(text, { kind });
          for (const f of r.findings) {
            for (const fix of f.fixes ?? []) {
              const edits = [...fix.edits].sort((a, b) => a.start - b.start);
              for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, `${f.ruleId} fix "${fix.title}": overlapping edits`);
              const out = applyEdits(text, fix.edits);
              // Outside its ranges the text is unchanged.
              let pos = 0;
              let outPos = 0;
              for (const e of edits) {
                assert.equal(out.slice(outPos, outPos + (e.start - pos)), text.slice(pos, e.start));
                outPos += e.start - pos + e.newText.length;
                pos = e.end;
              }
              assert.equal(out.slice(outPos), text.slice(pos));
              // Fixes that claim to resolve the finding: the safe ones and the preferred one.
              if (!fix.safe && !fix.isPreferred) continue;
              const after = lint(out, { kind }).findings;
              const at = mapOffset(f.start, edits);
              const still = after.find((g) => g.ruleId === f.ruleId && g.start === at && g.message === f.message);
              assert.equal(still, undefined, `${f.ruleId} at ${f.start} still there after its fix "${fix.title}"`);
            }
          }
        }),
        FAST_CHECK_SLOW,
      );
    });

    it(`${kind}: renumbering twice equals renumbering once`, () => {
      fc.assert(
        fc.property(fc.oneof(arbCitedArticle, arbArticle), (text) => {
          const once = renumber(parseArticle(text, kind));
          if ('error' in once) return;
          const t1 = applyEdits(text, once.edits);
          const twice = renumber(parseArticle(t1, kind));
          if ('error' in twice) assert.fail(`renumbered text refused: ${twice.error}`);
          assert.equal(applyEdits(t1, twice.edits), t1);
        }),
        FAST_CHECK_SLOW,
      );
    });
  }
});

export type { Finding };

describe('property: applying edits', () => {
  /** The definition: edits applied one at a time from the end, each to the whole text. */
  function oneAtATime(text: string, edits: TextEdit[]): string {
    const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || a.i - b.i);
    let out = text;
    for (const { e } of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  }
  /** Non-overlapping edits of a text: cut points, each gap between two either kept or replaced, plus insertions. */
  const arbEdits = fc.string({ maxLength: 40 }).chain((text) =>
    fc
      .tuple(fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 4 })), { minLength: 9, maxLength: 9 }), fc.array(fc.tuple(fc.integer({ min: 0, max: text.length }), fc.string({ maxLength: 3 })), { maxLength: 4 }))
      .map(([cuts, choices, inserts]) => {
        const points = [...cuts].sort((a, b) => a - b);
        const edits: TextEdit[] = [];
        for (let i = 0; i + 1 < points.length; i++) if (choices[i][0]) edits.push({ start: points[i], end: points[i + 1], newText: choices[i][1] });
        // Insertions only where they touch no replaced range but its edges.
        for (const [at, newText] of inserts) if (!edits.some((e) => e.start < at && at < e.end)) edits.push({ start: at, end: at, newText });
        return { text, edits };
      }),
  );

  it('gives what applying the edits one at a time from the end gives, ties included', () => {
    fc.assert(
      fc.property(arbEdits, ({ text, edits }) => {
        assert.equal(applyEdits(text, edits), oneAtATime(text, edits));
      }),
      FAST_CHECK,
    );
  });

  it('refuses overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 1, end: 4, newText: 'x' }, { start: 3, end: 5, newText: 'y' }]), /Overlapping/);
    assert.throws(() => applyEdits('abcdef', [{ start: 1, end: 4, newText: 'x' }, { start: 2, end: 2, newText: 'y' }]), /Overlapping/);
  });

  it('rewrites thousands of markers in a large text', () => {
    // (Each edit used to copy the whole text: renumbering a 1 MB article took 2 s; `npm run bench` measures it.)
    const text = 'Ketamine¹ works.² '.repeat(5000);
    const edits: TextEdit[] = [];
    for (let at = text.indexOf('¹'); at >= 0; at = text.indexOf('¹', at + 1)) edits.push({ start: at, end: at + 1, newText: '²' });
    const out = applyEdits(text, edits);
    assert.equal(out, 'Ketamine² works.² '.repeat(5000));
  });
});

describe('property: HTML comments', () => {
  it('are found as /<!--[\\s\\S]*?-->/g finds them, in any window of the text', () => {
    const arbText = fc.array(fc.constantFrom('<!--', '-->', '<!-->', '-', '<', '!', 'a', ' ', '\n'), { maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(arbText, fc.nat(), fc.nat(), (text, a, b) => {
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        const slice = text.slice(from, to);
        const want = [...slice.matchAll(/<!--[\s\S]*?-->/g)].map((m) => ({ start: from + m.index!, end: from + m.index! + m[0].length }));
        assert.deepEqual(htmlComments(text, from, to), want);
      }),
      FAST_CHECK,
    );
  });
});
