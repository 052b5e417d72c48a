import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The installed command: bin/multiasset.js running the compiled build/cli (made by `npm run prepare`). */
const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/multiasset.js');

describe('bin/multiasset.js', () => {
  it('prints 582000 for the docs/RULES.md example', () => {
    const out = execFileSync(process.execPath, [BIN, 'eval', '=MARGIN.COLLATERAL_VALUE("BTC",10,60000,"bitget")'], { encoding: 'utf8' });
    expect(out).toBe('582000\n');
  });

  it('recalculates the sample workbook to JSON', () => {
    const out = execFileSync(process.execPath, [BIN, 'recalc', join(ROOT, 'examples/desk.xlsx'), '--json'], { encoding: 'utf8' });
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(json['Balances!F3']).toBe(114000);
    expect((json['Tables!A22'] as unknown[][])[5]).toEqual([5000000, '', 0.85, 'value']);
  });

  it('exits 2 with the usage on stderr for a usage error', () => {
    const result = spawnSync(process.execPath, [BIN, 'eval'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('multiasset: eval needs at least one formula');
  });
});
