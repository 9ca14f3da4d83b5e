import type { Form } from '../claims/inflect';

/**
 * One literal form of the shipped lexicon: text, index of its entry in `claims.json`, head
 * word, head word count, head, form (null when absent). Listed in matching priority order.
 */
export type SerializedForm = [string, number, number | null, number | null, string | null, Form | null];

/**
 * The forms packed for the bundles: start-up splits one string and decodes a form's fields only
 * when a text matches it (a JSON list of the 16,000 forms took about 16 ms to parse at every
 * start, more than the rest of the lexicon's set-up).
 */
export interface PackedForms {
  /** The literal texts in priority order, joined by "\n". */
  texts: string;
  /**
   * Per form, five fields of two base-36 digits, each the value plus one (0 for
   * none): entry index, head word, head word count, head (index into `heads`), form (index into
   * `forms`).
   */
  meta: string;
  heads: string[];
  forms: Form[];
}

/**
 * The shipped lexicon's literal forms, expanded by the build: `scripts/build.mjs` replaces this
 * module in the bundles with `packForms(shippedForms())` (claims.ts), computed from the shipped
 * data at each build, so start-up does not expand every phrase. Undefined when running from the
 * TypeScript output: the lexicon is then expanded at run time.
 */
export const PRECOMPUTED_FORMS: PackedForms | undefined = undefined;
