import { createRequire } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
/** The task pane's features: below app/ on top, above context/, workbook/ and ui/. */
const FEATURES = ['desk', 'modeSwitch', 'import', 'scenario', 'account', 'connections', 'livePrices', 'presets'];
const noImportCycle = require('./scripts/lint/noImportCycle.js');

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'dist/',
      'test-output/',
      'coverage/',
      '*.js',
      'src/**/*.js',
      'test/**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  {
    // The Node scripts, benchmarks and the command's launcher: plain CommonJS, checked by ESLint's recommended JS
    // rules here and type-checked by tsconfig.scripts.json.
    files: ['bench/**/*.js', 'scripts/**/*.js', 'bin/**/*.js'],
    ...js.configs.recommended,
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022, globals: { ...globals.node } },
    rules: { ...js.configs.recommended.rules, 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
    },
  },
  {
    // An import cycle is a design question: the file that both sides need gets a home of its own.
    files: ['src/**/*.ts'],
    plugins: { project: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'project/no-import-cycle': 'error' },
  },
  {
    // The engine is pure: no Node, no host, and nothing from the layers built on it, at any depth of src/engine.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fs', 'path', 'node:*', 'worker_threads'], message: 'The engine is pure: no Node modules.' },
            {
              group: [
                '**/functions',
                '**/functions/**',
                '**/taskpane/**',
                '**/cli/**',
                '**/presets',
                '**/presets/**',
                '**/prices',
                '**/prices/**',
              ],
              message: 'Surfaces import the engine, never the reverse.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'CustomFunctions', 'document', 'window'],
    },
  },
  {
    // The pane's features share only what lies below them (context/, workbook/, ui/) and their models: a
    // feature imports no other feature's section, and nothing imports the app on top.
    files: FEATURES.map((f) => `src/taskpane/${f}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*Section', '../../*/*Section', '../../../*/*Section'],
              message: "A feature imports no other feature's section.",
            },
            { group: ['**/app', '**/app/**'], message: 'The app sits on top: features never import it.' },
          ],
        },
      ],
    },
  },
  {
    // Below the features: the pane context, the workbook and the ui parts know no feature.
    files: ['src/taskpane/{context,workbook,ui}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['app', ...FEATURES].flatMap((f) => [`../${f}`, `../${f}/**`]),
              message: 'context/, workbook/ and ui/ sit below the features: they import none of them.',
            },
          ],
        },
      ],
    },
  },
);
