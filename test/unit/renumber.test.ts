import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../server/src/core/article/parse';
import { renumber, type RenumberEdits } from '../../server/src/core/features/renumber';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { DocumentKind, Span } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'renumber');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sample.txt'), 'utf8');
const kindOf = (p: string): DocumentKind => (/\.md$/.test(p) ? 'markdown' : 'plaintext');

function edits(text: string, kind: DocumentKind): RenumberEdits {
  const r = renumber(parseArticle(text, kind));
  if ('error' in r) throw new Error(r.error);
  return r;
}

function renumbered(text: string, kind: DocumentKind): string {
  return applyEdits(text, edits(text, kind).edits);
}

/** Every edit lies inside a marker, a list number or an entry's text: nothing else changes. */
function assertOnlyCitationsChange(text: string, kind: DocumentKind): void {
  const a = parseArticle(text, kind);
  const allowed: Span[] = [
    ...a.markers,
    ...(a.references?.entries ?? []).flatMap((e) => [e.numberSpan, e.textSpan]),
    ...a.footnotes.flatMap((f) => [f.numberSpan, f.textSpan]),
  ];
  for (const e of edits(text, kind).edits) {
    assert.ok(allowed.some((s) => s.start <= e.start && e.end <= s.end), `edit ${JSON.stringify(e)} touches only citations`);
    assert.ok(!a.excluded.some((x) => e.start < x.end && x.start < e.end), 'never inside code or comments');
  }
}

function ruleIds(text: string, kind: DocumentKind): string[] {
  return lint(text, { kind }).findings.map((f) => f.ruleId).sort();
}

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');
/** Emoji (surrogate pairs) before every marker line, so offsets past them must be UTF-16. */
const emoji = (s: string): string => s.replace(/^(Ketamine|Esketamine|Reviews|Durability)/gm, '🧪 $1 😀');

