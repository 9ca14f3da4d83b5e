import { compressNumbers, entryDigits, supPieces, supShown, toSuperscript } from '../article/format';
import type { Article, Marker, Reference } from '../article/model';
import { parseArticle } from '../article/parse';
import { splitLines } from '../article/rawBlock';
import { applyEdits } from '../fixes';
import { lineOf } from '../suppression';
import type { Span, TextEdit } from '../types';

/**
 * Renumbers references in order of first citation (AMA 11th ed. §3.6, ICMJE): the numbered list
 * is reordered (uncited entries keep their relative order after the cited ones), and every
 * marker is rewritten in its own style (superscript, `<sup>`, brackets, parentheses, numeric
 * footnote labels), with AMA ranges (¹⁻³, [1-3]) for three or more consecutive numbers. Numeric footnote
 * labels and their definitions are renumbered the same way, among themselves. Markers whose
 * numbers do not change are left exactly as written, so an article already in order gets no
 * edit at all. In an HTML list (`<ol><li>`) the items are numbered by position: the entries move,
 * each `<li>` tag (with any anchor) with its text. A reversed list (`<ol reversed>`, numbered from
 * its number of items down to 1) is renumbered the same way, reference 1 going to its last item.
 * Code is never touched: markers are only ever found outside it.
 *
 * The document is refused, with the reason, when the result could be wrong: a superscript run
 * with two readings, two entries with the same number, a marker citing a number the list
 * does not have, or an HTML list numbered by `start` or `value` attributes (otherwise than
 * by position).
 */
export interface RenumberEdits {
  edits: TextEdit[];
  /** One line for the author: what changed. */
  summary: string;
}
export type RenumberResult = RenumberEdits | { error: string };

interface Scheme {
  /** Old number -> new number. */
  map: Map<number, number>;
  /** Entries (or footnote definitions) in document order. */
  entries: Reference[];
  /** Whether the numbers are written as they read (false for a Markdown list `1.` `1.` `1.`). */
  writeNumbers: boolean;
  markers: Marker[];
}

