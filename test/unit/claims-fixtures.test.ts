// Data-driven tests: every fixture in test/fixtures/claims/ lists, on `<<` lines, each finding
// of unsupported-claim and missing-citation it must produce and sentences that must stay clean;
// any other finding of those rules fails the test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../server/src/core/article/parse';
import { ROOT, kindOf, mine, parseFixture } from './claims-helpers';

const DIR = path.join(ROOT, 'test/fixtures/claims');
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('claims fixtures', () => {
  const files = fs.readdirSync(DIR).sort();

  it('exist', () => assert.ok(files.length >= 8));

  for (const file of files) {
    it(file, () => {
      const { text, expect, config } = parseFixture(fs.readFileSync(path.join(DIR, file), 'utf8'));
      const kind = kindOf(file);
      const found = mine(text, kind, config);
      const article = parseArticle(text, kind);
      const unmatched = new Set(found);
      assert.ok(expect.length > 0, 'the fixture has expectations');
      for (const e of expect) {
        const at = e.at;
        if (e.rule === 'none') {
          const s = article.sentences.find((x) => x.start <= at && at < x.end) ?? article.blocks.find((b) => b.start <= at && at < b.end)!;
          const hits = found.filter((f) => f.start < s.end && f.end > s.start);
          assert.deepEqual(hits.map((f) => `${f.ruleId}: ${text.slice(f.start, f.end)}`), [], `line ${e.line}: nothing flagged in "${norm(text.slice(s.start, s.end))}"`);
          continue;
        }
        const match = found.find((f) => {
          if (f.ruleId !== e.rule || !unmatched.has(f)) return false;
          const t = norm(text.slice(f.start, f.end));
          return e.rule === 'unsupported-claim' ? t.toLowerCase() === norm(e.needle).toLowerCase() && f.start === at : t.includes(norm(e.needle)) && f.start <= at && at < f.end;
        });
        assert.ok(match, `line ${e.line}: ${e.rule} "${e.needle}" is reported; got ${found.map((f) => `${f.ruleId}: "${norm(text.slice(f.start, f.end)).slice(0, 60)}"`).join('; ')}`);
        unmatched.delete(match);
      }
      assert.deepEqual(
        [...unmatched].map((f) => `${f.ruleId}: "${norm(text.slice(f.start, f.end))}"`),
        [],
        'no finding that the fixture does not expect',
      );
    });
  }
});
