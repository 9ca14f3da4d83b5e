import { type Node, type ParseError, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { ReferenceFields } from '../article/model';
import type { BibEntry, BibProblem, ParsedBibliography } from '../article/pandoc';
import { LineIndex } from '../text/lineIndex';
import { type PersonName, vancouverName } from './names';
import { oneLine } from './shape';

/**
 * CSL-JSON bibliographies (`.json`, as Zotero and Pandoc export them): an array of items with
 * `id`, `type`, `author`, `title`, `container-title`, `issued`, `DOI`, `PMID`, ... The JSON is
 * read with `jsonc-parser`, which keeps each item's position for go-to-definition.
 */
export function parseCslJson(text: string): ParsedBibliography {
  const index = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problem = (start: number, end: number, message: string): BibProblem => ({ start, end, message, range: { start: index.positionAt(start), end: index.positionAt(end) } });
  const problems: BibProblem[] = errors.slice(0, 5).map((e) => problem(e.offset, e.offset + Math.max(1, e.length), `Invalid JSON: ${printParseErrorCode(e.error)}`));
  let items: Node[] = [];
  if (root?.type === 'array') items = root.children ?? [];
  else if (root?.type === 'object') {
    // A single item, or an object holding the list (`{"items": [...]}`).
    const list = root.children?.find((p) => p.children?.[1]?.type === 'array' && ['items', 'references'].includes(String(p.children[0].value)))?.children?.[1];
    items = list ? (list.children ?? []) : [root];
  } else if (root && !errors.length) {
    problems.push(problem(root.offset, root.offset + root.length, 'Expected a CSL-JSON array of items.'));
  }
  const entries: BibEntry[] = [];
  for (const node of items) {
    if (node.type !== 'object') {
      problems.push(problem(node.offset, node.offset + node.length, 'Expected a CSL-JSON item (an object with an "id").'));
      continue;
    }
    const idProp = node.children?.find((p) => p.children?.[0]?.value === 'id');
    const idNode = idProp?.children?.[1];
    if (!idNode || (idNode.type !== 'string' && idNode.type !== 'number')) {
      problems.push(problem(node.offset, node.offset + 1, 'CSL-JSON item without an "id": it cannot be cited.'));
      continue;
    }
    const item = getNodeValue(node) as Record<string, unknown>;
    const key = String(idNode.value);
    const keyStart = idNode.type === 'string' ? idNode.offset + 1 : idNode.offset;
    const fields = toFields(item);
    entries.push({
      key,
      type: typeof item.type === 'string' ? item.type : 'document',
      fields,
      text: oneLine(fields),
      span: { start: node.offset, end: node.offset + node.length },
      range: { start: index.positionAt(node.offset), end: index.positionAt(node.offset + node.length) },
      keySpan: { start: keyStart, end: keyStart + key.length },
      keyRange: { start: index.positionAt(keyStart), end: index.positionAt(keyStart + key.length) },
    });
  }
  return { format: 'csl-json', entries, problems };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : typeof v === 'number' ? String(v) : undefined);

function names(v: unknown): PersonName[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((n): n is Record<string, unknown> => !!n && typeof n === 'object')
    .map((n) => {
      if (str(n.literal)) return { literal: str(n.literal) };
      const family = [str(n['non-dropping-particle']), str(n.family)].filter(Boolean).join(' ');
      return { family: family || undefined, given: str(n.given) };
    });
}

function year(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return str(v)?.match(/\d{4}/)?.[0];
  const d = v as Record<string, unknown>;
  const parts = d['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0][0] !== undefined) return String(parts[0][0]);
  return (str(d.raw) ?? str(d.literal))?.match(/\d{4}/)?.[0];
}

function toFields(item: Record<string, unknown>): ReferenceFields {
  const people = names(item.author).length ? names(item.author) : names(item.editor);
  const fields: ReferenceFields = {
    authors: people.map(vancouverName).filter(Boolean),
    etAl: false,
    title: str(item.title),
    journal: str(item['container-title']) ?? str(item['container-title-short']) ?? str(item.publisher),
    year: year(item.issued),
    volume: str(item.volume),
    issue: str(item.issue),
    pages: str(item.page)?.replace(/–|--/g, '-'),
    doi: str(item.DOI)?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''),
    // Zotero keeps identifiers it has no CSL variable for in `note` ("PMID: 123").
    pmid: str(item.PMID) ?? /\bPMID:\s*(\d+)/i.exec(str(item.note) ?? '')?.[1],
    pmcid: str(item.PMCID) ?? /\bPMCID:\s*(PMC\d+)/i.exec(str(item.note) ?? '')?.[1],
    url: str(item.URL),
  };
  for (const k of Object.keys(fields) as (keyof ReferenceFields)[]) if (fields[k] === undefined) delete fields[k];
  return fields;
}
