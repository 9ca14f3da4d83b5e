/**
 * Letters in the rules' patterns, and the patterns that use them.
 *
 * `L` is Unicode's letters (`\p{L}`) in the scripts an article may mix with English: Latin (with
 * IPA and the Latin Extended Additional block), Greek, Cyrillic, Armenian, Hebrew, Arabic,
 * Devanagari, Thai, kana, CJK ideographs and Hangul; a letter of another script counts as no
 * letter (a test compares `L` with `\p{L}` code point by code point). Written out as ranges because
 * of what V8 does when it first runs a pattern: it builds a `\p{L}` class from all of Unicode's
 * letters, and under the `i` flag closes it over case again, some 0.14 ms per class, where these
 * ranges take some 0.03 ms. The rules' patterns (and the lexicon's) hold some 450 such classes,
 * nearly all run on the first document: `\p{L}` cost some 30 to 50 ms of the server's first
 * diagnostics and of every CLI thread's first file.
 *
 * Write the pattern as its literal would be written, with `${L}` in place of `\p{L}`, under the
 * tag of its flags: `rx.iu\`(?<![${L}])cures?(?![${L}])\`` for `/(?<![\p{L}])cures?(?![\p{L}])/iu`.
 * Lint refuses `\p{L}` in a pattern literal of the core.
 */

declare const letters: unique symbol;
/** The letter ranges: the only substitution a pattern tag takes. */
export type Letters = string & { readonly [letters]: true };

export const L =
  String.raw`A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02c1\u02c6-\u02d1` +
  String.raw`\u02e0-\u02e4\u02ec\u02ee\u0370-\u0374\u0376-\u0377\u037a-\u037d\u037f\u0386` +
  String.raw`\u0388-\u038a\u038c\u038e-\u03a1\u03a3-\u03f5\u03f7-\u0481\u048a-\u052f\u0531-\u0556` +
  String.raw`\u0559\u0560-\u0588\u05d0-\u05ea\u05ef-\u05f2\u0620-\u064a\u066e-\u066f\u0671-\u06d3` +
  String.raw`\u06d5\u06e5-\u06e6\u06ee-\u06ef\u06fa-\u06fc\u06ff\u0904-\u0939\u093d\u0950` +
  String.raw`\u0958-\u0961\u0971-\u097f\u0e01-\u0e30\u0e32-\u0e33\u0e40-\u0e46\u1e00-\u1eff` +
  String.raw`\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff` +
  String.raw`\uac00-\ud7a3` as Letters;

/** Each call site's pattern, compiled once, as a literal's is. */
const compiled = new WeakMap<TemplateStringsArray, RegExp>();

/**
 * The tag of one set of flags. A call site's pattern is compiled on its first call; a later call
 * returns it again or, with the flag `g`, whose `lastIndex` a literal's new object starts at 0, a
 * new expression over the same compiled code.
 */
function tag(flags: string): (strings: TemplateStringsArray, ...letters: Letters[]) => RegExp {
  const global = flags.includes('g') || flags.includes('y');
  return (strings, ...subs) => {
    let re = compiled.get(strings);
    if (!re) compiled.set(strings, (re = new RegExp(String.raw(strings, ...subs), flags)));
    return global ? new RegExp(re) : re;
  };
}

/**
 * A pattern given as a string (a lexicon entry's `pattern`) with its `\p{L}` read as `L`: inside a
 * class as its ranges, outside one as a class of them.
 */
export function lettersIn(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      // eslint-disable-next-line no-restricted-syntax -- the escape read here, not a pattern
      if (pattern.startsWith('\\p{L}', i)) {
        out += inClass ? L : `[${L}]`;
        i += 4;
      } else {
        out += pattern.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/** Pattern tags by flags: `rx.iu\`...\`` is `/.../iu`. */
export const rx = { u: tag('u'), iu: tag('iu'), gu: tag('gu'), giu: tag('giu') } as const;
