import type { Parameters } from 'fast-check';

/**
 * Settings of every property test: a fixed seed in `npm test` (a failure is reproducible), a
 * larger run with a random seed under `npm run fuzz` (FUZZ_RUNS, FUZZ_SEED).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 0);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : runs ? Date.now() % 2 ** 31 : 20261127;

export const FAST_CHECK: Parameters<unknown> = { seed, numRuns: runs || 100, verbose: runs > 0 ? 1 : 0 };

/** A smaller run for the expensive properties (whole-article analyses). */
export const FAST_CHECK_SLOW: Parameters<unknown> = { seed, numRuns: runs ? Math.max(1, Math.floor(runs / 4)) : 40, verbose: runs > 0 ? 1 : 0 };

import fc from 'fast-check';

const WORDS = ['ketamine', 'depression', 'Studies', 'show', 'cures', 'cancer', 'is', 'safe', 'the', 'trial', 'may', 'reduce', 'risk', 'suicide', 'Dr.', 'et al.', 'J. Clin.', 'café', '😀', '𝔘𝔫𝔦', 'naïve', '100%', 'guaranteed', 'side effects', 'off-label', 'esketamine', 'nasal', 'spray', 'IV', 'not', 'vs.', 'cu\u00ADres', 'guaran\u200Bteed', 'sui\u2060cide', 'keta\u200Cmine', 'Stud\u200Dies'];
const MARKERS = ['¹', '¹²', '²⁻⁴', '¹,³', '[1]', '[1, 2]', '[2-4]', '[^1]', '[^note]', '<sup>1</sup>', '<sup>2,3</sup>', '[@smith2020]', '⁹⁹', '[12]', '(1)', '(2, 3)', '(1-3)'];

/** A sentence of words, citation markers, punctuation and odd characters. */
export const arbSentence = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...MARKERS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.constantFrom('`code`', '**bold**', '_em_', '[link](http://x.org)', '<!-- c -->', 'https://doi.org/10.1000/x', '\\*', '|', '—', '\u00a0', '\t') }), { minLength: 1, maxLength: 14 })
  .chain((ws) => fc.constantFrom('.', '?', '!', '', ':').map((end) => `${ws.join(' ')}${end}`));

const paragraph = fc.array(arbSentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const reference = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('. ', ') ', '] '), paragraph).map(([n, p, t]) => (p === '] ' ? `[${n}] ${t}` : `${n}${p}${t}`));

/** One block of Markdown or plain text, including the constructs that span blank lines. */
export const arbBlock = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '### ', ''), paragraph).map(([h, p]) => `${h}${p.slice(0, 40)}`) },
  { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '  - ', '    - ', '• ', '\t- '), paragraph), { minLength: 1, maxLength: 4 }).map((items) => items.map(([b, p]) => `${b}${p}`).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), paragraph, paragraph, fc.boolean()).map(([f, a, b, close]) => `${f}js\n${a}\n\n${b}${close ? `\n${f}` : ''}`) },
  { weight: 1, arbitrary: fc.tuple(paragraph, paragraph, fc.boolean()).map(([a, b, close]) => `<!-- ${a}\n\n${b}${close ? ' -->' : ''}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('<pre>', '<script>', '<div>', '<?php', '<!DOCTYPE', '<![CDATA['), paragraph).map(([t, p]) => `${t}\n${p}\n\n${p}`) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `> ${l}`).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('1', '2', 'note', 'x y'), paragraph).map(([l, p]) => `[^${l}]: ${p}`) },
  { weight: 1, arbitrary: fc.array(reference, { minLength: 1, maxLength: 5 }).map((rs) => `References\n\n${rs.join('\n')}`) },
  { weight: 1, arbitrary: fc.array(fc.tuple(paragraph, paragraph), { minLength: 1, maxLength: 3 }).map((rows) => `| a | b |\n|---|---|\n${rows.map(([a, b]) => `| ${a.slice(0, 20)} | ${b.slice(0, 20)} |`).join('\n')}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '===', '    indented code', '  ', '\t', 'Title\n=====', 'Sub\n---', '<!-- clinical-lint-disable-next-line unsupported-claim -->', '<!-- clinical-lint-disable -->', '---\njurisdiction: US\n---', '+++', '+++\njurisdiction = "US"\n+++') },
);

/** A whole article: blocks separated by blank lines (sometimes several, with spaces), optional front matter, BOM, CRLF. */
export const arbArticle = fc
  .record({
    blocks: fc.array(fc.tuple(arbBlock, fc.constantFrom('\n\n', '\n\n\n', '\n  \n', '\n', '\n\t\n')), { minLength: 0, maxLength: 14 }),
    frontMatter: fc.constantFrom('', '', '---\ntitle: x\njurisdiction: UK\n---\n\n', '---\nbibliography: refs.bib\n\n---\n', '+++\ntitle = "x"\n\njurisdiction = "UK"\n+++\n\n'),
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  })
  .map(({ blocks, frontMatter, bom, eol }) => {
    const body = frontMatter + blocks.map(([b, sep]) => b + sep).join('');
    return (bom ? '\ufeff' : '') + (eol === '\n' ? body : body.replace(/\n/g, eol));
  });

/** An edit of a text: replace a span with a short string (often one character). */
export const arbEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.constantFrom('', 'x', '\n', '\n\n', '¹', '[1]', '```', '<!--', '-->', '---', '# ', '- ', '😀', ' ', '\u00AD'), arbSentence),
});

export function applyEdit(text: string, e: { at: number; length: number; insert: string }): string {
  const start = Math.floor(e.at * text.length);
  return text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.length));
}

/**
 * An article whose markers all cite entries of its reference list, in any order and style (what
 * renumbering accepts): paragraphs with markers, then a numbered list or footnote definitions.
 */
export const arbCitedArticle = fc
  .record({
    count: fc.integer({ min: 1, max: 12 }),
    paragraphs: fc.array(fc.tuple(arbSentence, fc.array(fc.nat({ max: 11 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('superscript', 'bracket', 'html-sup', 'footnote', 'paren')), { minLength: 1, maxLength: 8 }),
    numbering: fc.constantFrom('1. ', '1) ', '[1] ', '¹ ', 'same'),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ count, paragraphs, numbering, eol }) => {
    const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
    const sup = (n: number): string => String(n).replace(/\d/g, (d) => SUP[Number(d)]);
    const body = paragraphs.map(([s, ns, style]) => {
      const nums = [...new Set(ns.map((n) => (n % count) + 1))];
      if (style === 'paren') return `${s.replace(/[.?!:]?$/, '')} (${nums.join(', ')}).`;
      const m = style === 'superscript' ? nums.map(sup).join(',') : style === 'bracket' ? `[${nums.join(', ')}]` : style === 'html-sup' ? `<sup>${nums.join(',')}</sup>` : nums.map((n) => `[^${n}]`).join('');
      return `${s.replace(/[.?!:]?$/, '')}${m}.`;
    });
    const refs = Array.from({ length: count }, (_, i) => {
      const n = numbering === 'same' ? '1. ' : numbering === '¹ ' ? `${sup(i + 1)} ` : numbering.replace('1', String(i + 1));
      return `${n}Author${i} A. Title number ${i} of a study. J Test. 20${10 + i};${i}:1-9.`;
    });
    return [...body, '', 'References', '', ...refs, ''].join('\n\n').replace(/\n/g, eol);
  });
