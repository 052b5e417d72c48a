import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, win32 } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sideloadPlan, runPlan, manifestId, WINDOWS_KEY } = require('../../scripts/sideload.js');

const ROOT = join(__dirname, '..', '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const ID = /<Id>([^<]+)<\/Id>/.exec(readFileSync(MANIFEST, 'utf8'))?.[1];

describe('sideload', () => {
  let home: string;
  beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sideload-'))));
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it("reads the manifest's own Id", () => {
    expect(manifestId(readFileSync(MANIFEST, 'utf8'))).toBe(ID);
    expect(() => manifestId('<OfficeApp/>')).toThrow('manifest.xml has no <Id> GUID');
  });

  it('registers the manifest on Windows as a value named by its Id under the developer key', () => {
    const plan = sideloadPlan({ platform: 'win32', home });
    expect(WINDOWS_KEY).toBe('HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer');
    expect(plan.steps).toEqual([{ kind: 'reg', args: ['add', WINDOWS_KEY, '/v', ID, '/t', 'REG_SZ', '/d', win32.resolve(MANIFEST), '/f'] }]);
    expect(sideloadPlan({ platform: 'win32', home, remove: true }).steps).toEqual([{ kind: 'reg', args: ['delete', WINDOWS_KEY, '/v', ID, '/f'] }]);
  });

  it('runs reg.exe with exactly those arguments', () => {
    // reg.exe exists only on Windows: a stand-in on the PATH records what it was asked.
    const log = join(home, 'reg.log');
    const reg = join(home, 'reg');
    writeFileSync(reg, `#!/bin/sh\nprintf '%s\\n' "$@" > ${log}\n`);
    chmodSync(reg, 0o755);
    runPlan(sideloadPlan({ platform: 'win32', home }), { reg });
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['add', WINDOWS_KEY, '/v', ID, '/t', 'REG_SZ', '/d', win32.resolve(MANIFEST), '/f']);
  });

  it("says what reg.exe said when it fails", () => {
    const reg = join(home, 'reg');
    writeFileSync(reg, '#!/bin/sh\necho "ERROR: Access is denied." >&2\nexit 1\n');
    chmodSync(reg, 0o755);
    expect(() => runPlan(sideloadPlan({ platform: 'win32', home }), { reg })).toThrow(`reg add ${WINDOWS_KEY} failed: ERROR: Access is denied.`);
  });

  it("copies the manifest into Excel for Mac's wef folder, and takes it out again", () => {
    const target = join(home, 'Library/Containers/com.microsoft.Excel/Data/Documents/wef', `${ID}.manifest.xml`);
    runPlan(sideloadPlan({ platform: 'darwin', home }));
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(MANIFEST, 'utf8'));
    runPlan(sideloadPlan({ platform: 'darwin', home, remove: true }));
    expect(existsSync(target)).toBe(false);
  });

  it('says how to upload the manifest where there is no Excel desktop', () => {
    const plan = sideloadPlan({ platform: 'linux', home });
    expect(plan.steps).toEqual([]);
    expect(plan.manual).toContain('Insert > Add-ins > Upload My Add-in');
    expect(plan.manual).toContain(MANIFEST);
  });
});
