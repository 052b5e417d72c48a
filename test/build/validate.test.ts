import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { offlineProblems, schemaProblems, withoutOverrideTypes } = require('../../scripts/validate-manifest.js');

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

  it('finds manifest.xml valid against the OfficeApp 1.1 schema', async () => {
    expect(await schemaProblems(manifest)).toEqual([]);
  });

  it('names the line and the rule of each schema violation', async () => {
    const broken = manifest
      .replace('<Version>0.1.0.0</Version>', '<Version>v1</Version>')
      .replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const problems: string[] = await schemaProblems(broken);
    const versionLine = manifest.split('\n').findIndex((l) => l.includes('<Version>')) + 1;
    const permissionsLine = manifest.split('\n').findIndex((l) => l.includes('<Permissions>')) + 1;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`^line ${versionLine}: Element 'Version': \\[facet 'pattern'\\] The value 'v1'`));
    expect(problems[1]).toMatch(new RegExp(`^line ${permissionsLine}: Element 'Permissions': \\[facet 'enumeration'\\] The value 'Everything'`));
  });

  it('refuses elements out of the schema\'s order, too long, or missing', async () => {
    const appDomains = /\s*<AppDomains>[\s\S]*?<\/AppDomains>/.exec(manifest)![0];
    const misordered = manifest.replace(appDomains, '').replace('</Hosts>', `</Hosts>${appDomains}`);
    expect((await schemaProblems(misordered)).join('\n')).toMatch(/Element 'AppDomains': This element is not expected/);
    const longName = manifest.replace('<DisplayName DefaultValue="Multi-Asset Margin"/>', `<DisplayName DefaultValue="${'M'.repeat(126)}"/>`);
    expect((await schemaProblems(longName)).join('\n')).toMatch(/DisplayName.*\[facet 'maxLength'\]/);
    const noSettings = manifest.replace(/\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, '');
    expect((await schemaProblems(noSettings)).join('\n')).toMatch(/Element 'Permissions': This element is not expected. Expected is \( .*DefaultSettings \)/);
  });

  it('sets aside only the xsi:type attributes inside <VersionOverrides>, keeping every line', () => {
    const seen = withoutOverrideTypes(manifest);
    expect(seen.split('\n')).toHaveLength(manifest.split('\n').length);
    expect(seen.match(/xsi:type=/g)).toEqual(['xsi:type=']);
    expect(seen).toContain('xsi:type="TaskPaneApp"');
    expect(manifest.match(/xsi:type=/g)!.length).toBeGreaterThan(5);
  });

  it('uses the vendored schema byte for byte as its README records it', () => {
    const schema = readFileSync(join(ROOT, 'schemas', 'manifest', 'OfficeAppManifestV1_1.xsd'));
    const readme = readFileSync(join(ROOT, 'schemas', 'manifest', 'README.md'), 'utf8');
    expect(readme).toContain(createHash('sha256').update(schema).digest('hex'));
  });

  it('says plainly that the online check needs a network, and keeps the offline verdict', () => {
    const run = spawnSync('npm', ['run', '--silent', 'validate'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout).toContain('manifest.xml: offline checks passed (well-formed, resources, runtime, URLs, OfficeApp 1.1 schema).');
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
