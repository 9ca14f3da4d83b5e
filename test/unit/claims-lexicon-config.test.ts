// Workspace lexicon entries in .clinical-lint.json: checked when the file is read, each problem
// shown at the entry it belongs to, and the valid entries kept.
import * as assert from 'node:assert/strict';
import { parseConfigFile } from '../../server/src/core/configFile';

const entry = (over: Record<string, unknown>): string =>
  JSON.stringify({
    id: 'detox-claim',
    category: 'hype',
    label: 'detox claim',
    phrases: ['detox{v} (your|the) liver'],
    severity: 'warning',
    citable: true,
    hedgeable: true,
    basis: 'A detox promise needs evidence.',
    source: ['us-ftc-2022'],
    rewordings: ['may support'],
    ...over,
  });

describe('claim lexicon: entries in .clinical-lint.json', () => {
  it('a valid entry gives no problem', () => {
    const { settings, problems } = parseConfigFile(`{ "lexicon": [${entry({})}] }`);
    assert.deepEqual(problems, []);
    assert.equal(settings.lexicon?.length, 1);
  });

  it('an invalid entry is reported at its location, with what is wrong', () => {
    const bad = entry({ id: 'bad-one', category: 'bragging', pattern: '(a+)+' });
    const text = `{\n  "lexicon": [\n    ${entry({})},\n    ${bad}\n  ]\n}\n`;
    const { settings, problems } = parseConfigFile(text);
    assert.equal(settings.lexicon?.length, 2, 'the settings keep the array; the lexicon leaves the bad entry out');
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'Invalid lexicon entry: lexicon[1] ("bad-one").category: must be one of cure, absolute, safety, superiority, hype, testimonial, proven',
        'Invalid lexicon entry: lexicon[1] ("bad-one").pattern: nested quantifiers or backreferences are not allowed',
      ],
    );
    const at = text.indexOf(bad);
    for (const p of problems) assert.deepEqual([p.start, p.end], [at, at + bad.length]);
  });

  it('a duplicate id is reported at the second entry', () => {
    const text = `{ "lexicon": [${entry({})}, ${entry({})}] }`;
    const { problems } = parseConfigFile(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /lexicon\[1\] \("detox-claim"\): duplicate id/);
    assert.equal(problems[0].start, text.lastIndexOf('{"id"'));
  });

  it('an entry that is not an object is reported at itself', () => {
    const text = '{ "lexicon": [42] }';
    const { problems } = parseConfigFile(text);
    assert.deepEqual(problems.map((p) => [p.message, text.slice(p.start, p.end)]), [['Invalid lexicon entry: lexicon[0]: must be an object', '42']]);
  });

  it('a lexicon that is not an array is reported once', () => {
    const { problems } = parseConfigFile('{ "lexicon": {} }');
    assert.deepEqual(problems.map((p) => p.message), ['"lexicon" must be an array of entries.']);
  });
});