export function renumber(article: Article): RenumberResult {
  const text = article.text;
  const lines = splitLines(text);
  const where = (s: Span): string => `line ${lineOf(lines, s.start) + 1}`;
  const entries = article.references?.entries ?? [];
  const numbering = article.references?.numbering;
  const numericDefs = article.footnotes.filter((f) => f.label !== undefined && /^\d{1,4}$/.test(f.label));
  const defLabels = new Set(article.footnotes.map((f) => f.label));
  if (!entries.length && !numericDefs.length) return { error: 'This document has no numbered reference list (or numbered footnotes) to renumber.' };

  // Refusals: anything that could make the result cite the wrong work.
  for (const m of article.markers) {
    if (m.alternative) {
      return {
        error: `The superscript ${m.raw} (${where(m)}) can be read as ${m.numbers.join(' and ')} or as ${m.alternative.join(' and ')}: put a comma between numbers that cite separate references (¹,²), then renumber.`,
      };
    }
  }
  const dup = duplicateNumber(entries);
  if (dup) return { error: `Two reference entries are numbered ${dup.number} (${where(dup.first)} and ${where(dup.second)}): give each entry its own number, then renumber.` };
  // An HTML list's numbers are its items' positions: renumbering moves the items, each position
  // keeping its number (1 to n, or n down to 1 in a reversed list). Numbers set by `start` or
  // `value` would stay where they are and no longer match the citations.
  const reversed = numbering === 'html' && !!article.references?.html?.reversed;
  const byPosition = (i: number): number => (reversed ? entries.length - i : i + 1);
  if (numbering === 'html' && entries.some((e, i) => e.number !== byPosition(i))) {
    const odd = entries.find((e, i) => e.number !== byPosition(i))!;
    const counted = reversed ? ' counting down from the number of items' : '';
    return { error: `The reference list is an HTML list whose items are numbered by a start or value attribute (${where(odd)}): renumbering would move the entries but not those numbers. Remove the attribute, so that the items are numbered by their place${counted}, then renumber.` };
  }
  const dupDef = duplicateLabel(numericDefs);
  if (dupDef) return { error: `Two footnotes are defined as [^${dupDef.number}] (${where(dupDef.first)} and ${where(dupDef.second)}): give each its own label, then renumber.` };

  const listNumbers = new Set(entries.map((e) => e.number));
  const listMarkers: Marker[] = [];
  const noteMarkers: Marker[] = [];
  for (const m of article.markers) {
    if (m.style === 'footnote') {
      if (m.label === undefined || !/^\d{1,4}$/.test(m.label)) continue; // named footnotes keep their names
      if (defLabels.has(m.label)) noteMarkers.push(m);
      else if (listNumbers.has(Number(m.label))) listMarkers.push(m);
      else return { error: `The footnote ${m.raw} (${where(m)}) has no definition and the reference list has no entry ${m.label}: fix the citation, then renumber.` };
      continue;
    }
    const missing = m.numbers.find((n) => !listNumbers.has(n));
    if (missing !== undefined) {
      return {
        error: entries.length
          ? `The citation ${m.raw} (${where(m)}) cites reference ${missing}, which the list (${entries.length} entries) does not have: fix the citation or the list, then renumber.`
          : `The citation ${m.raw} (${where(m)}) cites reference ${missing}, but the document has no numbered reference list.`,
      };
    }
    listMarkers.push(m);
  }

  const schemes: Scheme[] = [];
  if (entries.length) {
    // The order of first citation, as the citation-order rule reads it (footnote markers do not set it).
    const order = firstCitations(listMarkers.filter((m) => m.style !== 'footnote'), (m) => m.numbers);
    const writtenAsRead = entries.every((e) => text.slice(e.numberSpan.start, e.numberSpan.end) === entryDigits(numbering, e.number!));
    schemes.push({ map: mapping(entries.map((e) => e.number!), order), entries, writeNumbers: writtenAsRead && numbering !== 'html', markers: listMarkers });
  }
  if (numericDefs.length) {
    const order = firstCitations(noteMarkers, (m) => [Number(m.label)]);
    schemes.push({ map: mapping(numericDefs.map((d) => Number(d.label)), order), entries: numericDefs, writeNumbers: true, markers: noteMarkers });
  }

  // Marker rewrites, then the entries: each position takes the text of the entry renumbered to it.
  const markerEdits: TextEdit[] = [];
  const count = entries.length;
  const house = houseStyle(article.markers);
  for (const s of schemes) {
    for (const m of s.markers) {
      const nums = m.style === 'footnote' ? [Number(m.label)] : m.numbers;
      if (nums.every((n) => s.map.get(n) === n)) continue;
      markerEdits.push({ start: m.start, end: m.end, newText: formatLike(m, nums.map((n) => s.map.get(n)!), count, house) });
    }
  }
  const inside = (e: TextEdit, span: Span): boolean => e.start >= span.start && e.end <= span.end;
  const entryEdits: TextEdit[] = [];
  const moved: Span[] = [];
  let reordered = 0;
  for (const s of schemes) {
    const byNew = new Map<number, Reference>();
    for (const e of s.entries) byNew.set(s.map.get(Number(e.number ?? e.label))!, e);
    const positions = [...s.entries].sort((a, b) => a.start - b.start);
    const newNumbers = [...byNew.keys()].sort((a, b) => a - b);
    positions.forEach((pos, i) => {
      // In a reversed HTML list the first position holds the highest number.
      const target = reversed && s.entries === entries ? newNumbers[newNumbers.length - 1 - i] : newNumbers[i];
      const source = byNew.get(target)!;
      const written = text.slice(pos.numberSpan.start, pos.numberSpan.end);
      const digits = s.entries === entries ? entryDigits(numbering, target) : String(target);
      if (s.writeNumbers && written !== digits) entryEdits.push({ ...pos.numberSpan, newText: digits });
      if (source !== pos && numbering === 'html' && s.entries === entries) {
        // An HTML item's `<li>` tag goes with its text: an anchor in it (`<li id="ref-2">`) stays
        // on its entry, as the links that cite it expect.
        const tag = text.slice(source.numberSpan.start, source.numberSpan.end);
        if (tag !== text.slice(pos.numberSpan.start, pos.numberSpan.end)) entryEdits.push({ ...pos.numberSpan, newText: tag });
      }
      if (source !== pos) {
        // The source text, with the rewrites of markers inside it (a footnote may cite).
        const span = source.textSpan;
        const own = markerEdits.filter((e) => inside(e, span)).map((e) => ({ ...e, start: e.start - span.start, end: e.end - span.start }));
        entryEdits.push({ ...pos.textSpan, newText: applyEdits(text.slice(span.start, span.end), own) });
        moved.push(pos.textSpan);
        reordered++;
      }
    });
  }
  const edits = [...markerEdits.filter((e) => !moved.some((sp) => inside(e, sp))), ...entryEdits].sort((a, b) => a.start - b.start);
  if (!edits.length) return { edits, summary: 'References are already numbered in order of first citation.' };

  // Check the result reads as intended before offering it.
  const after = applyEdits(text, edits);
  const problem = verify(article, parseArticle(after, article.kind), schemes);
  if (problem) return { error: `Renumbering was not applied: ${problem}` };
  const changed = schemes.reduce((n, s) => n + [...s.map].filter(([a, b]) => a !== b).length, 0);
  return {
    edits,
    summary: `Renumbered ${changed} reference${changed === 1 ? '' : 's'} in order of first citation: ${markerEdits.length} citation${markerEdits.length === 1 ? '' : 's'} rewritten, ${reordered} entr${reordered === 1 ? 'y' : 'ies'} moved.`,
  };
}

