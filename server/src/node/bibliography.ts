import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bibliography, BibliographyLoader, ParsedBibliography } from '../core/article/pandoc';
import { bibliographyFormat, parseBibliography } from '../core/bibliography';

/**
 * Reads the bibliography files named in Markdown front matter (Node side: the core never touches
 * the file system) and hands them parsed to the core. A name resolves like this: `~/` is the
 * home folder; an absolute path is used as is; a relative one is relative to the document's
 * folder (where an editor and `pandoc` run from that folder look). Parsed files are cached by
 * path, modification time and size, so a large Zotero export is parsed once per change.
 */
const cache = new Map<string, { mtimeMs: number; size: number; parsed: ParsedBibliography }>();
const MAX_BYTES = 64 * 1024 * 1024;

export function resolveBibliographyPath(name: string, documentDir: string): string {
  const expanded = name.replace(/^~(?=$|[\\/])/, os.homedir()).replace(/\$\{HOME\}|\$HOME\b/g, os.homedir());
  return path.resolve(documentDir, expanded);
}

/** Reads and parses one bibliography file (cached). */
export function loadBibliographyFile(name: string, file: string): Bibliography {
  const format = bibliographyFormat(file);
  if (!format) return { name, path: file, entries: [], problems: [], error: 'unsupported format (clinical-lint reads BibTeX .bib and CSL-JSON .json)' };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { name, path: file, entries: [], problems: [], error: `no such file (${file})` };
  }
  if (!stat.isFile()) return { name, path: file, entries: [], problems: [], error: `not a file (${file})` };
  if (stat.size > MAX_BYTES) return { name, path: file, entries: [], problems: [], error: `the file is larger than ${MAX_BYTES / 1024 / 1024} MB` };
  const uri = pathToFileURL(file).href;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return { name, path: file, uri, ...hit.parsed };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { name, path: file, entries: [], problems: [], error: `cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
  // Editors do not count a byte order mark in positions.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseBibliography(text, format);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, parsed });
  return { name, path: file, uri, ...parsed };
}

/** A loader for a document on disk (a path, or a `file:` URI). */
export function bibliographyLoaderFor(document: string): BibliographyLoader {
  const file = document.startsWith('file:') ? fileURLToPath(document) : document;
  const dir = path.dirname(path.resolve(file));
  return (name) => loadBibliographyFile(name, resolveBibliographyPath(name, dir));
}

/** A loader for a document that is not on disk (untitled): names cannot be resolved. */
export const unsavedDocumentLoader: BibliographyLoader = (name) => {
  if (path.isAbsolute(name) || name.startsWith('~')) return loadBibliographyFile(name, resolveBibliographyPath(name, os.homedir()));
  return { name, entries: [], problems: [], error: 'the document is not saved in a folder, so a relative bibliography path cannot be found' };
};

/** Forgets cached files (tests). */
export function clearBibliographyCache(): void {
  cache.clear();
}
