import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';
import { docsPath } from '../../server/src/core/rules/rule';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'clinical-lint.schema.json'), 'utf8'));

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    it(`${id}: has a docs page, a setting with its default, and a schema entry`, () => {
      const page = path.join(ROOT, docsPath(id));
      assert.ok(fs.existsSync(page), `${docsPath(id)} exists`);
      const text = fs.readFileSync(page, 'utf8');
      assert.match(text, new RegExp(`^# ${id}\\b`, 'm'), 'the page is titled with the rule id');
      const setting = manifest.contributes.configuration.properties[`clinicalLint.rules.${id}`];
      assert.ok(setting, `clinicalLint.rules.${id} is contributed (run scripts/sync-manifest.mjs)`);
      assert.equal(setting.default, 'default', 'unset means the rule decides (it may lower unverified findings)');
      assert.deepEqual(setting.enum, ['default', 'off', 'hint', 'info', 'warning', 'error']);
      assert.match(setting.markdownDescription, new RegExp(`default: ${rule.meta.defaultSeverity}`), 'the description names the default severity');
      assert.ok(schema.properties.rules.propertyNames.enum.includes(id), 'the config schema knows the rule');
    });
  }

  it('contributes no setting and no schema entry for a rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    const settings = Object.keys(manifest.contributes.configuration.properties).filter((k) => k.startsWith('clinicalLint.rules.')).map((k) => k.slice('clinicalLint.rules.'.length));
    assert.deepEqual(settings.filter((s) => !ids.has(s)), []);
    assert.deepEqual(schema.properties.rules.propertyNames.enum.filter((s: string) => !ids.has(s)), []);
  });
});
