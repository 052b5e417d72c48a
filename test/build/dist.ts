import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

/** dist/ as `npm test` leaves it (it runs `npm run build` before jest); a clear failure when it is missing. */
export function distFile(relative: string): string {
  const file = join(DIST, relative);
  if (!existsSync(join(DIST, 'functions.json'))) {
    throw new Error('dist/ has no build: run `npm run build` first (`npm test` does it before jest)');
  }
  return file;
}

export function readDist(relative: string): string {
  return readFileSync(distFile(relative), 'utf8');
}
