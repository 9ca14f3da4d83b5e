import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { mergeConfig, parseConfigFile } from '../../server/src/core/configFile';
import { defaultConfig } from '../../server/src/core/config';
import { RULES } from '../../server/src/core/rules';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { isIgnored } from '../../server/src/node/ignore';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'clinical-lint.schema.json'), 'utf8'));
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'configuration.md'), 'utf8');
const ids = RULES.map((r) => r.meta.id);

function cli(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tmp(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-config-')));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const BROKEN_ARTICLE = 'Ketamine helps.[4]\n\n## References\n\n1. Sanacora G. A Consensus Statement. JAMA Psychiatry. 2017.\n';

describe('configuration: schema, parser and manifest agree', () => {
  it("the schema's rule ids are exactly the rule registry", () => {
    assert.deepEqual([...SCHEMA.properties.rules.propertyNames.enum].sort(), [...ids].sort());
  });

  it('the parser accepts every rule id and severity the schema allows, and nothing else', () => {
    for (const id of ids) {
      for (const sev of SCHEMA.properties.rules.additionalProperties.enum as string[]) {
        const p = parseConfigFile(JSON.stringify({ rules: { [id]: sev } }));
        assert.deepEqual(p.problems, [], `${id}: ${sev}`);
        assert.equal(p.settings.rules![id], sev);
      }
    }
    assert.equal(parseConfigFile('{"rules": {"no-such-rule": "off"}}').problems.length, 1);
    assert.equal(parseConfigFile('{"rules": {"citation-order": "loud"}}').problems.length, 1);
  });

  it('the parser knows exactly the keys of the schema', () => {
    for (const key of Object.keys(SCHEMA.properties)) {
      const p = parseConfigFile(`{"${key}": null}`);
      assert.ok(!p.problems.some((x) => x.message.startsWith('Unknown setting')), key);
    }
    assert.match(parseConfigFile('{"jurisdicton": "CA"}').problems[0].message, /Unknown setting "jurisdicton"/);
  });

  it('valid and invalid files are judged alike by the schema (ajv) and the parser', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(SCHEMA);
    const good = [
      { jurisdiction: 'CA', rules: { 'missing-citation': 'warning', 'citation-order': 'off' } },
      { $schema: './schemas/clinical-lint.schema.json', citationScope: 'sentence', ignore: ['drafts/**'], lexicon: [], drugs: [] },
      { rules: { 'unused-suppression': 'error', 'unknown-rule': 'hint' } },
    ];
    const bad = [{ jurisdiction: 'FR' }, { citationScope: 'page' }, { rules: { 'citation-order': 'loud' } }, { rules: { nope: 'off' } }, { ignore: 'drafts' }, { colour: 'red' }];
    for (const g of good) {
      assert.ok(validate(g), JSON.stringify(validate.errors));
      assert.deepEqual(parseConfigFile(JSON.stringify(g)).problems, [], JSON.stringify(g));
    }
    for (const b of bad) {
      assert.ok(!validate(b), JSON.stringify(b));
      assert.ok(parseConfigFile(JSON.stringify(b)).problems.length > 0, JSON.stringify(b));
    }
  });

  it('the manifest has a severity setting for every rule and validates .clinical-lint.json with the schema', () => {
    const props = MANIFEST.contributes.configuration.properties;
    for (const id of ids) assert.ok(props[`clinicalLint.rules.${id}`], `clinicalLint.rules.${id}`);
    assert.deepEqual(
      Object.keys(props).filter((k) => k.startsWith('clinicalLint.rules.')).map((k) => k.slice('clinicalLint.rules.'.length)).sort(),
      [...ids].sort(),
    );
    const v = MANIFEST.contributes.jsonValidation.find((x: { fileMatch: string }) => x.fileMatch === '.clinical-lint.json');
    assert.equal(path.resolve(ROOT, v.url), path.join(ROOT, 'schemas', 'clinical-lint.schema.json'));
  });

  it('docs/configuration.md documents every key and every VS Code setting', () => {
    for (const key of Object.keys(SCHEMA.properties).filter((k) => k !== '$schema')) assert.ok(DOC.includes(`\`${key}\``), `key ${key}`);
    for (const setting of Object.keys(MANIFEST.contributes.configuration.properties)) assert.ok(DOC.includes(`\`${setting}\``), `setting ${setting}`);
    for (const id of ids) assert.ok(DOC.includes(id), `rule ${id}`);
  });
});

describe('configuration file problems', () => {
  it('gives every problem a location, and no settings from a broken file', () => {
    const text = '{\n  "jurisdiction": "CA",\n  "rules": {\n    "citation-order": "of"\n  }\n}\n';
    const p = parseConfigFile(text);
    assert.equal(p.problems.length, 1);
    const pos = new LineIndex(text).positionAt(p.problems[0].start);
    assert.deepEqual(pos, { line: 3, character: 22 });
    const broken = parseConfigFile('{\n  "jurisdiction": "CA",\n  "rules": {\n');
    assert.ok(broken.problems.length > 0);
    assert.deepEqual(broken.settings, {});
    assert.deepEqual(mergeConfig(defaultConfig(), broken.settings).rules, {}, 'the defaults keep working');
  });

  it('accepts a byte-order mark, and places problems after it where they are', () => {
    assert.deepEqual(parseConfigFile('\ufeff{"rules":{"unsupported-claim":"off"}}'), { settings: { rules: { 'unsupported-claim': 'off' } }, problems: [] });
    const text = '\ufeff{\n  "jurisdiction": "XX"\n}\n';
    const p = parseConfigFile(text);
    assert.equal(text.slice(p.problems[0].start, p.problems[0].end), '"XX"');
  });

  it('refuses what the schema refuses: a jurisdiction that is not a string in capitals, a key given twice', () => {
    const msgs = (t: string): string[] => parseConfigFile(t).problems.map((p) => p.message);
    assert.deepEqual(msgs('{"jurisdiction":["US"]}'), ['"jurisdiction" must be one of CA, US, UK, AU.']);
    assert.deepEqual(msgs('{"jurisdiction":"us"}'), ['"jurisdiction" must be one of CA, US, UK, AU (in capitals: "US").']);
    assert.deepEqual(msgs('{"jurisdiction":"CA","jurisdiction":"US"}'), ['"jurisdiction" is given twice: keep one.']);
    assert.deepEqual(msgs('{"rules":{"citation-order":"off","citation-order":"error"}}'), ['The severity of "citation-order" is given twice: keep one.']);
  });

  it('accepts comments and trailing commas (JSON with comments)', () => {
    const p = parseConfigFile('{\n  // Canada\n  "jurisdiction": "CA",\n}\n');
    assert.deepEqual(p.problems, []);
    assert.equal(p.settings.jurisdiction, 'CA');
  });

  it('CLI: a broken file found from the article upwards exits 2 with file:line:col', () => {
    const dir = tmp({ '.clinical-lint.json': '{\n  "rules": {\n    "citation-order": "loud"\n  }\n}\n', 'docs/a.md': BROKEN_ARTICLE });
    const r = cli([path.join('docs', 'a.md')], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(`${path.join(dir, '.clinical-lint.json').replace(/[.\\/]/g, '\\$&')}:3:23: Severity of "citation-order" must be one of`));
    assert.equal(r.stdout, '');
  });

  it('CLI: invalid JSON named with --config exits 2 with its location', () => {
    const dir = tmp({ 'c.json': '{\n  "jurisdiction": "CA"\n  "rules": {}\n}\n', 'a.md': BROKEN_ARTICLE });
    const r = cli(['--config', 'c.json', 'a.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /c\.json:3:3: Invalid JSON: CommaExpected/);
  });

  it('CLI: a valid file sets severities (and the same file drives the editor)', () => {
    const dir = tmp({ '.clinical-lint.json': '{ "rules": { "unresolved-citation": "off", "unused-reference": "off" } }', 'a.md': BROKEN_ARTICLE });
    const r = cli(['--format', 'json', 'a.md'], dir);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout).files[0].diagnostics, []);
  });
});

describe('ignore globs', () => {
  it('match relative to the configuration file, names at any depth, folders with a trailing slash', () => {
    const cfg = '/w/.clinical-lint.json';
    assert.ok(isIgnored('/w/drafts/a.md', cfg, ['drafts/**']));
    assert.ok(!isIgnored('/w/docs/drafts/a.md', cfg, ['drafts/**']));
    assert.ok(isIgnored('/w/docs/drafts/a.md', cfg, ['**/drafts/**']));
    assert.ok(isIgnored('/w/docs/CHANGELOG.md', cfg, ['CHANGELOG.md']));
    assert.ok(isIgnored('/w/x/vendor/y/z.txt', cfg, ['vendor/']) === false, 'a path with a slash is anchored');
    assert.ok(isIgnored('/w/vendor/y/z.txt', cfg, ['vendor/']));
    assert.ok(isIgnored('/w/x/notes/y.txt', cfg, ['notes']), 'a bare name matches a folder at any depth');
    assert.ok(isIgnored('/w/a.txt', cfg, ['*.txt']));
    assert.ok(!isIgnored('/elsewhere/a.txt', cfg, ['*.txt']), 'outside the configuration folder');
    assert.ok(!isIgnored('/w/a.txt', undefined, ['*.txt']));
  });

  it('CLI: ignored files are not linted in folders, globs or when named', () => {
    const dir = tmp({
      '.clinical-lint.json': '{ "ignore": ["drafts/**", "*.generated.md"] }',
      'a.md': BROKEN_ARTICLE,
      'drafts/b.md': BROKEN_ARTICLE,
      'sub/c.generated.md': BROKEN_ARTICLE,
    });
    const folder = JSON.parse(cli(['--format', 'json', '.'], dir).stdout);
    assert.deepEqual(folder.files.map((f: { path: string }) => f.path), ['a.md']);
    const glob = JSON.parse(cli(['--format', 'json', '**/*.md'], dir).stdout);
    assert.deepEqual(glob.files.map((f: { path: string }) => f.path), ['a.md']);
    const named = cli([path.join('drafts', 'b.md')], dir);
    assert.equal(named.status, 0);
    assert.match(named.stdout, /skipped: ignored by .*\.clinical-lint\.json/);
  });

  it('CLI: a glob run from a subfolder applies the patterns relative to the configuration file, as a folder does', () => {
    const dir = tmp({
      '.clinical-lint.json': '{ "ignore": ["drafts/**"] }',
      'drafts/b.md': BROKEN_ARTICLE,
      'sub/drafts/sd.md': BROKEN_ARTICLE,
    });
    const sub = path.join(dir, 'sub');
    const glob = cli(['--format', 'json', '**/*.md'], sub);
    const folder = cli(['--format', 'json', '.'], sub);
    assert.equal(glob.status, 1, glob.stderr);
    assert.deepEqual(JSON.parse(glob.stdout).files.map((f: { path: string }) => f.path), [path.join('drafts', 'sd.md')]);
    assert.deepEqual(JSON.parse(folder.stdout).files.map((f: { path: string }) => f.path), [path.join('drafts', 'sd.md')]);
    // Every match ignored: nothing to lint, which is no usage error.
    const ignored = cli(['drafts/*.md'], dir);
    assert.equal(ignored.status, 0, ignored.stderr);
  });
});
