import { type BibtexItem, type BibtexValue, parse } from 'bibtex-parse';
import type { BibEntry, BibProblem, ParsedBibliography } from '../article/pandoc';
import type { ReferenceFields } from '../article/model';
import { LineIndex } from '../text/lineIndex';
import { latexToText } from './latex';
import { parseBibtexNames, vancouverName } from './names';
import { oneLine } from './shape';

/**
 * BibTeX and BibLaTeX files (`.bib`), parsed with `bibtex-parse`. A file with a broken entry is
 * parsed again entry by entry (each `@` at the start of a line starts one), so one bad entry
 * costs only itself; it is reported as a problem with its position.
 */
const MONTHS: Record<string, string> = { jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June', jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December' };

interface Located {
  item: Extract<BibtexItem, { itemtype: 'entry' }>;
  start: number;
}

export function parseBibtex(text: string): ParsedBibliography {
  const index = new LineIndex(text);
  const problems: BibProblem[] = [];
  const strings: Record<string, string> = { ...MONTHS };
  const located: Located[] = [];
  const take = (items: BibtexItem[], offset: number, chunk: string): void => {
    let cursor = 0;
    for (const item of items) {
      if (item.itemtype === 'string') {
        strings[item.name.toLowerCase()] = evaluate(item, strings);
      } else if (item.itemtype === 'entry') {
        const raw = item.raw ?? '';
        const at = raw ? chunk.indexOf(raw, cursor) : -1;
        const start = at >= 0 ? at : cursor;
        cursor = start + raw.length;
        if (item.key) located.push({ item: { ...item, raw, fields: item.fields ?? [] }, start: offset + start });
        else problems.push(problemAt(index, offset + start, `@${item.type}{...} has no key: it cannot be cited`));
      }
    }
  };
  try {
    take(parse(text, { number: 'string' }), 0, text);
  } catch {
    // Entry by entry: chunks start at each `@` that begins a line.
    const starts = [...text.matchAll(/^[ \t]*@/gm)].map((m) => m.index! + m[0].length - 1);
    if (!starts.length || starts[0] !== 0) starts.unshift(0);
    for (let i = 0; i < starts.length; i++) {
      const chunk = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length);
      try {
        take(parse(chunk, { number: 'string' }), starts[i], chunk);
      } catch (e) {
        const rel = (e as { location?: { start?: { offset?: number } } }).location?.start?.offset ?? 0;
        const head = /^@\s*(\w+)\s*[{(]\s*([^,\s]*)/.exec(chunk);
        const what = head ? `@${head[1]}{${head[2]}` : 'text';
        problems.push(problemAt(index, starts[i] + rel, `Could not read ${what}: ${(e instanceof Error ? e.message : String(e)).replace(/\.$/, '')}`));
      }
    }
  }
  const entries: BibEntry[] = [];
  for (const { item, start } of located) {
    const end = start + item.raw.length;
    const keyAt = item.raw.indexOf(item.key, item.raw.search(/[{(]/));
    const keyStart = start + Math.max(0, keyAt);
    const values: Record<string, string> = {};
    for (const f of item.fields) values[f.name.toLowerCase()] = evaluate(f, strings);
    const fields = toFields(values);
    entries.push({
      key: item.key,
      type: item.type.toLowerCase(),
      fields,
      text: oneLine(fields),
      span: { start, end },
      range: { start: index.positionAt(start), end: index.positionAt(end) },
      keySpan: { start: keyStart, end: keyStart + item.key.length },
      keyRange: { start: index.positionAt(keyStart), end: index.positionAt(keyStart + item.key.length) },
    });
  }
  return { format: 'bibtex', entries, problems };
}

function problemAt(index: LineIndex, start: number, message: string): BibProblem {
  return { start, end: start + 1, range: { start: index.positionAt(start), end: index.positionAt(start + 1) }, message };
}

/** A field's value with `@string` macros and `#` concatenation resolved (LaTeX still in it). */
function evaluate(v: BibtexValue, strings: Record<string, string>): string {
  switch (v.datatype) {
    case 'identifier':
      return strings[String(v.value).toLowerCase()] ?? String(v.value);
    case 'concatinate':
      return (v.value as BibtexValue[]).map((p) => evaluate(p, strings)).join('');
    case 'null':
      return '';
    default:
      return String(v.value);
  }
}

function toFields(v: Record<string, string>): ReferenceFields {
  const people = parseBibtexNames(v.author ?? v.editor ?? '');
  const text = (name: string): string | undefined => (v[name] !== undefined && v[name].trim() ? latexToText(v[name]) : undefined);
  const year = text('year') ?? /\d{4}/.exec(v.date ?? '')?.[0];
  // BibLaTeX keeps PubMed ids in `eprint` (`eprinttype = {pubmed}`); Zotero puts them in `note`/`extra`.
  const eprint = (type: RegExp): string | undefined => (type.test(v.eprinttype ?? v.archiveprefix ?? '') ? text('eprint') : undefined);
  const notes = [v.note, v.annote, v.annotation, v.extra].filter(Boolean).join('\n');
  const doi = (text('doi') ?? /^https?:\/\/(?:dx\.)?doi\.org\/\S+$/i.exec(v.url?.trim() ?? '')?.[0])?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  const pmid = text('pmid') ?? eprint(/^pubmed$/i) ?? /PMID:?\s*(\d+)/i.exec(notes)?.[1];
  const pmcid = text('pmcid') ?? eprint(/^pmc$/i) ?? /\bPMC\d+\b/.exec(notes)?.[0];
  const fields: ReferenceFields = {
    authors: people.names.map(vancouverName).filter(Boolean),
    etAl: people.etAl,
    title: text('title'),
    journal: text('journal') ?? text('journaltitle') ?? text('booktitle') ?? text('publisher') ?? text('institution') ?? text('howpublished'),
    year,
    volume: text('volume'),
    issue: text('number') ?? text('issue'),
    pages: text('pages')?.replace(/–|--/g, '-'),
    doi,
    pmid,
    pmcid,
    url: v.url?.trim() || undefined,
  };
  for (const k of Object.keys(fields) as (keyof ReferenceFields)[]) if (fields[k] === undefined) delete fields[k];
  return fields;
}
