import { type ChildProcess, spawn } from 'child_process';
import { get } from 'https';
import { createServer } from 'net';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCertificate, parseArgs } = require('../../scripts/start.js');

const ROOT = join(__dirname, '..', '..');

interface Reply {
  status: number;
  type: string | undefined;
  cache: string | undefined;
  body: string;
  altNames: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function fetchPath(port: number, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // The certificate is checked below by its names; whether this machine trusts it is the user's step.
    get({ host: 'localhost', port, path, rejectUnauthorized: false }, (response) => {
      const altNames = (response.socket as unknown as { getPeerCertificate(): { subjectaltname?: string } }).getPeerCertificate()
        .subjectaltname;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'],
          cache: response.headers['cache-control'],
          body,
          altNames: altNames ?? '',
        }),
      );
    }).on('error', reject);
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('npm start', () => {
  let child: ChildProcess | undefined;
  let port = 0;
  let output = '';

  beforeAll(async () => {
    port = await freePort();
    child = spawn('npm', ['start', '--', '--no-sideload', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('served at'), 'the server to listen');
  }, 120_000);

  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the built add-in over https with a certificate for localhost, never cached', async () => {
    const functions = await fetchPath(port, '/functions.json');
    expect([functions.status, functions.type, functions.cache]).toEqual([200, 'application/json; charset=utf-8', 'no-store']);
    expect(JSON.parse(functions.body).functions.map((f: { id: string }) => f.id)).toContain('COLLATERAL_VALUE');
    expect(functions.altNames).toContain('DNS:localhost');
    const page = await fetchPath(port, '/');
    expect([page.status, page.type]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('Content-Security-Policy');
  }, 120_000);

  it('prints how to sideload the manifest with the tools npm ci installed', () => {
    expect(output).toContain(`Multi-Asset Margin is served at https://localhost:${port}/`);
    expect(output).toContain('Upload My Add-in');
    expect(output).toContain('office-addin-dev-certs install');
  });

  it('frees the port when npm start is stopped by its process id', async () => {
    child?.kill('SIGTERM');
    await waitFor(() => portIsFree(port), `port ${port} to be free`, 15_000);
    expect(await portIsFree(port)).toBe(true);
  }, 30_000);
});

describe('start options', () => {
  it('serves on port 3000 and sideloads unless told otherwise', () => {
    expect(parseArgs([])).toEqual({ port: 3000, sideload: true });
    expect(parseArgs(['--no-sideload', '--port', '4000'])).toEqual({ port: 4000, sideload: false });
  });

  it('refuses a port that is not a number', () => {
    expect(() => parseArgs(['--port', 'x'])).toThrow('--port: expected a port number, got x');
  });

  it('makes a self-signed certificate naming localhost and 127.0.0.1', async () => {
    const { cert } = await generateCertificate();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { X509Certificate } = require('crypto');
    expect(new X509Certificate(cert).subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
  });
});
