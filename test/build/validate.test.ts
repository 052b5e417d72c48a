import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { offlineProblems } = require('../../scripts/validate-manifest.js');

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

describe('npm run validate', () => {
  it('passes the offline checks on manifest.xml', () => {
    expect(offlineProblems(manifest)).toEqual([]);
  });

  it('names each offline problem once', () => {
    const broken = manifest.replace('lifetime="long"', 'lifetime="short"').split('resid="Taskpane.Url"').join('resid="Nope.Url"');
    expect(offlineProblems(broken)).toEqual([
      'resid "Nope.Url" is not defined in <Resources>',
      'the shared <Runtime> must have lifetime="long"',
    ]);
    expect(offlineProblems('<OfficeApp><Host>')[0]).toMatch(/^not well-formed XML: /);
  });

  it('says plainly that the online check needs a network, and keeps the offline verdict', () => {
    const run = spawnSync('npm', ['run', '--silent', 'validate'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout).toContain('manifest.xml: offline checks passed');
    // This machine has no network: the service is unreachable and the run still succeeds on the offline checks.
    expect(run.stdout).toMatch(/Online validation not run: it needs a network to reach Microsoft's validation service|manifest is valid/i);
    expect(run.status).toBe(0);
  }, 150_000);
});

describe('ADDIN_BASE_URL', () => {
  it('is refused in one clear line, not a stack trace', () => {
    const run = spawnSync('npx', ['webpack', '--mode', 'production', '--env', 'outDir=/tmp/margin-refused-base'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ADDIN_BASE_URL: 'http://addins.example.com/margin/' },
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('ADDIN_BASE_URL: Office loads add-ins over https only, got "http://addins.example.com/margin/"');
  }, 150_000);
});
