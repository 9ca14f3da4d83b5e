// unsupported-claim's second reading: the claim classifier (claims/claimModel.ts) sets aside
// lexicon findings that, in their sentence, are no claim, and reports claims no lexicon entry
// names. The sentences here are not in the evaluation articles.
import * as assert from 'node:assert/strict';
import { type ClaimModel, claimFeatures, claimModel, claimReader, claimReading, promisesYou, fromShippedClaim, packClaimModel, setClaimModel } from '../../server/src/core/claims/claimModel';
import { findClaimHits } from '../../server/src/core/claims/detect';
import { claimLexicon } from '../../server/src/core/knowledge/claims';
import { parseArticle } from '../../server/src/core/article/parse';
import { lint } from '../../server/src/core/lint';
import { LEARNT_MESSAGE } from '../../server/src/core/rules/unsupported-claim';

type Found = [rule: string, severity: string, text: string];
const found = (text: string): Found[] =>
  lint(text, { kind: 'plaintext' })
    .findings.filter((f) => f.ruleId === 'unsupported-claim' || f.ruleId === 'missing-citation')
    .map((f) => [f.ruleId, f.severity, text.slice(f.start, f.end)]);

/** Lints with a model that gives every sentence the probability `p`. */
function withModel<T>(p: number, run: () => T): T {
  const saved = claimModel();
  setClaimModel({ bias: Math.log(p / (1 - p)), threshold: 0.7, veto: 0.3, weights: {} });
  try {
    return run();
  } finally {
    setClaimModel(saved);
  }
}

