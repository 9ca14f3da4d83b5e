import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Article } from '../../server/src/core/article/model';
import { parseArticle } from '../../server/src/core/article/parse';
import { allReferences, features, rankReferences } from '../../server/src/core/features/cite';
import { arbCitedArticle, arbSentence, FAST_CHECK_SLOW } from './property-support';

/** The ranking as first written: every reference scored, then sorted (the reference for the indexed one). */
function rankByScan(article: Article, sentenceText: string, blockIndex?: number): { ordinal: number; score: number; shared: string[] }[] {
  const refs = allReferences(article);
  const titleF = refs.map((r) => features(r.fields.title ?? r.text));
  const journalF = refs.map((r) => features(r.fields.journal ?? ''));
  const df = new Map<string, number>();
  refs.forEach((_, i) => {
    for (const f of new Set([...titleF[i], ...journalF[i]])) df.set(f, (df.get(f) ?? 0) + 1);
  });
  const idf = (f: string): number => Math.log(1 + refs.length / (df.get(f) ?? refs.length));
  const sent = features(sentenceText);
  const nearby = new Set<number>();
  if (blockIndex !== undefined) for (const m of article.blocks[blockIndex]?.markers ?? []) for (const n of m.numbers) nearby.add(n);
  return refs
    .map((reference, i) => {
      let score = 0;
      const shared: string[] = [];
      for (const f of sent) {
        const inTitle = titleF[i].has(f);
        if (!inTitle && !journalF[i].has(f)) continue;
        score += idf(f) * (f.startsWith('w:') ? 1 : 1.5) * (inTitle ? 1 : 0.5);
        shared.push(f);
      }
      if (reference.number !== undefined && nearby.has(reference.number)) score += 0.25;
      return { ordinal: reference.ordinal, score, shared, i };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal)
    .map(({ ordinal, score, shared }) => ({ ordinal, score, shared }));
}

describe('property: citation ranking through the feature index', () => {
  it('ranks exactly as scoring every reference does, and its top k are the first k', () => {
    fc.assert(
      fc.property(arbCitedArticle, arbSentence, fc.integer({ min: 1, max: 4 }), (text, sentence, k) => {
        const article = parseArticle(text, 'markdown');
        for (const block of [undefined, 0]) {
          const want = rankByScan(article, sentence, block);
          const got = rankReferences(article, sentence, block).map((r) => ({ ordinal: r.reference.ordinal, score: r.score, shared: r.shared }));
          assert.deepEqual(got, want);
          assert.deepEqual(rankReferences(article, sentence, block, k).map((r) => r.reference.ordinal), want.slice(0, k).map((r) => r.ordinal));
        }
      }),
      FAST_CHECK_SLOW,
    );
  });
});
