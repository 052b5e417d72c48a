import { execFileSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..', '..');
export const DIST = join(ROOT, 'dist');
const PAGE = join(DIST, 'taskpane.html');
const INPUTS = ['src', 'webpack.config.js', 'manifest.xml'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * Builds the add-in unless dist/ is newer than every source: `npm test` builds first, so this only builds
 * when the browser tests are run on their own after a change.
 */
export function ensureBuilt(): void {
  const built = existsSync(PAGE) ? statSync(PAGE).mtimeMs : 0;
  const sources = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  if (built > sources) return;
  execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
}
