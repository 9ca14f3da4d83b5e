import { latexToText } from './latex';

/** A person or organisation, as BibTeX and CSL-JSON give them. */
export interface PersonName {
  family?: string;
  given?: string;
  /** Organisations and names that cannot be split (`{World Health Organization}`). */
  literal?: string;
}

/** Splits at a separator that is outside braces. */
function splitTopLevel(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(s);
      if (m && m.index === i) {
        out.push(s.slice(last, i));
        last = i + m[0].length;
        i = last - 1;
      }
    }
  }
  out.push(s.slice(last));
  return out.map((p) => p.trim()).filter(Boolean);
}

/**
 * BibTeX names: `Last, First`, `Last, Jr, First`, `First von Last`, `{Organisation Name}`,
 * joined with `and`; `and others` means "et al.".
 */
export function parseBibtexNames(value: string): { names: PersonName[]; etAl: boolean } {
  const parts = splitTopLevel(value, /\s+and\s+/gy);
  let etAl = false;
  const names: PersonName[] = [];
  for (const part of parts) {
    if (part === 'others') {
      etAl = true;
      continue;
    }
    if (/^\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}$/.test(part)) {
      names.push({ literal: latexToText(part) });
      continue;
    }
    const commas = splitTopLevel(part, /,/gy);
    if (commas.length >= 2) {
      const family = latexToText(commas[0]);
      const given = latexToText(commas[commas.length - 1]);
      names.push(given ? { family, given } : { family });
      continue;
    }
    const words = splitTopLevel(part, /\s+/gy);
    if (words.length === 1) {
      names.push({ family: latexToText(words[0]) });
      continue;
    }
    // First von Last: the family name starts at the first lowercase word (von, van der, de),
    // otherwise it is the last word.
    let f = words.findIndex((w, i) => i > 0 && i < words.length - 1 && /^[a-z]/.test(w));
    if (f < 0) f = words.length - 1;
    names.push({ given: latexToText(words.slice(0, f).join(' ')), family: latexToText(words.slice(f).join(' ')) });
  }
  return { names, etAl };
}

/** A name the way medical reference lists write it: `Sanacora G`, `van der Berg AM`. */
export function vancouverName(n: PersonName): string {
  if (n.literal) return n.literal;
  const family = n.family ?? '';
  const initials = (n.given ?? '')
    .split(/[\s.]+/)
    .filter(Boolean)
    .map((g) =>
      g
        .split('-')
        .map((p) => [...p][0]?.toUpperCase() ?? '')
        .join(''),
    )
    .join('');
  return [family, initials].filter(Boolean).join(' ');
}
