import { createRequire } from 'node:module';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const noImportCycle = require('./scripts/lint/noImportCycle.js');

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'test-output/', 'coverage/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    // An import cycle is a design question: the file that both sides need gets a home of its own.
    files: ['src/**/*.ts'],
    plugins: { project: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'project/no-import-cycle': 'error' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['fs', 'path', 'node:*', '../functions/*', '../taskpane/*', '../cli/*', '../presets/*'] },
      ],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'CustomFunctions', 'document', 'window'],
    },
  },
);
