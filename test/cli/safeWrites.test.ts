import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESK } from './support/workbooks';
import { run } from './support/packages';

/**
 * Every file the command line writes goes through one safe writer: a failed or interrupted write leaves the
 * previous file as it was and no temporary file behind. These run the installed command (`build/`), in child
 * processes that hit a real file-size limit (`ulimit -f`: Node ignores SIGXFSZ, the write fails with EFBIG),
 * a real full disk (a 16 KB tmpfs in a private mount namespace: ENOSPC) and real signals.
 */
const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/multiasset.js');
const API = join(ROOT, 'test/fixtures/api');
const ACCOUNT = join(ROOT, 'test/fixtures/account');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-safe-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD = 'the previous contents, which must survive';

function folderWithOldFile(name: string, file: string): { folder: string; target: string } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const target = join(folder, file);
  writeFileSync(target, OLD);
  return { folder, target };
}

/** The command under `ulimit -f 2` (1 KB in sh's 512-byte blocks; the files written are larger). */
function withFileSizeLimit(args: readonly string[]): { status: number | null; stderr: string } {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const result = spawnSync('sh', ['-c', `ulimit -f 2 && exec ${quoted}`], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('a file-size limit (EFBIG) leaves the old file and names it', () => {
  it.each([
    ['recalc --out', (target: string) => ['recalc', DESK, '--out', target], 'desk.xlsx'],
    ['import --out', (target: string) => ['import', 'bitget', join(API, 'bitget-discount-rate-doc.json'), '--out', target], 'preset.json'],
    [
      'account --out --force',
      (target: string) => [
        'account',
        'bybit',
        join(ACCOUNT, 'bybit-wallet-balance.json'),
        join(ACCOUNT, 'bybit-position-list-linear.json'),
        '--out',
        target,
        '--force',
      ],
      'account.xlsx',
    ],
  ])('%s', (name, argv, file) => {
    const { folder, target } = folderWithOldFile(`efbig-${name.split(' ')[0] ?? ''}`, file);
    const { status, stderr } = withFileSizeLimit(argv(target));
    expect(status).toBe(1);
    expect(stderr).toContain(`multiasset: ${target}: not written, and left as it was (larger than this system lets a file grow: EFBIG`);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(folder)).toEqual([file]);
  });
});

describe('a full disk (ENOSPC) leaves the old file and names it', () => {
  it('recalc --out onto a 16 KB file system holding the previous copy', () => {
    const mount = join(dir, 'full');
    mkdirSync(mount);
    const target = join(mount, 'desk-copy.xlsx');
    // In a private mount namespace: the tmpfs exists only for this shell and its children.
    const script = [
      `mount -t tmpfs -o size=16k tmpfs '${mount}'`,
      `head -c 12000 /dev/zero > '${target}'`,
      `'${process.execPath}' '${BIN}' recalc '${DESK}' --out '${target}'`,
      'echo "status=$?"',
      `ls -A '${mount}'`,
      `wc -c < '${target}'`,
    ].join('; ');
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], { encoding: 'utf8' });
    expect(result.stderr).toContain(`multiasset: ${target}: not written, and left as it was (the disk is full: ENOSPC`);
    expect(result.stdout.trim().split('\n')).toEqual(['status=1', 'desk-copy.xlsx', '12000']);
  });
});

describe('a signal while writing removes the temporary file and keeps the old one', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s', async (signal) => {
    const { folder, target } = folderWithOldFile(`signal-${signal}`, 'book.xlsx');
    // A write that has begun and does not end until the signal comes.
    const script = `
      const { writeFileAtomically } = require(${JSON.stringify(join(ROOT, 'build/cli/safeWrite.js'))});
      setInterval(() => undefined, 1000);
      writeFileAtomically(${JSON.stringify(target)}, async (file) => {
        await file.writeFile('half of the new');
        process.stdout.write('writing\\n');
        await new Promise(() => undefined);
      });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, s) => resolve(s)));
    child.kill(signal);
    expect(await exit).toBe(signal);
    expect(readdirSync(folder)).toEqual(['book.xlsx']);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });
});

describe('account --out onto a file that exists', () => {
  const argv = (target: string, ...more: string[]) => [
    'account',
    'bybit',
    join(ACCOUNT, 'bybit-wallet-balance.json'),
    join(ACCOUNT, 'bybit-position-list-linear.json'),
    '--out',
    target,
    ...more,
  ];

  it('refuses without --force, leaving the file as it was', async () => {
    const target = join(dir, 'desk-model.xlsx');
    copyFileSync(DESK, target);
    const { code, out, err } = await run(...argv(target));
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toBe(`multiasset: ${target}: exists; account writes a new workbook: name another file, or add --force to replace it whole`);
    expect(readFileSync(target).equals(readFileSync(DESK))).toBe(true);
  });

  it('replaces it whole with --force', async () => {
    const target = join(dir, 'replaced.xlsx');
    copyFileSync(DESK, target);
    const { code, err } = await run(...argv(target, '--force'));
    expect({ code, err }).toEqual({ code: 0, err: `multiasset: wrote ${target} (sheets Balances, Positions, Reconciliation)` });
    expect(readFileSync(target).equals(readFileSync(DESK))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes --force only with --out', async () => {
    const { code, err } = await run('account', 'bybit', join(ACCOUNT, 'bybit-wallet-balance.json'), '--force');
    expect(code).toBe(2);
    expect(err).toContain('--force goes with --out');
  });

  it('writes a new file without --force', async () => {
    const target = join(dir, 'new-account.xlsx');
    expect(existsSync(target)).toBe(false);
    expect((await run(...argv(target))).code).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});
