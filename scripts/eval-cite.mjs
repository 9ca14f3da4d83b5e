// The cite fixes' ranking, measured on the labelled articles: each sentence that cites numbered
// references has its own markers taken out, the article is parsed again, and its references are
// ranked for the sentence as the fix ranks them. Reports how often the first suggestion, and one
// of the first three, is a reference the sentence cited. Used by `npm run eval`.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './eval-data.mjs';

const require = createRequire(import.meta.url);
const { parseArticle } = require(join(root, 'out/server/src/core/article/parse.js'));
const { rankReferences } = require(join(root, 'out/server/src/core/features/cite.js'));

/** Counts over `articles` ({ text, kind }): sentences, first suggestion cited, one of three, none offered, chance. */
export function citeRanking(articles) {
  const c = { sentences: 0, first: 0, three: 0, none: 0, chance: 0, again: 0, againFirst: 0 };
  for (const a of articles) {
    const article = parseArticle(a.text, a.kind);
    const entries = article.references?.entries ?? [];
    if (entries.length < 3) continue;
    const listed = new Set(entries.map((e) => e.number));
    for (const s of article.sentences) {
      const cited = new Set(s.markers.flatMap((m) => m.numbers));
      if (!cited.size || ![...cited].every((n) => listed.has(n))) continue;
      let text = a.text;
      for (const m of [...s.markers].sort((x, y) => y.start - x.start)) text = text.slice(0, m.start) + text.slice(m.end);
      const without = parseArticle(text, a.kind);
      const t = without.sentences.find((x) => x.start <= s.start && s.start < x.end + 1);
      if (!t) continue;
      const ranked = rankReferences(without, t.text, t.blockIndex, 3, t.start).map((r) => r.reference.number);
      c.sentences++;
      c.chance += cited.size / entries.length;
      const again = without.markers.some((m) => m.start < t.start && m.numbers.some((n) => cited.has(n)));
      if (again) c.again++;
      if (!ranked.length) c.none++;
      if (cited.has(ranked[0])) {
        c.first++;
        if (again) c.againFirst++;
      }
      if (ranked.some((n) => cited.has(n))) c.three++;
    }
  }
  return c;
}

export function printCiteRanking(articles, out = console.log) {
  const c = citeRanking(articles);
  const pct = (x, of = c.sentences) => `${((100 * x) / of).toFixed(1)} %`;
  out(`cite fixes: ${c.sentences} sentences citing the reference lists of the labelled articles, each with its own markers taken out: the first suggestion is a reference it cited for ${pct(c.first)}, one of the first three for ${pct(c.three)}, none offered for ${pct(c.none)} (a reference drawn at random: ${pct(c.chance)}); for the ${c.again} citing a source cited before them, first ${pct(c.againFirst, c.again)}`);
}
