import { formatMarker } from '../article/format';
import type { Rule } from './rule';

/** A run of superscript digits that reads as one number or as several (¹² as 12, or 1 and 2). */
export const ambiguousCitation: Rule = {
  meta: {
    id: 'ambiguous-citation',
    description: 'A run of superscript digits can be read as one reference number or as several.',
    defaultSeverity: 'warning',
    category: 'citations',
    fixable: 'suggestion',
  },
  check({ article, report }) {
    for (const m of article.markers) {
      if (!m.alternative) continue;
      const chosen = m.numbers.join(', ');
      const other = m.alternative.join(', ');
      const readAsDigits = m.alternative.length === 1;
      const digits = readAsDigits ? m.numbers : m.alternative;
      const whole = readAsDigits ? m.alternative : m.numbers;
      report({
        start: m.start,
        end: m.end,
        message: `Citation ${m.raw} is ambiguous: it can mean reference${m.numbers.length > 1 ? 's' : ''} ${chosen} or ${other}. Separate the numbers with a comma, or write the range.`,
        fixes: [
          { title: `Cite ${digits.join(' and ')} (${formatMarker('superscript', digits)})`, edits: [{ start: m.start, end: m.end, newText: formatMarker('superscript', digits) }] },
          { title: `Cite ${whole.join(', ')} only`, edits: [{ start: m.start, end: m.end, newText: formatMarker('superscript', whole) }] },
        ].filter((f) => f.edits[0].newText !== m.raw),
      });
    }
  },
};
