// Types of the `bibtex-parse` package (it ships none): the AST of `parse`.
declare module 'bibtex-parse' {
  export interface BibtexValue {
    value: string | number | BibtexValue[];
    datatype: 'number' | 'identifier' | 'braced' | 'quoted' | 'concatinate' | 'null' | 'unenclosed';
    raw?: string;
  }
  export interface BibtexField extends BibtexValue {
    name: string;
  }
  export type BibtexItem =
    | { itemtype: 'entry'; type: string; key: string; enclosed: 'braces' | 'parentheses'; fields: BibtexField[]; raw: string }
    | ({ itemtype: 'string'; name: string; raw?: string } & BibtexValue)
    | ({ itemtype: 'preamble'; raw?: string } & BibtexValue)
    | { itemtype: 'comment'; comment: string };
  export interface ParseOptions {
    number?: 'auto' | 'number' | 'bigint' | 'string';
  }
  /** Throws a PEG.js syntax error (with `location.start.offset`) on malformed input. */
  export function parse(input: string, options?: ParseOptions): BibtexItem[];
  export function entries(input: string, options?: ParseOptions): Record<string, unknown>[];
}
