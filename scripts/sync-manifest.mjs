// Regenerates the per-rule settings in package.json and the rule list in the configuration
// schema from the rule registry (run `npx tsc -p .` first). The registry test fails when they
// drift, and names this script.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RULES } = require('../out/server/src/core/rules/index.js');
const root = new URL('..', import.meta.url).pathname;

const manifestPath = `${root}package.json`;
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const props = manifest.contributes.configuration.properties;
const kept = Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith('clinicalLint.rules.') && k !== 'clinicalLint.trace.server'));
for (const r of RULES) {
  kept[`clinicalLint.rules.${r.meta.id}`] = {
    type: 'string',
    enum: ['default', 'off', 'hint', 'info', 'warning', 'error'],
    enumDescriptions: ["The rule's own severity (it may report unverified data lower)", 'Never report', 'Report as a hint', 'Report as information', 'Report as a warning', 'Report as an error'],
    default: 'default',
    scope: 'resource',
    markdownDescription: `Severity of \`${r.meta.id}\` (default: ${r.meta.defaultSeverity}): ${r.meta.description}`,
  };
}
kept['clinicalLint.trace.server'] = props['clinicalLint.trace.server'];
manifest.contributes.configuration.properties = kept;
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

const schemaPath = `${root}schemas/clinical-lint.schema.json`;
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
schema.properties.rules.propertyNames.enum = RULES.map((r) => r.meta.id);
writeFileSync(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`synced ${RULES.length} rules into package.json and the configuration schema`);
