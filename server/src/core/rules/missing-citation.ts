import { claimReader } from '../claims/claimModel';
import { sentenceFeatures } from '../claims/structure';
import { claimHitSteps } from '../claims/detect';
import { CLAIM_BLOCK_KINDS, describesCondition, type EvidenceCue, evidenceCue, type NotAClaimReason, notAClaimByPlace, notAClaimByText } from '../claims/evidence';
import { isCovered } from '../claims/coverage';
import { askableInArticle, citationModel, citationNeed, explicitCue, reportsNeed } from '../claims/model';
import { citationFixes } from '../features/cite';
import { claimLexicon } from '../knowledge/claims';
import type { Sentence } from '../article/model';
import { CHECKPOINT_BLOCKS } from '../steps';
import { type Rule, wantsFixes } from './rule';

const FAMILY_WORDS = {
  study: 'reports a research finding',
  consensus: 'appeals to consensus, guidelines or approval',
  statistic: 'gives a statistic or frequency',
  comparison: 'compares treatments or outcomes',
  effect: 'states a measured effect',
  safety: 'makes a safety statement',
  hedged: 'makes a hedged claim',
  model: 'states a clinical fact (a finding, frequency, risk, course or effect)',
} as const;

/** What a sentence's text decides, kept per block (null: computed, none). */
interface SentenceWork {
  reason: NotAClaimReason | null;
  cue?: EvidenceCue | null;
  describes?: boolean;
  inArticle?: boolean;
}

/**
 * An evidence statement with no citation that covers it: its own marker or, with the default
 * `citationScope: paragraph`, a marker later in its paragraph.
 */
export const missingCitation: Rule = {
  meta: {
    id: 'missing-citation',
    description: 'A sentence that asserts evidence (studies, consensus, statistics, comparisons, effects, safety) has no citation.',
    defaultSeverity: 'warning',
    category: 'citations',
    fixable: 'suggestion',
  },
  // In steps (`core/steps.ts`): the claim hits and the sentences are the longest work of a lint.
  *check({ article, config, report, blockMemo, fixes: wanted }) {
    const scope = config.citationScope;
    // Sentences where unsupported-claim reports a claim: that finding (with its cite fixes) stands for both.
    const claimRuleOn = config.rules['unsupported-claim'] !== 'off';
    const hits = yield* claimHitSteps(article, claimLexicon(config.lexicon), scope, blockMemo);
    const claimed = new Set<Sentence>();
    const hedged = new Map<Sentence, string>();
    // Sentences whose claim wording the author distances (negated, quoted, attributed): the
    // classifier weighs that.
    const distanced = new Set<Sentence>();
    for (const h of hits) {
      if (!h.sentence) continue;
      if (h.status === 'negated' || h.status === 'quoted' || h.status === 'attributed') distanced.add(h.sentence);
      if (h.status === 'claim' && claimRuleOn) claimed.add(h.sentence);
      if (h.status === 'hedged' && h.entry.citable) hedged.set(h.sentence, h.matched);
    }
    // The claim classifier (claims/claimModel.ts): a sentence whose lexicon findings it sets aside
    // is this rule's to weigh again; one it reads as a claim is unsupported-claim's. It is asked
    // about each sentence as this rule weighs it, with the words read once for both classifiers.
    const reader = claimRuleOn ? claimReader(article, hits, scope, blockMemo) : undefined;
    // What a sentence's text alone decides (not-a-claim reasons, cues, descriptions, health anchoring) is
    // kept across versions in its block's record (the block's prose fixes its sentences), per
    // classifier model (tests swap models): the model is the namespace.
    const model = citationModel();
    const ns = model ?? 'missing-citation-no-model';
    for (const block of article.blocks) {
      if (block.index % CHECKPOINT_BLOCKS === CHECKPOINT_BLOCKS - 1) yield;
      if (block.sentences.length === 0 || !CLAIM_BLOCK_KINDS.has(block.kind)) continue;
      let kept: SentenceWork[] | undefined;
      for (let i = 0; i < block.sentences.length; i++) {
        const sentence = block.sentences[i];
        // Coverage first: it is a lookup, where the cue runs some thirty patterns per sentence.
        if ((claimed.has(sentence) && !reader?.vetoed(sentence)) || isCovered(article, sentence, scope)) continue;
        kept ??= blockMemo(block, ns, (): SentenceWork[] => []);
        const w = (kept[i] ??= { reason: notAClaimByText(sentence.text) ?? null });
        if (w.reason || notAClaimByPlace(article, block)) continue;
        let words: string[] | undefined;
        const base = (): string[] => (words ??= sentenceFeatures(sentence.text));
        if (reader?.added(sentence, true, base)) continue;
        if (w.cue === undefined) w.cue = evidenceCue(sentence.text) ?? null;
        const cue = w.cue ?? undefined;
        const isHedged = hedged.has(sentence);
        let family: keyof typeof FAMILY_WORDS | undefined;
        // An appeal to studies or to consensus ("Studies show", "experts agree") always asks for
        // its source; for the rest the classifier (claims/model.ts) has the last word, weighing
        // the cue with the sentence's structure: it finds wording no cue covers and sets aside a
        // cue that, in its sentence, states nothing a source could back.
        // (`reportsNeed`; distanced claim wording is not reported on the classifier's word alone).
        if (!model || explicitCue(cue)) family = cue ? cue.family : isHedged ? 'hedged' : undefined;
        else {
          // Both context facts are block-local.
          w.describes ??= describesCondition(sentence.text);
          w.inArticle ??= askableInArticle(article, sentence);
          const ctx = { cue: cue?.family, hedged: isHedged, distanced: distanced.has(sentence), describes: w.describes, inArticle: w.inArticle };
          const reported = reportsNeed(ctx, citationNeed(sentence.text, ctx, model, base).probability, model.threshold);
          family = !reported ? undefined : cue ? cue.family : isHedged ? 'hedged' : 'model';
        }
        if (!family) continue;
        const lead = sentence.text.length - sentence.text.trimStart().length;
        const start = sentence.start + lead;
        const end = sentence.start + sentence.text.trimEnd().length;
        const quoted = cue ? cue.text : (hedged.get(sentence) ?? '');
        const where = scope === 'paragraph' ? 'no marker in this sentence or later in its paragraph' : 'no marker in this sentence (citationScope: sentence)';
        const what = family === 'model' ? FAMILY_WORDS.model : `${FAMILY_WORDS[family]} ("${quoted.replace(/\s+/g, ' ')}")`;
        report({
          start,
          end,
          // The classifier's findings (no cue phrase) report as information: on text nobody tuned
          // for, two in three of them were sentences editors accept without a source.
          severity: family === 'model' ? 'info' : undefined,
          message: `This sentence ${what} but cites no source: ${where}.${family === 'model' ? ' (Found by the sentence classifier, not by a cue phrase: information only.)' : ''}`,
          fixes: wantsFixes(wanted, start, end) ? citationFixes(article, sentence) : undefined,
        });
      }
    }
    // Every sentence the claim classifier may add has been asked about (the same gates).
    reader?.swept();
  },
};
