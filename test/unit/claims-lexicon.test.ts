// The claim lexicon as data: the shipped file is valid, every entry carries its basis and
// sources, phrases expand to inflected literal forms, patterns stay linear, and workspace
// entries are validated and merged.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandPhrase, nounForms, verbForms } from '../../server/src/core/claims/inflect';
import shipped from '../../server/src/core/knowledge/claims.json';
import { lint } from '../../server/src/core/lint';
import { citationModel, setCitationModel } from '../../server/src/core/claims/model';
import { notAClaimByText } from '../../server/src/core/claims/evidence';
import { setClaimModel } from '../../server/src/core/claims/claimModel';
import { defaultConfig } from '../../server/src/core/config';
import { CLAIM_CATEGORIES, SLOTS, claimLexicon, entrySources, isLinearPattern, lexiconConfigErrors, lexiconFromForms, packForms, shippedForms, shippedLexiconErrors, validateClaimEntries } from '../../server/src/core/knowledge/claims';

describe('claim lexicon: data', () => {
  it('no entry names a field twice (JSON keeps the last of two: a second list would silently replace the first)', () => {
    const text = fs.readFileSync(path.join(__dirname, '../../../server/src/core/knowledge/claims.json'), 'utf8');
    const starts = [...text.matchAll(/\n {6}"id": "([^"]+)"/g)];
    assert.equal(starts.length, shipped.entries.length);
    starts.forEach((m, i) => {
      const body = text.slice(m.index, starts[i + 1]?.index ?? text.length);
      const fields = [...body.matchAll(/\n {6}"(\w+)":/g)].map((f) => f[1]);
      assert.deepEqual(fields.filter((f, k) => fields.indexOf(f) !== k), [], m[1]);
    });
  });

  it('the shipped file has no errors', () => {
    assert.deepEqual(shippedLexiconErrors(), []);
    assert.equal(claimLexicon().entries.length, shipped.entries.length, 'every shipped entry is loaded');
  });

  it('writes a lookbehind that opens several branches of a pattern once, factored out (ARCHITECTURE.md: V8 ran them five times slower)', () => {
    for (const e of shipped.entries as { id: string; pattern?: string }[]) {
      if (!e.pattern) continue;
      // The top-level branches: split at "|" outside groups and character classes.
      const branches: string[] = [];
      let depth = 0;
      let from = 0;
      for (let i = 0; i < e.pattern.length; i++) {
        const c = e.pattern[i];
        if (c === '\\') i++;
        else if (c === '[') while (i < e.pattern.length && e.pattern[i] !== ']') i += e.pattern[i] === '\\' ? 2 : 1;
        else if (c === '(') depth++;
        else if (c === ')') depth--;
        else if (c === '|' && depth === 0) {
          branches.push(e.pattern.slice(from, i));
          from = i + 1;
        }
      }
      branches.push(e.pattern.slice(from));
      const opening = branches.map((b) => /^\(\?<[!=](?:[^()]|\([^()]*\))*\)/.exec(b)?.[0]).filter((x): x is string => !!x);
      assert.equal(new Set(opening).size, opening.length, `${e.id}: branches opening with the same lookbehind`);
    }
  });

  it('the forms the build packs give the same lexicon as expanding the phrases', () => {
    const expanded = claimLexicon();
    const packed = JSON.parse(JSON.stringify(packForms(shippedForms())));
    const built = lexiconFromForms(packed);
    assert.deepEqual(built.literals, expanded.literals);
    assert.ok(built.literals.length > 1000, 'the shipped lexicon has its forms');
    expanded.literals.forEach((text, k) => {
      const got = built.info(k);
      const want = expanded.info(k);
      assert.equal(got.entry, want.entry, text);
      assert.deepEqual({ ...got, entry: undefined }, { ...want, entry: undefined }, text);
    });
    assert.equal(built.phraseMatcher?.size, expanded.phraseMatcher?.size);
    assert.deepEqual(built.patterns.map((p) => [p.entry.id, p.re.source]), expanded.patterns.map((p) => [p.entry.id, p.re.source]));
    const text = 'This miracle cure is guaranteed to work and completely safe, clinically proven to cure anxiety.';
    assert.deepEqual(built.phraseMatcher?.matchAll(text), expanded.phraseMatcher?.matchAll(text));
  });

  it('packing refuses what it cannot hold rather than shipping a wrong lexicon', () => {
    assert.throws(() => packForms([['cure', 36 * 36, null, null, null, null]]), /does not fit/);
    assert.throws(() => packForms([['a\ncure', 0, null, null, null, null]]), /line break/);
    const one = packForms([['cures anxiety', 3, 0, 1, 'cures', 's']]);
    assert.deepEqual(one, { texts: 'cures anxiety', meta: '0401020101', heads: ['cures'], forms: ['s'] });
  });

  it('covers every category', () => {
    const cats = new Set(claimLexicon().entries.map((e) => e.category));
    assert.deepEqual([...CLAIM_CATEGORIES].filter((c) => !cats.has(c)), []);
  });

  it('every entry has a basis and sources that resolve to a regulation or guidance', () => {
    const lex = claimLexicon();
    for (const e of lex.entries) {
      assert.ok(e.basis.length > 40, `${e.id}: basis`);
      const sources = entrySources(lex, e);
      assert.ok(sources.length >= 1, `${e.id}: sources`);
      for (const s of sources) assert.match(s, /Act|CFR|Regulations|Code|Directive|Guidance|Guides|Instrument/, `${e.id}: "${s}" names a regulation or guidance`);
    }
  });

  it('claims that regulators prohibit outright are errors; uncertain wording ships lower', () => {
    const sev = (id: string): string => claimLexicon().entries.find((e) => e.id === id)!.severity;
    for (const id of ['cure-verb', 'guarantee', 'absolute-safety', 'no-side-effects', 'natural-safe', 'superiority']) assert.equal(sev(id), 'error', id);
    for (const id of ['curative', 'prevent-disease', 'eliminate-condition', 'is-safe', 'breakthrough', 'testimonial', 'proven', 'symptom-free']) assert.equal(sev(id), 'warning', id);
  });

  it('a citation cannot substantiate cure, guarantee, absolute safety or testimonial wording', () => {
    for (const e of claimLexicon().entries) {
      if (['cure-verb', 'cure-noun', 'guarantee', 'absolute-safety', 'no-side-effects', 'natural-safe', 'testimonial', 'cured-outcome'].includes(e.id)) assert.equal(e.citable, false, e.id);
      if (['superiority', 'superlative', 'proven', 'success-rate'].includes(e.id)) assert.equal(e.citable, true, e.id);
    }
  });

  it('every rewrite key can be reached by some form of the entry', () => {
    for (const e of claimLexicon().entries) {
      if (!e.rewrite) continue;
      const forms = (e.phrases ?? []).flatMap((p) => expandPhrase(p, SLOTS));
      const reachable = new Set<string>(['*']);
      for (const f of forms) {
        reachable.add(f.text);
        if (f.head) reachable.add(f.head);
        if (f.form) reachable.add(f.form);
      }
      // Modifiers of a key: `noun` (a verb's form after a determiner), `KEY+object` (a verb with an
      // object, not a clause), `KEY+noun` and `KEY+adjective` (the word ends a noun phrase or
      // stands before a noun), `KEY+I` (a sentence in the first person), `person` (after a subject
      // that is a person).
      const suffixed = (k: string, suffix: string): boolean => k.endsWith(suffix) && reachable.has(k.slice(0, -suffix.length));
      const modifier = (k: string): boolean => (k === 'noun' && reachable.has('base')) || k === 'person' || ['+object', '+noun', '+adjective', '+I'].some((x) => suffixed(k, x));
      for (const k of Object.keys(e.rewrite)) assert.ok(reachable.has(k) || modifier(k), `${e.id}: rewrite key "${k}"`);
    }
  });
});

describe('claim lexicon: inflection', () => {
  it('inflects verbs', () => {
    assert.deepEqual(verbForms('cure'), { base: 'cure', s: 'cures', ed: 'cured', ing: 'curing' });
    assert.deepEqual(verbForms('guarantee'), { base: 'guarantee', s: 'guarantees', ed: 'guaranteed', ing: 'guaranteeing' });
    assert.deepEqual(verbForms('work'), { base: 'work', s: 'works', ed: 'worked', ing: 'working' });
    assert.deepEqual(verbForms('relieve').ing, 'relieving');
    assert.deepEqual(verbForms('study'), { base: 'study', s: 'studies', ed: 'studied', ing: 'studying' });
    assert.deepEqual(verbForms('reach').s, 'reaches');
    assert.deepEqual(verbForms('find').ed, 'found');
  });

  it('inflects nouns', () => {
    assert.deepEqual(nounForms('pill'), { sg: 'pill', pl: 'pills' });
    assert.deepEqual(nounForms('therapy'), { sg: 'therapy', pl: 'therapies' });
  });

  it('expands choices, optional words and inflection, and keeps the head', () => {
    const forms = expandPhrase('^(is|are) (very|) safe');
    assert.deepEqual(forms.map((f) => f.text).sort(), ['are safe', 'are very safe', 'is safe', 'is very safe']);
    assert.ok(forms.every((f) => f.headWord === 0 && f.headWords === 1));
    const cure = expandPhrase('cure{v} for');
    assert.deepEqual(cure.map((f) => [f.text, f.form]), [['cure for', 'base'], ['cures for', 's'], ['cured for', 'ed'], ['curing for', 'ing']]);
    const everyone = expandPhrase('work{v} for ^(everyone|every patient)');
    assert.ok(everyone.some((f) => f.text === 'works for every patient' && f.head === 'every patient' && f.headWord === 2 && f.headWords === 2));
  });

  it('rejects malformed phrases', () => {
    assert.throws(() => expandPhrase('(cure'));
    assert.throws(() => expandPhrase('(very |)safe'));
  });
});

describe('claim lexicon: patterns and workspace entries', () => {
  it('accepts linear patterns and rejects nested quantifiers and backreferences', () => {
    assert.ok(isLinearPattern('\\b\\d{1,3}(?:\\.\\d)?\\s?(?:%|percent) success\\b'));
    assert.ok(isLinearPattern('miracle (?:cure|drug)s?'));
    assert.ok(!isLinearPattern('(a+)+'));
    assert.ok(!isLinearPattern('(?:\\w*\\s?)*cure'));
    assert.ok(!isLinearPattern('(x{2,})*'));
    assert.ok(!isLinearPattern('(cure)\\s\\1'));
  });

  const extra = {
    id: 'detox',
    category: 'hype',
    label: 'detox claim',
    phrases: ['detox{v} your (body|brain)'],
    severity: 'info',
    citable: false,
    hedgeable: false,
    basis: 'Detox claims suggest a benefit that no evidence supports for these products.',
    source: ['us-ftc-2022'],
    rewordings: ['(remove the claim)'],
  };

  it('adds a valid workspace entry and reports invalid ones', () => {
    const list: unknown[] = [extra, { id: 'Bad Id', category: 'nonsense' }, { ...extra, id: 'loop', phrases: undefined, pattern: '(a+)+' }];
    const lex = claimLexicon(list);
    assert.ok(lex.entries.some((e) => e.id === 'detox'));
    assert.ok(lex.literals.includes('detoxes your brain'));
    assert.ok(lex.errors.some((e) => e.includes('lexicon[1]') && e.includes('category')));
    assert.ok(lex.errors.some((e) => e.includes('"loop"') && e.includes('nested quantifiers')));
    assert.ok(!lex.entries.some((e) => e.id === 'loop'));
    assert.deepEqual(lexiconConfigErrors([extra]), []);
    assert.deepEqual(lexiconConfigErrors('nope'), ['lexicon: must be a list of claim entries']);
  });

  it('a workspace entry replaces the shipped entry with its id', () => {
    const lex = claimLexicon([{ ...extra, id: 'miracle', phrases: ['miracle'] }]);
    assert.equal(lex.entries.filter((e) => e.id === 'miracle').length, 1);
    assert.equal(lex.entries.find((e) => e.id === 'miracle')!.severity, 'info');
  });

  it('rejects unknown sources and fields', () => {
    const { errors } = validateClaimEntries([{ ...extra, source: ['nowhere'], colour: 'red' }]);
    assert.ok(errors.some((e) => e.includes('unknown source "nowhere"')));
    assert.ok(errors.some((e) => e.includes('unknown field "colour"')));
  });

  it('a pattern runs only on text holding one of its required strings, which must be lower case', () => {
    const zap = { ...extra, id: 'zap', phrases: undefined, pattern: 'zap(?:s|ped)? (?:your|the) (?:fat|cells)' };
    const { errors } = validateClaimEntries([{ ...zap, requires: ['ZAP'] }, { ...extra, id: 'nopattern', requires: ['zap'] }]);
    assert.ok(errors.some((e) => e.includes('"zap"') && e.includes('lower-case')));
    assert.ok(errors.some((e) => e.includes('"nopattern"') && e.includes('only applies to a "pattern"')));
    const flagged = (entry: object, text: string): boolean =>
      lint(text, { kind: 'plaintext', config: { ...defaultConfig(), lexicon: [entry] } }).findings.some((f) => f.ruleId === 'unsupported-claim' && /zap/i.test(text.slice(f.start, f.end)));
    const doc = 'Title\n\nOur laser zaps your fat in one visit.\n';
    assert.ok(flagged({ ...zap, requires: ['zap'] }, doc), 'the gate lets a matching text through');
    assert.ok(flagged(zap, doc), 'no gate: the pattern is tried');
    assert.ok(!flagged({ ...zap, requires: ['laser beam'] }, doc), 'a text without any required string is not tried');
  });
});

