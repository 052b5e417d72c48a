// Jest as `npm run mutate` runs it: the project's config (src stays in its roots), with the suites that exercise
// the nine mutated engine files in-process (no browser, no compiled command line), so each mutant is judged by
// the tests that can see it in seconds rather than by the whole suite.
const base = require('./jest.config');

module.exports = {
  ...base,
  reporters: ['default'],
  testMatch: [
    '<rootDir>/test/engine/**/*.test.ts',
    '<rootDir>/test/functions/core/brackets.test.ts',
    '<rootDir>/test/functions/core/sizeBrackets.test.ts',
    '<rootDir>/test/functions/core/coerce.test.ts',
    '<rootDir>/test/presets/brackets.test.ts',
    '<rootDir>/test/presets/importBrackets.test.ts',
  ],
};
