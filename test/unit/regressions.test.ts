import { REFERENCE_STUB } from '../../server/src/core/article/format';
import * as assert from 'node:assert/strict';
import { IncrementalParser } from '../../server/src/core/article/incremental';
import { parseArticle } from '../../server/src/core/article/parse';
import { splitSentences } from '../../server/src/core/article/sentences';
import { applyEdits } from '../../server/src/core/fixes';
import { isLinearPattern } from '../../server/src/core/knowledge/claims';
import { parseReferenceFields } from '../../server/src/core/article/references';
import { lint } from '../../server/src/core/lint';
import { type CitationModel, citationModel, setCitationModel } from '../../server/src/core/claims/model';
import type { DocumentKind } from '../../server/src/core/types';

/**
 * One test per bug that the property tests, the robustness tests or the benchmark found. Each
 * names what went wrong; the time-related ones assert completion and the result, never a time.
 */
function sameAsFull(texts: string[], kind: DocumentKind = 'markdown'): void {
  const parser = new IncrementalParser(kind);
  for (const t of texts) assert.deepStrictEqual(parser.parse(t), parseArticle(t, kind), JSON.stringify(t));
}

/** Lints the enclosing suite's texts with the citation-need classifier off. */
function withoutClassifier(): void {
  let saved: CitationModel | null = null;
  before(() => {
    saved = citationModel();
    setCitationModel(null);
  });
  after(() => setCitationModel(saved));
}

