import type { ReferenceFields } from '../article/model';

/** One plain line for an entry: `Sanacora G, Frye MA, et al. Title. Journal. 2017.` */
export function oneLine(f: ReferenceFields): string {
  const authors = f.authors.length ? `${f.authors.slice(0, 3).join(', ')}${f.etAl || f.authors.length > 3 ? ', et al' : ''}.` : '';
  return [authors, f.title ? (/[?!]$/.test(f.title) ? f.title : `${f.title.replace(/[.\s]+$/, '')}.`) : '', f.journal ? `${f.journal}.` : '', f.year ? `${f.year}.` : ''].filter(Boolean).join(' ');
}
