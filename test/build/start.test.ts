import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import { get, type Server } from 'https';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCertificate, startServer } = require('../../scripts/start.js');

interface Reply {
  status: number;
  type: string | undefined;
  body: string;
}

let root = '';
let server: Server;
let cert: { cert: string; key: string };

function fetchPath(path: string): Promise<Reply> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    // The client trusts exactly the server's self-signed certificate, as a browser does once it is trusted.
    get({ host: 'localhost', port, path, ca: cert.cert }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'margin-serve-'));
  mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(root, 'dist', 'taskpane.html'), '<!doctype html><title>pane</title>');
  writeFileSync(join(root, 'dist', 'functions.json'), '{"functions":[]}');
  writeFileSync(join(root, 'secret.txt'), 'outside the served folder');
  cert = await generateCertificate();
  server = await startServer({ root: join(root, 'dist'), port: 0, cert });
});

afterAll(() => {
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the npm start server', () => {
  it('serves built files over https with a certificate for localhost', async () => {
    await expect(fetchPath('/functions.json')).resolves.toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: '{"functions":[]}',
    });
  });

  it('serves the task pane page for the root path', async () => {
    const reply = await fetchPath('/');
    expect([reply.status, reply.type, reply.body]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>pane</title>']);
  });

  it('ignores the query string and the fragment of a URL', async () => {
    expect((await fetchPath('/functions.json?v=2')).status).toBe(200);
  });

  it('answers 404 for a missing file', async () => {
    expect((await fetchPath('/nothing.js')).status).toBe(404);
  });

  it.each(['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt'])(
    'serves nothing outside the built folder (%s)',
    async (path) => {
      const reply = await fetchPath(path);
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('outside the served folder');
    },
  );
});
