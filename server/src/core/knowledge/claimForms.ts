import type { Form } from '../claims/inflect';

/**
 * One literal form of the shipped lexicon: text, index of its entry in `claims.json`, head
 * word, head word count, head, form (null when absent). Listed in matching priority order.
 */
export type SerializedForm = [string, number, number | null, number | null, string | null, Form | null];

/**
 * The shipped lexicon's literal forms, expanded by the build: `scripts/build.mjs` replaces this
 * module in the bundles with the output of `shippedForms()` (claims.ts), computed from the
 * shipped data at each build, so start-up does not expand every phrase. Undefined when running
 * from the TypeScript output: the lexicon is then expanded at run time.
 */
export const PRECOMPUTED_FORMS: SerializedForm[] | undefined = undefined;
