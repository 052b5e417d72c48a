import { lstatSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';

// npm ci must pass on a desk machine behind a proxy, with Node and nothing else: no compiler, no system library
// (.ci/run installs with pkg-config's libraries hidden), no binary fetched from a host other than the registry.
const ROOT = join(__dirname, '..', '..');
const MODULES = join(ROOT, 'node_modules');

interface LockPackage {
  hasInstallScript?: boolean;
  gypfile?: boolean;
}

function lockPackages(): Record<string, LockPackage> {
  return (JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> }).packages;
}

/** Every file below a folder with its size, links not followed. */
function* files(dir: string): Generator<{ path: string; size: number }> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield { path, size: lstatSync(path).size };
  }
}

describe('npm ci', () => {
  it('locks no package that builds native code', () => {
    const native = Object.entries(lockPackages())
      .filter(([, pkg]) => pkg.gypfile === true)
      .map(([name]) => name);
    expect(native).toEqual([]);
  });

  it('runs no install script at all', () => {
    const scripted = Object.entries(lockPackages())
      .filter(([, pkg]) => pkg.hasInstallScript === true)
      .map(([name]) => name);
    expect(scripted).toEqual([]);
  });

  it('installs no compiled addon and stays under 550 MB', () => {
    let bytes = 0;
    const addons: string[] = [];
    for (const file of files(MODULES)) {
      bytes += file.size;
      if (file.path.endsWith('.node') || file.path.endsWith('binding.gyp')) addons.push(file.path);
    }
    expect(addons).toEqual([]);
    expect(bytes).toBeLessThan(550 * 1024 * 1024);
    expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
  });
});
