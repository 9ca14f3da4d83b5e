import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../../server/src/core/article/model';
import { pandocCompletion } from '../../server/src/core/bibliography/citations';
import { defaultConfig } from '../../server/src/core/config';
import { completion } from '../../server/src/core/features/completion';
import { hover } from '../../server/src/core/features/hover';
import { definition, documentLinks, findReferences } from '../../server/src/core/features/navigation';
import { dominantStyle } from '../../server/src/core/article/resolve';
import { parseArticle } from '../../server/src/core/article/parse';
import { lint, type LintResult } from '../../server/src/core/lint';
import { bibliographyLoaderFor, unsavedDocumentLoader } from '../../server/src/node/bibliography';

/**
 * Pandoc citations, data-driven: each article of `test/fixtures/pandoc/cases.json` names a
 * bibliography (BibTeX, CSL-JSON, a broken one, none) and lists the markers it must yield (keys,
 * modes, locators), text that is not a citation, hovers, definition targets in the
 * bibliography file, completion items, and the findings of the two citation rules.
 */
const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'test/fixtures/pandoc');

interface Case {
  file: string;
  markers: { raw: string; keys: string[]; citations?: { key: string; mode: string; prefix?: string; locator?: { label: string; value: string; raw: string } }[] }[];
  notCitations: string[];
  hover: { at: string; contains: string[] }[];
  definition: { at: string; offset?: number; targets: { file: string; line: number; character?: number; startsWith: string }[] }[];
  completion: { cursorAfter: string; labels: string[] | null; replaces?: string }[];
  findings: Record<string, { text: string; message: string; severity?: string }[]>;
}

const cases = (JSON.parse(fs.readFileSync(path.join(DIR, 'cases.json'), 'utf8')) as { articles: Case[] }).articles;

function lintFixture(file: string): { text: string; result: LintResult; article: Article } {
  const full = path.join(DIR, file);
  const text = fs.readFileSync(full, 'utf8');
  const result = lint(text, { kind: 'markdown', bibliography: bibliographyLoaderFor(full) });
  return { text, result, article: result.article };
}

