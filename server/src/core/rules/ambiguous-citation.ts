import { formatMarker } from '../article/format';
import { type Rule, wantsFixes } from './rule';

/** A run of superscript digits that reads as one number or as several (¹² as 12, or 1 and 2). */
export const ambiguousCitation: Rule = {
  meta: {
    id: 'ambiguous-citation',
    description: 'A run of superscript digits can be read as one reference number or as several.',
    defaultSeverity: 'warning',
    category: 'citations',
    fixable: 'suggestion',
  },
  check({ article, report, fixes: wanted }) {
    for (const m of article.markers) {
      // A range written backwards ([6-4]): meant as 4 to 6, or as 6 and 4?
      if (m.style !== 'footnote' && m.style !== 'pandoc') {
        const digits = m.style === 'superscript' ? m.raw.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))).replace(/⁻/g, '-') : m.raw;
        const range = /(\d+)\s*[–—‐−-]\s*(\d+)/g;
        for (let r = range.exec(digits); r; r = range.exec(digits)) {
          const [a, b] = [Number(r[1]), Number(r[2])];
          if (a <= b) continue;
          // Both spellings have the same length: the swap is made in place in the marker as written.
          const fixed = m.raw.slice(0, r.index) + m.raw.slice(r.index, r.index + r[0].length).replace(/^(\S+)(\s*\S\s*)(\S+)$/u, '$3$2$1') + m.raw.slice(r.index + r[0].length);
          report({
            start: m.start,
            end: m.end,
            message: `Citation ${m.raw} has a range that runs backwards (${a} to ${b}): write it from the lower number (${b} to ${a}), or separate the numbers if they cite ${a} and ${b} alone.`,
            fixes: !wantsFixes(wanted, m.start, m.end) ? undefined : fixed !== m.raw ? [{ title: `Write the range as ${b} to ${a} (${fixed})`, edits: [{ start: m.start, end: m.end, newText: fixed }] }] : [],
          });
          break;
        }
      }
      if (!m.alternative) continue;
      const chosen = m.numbers.join(', ');
      const other = m.alternative.join(', ');
      // The two readings of the whole marker: the one with more numbers reads the run digit by digit.
      const readAsDigits = m.alternative.length < m.numbers.length;
      const digits = readAsDigits ? m.numbers : m.alternative;
      const whole = readAsDigits ? m.alternative : m.numbers;
      const list = (ns: number[]): string => (ns.length > 1 ? `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}` : String(ns[0]));
      report({
        start: m.start,
        end: m.end,
        message: `Citation ${m.raw} is ambiguous: it can mean reference${m.numbers.length > 1 ? 's' : ''} ${chosen} or ${other}. Separate the numbers with a comma, or write the range.`,
        // Neither fix is safe (the author must choose): a host that shows no fixes gets none.
        fixes: !wantsFixes(wanted, m.start, m.end)
          ? undefined
          : [
              { title: `Cite ${list([...digits].sort((a, b) => a - b))} (${formatMarker('superscript', digits)})`, edits: [{ start: m.start, end: m.end, newText: formatMarker('superscript', digits) }] },
              { title: `Cite ${whole.join(', ')} only`, edits: [{ start: m.start, end: m.end, newText: formatMarker('superscript', whole) }] },
            ].filter((f) => f.edits[0].newText !== m.raw),
      });
    }
  },
};
