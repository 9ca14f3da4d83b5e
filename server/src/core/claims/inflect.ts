/**
 * Inflection and phrase expansion for the claim lexicon. Lexicon phrases are written once
 * ("cure{v} for") and expanded to every literal form ("cure for", "cures for", "cured for",
 * "curing for") so that matching is a single alternation of literals: linear time, no
 * backtracking on user text.
 */

export type VerbForm = 'base' | 's' | 'ed' | 'ing';
export type NounForm = 'sg' | 'pl';
export type Form = VerbForm | NounForm;

const IRREGULAR_VERBS: Record<string, Record<VerbForm, string>> = {
  be: { base: 'be', s: 'is', ed: 'was', ing: 'being' },
  have: { base: 'have', s: 'has', ed: 'had', ing: 'having' },
  do: { base: 'do', s: 'does', ed: 'did', ing: 'doing' },
  make: { base: 'make', s: 'makes', ed: 'made', ing: 'making' },
  find: { base: 'find', s: 'finds', ed: 'found', ing: 'finding' },
  get: { base: 'get', s: 'gets', ed: 'got', ing: 'getting' },
  stop: { base: 'stop', s: 'stops', ed: 'stopped', ing: 'stopping' },
  reprogram: { base: 'reprogram', s: 'reprograms', ed: 'reprogrammed', ing: 'reprogramming' },
  reset: { base: 'reset', s: 'resets', ed: 'reset', ing: 'resetting' },
  quit: { base: 'quit', s: 'quits', ed: 'quit', ing: 'quitting' },
};

/** Irregular past forms (the participle, when it differs, is not a form of the lexicon). */
const IRREGULAR_PAST: Record<string, string> = {
  keep: 'kept', fall: 'fell', cut: 'cut', feel: 'felt', lose: 'lost', leave: 'left', rise: 'rose', take: 'took', give: 'gave', hold: 'held', sleep: 'slept', lead: 'led',
  speed: 'sped', begin: 'began', drink: 'drank', eat: 'ate', fight: 'fought', bring: 'brought', think: 'thought', tell: 'told', run: 'ran', grow: 'grew', break: 'broke',
  draw: 'drew', drive: 'drove', put: 'put', set: 'set', hurt: 'hurt', spread: 'spread', sell: 'sold', say: 'said', pay: 'paid', see: 'saw', go: 'went',
  come: 'came', know: 'knew', build: 'built', send: 'sent', spend: 'spent', write: 'wrote', wake: 'woke', shake: 'shook', light: 'lit', feed: 'fed', bleed: 'bled',
};

/** The four forms of an English verb: base, third person singular, past, present participle. */
export function verbForms(lemma: string): Record<VerbForm, string> {
  const w = lemma.toLowerCase();
  const irregular = IRREGULAR_VERBS[w];
  if (irregular) return irregular;
  const regular = regularForms(w);
  const past = IRREGULAR_PAST[w];
  return past ? { ...regular, ed: past } : regular;
}

function regularForms(w: string): Record<VerbForm, string> {
  if (w.endsWith('ee')) return { base: w, s: `${w}s`, ed: `${w}d`, ing: `${w}ing` };
  if (w.endsWith('ie')) return { base: w, s: `${w}s`, ed: `${w}d`, ing: `${w.slice(0, -2)}ying` };
  if (w.endsWith('e')) return { base: w, s: `${w}s`, ed: `${w}d`, ing: `${w.slice(0, -1)}ing` };
  if (/[^aeiou]y$/.test(w)) {
    const stem = w.slice(0, -1);
    return { base: w, s: `${stem}ies`, ed: `${stem}ied`, ing: `${w}ing` };
  }
  if (/(s|sh|ch|x|z)$/.test(w)) return { base: w, s: `${w}es`, ed: `${w}ed`, ing: `${w}ing` };
  // One syllable ending in a single vowel and consonant doubles it: drop, dropped, dropping.
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(w)) return { base: w, s: `${w}s`, ed: `${w}${w.slice(-1)}ed`, ing: `${w}${w.slice(-1)}ing` };
  return { base: w, s: `${w}s`, ed: `${w}ed`, ing: `${w}ing` };
}

/** Singular and plural of an English noun. */
export function nounForms(noun: string): Record<NounForm, string> {
  const w = noun.toLowerCase();
  if (/[^aeiou]y$/.test(w)) return { sg: w, pl: `${w.slice(0, -1)}ies` };
  if (/(s|sh|ch|x|z)$/.test(w)) return { sg: w, pl: `${w}es` };
  return { sg: w, pl: `${w}s` };
}