describe('unsupported-claim: wording added after the blind sets 13 and 14', () => {
  const claims = (text: string): string[] => lint(text, { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'unsupported-claim').map((f) => text.slice(f.start, f.end));
  for (const [text, found] of [
    ['Nothing beats a cold plunge for recovery.', 'Nothing beats'],
    ['It is also proven to speed up muscle recovery.', 'is also proven to'],
    ['Treated veins never come back.', 'never come back'],
    ['The pain was gone for good.', 'gone for good'],
  ] as const) {
    it(`flags "${found}" in: ${text}`, () => assert.ok(claims(text).some((c) => c.includes(found)), JSON.stringify(claims(text))));
  }
  for (const text of ['Your satisfaction is guaranteed: send the bottle back within 60 days.', 'Free delivery and a 60-day money-back guarantee if you are not happy.', 'Our bodies make less collagen as we age, with production falling by about 1% a year.']) {
    it(`does not flag: ${text}`, () => assert.deepEqual(claims(text), []));
  }
  it('still flags a guarantee of results', () => assert.equal(claims('Results are guaranteed.').length, 1));
});


const claimsIn = (text: string): string[] => lint(text, { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'unsupported-claim').map((f) => text.slice(f.start, f.end));
const sourceAsked = (text: string): boolean => lint(text, { kind: 'plaintext' }).findings.some((f) => f.ruleId === 'missing-citation');
/**
 * Whether the cue rules ask for a source, both classifiers left out: whether the rule then reports
 * is the citation-need classifier's call (it weighs the cue with the sentence), and `noSource`
 * tests that; a sentence the claim classifier adds as a claim is the claim rule's, not a cue's
 * ("Marine collagen is absorbed one and a half times better than bovine collagen.").
 */
const cueFound = (text: string): boolean => {
  const saved = citationModel();
  const savedClaims = setClaimModel(null);
  setCitationModel(null);
  try {
    return lint(text, { kind: 'plaintext' }).findings.some((f) => f.ruleId === 'missing-citation');
  } finally {
    setCitationModel(saved);
    setClaimModel(savedClaims);
  }
};

/**
 * What the lexicon flags, the claim classifier left out: whether the rule then reports a
 * testimonial, superiority, hype or proof finding is also the classifier's call
 * (`claims/claimModel.ts`), which `claim-model.test.ts` tests.
 */
const lexiconClaimsIn = (text: string): string[] => {
  const saved = setClaimModel(null);
  try {
    return claimsIn(text);
  } finally {
    setClaimModel(saved);
  }
};

/** One round of wording: what the lexicon flags (the finding containing or starting with `found`), and what is not flagged. */
interface WordingRound {
  flags?: readonly (readonly [string, string])[];
  startsWith?: boolean;
  noClaim?: string[];
  noSource?: string[];
  noCue?: string[];
  cue?: string[];
}

function wordingRound(title: string, r: WordingRound): void {
  describe(title, () => {
    for (const [text, found] of r.flags ?? []) {
      it(`flags "${found}" in: ${text}`, () => assert.ok(lexiconClaimsIn(text).some((c) => (r.startsWith ? c.startsWith(found) : c.includes(found))), JSON.stringify(lexiconClaimsIn(text))));
    }
    for (const text of r.noClaim ?? []) it(`no claim: ${text}`, () => assert.deepEqual(claimsIn(text), []));
    for (const text of r.noSource ?? []) it(`needs no source: ${text}`, () => assert.equal(sourceAsked(text), false));
    for (const text of r.noCue ?? []) it(`no cue: ${text}`, () => assert.equal(cueFound(text), false));
    for (const text of r.cue ?? []) it(`still a cue: ${text}`, () => assert.equal(cueFound(text), true));
  });
}

wordingRound('unsupported-claim: after blind set 16', {
  flags: [
    ['"After one drip my chronic fatigue was gone and I felt twenty-five again."', 'was gone'],
    ['"Since Ellie started her preventer she hasn\'t missed a single day of school," says her mum, Karen.', "hasn't missed a"],
    ['Three weeks after starting CPAP, my wife says I\'m a new man."', 'a new man'],
    ['"After years of pain I could pick up my grandson again after three sessions."', 'again'],
    ['Clearwater is rated the best hearing centre in Yorkshire.', 'rated the best'],
    ["SlimReset is the UK's most successful medical weight-loss programme.", "the UK's most successful"],
    ['The Glow drip turns back the clock on ageing skin.', 'turns back the clock'],
    ['Say goodbye to yo-yo dieting forever.', 'Say goodbye to'],
    ["Book a course of six and you'll feel the difference from the first drip.", "you'll feel the difference"],
    ['Our personalised HRT plans will give you your life back.', 'give you your life back'],
  ],
  noClaim: [
    '"I tell my patients it may take a few weeks," says Dr Lee.',
    'For most people the ringing fades again after a few weeks.',
    "They help far less in noisy restaurants, and that's the number one complaint I hear.",
  ],
  noSource: [
    "If your pain hasn't improved after three months, we may offer shockwave therapy.",
    'Your child will usually be given two inhalers: a reliever and a preventer.',
    "We'll go through your symptoms and family history, then check your blood pressure.",
  ],
});

describe('unsupported-claim: after blind set 16: more', () => {
  it('a clinic promising a figure still needs one', () => assert.ok(sourceAsked('We will see a 50% drop in symptoms within a month.') || claimsIn('We will see a 50% drop in symptoms within a month.').length > 0));
});

wordingRound('claims and citation need: after set 17', {
  flags: [
    ['"I had both doses last year and I haven\'t had so much as a tingle since," says Mrs Patel.', "haven't had so much as"],
    ['"Before the course I couldn\'t walk to the end of the garden, and now I walk the dog every morning," says Bill.', "couldn't walk"],
    ["Two doses and you're protected for life.", 'protected for life'],
    ['Implants are the gold standard for replacing missing teeth.', 'are the gold standard'],
    ["Parents tell us it's the only thing that has ever worked for their kids.", 'Parents tell us'],
    ['Follow these tips and your gout will be under control within weeks.', 'will be under control'],
  ],
  noCue: [
    'Gout is a type of arthritis that causes sudden attacks of severe pain and swelling in a joint.',
    'Shingles is a painful rash caused by the chickenpox virus waking up again.',
    'Single implants from £2,195 including the crown, with 0% finance available.',
    'The implant is placed under local anaesthetic, and most people go back to work the next day.',
    'If you have a risk factor, you will be offered a glucose tolerance test at 24 to 28 weeks.',
  ],
  cue: [
    'High blood pressure is a major risk factor for stroke.',
    'Ketamine is a medication that has been used safely for decades.',
    'Gout is a type of arthritis that affects 1 in 40 adults.',
    'Candesartan seems to work about as well as propranolol.',
    'About 20% of people relapse within a year.',
  ],
});

describe('claims and citation need: after set 17: more', () => {
  it('a label of a few words with no sentence punctuation is not a claim', () => {
    assert.equal(lint('Side effects\n\nNausea is common after the first dose.\n', { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'missing-citation').length, 1);
  });
});

wordingRound('claims and citation need: after sets 18 and 19', {
  flags: [
    ['With our help, your child will be speaking fluently before they start school.', 'your child will be speaking fluently'],
    ['You will be back on the golf course within weeks.', 'You will be back'],
    ['If you stick with it, you will come off your diabetes tablets.', 'you will come off'],
    ['Surgery will give you the feet you have always wanted.', 'will give you the'],
    ['One of my patients, a violinist, was back performing within a fortnight of her operation.', 'One of my patients'],
    ['"I was back in my running shoes eight weeks after the operation."', 'was back in'],
    ['At the Wessex Hand Clinic we offer keyhole release, the gold standard for carpal tunnel.', 'the gold standard'],
  ],
  noClaim: [
    'You will be given a leaflet to take home.',
    'You will feel a small scratch.',
    'You may be back at work within a week.',
    'Our surgeons have carried out more than 15,000 vasectomies since 2009.',
    'What our clients say',
    'Very low calorie diets are safe for most people, but talk to us first if you take insulin.',
  ],
  noSource: [
    'Unlike a knee replacement, the procedure is done under local anaesthetic and you go home the same day.', 'If your child is diagnosed, you will receive a full written report within ten working days.',
  ],
});

describe('claims and citation need: after sets 18 and 19: more', () => {
  it('a qualified safety statement needs a source instead', () => assert.ok(sourceAsked('Very low calorie diets are safe for most people, but talk to us first if you take insulin.')));
});

wordingRound('claims and citation need: after sets 20 and 21', {
  flags: [
    ['With it, you will be reaching overhead again within six weeks.', 'you will be reaching overhead again'],
    ["Within weeks you'll have more energy, sharper focus and a stronger libido.", "you'll have more"],
    ['After six sessions with us, you will feel like yourself again.', 'you will feel like yourself'],
    ['Left untreated, your varicose veins will eventually turn into painful ulcers.', 'will eventually turn'],
    ['Patients regularly tell us TRT has saved their marriage.', 'Patients regularly tell us'],
    ['Our veneers are the finest in London.', 'are the finest'],
    ['Our pads are the natural way to cleanse your body while you sleep.', 'cleanse your body'],
    ['Unlike steroid injections, our treatment gets to the root of the problem.', 'gets to the root of the problem'],
    ['After three sessions my skin has never looked better."', 'never looked better'],
    ['Two PRP sessions later I\'m walking the dog for an hour every morning."', 'sessions later'],
  ],
  noClaim: [
    'Your appointment will be back on track.', 'Your results will be sent within a week.',
  ],
  noSource: [
    'Most people are back at work the next day.',
    'New patients are usually seen within two working days.',
    'It causes a fever, aches, a cough and extreme tiredness.',
    'Signs that a tooth is on its way include red, swollen gums and dribbling.',
    'It develops when hair follicles get blocked with oil and dead skin cells.',
  ],
});

wordingRound('claims and citation need: after sets 22 and 23', {
  flags: [
    ['Our surgeons have the lowest complication rates in London.', 'the lowest complication rates in London'],
    ['Our images are the sharpest in the South East.', 'the sharpest'],
    ['The programme gives the best results in the county.', 'the best results'],
    ['With LASIK at ClearView, you will never need glasses or contact lenses again.', 'you will never need glasses'],
    ['With our new ceramic implants, your hip will last you the rest of your life.', 'last you the rest of your life'],
    ['It outperforms every other nootropic on the market.', 'outperforms'],
    ['Women taking it conceive up to three times faster than women taking a multivitamin.', 'up to three times faster'],
    ['An MRI is the only way to find out what is really causing it.', 'is the only way to'],
    ['It gives you total peace of mind.', 'total peace of mind'],
    ['"My daughter had a verruca for three years and it was gone six weeks after her needling.', 'was gone'],
    ['One client, Jess, told me her energy was back to normal within a month.', 'One client'],
  ],
  noClaim: [
    'The rest of the team in London will call you.', 'Ketamine outperforms placebo in trials.',
  ],
  noSource: [
    'It causes a very sore throat, pain on swallowing and a high temperature.',
    'Most adults go home the same day or the following morning.',
    'Most people have one or two sessions per area.',
    'Most people with high blood pressure feel completely well.',
    'If your readings stay high, your doctor may suggest tablets.',
    'This leaflet explains what to expect in the first weeks after your operation.',
    'A physiotherapist will help you out of bed on the day of surgery.',
    'When you arrive, a radiographer will go through a safety questionnaire with you.',
    'A verruca is a wart on the sole of the foot, caused by the human papillomavirus getting into the skin.',
  ],
});

wordingRound('claims and citation need: after sets 24 and 25', {
  flags: [
    ['But it takes five minutes, and this simple kit will save your life.', 'will save your life'],
    ['You will notice a difference from the very first week.', 'You will notice a difference'],
    ['Follow these simple steps and your baby will never have nappy rash again.', 'your baby will never have nappy rash again'],
    ['Book your session today and this will be the last packet you ever buy.', 'the last packet you ever buy'],
    ['With the right help, you will get better.', 'you will get better'],
    ['"After three sessions I didn\'t need Viagra any more.', "didn't need Viagra any more"],
    ['"One session with Helen and I haven\'t touched a cigarette since."', "haven't touched a cigarette since"],
    ['Guests tell us they leave with clearer skin and more energy.', 'Guests tell us'],
  ],
  noClaim: [
    'Smoking is the biggest preventable cause of death in the UK.',
    'Smokers are up to four times more likely to develop AMD than people who have never smoked.',
    'Many new parents feel tearful, anxious or low in the first few days after the birth.',
  ],
});

wordingRound('claims: after sets 26 and 27', {
  flags: [
    ["Rest assured: once you've taken it, you won't get pregnant.", "you won't get"],
    ["Follow the plan and you'll never hit that 3pm crash again.", "you'll never hit that 3pm crash again"],
    ['My Adrenal Reset programme will restore your energy and heal your adrenals.', 'will restore your'],
    ['"Since Jack had his tonsils out he hasn\'t had a single sore throat, and he\'s a different boy."', "hasn't had a single"],
    ['Mo, one of my Tuesday clients, went from a 100 kg to a 140 kg deadlift in four months on it.', 'one of my Tuesday clients'],
    ['"For the first time in twelve years I wake up without that weight on my chest.', 'For the first time in twelve years'],
  ],
  startsWith: true,
  noClaim: [
    'Every guard comes with a two-year guarantee against cracks and breakage.', "You won't need a referral.",
  ],
});

wordingRound('claims and citation need: after sets 28 and 29', {
  flags: [
    ['It works where therapy, medication and time off have failed, because it tackles the root cause.', 'works where'],
    ['Left unchecked, burnout will wreck your health, your relationships and your career.', 'Left unchecked'],
    ['Left untreated, spider veins will keep spreading and eventually turn into painful varicose veins.', 'Left untreated'],
    ['Our Brain Fit plan will keep your mind sharp for years to come.', 'will keep your mind sharp'],
    ['Within two weeks you will notice less bloating, more energy and clearer skin.', 'you will notice less'],
    ['With our programme you will never sprain that ankle again.', 'you will never sprain that ankle again'],
    ["It's a single jab that will protect you for life.", 'protect you for life'],
    ['My needle technique is so precise that the condition will not come back.', 'will not come back'],
    ['"Six sessions with Hannah and I sleep like a baby after every night shift."', 'sleep like a baby'],
  ],
  noClaim: ['Most people have no side effects, or just a sore arm for a day or two.', 'Left untreated, high blood pressure can lead to a stroke.'],
  noSource: [
    'Low B12 can cause tiredness, pins and needles and a sore tongue.',
    'Most UTIs are caused by bacteria from the bowel getting into the bladder.',
    'Most clients need a course of three sessions, four to six weeks apart.',
    'If you have a UTI, you will usually be given a course of antibiotics for three days.',
  ],
});

wordingRound('claims: after sets 30 and 31', {
  flags: [
    ["Welcome to Ageless Health, London's leading longevity clinic.", "London's leading longevity clinic"],
    ['AlignPro is the most comfortable and effective posture corrector on the market.', 'on the market'],
    ['Stick with the programme and you will grow your hair back, or your next course is free.', 'grow your hair back'],
    ['Because there are no wires or brackets, aligners carry no risk at all of damaging your teeth.', 'no risk at all'],
    ['Step into our chamber for three minutes and walk out feeling brand new.', 'walk out feeling brand new'],
    ["It's the ultimate biohack for fat loss, better sleep and glowing skin.", 'the ultimate biohack'],
    ["Come three times a week and we promise you'll see a difference within a month.", "we promise you'll"],
    ['"Since I started using the chamber after leg day, I\'m never sore the next morning."', "I'm never sore"],
    ['★★★★★ "My neck pain disappeared after one week.', 'pain disappeared'],
    ['Last spring a marathon runner came to us unable to run a mile, and eight weeks later she finished the Manchester Marathon.', 'came to us'],
    ['A client who had checked the locks for hours every night told me that after eight sessions her OCD had gone.', 'A client'],
    ['One client, Mark, brought his cholesterol down from 7 to 5 in three months without tablets.', 'One client'],
    ['"At 58 I have more energy than I did at 35.', 'more energy than'],
    ["Our laser points include an appetite-control point, so you won't put on weight.", "you won't put on weight"],
    ["It retrains your muscle memory, so you'll never slouch again.", "you'll never slouch again"],
    ["Follow it and you'll never need statins.", "you'll never need statins"],
    ["With our myopia control programme, your child's eyesight will stop getting worse.", 'will stop getting worse'],
    ["Our running clinic gets better results for runner's knee than any other practice in Leeds.", 'better results'],
    ['Unlike other therapists in the area, I offer intensive ERP.', 'Unlike other therapists'],
  ],
  noClaim: [
    'No particular diet has been shown to work better than any other for PCOS.',
    'We give every client a free booster session within three months if they need it.',
    'We see every patient within two weeks of referral.',
    'Most are harmless, but some can slowly turn into cancer over many years.',
    'Steroid injections, which many of our patients have tried before, can weaken tendons if they are repeated.',
    'A patient who starts allopurinol usually has a blood test after four weeks.',
    'The leading cause of death in London\'s poorest boroughs is heart disease.',
    'No treatment is guaranteed to work.',
    'IV drips are often sold as a miracle cure for hangovers.',
    'Some clinics advertise it as a guaranteed cure.',
  ],
  noSource: [
    'It is usually caused by a virus, most often parainfluenza.',
    'Antibiotics are not used, because croup is caused by a virus.',
    'Scabies is caused by tiny mites that burrow into the skin.',
    'The nurse will tell you what was found before you go home.',
    'Founding Membership costs £9,500 a year and includes four doctor reviews and a DEXA scan.',
    'Sessions are 50 minutes, and most people have between 12 and 20 sessions.',
  ],
  cue: ['Lung damage was found in most of the vapers studied.', 'Most flare-ups are caused by stress, according to a large survey.'],
});

wordingRound('claims: selling words attribute only what a thing is sold as', {
  flags: [["Our salon-grade panels are far more powerful than the home laser caps sold online, so you'll see results faster.", "you'll see results"]],
});

wordingRound('claims and citation need: after sets 32 and 33', {
  flags: [
    ['Sensitive teeth are nothing to be embarrassed about, and with the right care they will always get better.', 'will always get better'],
    ['"After 25 years of elbows in the ribs, my wife says she finally gets a full night\'s sleep," says Graham.', 'finally gets'],
    ['After her second session with Dr Patel she slept for five hours straight."', 'slept for'],
    ['Our treatment is extremely safe.', 'is extremely safe'],
  ],
  startsWith: true,
  noClaim: [
    'Some clinics advertise that cranial osteopathy will drain glue ear for good, but there is no good evidence for this.',
    'A Cochrane review found that the Epley manoeuvre is a safe and effective treatment for BPPV.',
    'National guidance from NICE says that frenotomy is safe and can improve breastfeeding.',
    'In the hands of a qualified practitioner, acupuncture is very safe.',
  ],
  noSource: [
    'Neck pain is one of the most common reasons people come to see us.',
    'This is one of the most common worries we hear.',
    'Some chiropractors believe that a difficult birth can leave tension in a baby\'s neck.',
    'Traditional Chinese medicine describes this as restoring the flow of qi, or energy.',
  ],
  cue: [
    'Low back pain is one of the most common reasons people see a doctor.',
    'Permethrin is very safe and is suitable for pregnant and breastfeeding women.',
    'A Cochrane review found that the Epley manoeuvre is a safe and effective treatment for BPPV.',
  ],
});

wordingRound('claims and citation need: after sets 34 and 35', {
  flags: [
    ['Since joining last year, Peter says his tremor has all but disappeared and he has put his walking stick away.', 'has all but disappeared'],
    ['At Harbour Lane, nerve damage is simply not something our patients need to worry about.', 'not something our patients need to worry about'],
    ['After 18 sessions with us he cancelled the operation and is back on the roofs full time.', 'After 18 sessions with us he'],
    ['Unlike cheaper clinics, we only use premium brands, which give smoother and longer-lasting results.', 'Unlike cheaper clinics'],
    ['Our comprehensive stool test gives a complete picture of your gut health.', 'a complete picture of your gut health'],
    ['"I hadn\'t realised how much I was missing until I heard every word of the speeches."', 'heard every word'],
  ],
  startsWith: true,
  noClaim: [
    'Try it risk-free: if you are not happy for any reason, return the empty tub within 60 days for a full refund.',
    'An allergy is when the immune system reacts to something harmless, such as pollen.',
    'After six sessions with us, most people know whether the treatment suits them.',
  ],
  noSource: [
    'Chickenpox is an infection caused by the varicella-zoster virus.',
    // (The chickenpox article's third sentence, "Many children also have a mild fever, aches and a
    // poor appetite for a day or two before the spots appear.", a symptom with how many have it,
    // sits at the classifier's threshold: 0.49 to 0.53 with the models of 2,555 to 2,755 articles.
    // The sentence before it, the rash, tests the same without a quantity.)
    'It causes a rash of itchy red spots that turn into fluid-filled blisters, then crust over and form scabs.',
    'Preeclampsia is a condition in pregnancy in which blood pressure rises and there are signs that other organs are affected.',
    'Sciatica is pain that travels from the lower back down the back of the leg, caused by pressure on the sciatic nerve.',
  ],
  cue: ['Removal occasionally causes tingling or numbness, which is permanent in fewer than 1 in 100 people.'],
});

wordingRound('claims and citation need: after sets 36 and 37', {
  flags: [
    ['Thousands of customers have already transformed their energy levels with VitaPanel.', 'Thousands of customers have already transformed'],
    ['After just six sessions with us, Graham walked to his local pub without his stick for the first time in a year.', 'After just six sessions with us, Graham'],
    ['"I can\'t believe the difference, everyone says I look so refreshed," says Janet, 58.', "can't believe the difference"],
    ['Our gentle dose-escalation plan means side effects are never a problem for our patients.', 'side effects are never a problem'],
    ['Emma, 39, had been trying for four years and was pregnant after just eight sessions with us.', 'Emma, 39'],
    ['Our herbal blend balances your hormones, with none of the side effects of drugs.', 'none of the side effects'],
    ['Our scanner detects every sign of heart disease years before it could cause a problem.', 'detects every sign'],
    ['"Thanks to HeartCheck I found out I had a blocked artery and had a stent fitted in time."', 'Thanks to HeartCheck'],
    ['"After three sessions my bald patch had completely filled in.', 'had completely filled in'],
  ],
  startsWith: true,
  noClaim: [
    'Iron deficiency is the most common nutritional deficiency in the world.',
    'They are the most common worm infection in the UK and are especially common in children under 10.',
    'After six sessions with us, most people know whether the treatment suits them.',
    'Sarah, our practice manager, will call you to book.',
  ],
  noSource: ['Most cases are caused by respiratory syncytial virus (RSV).'],
  cue: ['Rarely, impetigo caused by strep bacteria can lead to a deeper skin infection called cellulitis.', 'Iron deficiency is the most common nutritional deficiency in the world.'],
});

wordingRound('claims: after sets 38 to 43', {
  flags: [
    ['Our surgeons use the latest camera systems, giving results that are second to none.', 'second to none'],
    ["After two weeks in her StrideLab orthotics, marathon runner Sophie's shin splints had vanished completely.", "Sophie's shin splints had vanished"],
    ['Hypnotherapy works on the part of your mind that drives your habits, so you simply stop craving sugar.', 'you simply stop craving'],
    ["One client, a busy mum of three, dropped four dress sizes before her sister's wedding.", 'One client'],
    ["I know I'll never have to worry about bowel cancer now.\"", 'never have to worry'],
    ['Our digitally designed splints are more comfortable than any other splint you can buy.', 'more comfortable than'],
    ["It's the closest thing to a fountain of youth that science has ever produced.", 'a fountain of youth'],
    ['Thousands of AquaVive owners tell us they have more energy and clearer skin.', 'owners tell us'],
    ["The AquaVive's water is absorbed by your cells up to six times faster than ordinary tap water.", 'up to six times faster'],
    ['Unlike cheap jug filters, nothing on the market comes close to the AquaVive.', 'nothing on the market comes close'],
    ['With two Sunny Bears a day, your child will sail through the winter without a single cold.', 'your child will sail through'],
    ['Egg freezing is the single best thing you can do for your future fertility.', 'the single best'],
    ['"My puffy ankles disappeared after my first treatment and haven\'t come back," says Sarah.', 'My puffy ankles disappeared'],
    ['Two weeks after my UroLift I sleep right through."', 'sleep right through'],
    ['These nutrients heal and seal a leaky gut.', 'heal and seal'],
    ['After 21 days you will notice a flatter stomach and more energy.', 'you will notice a flatter'],
    ['"After 25 years of bottle-top glasses, I woke up the next morning and could read the alarm clock.', 'woke up the next morning and could'],
    ['It is simply the most reliable home fertility test you can buy.', 'the most reliable'],
    ['One of our members with rheumatoid arthritis has been able to stop her painkillers since she joined.', 'One of our members'],
  ],
  startsWith: false,
  noClaim: [
    'Every AquaVive comes with a 5-year parts guarantee and free UK delivery.',
    'Our team includes registered podiatrists, and every pair comes with a 12-month guarantee against defects.',
    'A Cochrane review found moderate to strong evidence that vestibular rehabilitation is a safe and effective treatment.',
    'The water is so dense that you float effortlessly on your back.',
    'Your doctor will go through every result with you in a 30-minute video call.',
    'Functional cysts are harmless and usually disappear on their own within two or three cycles.',
    'Ultrasound is very good at telling simple, harmless cysts apart from those that need further tests.',
  ],
});

wordingRound('claims: after sets 44 and 45', {
  flags: [
    ["It's nature's answer to stiff, aching joints.", "nature's answer to"],
    ['Thousands of customers already swear by it.', 'Thousands of customers already swear by'],
    ['That is why FlexiGold delivers up to 20 times more curcumin to your joints than ordinary capsules.', 'up to 20 times more'],
    ['After twelve weeks with us, county cricketer Sam told us he was picking up the ball earlier.', 'After twelve weeks with us, county cricketer Sam'],
    ['Our client Lauren had a full sleeve removed in just eight sessions.', 'Our client Lauren'],
    ['One of our regular customers hasn\'t had a single ulcer since she started taking our spray.', 'One of our regular customers'],
    ['With Mr Aldridge, your new knee will last for the rest of your life.', 'last for the rest of your life'],
    ['"My son has ADHD, and now he falls asleep in minutes instead of hours."', 'now he falls'],
    ['The first night with my CalmWeight I slept right through for eight hours."', 'slept right through'],
    ['Clients often tell me they fell pregnant within a few months of starting their sessions.', 'Clients often tell me'],
    ['Used alongside IVF, my fertility massage doubles your chances of a successful cycle.', 'doubles your chances'],
  ],
  noClaim: [
    'Your grandmother may have sworn that a sudden fright cures hiccups.',
    'Almost all mouth ulcers are harmless, though, and clear up by themselves.',
    'Smokers are up to four times more likely to develop AMD than people who have never smoked.',
  ],
  cue: ['Most people need between six and twelve sessions to see results.'],
  noSource: ['Most people have between 12 and 20 sessions.'],
});

wordingRound('claims and citation need: after sets 46 and 47', {
  flags: [
    ['Maria, a nurse from Headingley, had suffered with heel pain for two years and was pain-free after just three sessions.', 'Maria, a nurse from Headingley'],
    ['Claire, a teacher from Bristol, followed her plan for three months and says her energy has completely come back.', 'Claire, a teacher from Bristol'],
    ['Tom, a retired builder, had two sessions for his knee and was back on the golf course within a month.', 'Tom, a retired builder'],
    ['Priya had lived with bloating for ten years, and after finishing the programme she now eats out with friends.', 'Priya had lived with'],
    ['"Lily\'s curve went from 28 degrees to 14 degrees in six months.', 'went from 28 degrees to'],
    ['Unlike glucosamine, which takes months to work, FlexiShot starts easing stiff joints within days.', 'FlexiShot'],
    ['Unlike prescription sleeping pills, DreamLeaf is non-habit forming.', 'DreamLeaf'],
    ['Practise every day and you will have a calm, gentle birth without needing medical pain relief.', 'you will have a calm, gentle birth'],
    ['Our ClearSkin laser gives the best results in the county.', 'the best results'],
  ],
  startsWith: false,
  noClaim: [
    "You'll see some companies selling CBD as a miracle cure for everything from anxiety to cancer.",
    "We work alongside your child's specialist and never tell families to stop wearing a prescribed brace.",
    'We never pressure you into treatment you do not want.',
    'Most customers notice a difference within two weeks, and for the best results we recommend taking it for at least three months.',
    // A plain comparison of two treatments, and a sentence that opens with a drug's description: no story, no brand.
    'Unlike SSRIs, ketamine is not habit-forming.',
    'Ketamine, an anaesthetic used in surgery, was first made in 1962.',
    '"The guidance was updated in 2023 and now applies to adults.',
  ],
  noSource: [
    'Finish the whole course, even if your child feels better after a few days.',
    'Stay away from nursery, school or work until 48 hours after starting antibiotics.',
    'Expect some discomfort while you do the exercises.',
    'Wear a broad-spectrum sunscreen of SPF 30 or more.',
  ],
  cue: [
    // An instruction that states its reason, or goes on to a second clause, states a finding too.
    'Wash your hands with soap and water rather than relying on hand gel, because alcohol gel is less effective against norovirus.',
    'Expect your throat to be sore for 10 to 14 days; the pain often peaks around day four.',
  ],
});

wordingRound('claims and citation need: after sets 48 and 49', {
  flags: [
    ['James, 41, came to us at Norwood 5 and a year later has a full head of hair.', 'came to us'],
    ['Sarah, 38, had her first treatment in March and a year later has a full head of hair.', 'Sarah, 38'],
    ['In our experience, one man who had suffered for eight years was pain-free after three sessions.', 'one man who had'],
    ['One regular, a keen runner, says her asthma has disappeared completely since she started coming twice a week.', 'One regular'],
    ['Halotherapy is 100% natural and suitable for everyone, from babies to grandparents.', 'suitable for everyone'],
    ["Pop in for a session and you'll walk out feeling the difference straight away.", 'walk out feeling the difference'],
    ['The reviews speak for themselves.', 'reviews speak for themselves'],
  ],
  startsWith: false,
  noClaim: [
    "Most tonsil stones are harmless and don't need treatment.",
    'Many of our clients also take ADHD medication, and coaching fits comfortably alongside it.',
    'Sauna bathing is not suitable for everyone.',
    // A story needs a customer: a risk told of "a woman who had" is no case history.
    'A woman who had pre-eclampsia in one pregnancy is more likely to have it again.',
  ],
  noSource: [
    'Floaters are one of the most common reasons people get in touch with our clinic.',
    'Come back to the unit or see your GP if the pain is getting worse rather than better.',
    'Look for cuts, blisters, redness, swelling, hard skin or changes in colour.',
  ],
});

wordingRound('citation need: how a condition or an effect goes', {
  cue: [
    'The worst of the spinning usually settles within a few days.',
    'It is not a cure, and the effect usually wears off after a few weeks.',
    'The circular marks it leaves usually fade within three to ten days.',
    'Grommets normally fall out by themselves within 6 to 12 months as the eardrum grows.',
    "Facial thread veins don't usually fade on their own.",
  ],
  noCue: [
    // How long an attack lasts describes the attack.
    'Each attack usually lasts less than a minute, but you may feel unsteady for hours afterwards.',
  ],
});

wordingRound('citation need: descriptions against the normal state, and causes as a noun', {
  noCue: [
    'Prediabetes means your blood sugar level is higher than normal, but not high enough to be diabetes.',
    'Psoriasis is a long-term inflammatory skin condition in which new skin cells are made far faster than usual.',
    'Other causes include very high levels of fat or calcium in the blood, some medicines and an injury.',
    'In functional medicine, we look for the root causes of your symptoms rather than simply managing them.',
  ],
  cue: [
    'Marine collagen is absorbed one and a half times better than bovine collagen.',
    'Smoking causes most cases of lung cancer.',
  ],
});

wordingRound('citation need: the small print', {
  noSource: [
    'Food supplements should not be used as a substitute for a varied, balanced diet and a healthy lifestyle.',
    'FlexiShot is a food supplement and is not intended to diagnose, treat or prevent any disease.',
    'This page is for general information only and does not replace advice from your doctor.',
  ],
});

wordingRound('claims: after sets 52 and 53', {
  flags: [
    ['Four sessions with Priya and it\'s completely gone."', "it's completely gone"],
    ['"Since starting Vitality+ I\'ve got the energy of someone half my age.', 'energy of someone half my age'],
    ['My knees don\'t ache on our morning walks any more."', "don't ache on our morning walks any more"],
    ['Taking NMN restores your NAD+ to youthful levels, recharging every cell in your body.', 'recharging every cell'],
    ['Thousands of men have already got their hairline back with us.', 'their hairline back'],
    ['Reflexology has helped hundreds of my clients fall pregnant.', 'helped hundreds of my clients'],
    ['Most of our clients say the pain has gone for good.', 'Most of our clients'],
  ],
  startsWith: false,
  noClaim: [
    // How often an effect is felt is a frequency, left to missing-citation.
    'Most clients notice more energy within a few days of their first injection.',
    'Most of our patients notice a real difference within four to six sessions.',
    'Many patients also notice smoother, more even skin afterwards.',
  ],
});

wordingRound('claims: found by review of new genres', {
  flags: [
    ['Our time-lapse technology is proven to improve embryo selection.', 'is proven to'],
    ['This formula, proven to boost energy in a week, is our best seller.', 'proven to boost'],
  ],
  noClaim: ['It has not been proven to improve survival.'],
});

wordingRound('claims: after sets 58 and 59', {
  flags: [
    // A sentence that is all quotation is a customer's words the page publishes.
    ['"Took two of these to a wedding and woke up at 7am feeling amazing, honestly life-changing!"', 'feeling amazing'],
    ['"Works every single time, no more lost Sundays."', 'Works every single time'],
    ['"I dropped a whole dress size for my sister\'s wedding after just three wraps!"', 'dropped a whole dress size'],
    ['So the message for families is simple: your child will definitely grow out of it once their bones stop growing.', 'will definitely grow out of'],
    ['A graft protects your tooth for life and stops the recession from ever coming back.', 'protects your tooth for life'],
    ["You'll see new growth within three months and a noticeably fuller head of hair by twelve months.", "You'll see new growth"],
    ['Lose inches in just one session!', 'Lose inches in just one session'],
    ['Our results beat PRP injections and minoxidil hands down.', 'hands down'],
    ['Our results beat PRP injections and minoxidil.', 'beat'],
    ['Our panel uncovers the hidden hormone imbalances your GP misses.', 'your GP misses'],
    ['Unlike drinks and tablets, our patch bypasses your stomach, so you absorb far more of every ingredient.', 'Unlike drinks and tablets, our patch'],
    ['Our own customer trial proves FreshMorning works.', 'proves FreshMorning works'],
    ['One patient who had put up with flooding for fifteen years told us her periods were finally light and manageable.', 'One patient'],
    ['One of our patients, a teacher who had hidden her hands for ten years, now has an almost even skin tone.', 'One of our patients'],
    ['Our infrared body wrap combines gentle heat with a mineral wrap to melt away stubborn fat.', 'melt away stubborn fat'],
  ],
  noClaim: [
    // How the product is made, not a better result.
    'Unlike the boil-and-bite guards sold online, our devices are made from digital scans of your teeth in our own laboratory.',
    // "no longer" before the seller's product is not a comparison of results.
    'Unlike graded exercise therapy, which NICE no longer recommends, our programme starts from the energy you have.',
    // Quoted words inside the author's own sentence stay someone else's.
    'Some websites call it a "miracle cure", but the evidence is thin.',
    '"Miracle cure" is a phrase we never use.',
    'No trial has proved that it works.',
    'Lose weight gradually by eating a little less each day.',
    'When we exercise, our hearts beat faster and our muscles use more oxygen.',
  ],
});

wordingRound('citation need: how a treatment works in the body', {
  cue: [
    'Alpha blockers such as tamsulosin relax the muscle in the prostate and at the neck of the bladder.',
    'Anti-sweat injections (botulinum toxin) block the nerve signals that switch on the sweat glands.',
    'Antihistamines reduce the itch and the size of the weals.',
    'Proton pump inhibitors (PPIs) such as omeprazole and lansoprazole reduce the amount of acid your stomach makes.',
    'Alginates form a raft on top of the stomach contents.',
    'Used this way, steroid ointment rarely thins the skin.',
  ],
  noCue: [
    // A relative clause, an infinitive, a clause of its own: not the treatment's main verb.
    'There is no single treatment that works for everyone with chronic pain.',
    'It is a cosmetic massage cream intended to soothe and comfort.',
    'Tinnitus retraining therapy combines counselling about how tinnitus works with sound therapy.',
    'If other treatments have not helped, a hand surgeon can release the tight tendon sheath.',
    'Some websites claim the vaccine "encourages risky behaviour".',
    'Cataract surgery replaces the cloudy lens with a clear artificial one.',
  ],
});

wordingRound('citation need: how a condition or treatment usually goes', {
  cue: ["It isn't usually serious and it is easy to treat.", 'Surgery is very rarely needed.', 'Often no cause is found.', 'Soreness usually lasts a day or two.'],
  noCue: [
    // How care is done, and what a condition feels like.
    "Scans aren't usually needed.",
    'A course usually lasts four to six months.',
    'Each attack usually lasts less than a minute.',
    'These are usually found between the fingers and on the wrists.',
  ],
});

wordingRound('citation need: side effects after a treatment', {
  cue: [
    'Some people notice redness, mild bruising or soreness for a day or two, which settles without treatment.',
    'Some clients notice mild redness or warmth for an hour or two afterwards.',
    'If steroid is used, a small patch of thinning of the skin at the injection site can occur.',
    'You may have some swelling and bruising for a few days.',
  ],
  noCue: [
    // A condition of advice, and a condition of the patient: no harm reported.
    'Paracetamol can be given for a few days if your child is sore after sport.',
    'Tell us before the appointment if you have a bleeding disorder or an open wound at the injection site.',
  ],
});

wordingRound('citation need: the state of the evidence', {
  cue: [
    'The research so far is mixed.',
    'The evidence for this add-on is limited.',
    'Only a handful of studies have compared different pillows.',
    'Today\'s versions contain no alcohol, but there is no research to show that they work.',
    'Riboflavin and magnesium have only small studies behind them, but they are cheap to try.',
    'Acupressure wristbands are popular too, though trials of them have given mixed results.',
  ],
  noCue: ['Researchers at the clinic are friendly and happy to answer questions.', 'Our review of your notes takes about ten minutes.'],
});

wordingRound('citation need: very rare harms, and relief a treatment gives', {
  cue: ['Serious allergic reactions are very rare.', 'Antacids from a pharmacy give quick but short-lived relief.'],
});

wordingRound('citation need: hearsay and beliefs reported as others\'', {
  noSource: [
    'Some parents have read online that the spray gives children flu.',
    'You may see the jab described online as "100% safe", or as dangerous.',
    'One brand sold locally claims its "ConcussGuard" cap "eliminates the risk of concussion".',
    'In traditional Chinese medicine, the five points are linked to the lungs, liver and kidneys.',
    'Reflexologists believe each point corresponds to a different part of the body.',
  ],
});

wordingRound('citation need: more frequency, harm and comparison wording', {
  cue: [
    'Compression can be harmful if the arteries in your legs are narrowed.',
    'It is also the main reason adults over 35 lose teeth.',
    'In almost all cases the ball comes out forwards.',
    'Home trays give longer-lasting results than in-chair whitening.',
    'Vegetarians and vegans seem to get a bigger boost than meat eaters.',
  ],
});

wordingRound('citation need: how most cases go', {
  cue: [
    'Whatever the cause, most sore throats get better on their own within a week.',
    'Most replacement hips last at least 15 to 20 years.',
    'Most tonsil stones are harmless and don\'t need treatment.',
  ],
  noCue: ['Most appointments take about twenty minutes.'],
});

wordingRound('citation need: more after-effects and evidence', {
  cue: [
    'Freezing can sting for a day or two and sometimes leaves a blister.',
    'Some people get nausea or constipation in the first few weeks, and this usually settles as the dose steadies.',
    'The evidence on long-term results is still limited.',
    'Most studies have tested mushroom extracts on their own.',
  ],
  noCue: ['We use eye drops to widen the pupils for the glasses test; they sting for a few seconds and blur vision for several hours.'],
});

wordingRound('citation need: not a treatment at work', {
  noCue: [
    'Lithium won\'t cure bipolar disorder, and no treatment works for everyone.',
    'It is not approved by the Food and Drug Administration (FDA) in this form or dose for any use.',
  ],
});

wordingRound('unsupported-claim: after blind sets 62 and 63', {
  flags: [
    ['Priya, a yoga teacher from Bristol, says her recovery has never been quicker.', 'never been quicker'],
    ['Dave, 51, lost three stone in a year and says his knees have stopped aching.', 'Dave'],
    ['Tom came to us hiding his teeth in every photo, and after one visit he says he smiles all the time.', 'came to us'],
    ['Three years on she still has all her teeth, and her gum pockets have shrunk from 6 mm to 2 mm.', 'Three years on'],
    ['"Two weeks in, my skin has never looked so good."', 'never looked so good'],
    ['Keep up the stretches and you won\'t have any more trouble with your back.', "won't have any more trouble"],
    ['Left untreated, gum disease gets worse and you will lose your teeth.', 'Left untreated'],
    ['Please don\'t worry: your child will be perfectly fine.', 'will be perfectly fine'],
    ['A ten-minute session on our vibration plate is worth two hours of sit-ups.', 'worth two hours'],
    ['Our infrared mat recharges your cells while you sleep.', 'recharges your cells'],
    ['Owners report better sleep and fewer aches.', 'Owners report'],
    ['Muscle testing is far more reliable than an allergy blood test.', 'more reliable than'],
    ['The app improves focus without any of the side effects of tablets.', 'without any of the side effects'],
  ],
  noClaim: [
    // A repair warranty, not a guaranteed outcome.
    'Every crown comes with our Smile Guarantee: if it cracks in the first year, we\'ll replace it free of charge.',
    // Qualified safety: a statement of evidence (missing-citation asks for its source).
    'Iron tablets are safe for your baby at the recommended dose.',
    'Whole-body vibration is safe for healthy adults when sessions are supervised.',
    // An outcome figure of the clinic's own clients: a statistic that needs a source (the labels
    // split on it at first; four of the five labelled sentences now ask for a source).
    'Our clients lose an average of 6 kg in their first three months.',
    // How the device is made, not a result set above the rest.
    'Unlike a standard facial, GlowPeel uses a vacuum wand to lift away dead skin.',
  ],
});

wordingRound('unsupported-claim: an outcome guarantee with a refund is still a guarantee', {
  flags: [['Clear skin in four weeks, guaranteed, or your money back.', 'guaranteed']],
});

wordingRound('citation need: after blind sets 62 and 63', {
  cue: [
    'Porcelain veneers typically last ten to fifteen years.',
    'The benefits of an early diagnosis seem to last for years.',
    'Ibuprofen passes into breast milk in very small amounts.',
    'Some people notice bruising or soreness after their first two injections.',
    'Numbness in the feet is slow to improve and can take several months.',
    'The commonest cause of heel pain in runners is plantar fasciitis.',
    'With the right help, nearly every child with a stammer can learn to speak more fluently.',
    'Coeliac disease is often missed because the symptoms are so vague.',
    'A flare can be brought on by stress, a cold or a change of medicine.',
    'Iron tablets are safe for your baby at the recommended dose.',
    'Our clients lose an average of 6 kg in their first three months.',
  ],
  noCue: [
    'Most people take one 10 mg tablet twice a day, with food.',
    'Most patients are in and out within an hour.',
  ],
  noSource: ['Some doctors once believed that teething could cause fits.'],
});

wordingRound('unsupported-claim: after blind sets 64 and 65', {
  flags: [
    ['Kinesiology is the most accurate way to find out what your body needs.', 'the most accurate way'],
    ['Our success rate is 100% for every patient we treat.', 'success rate is 100%'],
    ['Research in Japan has proven that the bracelets balance your energy.', 'has proven that'],
    ['Unlike dentures, your new smile will never slip, click or need replacing.', 'will never slip'],
    ['Leave it too long and you will end up needing a filling.', 'will end up needing'],
    ['Our gentle numbing gel means you won\'t even feel the injection.', "won't even feel the injection"],
    ['Just relax on the mat and feel your stress melt away.', 'feel your stress melt away'],
    ['"Within two weeks, Jack spoke his first sentence," says his dad.', 'spoke his first sentence'],
    ['Anna from Derby told us that the rash on her hands was gone within a week.', 'was gone'],
    ['Mark, 48, says the cream cleared his rosacea in a single night.', 'Mark'],
    ['Our lead surgeon is a world-leading expert in hair restoration.', 'world-leading'],
    ['Unlike painkillers, acupuncture works at the root of the problem.', 'at the root of the problem'],
    ['Daily plunges supercharge your immune system.', 'supercharge your immune system'],
    ['Every kit comes with our promise of guaranteed results or your money back.', 'guaranteed'],
  ],
  noClaim: [
    'Menopause is when your periods stop for good.',
    'Some websites promote colloidal silver or oregano oil as a natural cure for shingles.',
    'Most children outgrow a milk allergy, but a nut allergy usually lasts for life.',
    'We will put drops in your eyes to widen the pupils.',
    'An untreated infection can permanently damage the cartilage.',
  ],
});

wordingRound('citation need: after blind sets 64 and 65', {
  cue: [
    'An untreated infection can permanently damage the cartilage.',
    'Most children outgrow a milk allergy, but a nut allergy usually lasts for life.',
    'Left untreated, the infection can spread to the bone.',
    'Root canal treatment has a high success rate.',
    'Cold air and missed doses can also bring one on.',
    'Taking your inhaler every day also helps to prevent flare-ups.',
    'Research on red light therapy for hair loss is still at an early stage.',
    'In the UK the average age at diagnosis is 45.',
    'Some researchers have proposed that the gut plays a part in migraine.',
    'Eccentric squats are a well-studied option.',
    'Most families see real changes in their child.',
    'Most clients feel calmer within 20 minutes of the injection.',
    'The arc vaporises the growth layer by layer without harming the skin around it.',
    'The injections can leave dents in the skin.',
    'The dye can turn your urine bright yellow for a day or two.',
    'Swelling is usually at its most noticeable in the first week.',
  ],
  noCue: ['Left alone, a small clot can travel to the lungs.'],
});

wordingRound('unsupported-claim: after blind sets 66 and 67', {
  flags: [
    ['We\'ll have you walking pain-free again within weeks.', "We'll have you walking"],
    ['"My skin looks amazing and I can\'t stop smiling."', "can't stop smiling"],
    ['Jo from Whitby lost 3 inches from her hips in just two weeks.', 'Jo from Whitby'],
    ['Start now and you\'ll have clear skin by the summer.', "you'll have clear skin"],
    ['After 12 sessions, Dan, a builder from Hull, was back at work without painkillers.', 'After 12 sessions'],
    ['It is the most thorough health check you can get.', 'the most thorough health check you can get'],
    ['Many clients are amazed to see how much calmer they feel.', 'amazed to see how'],
    ['Our programme takes just eight weeks, compared with a year of standard physiotherapy.', 'compared with'],
    ['Most of our clients never pick up a cigarette again.', 'never pick up a cigarette again'],
    ['If your skin has not cleared, we guarantee you will get a second course free of charge.', 'guarantee'],
  ],
  noClaim: [
    'Parents often tell us they are worried that the rash could be meningitis.',
    'Taking both together works better than either alone, and most of our patients choose the combined pack.',
    'We always work alongside your GP.',
    'For the best results, wear the brace for 20 hours a day.',
  ],
});

wordingRound('citation need: after blind sets 66 and 67', {
  cue: [
    'The fracture is usually fully healed by six weeks.',
    'Fillings usually need replacing after about ten years.',
    'Any hair you have regrown is usually lost again within a year.',
    'Teeth tend to drift back after braces come off.',
    'The lump usually becomes much less noticeable over a year.',
    'The British Dental Association advises that children brush twice a day.',
    'Grinding is one of the main reasons crowns crack.',
    'Wrist fractures are the most commonly broken bones in older women.',
    'An estimated 1 million people in the UK have coeliac disease.',
    'Early results are promising, but larger trials are needed.',
    'Each brace puts gentle pressure on the curve.',
  ],
  noCue: ['Most children are seen, assessed and fitted with a cast in a single visit.', 'Eczema is one of the most common reasons parents bring their children to see us.'],
});

wordingRound('unsupported-claim: after blind sets 72 to 75', {
  flags: [
    ['A treatment called CoolSculpting guarantees results.', 'guarantees'],
    ['Our miracle cure is called GlowDrip.', 'miracle cure'],
  ],
  noClaim: [
    'Dupilumab has been called a miracle drug in some news stories, but it is expensive.',
    'Fat freezing has been hailed as a miracle for stubborn fat.',
    'This drip is often called a miracle cure.',
  ],
});

wordingRound('citation need: after blind sets 76 and 77', {
  cue: [
    "That's why more and more cardiologists recommend CoQ10 to their patients.",
    'The American Association of Orthodontists advises that anyone having their teeth moved should have a check-up first.',
    'Most guidelines advise a biopsy for any new lump in this area in women over 40.',
  ],
  noCue: ['Our cardiologists recommend a yearly check.'],
});

wordingRound('unsupported-claim: after blind sets 78 to 81', {
  flags: [
    ['Our signature protocol is nothing short of a miracle for chronic fatigue.', 'miracle'],
    ['Nothing short of a miracle: that is how our guests describe the retreat.', 'miracle'],
    ['These drops are nothing less than a miracle for dry eyes.', 'miracle'],
    ['"After two weeks my feet weren\'t cold at night for the first time in years."', 'for the first time in years'],
    ['"My friends asked if I\'d had a facelift after just one treatment!"', 'after just one treatment'],
    ['"Three weeks in and my partner says it\'s like being with a different man."', 'weeks in and'],
    ['Left alone, a thumb habit at seven will give your child buck teeth.', 'Left alone'],
    ['If left alone, crooked teeth will only get worse.', 'If left alone'],
    ['She is the top-rated intimate wellness provider in Arizona.', 'the top-rated'],
    ['More than 3,000 happy guests are all the proof we need.', 'all the proof we need'],
    ['With the right support, you will beat this.', 'you will beat this'],
    ['You will go home lighter, clearer-headed and free of the toxins that have been holding you back.', 'You will go home lighter'],
    ['Doctors call levothyroxine the "gold standard" treatment, but our clients tell us the Reset works far better than tablets.', 'our clients tell us'],
    ['Better sleep is guaranteed or your money back.', 'guaranteed'],
    ['Results guaranteed, or your money back.', 'guaranteed'],
    ['We call it a miracle cure.', 'miracle cure'],
    ['We believe that our drip is a miracle cure.', 'miracle cure'],
  ],
  noClaim: [
    "If you don't feel the difference, we guarantee a full refund, no questions asked.",
    'We guarantee you a refund if the kit arrives damaged.',
    'Palpitations are very common, and most of the time they are harmless.',
    'Some influencers call tongue scraping a "detox" that clears toxins from your whole body.',
    'Some parents worry that a pulled elbow will damage the joint for good.',
    'You may have read that apple cider vinegar is a natural cure for scalp psoriasis.',
    "You've probably heard that coffee enemas cure cancer.",
    'Many people find that a month off changes the way they think about drinking for good.',
    'It is not a cure, and nothing short of surgery will remove the cyst.',
  ],
});

wordingRound('citation need: after blind sets 78 to 81', {
  cue: [
    "Trials of behavioural sleep methods, including one that followed Australian families for five years, found no harm to children's emotions.",
    'Products like these are unlicensed, and MHRA testing has found hidden prescription drugs in some of them.',
    'One estimate puts the number of Americans with presbyopia at around 128 million.',
    'Cognitive behavioural therapy (CBT) has the strongest evidence of any treatment for BED.',
    'The Joint Committee on Vaccination and Immunisation (JCVI) advises that the vaccine is offered in every pregnancy.',
    'Flakes usually get worse in winter and at stressful times.',
  ],
  noCue: [
    'Genetic testing is used when the scan is unclear.',
    'Studies, which we list below, are one way to learn more.',
    'It most often affects the space between the third and fourth toes.',
  ],
});

wordingRound('unsupported-claim: after blind sets 82 to 85', {
  flags: [
    ['"After four weeks my thighs were smoother than they\'d been since my twenties!"', "than they'd been since"],
    ['"My hair is thicker and shinier than it\'s been in years."', "than it's been in years"],
    ['★★★★★ "Years of coffee had turned my teeth yellow, and after one kit my dentist asked if I\'d had them whitened."', 'after one kit'],
    ['Better absorbed than any tablet on the market.', 'than any tablet on the market'],
    ["Britain's No. 1 cherry concentrate for joint health!", "Britain's No. 1"],
    ["Dr Helen Marsh is Melbourne's leading neck lift surgeon, with more than 20 years in practice.", "Melbourne's leading neck lift surgeon"],
    ["Voted Melbourne's best men's clinic and rated five stars by more than 2,000 patients.", "Melbourne's best men's clinic"],
    ["Welcome to Golden Hour, Leeds' favourite tanning studio.", "Leeds' favourite tanning studio"],
    ["Wear it every day and it retrains your muscles, so within a few weeks you'll stand tall even without it.", 'retrains your muscles'],
    ["Within a month you'll stand taller.", "you'll stand taller"],
  ],
  noClaim: [
    'A PVD is harmless in itself, but in roughly 1 in 7 people with symptoms it causes a tear in the retina.',
    'Most breast lumps are not cancer: around 9 out of 10 turn out to be benign (harmless).',
    'Saline nasal sprays and rinses are safe in pregnancy and can wash pollen out of the nose.',
    "That's why we always check for migraine before planning any sinus treatment.",
    "Once your triggers have been identified, the device retrains your body's response to them.",
    "Boston's number one priority is road safety.",
  ],
});

wordingRound('citation need: after blind sets 82 to 85', {
  cue: [
    'In one large study of people who believed they had sinus headaches, close to nine in ten actually met the criteria for migraine.',
    'Some experts suggest choosing a product that gives about 36 mg of PACs a day.',
    'The vaccine has been given to hundreds of thousands of pregnant women in the UK.',
    'Untreated fungal nails seldom clear on their own.',
    'Only a very small number go on to develop cancer.',
    'A healthy toenail takes 12 to 18 months to grow out completely.',
    'The main danger is dehydration, especially for babies and older adults.',
  ],
});

wordingRound('unsupported-claim: after blind sets 86 to 89', {
  flags: [
    ['"After four months the bald spot on my crown had filled right in.', 'had filled right in'],
    ['"Within two weeks Olivia\'s cheeks were smooth for the first time since she was born." - Jess, mum of Olivia', 'for the first time since'],
    ['"Mr Okafor sorted out ten years of blocked sinuses in one afternoon.', 'sorted out'],
    ['"After two failed cycles elsewhere, our very first transfer here gave us our daughter."', 'gave us our daughter'],
    ['"I cried when I saw the orange and red of the maple leaves for the first time," says Mike.', 'for the first time'],
    ["Don't worry: the pain will disappear the moment your baby is born.", 'the pain will disappear'],
    ['Fat cells that are removed never grow back, so your new shape is permanent.', 'permanent'],
    ["The UK's best-loved travel sickness band!", "The UK's best-loved"],
    ['The results are life-changing: 8 out of 10 wearers see vivid new colours.', 'results are life-changing'],
    ['We will see a 50% drop in symptoms within a month.', 'We will see a 50% drop'],
    ["You'll see a 30 percent reduction in pain.", "You'll see a 30 percent reduction"],
    ['Hand-picked in the wild, never pool-grown, Ocean Gold is the purest, most potent sea moss gel you can buy.', 'the purest'],
  ],
  noClaim: [
    'Prehab is safe for almost everyone waiting for a knee or hip replacement.',
    'Our patients report an average 85% reduction in pain within 90 days.',
    'Some parents tell us they were told their child would "just grow out of it" and nothing could be done.',
    'We use BFR after ACL reconstruction, knee replacement, Achilles tendon repair and ankle fractures.',
    'In most children the pain will go away on its own.',
    'We will see you again in a month.',
    'Not intended to diagnose, treat, cure or prevent any disease.',
  ],
});

wordingRound('unsupported-claim: after blind sets 90 to 101', {
  flags: [
    ['Nobody in Leeds gets results like ours.', 'results like ours'],
    ['Nobody in the North West gets results as natural as ours.', 'results as natural as ours'],
    ["There's no downtime and absolutely no risk to your skin.", 'no risk'],
    ['Titanium is hypoallergenic, so your baby will never have a reaction.', 'will never have a reaction'],
    ["Once you're in the right garment, your limb will stay slim and comfortable for life.", 'stay slim and comfortable for life'],
    ['Thanks to our advanced technique, your hip will never need a replacement.', 'never need a replacement'],
    ['Face yoga is a natural facelift.', 'a natural facelift'],
    ['Our detox flushes out years of built-up toxins in just 14 days.', 'built-up toxins'],
    ['Lose 5 kg in your first 30 days of weighted walking.', 'Lose 5 kg'],
    ['Melt away up to 600 calories in a single session!', 'Melt away up to 600 calories'],
    ['"Since switching to HydraMax they\'ve completely gone."', 'Since switching to HydraMax'],
    ['"I haven\'t snored once since the first night."', "haven't snored once since"],
    ['★★★★★ "I passed my bar exam on the first try thanks to FocusBites!"', 'thanks to FocusBites'],
    ['"Three weeks on the plan and I was off my pain pills," says Janet, a member from Ohio.', 'weeks on the plan and I'],
    ['"My jawline is sharper now than it was at 30!"', 'sharper now than'],
    ['For the patient, it was a whole new life."', 'a whole new life'],
  ],
  noClaim: [
    'For most people, atrial ectopic beats are harmless and need no treatment.',
    'Most patients describe a warm, prickling feeling rather than pain.',
    'At Summit, most of our patients come in for four to six sessions.',
    '"Took a few nights to get used to it, but I\'d buy it again."',
    'Some doctors call them a fad, and oxygen bars are not approved by the FDA to treat or cure any disease.',
    'Some websites sell "natural" throat sprays said to cure strep without antibiotics.',
    'Zinc oxide is one of only two sunscreen ingredients the FDA has proposed to recognize as safe and effective.',
    'Bonding uses a tooth-coloured resin that your dentist sculpts onto the tooth and sets with a blue curing light.',
    'Some patients tell us they were warned their arm would be "useless" after a tear.',
    '"I feel great, thanks to the team for being so kind."',
  ],
});

wordingRound('unsupported-claim: after blind sets 102 to 105', {
  flags: [
    ['"Our daughter\'s curve was found at 14 degrees, and a year later it hasn\'t moved at all, thanks to Spine Check." - Sarah, Wimbledon', 'thanks to Spine'],
    ['Early detection means your child will never need spinal surgery.', 'never need spinal surgery'],
    ['Our screening picks up 100% of curves over 10 degrees.', 'picks up 100% of'],
    ['Transplanted hair is permanent and will never fall out.', 'will never fall out'],
    ['"I put seeds on the sleep points every Sunday and haven\'t touched a sleeping pill in six months," says Ann.', "haven't touched a"],
    ['If you put off treatment, your disc will keep degenerating until surgery is your only choice.', 'keep degenerating'],
    ['Feel the difference or get your money back: relief guaranteed within 30 days.', 'guaranteed'],
    ['Pellets are the most natural and effective way to restore your testosterone.', 'the most natural and effective'],
    ['They work far better than gels.', 'work far better than'],
    ['AlignMe is the smartest posture coach ever made.', 'the smartest posture coach ever made'],
    ['No clinic on the eastern beaches has a better return-to-pool record than ours.', 'record than ours'],
    ['If you follow every step on this list, your baby will be fully protected from listeria.', 'be fully protected'],
    ['★★★★★ "My teeth have never looked this white!"', 'never looked this white'],
    ['Our programme flushes out years of stored toxins.', 'years of stored toxins'],
    ['Our hearing aids protect your brain and keep dementia at bay.', 'protect your brain'],
    ["We're North Yorkshire's leading independent audiologist.", "Yorkshire's leading independent audiologist"],
    ['With the right operation, you can expect to stay dry for life.', 'stay dry for life'],
  ],
  noClaim: [
    'Australians have some of the highest levels of sun damage in the world.',
    'Exactly how it prevents migraine is still not fully understood.',
    'Now and then a guest arrives hoping the retreat will cure their diabetes or arthritis.',
    'Scientists still can\'t say for certain whether hearing aids prevent dementia.',
    'No clinic can promise a cure.',
    'Whether you are a runner or a walker, we will see you within a week.',
  ],
});

wordingRound('unsupported-claim: after blind sets 110 to 113', {
  flags: [
    ['"I summited Kilimanjaro with zero headaches thanks to the clinic\'s plan," says Jordan, a client from Calgary.', 'with zero headaches'],
    ['Lumps and bumps removed quickly, discreetly and with a perfect cosmetic result.', 'with a perfect cosmetic result'],
    ['"My FibroScan numbers dropped by half and my doctor was amazed," says Rick, 58.', 'dropped by'],
    ['Breathe easier from the very first night.', 'from the very first night'],
    ["With PureBreath running, you won't need your inhaler anymore.", "won't need your inhaler"],
    ['"I\'d cancelled three gigs, and after eight sessions my voice was stronger than ever," says Ella, a singer from Newtown.', 'stronger than ever'],
    ['"I\'d cancelled three gigs, and after eight sessions I sang at the festival," says Ella.', 'after eight sessions'],
    ['No other clinic in Sydney gets singers back on stage faster.', 'No other clinic in'],
    ['"I hadn\'t flown for 15 years, and last summer I flew to Florida with my grandchildren," says Margaret.', "hadn't flown for 15 years, and last"],
    ['"Two years of pain sorted in three visits," says Jake, a FIFO worker from Joondalup.', 'sorted in three visits'],
    ['"Since joining the Foundation\'s support group, I\'ve stopped falling asleep at work completely," says Dana.', 'stopped falling asleep at work completely'],
    ['"Since joining the Foundation\'s group, I sleep well," says Dana.', 'Since joining the Foundation'],
    ['"Meeting people who understood changed everything, and I haven\'t had an episode in three years," says Tom.', 'changed everything'],
    ['After two chats with Mei I was off them completely and sleeping better than ever," says Graham, one of our regulars.', 'off them completely'],
    ['"I\'ve had insomnia for years, and after my first sound bath I slept nine hours straight.', 'slept nine hours'],
    ['"After my first sound bath I felt calm," says Ann.', 'my first sound bath'],
    ['Our residents sleep better, need fewer medicines and are calmer from the very first session.', 'from the very first session'],
    ['"After a few calls I knew how to talk to my daughter, and she hasn\'t self-harmed since last summer," says Claire.', "hasn't self-harmed since"],
    ['"I haven\'t had an episode in three years," says Tom.', "haven't had an"],
    ['"Now my knee feels stronger than ever," says Paul.', 'stronger than ever'],
    ['"She hasn\'t self-harmed since," says Claire.', "hasn't self-harmed since"],
    ['"I slept nine hours straight," says Ann.', 'slept nine hours'],
    ['"I have stopped waking at night completely," says Ann.', 'stopped waking at night completely'],
    ['LANAP can regrow bone that has been lost to gum disease, something no other treatment can do.', 'no other treatment can'],
  ],
  noClaim: [
    // A later sentence of a quotation whose first sentence tells the outcome: the first is the finding.
    'My doctor was amazed!" Rick D., Ohio',
    'There are no other symptoms in most children.',
    '"From the first session, your therapist will explain each step," says our lead physio.',
    'Our runners are asked to rest from the first week after surgery.',
    'You will usually be asked to rest your voice completely for a few days afterwards.',
    'You will need to rest your voice completely.',
    'We offer it because residents and families tell us they enjoy it, not as a treatment for dementia.',
    "We never use aromatherapy in place of medical care, and any change in a resident's health is reported to their GP.",
    'Some websites say that daily probiotics will stop BV coming back for good.',
    'Adverts say it will cure your eczema.',
  ],
});

wordingRound('unsupported-claim: still claims beside the cases set aside after blind sets 110 to 113', {
  flags: [
    ['You will never use your inhaler again.', 'never use your inhaler again'],
    ['Parents tell us their child sleeps through the night now.', 'Parents tell us'],
    ['Our patients say their pain has gone for good.', 'Our patients say'],
    ['You will be completely pain-free within a week.', 'You will be completely'],
  ],
});

wordingRound('citation need: after blind sets 110 to 113', {
  cue: [
    'Experts still disagree about how to diagnose it, because there is no single test that confirms it.',
    "There isn't enough good-quality evidence to recommend it.",
    'Hospitals across North America now offer Reiki, and leading nurses recommend it to their patients.',
    'Your risk is higher if you have obesity, type 2 diabetes, high blood pressure or high cholesterol.',
    "Doctors still don't know exactly what causes it.",
    'Narcolepsy is often mistaken for depression, epilepsy or simple laziness.',
    'Low-dose codeine adds little pain relief over paracetamol or ibuprofen on their own.',
    'A planned caesarean is a little safer for the baby but carries more risks for you and for future pregnancies.',
  ],
  noCue: [
    // Labelled as general statements in earlier sets: left to the classifier.
    "We don't know exactly what causes PMR.",
    'Our nurses recommend a warm bath before bed.',
  ],
});

wordingRound('unsupported-claim: after blind sets 114 to 117', {
  flags: [
    ['"We had sealants done at Bright Smiles for both our boys and neither of them has had a single cavity," says Jo.', 'neither of them has had a single'],
    ["Nothing protects kids' teeth better than our premium sealant system.", "Nothing protects kids' teeth better than"],
    ['"Our son took an elbow to the face in his first game of the season and walked away without a scratch," says Mere.', 'without a scratch'],
    ['"Put on 15 pounds of muscle in my first three months on IGNITE.', 'Put on 15 pounds of muscle'],
    ['"I was so nervous after a bad experience elsewhere, but I didn\'t feel a thing.', "didn't feel a thing"],
    ['"Our daughter\'s reading jumped two grade levels in a single term after she got her first glasses from us," says Priya.', 'jumped two grade levels'],
    ['"Chewed two before my parkrun and smashed my PB by 40 seconds.', 'smashed my PB'],
    ['A score above 400 means you will have a heart attack unless you act now.', 'means you will have'],
    ['It is the single most powerful longevity drug known to science.', 'the single most powerful'],
    ['A sound bath is the deepest form of relaxation known to science.', 'known to science'],
    ['I haven\'t touched cocaine in three years."', "haven't touched cocaine in three years"],
    ['Our unique Harbour Method goes further, healing the root cause of addiction so that it never returns.', 'never returns'],
    ['"My son\'s asthma is so much better that he hardly uses his inhaler now."', 'hardly uses his inhaler now'],
    ['The counsellor helped me cut down, and I\'ve now been pouch-free since March."', 'pouch-free since'],
    ['Today I\'m clean, housed and working here as a peer supporter."', "Today I'm clean"],
    ['Telomere length is the single most accurate measure of biological age available today.', 'the single most accurate'],
    ['"I knocked two minutes off my 10K," says Sam.', 'knocked two minutes off my'],
    ['"I\'m now completely free of them," says Ann.', "I'm now completely free of"],
  ],
  noClaim: [
    'It can turn your pee and poo pink or red for a day or so, which is harmless.',
    'It causes a harmless tingling in the face and hands.',
    'Your stools may turn black, which is harmless.',
    'Community water fluoridation reduces tooth decay, and it is safe at the levels used in New Zealand.',
    'ACC covers assessment and treatment of sports injuries, so most of our patients pay only a small part of the fee.',
  ],
});

wordingRound('unsupported-claim: still claims beside the cases set aside after blind sets 114 to 117', {
  flags: [
    ["It's 100% natural and suitable for every skin type, with zero risk of side effects.", 'zero risk'],
    ['Our cream is completely harmless.', 'harmless'],
    ['Nothing works better than our patches.', 'Nothing works better than'],
  ],
});

wordingRound('unsupported-claim: after blind sets 118 to 121', {
  flags: [
    ['Our in-house pressure-plate gait scan picks up plantar plate problems months before any other test.', 'before any other test'],
    ['"After years of trying every cream, my skin cleared in a fortnight on Dr Patel\'s plan," says one of our patients.', 'my skin cleared in'],
    ['Absolutely: RENEW+ is 100% non-irritating and safe for every skin type.', '100% non-irritating'],
    ['"After two years of trying, my wife got pregnant six weeks after I started VitalSeed.', 'got pregnant'],
    ["Our 90-day promise: you'll be a dad, or you get your money back.", "you'll be a dad"],
    ['Many of our customers find that GreenGlow cures their bloating for good.', 'cures'],
    ["Our patients live longer because mistletoe unlocks the body's own healing power.", 'Our patients live longer'],
    ['At Bright Beginnings, our IUI program gives you the best chance of pregnancy without the cost of IVF.', 'the best chance'],
    ['Our success rates are double the national average, and 9 out of 10 of our patients are pregnant within a year.', 'double the national average'],
    ['"After four losses, we now have our beautiful daughter, Ellie.', 'we now have our beautiful daughter'],
    ['With our treatment plan, your next pregnancy will be a success.', 'your next pregnancy will be a success'],
  ],
  noClaim: [
    'Prescription lash drugs such as bimatoprost can permanently darken the coloured part of the eye.',
    'Talk to your doctor about whether it is safe for you to drive.',
    'We recommend the vaccine if you will be walking, camping or working in forests.',
    'Some people find that magnets cure arthritis.',
  ],
});

wordingRound('unsupported-claim: results promised against a refund (after blind sets 126 to 129)', {
  flags: [
    ['Whiter teeth in 7 days and healthier gums in 2 weeks, or your money back.', 'Whiter teeth in 7 days and healthier gums in 2 weeks, or your money back'],
    ['Order a trial pack today and see the difference in days, or your money back.', 'or your money back'],
    ["Smoother skin by your third session, or we'll refund every penny.", "Smoother skin by your third session, or we'll refund"],
    ['Our Sleep Promise: a calmer baby within 14 nights, or get your money back.', 'a calmer baby within 14 nights, or get your money back'],
  ],
  noClaim: [
    'Satisfaction guaranteed or your money back.',
    'Love it or your money back.',
    'Not right for you? Return it within 30 days for a full refund.',
    'Every order comes with a 60-day money-back guarantee.',
    'Most health insurers give a partial refund for physiotherapy.',
  ],
});

wordingRound('unsupported-claim: after blind sets 130 to 133', {
  flags: [
    // A refund's own wording ("guaranteed", "risk-free") does not hide the result it answers for.
    ['Feel the difference in 30 days or your money back, guaranteed.', 'Feel the difference in 30 days or your money back'],
    ["Try it risk-free with our 90-day promise: you'll see visible results, or we'll give you your money back.", "you'll see visible results, or we'll give you your money back"],
    ['Feel the difference after your very first session, or your next one is free.', 'or your next one is free'],
    // A comparison about a branded product is the seller's, as one about "our" service is.
    ['FolliRise outperforms every drugstore regrowth product, without the harsh chemicals.', 'outperforms'],
  ],
  noClaim: [
    'Heart disease kills more women than any other condition.',
    'Adding the QbTest makes the diagnosis more accurate than questionnaires and interviews alone.',
    'Dr McDonald found the new dressing more effective than gauze.',
    // A guarantee of the service, not of an outcome.
    'Same-day appointments guaranteed when you book before 11am.',
    'We guarantee an appointment within 48 hours.',
  ],
});

wordingRound('unsupported-claim: after blind sets 138 to 141', {
  flags: [
    ['Nothing else on the market comes close.', 'Nothing else on the market comes close'],
    ['Nothing works faster for knocks and sprains.', 'Nothing works faster'],
    ['Nothing works faster or lasts longer than PollenEase.', 'Nothing works faster'],
    ['Our 30-minute HIIT classes torch fat like nothing else.', 'like nothing else'],
    ['Over 20,000 athletes trust RecoverWell, and nobody recovers faster than our customers.', 'nobody recovers faster than'],
  ],
  noClaim: ['If nothing helps after a week, see your GP.', 'Doing nothing for longer than a week is not advised.', 'Nothing works better than stopping smoking for your lungs [1].\n\n1. Smith J. Smoking. BMJ. 2020;1:1.'],
});

wordingRound('unsupported-claim: after blind sets 142 to 145', {
  flags: [
    ["We can tell you the sex from 16 weeks, and we guarantee 100% accuracy – or your next scan is on us.", '100% accuracy'],
    ['Our rapid test is 100 percent accurate.', '100 percent accurate'],
    ['With DreamDrift, your baby is 100% protected from SIDS, so you can finally relax.', '100% protected from'],
    ['Our panel picks up thyroid disease years before your GP would.', 'years before your GP would'],
    ['Together, laser and hypnotherapy are far more powerful than willpower, patches or gum.', 'far more powerful than'],
    ['No other thyroid supplement comes close to ThyroBalance Plus for purity and results.', 'No other thyroid supplement comes close'],
    ["It's the only sleep system designed to have your baby sleeping through the night by 12 weeks.", 'the only sleep system designed to'],
    ['Unlike prescription thyroid hormone, our formula works with your body instead of overriding it.', 'Unlike prescription thyroid hormone, our formula'],
    ['Unlike apps, our small groups give you the support of real people.', 'Unlike apps, our small groups'],
    ['Recommended by more midwives than any other pregnancy vitamin.', 'Recommended by more midwives than'],
    ['Milk thistle detoxes and regenerates your liver while you sleep.', 'detoxes and regenerates your liver'],
    ['Bulletproof your immune system this winter.', 'Bulletproof your immune system'],
    ['The DreamDrift Sleep Bundle is the secret weapon thousands of parents swear by.', 'secret weapon'],
    ['Just one 45-minute session is equivalent to three days at the seaside!', 'is equivalent to three days'],
  ],
  noClaim: [
    "You'll often hear cupping called the secret weapon of elite athletes.",
    "I've heard it called a miracle cure, but the trials say otherwise.",
    'Unlike the boil-and-bite guards sold online, our devices are made from digital scans of your teeth.',
    'Unlike a cold, hay fever does not cause a fever.',
    'No other symptoms are usually present.',
    'It is the only clinic in the county open on Sundays.',
    'Return it within 30 days, or your next order is free of delivery charges.',
  ],
});

wordingRound('unsupported-claim: after blind sets 146 to 149', {
  flags: [
    ["If CranGuard Max doesn't keep your bladder healthy, we'll refund you in full within 60 days.", "If CranGuard Max doesn't keep your bladder healthy, we'll refund"],
    ["If your body doesn't feel cleaner and lighter, we'll give you a full refund.", "If your body doesn't feel cleaner and lighter"],
    ['It works faster and harder than any other cranberry product on the market.', 'harder than any other cranberry product on the market'],
    ['Unlike the NHS check, which looks at only a handful of measurements, ours gives you the complete picture.', 'Unlike the NHS check'],
    ['Our facet injections are the gold-standard treatment for arthritic back pain.', 'the gold-standard'],
    ['Restoring your NAD+ is the secret to ageing well.', 'is the secret to'],
    ['Our health MOT will catch any problem before it becomes serious.', 'catch any problem before'],
    ['In my view, statins are the single greatest advance in preventive medicine of the last fifty years.', 'the single greatest advance'],
  ],
  noClaim: [
    "Try FlexiJoint risk-free: our 60-day money-back guarantee means that if you're not happy, we'll refund you in full.",
    "If you don't love it, we'll give you a full refund.",
    'Good sleep habits are a sensible place to start, but on their own they rarely cure long-term insomnia.',
    'Hormone injections are seldom a cure for this.',
    'Wearing sunglasses on the way home cuts the morning light that would otherwise reset your body clock.',
    'Unlike a cold, which clears in a week, hay fever lasts all season.',
  ],
});

wordingRound('unsupported-claim: after blind sets 150 to 157', {
  flags: [
    ["There's no better way to look after your gut than eating real, home-cooked food.", "There's no better way to"],
    ['For many of them, our programme has been nothing short of life-changing.', 'nothing short of life-changing'],
    ['Curcumin, the golden compound in turmeric, is nature\'s own chemotherapy.', "nature's own chemotherapy"],
    ['Give your body a natural boost and supercharge your recovery after treatment.', 'supercharge your recovery'],
    ['Acupuncture rebalances the flow of qi and restores your natural ability to heal yourself.', 'rebalances the flow of qi'],
    ['Just chill it, strap it on and feel the difference in minutes.', 'feel the difference in minutes'],
    ['Clients typically see dramatic results within the first few weeks.', 'see dramatic results'],
    ['Join over 50,000 happy customers who have already found relief.', 'customers who have already found relief'],
    ['The purest, most bioavailable marine collagen you can buy.', 'The purest'],
  ],
  noClaim: [
    'Laser resurfacing gives more dramatic results than chemical peels, although the recovery takes longer.',
    'Most customers feel the difference within a week.',
    'Some patients who have found relief with physiotherapy still need painkillers.',
  ],
});

wordingRound('unsupported-claim: after blind sets 162 to 165', {
  flags: [
    ['Each band gives up to 200 hours of total protection for adults and children alike.', 'total protection'],
    ["It's the only plant-based repellent that really works, and it smells fresh and zesty.", 'the only plant-based repellent that really works'],
    ['That means maximum immune power exactly when you need it most.', 'maximum immune power'],
    ['Bulletproof immunity for your whole trip.', 'Bulletproof immunity'],
    ['For rolling and boxcar acne scars, nothing else I offer comes close to a course of fractional CO2.', 'nothing else I offer comes close'],
    ['Week 12: firmer, plumper, visibly younger skin.', 'visibly younger'],
    ['Wake up to smoother, firmer, younger-looking skin.', 'younger-looking skin'],
    ['It is gentler than any other retinol on the market.', 'gentler than any other retinol on the market'],
    ['A serum more soothing than any other cream you can buy.', 'more soothing than any other cream you can buy'],
    ['The Vampire Glow Facial is the ultimate natural anti-ageing treatment.', 'the ultimate'],
    ['The ultimate winter defence: nothing keeps colds away like it.', 'The ultimate'],
    ['Nothing keeps colds away like it.', 'Nothing keeps colds away like it'],
    ["Manchester's most trusted IV lounge, with over 4,000 five-star reviews.", 'most trusted'],
    ["That's why you'll walk out feeling euphoric, focused and ready for anything.", 'walk out feeling euphoric'],
    ['Mito Restore is our most advanced formula yet, for anyone living with long-lasting tiredness.', 'our most advanced formula'],
    ['Our platelet-rich plasma will turbo-charge healing and deliver next-level rejuvenation.', 'turbo-charge healing'],
    ['Most are back at work within six months, and many tell us they have fully recovered.', 'many tell us'],
  ],
  noClaim: [
    'No tablet gives complete protection, so avoid bites as well.',
    'Two doses of the vaccine give almost complete protection against the disease.',
    'The ultimate goal of treatment is to keep you walking without pain.',
    'For the ultimate in comfort, wear loose cotton clothes after the procedure.',
    'Of all the repellents tested, DEET was the only one that really worked for more than four hours.',
    'Nothing prepares you for a diagnosis like this.',
    'Smoking damages the lungs more than any other habit.',
  ],
});

wordingRound('unsupported-claim: after blind sets 166 to 169', {
  flags: [
    ['The highest-strength berberine formula on the market.', 'The highest-strength berberine formula on the market'],
    ['The strongest formula on the market.', 'The strongest formula on the market'],
    ['Janet from Leeds saw her HbA1c fall from 58 to 44 in just three months.', 'Janet from Leeds'],
    ['James cut his HbA1c from 71 to 45 mmol/mol in twelve weeks and no longer takes metformin.', 'James cut his'],
    ['Sarah was diagnosed with type 2 diabetes in 2016 and put herself into remission within five months.', 'Sarah was diagnosed with'],
    ['Our patients achieve better blood sugar control with us than they ever managed on the NHS.', 'with us than'],
    ['Our formula is three times stronger than ordinary saw palmetto capsules.', 'three times stronger than ordinary'],
    ["Feel the power of nature's most potent aphrodisiacs.", "nature's most potent"],
    ['The legendary puncture vine unleashes your inner alpha.', 'unleashes your inner'],
    ['Over 50,000 customers have already felt the difference.', 'customers have already felt the difference'],
    ['Our nurses will have you feeling human again in under an hour.', 'have you feeling human'],
    ['Book today and take the first step towards a pain-free future.', 'a pain-free future'],
    ['Today, thousands of our customers swear by it.', 'thousands of our customers swear by'],
    ['Everything in the programme is 100% natural and gentle enough for anyone.', 'gentle enough for anyone'],
    ['Our FUE technique leaves no scarring.', 'leaves no scarring'],
    ['This is the only programme that treats the root cause of diabetes.', 'the only programme that'],
    ['Medication can bring the numbers down, but it just masks the problem.', 'just masks the problem'],
    ['No other campaign in the North reaches as many men as we do.', 'No other campaign in'],
    ['Last year 62% of the people who completed treatment with us left free of dependence, well above the national average.', 'well above the national average'],
    ['Move freely again.', 'Move freely again'],
  ],
  noClaim: [
    'These medicines clear the virus in most people, and most people have few or no side effects.',
    'Most people recover within two weeks.',
    'Sarah, the practice nurse, will check your feet at every review.',
  ],
});

wordingRound('unsupported-claim: after blind sets 170 to 173', {
  flags: [
    ['Finally, a natural answer to the ringing in your ears.', 'a natural answer to'],
    ['It is recommended by leading ENT specialists across the country.', 'recommended by leading ENT specialists'],
    ['Many customers find that the ringing fades as their hearing comes back.', 'Many customers find'],
    ['Feel the difference in just 14 days.', 'Feel the difference in just 14 days'],
    ['Our clients consistently progress faster here than they ever did in conventional rehab.', 'here than'],
    ['Nowhere else in the South West offers this level of expertise under one roof.', 'Nowhere else in'],
    ["You won't find a more experienced team anywhere in the South East.", "You won't find a more experienced team anywhere"],
    ['Natural desiccated thyroid is a gentler option that works in harmony with your body.', 'works in harmony with your body'],
    ['With VitaFlow, puffy ankles become a thing of the past.', 'become a thing of the past'],
    ["It's no wonder VitaFlow is the UK's best-rated compression sock.", "the UK's best-rated"],
    ['In our pressurised chamber you breathe pure oxygen, flooding the brain with the fuel it needs to heal.', 'flooding the brain with'],
  ],
  noClaim: [
    'You will find a list of local pharmacies on our website.',
    'Most patients find the procedure less painful than they expected.',
    'Ask your GP where else in the area offers the test.',
    'Bunions are more common here than in countries where people go barefoot.',
  ],
});

describe('unsupported-claim: customers\' outcomes in plain words (after blind sets 170 to 177)', () => {
  it('reads them in a quotation as testimonials', () => {
    const cases: [string, string][] = [
      ['"I put my hearing aids in a drawer after a month and haven\'t needed them since."', "haven't needed them since"],
      ['"This summer, on PollenShield, I didn\'t sneeze once."', "didn't sneeze once"],
      ['"Finally off my antidepressants thanks to this!"', 'Finally off my antidepressants'],
      ['"Dr Mehta found the cause at the first visit and his skin has been clear ever since."', 'been clear ever since'],
      ['"We flew to Bangkok and I got off the plane with no puffiness at all."', 'no puffiness at all'],
      ['"My heels don\'t ache at all now."', "don't ache at all"],
      ['"Much better than the levothyroxine my doctor gave me!"', 'Much better than the levothyroxine my doctor gave'],
    ];
    for (const [text, found] of cases) assert.deepEqual(lexiconClaimsIn(text), [found], text);
  });

  it('leaves what is no outcome, and the same words outside a customer\'s quotation', () => {
    assert.deepEqual(lexiconClaimsIn('"The waiting room is much better than the old one."'), []);
    assert.deepEqual(lexiconClaimsIn('"I didn\'t mind the noise once I got used to it."'), []);
    assert.deepEqual(lexiconClaimsIn('Most people have no symptoms at all.'), []);
  });
});

describe('unsupported-claim: "no wonder" and "no doubt" affirm (after blind sets 170 to 173)', () => {
  it('reads the claim after them as the author\'s', () => {
    assert.ok(lexiconClaimsIn("It's no wonder VitaFlow is the UK's best-rated compression sock.").length > 0);
    assert.ok(lexiconClaimsIn('There is no doubt that our serum is the most effective on the market.').length > 0);
    assert.deepEqual(lexiconClaimsIn('No cream is the most effective for everyone.'), []);
  });
});

describe('unsupported-claim: "one of nature\'s most potent" is not the lexicon\'s superlative (after blind sets 166 to 169)', () => {
  it('leaves it to the claim classifier, as "one of the most effective"', () => {
    assert.deepEqual(lexiconClaimsIn("Turmeric contains curcumin, one of nature's most potent anti-inflammatories."), []);
    assert.ok(lexiconClaimsIn("Turmeric contains curcumin, nature's most potent anti-inflammatory.").length > 0);
  });
});

describe('unsupported-claim: a first-person "best ... I\'ve ever made" is no superlative of the seller', () => {
  it('reads "the best decision I\'ve ever made" as no claim, and "the best formula ever made" as one', () => {
    assert.deepEqual(claimsIn('The best decision I\'ve ever made was to ask for help.'), []);
    assert.ok(claimsIn('The best joint formula ever made.').length > 0);
  });
});

describe('unsupported-claim: a signed quotation is one testimonial (after blind sets 118 to 121)', () => {
  it('reports the outcome once, not again at the signature of the quotation that told it', () => {
    assert.deepEqual(claimsIn('"I was so nervous, but I didn\'t feel a thing. I\'d recommend Clarendon to anyone!" – Sophie, 27'), ["didn't feel a thing"]);
    assert.deepEqual(claimsIn('"My skin cleared in a fortnight after years of trying every cream on the market. Thank you!" - Jason R., Austin, TX'), ['My skin cleared in']);
  });

  it('finds the outcome of the signed sentence itself, where the signature was all it found (both reported, as in one sentence before)', () => {
    assert.deepEqual(claimsIn('"Lovely team. My curve went from 50 degrees to almost straight." – Mark, 52'), ['went from 50 degrees to', '– Mark']);
    assert.deepEqual(claimsIn('"My biological age dropped by eleven years in six months." - Richard, Surrey'), ['age dropped by', '- Richard']);
  });

  it('still finds a signed first-person quotation with no outcome words of its own, and reports each of two quotations', () => {
    // The lexicon finds the signature; whether a quotation that tells no outcome is reported is the
    // claim classifier's call (the labelled articles label "The team made me feel so relaxed, and
    // the clinic is beautiful." – Jo none, and setting such quotations aside saves some 70 false
    // findings over them: test/eval/README.md, "Sets 214 to 217"). Its verdict moves with
    // the training: the models of 2,075 articles scored this one 0.36, those of 2,235 0.28 (under
    // the veto of 0.3), those of 2,315 and 2,355 0.36 and 0.37, those of 2,435 and 2,475 0.25 (under it again), those of 2,515 0.23, those of 2,595 0.29, those of 2,635 (weights under 0.08 left out) 0.29, those of 2,675 0.28, those of 2,715 0.25, those of 2,755 0.20, those of 2,795 0.19, those of 2,835 0.19, those of 2,875 0.16, those of 2,915 0.13, those of 2,995 0.12, those of 3,035 0.12.
    assert.deepEqual(lexiconClaimsIn('"I am so grateful to the whole team." – Ann, Leeds'), ['– Ann']);
    // Two quotations of one sentence each: each its outcome and its signature.
    assert.deepEqual(claimsIn('"My pain was gone after one visit." – Ann, Leeds. "I slept through the night again." – Bob, York'), ['was gone', '– Ann', 'slept through', '– Bob']);
  });
});

describe('unsupported-claim: the outcome that stands for a signed quotation offers no rewording', () => {
  it('asks to remove the testimonial, since reworded it would still be one and its signature would be reported', () => {
    const text = '"I was so nervous, but I didn\'t feel a thing. I\'d recommend Clarendon to anyone!" – Sophie, 27';
    const found = lint(text, { kind: 'plaintext' }).findings.filter((f) => f.ruleId === 'unsupported-claim');
    assert.equal(found.length, 1);
    assert.equal(found[0].fixes, undefined);
    assert.match(found[0].message, /remove it/);
  });
});

// "Permanently" and "for good" of a harm or of a condition's own course are no promise (blind
// set 182 and ten earlier articles: "the sight in that eye can be permanently damaged").
wordingRound('unsupported-claim: permanence of a harm or of a natural course (after blind sets 182 to 185)', {
  flags: [
    ['Our laser permanently repairs damaged skin.', 'permanently'],
    ['Our laser permanently reduces wrinkles.', 'permanently'],
    ['Our programme cures back pain for good.', 'for good'],
    // "once" blocks only right after the match (the laser article: "permanently, so once your course is finished").
    ['Laser removes unwanted hair permanently, so once your course is finished you can throw away your razor.', 'permanently'],
    // A promise of recovery in general words, and proof claimed for an alternative (sets 184, 185).
    ['With the right support, you will recover.', 'you will recover'],
    ["Stick with the plan and you'll be back to normal in a week.", "you'll be back to normal"],
    ['TENS is a proven alternative to painkillers for cramps.', 'proven alternative'],
  ],
  noClaim: [
    'Without urgent treatment, the sight in that eye can be permanently damaged.',
    'Fresh scars can darken permanently if they get too much sun.',
    'Newly healed skin burns easily in the sun and can darken for good.',
    'In bronchiectasis some of the airways become permanently widened.',
    'A deep peel often leaves the skin permanently paler.',
    'The pain goes away for good once the growth plate fuses.',
  ],
});

wordingRound('unsupported-claim: hype, absolutes and reported promises (after blind sets 186 to 189)', {
  flags: [
    ['Valerian tea before bed is nature’s sleeping pill.', 'nature’s sleeping pill'],
    ['Day 4: this is where the magic happens.', 'where the magic happens'],
    ['Within a week the bloating melts away.', 'bloating melts away'],
    ['A balanced microbiome is the key to lasting health.', 'is the key to lasting health'],
    ['Our gummies give your child everything a growing child needs in one bite.', 'everything a growing child needs'],
    ['Our herbal blend calms hot flushes without a single side effect.', 'without a single side effect'],
    ['Left unaddressed, poor sleep will follow your child into adulthood.', 'Left unaddressed'],
    ['If left unresolved, the pain will persist for years.', 'left unresolved'],
    // Customers' outcomes, reported or quoted; results against a refund; nothing else compares.
    ['Many customers on statins tell us CoQ10 has stopped their muscle aches completely.', 'customers on statins tell us'],
    ['★★★★★ "My blood pressure has come right down since I started these.', 'come right down since'],
    ['"After two failed rounds elsewhere, we got our twin girls from our very first transfer here."', 'got our twin girls'],
    ['Our programme means you take home a baby or get 100% of your fees back.', 'get 100% of your fees back'],
    ['Nothing else gives your baby such a perfect start in life.', 'othing else gives your baby such a'],
    ["By day five you'll finish lighter and clearer-headed.", "you'll finish lighter"],
    ['Our cuff gives you hospital-grade readings at home.', 'hospital-grade readings'],
    // The long tail of earlier sets' missed claims, in general forms.
    ['If you ignore it, the redness will get worse and worse.', 'If you ignore it'],
    ['Left untreated, low oestrogen will weaken your bones.', 'Left untreated'],
    ['This app will make you calmer in five minutes a day.', 'will make you calmer'],
    ['You will feel your brain fog lift within a month.', 'feel your brain fog lift'],
    ['Screening early means you will avoid years of suffering.', 'means you will avoid'],
    ["With our drops you'll never have to give up cheese again.", 'never have to give up'],
    ['Use the pen anyway: it will not do you any harm.', 'will not do you any harm'],
    ['Bonding is 100% reversible.', '100% reversible'],
    ["Unleash your body's fat-burning potential.", 'Unleash your'],
    ['Unlock cellular youth with every capsule.', 'Unlock cellular youth'],
    ['Supercharges their immune system with every chew.', 'Supercharges their immune system'],
  ],
  noClaim: [
    // Others' promises, reported with "that" however long the clause.
    'Some sellers go further and promise that cutting out your trigger foods will clear up migraines, eczema and weight problems for good.',
    'You may read that a special diet will clear endometriosis for good.',
    'You might hear that this supplement cures arthritis.',
    // An open question, and safety for most people.
    'Nobody has checked how much hormone each batch contains or whether they are safe.',
    'For most healthy people they are safe, and the usual side effects are mild.',
    // What a clinic offers is not an outcome promised.
    'Our nutrition coaches offer a structured, fully supported way to lose weight.',
    'Many parents of toddlers tell us they were told to wait.',
    'You will leave feeling more confident about managing your diabetes.',
    'Left untreated, most cases will settle on their own.',
    'This may make you feel calmer.',
  ],
});

wordingRound('unsupported-claim: after blind sets 190 to 193', {
  flags: [
    ['Implants look, feel and function exactly like your own teeth.', 'exactly like your own teeth'],
    ["Walk out with the camera-ready smile you've always wanted.", "smile you've always wanted"],
    ['Porcelain is the premium choice for a flawless finish.', 'a flawless finish'],
    ['At our sleep clinic, we treat the cause, not just the symptoms.', 'treat the cause, not just the symptoms'],
    ['Early diagnosis is the key to beating dementia.', 'is the key to beating'],
    ['With our plan, you can stop memory decline in its tracks.', 'stop memory decline in its tracks'],
    ['Fresher breath from the very first lozenge.', 'from the very first lozenge'],
    ["We've built the North West's most advanced hair restoration programme.", 'most advanced hair restoration programme'],
    // Customers' words: an outcome from the first night, in shades, since starting; a new lease of life.
    ['"It worked from night one!"', 'worked from night one'],
    ['"My teeth went eight shades whiter in one appointment."', 'went eight shades whiter'],
    ['★★★★☆ "My hands feel much less stiff in the mornings since I started these."', 'much less stiff'],
    ['"Better than any prescription sleeping pill I\'ve tried."', 'Better than any prescription'],
    ['Patients in their 80s and 90s regularly tell us the operation has given them a new lease of life.', 'a new lease of life'],
    // A second predicate after "and" is out of the first one's negation.
    ["It takes two minutes, doesn't hurt and is completely safe for children.", 'completely safe'],
  ],
  noClaim: [
    // A figure of customers is a statistic (missing-citation), not testimony.
    '9 out of 10 customers say they snore less within a week.',
    'By the end of the programme, 94% of our clients report sleeping better.',
    "We fit hearing aids from the world's leading manufacturers.",
    'A vasectomy is a minor operation to make a man permanently sterile.',
    'Many of our PRP patients notice thicker, fuller hair after a course of three sessions.',
  ],
});

wordingRound('unsupported-claim: after blind sets 194 to 197', {
  flags: [
    ['The only air purifier your family will ever need.', 'your family will ever need'],
    ['★★★★★ "Our son\'s asthma has been so much better since we got this."', 'so much better since we got'],
    ['Follow these steps and your child will sail through the term without a single asthma attack.', 'without a single asthma attack'],
    ["Finish the course and you'll be breathing freely for the rest of your life.", 'for the rest of your life'],
    ['High-dose vitamin C becomes a powerful weapon against cancer cells.', 'a powerful weapon against'],
    ['My eating plan will strengthen your immune system.', 'will strengthen your'],
    ["Our same-day service simply can't be beaten.", "can't be beaten"],
    ["Take it every day and you'll breeze through the winter cold-free.", 'cold-free'],
    ["Getting vaccinated means you won't spend Christmas in bed.", "means you won't spend"],
    ["Follow the tips and you won't lose a single day of your holiday.", "you won't lose a single"],
    ['Gentle enough for even the most reactive skin.', 'Gentle enough for even the most reactive skin'],
    ['Visible results from the very first flash.', 'from the very first flash'],
    ['★★★★★ "I haven\'t shaved my legs in eight months.', "haven't shaved my legs"],
  ],
  noClaim: [
    // A warning covers all it warns of; most of them are harmless; a device's durability; a turnaround.
    "Be wary of anyone who tells you their injections are completely safe or that you'll look ten years younger.",
    'Most of the moles people bring me are harmless.',
    "With 400,000 flashes in every lamp, it's built to last a lifetime of treatments.",
    'Results guaranteed within seven working days.',
  ],
});

wordingRound('unsupported-claim: after blind sets 198 to 201', {
  flags: [
    // "no surprise", "no secret" negate their own noun; "no X, just Y" affirms Y.
    ["It's no surprise we're the highest-rated chiropractic clinic in Leeds.", 'the highest-rated chiropractic clinic in Leeds'],
    ['No fillers, no nasties, just nature at its most powerful.', 'nature at its most powerful'],
    ["If you're not pain-free after six sessions, your next session is on us.", "If you're not pain-free after six sessions, your next session is on us"],
    ['Book a course of five sessions, keep your muscles in peak condition and make injuries a thing of the past.', 'make injuries a thing of the past'],
    ['Dry needling gives instant lasting relief.', 'instant lasting relief'],
    ['Stick with the programme and I can promise your tendon will end up stronger than before.', 'I can promise your'],
    ['Over the years, waste and toxins can build up on the walls of your colon.', 'build up on the walls of your colon'],
    ['A single session can release years of trapped waste.', 'trapped waste'],
    ['Your gut will thank you.', 'Your gut will thank you'],
    ['Our own SpineAlign technique gets results even when physio, painkillers and injections have all failed.', 'gets results even when'],
    ['★★★★★ "The only supplement that\'s ever worked for me"', "The only supplement that's ever worked"],
    ["I've never had a client who didn't feel better for cutting gluten out.", "never had a client who didn't"],
    ['"Nothing else has ever worked like this for me." – Jordan', 'Nothing else has ever worked like this'],
    ['Regular reiki keeps your immune system strong.', 'keeps your immune system strong'],
    ['Our herbal tonic keeps your family free from colds all winter.', 'keeps your family free from colds'],
    ['Our practitioners have helped hundreds of couples become parents.', 'helped hundreds of couples'],
    ['Modern science has now proven what healers knew all along.', 'science has now proven'],
  ],
  noClaim: [
    // Others' standing, not the seller's; an effect labelled for a source; the negation still reaches its claim.
    "It's no surprise that several of the world's leading longevity researchers take it themselves.",
    'An injection goes straight into the muscle, so it works even when tablets have failed.',
    'It is not a cure, just a way to ease symptoms.',
    "If you're not happy after six sessions, your next session is on us.",
  ],
});

wordingRound('unsupported-claim: after blind sets 202 to 205', {
  flags: [
    ['Our health MOTs pick up hidden heart disease before it ever becomes a problem.', 'pick up hidden heart disease'],
    ['The Kinetica app is the only wellbeing app your team will ever need.', 'your team will ever need'],
    ["Asking for help early means you'll bounce back in no time.", "you'll bounce back in no time"],
    ['Melts away stress and anxiety in days.', 'Melts away stress'],
    ['"Three weeks on Steady Mind and I feel like a different person."', 'feel like a different person'],
    ['With NeuroReach, every client makes measurable progress, however long ago their stroke was.', 'every client makes'],
    ['Put simply, regular exercise does more for your brain than any supplement on the market.', 'than any supplement on the market'],
    ['Glucose spikes are the hidden cause of weight gain, poor sleep, brain fog and premature ageing.', 'the hidden cause of'],
    ["If you're healthy and curious, there's no harm in trying one.", "there's no harm in trying"],
    // Still claims: a frequency does not qualify the seller's own product; a rank of a service; "our best".
    ['Our tablets have no side effects.', 'no side effects'],
    ['The most accurate skin cancer detection in Manchester.', 'The most accurate skin cancer detection in Manchester'],
  ],
  noClaim: [
    // A frequency for its subject; a figure of customers (a statistic); a side effect's harmlessness;
    // one's best; a condition's rank; advice; a service every client gets.
    'Most men who take finasteride have no side effects.',
    'Most people take statins for years without any side effects at all.',
    'Across our clinics, 92% of clients have come off all their diabetes medication by the end of week 12.',
    'Across our clinics, 9 out of 10 clients have come off all their diabetes medication by the end of week 12.',
    'Entacapone can turn your urine a harmless reddish-brown colour.',
    'We recommend a maintenance session every four to six months to keep your results looking their best.',
    "It's also the fastest-growing neurological condition in the world.",
    'If the pain flares, the best thing to do is rest for a day.',
    'Every client gets a named prescriber and same-week replies to messages.',
  ],
});

wordingRound('unsupported-claim: after blind sets 206 to 209', {
  flags: [
    ["Whatever the label turns out to be, understanding how your child's brain works will change everything.", 'will change everything'],
    ['Meet the knickers that change everything.', 'that change everything'],
    ['Science now knows that your microbiome is the master key to almost every aspect of your health.', 'is the master key to'],
    ['Our patients are the living proof.', 'are the living proof'],
    ['Swap two meals a day for a ShapeDay shake and watch the pounds simply melt away.', 'pounds simply melt away'],
    ['You will drop a dress size after your very first session!', 'You will drop a dress size'],
    ["That's like doing 11,000 Kegels without lifting a finger!", 'like doing 11,000 Kegels'],
    ['"After my sixth session I did a full HIIT class without a single leak."', 'without a single leak'],
    ['Five minutes a day is all it takes to transform your pelvic floor.', 'is all it takes to transform'],
    ['★★★★★ "Beats any other trainer I\'ve tried, hands down."', 'Beats any other'],
    ['One lady I saw, aged 82, went from getting up five times a night to once, just by swapping her evening tea.', 'One lady I saw'],
    ['Whatever your age, you can get your bladder back under control.', 'get your bladder back under control'],
    // A guarantee of results is still one.
    ["We're so confident in T-MAX that every first order comes with our 60-day results guarantee.", 'guarantee'],
  ],
  noClaim: [
    // What others would have you believe; a guarantee of happiness; a condition's own reach.
    "Social media would have you believe that fasting melts fat in a way ordinary diets can't.",
    'Brands want you to think that their pills melt fat.',
    "Try them with our 30-day happiness guarantee: if you're not happy, send them back for a full refund.",
    "Every pair comes with our 90-day Happy Feet Guarantee: if your child doesn't love them, send them back.",
    'A stroke can change everything in an instant.',
  ],
  // A hope is no finding (the models of 2,075 articles scored the first 0.62).
  noSource: ['Researchers hope to find a cure within a decade.', 'Scientists are trying to develop a vaccine for it.'],
});

wordingRound('unsupported-claim: after blind sets 210 to 213', {
  flags: [
    ['Unlike supplements, the results are instant.', 'the results are instant'],
    ['"After my third Energy Reboot I went for my first run in months."', 'my first run in months'],
    ['Unlike a knee replacement, stem cell therapy treats the root cause of your arthritis.', 'treats the root cause of your'],
    ['Vitamin C seeks out cancer cells while leaving healthy tissue completely unharmed.', 'leaving healthy tissue completely unharmed'],
    ['The Renewal Programme is a proven natural alternative to chemotherapy.', 'proven natural alternative'],
    ['"Three months of tracking and my blood pressure has dropped from 162/98 to 128/80."', 'pressure has dropped from'],
  ],
  noClaim: [
    // A denial of evidence covers what it denies; a third party's belief.
    'There is no good evidence that any diet can cure cancer, and some very restrictive diets can leave you underweight.',
    'There is no scientific proof that this tea cures colds.',
    'Our founder was inspired by Dr Max Gerson, who believed coffee enemas heal cancer.',
  ],
});

wordingRound('unsupported-claim: after blind sets 214 to 217', {
  flags: [
    ["Honestly, for a lot of women it's the best contraception there is.", 'the best contraception there is'],
    ['My success rate is over 90 percent, far higher than patches or tablets.', 'My success rate is over 90 percent'],
    ['But I see the results in my therapy room every week, and I know it works.', 'I know it works'],
    ['Join more than 40,000 customers who have already changed their relationship with alcohol.', 'customers who have already changed'],
    ["Focus+ is your brain's best defence against dementia.", 'best defence against'],
    ['"I\'m 72 and honestly my memory is better now than it was at 50."', 'better now than'],
  ],
  noClaim: [
    // A test of cure; a warning of benefits lost; a warranty's length.
    "We'll also advise you on telling partners, and for gonorrhoea we'll book a test of cure two weeks after treatment.",
    "Keep smoking alongside vaping and you won't get the full health benefits, so aim to switch completely.",
    'Guarantee: 2 years on frame and brakes',
  ],
});

wordingRound('unsupported-claim: after blind sets 218 to 221', {
  flags: [
    // An instruction with its result promised: from the promise's "and".
    ["Take ImmuneGuard Daily+ from October to March and you'll never lose another week to a cold.", "and you'll"],
    ['Wear it for a few weeks and your muscles will learn to hold you upright on their own.', 'and your muscles will'],
    ['Book a course of sessions before the pollen arrives and you can look forward to a summer without sneezing.', 'and you can look forward to'],
    ['Give your eyes the nutrients they deserve, and notice sharper, clearer vision within weeks.', 'and notice sharper'],
    ['Take it every morning and evening from the first day of term and your child will stay attack-free all term.', 'and your child will'],
    // Customers' babies, a season come through, an ache gone any more.
    ['"After four losses we\'d almost stopped trying. Dr Shah found my clotting problem, and our twins were born last spring."', 'our twins were born'],
    // An age of two digits ("is now \d" stopped at the first digit, before a word boundary that is not there).
    ['"Our little boy Oscar is now 18 months old."', 'Our little boy Oscar is now 18'],
    ['"My daughter turned 12 last month."', 'My daughter turned 12'],
    ['★★★★☆ *"My whole family takes these now and we sailed through flu season."* Claire, verified buyer', 'sailed through flu season'],
    ['"I\'m sitting up straighter and my shoulders don\'t ache at the end of the day any more." - Priya K., verified buyer', "don't ache at the end of the day any more"],
    // A share of the clinic's regulars with their flare-ups shortened.
    ['Many of our regulars tell us their flare-ups have become shorter and less frequent since they started coming.', 'Many of our regulars'],
  ],
  noClaim: [
    // What the visit brings; what an instruction warns of; an instruction with an "or".
    "Book online and you'll be seen within 48 hours.",
    "Take it with alcohol and you'll feel drowsy.",
    "Use the spray twice a day and you'll need a new bottle every month.",
    "Take it with food or you'll feel sick.",
  ],
});

wordingRound('unsupported-claim: after blind sets 222 to 225', {
  flags: [
    // A star-rated review's words, and customers' outcomes in new words.
    ['★★★★★ "No more bloating after meals. I can wear my jeans again!" Tom, verified buyer', 'No more bloating'],
    ['★★★★☆ "Took a couple of weeks to notice anything but definitely less gassy now." Sam, verified buyer', 'less gassy now'],
    ['★★★★★ "My pigmentation has faded and my friends keep asking what I\'ve done!"', 'has faded'],
    ['"I have more energy now than I did in my twenties." — Claire, 41', 'more energy now than'],
    ['"I\'m out like a light in 15 minutes every night!" — Jessica R., verified buyer', 'out like a light'],
    ['"Better than two years of therapy."', 'Better than two years of therapy'],
    ['Regular clients tell me their skin has never looked better.', 'Regular clients tell me'],
    ['Colonic hydrotherapy is our most popular treatment, and clients walk out of our door feeling lighter, brighter and full of energy.', 'clients walk out of our door feeling lighter'],
    ['Scientists agree that CBD is the future of natural anxiety relief, and thousands of our customers have already swapped their prescription tablets for CalmLeaf.', 'swapped their prescription tablets'],
    ["Honestly, in eight years I've yet to meet a client who didn't feel better after working through it with me.", "yet to meet a client who didn't feel better"],
    // Promises, absolutes and superiority in new words.
    ['One session will make a noticeable difference, but most clients book a course of three.', 'One session will make a noticeable difference'],
    ['After a course, you will find your digestion works better than it has in years.', 'works better than it has in years'],
    ['Clinic-grade results at home, for a fraction of the price of a course of salon sessions.', 'Clinic-grade results'],
    ['Our cosmetic mole removal is completely scar-free.', 'completely scar-free'],
    ['Our time-release encapsulation means zero irritation, even on sensitive skin.', 'zero irritation'],
    ['Our AI-assisted software spots changes no human eye could ever detect.', 'no human eye could ever detect'],
  ],
  noClaim: [
    // A practitioner's own patients' news, and what some find easier, are not their results.
    "Every winter more of my patients tell me they've joined a sea-swimming group or bought an ice bath.",
    'But some of my clients find a fixed eating window far easier than counting calories, and that is a perfectly good reason to try it.',
  ],
});

wordingRound('unsupported-claim: after blind sets 226 to 229', {
  flags: [
    ['Results you can feel in as little as two weeks!', 'Results you can feel in as little as'],
    ["Whatever stage you're at, we'll help you feel like yourself again within weeks.", "we'll help you feel like yourself again"],
    ["You'll see a whiter smile after your very first session.", "You'll see a whiter smile"],
    ['Dental implants give you back a smile you can be proud of, with teeth that look, feel and function exactly like natural ones.', 'function exactly like natural ones'],
    ['For others, the pressures of birth linger, and our gentle hands-on treatment melts away that tension.', 'melts away that tension'],
    ['The secret to a healthy mouth is a balanced microbiome.', 'The secret to a healthy mouth'],
    ['Our formula is so gentle that it suits everyone, even people with sensitive teeth.', 'suits everyone'],
    ["It's an incredible anti-aging hormone that helps you feel strong, sharp and confident again.", 'anti-aging hormone'],
    ['Omega-3s also calm inflammation throughout the body, keeping your arteries young and flexible.', 'keeping your arteries young'],
    ['Packed with immune-boosting vitamin C and zinc, they will help your little one power through the winter.', 'immune-boosting'],
    ['Give your child the healthiest possible start with the natural, drug-free choice loved by thousands of parents.', 'loved by thousands of parents'],
    // A customer's words: a rival treatment bettered, a problem found and fixed, gums improved.
    ['"Honestly better than the £400 whitening I had at the dentist."', 'Honestly better than the £400 whitening'],
    ['"FreshStart found the problem in minutes and fixed it."', 'found the problem in minutes and fixed it'],
    ['"My hygienist couldn\'t believe how much my gums had improved in three months."', 'believe how much my gums had improved'],
  ],
});

wordingRound('unsupported-claim: after blind sets 230 to 233', {
  flags: [
    ['One of my patients, a retired teacher with ovarian cancer, sailed through six cycles of chemo on mistletoe.', 'One of my patients'],
    ["Every client I've worked with has finished treatment with more energy than they expected.", "Every client I've worked with has"],
    ["Small changes now mean you won't end up on tablets or injections later.", "mean you won't end up"],
    ['"Six weeks after I started proper compression, it had healed."', 'had healed'],
    ['"After a month with the BreatheStrong I can walk the dog round the park without stopping."', 'After a month with the BreatheStrong I'],
    ['Just 30 breaths, twice a day, is all it takes to build a stronger diaphragm.', 'is all it takes to'],
    ["Because it's a natural plant extract, there's really nothing to worry about when you combine it with chemotherapy.", 'nothing to worry about when you combine'],
    ['Juicing floods every cell with the enzymes and nutrients it needs to fight back.', 'floods every cell'],
    ['No more diets and no more yo-yo: just lasting results.', 'No more diets'],
    ['Turmeric has been used by thousands of patients around the world to beat cancer naturally.', 'beat cancer naturally'],
  ],
  // A finding with an adverb before "been found to" (missing-citation's study cue).
  cue: ['Slimming products bought online have also been found to contain undeclared prescription drugs.'],
});

wordingRound('unsupported-claim: after blind sets 234 to 237', {
  flags: [
    ['Quite simply, nobody in the North West does sports injury rehab better.', 'nobody in the North West does sports injury rehab better'],
    ['Nobody in the UK offers more personalised hormone care.', 'Nobody in the UK offers more'],
    ['That means 100% absorption, every time, something no supplement on the shelf can match.', 'no supplement on the shelf can match'],
    ['A spoonful of manuka honey in warm water soothes a sore throat and heals it faster than any lozenge.', 'faster than any lozenge'],
    ['Turns back your cellular clock', 'Turns back your cellular clock'],
    ['Reverses cellular ageing from the inside out', 'Reverses cellular ageing'],
    ["100% leak-proof, guaranteed, or we'll replace them free.", '100% leak-proof'],
    ['Completely odour-free, all day long.', 'Completely odour-free'],
    ["I eat two raw cloves a day from October to March and haven't had a cold in years.", "haven't had a cold in years"],
    ['"I walked in feeling fifty-five and walked out with the energy I had at thirty-five.', 'the energy I had at thirty-five'],
    ['"Down 6kg of fat and up 4kg of muscle in twelve weeks.', 'Down 6kg'],
  ],
  noClaim: [
    // How often customers feel it is a frequency, missing-citation's (no "feel the difference within days" promise).
    "ArchPro's patented arch design takes the strain off the fascia so it can heal, and most customers feel the difference within days.",
  ],
});

wordingRound('unsupported-claim: after blind sets 238 to 241', {
  flags: [
    ['Nothing else on the market protects a wound as completely.', 'Nothing else on the market protects a wound as completely'],
    ["It's more effective than any burn cream you'll find on the chemist's shelf.", "more effective than any burn cream you'll find"],
    ["You'll never go back to ordinary plasters.", "You'll never go back to ordinary"],
    ['Thousands of customers have switched to natural burn care, and they never look back.', 'Thousands of customers have switched to'],
    ['"Smell gone in 24 hours. I feel like myself again."', 'Smell gone'],
    ['"I\'ve had zero leaks for a whole year, even overnight on my heaviest days.', 'zero leaks for a whole year'],
    ['"Our GP couldn\'t believe how quickly it healed."', 'believe how quickly it healed'],
    ['"I put ArgentaHeal on that night and by the weekend you could barely see a mark."', 'could barely see a mark'],
  ],
});

wordingRound('unsupported-claim: after blind sets 242 to 245', {
  flags: [
    ['Nothing you can buy in a box beats that.', 'Nothing you can buy in a box beats that'],
    ['And if you want real, visible change, our Skin Renewal Programme delivers results no home device can match.', 'no home device can match'],
    ['Our AI-powered SkinScan system spots melanoma earlier than any dermatologist ever could with the naked eye.', 'earlier than any dermatologist'],
    ["It's the closest thing to a facelift without the needles.", 'the closest thing to a facelift'],
    ["It's the treatment the celebrities swear by, and now it's available right here in Brighton.", 'the celebrities swear by'],
    ['Because every filler we use can be dissolved, there is never any risk of a permanent bad result.', 'there is never any risk'],
    ["Not with us: thanks to the weight-control suggestions built into every session, you won't put on a pound.", "you won't put on a pound"],
    ['"Zero pain during or after."', 'Zero pain'],
    ['"Felt nothing, and I was playing five-a-side three days later."', 'days later'],
    ['"Ten years of sun damage gone in two sessions.', 'sun damage gone in'],
    ['★★★★★ "Noticed a real difference in the gym after three weeks.', 'Noticed a real difference'],
  ],
});

wordingRound('unsupported-claim: after blind sets 246 to 249', {
  flags: [
    ['AIP has reversed autoimmune disease for thousands of people, and it can do the same for you.', 'reversed autoimmune disease'],
    ['Nothing else on the market gives you such a complete start to AIP in one box.', 'Nothing else on the market gives you such a'],
    ['Honestly, the implant is hands down the best contraception there is.', 'hands down the best'],
    ['I usually switch them to methylfolate, which is far superior for them.', 'far superior'],
    ['★★★★★ "After years of sleeping in separate rooms, my wife and I are back together. Not a single snore since night one!" Paul, Leeds', 'Not a single snore since'],
    ['★★★★★ "Works better than the £400 one my dentist made." Sarah, Cardiff', 'Works better than'],
    ['"Honestly better than the $5,000 pair my audiologist sold me." Maria, 64, Arizona', 'my audiologist sold'],
    ['★★★★☆ "Took a week to get used to, but my husband says it\'s made a big difference." Anita, Norwich', "it's made a big difference"],
    ['★★★★★ "Added 20 kg to my deadlift in six weeks. Wish I\'d started years ago." – Jordan M., verified buyer', 'Added 20 kg to my deadlift'],
  ],
  noClaim: [
    // "yet" as an adverb keeps the negated subject's scope; a conjunction "yet" still ends it (below).
    "No treatment yet prevents Alzheimer's in people who carry e4, so I suggest people think hard before they find out.",
    "Nothing yet cures Alzheimer's.",
    // An aside in parentheses does not end the seller's wording.
    'Some websites sell SARMs (selective androgen receptor modulators) as "research chemicals" that build muscle without the side effects of steroids.',
    'Whole-body MRI picks up at least one unexpected finding in a large share of people who feel well, and most of these turn out to be harmless.',
    'If you have ever had hives after eating, see your GP urgently and do not use this test to decide which foods are safe for you.',
    'Risk-free 45-day trial',
    "You'll recover in a private room with 24-hour nursing care before flying home.",
    'Most people with chlamydia notice nothing wrong, so a test is the only way to know.',
  ],
});

describe('unsupported-claim: after blind sets 246 to 249: what stays a claim', () => {
  it('a conjunction "yet" still ends a negation', () => assert.ok(lexiconClaimsIn('It is gentle, yet it cures acne.').some((c) => c.includes('cures'))));
  it('a comparison in an author\'s plain words is still evidence, not promotion', () => assert.deepEqual(lexiconClaimsIn('Ibuprofen works better than paracetamol for period pain.'), []));
  it('"the only way to" find out stays a claim', () => assert.ok(lexiconClaimsIn("An MRI is the only way to find out what's really causing it.").length > 0));
  it('a risk-free treatment stays a claim', () => assert.ok(lexiconClaimsIn('Our laser treatment is completely risk-free.').length > 0));
});

wordingRound('unsupported-claim: after blind sets 250 to 253', {
  flags: [
    ['Taken together, these simple habits will keep you and your family free of waterborne illness on every trip.', 'will keep you and your family free of'],
    ['Our clients have a 100% summit success rate on Kilimanjaro.', '100% summit success rate'],
    ['Meet GentleIron, the kind-to-your-tummy iron that finally puts the spring back in your step.', 'puts the spring back in your step'],
    ["Every needle and blood bag is sterile and used only once, so there's no way you can catch an infection from donating.", "there's no way you can catch"],
    // What "which means" introduces is a clause of its own: the negation before it does not reach it.
    ["The needles aren't reused, which means there's no way you can catch an infection.", "there's no way you can catch"],
    ['Better for your back than any other chair at this price.', 'Better for your back than any other chair at this price'],
    ['Just five minutes of mindful breathing a day can melt your stress away.', 'melt your stress away'],
    ['"Seven days on the Lemosho route, not one headache, and I was first in our group to the crater rim." – Sophie, Clifton', 'not one headache'],
    ['"My brain fog lifted completely after the second injection. I can\'t recommend Glow & Vitality enough." – Mark, 47', 'brain fog lifted'],
    ['"My GP couldn\'t believe the improvement in my legs. Worth every penny!" – Dennis, 68, Derby', "couldn't believe the improvement"],
    ['"I arrived completely burnt out and left a different person." Sarah, HR director, London', 'left a different person'],
    ['"By day two our daughter was a different baby. The evening screaming just stopped, and I honestly cried with relief." Hannah, Leeds', 'screaming just stopped'],
    ['"Our 8-month-old was sleeping 7pm to 7am within five nights." Sophie, Surrey', 'was sleeping 7pm to 7am'],
  ],
  noClaim: [
    "Compression stockings and flight socks can reduce the blood supply to your feet even more, so please don't wear them unless a vascular specialist has said they are safe for you.",
    'Used thinly and for no more than a week, it is safe for babies and does not thin the skin.',
    'Take travel sickness medicines before you set off, as they are better at preventing symptoms than at treating them once they have started.',
  ],
});

describe('unsupported-claim: after blind sets 250 to 253: what stays as it was', () => {
  it('"by no means" still negates', () => assert.deepEqual(lexiconClaimsIn('It by no means cures depression.'), []));
  it('a plain safety claim without the use it depends on stays a claim', () => assert.ok(lexiconClaimsIn('Our cream is safe for babies and does not thin the skin.').length > 0));
  it('a prevention claim without a comparison stays a claim', () => assert.ok(lexiconClaimsIn('Our travel tablets are brilliant at preventing symptoms.').length > 0));
});

wordingRound('unsupported-claim: after blind sets 254 to 257', {
  flags: [
    ['With the right nutrition, your liver can work miracles.', 'work miracles'],
    ['Mould illness is fully curable once the source has been removed and the body has been cleared of toxins.', 'fully curable'],
    ['HepaGuard Advanced is our most powerful liver formula yet.', 'our most powerful liver formula'],
    ['Our clients often see dramatic improvements in their energy, sleep and breathing within weeks.', 'Our clients often see'],
    // A review's signature after a star rating or naming a verified buyer: the words are the customer's, published by the seller.
    ['★★★★★ "Honestly the best supplement on the market for anyone having surgery." – Janet W., verified buyer', 'the best supplement on the market'],
    ['★★★★☆ "Noticed I have much more energy and no more bloating after a big weekend."', 'much more energy'],
    ['"My son\'s night-time cough disappeared within a week of us getting the PureNest." Kate, Bristol', "My son's night-time cough disappeared"],
    ['"Brilliant. I was off crutches in a week!" – Pauline R., verified buyer', 'was off crutches'],
    ['"My GP couldn\'t believe my blood results." – Sam', "couldn't believe my blood results"],
  ],
  noClaim: [
    'Outdoors it is quickly diluted to harmless levels.',
    'Plenty of people leave them off the list because they assume "natural" means harmless.',
    'Stopping drinking is the single most important treatment for every stage of ARLD.',
  ],
});

describe('unsupported-claim: after blind sets 254 to 257: what stays as it was', () => {
  it("the author's own assumption stays the author's", () => assert.ok(lexiconClaimsIn('We assume our cream is completely safe.').some((c) => c.includes('completely safe'))));
  it('a customer figure "typically" reported stays a statistic, not a testimonial', () => assert.deepEqual(lexiconClaimsIn('Our clients typically report a 60% reduction in bloating within the first month.'), []));
  it('a superlative about a product stays a claim', () => assert.ok(lexiconClaimsIn('Our serum is the single most important step in your routine.').length > 0));
  it('an expert\'s signed quotation without a star rating or a verified buyer is still read as quoted', () => assert.deepEqual(lexiconClaimsIn('"Honestly the best supplement on the market for anyone having surgery." – Dr Janet Wood, consultant'), []));
});

wordingRound('unsupported-claim: after blind sets 258 to 261', {
  flags: [
    // "call" as a noun ("your discovery call today") reports no one's words.
    ['Book your discovery call today and say goodbye to pain for good.', 'say goodbye to'],
    ['Painkillers only ever mask pain; they never treat the root cause.', 'only ever mask pain'],
    ['Nowhere in Millbrook will you be seen faster.', 'Nowhere in Millbrook will you'],
    ['Download now and hear the difference in days!', 'hear the difference in days'],
    ['"Thirty years of hiding, and now I\'m completely fluent." – Dev', "now I'm completely fluent"],
    ['"Better than the speech therapist we waited a year for." Amy, mum of Leo', 'Better than the speech therapist'],
    // The author's own naming stays the author's.
    ["We're calling it a miracle cure.", 'miracle cure'],
  ],
  noClaim: [
    'Social media is full of people calling cold water a miracle cure for depression, anxiety and inflammation.',
    'Our patients call it a game-changer.',
  ],
});

wordingRound('unsupported-claim: after blind sets 262 to 265', {
  flags: [
    // A condition's course made certain for the reader who goes untreated.
    ["Don't wait until the pain gets worse, because left untreated, neck problems only get worse with time.", 'left untreated, neck problems only get worse'],
    ['Untreated hearing loss only gets worse, and you will end up cut off from the people you love.', 'Untreated hearing loss only gets worse'],
    ['Feel like yourself again with NatureVital Sunshine, our bestselling traditional herbal remedy for low mood.', 'Feel like yourself again'],
    ['Tobacco-free means zero harm: ZEST contains none of the tar or carbon monoxide that makes cigarettes deadly.', 'zero harm'],
    ['Free yourself from opioids in just 48 hours.', 'Free yourself from opioids'],
    ['You wake up the next morning completely free of withdrawal: no sickness, no cravings, no suffering.', 'completely free of withdrawal'],
    ["NeuroVita Gold has a synergistic effect that single-ingredient products simply can't match.", "products simply can't match"],
    // A quotation signed in parentheses; a case history of a group's members.
    ['"Dr Okafor spotted my heart problem when no one else had. I owe her my life." (a patient from Church Lane)', 'I owe her my life'],
    ['One of our swimmers, Tom, was back in the pool within two weeks.', 'One of our swimmers'],
    // A superlative that is the seller's, however it goes on.
    ['Our clinic is the most effective when it comes to back pain.', 'the most effective'],
  ],
  noClaim: [
    // What the page goes on to describe; when a treatment works best; hedged, or with no treatment withheld.
    'How we keep you safe',
    'Hearing aids are most effective when fitted early, before the brain forgets how to process sound.',
    'Left untreated, it may only get worse.',
    'For a long time, type 2 diabetes was thought of as a lifelong condition that could only get worse.',
    // A tagline alone; a comparison of evidence; a negated freedom.
    'Feel like yourself again.',
    "Better still, the gains tend to hold for months after treatment ends, which sleeping tablets can't match.",
    'No injection is completely free of risk.',
  ],
});

wordingRound('unsupported-claim: after blind sets 266 to 269', {
  flags: [
    // The words before a conjunction belong to another clause; the author's own promise is no one else's.
    ['We can make this promise because PelviPro cures bladder leaks for good.', 'cures'],
    ['Proven to be as effective as stimulant medication', 'Proven to be as'],
    ['Proven results: our clients see a two-year jump in reading age on average.', 'Proven results'],
    ['Swap your meals for our delicious shakes, soups and bars and watch the pounds fall away.', 'watch the pounds fall away'],
    ['Our shakes switch your body into fat-burning mode from day one.', 'fat-burning mode'],
    ['Green coffee bean extract is packed with chlorogenic acids that boost your metabolism and melt stubborn belly fat.', 'melt stubborn belly fat'],
    ['"I\'ve tried everything, and this is the only thing that has stopped my night sweats." – Sue', 'the only thing that has stopped my'],
    // Customers' words.
    ['"Faster recovery between sets and I\'m finally breaking through plateaus."', "I'm finally"],
    ['"Three sessions with Kate and I ran the London Marathon without a twinge."', 'without a twinge'],
    ['"Great physio. StrideWell sorted my knee in a month." – Jo', 'sorted my knee'],
    ['"We were about to start ADHD medication, but after a month on these gummies we didn\'t need it." – Maria', "we didn't need it"],
    // Others' promises stay theirs; a guarantee of results is still one.
    ['Our results guaranteed.', 'guaranteed'],
  ],
  noClaim: [
    'Anyone who tells you they are risk-free is selling something.',
    'The gastric sleeve is the most commonly performed weight-loss operation in the world.',
    'Our guarantee',
    "That's our guarantee.",
    'Our Smile Guarantee',
    'We know some clinics promise a cure.',
  ],
});

wordingRound('unsupported-claim: after blind sets 270 to 273', {
  flags: [
    ['When nothing else has worked, ketamine can.', 'When nothing else has worked'],
    ['Recommended by leading ophthalmologists, OcuVita is the eye supplement opticians trust most.', 'opticians trust most'],
    ['LUXE LOCKS works for every hair type and every kind of hair loss.', 'works for every hair type'],
    ["You'll wonder how you ever lived without it.", 'wonder how you ever lived without'],
    ['Join the thousands who have finally broken free from chronic pain.', 'have finally broken free from'],
    ["The hair thins evenly all over rather than in patches, and you won't go bald.", "you won't go bald"],
    // Customers' words.
    ['"After ten years of feeling numb, I felt the fog lift in week three. Now I enjoy life." – Tom', 'felt the fog lift'],
    ['"Within a week I stopped needing my sertraline. Thank you!" – Ann', 'stopped needing my sertraline'],
    ['★★★★★ "I\'ve taken OcuVita for six months and my optician says my macula looks better than it did last year."', 'looks better than it did'],
    ['"You saved my sight," she told us.', 'You saved my sight'],
    ['"Best glasses ever. I can work all day now without any eye strain!" – Jo', 'without any eye strain'],
  ],
  noClaim: [
    // Guidance and a recognising body report the evidence (missing-citation asks for it); an age the
    // safety is stated for qualifies it; what customers start is no outcome.
    'It has been cleared by the US FDA for depression since 2008 and is recognised by NICE as a safe and effective treatment.',
    'NHS guidance says TMS is safe and works well enough to be used routinely for depression.',
    'Parents often worry about contact lenses, but they are safe for children as young as eight.',
    'Many of our patients start finasteride alongside surgery, because it slows the loss of the untreated hair.',
  ],
});

wordingRound('unsupported-claim: after blind sets 274 to 277', {
  flags: [
    // A spaced hyphen ends a negation's scope.
    ["Our gentle iron won't cause constipation or nausea - guaranteed.", 'guaranteed'],
    ['Replacement filters cost £39.99, and our filters last twice as long as other brands.', 'twice as long as other brands'],
    ['This cutting-edge, life-changing therapy is now available without a GP referral.', 'life-changing therapy'],
    ['BloomMama Complete gives you everything you and your growing baby need in just one capsule a day.', 'everything you and your growing baby need'],
    ['UV light is also a proven mood booster.', 'a proven mood booster'],
    ["MoleScan AI is the world's most accurate skin cancer app.", "the world's most accurate"],
    ['Artificial intelligence is revolutionising dermatology, and MoleScan is leading the way.', 'revolutionising'],
    ['Whether your stroke was six weeks or sixteen years ago, you will regain movement you thought you had lost.', 'you will regain movement'],
    // Customers' words.
    ['"Eight weeks after starting at StrideAgain I walked my daughter down the aisle without a stick."', 'without a stick'],
    ['"Three months at the clinic. My grip strength has doubled." – Ken', 'grip strength has doubled'],
  ],
  noClaim: [
    'Hay fever affects up to 13 million people in the UK, and pharmacists agree that prevention is better than cure.',
    'Component testing can also help tell a true peanut allergy apart from a harmless cross-reaction with grass pollen.',
    "Ketamine won't cure depression - but it can ease it.",
  ],
});

wordingRound('unsupported-claim: after blind sets 278 to 281', {
  flags: [
    ['It dissolves kidney stones naturally, so you can avoid painful surgery.', 'dissolves kidney stones'],
    ['Every dish is dietitian-approved and 100% kidney-safe.', '100% kidney-safe'],
    ['Personalised nutrition is 3 times more effective than a standard multivitamin.', '3 times more effective than a standard'],
    ['Never catch a cold again this winter.', 'Never catch a cold'],
    ['A single colonic is a total reset for your whole body.', 'total reset for your whole body'],
    ["It's the gut health revolution everyone is talking about.", 'gut health revolution'],
    ['The science is clear: a more diverse microbiome means better health.', 'The science is clear'],
    // Not every "back" is the adverb's: the reader's back pain still is one.
    ['Our programme stops your back pain coming back.', 'stops your back'],
  ],
  noClaim: [
    // How often, a count of the service's work, how a medicine is used, the adverb "back".
    'We also test for Helicobacter, and treating it heals most stomach ulcers and stops them coming back.',
    'Last winter our team gave over 3,200 flu vaccinations, our highest number ever.',
    'Oseltamivir can also be used to prevent flu: taken once a day for ten days after close contact, it lowers the risk.',
    'Lemon water is often recommended online as a way to dissolve kidney stones.',
  ],
});

wordingRound('unsupported-claim: after blind sets 282 to 285', {
  flags: [
    ['Every treatment is boosted with our exclusive peptide serum, which penetrates 10 times deeper through the microchannels.', 'penetrates 10 times deeper'],
    ['Join over 40,000 customers who have already reclaimed their energy.', 'customers who have already reclaimed'],
    ['Podiatrists recommend ArchPro more than any other custom insole brand.', 'more than any other custom insole brand'],
    ["Claire's results are typical of what our patients achieve.", 'typical of what our patients achieve'],
    ['"My doctor couldn\'t believe my latest blood test results." – Michelle T., verified buyer', "couldn't believe my latest blood test results"],
    // A coordination that is not inside the negated noun's relative clause is the author's.
    ['There is no pill that works for everyone, and our programme cures anxiety.', 'cures'],
  ],
  noClaim: [
    // "no" reaches both verbs of its noun's relative clause.
    'Most experts agree that there is no supplement that prevents dementia or reverses memory loss.',
    'There is no supplement that prevents or reverses memory loss.',
    // A statistic of everyone, not a brand's rank.
    'Heart disease kills more women than any other condition.',
  ],
});

wordingRound('unsupported-claim: after blind sets 286 to 289', {
  flags: [
    ['Combine Soothe Pro with our Soothe heat wrap for the ultimate in period pain relief.', 'for the ultimate in period pain relief'],
    ["Kids who take TinyShield every day simply don't get ill.", "simply don't get ill"],
    ['This metabolic switch is why fasting melts belly fat faster than any diet.', 'melts belly fat'],
    ['When your blood sugar is stable, cravings disappear, your energy soars and stubborn weight simply melts away.', 'stubborn weight simply melts away'],
    ['Book a session and feel the difference from the moment you walk out of the door.', 'and feel the difference'],
    // Customers' words; an outcome stays one after "never".
    ['"Our daughter cut four teeth without a single tear."', 'without a single tear'],
    ['"Shockwave sorted my tennis elbow when two injections had failed. Brilliant team." – Sam', 'sorted my tennis elbow'],
    ['You will never need an inhaler again.', 'You will never need an inhaler again'],
  ],
  noClaim: [
    // How the clinic works: whom it sees, whom it will not treat.
    "That's why, at Harbour, we always see both partners from the very first appointment.",
    "We will never treat a baby who is unwell: if we think your child needs a doctor, we'll tell you.",
    'Rest your foot for a week and feel how it settles.',
  ],
});

wordingRound('unsupported-claim: after blind sets 290 to 293', {
  flags: [
    // A figure of outcome guaranteed stays a guarantee of outcome, whatever the remedy offered.
    ["Our promise: we guarantee at least 90% graft survival, or we'll redo your procedure free of charge.", 'guarantee'],
    ['Nobody spots high blood pressure faster than Hillside.', 'Nobody spots high blood pressure faster than'],
    ['Peroxide-free PAP formula, 100% enamel-safe', '100% enamel-safe'],
    ['Zero sensitivity, even for sensitive teeth', 'Zero sensitivity'],
    ["Get a Hollywood smile in just 14 days, without the dentist's price tag.", 'Get a Hollywood smile'],
    ['Book your free consultation today and start feeling better tomorrow.', 'start feeling better tomorrow'],
    ['Order today and take the first step towards a cancer-free future.', 'a cancer-free future'],
    // What the new exceptions leave alone.
    ['Our whitening gel is completely safe, but results vary.', 'completely safe'],
    ['My friends tell me PulseGuard is completely harmless.', 'harmless'],
  ],
  noClaim: [
    // A remedy for workmanship keeps a guarantee of service one.
    "We guarantee our crowns for five years: if one fails, we'll replace it free of charge.",
    // Which movements are safe is a question for the reader to ask.
    'If you have cancer in your bones, ask for advice on which movements are safe.',
    // Hearsay told to the author.
    "Some friends tell me CoQ10 is completely harmless, so there's nothing to lose by trying it.",
    // Safety qualified at once, and how often there are no side effects: statements for missing-citation.
    'Checking your own blood pressure is safe, although some people find that checking very often makes them anxious.',
    'Once you start blood pressure tablets, they work best when taken at the same time every day, and most people notice no side effects at all.',
  ],
  // An instruction that gives its reason states the reason too, after "if" as after the verb;
  // a reason that reports a link does so after an instruction to ask.
  cue: [
    'If you want to try CoQ10, check with your pharmacist, because it can interact with warfarin.',
    'Ask about your vitamin D too, since low levels have been linked to statin muscle pain.',
  ],
  noSource: [
    'If you want to try CoQ10, check with your pharmacist first.',
    'Ask about your vitamin D too, since your GP can test it at the same visit.',
  ],
});

wordingRound('unsupported-claim: after blind sets 294 to 297', {
  flags: [
    ['★★★★★ "My skin was clear in three weeks. I\'ll never go back to creams!" Jess, 24', 'My skin was clear'],
    ['"I flew London to Sydney and didn\'t have a minute of jet lag." Mark, Sales Director', "didn't have a minute of"],
    ['★★★★★ "Three weeks in the Amazon and not a single bite." (Sarah K.)', 'not a single bite'],
    ['Just one walk in our woods resets your nervous system completely.', 'resets your nervous system'],
    // What the new exceptions leave alone: a treatment's permanence, the author's customers' words.
    ['Our laser permanently reduces unwanted hair.', 'permanently'],
    ['Our patients love it, and they say it cured their back pain.', 'cured their'],
    ['Our vaccine is 100% effective.', '100% effective'],
  ],
  noClaim: [
    // What sellers say, referred to as "they"; a professional's word reported.
    'Some websites sell supplements or "brain detox" programmes that they say can cure depression overnight.',
    'The nurse told me one dose protects you for life, which is pretty amazing for a single jab.',
    // Nearly absolute is a figure; a disease's lasting harm is no promise.
    'Prompt wound washing and post-exposure treatment are nearly 100% effective at preventing rabies.',
    'COPD tends to get worse over time, and each serious flare-up can permanently reduce your lung function.',
  ],
  // How often a condition is met, over time: a statistic.
  cue: [
    'Cases of measles have been rising across Europe, so check that you and your children have had two doses.',
    "There's no tablet or jab for dengue, and cases in West Africa have been shooting up.",
    'Insect-borne infections such as dengue have been spreading to new areas, including parts of southern Europe.',
  ],
  noCue: ['Numbers are limited, so book early.'],
  // "affects one eye" says where, not how many.
  noSource: ['It usually affects one eye.', 'Sciatica usually affects one leg.'],
});

describe('missing-citation: a figure of how many a condition affects asks for its source', () => {
  // Whatever the classifier reads, as a relative risk does: the shipped model scored this one 0.37.
  it('Psoriasis affects 125 million people worldwide.', () => assert.equal(sourceAsked('Psoriasis affects 125 million people worldwide.'), true));
  it('and with "about"', () => assert.equal(sourceAsked('Psoriasis affects about 2 in 100 people.'), true));
});

wordingRound('unsupported-claim: after blind sets 298 to 301', {
  flags: [
    ['"I\'ve had it every year since and I haven\'t been seriously ill once," says Derek.', "haven't been seriously ill once"],
    ["After one session you'll be protected from every cold and flu going around the office.", "you'll be protected from every"],
    ["You'll fall asleep faster and wake up refreshed, every single night.", 'every single night'],
    // What the new exceptions leave alone: a promise to the reader, a panel that "reverses" something.
    ["You'll wake up feeling amazing.", 'wake up feeling'],
    ['Our programme reverses thyroid damage.', 'reverses thyroid'],
  ],
  startsWith: true,
  noClaim: [
    // How often customers get a result: a statistic for missing-citation.
    'Most customers wake up feeling fresh and alert.',
    'Most customers notice deeper, more restful sleep from the very first night.',
    // Hearsay told to the author; a hormone a panel measures.
    "Someone in a PCOS Facebook group told me berberine is nature's metformin and that it melted 10 kg off her in two months.",
    'Our Complete Thyroid Panel measures TSH, free T4, free T3, reverse T3 and thyroid antibodies (TPO and thyroglobulin).',
  ],
  // An authority's word, negative or named as an organisation.
  cue: [
    'Hyaluronic acid injections are offered privately, but NICE does not recommend them.',
    'The World Health Organization calls antimicrobial resistance one of the top global public health threats facing humanity.',
  ],
  noCue: ['Our nurses do not recommend booking on a Monday.'],
});

describe('missing-citation: an instruction that gives an interaction as its reason', () => {
  it('is weighed as a sentence, not set aside as an instruction', () => {
    assert.equal(notAClaimByText('If you take warfarin, speak to your pharmacist before use, as glucosamine may change how warfarin works.'), undefined);
    assert.equal(notAClaimByText('If you take warfarin, speak to your pharmacist before use.'), 'instruction');
    assert.equal(notAClaimByText('Speak to your pharmacist before use, as they can check your other medicines.'), 'instruction');
  });
});

wordingRound('unsupported-claim: after blind sets 302 to 305', {
  flags: [
    ["Meet ClearWave Pro, the over-the-counter hearing aid that's changing lives.", "that's changing lives"],
    ['It works better than nasal strips, sprays and special pillows combined.', 'works better than'],
    ['Join more than 50,000 happy customers who have already said goodbye to bloating.', 'have already said goodbye to'],
    ['It gets to work in as little as 15 minutes and knocks out even the worst migraine headache.', 'knocks out even the worst'],
    ["If you only do one thing, get a DEXA scan: it's the best health investment you'll ever make.", "the best health investment you'll ever make"],
    ['Together, these ingredients work in synergy to deliver results no single supplement can match.', 'no single supplement can match'],
    // What the new exceptions leave alone: an outcome guaranteed, a result for good.
    ['Clear skin, guaranteed.', 'guaranteed'],
    ['Our treatment clears acne for good.', 'for good'],
  ],
  noClaim: [
    // A guarantee of the product's content; "for good reason".
    '50 billion CFU per capsule, guaranteed until the end of shelf life',
    'Experts agree that the three-day limit is there for good reason.',
    // A plain comparison stays missing-citation's.
    'Ibuprofen gel works better than paracetamol for sprains.',
  ],
  // An instruction's reason with a noun for its subject; a count multiplied over a time.
  cue: [
    "Don't use heat in the first two days after a strain, as warmth at that stage can increase swelling.",
    'HRT use in England has roughly doubled since 2021.',
  ],
  noSource: ['Book a review, as your GP can check your dose.'],
});

wordingRound('unsupported-claim: after blind sets 306 to 309', {
  flags: [
    ['Our health checks have saved hundreds of lives.', 'have saved hundreds of lives'],
    ['Every stroke is different, but with daily use the NeuroGrip Pro will get your hand working again.', 'will get your hand working again'],
    ['Our rails are fixed into the wall studs, tested to 150 kg and will never come loose.', 'will never come loose'],
    // What the new exceptions leave alone.
    ['Our balm is completely harmless.', 'harmless'],
    ['Our surgeons say it is safe.', 'is safe'],
  ],
  noClaim: [
    // Harmless to most: how often; safe in someone's letter: their word.
    'A food allergy is a reaction of the immune system to a food protein that is harmless to most people.',
    'You will need a letter from your GP or spinal consultant saying it is safe for you to take part.',
  ],
});

wordingRound('unsupported-claim: after blind sets 310 to 313', {
  flags: [
    ["Just one 60 ml shot before bed and you'll wake up fresh, clear-headed and ready for anything.", "you'll wake up fresh"],
    // What the new exceptions leave alone.
    ['Our treatment carries no risk.', 'no risk'],
    ['Our tablets prevent migraine.', 'prevent migraine'],
  ],
  noClaim: [
    // "no risk factors" names none; which treatments are safe is the team's to say; an indication.
    'Younger people with no risk factors are more likely to get a false alarm than a true one.',
    'Your MS team can talk you through the options, including which treatments are safe if you are planning a family.',
    'Beta blockers and topiramate, the tablets GPs usually prescribe to prevent migraine, only help about half of the people who take them.',
  ],
});

wordingRound('unsupported-claim: after blind sets 314 to 317', {
  flags: [
    ['Meet IronGlow, the gentle iron gummy that tastes like a treat and works like a prescription.', 'works like a prescription'],
    ['3x better absorption than ordinary vitamin C tablets', '3x better absorption than'],
    ["Our lozenges don't interact with any medicines, so you can take them alongside anything your doctor prescribes.", "don't interact with any medicines"],
    ['Left untreated, a tight tongue-tie will stop your baby from gaining weight properly.', 'Left untreated'],
    ['Experts agree that it is one of the most promising natural remedies of our time.', 'remedies of our time'],
    ["Try MindMate free for 14 days. It's the smartest way to look after your mind.", 'the smartest way to look after your'],
    ['Our chairs outlast every other brand on the market.', 'outlast every other'],
  ],
  noClaim: [
    // A treatment stopped, an interaction named: not promises.
    'If the rash spreads, stop the cream and tell your pharmacist.',
    'Some medicines interact with grapefruit juice.',
  ],
});

describe('unsupported-claim: the required words of the shipped patterns', () => {
  // A pattern is only run on text that holds one of its `requires`, from the sentence of the first
  // (claims/detect.ts), so a match without one would be lost: over every labelled article, each
  // match of each shipped pattern, run with no gate, holds one (a pattern that opens with a
  // lookbehind may hold it there: the signed testimonial's quotation marks). (The "than any"
  // comparisons are an entry of their own, so that the other wording of "nothing beats" is not
  // looked for across a block only because it holds "than any".)
  it('every match of every pattern over the labelled articles holds one of its required words', () => {
    const dir = path.join(__dirname, '../../../test/eval/articles');
    const texts = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    let matches = 0;
    for (const { entry, re, requires } of claimLexicon().patterns) {
      assert.ok(requires?.length, `${entry.id} has required words`);
      for (const text of texts) {
        for (const m of text.matchAll(re)) {
          matches++;
          const from = re.source.startsWith('(?<=') ? text.lastIndexOf('\n\n', m.index) + 1 : m.index;
          const lower = text.slice(from, m.index + m[0].length).toLowerCase();
          assert.ok(requires.some((r) => lower.includes(r)), `${entry.id}: ${m[0]}`);
        }
      }
    }
    assert.ok(matches > 200, `${matches} matches`);
  });
});

describe('unsupported-claim: a pattern runs from the sentence of its first required word', () => {
  it('finds its match in a later sentence than the first of its words, and in the first sentence', () => {
    assert.deepEqual(lexiconClaimsIn('We opened in 2019. Unlike before, we now offer evening clinics. Nothing out there works better than our cream.'), ['Nothing out there works better than']);
    assert.deepEqual(lexiconClaimsIn('Nothing we have tried works better than this cream. Our team is friendly.'), ['Nothing we have tried works better than']);
    assert.deepEqual(lexiconClaimsIn('Our team is friendly. It really is. Nothing we have tried works better than this cream.'), ['Nothing we have tried works better than']);
  });
});

describe('unsupported-claim: an aside in parentheses', () => {
  it('a short aside is passed over: the negation before it still reaches the wording', () => assert.deepEqual(lexiconClaimsIn('No supplement (not even the pricey kind) cures acne.'), []));
  it('a stretch in parentheses longer than an aside ends the scope, as any parenthesis did', () => assert.ok(lexiconClaimsIn(`No supplement (${'word '.repeat(100)}) cures acne.`).some((c) => c.includes('cures'))));
});