describe('renumber references', () => {
  const inputs = fs.readdirSync(DIR).filter((n) => !n.includes('.expected.'));
  for (const name of inputs) {
    const kind = kindOf(name);
    const input = fs.readFileSync(path.join(DIR, name), 'utf8');
    const expected = fs.readFileSync(path.join(DIR, name.replace(/\.(\w+)$/, '.expected.$1')), 'utf8');
    for (const [variant, f] of [['LF', (s: string) => s], ['CRLF', crlf], ['emoji', emoji], ['emoji CRLF', (s: string) => crlf(emoji(s))]] as const) {
      it(`${name} (${variant}): renumbers every marker and the list; twice equals once`, () => {
        const text = f(input);
        const once = renumbered(text, kind);
        assert.equal(once, f(expected));
        assert.deepEqual(edits(once, kind).edits, [], 'renumbering twice equals once');
        assertOnlyCitationsChange(text, kind);
        assert.ok(!ruleIds(once, kind).includes('citation-order'));
        // Nothing else found or lost.
        assert.deepEqual(ruleIds(once, kind), ruleIds(text, kind).filter((id) => id !== 'citation-order'));
      });
    }
  }

  it('fixtures cover every marker style', () => {
    const styles = new Set(inputs.flatMap((n) => parseArticle(fs.readFileSync(path.join(DIR, n), 'utf8'), kindOf(n)).markers.map((m) => m.style)));
    assert.deepEqual([...styles].sort(), ['bracket', 'footnote', 'html-sup', 'paren', 'superscript']);
  });

  it('leaves the sample, already in order, untouched', () => {
    const r = edits(SAMPLE, 'plaintext');
    assert.deepEqual(r.edits, []);
    assert.match(r.summary, /already/);
  });

  it('round trip on the sample: move its first citation, renumber, move it back, renumber', () => {
    // The first citation (¹² in the opening paragraph) moves after the first citation of 3 and 4.
    const anchor = 'intranasal (IN) delivery.';
    const moved = SAMPLE.replace('research interest.¹²', 'research interest.').replace(anchor, `${anchor}¹²`);
    assert.equal(moved.length, SAMPLE.length);
    assert.ok(ruleIds(moved, 'plaintext').includes('citation-order'));
    const once = renumbered(moved, 'plaintext');
    assertOnlyCitationsChange(moved, 'plaintext');
    assert.ok(!ruleIds(once, 'plaintext').includes('citation-order'));
    // Only markers and list numbers (and the entries' order) changed.
    const strip = (s: string): string => s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹,˒⁻]+(?=\s|$)/g, '').split('References')[0];
    assert.equal(strip(once), strip(moved));
    const entries = (s: string): string[] => parseArticle(s, 'plaintext').references!.entries.map((e) => e.text);
    assert.deepEqual([...entries(once)].sort(), [...entries(moved)].sort());
    assert.equal(entries(once)[0], entries(moved)[2], 'Naughton (old 3) is now first');
    assert.ok(once.includes('health conditions.¹²\n') && once.includes(`${anchor}³⁴`), 'the old 3 and 4 are now 1 and 2');
    // Move it back (it now reads ³⁴) and renumber: the original sample, byte for byte.
    const back = once.replace(`${anchor}³⁴`, anchor).replace('research interest.', 'research interest.³⁴');
    assert.equal(renumbered(back, 'plaintext'), SAMPLE);
  });

  it('keeps a Markdown list written 1. 1. 1. as written while moving the entries', () => {
    const text = 'B cited [2] then A [1].\n\n## References\n\n1. Alpha A. First. J. 2001.\n1. Beta B. Second. J. 2002.\n';
    assert.equal(renumbered(text, 'markdown'), 'B cited [1] then A [2].\n\n## References\n\n1. Beta B. Second. J. 2002.\n1. Alpha A. First. J. 2001.\n');
  });

  it('puts uncited entries after the cited ones, in their order', () => {
    const text = 'Only [3].\n\nReferences\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n3. C C. Three. J. 2003.\n';
    assert.equal(renumbered(text, 'plaintext'), 'Only [1].\n\nReferences\n\n1. C C. Three. J. 2003.\n2. A A. One. J. 2001.\n3. B B. Two. J. 2002.\n');
  });

  it('compresses three or more consecutive numbers the AMA way', () => {
    const text = 'First [4]. Then [1], [2], [3]. Together¹,²,³ and <sup>1,2,3</sup>.\n\nReferences\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n3. C C. Three. J. 2003.\n4. D D. Four. J. 2004.\n';
    const out = renumbered(text, 'plaintext');
    assert.match(out, /Together²⁻⁴ and <sup>2-4<\/sup>/);
    assert.match(out, /First \[1\]\. Then \[2\], \[3\], \[4\]\./);
  });

  it('a marker with no separator of its own takes the document\'s ([1-2] became [2, 3] among [2,4])', () => {
    const text = 'First [3]. Then [1-2] and [2,4].\n\nReferences\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n3. C C. Three. J. 2003.\n4. D D. Four. J. 2004.\n';
    assert.match(renumbered(text, 'plaintext'), /First \[1\]\. Then \[2,3\] and \[3,4\]\./);
    const sup = 'First.³ Then.¹⁻² And.²˒⁴\n\nReferences\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n3. C C. Three. J. 2003.\n4. D D. Four. J. 2004.\n';
    assert.match(renumbered(sup, 'plaintext'), /First\.¹ Then\.²˒³ And\.³˒⁴/);
  });

  it('keeps parenthesised markers in parentheses, with their separators and dashes, and the document\'s', () => {
    const text = 'First (3). Then (1-2) and (2,4), (1–3).\n\nReferences\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n3. C C. Three. J. 2003.\n4. D D. Four. J. 2004.\n';
    assert.match(renumbered(text, 'plaintext'), /^First \(1\)\. Then \(2,3\) and \(3,4\), \(1–3\)\./);
  });

  it('keeps the links of <sup> markers, rewriting each number where it stands (the links were dropped)', () => {
    const text = 'B first.<sup><a href="#r2">2</a></sup> Then.<sup><a href="#r1">1</a>,<a href="#r3">3</a></sup>\n\n## References\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n3. C C. Three. J. 2003.\n';
    assert.ok(renumbered(text, 'markdown').startsWith('B first.<sup><a href="#r2">1</a></sup> Then.<sup><a href="#r1">2</a>,<a href="#r3">3</a></sup>'));
  });

  it('keeps a Markdown link inside <sup>, rewriting only the number (the link became spaces)', () => {
    const text = 'B first.<sup>[2](#r2)</sup> Then.<sup>[1, 3](#r1)</sup>\n\n## References\n\n1. <a id="r1"></a>A A. One. J. 2001.\n2. <a id="r2"></a>B B. Two. J. 2002.\n3. <a id="r3"></a>C C. Three. J. 2003.\n';
    const once = renumbered(text, 'markdown');
    // The anchors stay, as with HTML links: each names its entry, which moves with its text.
    assert.ok(once.startsWith('B first.<sup>[1](#r2)</sup> Then.<sup>[2, 3](#r1)</sup>\n'), JSON.stringify(once));
    assert.ok(once.includes('\n1. <a id="r2"></a>B B. Two. J. 2002.\n2. <a id="r1"></a>A A. One. J. 2001.\n'));
    assert.deepEqual(edits(once, 'markdown').edits, [], 'renumbering twice equals once');
    assertOnlyCitationsChange(text, 'markdown');
  });

  it('keeps a <sup> tag\'s attributes and what surrounds the number (they were dropped)', () => {
    const text = 'B first.<sup class="cite">2</sup> Then.<sup>&nbsp;1,</sup>\n\n## References\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n';
    assert.ok(renumbered(text, 'markdown').startsWith('B first.<sup class="cite">1</sup> Then.<sup>&nbsp;2,</sup>\n'));
  });

  it('a <sup> marker is read as written, its Markdown link included', () => {
    const text = 'A first.<sup>[3](#r3)</sup>\n\n## References\n\n1. A A. One. J. 2001.\n';
    const a = parseArticle(text, 'markdown');
    assert.deepEqual(a.markers.map((m) => m.raw), ['<sup>[3](#r3)</sup>']);
    const f = lint(text, { kind: 'markdown' }).findings.find((x) => x.ruleId === 'unresolved-citation')!;
    assert.match(f.message, /^Citation <sup>\[3\]\(#r3\)<\/sup> cites reference 3/);
  });

  describe('refuses an ambiguous document with a clear message', () => {
    const refs = (n: number): string => `\n\nReferences\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. Author${i} A. Title ${i + 1}. J. 20${10 + i}.`).join('\n')}\n`;
    const refuse = (text: string, kind: DocumentKind, re: RegExp): void => {
      const r = renumber(parseArticle(text, kind));
      assert.ok('error' in r, 'refused');
      assert.match(r.error, re);
    };
    it('a superscript run with two readings', () => {
      // ¹² right after reference 1: 1 and 2 by order, or 12.
      const cites = Array.from({ length: 12 }, (_, i) => `S${i + 1}.${String(i + 1).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)])}`).join(' ');
      refuse(`First.¹ Then.¹² ${cites}${refs(12)}`, 'plaintext', /¹² \(line 1\) can be read as .*put a comma/);
    });
    it('parenthesised citations that renumbering would turn into an enumeration ("(1) and (2) esketamine")', () => {
      refuse('Ketamine helps (2) and (1) esketamine too. It fades (1).\n\nReferences\n\n1. A A. One. J. 2001.\n2. B B. Two. J. 2002.\n', 'plaintext', /the number of citations would change/);
    });
    it('two entries with the same number', () => {
      refuse('A [2] B [1].\n\nReferences\n\n1. A A. One. J. 2001.\n1. B B. Two. J. 2002.\n2. C C. Three. J. 2003.\n', 'plaintext', /Two reference entries are numbered 1 \(line 5 and line 6\)/);
    });
    it('a marker citing a number the list does not have', () => {
      refuse(`Cited [2] and [7].${refs(3)}`, 'plaintext', /\[7\] \(line 1\) cites reference 7, which the list \(3 entries\) does not have/);
    });
    it('a numeric footnote without a definition or entry', () => {
      refuse('Cited.[^4]\n\n[^1]: A A. One. J. 2001.\n', 'markdown', /\[\^4\] \(line 1\) has no definition/);
    });
    it('no reference list at all', () => {
      refuse('Nothing cited here.\n', 'markdown', /no numbered reference list/);
    });
  });
});
