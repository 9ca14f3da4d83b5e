import * as assert from 'node:assert/strict';
import { GenerationalMemo, noMemo } from '../../server/src/core/memo';

describe('memo store (core/memo.ts)', () => {
  it('computes once per namespace and key, across versions', () => {
    const store = new GenerationalMemo();
    let computed = 0;
    const get = (ns: object | string, key: string): number => store.memo(ns, key, () => ++computed);
    const lexicon = {};
    store.nextGeneration();
    assert.equal(get('a', 'x'), 1);
    assert.equal(get('a', 'x'), 1);
    assert.equal(get('b', 'x'), 2, 'another namespace');
    assert.equal(get(lexicon, 'x'), 3, 'an object namespace');
    store.nextGeneration();
    assert.equal(get('a', 'x'), 1);
    assert.equal(get(lexicon, 'x'), 3);
    assert.equal(get({}, 'x'), 4, 'a new object is a new namespace');
    assert.equal(store.hits, 2);
    assert.equal(store.lookups, 3);
  });

  it('stays about twice the size of what a version uses, keeping what the last two used', () => {
    const store = new GenerationalMemo();
    for (let v = 0; v < 50; v++) {
      store.nextGeneration();
      // Each version uses 2,000 keys, 1,000 of them new.
      for (let k = 0; k < 2000; k++) store.memo('ns', `${v * 1000 + k}`, () => k);
      assert.ok(store.entries <= 2 * 2000 + 1024 + 2000, `${store.entries} entries after version ${v}`);
    }
    store.nextGeneration();
    let recomputed = 0;
    for (let k = 0; k < 2000; k++) store.memo('ns', `${49 * 1000 + k}`, () => ++recomputed);
    assert.equal(recomputed, 0, 'what the last version used is kept');
  });

  it('noMemo computes every time', () => {
    let n = 0;
    noMemo('a', 'x', () => ++n);
    noMemo('a', 'x', () => ++n);
    assert.equal(n, 2);
  });
});
