// Bundles the extension client, the language server and the CLI with esbuild into dist/.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // ESM builds first: jsonc-parser's UMD entry cannot be bundled.
  mainFields: ['module', 'main'],
  // ESM dependencies read import.meta.url, which a CommonJS bundle must provide.
  define: { 'import.meta.url': '__importMetaUrl' },
};
const metaUrl = "var __importMetaUrl = require('url').pathToFileURL(__filename).href;";

// The shipped claim lexicon's literal forms, expanded now rather than at every start of the
// server or the CLI: computed from claims.json (and the drug data) by the lexicon's own code,
// then bundled in place of knowledge/claimForms.ts. The citation-need model's weights are packed
// by the model's own code too (names in one string, values in order: claims/model.ts).
const tmp = mkdtempSync(join(tmpdir(), 'clinical-lint-build-'));
let formsJson;
let modelJson;
let claimModelJson;
try {
  const out = join(tmp, 'packing.cjs');
  await esbuild.build({
    ...common,
    sourcemap: false,
    minify: false,
    stdin: { contents: "export { packForms, shippedForms } from './server/src/core/knowledge/claims'; export { citationModel, packCitationModel } from './server/src/core/claims/model'; export { claimModel, packClaimModel } from './server/src/core/claims/claimModel';", resolveDir: '.', loader: 'ts' },
    outfile: out,
    banner: { js: metaUrl },
  });
  const packing = createRequire(import.meta.url)(out);
  formsJson = JSON.stringify(packing.packForms(packing.shippedForms()));
  modelJson = JSON.stringify(packing.packCitationModel(packing.citationModel()));
  claimModelJson = JSON.stringify(packing.packClaimModel(packing.claimModel()));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const citationModel = {
  name: 'citation-model',
  setup(build) {
    build.onLoad({ filter: /[\\/]knowledge[\\/]citationModel\.json$/ }, () => ({ contents: `export default ${modelJson};`, loader: 'js' }));
    build.onLoad({ filter: /[\\/]knowledge[\\/]claimModel\.json$/ }, () => ({ contents: `export default ${claimModelJson};`, loader: 'js' }));
  },
};
const claimForms = {
  name: 'claim-forms',
  setup(build) {
    build.onLoad({ filter: /[\\/]knowledge[\\/]claimForms\.ts$/ }, () => ({
      contents: `export const PRECOMPUTED_FORMS = ${formsJson};`,
      loader: 'js',
    }));
  },
};

// Node built-ins that the LSP libraries require when they load but use only on paths a start
// does not take (crypto: pipe names and UUIDs; child_process: finding global modules): each is
// loaded on its first use instead of at every start of the server (a few milliseconds each).
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(crypto|child_process)$/ }, (args) => (/[\\/]node_modules[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let loaded; const load = () => (loaded ??= require('node:${args.path}'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => { const d = Object.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; },
});`,
      loader: 'js',
    }));
  },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], banner: { js: metaUrl } }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-bundle.js', plugins: [claimForms, citationModel, lazyBuiltins], banner: { js: metaUrl } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-bundle.js', plugins: [claimForms, citationModel], banner: { js: metaUrl } }),
  // The entry points: each starts its bundle with the regex flag and the code cache (server/src/node/launcher.ts).
  ...[
    ['server', ['--semi-space-growth-factor=16'], []],
    ['cli', ['--interrupt-budget=600000'], ['--semi-space-growth-factor=1', '--heap-growing-percent=20']],
  ].map(([name, flags, largeInputFlags]) =>
    esbuild.build({
      ...common,
      sourcemap: false,
      entryPoints: ['server/src/node/launcher.ts'],
      outfile: `dist/${name}.js`,
      define: { ...common.define, __BUNDLE__: JSON.stringify(`${name}-bundle.js`), __V8_FLAGS__: JSON.stringify(flags), __LARGE_INPUT_FLAGS__: JSON.stringify(largeInputFlags) },
      banner: { js: '#!/usr/bin/env node' },
    }),
  ),
]);

// The server's and the CLI's bundles in ASCII: their launcher (server/src/node/launcher.ts) then
// reads them as Latin-1 into a one-byte string, where decoding UTF-8 took some 15 ms of every
// start (and a single non-ASCII character made the whole 4 MB a two-byte string). esbuild leaves
// non-ASCII characters in regular expression literals and raw templates: each becomes its
// `\uXXXX` escape, the same character in a pattern, a string or a cooked template; in the raw text
// of a tagged template it would not be, so only the patterns' own tags (`String.raw`, the
// `rx` tags of core/text/letters.ts) may hold one, or the build fails. (Columns in a development
// source map move on the few lines that held one.)
const typescript = createRequire(import.meta.url)('typescript');
for (const file of ['dist/server-bundle.js', 'dist/cli-bundle.js']) {
  const code = readFileSync(file, 'utf8');
  if (!/[\u0080-\uffff]/.test(code)) continue;
  const source = typescript.createSourceFile(file, code, typescript.ScriptTarget.Latest, false, typescript.ScriptKind.JS);
  const visit = (node) => {
    if (typescript.isTaggedTemplateExpression(node) && /[\u0080-\uffff]/.test(node.template.getText(source))) {
      const tag = node.tag.getText(source);
      // (Minified, `rx` has another name: its tags are known by their flags.)
      if (!/^(?:String\.raw|[\w$]+\.(?:u|iu|gu|giu))$/.test(tag)) throw new Error(`${file}: the tagged template ${tag}\`...\` holds non-ASCII text, which escaping would change`);
    }
    typescript.forEachChild(node, visit);
  };
  visit(source);
  writeFileSync(file, code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