/** One literal form of a lexicon phrase. */
export interface ExpandedPhrase {
  /** Lowercase, single-spaced, apostrophes as `'`. */
  text: string;
  /** Index of the first word of the head (the part `rewrite` replaces), if the phrase has one. */
  headWord?: number;
  /** Number of words of the head. */
  headWords?: number;
  /** The head as written in this form. */
  head?: string;
  /** Inflectional form of the head, when it was written with `{v}` or `{n}`. */
  form?: Form;
}

interface Part {
  alternatives: { text: string; form?: Form }[];
  head: boolean;
  inflected: boolean;
}

/** Normalizes text for lookup: lowercase, `’` as `'`, runs of whitespace as one space. */
export function normalizePhrase(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

function splitTopLevel(phrase: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of phrase) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ' ' && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (depth !== 0) throw new Error(`unbalanced parentheses in "${phrase}"`);
  if (cur) out.push(cur);
  return out;
}

function inflectWord(word: string): { text: string; form?: Form }[] {
  const m = /^(.*?)\{(v|n)\}$/.exec(word);
  if (!m) return [{ text: word }];
  if (m[2] === 'v') {
    const f = verbForms(m[1]);
    return (Object.keys(f) as VerbForm[]).map((k) => ({ text: f[k], form: k }));
  }
  const f = nounForms(m[1]);
  return (Object.keys(f) as NounForm[]).map((k) => ({ text: f[k], form: k }));
}

/** Named word lists a phrase can use as `{name}` (the lexicon's `{condition}`). */
export type Slots = Record<string, readonly string[]>;

function parsePart(token: string, slots: Slots): Part {
  let t = token;
  const head = t.startsWith('^');
  if (head) t = t.slice(1);
  let alternatives: { text: string; form?: Form }[];
  const slot = /^\{([a-z]+)\}$/.exec(t);
  if (slot && slot[1] !== 'v' && slot[1] !== 'n') {
    const list = slots[slot[1]];
    if (!list || list.length === 0) throw new Error(`unknown word list {${slot[1]}}`);
    alternatives = list.map((w) => ({ text: normalizePhrase(w) }));
  } else if (t.startsWith('(') && t.endsWith(')')) {
    alternatives = t
      .slice(1, -1)
      .split('|')
      .flatMap((alt) => {
        const words = alt.trim() === '' ? [] : alt.trim().split(' ');
        if (words.length === 0) return [{ text: '' }];
        // Inflection inside a choice applies to its last word ("(work{v})").
        const last = inflectWord(words[words.length - 1]);
        return last.map((l) => ({ text: [...words.slice(0, -1), l.text].join(' '), form: l.form }));
      });
  } else {
    alternatives = inflectWord(t);
  }
  if (alternatives.some((a) => /[(){}^]/.test(a.text))) throw new Error(`unsupported syntax in "${token}"`);
  return { alternatives, head, inflected: /\{[vn]\}/.test(t) };
}

/**
 * Expands a phrase of the lexicon syntax to its literal forms. Throws on malformed syntax (the
 * loader reports it). The number of forms is the product of the choices: kept small by design.
 * `{name}` stands for every phrase of the word list `slots[name]`.
 */
export function expandPhrase(phrase: string, slots: Slots = {}): ExpandedPhrase[] {
  const parts = splitTopLevel(phrase.trim()).map((t) => parsePart(t, slots));
  let headIndex = parts.findIndex((p) => p.head);
  if (headIndex < 0) headIndex = parts.findIndex((p) => p.inflected);
  let results: { words: string[]; head?: { at: number; n: number; text: string; form?: Form } }[] = [{ words: [] }];
  parts.forEach((part, i) => {
    const next: typeof results = [];
    for (const r of results) {
      for (const alt of part.alternatives) {
        const words = alt.text === '' ? [] : alt.text.split(' ');
        const head = i === headIndex && words.length ? { at: r.words.length, n: words.length, text: alt.text, form: alt.form } : r.head;
        next.push({ words: [...r.words, ...words], head });
      }
    }
    results = next;
    if (results.length > 4096) throw new Error(`"${phrase}" expands to too many forms`);
  });
  return results
    .filter((r) => r.words.length > 0)
    .map((r) => ({
      text: normalizePhrase(r.words.join(' ')),
      headWord: r.head?.at,
      headWords: r.head?.n,
      head: r.head ? normalizePhrase(r.head.text) : undefined,
      form: r.head?.form,
    }));
}
