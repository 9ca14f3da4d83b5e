import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalParser } from '../../server/src/core/article/incremental';
import { seeThrough, toProse, toText } from '../../server/src/core/article/invisible';
import { parseArticle } from '../../server/src/core/article/parse';
import { splitSentences } from '../../server/src/core/article/sentences';
import { defaultConfig } from '../../server/src/core/config';
import { insertCitationFix, sentenceAt } from '../../server/src/core/features/cite';
import { hover } from '../../server/src/core/features/hover';
import { fixAll } from '../../server/src/core/fixAll';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { DocumentKind, Finding } from '../../server/src/core/types';
import { fixturesIn, loadFixture } from '../support/expectations';

/**
 * A soft hyphen (U+00AD) or a zero-width character (U+200B, U+200C, U+200D, U+2060) inside a
 * word: the rules read the word as a reader sees it, and every range and fix is at the
 * document's offsets, covering the characters as written.
 */
const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060'];
const ROOT = path.resolve(__dirname, '..', '..', '..');
const show = (s: string): string => JSON.stringify(s).replace(/[\u00AD\u200B-\u200D\u2060]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
const strip = (s: string): string => s.replace(/[\u00AD\u200B-\u200D\u2060]/g, '');
const of = (text: string, rule: string, kind: DocumentKind = 'plaintext'): Finding[] => lint(text, { kind }).findings.filter((f) => f.ruleId === rule);

describe('invisible characters inside words', () => {
  for (const c of INVISIBLES) {
    const name = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

    it(`${name}: a claim's wording is seen through it, its range and rewording cover the word as written`, () => {
      const t = `Our clinic offers a cu${c}re for depression. Results are guaran${c}teed.\n`;
      const claims = of(t, 'unsupported-claim');
      assert.deepEqual(claims.map((f) => t.slice(f.start, f.end)), [`a cu${c}re for`, `guaran${c}teed`]);
      const reword = claims[0].fixes!.find((x) => x.title.startsWith('Reword'))!;
      assert.deepEqual(reword.edits.map((e) => t.slice(e.start, e.end)), [`cu${c}re`]);
      const after = applyEdits(t, reword.edits);
      assert.equal(after, `Our clinic offers a treatment option for depression. Results are guaran${c}teed.\n`);
      assert.deepEqual(of(after, 'unsupported-claim').map((f) => after.slice(f.start, f.end)), [`guaran${c}teed`]);
    });

    it(`${name}: an evidence cue is seen, and the citation goes after the sentence, the cursor on the new entry`, () => {
      const t = `Ketamine notes\n\nStud${c}ies show ketamine works within ho${c}urs.\n`;
      const [f] = of(t, 'missing-citation');
      assert.equal(t.slice(f.start, f.end), `Stud${c}ies show ketamine works within ho${c}urs.`);
      const add = f.fixes!.find((x) => x.title.startsWith('Add a new reference'))!;
      const after = applyEdits(t, add.edits);
      assert.ok(after.includes(`ho${c}urs.¹\n`), show(after));
      assert.ok(after.slice(add.cursor).startsWith('Author AA'), show(after.slice(add.cursor!)));
      assert.deepEqual(of(after, 'missing-citation'), []);
    });

    it(`${name}: safe-messaging wording is seen, and fix-all replaces exactly it`, () => {
      const t = `Suicide and grief\n\nHer brother commit${c}ted sui${c}cide last year.\n`;
      const [f] = of(t, 'safe-messaging').filter((x) => x.fixes?.[0].safe);
      assert.equal(t.slice(f.start, f.end), `commit${c}ted sui${c}cide`);
      const fixed = fixAll(t, { kind: 'plaintext', config: defaultConfig() }).text;
      assert.ok(fixed.startsWith('Suicide and grief\n\nHer brother died by suicide last year.\n'), show(fixed));
    });
  }

  it('written as HTML entities (&shy;, &#8203;), they do not hide a word either, and the fix covers the entity', () => {
    const t = '<p>Our clinic offers a cu&shy;re for depression. Results are guaran&#8203;teed.</p>\n';
    const claims = of(t, 'unsupported-claim', 'markdown');
    assert.deepEqual(claims.map((f) => t.slice(f.start, f.end)), ['a cu&shy;re for', 'guaran&#8203;teed']);
    const reword = claims[0].fixes!.find((x) => x.title.startsWith('Reword'))!;
    assert.deepEqual(reword.edits.map((e) => t.slice(e.start, e.end)), ['cu&shy;re']);
  });

  it('a drug name is found (off-label), hovered on its last letter, with its range as written', () => {
    const t = 'Depression notes\n\nDoctors use keta\u00ADmine for depression.\n';
    const [f] = of(t, 'off-label-disclaimer');
    assert.equal(t.slice(f.start, f.end), 'keta\u00ADmine');
    const r = lint(t, { kind: 'plaintext' });
    const h = hover(r.article, t.indexOf('mine ') + 3, r.config)!;
    assert.equal(t.slice(h.span.start, h.span.end), 'keta\u00ADmine');
  });

  it('"Insert citation" finds the sentence at its end and cites after its full stop', () => {
    const t = 'Depression notes\n\nKetamine acts on gluta\u00ADmate. It is fast.[1]\n\nReferences\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';
    const a = parseArticle(t, 'plaintext');
    const end = t.indexOf('mate.') + 5;
    const s = sentenceAt(a, end)!;
    assert.ok(s, 'the cursor at the end of the sentence is in it');
    const fix = insertCitationFix(a, s, a.references!.entries[0]);
    assert.ok(applyEdits(t, fix.edits).includes('gluta\u00ADmate.[1] It is fast.[1]'), show(applyEdits(t, fix.edits)));
  });

  it('every fixture article reads the same with soft hyphens in its long words, and its fixes do the same', () => {
    const files = [path.join(ROOT, 'test', 'fixtures', 'sample.txt'), ...['claims', 'citations', 'offlabel'].flatMap((d) => fixturesIn(path.join(ROOT, 'test', 'fixtures', d)))];
    for (const file of files) {
      const fx = file.endsWith('sample.txt') ? { text: fs.readFileSync(file, 'utf8'), kind: 'plaintext' as DocumentKind } : loadFixture(file);
      const plain = fx.text;
      // In words of prose only (not in tag names, addresses or code).
      const hidden = plain.replace(/(?<=^|[\s"“(])([A-Za-z]{3})([A-Za-z]{3,})(?=[\s.,;:!?"”)]|$)/gm, '$1\u00AD$2');
      const a = lint(plain, { kind: fx.kind }).findings;
      const b = lint(hidden, { kind: fx.kind }).findings;
      assert.deepEqual(b.map((f) => `${f.ruleId} ${strip(hidden.slice(f.start, f.end))}`), a.map((f) => `${f.ruleId} ${plain.slice(f.start, f.end)}`), path.basename(file));
      b.forEach((f, i) => {
        (f.fixes ?? []).forEach((fix, k) => {
          const want = applyEdits(plain, a[i].fixes![k].edits);
          assert.equal(strip(applyEdits(hidden, fix.edits)), want, `${path.basename(file)}: ${f.ruleId} fix "${fix.title}"`);
        });
      });
    }
  });

  it('outside a word an invisible character reads as a space', () => {
    assert.equal(seeThrough('a cure\u00AD all', splitSentences).prose, 'a cure  all');
    assert.equal(seeThrough('no invisible here', splitSentences).words, undefined);
  });

  it('prose offsets convert to the document\'s and back, inside and around the words drawn together', () => {
    const text = 'We cu\u00ADre it. Results are guaran\u200B\u200Bteed here. Done.';
    const seen = seeThrough(text, splitSentences);
    assert.equal(seen.prose, ' We cure it.   Results are guaranteed here. Done.');
    const words = seen.words!;
    // Every letter of the prose is the same letter of the text.
    for (let p = 0; p < seen.prose.length; p++) {
      if (seen.prose[p] === ' ') continue;
      assert.equal(text[toText(words, p)], seen.prose[p], `prose ${p}`);
      assert.equal(toProse(words, toText(words, p)), p, `back from ${p}`);
    }
    // A range's end goes after its last letter: "cu" ends before the soft hyphen, "cure" after the e.
    const cure = seen.prose.indexOf('cure');
    assert.equal(text.slice(toText(words, cure), toText(words, cure + 2, true)), 'cu');
    assert.equal(text.slice(toText(words, cure), toText(words, cure + 4, true)), 'cu\u00ADre');
    // The sentence starts where its prose text starts; at the document's offsets, where it is written.
    const spans = seen.spans!;
    assert.equal(seen.prose.slice(spans[1].start, spans[1].end), 'Results are guaranteed here.');
    assert.equal(text.slice(toText(words, spans[1].start), spans[1].end), 'Results are guaran\u200B\u200Bteed here.');
    assert.equal(text.slice(spans[2].start, spans[2].end), 'Done.');
  });

  it('the incremental parse equals a full parse while invisible characters come and go', () => {
    const parser = new IncrementalParser('markdown');
    const base = '# Ketamine\n\nKetamine is a cure for depression. Studies show it works.[1]\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';
    const versions = [base, base.replace('cure', 'cu\u00ADre'), base.replace('cure', 'cu\u00ADre').replace('Studies', 'Stud\u200Bies'), base.replace('Studies', 'Stud\u200Bies'), base];
    for (const t of versions) assert.deepStrictEqual(parser.parse(t), parseArticle(t, 'markdown'), show(t));
  });
});
