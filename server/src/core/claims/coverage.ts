import type { Article, Block, Marker, Sentence } from '../article/model';
import type { CitationScope } from '../types';

/**
 * Citation coverage: which marker, if any, vouches for a sentence.
 *
 * - A sentence's own marker covers it (markers directly after its final period belong to it).
 * - With scope `paragraph` (the default), a marker later in the same paragraph covers the
 *   sentences before it back to the previous marker: authors often cite once at the end of a
 *   paragraph. A lead-in that ends in a colon is covered by the list it introduces when every
 *   item of that list is cited.
 * - With scope `sentence` (strict), only a sentence's own marker counts.
 */
export function coveringMarker(article: Article, sentence: Sentence, scope: CitationScope): Marker | undefined {
  if (sentence.markers.length) return sentence.markers[0];
  if (scope === 'sentence') return undefined;
  const block = article.blocks[sentence.blockIndex];
  const later = block.markers.find((m) => m.start >= sentence.end);
  if (later) return later;
  const trimmed = sentence.text.trimEnd();
  if (trimmed.endsWith(':') && block.sentences[block.sentences.length - 1] === sentence) return listCoverage(article, block);
  return undefined;
}

export function isCovered(article: Article, sentence: Sentence, scope: CitationScope): boolean {
  return coveringMarker(article, sentence, scope) !== undefined;
}

/** The first marker of the list that follows a lead-in block, when every item carries one. */
function listCoverage(article: Article, block: Block): Marker | undefined {
  const items: Block[] = [];
  for (let i = block.index + 1; i < article.blocks.length && article.blocks[i].kind === 'listItem'; i++) items.push(article.blocks[i]);
  if (items.length === 0 || items.some((b) => b.markers.length === 0)) return undefined;
  return items[0].markers[0];
}
