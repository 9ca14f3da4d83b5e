import type { BibliographyFormat, ParsedBibliography } from '../article/pandoc';
import { parseBibtex } from './bibtex';
import { parseCslJson } from './cslJson';

/**
 * Bibliography files to entries of one shape (`BibEntry`). Pure: the host reads the file and
 * hands its text here.
 */

/** The format of a bibliography file from its name, as Pandoc decides it (by extension). */
export function bibliographyFormat(name: string): BibliographyFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1].toLowerCase();
  if (ext === 'bib' || ext === 'bibtex' || ext === 'biblatex') return 'bibtex';
  if (ext === 'json') return 'csl-json';
  return undefined;
}

export function parseBibliography(text: string, format: BibliographyFormat): ParsedBibliography {
  const parsed = format === 'bibtex' ? parseBibtex(text) : parseCslJson(text);
  // Duplicate keys: Pandoc uses one of them; say which is ignored.
  const seen = new Map<string, number>();
  const entries = parsed.entries.filter((e) => {
    if (!seen.has(e.key)) {
      seen.set(e.key, e.range.start.line);
      return true;
    }
    parsed.problems.push({ start: e.keySpan.start, end: e.keySpan.end, range: e.keyRange, message: `Duplicate key ${e.key} (first defined on line ${seen.get(e.key)! + 1}); this entry is ignored.` });
    return false;
  });
  parsed.problems.sort((a, b) => a.start - b.start);
  return { ...parsed, entries };
}
