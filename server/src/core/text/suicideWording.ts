/**
 * "Commit suicide" in every form, as often misspelt too ("commited", "commiting"), and what
 * safe-messaging's fix writes in its place. One definition for the rule that rewords it and for
 * the classifiers, which read a sentence as the fix leaves it (`claims/structure.ts`), so that
 * applying the fix cannot change whether the sentence needs a source.
 */

/** Group 1 is the verb's ending (`ed`, `ted`, `s`, `ing`, `ting`, or none). Each user makes its own `RegExp`. */
export const COMMIT_SUICIDE_SOURCE = String.raw`\bcommit(t?ed|s|t?ing)?\s+suicide\b`;

/** The safe wording for a form of "commit suicide", by the verb's ending. */
export function dieBySuicide(ending: string | undefined): string {
  switch ((ending ?? '').toLowerCase().replace(/^(?=ed|ing)/, 't')) {
    case 'ted':
      return 'died by suicide';
    case 's':
      return 'dies by suicide';
    case 'ting':
      return 'dying by suicide';
    default:
      return 'die by suicide';
  }
}
