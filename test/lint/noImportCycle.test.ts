import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import type { Rule } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const noImportCycle = require('../../scripts/lint/noImportCycle.js') as Rule.RuleModule;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cycle-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the files, then lints `file` (its text as on disk) with the rule alone. */
function lint(files: Record<string, string>, file: string): string[] {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const linter = new Linter({ cwd: dir });
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { project: { rules: { 'no-import-cycle': noImportCycle } } },
      rules: { 'project/no-import-cycle': 'error' as const },
    },
  ];
  return linter.verify(files[file] ?? '', config, join(dir, file)).map((m) => `${m.line}: ${m.message}`);
}

describe('project/no-import-cycle', () => {
  it('reports an import whose file imports the importer back, with the chain', () => {
    const files = { 'a.ts': "import { b } from './b';\nexport const a = 1;\n", 'b.ts': "import { a } from './a';\nexport const b = a;\n" };
    expect(lint(files, 'a.ts')).toEqual(['1: import cycle: a.ts -> b.ts -> a.ts']);
    expect(lint(files, 'b.ts')).toEqual(['1: import cycle: b.ts -> a.ts -> b.ts']);
  });

  it('follows type-only imports, re-exports and folder index files through a longer chain', () => {
    const files = {
      'cli/options.ts': "import type { Account } from './account';\nexport const USAGE = 'x';\n",
      'cli/account/index.ts': "export * from './command';\n",
      'cli/account/command.ts': "export { run } from '../commands';\nexport type Account = string;\n",
      'cli/commands.ts': "import { USAGE } from './options';\nexport const run = USAGE;\n",
    };
    expect(lint(files, 'cli/options.ts')).toEqual([
      '1: import cycle: cli/options.ts -> cli/account/index.ts -> cli/account/command.ts -> cli/commands.ts -> cli/options.ts',
    ]);
  });

  it('accepts imports that only go down, and packages', () => {
    const files = {
      'main.ts':
        "import { a } from './a';\nimport { b } from './b';\nimport Decimal from 'decimal.js';\nexport const m = [a, b, Decimal];\n",
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': 'export const b = 1;\n',
    };
    expect(lint(files, 'main.ts')).toEqual([]);
    expect(lint(files, 'a.ts')).toEqual([]);
  });
});
