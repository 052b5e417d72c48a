import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A risk service's own project, with this package installed beside it (as npm links a local dependency). */
function consumerProject(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'margin-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'multiasset-margin-excel'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"name":"risk-service","private":true}');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, target: 'ES2020', outDir: 'out', types: [] } }),
  );
  writeFileSync(join(dir, 'service.ts'), source);
  return dir;
}

describe('the engine and presets as a typed library', () => {
  it('compiles against the package exports and computes what the sheet computes', () => {
    const dir = consumerProject(`
import { collateralValue, dec } from 'multiasset-margin-excel/engine';
import { PresetRegistry } from 'multiasset-margin-excel/presets';

const preset = new PresetRegistry().resolve('bitget');
const value: string = collateralValue(preset, 'BTC', dec(10), dec(60000)).toString();
console.log(value);
`);
    try {
      execFileSync(process.execPath, [TSC, '-p', dir], { cwd: dir, encoding: 'utf8' });
      const out = execFileSync(process.execPath, [join(dir, 'out', 'service.js')], { cwd: dir, encoding: 'utf8' });
      expect(out.trim()).toBe('582000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