describe('regressions', function () {
  this.timeout(600_000);

  describe('incremental parsing (found by property-incremental)', () => {
    it('an HTML comment block that runs past a fenced block is not cut at the fence', () => {
      const t = '<!-- ketamine.\n\n.\n\n```js\nketamine.\n\n<!-- c --> ketamine.\n```\n\n| a | b |\n|---|---|\n| `code`. | . |\n\n';
      sameAsFull([t, `¹.${t}`]);
    });
    it('<pre> right after a paragraph line opens an HTML block even when the line before started with a tag', () => {
      const t = '> ketamine ketamine guaranteed.\n<pre>\n.\n\n.\n\n';
      sameAsFull([t, `<sup>2,3</sup> ketamine.${t}`, `.<sup>2,3</sup> ketamine.${t}`]);
    });
    it('no cut before a footnote definition: indented code goes on across its blanked lines', () => {
      const t = '```js\n¹.\n\n\t ¹.\n\n[^1]:\n\n\t- ketamine.\n- ketamine.\n\n';
      sameAsFull([t, `ketamine.${t}`]);
    });
    it('an HTML comment end on a footnote definition line does not end the HTML block for markdown-it', () => {
      const t = '---\ntitle: x\njurisdiction: UK\n---\n\n[^1]: <!-- c --> ¹.\n\nketamine.\n\n';
      sameAsFull([t, `<!--${t}`]);
    });
  });

  describe('quadratic time on large documents (found by the benchmark and robustness tests)', () => {
    it('many footnote definitions: blanked in one pass, not one copy of the text per definition', () => {
      const t = Array.from({ length: 3000 }, (_, i) => `Claim ${i}.[^n${i}]\n\n[^n${i}]: Author ${i}. Title ${i}. J. 2020.`).join('\n\n');
      const a = parseArticle(t, 'markdown');
      assert.equal(a.footnotes.length, 3000);
      assert.equal(a.markers.length, 3000);
    });
    it('a long reference list in an LF document: line starts found without scanning to the start for \\r', () => {
      const t = `Text [1].\n\nReferences\n\n${Array.from({ length: 4000 }, (_, i) => `${i + 1}. A${i} B. Title ${i}. J. 2020.`).join('\n')}\n`;
      assert.equal(parseArticle(t, 'plaintext').references?.entries.length, 4000);
    });
    it('"!!!…" longer than the segmenter limit: the end-of-sentence regex starts only at a run start', () => {
      assert.ok(splitSentences(`${'!'.repeat(100_000)} Then more.`).length >= 1);
    });
    it('a megabyte sentence full of claims: context words and clause ends read from windows', () => {
      const t = 'Ketamine cures depression and studies show a 70% response rate in trials¹ '.repeat(14_000);
      const r = lint(t, { kind: 'plaintext' });
      assert.ok(r.findings.filter((f) => f.ruleId === 'unsupported-claim').length > 10_000);
    });
    it('unused-reference and cite fixes with thousands of entries and findings', () => {
      const body = Array.from({ length: 600 }, (_, i) => `Studies show ketamine reduced symptoms in trial ${i}.`).join('\n\n');
      const t = `${body}\n\nReferences\n\n${Array.from({ length: 1500 }, (_, i) => `${i + 1}. A${i} B. Ketamine trial ${i} results. J Psych. 2020.`).join('\n')}\n`;
      const r = lint(t, { kind: 'plaintext' });
      assert.equal(r.findings.filter((f) => f.ruleId === 'unused-reference').length, 1500);
      assert.ok(r.findings.some((f) => f.ruleId === 'missing-citation' && (f.fixes ?? []).length > 0));
    });
  });

  describe('quick fixes (found by property-analysis under npm run fuzz)', () => {
    // The texts are the fuzzer's: the cue rules alone make the finding whose fix is tested.
    withoutClassifier();
    it('a cite fix before a colon inserts a marker that is read as one: "text [1]:" cites, only "[1]:" at a line start defines', () => {
      for (const [text, kind] of [
        ['risk show reduce the | 😀 nasal J. Clin. https://doi.org/10.1000/x cancer café:\n\nReferences\n\n1. reduce ketamine.\n\n', 'markdown'],
        ['- <sup>2,3</sup> ketamine. ketamine! side effects cancer:\n\n<!-- ketamine.\n\n¹ [12] [2-4] `code`. ketamine.\n\nReferences\n\n2. ketamine.\n\n', 'plaintext'],
      ] as const) {
        const finding = lint(text, { kind }).findings.find((f) => f.ruleId === 'missing-citation');
        assert.ok(finding?.fixes?.length, 'a cite fix is offered');
        const fixed = applyEdits(text, finding!.fixes![0].edits);
        assert.ok(!lint(fixed, { kind }).findings.some((f) => f.ruleId === 'missing-citation' && f.message === finding!.message), fixed);
      }
      assert.equal(parseArticle('Shown in a trial [1]: it works.', 'markdown').markers.length, 1);
    });

    it('a bracket cite fix after "!" leaves a space, since "![1]" reads as an image, not a marker', () => {
      const text = 'References\n\n1. qhYl,W side effects spray!\n1. ketamine.\n\nReferences\n\n1. spray ketamine. ¹.\n\n';
      const finding = lint(text, { kind: 'markdown' }).findings.find((f) => f.ruleId === 'missing-citation');
      const fixed = applyEdits(text, finding!.fixes![0].edits);
      assert.match(fixed, /spray! \[1\]/);
      assert.ok(!lint(fixed, { kind: 'markdown' }).findings.some((f) => f.ruleId === 'missing-citation'));
      assert.equal(parseArticle('[1]: https://example.org', 'markdown').markers.length, 0);
    });
  });

  describe('superscript cite fixes (found by property-analysis under npm run fuzz)', () => {
    // The texts are the fuzzer's: the cue rules alone make the finding whose fix is tested.
    withoutClassifier();
    it('after a unit-like word or a digit, a superscript cite fix leaves a space (else it reads as an exponent)', () => {
      for (const [text, kind] of [
        // (A cell of five words or fewer with no sentence punctuation is a label, not a claim: six here.)
        ['| a | b |\n|---|---|\n| ketamine. | 😀 the spray has side effects   <s |\n\n[^1]: ketamine ¹.\n\n', 'markdown'],
        ['# nasal not Dr. may risk  side effects [12\n\nReferences\n\n1. risk ketamine.\n\n', 'plaintext'],
      ] as const) {
        const finding = lint(text, { kind }).findings.find((f) => f.ruleId === 'missing-citation');
        const fix = finding?.fixes?.find((x) => x.isPreferred);
        assert.ok(fix, 'a preferred cite fix');
        const fixed = applyEdits(text, fix!.edits);
        assert.ok(!lint(fixed, { kind }).findings.some((f) => f.ruleId === 'missing-citation' && f.message === finding!.message), fixed);
      }
    });
  });

  describe('cite fixes at a link (found by property-analysis under npm run fuzz)', () => {
    // The texts are the fuzzer's: the cue rules alone make the finding whose fix is tested.
    withoutClassifier();
    it('a sentence ending inside a link text gets its marker after the link, not inside it', () => {
      const text = '[^1]: risk [2-4].\n\n| a | b |\n|---|---|\n| side effects of the nasal spray . | [link](http://x.org) |\n| ketamine. | ketamine. |\n\n';
      const finding = lint(text, { kind: 'markdown' }).findings.find((f) => f.ruleId === 'missing-citation');
      const fix = finding?.fixes?.find((x) => x.isPreferred);
      const fixed = applyEdits(text, fix!.edits);
      assert.match(fixed, /\[link\]\(http:\/\/x\.org\) \[1\]/);
      assert.ok(!lint(fixed, { kind: 'markdown' }).findings.some((f) => f.ruleId === 'missing-citation' && f.message === finding!.message), fixed);
    });
  });

  describe('workspace patterns (found reviewing how lexicon entries compile)', () => {
    it('a repeated group of alternatives is refused: (a|aa)* backtracks exponentially', () => {
      assert.equal(isLinearPattern('(a|aa)*b'), false);
      assert.equal(isLinearPattern('(?:cure|cures)+x'), false);
    });
  });

  describe('citations in articles as writers paste them (found by exploratory testing)', () => {
    for (const [name, one, two, three] of [
      ['superscript digits', '¹ ', '² ', '³ '],
      ['a number and a tab', '1\t', '2\t', '3\t'],
      ['a number in parentheses', '(1) ', '(2) ', '(3) '],
      ['a non-breaking space after the number', '1.\u00A0', '2.\u00A0', '3.\u00A0'],
    ] as const) {
      it(`a reference list numbered with ${name}, right under its heading, is the list; a new entry is numbered the same way`, () => {
        const t = `Studies show ketamine acts fast.¹ Trials show benefit in adults.² A third trial agreed.³\n\nReferences\n${one}Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017;74(4):399-405.\n${two}Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017;78(7):e852-e857.\n`;
        const r = lint(t, { kind: 'plaintext' });
        assert.deepEqual(r.article.references?.entries.map((e) => e.number), [1, 2]);
        const f = r.findings.filter((x) => x.ruleId !== 'off-label-disclaimer');
        assert.deepEqual(f.map((x) => `${x.ruleId} ${t.slice(x.start, x.end)}`), ['unresolved-citation ³']);
        const fix = f[0].fixes!.find((x) => x.title.startsWith('Add reference 3'))!;
        const after = applyEdits(t, fix.edits);
        assert.ok(after.includes(`e852-e857.\n${three}`), JSON.stringify(after.slice(-40)));
      });
    }
    it('DOIs and PMIDs written as Markdown links or PubMed addresses are read, so duplicates are found', () => {
      const doi = '10.1001/jamapsychiatry.2017.0080';
      for (const r of [`[doi](https://doi.org/${doi})`, `doi:[${doi}](https://doi.org/${doi})`, `https://doi.org/${doi}.`, `doi:${doi}`]) {
        assert.equal(parseReferenceFields(`Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017. ${r}`).doi, doi, r);
      }
      // A DOI's own parentheses stay.
      assert.equal(parseReferenceFields('Lancet. 2018. (doi:10.1016/S0140-6736(17)32802-7)').doi, '10.1016/S0140-6736(17)32802-7');
      assert.equal(parseReferenceFields('JAMA. 2017. https://pubmed.ncbi.nlm.nih.gov/28749092/').pmid, '28749092');
      const t = `A.[1] B.[2]\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017. [doi](https://doi.org/${doi})\n2. Sanacora G. Consensus statement on ketamine. JAMA Psychiatry. 2017. doi:${doi}\n`;
      assert.ok(lint(t, { kind: 'markdown' }).findings.some((f) => f.ruleId === 'duplicate-reference'));
    });
    it('a Further reading list after the references never takes their markers, nor is it prose (found by testing the server)', () => {
      const t = '# Ketamine\n\nKetamine acts within hours.[1] Effects fade in two weeks.[2]\n\n## References\n\n1. Sanacora G. A Consensus Statement on Ketamine. JAMA Psychiatry. 2017.\n2. Andrade C. Ketamine for Depression. J Clin Psychiatry. 2017.\n\n## Further reading\n\n1. Smith J. Living with depression. Penguin. 2020.\n2. Doe J. Recovery stories. Penguin. 2021.\n';
      const r = lint(t, { kind: 'markdown' });
      assert.equal(r.article.references?.heading?.title, 'References');
      assert.deepEqual(r.findings.filter((f) => f.ruleId !== 'off-label-disclaimer' || f.start > t.indexOf('## References')).map((f) => f.ruleId), []);
    });
    it('the crisis line goes before a Markdown reference heading, not into it (found by testing the server)', () => {
      const t = 'Ketamine and suicide risk\n\nKetamine may reduce suicidal thoughts within hours.[1]\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';
      const f = lint(t, { kind: 'markdown' }).findings.find((x) => x.ruleId === 'safe-messaging')!;
      const after = applyEdits(t, f.fixes![0].edits);
      assert.ok(/\n\n[^\n]*(?:9-8-8|988|911)[^\n]*\n\n## References\n/.test(after), JSON.stringify(after));
    });
    it('with CR line ends, adding a reference inserts only the new entry (found by testing the server)', () => {
      const t = 'Ketamine notes\r\rKetamine acts fast.¹ It fades.²\r\rReferences\r\r1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\r';
      const f = lint(t, { kind: 'plaintext' }).findings.find((x) => x.ruleId === 'unresolved-citation')!;
      const fix = f.fixes!.find((x) => x.title.startsWith('Add reference 2'))!;
      assert.deepEqual(fix.edits.map((e) => e.newText), [`\r2. ${REFERENCE_STUB}`]);
    });
    it('front matter: a YAML comment after the jurisdiction, and GB for the United Kingdom (both fell back to Canada)', () => {
      for (const v of ['UK # set by the editor', 'GB', '"UK"']) assert.equal(lint(`---\njurisdiction: ${v}\n---\n\nText.\n`, { kind: 'markdown' }).config.jurisdiction, 'UK', v);
    });
    it('a marker after "et al." ends the sentence when a capital follows (the next sentence was merged into it)', () => {
      const a = parseArticle('This was confirmed by Smith et al.¹ Studies show that 30% relapse.\n', 'plaintext');
      assert.deepEqual(a.sentences.map((s) => s.text.trim()), ['This was confirmed by Smith et al.', 'Studies show that 30% relapse.']);
      assert.equal(parseArticle('Confirmed by Smith et al. (2019) in adults.\n', 'plaintext').sentences.length, 1);
    });
    it('a dotted initialism ("U.S.", "U.K.") does not end the sentence (found by a blind evaluation set)', () => {
      for (const kind of ['plaintext', 'markdown'] as const) {
        const a = parseArticle('The U.S. Preventive Services Task Force recommends yearly screening. It starts at 50.\n', kind);
        assert.deepEqual(a.sentences.map((s) => s.text.trim()), ['The U.S. Preventive Services Task Force recommends yearly screening.', 'It starts at 50.'], kind);
      }
      assert.equal(parseArticle('Guidance in the U.K. and the E.U. differs on this point.\n', 'plaintext').sentences.length, 1);
    });
    it('a hard-wrapped line that starts with a marker stays in its paragraph', () => {
      const a = parseArticle('Studies show ketamine has rapid\n¹ antidepressant effects in adults.\n', 'plaintext');
      assert.deepEqual(a.blocks.map((b) => b.kind), ['paragraph']);
    });
    it('a list that skips a number says so, instead of "cites reference 3, but the list has 3 entries"', () => {
      const t = 'A.[1] B.[2] C.[3] D.[4]\n\n## References\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n4. D D. Four. J. 2004.\n';
      const f = lint(t, { kind: 'markdown' }).findings.filter((x) => x.ruleId === 'unresolved-citation');
      assert.deepEqual(f.map((x) => x.message), ['Citation [3] cites reference 3, but the reference list skips that number (its entries are numbered 1, 2, 4).']);
    });
    // Blind articles whose reference lists were not read, so every marker was "unresolved".
    it('a report cited as "Place: Publisher; Year" is a bibliographic entry (a list without a heading)', () => {
      const t = 'Flights double the risk.¹ Stockings help.²\n\n---\n\n¹ World Health Organization. WHO Research Into Global Hazards of Travel (WRIGHT) project: final report of phase I. Geneva: WHO; 2007.\n² Clarke MJ, Broderick C. Compression stockings for preventing deep vein thrombosis in airline passengers. Cochrane Database Syst Rev. 2021;4:CD004002.\n';
      const r = lint(t, { kind: 'markdown' });
      assert.equal(r.article.references?.entries.length, 2);
      assert.deepEqual(r.findings.filter((x) => x.ruleId === 'unresolved-citation'), []);
    });
    it('"Source" over a single entry is a reference list', () => {
      const t = 'Screening is not recommended.¹\n\n### Source\n\n1. UK National Screening Committee. Adolescent idiopathic scoliosis: screening recommendation. London: UK NSC.\n';
      const r = lint(t, { kind: 'markdown' });
      assert.equal(r.article.references?.heading?.title, 'Source');
      assert.deepEqual(r.findings.filter((x) => x.ruleId === 'unresolved-citation'), []);
    });
  });
});