function duplicateNumber(entries: Reference[]): { number: number; first: Span; second: Span } | undefined {
  const seen = new Map<number, Reference>();
  for (const e of entries) {
    if (e.number === undefined) continue;
    const prev = seen.get(e.number);
    if (prev) return { number: e.number, first: prev, second: e };
    seen.set(e.number, e);
  }
  return undefined;
}

function duplicateLabel(defs: Reference[]): { number: string; first: Span; second: Span } | undefined {
  const seen = new Map<string, Reference>();
  for (const d of defs) {
    const prev = seen.get(d.label!);
    if (prev) return { number: d.label!, first: prev, second: d };
    seen.set(d.label!, d);
  }
  return undefined;
}

function firstCitations(markers: Marker[], numbersOf: (m: Marker) => number[]): number[] {
  const order: number[] = [];
  const seen = new Set<number>();
  for (const m of markers) {
    for (const n of numbersOf(m)) {
      if (seen.has(n)) continue;
      seen.add(n);
      order.push(n);
    }
  }
  return order;
}

/**
 * Cited numbers take 1, 2, 3... in order of first citation; uncited ones follow in their list
 * order. The new numbers are 1..n over the entries (gaps close).
 */
function mapping(listOrder: number[], citedOrder: number[]): Map<number, number> {
  const cited = new Set(citedOrder);
  const sequence = [...citedOrder, ...listOrder.filter((n) => !cited.has(n))];
  return new Map(sequence.map((n, i) => [n, i + 1]));
}

/**
 * A marker for new numbers in the marker's own style and punctuation: the comma (`,` or `˒`)
 * and dash (`⁻`, `–`, `-`) it was written with, `[1, 2]` or `[1,2]`, `<sup>[1]</sup>`. A run of
 * single superscript digits (¹²) stays a run when it cannot be misread as one number.
 */
export function formatLike(m: Marker, numbers: number[], referenceCount: number, house: HouseStyle = {}): string {
  // Links around the numbers (`<sup><a href="#r1">1</a>,<a href="#r2">2</a></sup>`,
  // `<sup>[1](#r1),[2](#r2)</sup>`, a plain number beside them): each number is rewritten where it
  // stands, the links kept, when there are as many numbers and no range.
  if (m.style === 'html-sup' && /<a\b|\]\(/i.test(m.raw)) {
    const pieces = supPieces(m.raw);
    if (pieces.length === m.numbers.length && pieces.length === numbers.length && !/\d\s*[–—‐−-]\s*\d/.test(supShown(m.raw))) {
      let out = '';
      let from = 0;
      pieces.forEach((p, k) => {
        out += `${m.raw.slice(from, p.digits.start)}${numbers[k]}`;
        from = p.digits.end;
      });
      return out + m.raw.slice(from);
    }
  }
  const list = compressNumbers(numbers);
  const groups = list.split(',');
  switch (m.style) {
    case 'superscript': {
      // A marker that had no comma of its own (¹⁻², ¹²) takes the document's.
      const comma = m.raw.includes('˒') ? '˒' : m.raw.includes(',') ? ',' : (house.superscriptComma ?? ',');
      const dash = m.raw.includes('–') ? '–' : m.raw.includes('-') ? '-' : '⁻';
      const bareRun = !/[,˒⁻–-]/.test(m.raw) && m.numbers.length > 1;
      if (bareRun && groups.length > 1 && groups.every((g) => /^\d$/.test(g)) && Number(groups.join('')) > referenceCount) {
        return toSuperscript(groups.join(''));
      }
      return groups.map((g) => toSuperscript(g).replace(/⁻/g, dash)).join(comma);
    }
    case 'html-sup': {
      // The list rewritten where it stands, everything around it kept: the tag's attributes, an
      // entity, brackets, and a Markdown link's target (`<sup>[1](#r1)</sup>`: the anchor stays,
      // as with an HTML link, for it names the entry, which moves with its text).
      const shown = supShown(m.raw);
      const at = HTML_SUP_LIST.exec(shown);
      const body = at ? at[0] : '';
      const out = groups.map((g) => g.replace('-', listDash(body))).join(/,\s/.test(body) ? ', ' : ',');
      return at ? `${m.raw.slice(0, at.index)}${out}${m.raw.slice(at.index + body.length)}` : `<sup>${out}</sup>`;
    }
    case 'bracket': {
      const inner = /^(\[)(.*?)(\])$/s.exec(m.raw);
      const body = inner ? inner[2] : '';
      const sep = /,\s/.test(body) ? ', ' : /,/.test(body) ? ',' : (house.bracketSeparator ?? ', ');
      const out = groups.map((g) => g.replace('-', listDash(body))).join(sep);
      return inner ? `${inner[1]}${out}${inner[3]}` : `[${out}]`;
    }
    case 'paren': {
      // `(1, 2)` or `(1,2)`, the dash it was written with; `(1)` takes the document's separator.
      const body = m.raw.slice(1, -1);
      const sep = /[,;]\s/.test(body) ? ', ' : /[,;]/.test(body) ? ',' : (house.parenSeparator ?? ', ');
      const dash = body.includes('–') ? '–' : body.includes('—') ? '—' : '-';
      return `(${groups.map((g) => g.replace('-', dash)).join(sep)})`;
    }
    case 'footnote':
      return numbers.map((n) => `[^${n}]`).join('');
  }
  return m.raw;
}

