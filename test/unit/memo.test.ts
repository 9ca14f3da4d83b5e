import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { IncrementalParser } from '../../server/src/core/article/incremental';
import { lintArticle } from '../../server/src/core/lint';
import { detached, GenerationalMemo, noMemo } from '../../server/src/core/memo';

/** A full collection on demand (the flag is read when a context is made). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

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

  it('detached gives the same characters', () => {
    const text = 'x'.repeat(100) + 'Studies show it works.' + 'y'.repeat(100);
    assert.equal(detached(text.slice(100, 122)), 'Studies show it works.');
    assert.equal(detached(''), '');
  });

  it('keeps no earlier version of a document alive while the author types (memo keys and work were views into the whole text)', () => {
    const paragraph = (i: number): string => `Finding ${i}: studies show that treatment ${i} reduces symptoms in ${(i % 90) + 5}% of patients within ${(i % 11) + 2} weeks.[${(i % 20) + 1}]`;
    const refs = Array.from({ length: 20 }, (_, i) => `${i + 1}. Author${i} A. A trial of treatment ${i}. J Test. 2020;${i}:1-9.`).join('\n');
    const text = `# Findings\n\n${Array.from({ length: 4000 }, (_, i) => paragraph(i)).join('\n\n')}\n\n## References\n\n${refs}\n`;
    // Forty edits, each in another paragraph: each edited paragraph's work is kept under its new text.
    const grown = heapGrowthOverEdits(text, (e) => `Finding ${e * 97}:`);
    // Each version's text is some 460 KB: forty of them kept would be about 18 MiB.
    assert.ok(grown < 6, `the heap grew by ${grown.toFixed(1)} MiB over 40 edits`);
  }).timeout(60_000);

  it('sweeps by the characters of its keys as well: a few large stale entries do not wait for the entry count', () => {
    const store = new GenerationalMemo();
    const big = 300_000;
    for (let v = 0; v < 50; v++) {
      store.nextGeneration();
      for (let k = 0; k < 10; k++) store.memo('small', `k${k}`, () => k);
      // Each version's one large entry (a long reference list, edited) replaces the last one's.
      store.memo('list', `${v}:`.padEnd(big, 'x'), () => v);
      assert.ok(store.keyChars <= 2 * big + (1 << 20) + big, `${store.keyChars} characters held after version ${v}`);
    }
  });

  it('keeps no stale copies of a long reference list while the author edits its entries', () => {
    const body = Array.from({ length: 200 }, (_, i) => `Finding ${i} was reported in a trial.[${(i % 3000) + 1}]`).join('\n\n');
    const refs = Array.from({ length: 3000 }, (_, i) => `${i + 1}. Author${i} A, Writer B. A randomised trial of treatment ${i} in adults. J Test Med. 2020;${i}:1-9.`).join('\n');
    const grown = heapGrowthOverEdits(`# Findings\n\n${body}\n\n## References\n\n${refs}\n`, (e) => `Author${e * 71} A`);
    // The list is some 300 KB: forty stale copies of it and its parsed entries held some 9 MiB.
    assert.ok(grown < 4, `the heap grew by ${grown.toFixed(1)} MiB over 40 edits of the reference list`);
  }).timeout(60_000);
});

/**
 * The heap's growth, in MiB, over forty versions of `text` linted with the incremental parser
 * and its memo store, each typing an "x" after the first characters of `anchor(e)`.
 */
function heapGrowthOverEdits(text: string, anchor: (e: number) => string): number {
  const gc = collector();
  const parser = new IncrementalParser('markdown');
  const lintVersion = (): number => lintArticle(parser.parse(text), { kind: 'markdown', memo: parser.memo }).findings.length;
  lintVersion();
  lintVersion();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let e = 0; e < 40; e++) {
    const at = text.indexOf(anchor(e)) + 3;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    lintVersion();
  }
  gc();
  return (process.memoryUsage().heapUsed - before) / (1024 * 1024);
}
