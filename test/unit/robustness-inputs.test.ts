import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IncrementalParser } from '../../server/src/core/article/incremental';
import { parseArticle } from '../../server/src/core/article/parse';
import { lint, lintArticle } from '../../server/src/core/lint';
import { sentenceAt } from '../../server/src/core/claims/detect';
import type { Finding } from '../../server/src/core/types';
import { analyse, looksBinary } from '../../server/src/lsp/analysis';
import { readArticle } from '../../server/src/cli/files';
import { defaultConfig } from '../../server/src/core/config';

/**
 * Inputs that stall or crash naive linters. Each must finish (no time is asserted: the benchmark
 * prints times) with a correct result.
 */
function rangesInside(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.ruleId} ${f.start}-${f.end}`);
  }
}

describe('robustness: huge and odd inputs', function () {
  // Large inputs on a shared machine: a generous limit (nothing here asserts a time).
  this.timeout(600_000);
  it('a 1 MB single line', () => {
    const sentence = 'Ketamine cures depression and studies show a 70% response rate in trials¹ ';
    const text = sentence.repeat(Math.ceil((1024 * 1024) / sentence.length));
    for (const kind of ['markdown', 'plaintext'] as const) {
      const r = lint(text, { kind });
      assert.equal(r.article.blocks.length, 1);
      assert.ok(r.article.markers.length > 10_000);
      rangesInside(text, r.findings);
    }
  });

  it('a 1 MB single line and a 1 MB sentence with a soft hyphen in every word (each finding is converted to the document\'s offsets)', () => {
    const sentence = 'Ketamine cu\u00ADres depression and stud\u00ADies show a 70% response rate in tri\u00ADals¹ ';
    const line = sentence.repeat(Math.ceil((1024 * 1024) / sentence.length));
    const oneSentence = line.replace(/¹ /g, ' ');
    for (const text of [line, oneSentence]) {
      const r = lint(text, { kind: 'plaintext' });
      rangesInside(text, r.findings);
      const cures = r.findings.filter((f) => f.ruleId === 'unsupported-claim').map((f) => text.slice(f.start, f.end));
      assert.ok(cures.length > 10_000, String(cures.length));
      assert.ok(cures.every((c) => c === 'cu\u00ADres'), 'every claim covers the word as written');
    }
  });

  it('100,000 unclosed <!-- openers (each used to rescan the rest of the text: 42 s; `npm run bench` times it)', () => {
    for (const [kind, text] of [
      ['plaintext', `Title\n\n${'<!-- '.repeat(100_000)}\n\nStudies show 70%.¹²\n`],
      ['markdown', `# Title\n\nStudies show 70%.[1]\n\n${'<!-- '.repeat(100_000)}\n`],
    ] as const) {
      const r = lint(text, { kind });
      rangesInside(text, r.findings);
      assert.ok(r.findings.some((f) => f.ruleId === 'unresolved-citation'), kind);
    }
  });

  it('a 1 MB sentence naming a drug and a condition 24,000 times, and a 1 MB paragraph of 36,000 such sentences (off-label compared every pair: 2 s and 6 s)', () => {
    for (const text of [`${'studies show ketamine cures depression and '.repeat(24_000)}¹\n`, `${'Ketamine treats depression. '.repeat(36_000)}¹\n`]) {
      const r = lint(text, { kind: 'plaintext', config: { ...defaultConfig(), jurisdiction: 'CA' } });
      rangesInside(text, r.findings);
      assert.equal(r.findings.filter((f) => f.ruleId === 'off-label-disclaimer').length, 1, 'one off-label finding, at the first mention');
    }
  });

  it('100,000 markers', () => {
    const text = `${Array.from({ length: 100_000 }, (_, i) => `Fact ${i}.[${(i % 5) + 1}]`).join(' ')}\n\nReferences\n\n1. A. One. J. 2020.\n2. B. Two. J. 2020.\n3. C. Three. J. 2020.\n4. D. Four. J. 2020.\n5. E. Five. J. 2020.\n`;
    const r = lint(text, { kind: 'plaintext' });
    assert.equal(r.article.markers.length, 100_000);
    assert.equal(r.article.references?.entries.length, 5);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'unresolved-citation' || f.ruleId === 'unused-reference'), []);
  });

  it('deeply nested lists and block quotes', () => {
    const lists = Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- level ${i} ketamine is safe.`).join('\n');
    const quotes = `${'>'.repeat(5000)} deep quote cures everything.`;
    for (const text of [lists, quotes, `${lists}\n\n${quotes}`]) {
      const r = lint(text, { kind: 'markdown' });
      rangesInside(text, r.findings);
      assert.deepStrictEqual(new IncrementalParser('markdown').parse(text), parseArticle(text, 'markdown'));
    }
  });

  it('a reference list of 5,000 entries, every one cited once (numeric footnote markers resolve to it)', () => {
    const body = Array.from({ length: 100 }, (_, p) => `Paragraph ${p} cites ${Array.from({ length: 50 }, (_, k) => `[^${p * 50 + k + 1}]`).join(' ')}.`).join('\n\n');
    const refs = Array.from({ length: 5000 }, (_, i) => `${i + 1}. Author${i} A. A study of topic ${i} number ${i * 7}. J Test${i}. 2020;${i}:1-9.`).join('\n');
    const text = `${body}\n\n## References\n\n${refs}\n`;
    const r = lint(text, { kind: 'markdown' });
    assert.equal(r.article.references?.entries.length, 5000);
    assert.deepEqual(r.findings.filter((f) => ['unresolved-citation', 'unused-reference', 'citation-order', 'duplicate-reference'].includes(f.ruleId)), []);
  });

  it('long runs of markup characters', () => {
    for (const c of ['*', '_', '`', '[', ']', '(', '<', '>', '#', '|', '~', '\\', '^', '!', '-', '¹', '\u200b', '\ud83d']) {
      const text = `${c.repeat(50_000)}\n\nKetamine is 100% safe. ${c.repeat(10_000)}`;
      for (const kind of ['markdown', 'plaintext'] as const) rangesInside(text, lint(text, { kind }).findings);
    }
  });

  it('skips binary content and says why (server)', () => {
    const opts = { kind: 'plaintext' as const, config: defaultConfig(), plaintext: 'always' as const, maxBytes: 4 << 20 };
    assert.ok(looksBinary('PNG\u0000\u0001\u0002'));
    const a = analyse('file:///x.txt', 1, 'abc\u0000def', opts);
    assert.equal(a.result, undefined);
    assert.match(a.skipped!, /binary/);
    const big = analyse('file:///x.md', 1, 'x'.repeat(5 << 20), { ...opts, kind: 'markdown' });
    assert.equal(big.result, undefined);
    assert.match(big.skipped!, /maxFileSizeKiB/);
    assert.match(big.skipped!, /it is 5\.0 MiB, over the 4\.0 MiB limit/);
    // A few kilobytes over a small limit read as kilobytes ("0.0 MB" said nothing).
    const small = analyse('file:///x.md', 1, 'x'.repeat(7 * 1024), { ...opts, kind: 'markdown', maxBytes: 4 * 1024 });
    assert.match(small.skipped!, /it is 7 KiB, over the 4 KiB limit/);
  });

  it('skips binary and non-UTF-8 files and says why (CLI)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-robust-'));
    try {
      fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('caf\xe9 is safe', 'latin1'));
      fs.writeFileSync(path.join(dir, 'bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\n')]));
      assert.match((readArticle(path.join(dir, 'bin.txt')) as { skipped: string }).skipped, /binary/);
      assert.match((readArticle(path.join(dir, 'latin1.txt')) as { skipped: string }).skipped, /UTF-8/);
      assert.equal((readArticle(path.join(dir, 'bom.md')) as { text: string }).text, '# Title\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('robustness: one long block', () => {
  /** How many times the rules read a sentence of the article's blocks (by index). */
  function sentenceReads(text: string): { reads: number; sentences: number } {
    const article = parseArticle(text, 'plaintext');
    let reads = 0;
    for (const block of article.blocks) {
      block.sentences = new Proxy(block.sentences, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    }
    lintArticle(article, { kind: 'plaintext', config: defaultConfig() });
    return { reads, sentences: article.sentences.length };
  }

  it('claims in a paragraph of 3,000 sentences: each sentence read a few dozen times, not once per claim (a 2.6 MB line of claims took a minute)', () => {
    const { reads, sentences } = sentenceReads('Ketamine is discussed by many people for many reasons and it is a guaranteed cure. '.repeat(3000));
    assert.equal(sentences, 3000);
    // Every claim looked its sentence up from the first: about 9 million reads.
    assert.ok(reads < 200 * sentences, `${reads} reads`);
  });

  it('sentenceAt finds what a search from the first sentence finds, at every offset', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sample.txt'), 'utf8');
    for (const kind of ['plaintext', 'markdown'] as const) {
      for (const block of parseArticle(text, kind).blocks) {
        for (let at = -1; at <= block.end - block.start + 1; at++) {
          assert.equal(sentenceAt(block, at), block.sentences.findIndex((s) => s.start - block.start <= at && at < s.end - block.start), `${kind} block ${block.index} at ${at}`);
        }
      }
    }
  });
});
