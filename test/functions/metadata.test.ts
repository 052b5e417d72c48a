import { readFileSync } from 'fs';
import { join } from 'path';
import { FUNCTION_DOCS } from '../../src/functions/core/docs';
import { FUNCTION_SPECS } from '../../src/functions/core/specs';
import { FUNCTION_NAMES } from '../../src/functions/core/types';

/** The parts of functions.json that formulas in saved workbooks depend on. */
interface Signature {
  id: string;
  name: string;
  parameters: { name: string; type: string; dimensionality: string; optional: boolean }[];
  result: { type: string; dimensionality: string };
}

interface MetadataFunction {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

const SIGNATURES_FILE = join(__dirname, 'functionSignatures.json');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const table = require('../../scripts/functionTable') as {
  loadFunctionTable: () => { specs: unknown; docs: unknown };
  functionsMetadata: () => { allowCustomDataForDataTypeAny: boolean; functions: MetadataFunction[] };
  signature: (fn: MetadataFunction) => Signature;
};
const { signature } = table;

let functions: MetadataFunction[];

beforeAll(() => {
  functions = table.functionsMetadata().functions;
});

describe('functions.json generated from the function table (src/functions/core/specs.ts, docs.ts)', () => {
  it('generates without errors', () => {
    expect(functions.length).toBeGreaterThan(0);
  });

  it('reads the same table as the TypeScript that compiles it: the build reads specs.ts and docs.ts before compiling', () => {
    expect(table.loadFunctionTable()).toEqual({ specs: FUNCTION_SPECS, docs: FUNCTION_DOCS });
  });

  it('lets Excel hand over custom data types, read as their basic value', () => {
    expect(table.functionsMetadata().allowCustomDataForDataTypeAny).toBe(true);
  });

  it('declares exactly the MARGIN functions of the function list, ids equal to names', () => {
    expect(functions.map((f) => f.id)).toEqual([...FUNCTION_NAMES]);
    for (const fn of functions) expect(fn.name).toBe(fn.id);
  });

  it('matches the committed signatures, so ids, parameters and result shapes never change silently', () => {
    const committed = JSON.parse(readFileSync(SIGNATURES_FILE, 'utf8')) as Signature[];
    expect(functions.map(signature)).toEqual(committed);
  });

  it('agrees with the adapter layer on every parameter: name, order, range or cell, optional', () => {
    for (const fn of functions) {
      const spec = FUNCTION_SPECS[fn.id as keyof typeof FUNCTION_SPECS];
      const declared = fn.parameters.map((p) => [p.name, p.dimensionality ?? 'scalar', p.optional ?? false]);
      expect([fn.id, declared]).toEqual([fn.id, spec.params.map((p) => [p.name, p.dimensionality, p.optional])]);
      expect([fn.id, fn.result.dimensionality === 'matrix']).toEqual([fn.id, spec.spills]);
    }
  });

  it('describes every function and every parameter, and links each to its section of the reference', () => {
    for (const fn of functions) {
      expect(fn.description.length).toBeGreaterThan(20);
      for (const p of fn.parameters) expect([fn.id, p.name, (p.description ?? '').length > 5]).toEqual([fn.id, p.name, true]);
      expect(fn.helpUrl).toBe(`https://localhost:3000/FUNCTIONS.html#${fn.id.toLowerCase()}`);
    }
  });

  it('marks no function volatile, streaming or cancelable, except PRICE and ACCOUNT, which stream', () => {
    for (const fn of functions.filter((f) => f.id !== 'PRICE' && f.id !== 'ACCOUNT')) {
      const flags = Object.entries(fn.options ?? {}).filter(([, on]) => on);
      expect([fn.id, flags]).toEqual([fn.id, []]);
    }
  });

  it('declares PRICE and ACCOUNT streaming and never volatile: a network call on every recalculation gets users blocked', () => {
    for (const id of ['PRICE', 'ACCOUNT']) {
      const fn = functions.find((f) => f.id === id);
      expect([id, Object.entries(fn?.options ?? {}).filter(([, on]) => on)]).toEqual([id, [['stream', true]]]);
    }
  });
});