/** Offset of the first occurrence of `needle`, plus `delta`. */
function offsetOf(text: string, needle: string, delta = 0): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the fixture`);
  return at + delta;
}

describe('Pandoc citations: fixtures', () => {
  for (const c of cases) {
    describe(c.file, () => {
      const { text, result, article } = lintFixture(c.file);
      const pandoc = article.markers.filter((m) => m.style === 'pandoc');

      it('finds every citation with its keys, modes and locators, in order', () => {
        assert.deepEqual(
          pandoc.map((m) => m.raw),
          c.markers.map((m) => m.raw),
        );
        c.markers.forEach((want, i) => {
          const m = pandoc[i];
          assert.deepEqual(m.keys, want.keys);
          assert.equal(text.slice(m.start, m.end), want.raw);
          assert.deepEqual(m.numbers, []);
          for (const cite of m.citations ?? []) assert.equal(text.slice(cite.keySpan.start, cite.keySpan.end), cite.key);
          if (!want.citations) return;
          assert.deepEqual(
            m.citations!.map((x) => ({ key: x.key, mode: x.mode, ...(x.prefix ? { prefix: x.prefix } : {}), ...(x.locator ? { locator: x.locator } : {}) })),
            want.citations,
          );
        });
      });

      it('takes no other text for a citation', () => {
        for (const s of c.notCitations) {
          const at = offsetOf(text, s);
          assert.ok(!article.markers.some((m) => m.start < at + s.length && at < m.end), `${s} is not a citation`);
        }
      });

      it('attaches each citation to the sentence it stands in', () => {
        for (const m of pandoc) {
          const sentence = article.sentences.find((s) => s.markers.includes(m));
          assert.ok(sentence, `${m.raw} belongs to a sentence`);
          assert.ok(sentence.start <= m.start && m.start <= sentence.end + 1);
          // The marker is not prose: claims are never read inside it.
          const block = article.blocks[m.blockIndex];
          assert.equal(block.prose.slice(m.start - block.start, m.end - block.start).trim(), '');
        }
      });

      for (const h of c.hover) {
        it(`hovers ${h.at}`, () => {
          const r = hover(article, offsetOf(text, h.at, 1), result.config);
          assert.ok(r, 'a hover');
          for (const part of h.contains) assert.ok(r.markdown.includes(part), `hover has ${JSON.stringify(part)}:\n${r.markdown}`);
          const m = pandoc.find((x) => x.start <= r.span.start && r.span.end <= x.end);
          assert.ok(m, 'the hover spans a marker');
        });
      }

      for (const d of c.definition) {
        it(`goes from ${d.at} to its entry`, () => {
          const targets = definition(article, offsetOf(text, d.at, d.offset ?? d.at.indexOf('@') + 1));
          assert.equal(targets.length, d.targets.length);
          d.targets.forEach((want, i) => {
            const t = targets[i];
            const file = path.join(DIR, want.file);
            assert.equal(t.uri, pathToFileURL(file).href);
            assert.equal(t.range!.start.line, want.line);
            assert.equal(t.range!.start.character, want.character ?? 0);
            const bib = fs.readFileSync(file, 'utf8');
            assert.ok(bib.slice(t.start, t.end).startsWith(want.startsWith), bib.slice(t.start, t.start + 60));
            assert.ok(/[}\]]$/.test(bib.slice(t.start, t.end)), 'the target spans the whole entry');
          });
        });
      }

      for (const k of c.completion) {
        it(`completes keys after ${JSON.stringify(k.cursorAfter)}`, () => {
          const offset = offsetOf(text, k.cursorAfter, k.cursorAfter.length);
          const own = pandocCompletion(article, offset);
          if (k.labels === null) {
            assert.equal(own, undefined);
            return;
          }
          const items = completion(article, offset);
          assert.deepEqual(
            items.map((i) => i.label),
            k.labels,
          );
          for (const i of items) {
            assert.equal(text.slice(i.replace.start, i.replace.end), k.replaces ?? '');
            assert.equal(i.insertText, i.label);
            assert.ok(i.detail.length > 0);
          }
        });
      }

      for (const [rule, want] of Object.entries(c.findings)) {
        it(`${rule}: ${want.length ? want.map((w) => w.text.split('\n')[0]).join(', ') : 'nothing'}`, () => {
          const got = result.findings.filter((f) => f.ruleId === rule);
          assert.deepEqual(
            got.map((f) => text.slice(f.start, f.end)),
            want.map((w) => w.text),
          );
          got.forEach((f, i) => {
            assert.ok(f.message.startsWith(want[i].message), `${f.message}\n  should start with\n${want[i].message}`);
            if (want[i].severity) assert.equal(f.severity, want[i].severity);
          });
        });
      }
    });
  }
});

describe('Pandoc citations: navigation and fixes', () => {
  it('finds every citation of a key from one of them', () => {
    const { text, article } = lintFixture('article-bib.md');
    const spans = findReferences(article, offsetOf(text, '@andrade2017, p. 852', 1), false);
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['@andrade2017', '@andrade2017'],
    );
    assert.ok(spans[1].start === offsetOf(text, '-@andrade2017', 1));
  });

  it('hovers and links the bibliography names of the front matter', () => {
    const { text, article } = lintFixture('article-bib.md');
    const h = hover(article, text.indexOf('refs.bib') + 2, defaultConfig());
    assert.ok(h);
    assert.equal(text.slice(h.span.start, h.span.end), 'refs.bib');
    assert.match(h.markdown, /^\*\*refs\.bib\*\* — BibTeX, 5 entries, 4 cited in this article/);
    const links = documentLinks(article).filter((l) => l.target.startsWith('file:'));
    assert.deepEqual(
      links.map((l) => [text.slice(l.start, l.end), l.target]),
      [['refs.bib', pathToFileURL(path.join(DIR, 'refs.bib')).href]],
    );
    const broken = lintFixture('article-broken.md');
    assert.match(hover(broken.article, broken.text.indexOf('missing.bib') + 1, defaultConfig())!.markdown, /cannot be used: no such file/);
    assert.match(hover(broken.article, broken.text.indexOf('broken.bib') + 1, defaultConfig())!.markdown, /- line 7: Could not read @article\{broken1/);
    assert.equal(documentLinks(broken.article).length, 1, 'no link to a missing file');
  });

  it('works the same with CRLF line endings', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-crlf-'));
    try {
      const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');
      fs.writeFileSync(path.join(dir, 'refs.bib'), crlf(fs.readFileSync(path.join(DIR, 'refs.bib'), 'utf8')));
      const text = crlf(fs.readFileSync(path.join(DIR, 'article-bib.md'), 'utf8'));
      const result = lint(text, { kind: 'markdown', bibliography: bibliographyLoaderFor(path.join(dir, 'article-bib.md')) });
      const lf = lintFixture('article-bib.md');
      assert.deepEqual(
        result.article.markers.map((m) => m.keys),
        lf.article.markers.map((m) => m.keys),
      );
      assert.deepEqual(
        result.findings.filter((f) => f.ruleId === 'unresolved-citation').map((f) => text.slice(f.start, f.end)),
        ['@nosuchkey'],
      );
      const d = definition(result.article, text.indexOf('@who2021') + 2);
      assert.deepEqual(d[0].range, { start: { line: 26, character: 0 }, end: { line: 32, character: 1 } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers the nearest keys for a misspelt one', () => {
    const text = '---\nbibliography: refs.bib\n---\n\nKetamine acts fast [@sanacora2071].\n';
    const result = lint(text, { kind: 'markdown', bibliography: bibliographyLoaderFor(path.join(DIR, 'article.md')) });
    const f = result.findings.find((x) => x.ruleId === 'unresolved-citation');
    assert.ok(f);
    assert.equal(text.slice(f.start, f.end), '@sanacora2071');
    assert.deepEqual(
      f.fixes?.map((x) => x.title),
      ['Cite @sanacora2017 instead'],
    );
    const e = f.fixes![0].edits[0];
    assert.equal(text.slice(0, e.start) + e.newText + text.slice(e.end), text.replace('sanacora2071', 'sanacora2017'));
  });

  it('resolves keys of inline front matter references and goes to them in the document', () => {
    const text = '---\nreferences:\n- id: smith04\n  title: A title\n---\n\nAs @smith04 showed, it works [@smith04, p. 3; @jones].\n';
    const result = lint(text, { kind: 'markdown', bibliography: bibliographyLoaderFor(path.join(DIR, 'article.md')) });
    assert.deepEqual(
      result.article.markers.map((m) => m.raw),
      ['@smith04', '[@smith04, p. 3; @jones]'],
    );
    const unresolved = result.findings.filter((f) => f.ruleId === 'unresolved-citation').map((f) => text.slice(f.start, f.end));
    assert.deepEqual(unresolved, ['@jones']);
    const d = definition(result.article, text.indexOf('@smith04 showed') + 2);
    assert.equal(d.length, 1);
    assert.equal(d[0].uri, undefined);
    assert.equal(text.slice(d[0].start, d[0].end), 'smith04');
  });

  it('neither resolves nor reports keys when no bibliography loader is given', () => {
    const text = fs.readFileSync(path.join(DIR, 'article-bib.md'), 'utf8');
    const result = lint(text, { kind: 'markdown' });
    assert.equal(result.article.bibliographies, undefined);
    assert.equal(result.article.markers.filter((m) => m.style === 'pandoc').length, 6);
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'unresolved-citation' || f.ruleId === 'unused-reference'),
      [],
    );
    assert.match(hover(result.article, text.indexOf('@nosuchkey') + 1, defaultConfig())!.markdown, /bibliography was not loaded/);
  });

  it('says so once when the document is not saved and the bibliography path is relative', () => {
    const text = '---\nbibliography: refs.bib\n---\n\nIt works [@a] and [@b].\n';
    const result = lint(text, { kind: 'markdown', bibliography: unsavedDocumentLoader });
    const fs2 = result.findings.filter((f) => f.ruleId === 'unresolved-citation');
    assert.equal(fs2.length, 1);
    assert.equal(text.slice(fs2[0].start, fs2[0].end), 'refs.bib');
    assert.match(fs2[0].message, /not saved/);
  });
});

describe('Pandoc citations beside numbered markers', () => {
  it('never decide the style of inserted numbered markers', () => {
    assert.equal(dominantStyle(lintFixture('article-bib.md').article), undefined);
    const a = parseArticle('---\nbibliography: r.bib\n---\n\nA [@a] b [@b] c¹.\n\n## References\n\n1. Doe J. Title. J. 2020.\n', 'markdown');
    assert.equal(dominantStyle(a), 'superscript');
  });

  it('offers nothing after an @ that starts no key, even in a superscript article', () => {
    const text = 'Ketamine works.¹ Write to name@\n\nReferences\n\n1. Doe J. Title. J. 2020.\n';
    const a = parseArticle(text, 'plaintext');
    assert.deepEqual(completion(a, text.indexOf('name@') + 5), []);
    assert.ok(completion(a, text.indexOf('Write')).length > 0, 'superscript completion still works elsewhere');
  });
});

describe('Pandoc citations: missing-citation', () => {
  it('treats a sentence carrying a Pandoc citation as cited', () => {
    const { text, result } = lintFixture('article-missing.md');
    for (const scope of ['sentence', 'paragraph'] as const) {
      const r = lint(text, { kind: 'markdown', config: { ...defaultConfig(), citationScope: scope }, bibliography: bibliographyLoaderFor(path.join(DIR, 'article-missing.md')) });
      const flagged = r.findings.filter((f) => f.ruleId === 'missing-citation' || f.ruleId === 'unsupported-claim').map((f) => text.slice(f.start, f.end));
      assert.ok(!flagged.some((s) => s.includes('that ketamine reduced')), `bracketed citation covers its sentence (${scope})`);
      assert.ok(!flagged.some((s) => s.includes('meta-analysis')), `in-text citation covers its sentence (${scope})`);
      assert.ok(
        flagged.some((s) => s.includes('that esketamine reduced')),
        `the uncited sentence is flagged (${scope}): ${JSON.stringify(flagged)}`,
      );
    }
    assert.equal(result.findings.filter((f) => f.ruleId === 'unresolved-citation').length, 0);
  });
});