describe('unsupported-claim: the claim classifier', () => {
  it('reports a sentence it reads as a claim no entry names, at information severity, and missing-citation leaves it', () => {
    const text = 'The new knee brace goes on in seconds. Two weeks after my first session I walked the dog without any back pain.\n';
    const got = found(text);
    assert.deepEqual(got, [['unsupported-claim', 'info', 'Two weeks after my first session I walked the dog without any back pain.']]);
    const f = lint(text, { kind: 'plaintext' }).findings.find((x) => x.ruleId === 'unsupported-claim')!;
    assert.ok(f.message.startsWith(LEARNT_MESSAGE), f.message);
    assert.match(f.message, /16 CFR Part 255/);
    assert.match(f.message, /probability 0\.\d\d: information only/);
    assert.equal(f.fixes, undefined, 'no rewording or citation makes a testimonial acceptable');
  });

  it('sets aside a signed quotation that tells no outcome, which the lexicon reports', () => {
    const text = '“The team made me feel so welcome and the coffee was great.” – Tom, Bath\n';
    assert.deepEqual(withModel(0.5, () => found(text)).map((x) => x[0]), ['unsupported-claim'], 'the lexicon alone reports the signature');
    assert.deepEqual(found(text), [], 'the shipped model sets it aside');
  });

  it('keeps the lexicon findings of the sample article and of plain claims', () => {
    for (const text of ['Our infusions cure depression.\n', 'The procedure is 100% safe.\n', 'Results are guaranteed.\n', 'This treatment changed my life.\n']) {
      assert.equal(found(text).filter((x) => x[0] === 'unsupported-claim' && x[1] !== 'info').length, 1, text);
    }
  });

  it('reads only what the lexicon leaves to missing-citation: not a covered sentence, a question or an instruction', () => {
    const text = 'Ketamine eased symptoms within hours.¹ Does it work for everyone? Book a free consultation today.\n\n1. Smith J. Ketamine. J Med. 2020.\n';
    assert.deepEqual(withModel(0.99, () => found(text)), []);
    assert.deepEqual(withModel(0.99, () => found('The clinic opened in 2019.\n')), [['unsupported-claim', 'info', 'The clinic opened in 2019.']]);
  });

  it('never sets aside cure, absolute or safety wording', () => {
    for (const text of ['It is designed to cure depression.\n', 'This pillow is side-effect free.\n', 'Results are guaranteed.\n']) {
      assert.deepEqual(withModel(0.01, () => found(text)).map((x) => x[0]), ['unsupported-claim'], text);
    }
  });

  it('a new model is read afresh, not from the verdicts of the one before', () => {
    const text = '“The team made me feel so welcome and the coffee was great.” – Tom, Bath\n';
    assert.equal(withModel(0.5, () => found(text)).length, 1);
    assert.equal(withModel(0.01, () => found(text)).length, 0);
  });

  it('a vetoed sentence is missing-citation’s to weigh again', () => {
    // "Research shows" always asks for its source; the hype claim took its place until set aside.
    const text = 'Research shows it is a breakthrough for migraine.\n';
    assert.deepEqual(withModel(0.5, () => found(text)).map((x) => x[0]), ['unsupported-claim']);
    assert.deepEqual(withModel(0.01, () => found(text)).map((x) => x[0]), ['missing-citation']);
  });

  it('with no model, the lexicon decides alone', () => {
    const saved = setClaimModel(null);
    try {
      assert.deepEqual(found('“The team made me feel so welcome and the coffee was great.” – Tom, Bath\n').map((x) => x[0]), ['unsupported-claim']);
      assert.deepEqual(found('Two weeks after my first session I walked the dog without any back pain.\n'), []);
    } finally {
      setClaimModel(saved);
    }
  });

  it('builds its features one way for the rules and for training: words, the lexicon’s statuses, the voice', () => {
    const text = '“I was so nervous. It cured my back pain!” – Sophie, Hull\n';
    const article = parseArticle(text, 'plaintext');
    const hits = findClaimHits(article, claimLexicon(), 'paragraph');
    const s = article.sentences[1];
    const f = claimFeatures(s, article.sentences[0], hits.filter((h) => h.sentence === s));
    for (const x of ['x:signature', 'x:exclaim', 'x:I', 'x:prev-quote', 'x:lex:claim']) assert.ok(f.includes(x), x);
    assert.ok(f.some((x) => x.startsWith('w:')), 'words');
    assert.equal(new Set(f).size, f.length, 'each feature once');
  });

  it('one reader per article serves both rules, and is let go once read; a new model reads afresh', () => {
    const article = parseArticle('Two weeks after my first session I walked the dog without any back pain.\n', 'plaintext');
    const hits = findClaimHits(article, claimLexicon(), 'paragraph');
    const reader = claimReader(article, hits, 'paragraph')!;
    assert.equal(claimReader(article, [...hits], 'paragraph'), reader, 'the same hits: the same reader');
    assert.equal(reader.added(article.sentences[0]), true);
    const a = claimReading(article, hits, 'paragraph');
    assert.equal(a.added.size, 1);
    assert.notEqual(claimReader(article, hits, 'paragraph'), reader, 'read: let go');
    const none: ClaimModel = { bias: -10, threshold: 0.7, veto: 0.3, weights: {} };
    assert.equal(claimReading(article, hits, 'paragraph', undefined, none).added.size, 0);
  });

  it('packs for the bundles without changing a probability', () => {
    const shipped = claimModel()!;
    const packed = fromShippedClaim(packClaimModel(shipped));
    assert.equal(packed.veto, shipped.veto);
    assert.equal(packed.threshold, shipped.threshold);
    const article = parseArticle('I walked out pain-free after one session! My whole family comes here now.\n', 'plaintext');
    const hits = findClaimHits(article, claimLexicon(), 'paragraph');
    const shippedReading = claimReading(article, hits, 'paragraph', undefined, shipped);
    const packedReading = claimReading(article, hits, 'paragraph', undefined, packed);
    assert.deepEqual([...packedReading.added.values()], [...shippedReading.added.values()]);
    assert.deepEqual([...packedReading.vetoed], [...shippedReading.vetoed]);
  });

  it('finds "your ... will" on one line as the pattern it replaces did, in linear time', () => {
    const pattern = /\b(?:you'll|you’ll|you will|your .* will)\b/iu;
    const cases = ['Your knees will thank you.', 'your  will', 'your will', 'Your skin\nwill glow.', 'your skin willows', 'yours will', "You'll see.", 'YOUR back WILL heal', 'x your a will'];
    for (const c of cases) assert.equal(promisesYou(c), pattern.test(c), c);
    // A 1 MB sentence of "your" and no "will": the pattern scanned to the line's end at every
    // "your" (160 KB took 1.3 s, 1 MB about a minute); the rule reads it as it reads any sentence.
    const text = `${'your skin glows and '.repeat(52_000)}fine.\n`;
    assert.equal(promisesYou(text), false);
    assert.deepEqual(found(text), []);
  });

  it('the shipped model: customers’ outcomes and promises in new words, not the facts around them', () => {
    const claims = ['Two weeks after my first session I walked the dog without any back pain.'];
    const plain = ['The clinic is open on Saturdays.', 'Our physiotherapists have over 20 years of experience.', 'Book a free consultation today.'];
    for (const s of claims) assert.deepEqual(found(`${s}\n`).map((x) => x[0]), ['unsupported-claim'], s);
    for (const s of plain) assert.deepEqual(found(`${s}\n`), [], s);
  });
});
