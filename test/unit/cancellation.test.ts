import * as assert from 'node:assert/strict';
import { IncrementalParser } from '../../server/src/core/article/incremental';
import { parseArticle, parseArticleSteps } from '../../server/src/core/article/parse';
import { fixAll } from '../../server/src/core/fixAll';
import { lint, lintArticle, lintArticleSteps, lintSteps } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import { type Cancellation, isCancelled, type Steps } from '../../server/src/core/steps';
import { bigArticle } from '../support/articles';

/** Analysis in steps (core/steps.ts): checkpoints, and cancellation at them. */

/** A cancellation requested at its `n`th reading (the checkpoints read it). */
function requestedAt(n: number): Cancellation & { reads: number } {
  return {
    reads: 0,
    get isCancellationRequested() {
      return ++this.reads >= n;
    },
  };
}

function count<T>(steps: Steps<T>): { steps: number; value: T } {
  let n = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { steps: n, value: r.value };
    n++;
  }
}

// About 300 KB: some 1,200 blocks, so every pass over them has checkpoints.
const TEXT = bigArticle(40);

describe('analysis in steps', () => {
  it('the steps give the synchronous result, with checkpoints in the parse and in the rules', () => {
    const parsed = count(parseArticleSteps(TEXT, 'markdown'));
    assert.deepEqual(parsed.value, parseArticle(TEXT, 'markdown'));
    // The scan's chunks, then the two passes over the blocks (markers, then prose and sentences).
    assert.ok(parsed.steps >= 2 * Math.floor(parsed.value.blocks.length / 256), `${parsed.steps} checkpoints in the parse of ${parsed.value.blocks.length} blocks`);
    const linted = count(lintArticleSteps(parsed.value, { kind: 'markdown' }));
    assert.deepEqual(linted.value.findings, lintArticle(parsed.value, { kind: 'markdown' }).findings);
    // Between the rules, and inside the longest (missing-citation, off-label-disclaimer, safe-messaging).
    assert.ok(linted.steps > RULES.length + Math.floor(parsed.value.blocks.length / 256), `${linted.steps} checkpoints in the rules`);
  });

  it('a cancellation requested before the work starts: Cancelled, nothing computed', () => {
    const token = requestedAt(1);
    assert.throws(() => lint(TEXT, { kind: 'markdown', cancellation: token }), isCancelled);
    assert.equal(token.reads, 1);
    assert.throws(() => parseArticle(TEXT, 'markdown', { cancellation: requestedAt(1) }), isCancelled);
    assert.throws(() => fixAll(TEXT, { kind: 'markdown', cancellation: requestedAt(1) }), isCancelled);
  });

  it('a cancellation requested during the rules stops the lint at the next checkpoint: Cancelled, never an internal-error finding', () => {
    const parse = count(parseArticleSteps(TEXT, 'markdown')).steps;
    const all = count(lintSteps(TEXT, { kind: 'markdown' })).steps;
    // Two readings per checkpoint (before and after giving way), one before the first step.
    for (const at of [parse + 3, parse + Math.floor((all - parse) / 2), all - 2]) {
      const token = requestedAt(2 * at);
      assert.throws(() => lint(TEXT, { kind: 'markdown', cancellation: token }), isCancelled, `cancelled at checkpoint ${at}`);
      assert.ok(token.reads <= 2 * at + 1);
    }
    // Not requested: the whole lint, with the token read at every checkpoint.
    const never: Cancellation = { isCancellationRequested: false };
    assert.deepEqual(lint(TEXT, { kind: 'markdown', cancellation: never }).findings, lint(TEXT, { kind: 'markdown' }).findings);
  });

  it('an incremental parse stopped anywhere leaves the parser whole: the next versions are parsed and linted as from scratch', () => {
    const versions = [TEXT, TEXT.replace('## Section 20', 'Ketamine is a guaranteed cure.\n\n## Section 20'), TEXT.replace('## Section 7\n', '## Section 7\n\n```\ncode\n```\n'), `${TEXT}\nKetamine cures depression.[99]\n`];
    const scanSteps = count(new IncrementalParser('markdown').parseSteps(versions[1])).steps;
    // During the scan, just after it, in the middle of the passes over the blocks, near the end.
    for (const at of [2, Math.floor(scanSteps / 4), Math.floor(scanSteps / 2), scanSteps - 1]) {
      const parser = new IncrementalParser('markdown');
      const first = parser.parse(versions[0]);
      lintArticle(first, { kind: 'markdown', memo: parser.memo });
      // Two stopped versions in a row, then two whole ones.
      for (const v of [1, 2]) assert.throws(() => count(parser.parseSteps(versions[v], { cancellation: requestedAt(2 * at) })), isCancelled);
      for (const v of [2, 3]) {
        const article = parser.parse(versions[v]);
        assert.deepEqual(article, parseArticle(versions[v], 'markdown'), `version ${v}, after parses stopped at checkpoint ${at}`);
        assert.deepEqual(lintArticle(article, { kind: 'markdown', memo: parser.memo }).findings, lint(versions[v], { kind: 'markdown' }).findings);
      }
    }
  });

  it('a stopped incremental parse is no version: the work kept from the last whole version stays', () => {
    // No two blocks the same, so that the store holds one record per block.
    const text = bigArticle(40, true);
    const parser = new IncrementalParser('markdown');
    lintArticle(parser.parse(text), { kind: 'markdown', memo: parser.memo });
    const store = (parser as unknown as { store: { entries: number } }).store;
    const kept = store.entries;
    // The author types on while each version's analysis is under way: each is stopped early.
    for (let k = 1; k <= 3; k++) {
      const edited = text.replace('## Section 20', `${'x'.repeat(k)}\n\n## Section 20`);
      assert.throws(() => count(parser.parseSteps(edited, { cancellation: requestedAt(4) })), isCancelled);
    }
    // Each stopped parse counted as a version swept about half of the last whole one's work.
    parser.parse(text.replace('## Section 20', 'y\n\n## Section 20'));
    assert.ok(store.entries >= kept, `${store.entries} entries kept of ${kept}`);
  });
});