/** The number list of a `<sup>` marker with its tags, entities and link targets blanked. */
const HTML_SUP_LIST = /\d{1,4}(?:\s*[,;–—‐−-]\s*\d{1,4})*/;

/** The dash a written list uses for ranges. */
const listDash = (body: string): string => (body.includes('–') ? '–' : body.includes('—') ? '—' : '-');

/** How the document separates numbers in its markers, read from the markers that do. */
export interface HouseStyle {
  superscriptComma?: ',' | '˒';
  bracketSeparator?: ', ' | ',';
  parenSeparator?: ', ' | ',';
}

function houseStyle(markers: readonly Marker[]): HouseStyle {
  const count = { ',': 0, '˒': 0, ', ': 0, ',tight': 0, '(, ': 0, '(,': 0 };
  for (const m of markers) {
    if (m.style === 'superscript') {
      if (m.raw.includes('˒')) count['˒']++;
      else if (m.raw.includes(',')) count[',']++;
    } else if (m.style === 'bracket') {
      if (/,\s/.test(m.raw)) count[', ']++;
      else if (m.raw.includes(',')) count[',tight']++;
    } else if (m.style === 'paren') {
      if (/,\s/.test(m.raw)) count['(, ']++;
      else if (m.raw.includes(',')) count['(,']++;
    }
  }
  return {
    superscriptComma: count['˒'] + count[','] === 0 ? undefined : count['˒'] > count[','] ? '˒' : ',',
    bracketSeparator: count[', '] + count[',tight'] === 0 ? undefined : count[',tight'] > count[', '] ? ',' : ', ',
    parenSeparator: count['(, '] + count['(,'] === 0 ? undefined : count['(,'] > count['(, '] ? ',' : ', ',
  };
}

/** The re-read document cites, marker for marker, what the mapping says. */
function verify(before: Article, after: Article, schemes: Scheme[]): string | undefined {
  if (before.markers.length !== after.markers.length) return 'the number of citations would change.';
  const list = schemes.find((s) => s.entries === before.references?.entries);
  const schemeOf = new Map<Marker, Scheme>();
  for (const s of schemes) for (const m of s.markers) schemeOf.set(m, s);
  for (let i = 0; i < before.markers.length; i++) {
    const a = before.markers[i];
    const b = after.markers[i];
    const s = schemeOf.get(a);
    if (!s) {
      if (a.raw !== b.raw) return `the citation ${a.raw} would change.`;
      continue;
    }
    const nums = a.style === 'footnote' ? [Number(a.label)] : a.numbers;
    const want = [...new Set(nums.map((n) => s.map.get(n)!))].sort((x, y) => x - y).join(',');
    const gotNums = b.style === 'footnote' ? [Number(b.label)] : b.numbers;
    const got = [...new Set(gotNums)].sort((x, y) => x - y).join(',');
    if (b.alternative) {
      return `the citation ${a.raw} would become ${b.raw}, which can also be read as ${b.alternative.join(', ')}: with ${after.references?.entries.length ?? 0} references, superscript digits side by side are ambiguous. Write such citations with brackets or <sup>, or separate the numbers, then renumber.`;
    }
    if (want !== got) return `the citation ${a.raw} would read as ${b.raw}, not as ${want}.`;
  }
  if (list) {
    const nums = (after.references?.entries ?? []).map((e) => e.number);
    if (nums.join(',') !== nums.map((_, i) => i + 1).join(',') && list.writeNumbers) return 'the reference list would not read 1 to n.';
  }
  return undefined;
}
