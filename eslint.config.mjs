import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.tools/**', '.vscode-test/**', 'bench/corpus/**', '.test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Scripts that run inside the browser page of the web workbench.
    files: ['test/editor/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly' } },
  },
  {
    // The core is pure: no editor, no protocol, no Node built-ins. It runs anywhere.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'The core must not depend on the editor or the protocol.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'util', 'worker_threads', 'http', 'https', 'net', 'crypto'], message: 'The core must not use Node built-ins.' },
            { group: ['../lsp/*', '../cli/*', '../node/*', '../../lsp/*', '../../cli/*', '../../node/*'], message: 'The core must not import its adapters.' },
          ],
        },
      ],
      // `\p{L}` costs V8 some 0.14 ms per class the first time a pattern runs (text/letters.ts).
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[regex.pattern=/\\\\p\\{L\\}/]', message: 'Write letters as ${L} under a tag of text/letters.ts (rx.iu`...`): \\p{L} costs 0.14 ms per class at the first lint.' },
        { selector: 'Literal[value=/\\\\p\\{L\\}/]', message: 'Write letters as ${L} (text/letters.ts): \\p{L} costs 0.14 ms per class at the first lint.' },
        { selector: 'TemplateElement[value.raw=/\\\\p\\{L\\}/]', message: 'Write letters as ${L} (text/letters.ts): \\p{L} costs 0.14 ms per class at the first lint.' },
      ],
    },
  },
);
