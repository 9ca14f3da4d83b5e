/**
 * LaTeX in BibTeX field values to plain Unicode text: accents (`{\"u}`, `\'e`, `\c{c}`),
 * special letters (`\ss`, `\o`, `\aa`), escaped characters (`\&`, `\%`), dashes and quotes,
 * font commands (`\emph{x}`, `\textit{x}`) and protective braces. Unknown commands keep their
 * argument and lose their name. Whitespace is collapsed.
 */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};

const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  textendash: '–',
  textemdash: '—',
  textquoteright: '’',
  textquoteleft: '‘',
  textregistered: '®',
  texttrademark: '™',
  textcopyright: '©',
  textdegree: '°',
  textmu: 'µ',
  textpm: '±',
  pm: '±',
  times: '×',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  kappa: 'κ',
  mu: 'μ',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
};

/** Decodes a BibTeX field value. */
export function latexToText(value: string): string {
  if (!/[\\{}~$-]|``|''/.test(value)) return value.replace(/\s+/g, ' ').trim();
  let s = value;
  // Accents: \'{e}, \'e, {\'e}, \c{c}, \c c, \'{\i}.
  s = s.replace(/\\(['`^"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g, (_m, acc: string, a?: string, b?: string) => accent(acc, a ?? b ?? ''));
  s = s.replace(/\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+(\\?[A-Za-z])(?![A-Za-z]))/g, (_m, acc: string, a?: string, b?: string) => accent(acc, a ?? b ?? ''));
  // Letters and symbols written as commands without arguments.
  s = s.replace(/\\([A-Za-z]+)(?![A-Za-z])(?:\{\})?\s?/g, (m, name: string) => (name in LETTERS ? LETTERS[name] : m));
  // Escaped characters.
  s = s.replace(/\\([&%$#_{}])/g, (_m, c: string) => `\uE000${c}`);
  // Font and other one-argument commands: keep the argument.
  for (let i = 0; i < 5 && /\\[A-Za-z]+\*?\s*\{/.test(s); i++) s = s.replace(/\\[A-Za-z]+\*?\s*\{([^{}]*)\}/g, '$1');
  s = s.replace(/\\[A-Za-z]+\*?\s*/g, '');
  s = s.replace(/\$([^$]*)\$/g, '$1');
  s = s.replace(/---/g, '—').replace(/--/g, '–').replace(/``/g, '“').replace(/''/g, '”').replace(/(?<!\uE000)~/g, '\u00a0');
  s = s.replace(/(?<!\uE000)[{}]/g, '');
  s = s.replace(/\uE000/g, '');
  return s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

function accent(acc: string, letter: string): string {
  const base = letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter.replace(/^\\/, '');
  return `${base}${ACCENTS[acc] ?? ''}`.normalize('NFC');
}
