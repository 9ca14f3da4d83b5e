// Generates the benchmark corpus in bench/corpus/ (git-ignored): the sample article, a 1 MB
// Markdown article of many sections rotating three citation styles (superscripts, [1, 2]
// brackets, [^n] footnotes), 500 small files, and a 10 MB article. Deterministic.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const CORPUS = join(root, 'bench', 'corpus');
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n) => String(n).replace(/\d/g, (d) => SUP[Number(d)]);

/** The sample split into its body (before "References") and its reference entries. */
function readSample() {
  const text = readFileSync(join(root, 'test/fixtures/sample.txt'), 'utf8');
  const lines = text.split('\n');
  const refAt = lines.findIndex((l) => l.trim() === 'References');
  const body = lines.slice(2, refAt).join('\n').trim();
  const title = lines[0].trim();
  const refs = lines
    .slice(refAt + 1)
    .map((l) => /^\s*(\d+)\.\s+(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => m[2]);
  return { text, title, body, refs };
}

/** Reads the superscript markers of the sample (¹², ²⁻⁴, ⁵,⁶) as number lists. */
function markerNumbers(raw) {
  const ascii = [...raw].map((c) => (SUP.includes(c) ? String(SUP.indexOf(c)) : c === '⁻' || c === '–' ? '-' : ',')).join('');
  const out = [];
  for (const part of ascii.split(',')) {
    const r = /^(\d)-(\d)$/.exec(part);
    if (r) for (let i = Number(r[1]); i <= Number(r[2]); i++) out.push(i);
    else for (const d of part) out.push(Number(d)); // the sample's runs are single-digit lists
  }
  return out;
}

const MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,˒⁻–][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*/g;

/**
 * One section of a large article: the sample's body as Markdown, its markers renumbered from
 * `offset` in `style`. Footnote sections carry their definitions with them.
 */
function section(sample, k, style, offset) {
  const used = new Set();
  let body = sample.body
    .split('\n')
    .map((l) => {
      if (/^\s*•\s+/.test(l)) return l.replace(/^\s*•\s+/, '- ');
      const t = l.trim();
      if (t && t.length < 100 && !/[.:!]$/.test(t) && /^[A-Z]/.test(t)) return `### ${t}`;
      return l;
    })
    .join('\n');
  body = body.replace(MARKER, (raw) => {
    const ns = markerNumbers(raw);
    ns.forEach((n) => used.add(n));
    if (style === 'superscript') return ns.map((n) => sup(n + offset)).join(',');
    if (style === 'bracket') return `[${ns.map((n) => n + offset).join(', ')}]`;
    return ns.map((n) => `[^s${k}n${n}]`).join('');
  });
  let out = `## Section ${k + 1}: ${sample.title}\n\n${body}\n`;
  if (style === 'footnote') {
    const defs = [...used].sort((a, b) => a - b).map((n) => `[^s${k}n${n}]: ${distinct(sample.refs[n - 1], k)}`);
    out += `\n${defs.join('\n\n')}\n`;
  }
  return { text: out, used: style === 'footnote' ? 0 : sample.refs.length };
}

const STYLES = ['superscript', 'bracket', 'footnote'];

/** A reference of section k: another work than the same entry of other sections (two title words differ). */
const distinct = (ref, k) => (k === 0 ? ref : ref.replace(/^(.*?\.\s)/, `$1Series${k} Cohort${k} `));

/** A Markdown article of about `bytes` bytes: sections, then one numbered reference list. */
export function bigArticle(sample, bytes) {
  const parts = [`# ${sample.title}: collected sections\n`];
  const refs = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const style = STYLES[k % 3];
    const s = section(sample, k, style, refs.length);
    parts.push(s.text);
    size += Buffer.byteLength(s.text) + 1;
    if (style === 'footnote') continue;
    for (const r of sample.refs) {
      refs.push(distinct(r, k));
      size += Buffer.byteLength(refs[refs.length - 1]) + 7;
    }
  }
  parts.push(`## References\n\n${refs.map((r, i) => `${i + 1}. ${r}`).join('\n')}\n`);
  return parts.join('\n');
}

/** A small article: the sample in one of the styles, as Markdown or plain text. */
function smallArticle(sample, i) {
  const style = STYLES[i % 3];
  if (i % 2 === 0 && style === 'superscript') return { ext: 'txt', text: sample.text };
  const s = section(sample, i, style, 0);
  const refs = style === 'footnote' ? '' : `\n## References\n\n${sample.refs.map((r, j) => `${j + 1}. ${r}`).join('\n')}\n`;
  return { ext: 'md', text: `${s.text}${refs}` };
}

export function generate({ force = false } = {}) {
  const files = {
    sample: join(CORPUS, 'sample.txt'),
    oneMb: join(CORPUS, 'article-1mb.md'),
    tenMb: join(CORPUS, 'article-10mb.md'),
    smallDir: join(CORPUS, 'small'),
  };
  const stamp = join(CORPUS, '.generated-v4');
  if (!force && existsSync(stamp)) return files;
  rmSync(CORPUS, { recursive: true, force: true });
  mkdirSync(files.smallDir, { recursive: true });
  const sample = readSample();
  writeFileSync(files.sample, sample.text);
  writeFileSync(files.oneMb, bigArticle(sample, 1024 * 1024));
  writeFileSync(files.tenMb, bigArticle(sample, 10 * 1024 * 1024));
  for (let i = 0; i < 500; i++) {
    const a = smallArticle(sample, i);
    writeFileSync(join(files.smallDir, `article-${String(i).padStart(3, '0')}.${a.ext}`), a.text);
  }
  writeFileSync(stamp, new Date().toISOString());
  return files;
}

export const sizeOf = (f) => statSync(f).size;

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = generate({ force: process.argv.includes('--force') });
  for (const [k, v] of Object.entries(f)) console.log(k, v);
}
