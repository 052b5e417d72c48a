#!/usr/bin/env node
// npm start: builds the add-in (development mode, rebuilt on every change), serves dist/ over https on
// https://localhost:3000/ and says how to sideload manifest.xml. Where Excel is installed (Windows, macOS) it
// also sideloads the add-in into Excel desktop; `npm start -- --no-sideload` only serves.
'use strict';
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CERT_DIR = path.join(ROOT, '.certs');
const OFFICE_DEV_CERTS = path.join(os.homedir(), '.office-addin-dev-certs');
const PORT = 3000;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A handler serving the files under `root`; nothing outside it, whatever the request path says. */
function staticHandler(root) {
  const base = path.resolve(root);
  return (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'https://localhost');
    let file;
    try {
      file = path.resolve(base, `.${decodeURIComponent(pathname)}`);
    } catch {
      file = null;
    }
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'taskpane.html');
    if (!file || !file.startsWith(base + path.sep) || !fs.existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`Not found: ${pathname}\n`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      // A rebuilt bundle must reach Excel on the next reload, not a cached one.
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(response);
  };
}

/** Starts the https server; resolves once it listens (port 0 = any free port, for tests). */
function startServer({ root, port, cert }) {
  return new Promise((resolve, reject) => {
    const server = https.createServer({ key: cert.key, cert: cert.cert }, staticHandler(root));
    server.once('error', reject);
    server.listen(port, 'localhost', () => resolve(server));
  });
}

function readPair(dir, certName, keyName) {
  const certFile = path.join(dir, certName);
  const keyFile = path.join(dir, keyName);
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) return null;
  const cert = fs.readFileSync(certFile, 'utf8');
  const validTo = new Date(new crypto.X509Certificate(cert).validTo);
  if (validTo.getTime() < Date.now() + 24 * 3600 * 1000) return null;
  return { cert, key: fs.readFileSync(keyFile, 'utf8'), file: certFile };
}

/** A self-signed certificate for localhost, valid for a year, with the names browsers check. */
async function generateCertificate() {
  const selfsigned = require('selfsigned');
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 1);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * The certificate Office's own tooling installs and trusts (`npx office-addin-dev-certs install`) when present;
 * otherwise the project's self-signed one in .certs/, made on first use.
 */
async function loadCertificate() {
  const trusted = readPair(OFFICE_DEV_CERTS, 'localhost.crt', 'localhost.key');
  if (trusted) return { ...trusted, trusted: true };
  const own = readPair(CERT_DIR, 'localhost.crt', 'localhost.key');
  if (own) return { ...own, trusted: false };
  const made = await generateCertificate();
  fs.mkdirSync(CERT_DIR, { recursive: true });
  fs.writeFileSync(path.join(CERT_DIR, 'localhost.crt'), made.cert);
  fs.writeFileSync(path.join(CERT_DIR, 'localhost.key'), made.key, { mode: 0o600 });
  return { ...made, file: path.join(CERT_DIR, 'localhost.crt'), trusted: false };
}

/** Builds dist/ in development mode and keeps rebuilding on change; resolves after the first build. */
function buildAndWatch() {
  const webpack = require('webpack');
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'development' });
  const compiler = webpack({ ...config, watchOptions: { ignored: /node_modules|dist|\.certs/ } });
  return new Promise((resolve, reject) => {
    let first = true;
    compiler.watch({}, (error, stats) => {
      if (error) {
        if (first) reject(error);
        else process.stderr.write(`${error.stack ?? error}\n`);
        return;
      }
      const failed = stats.hasErrors();
      const summary = stats.toString({ preset: failed ? 'errors-warnings' : 'none', colors: false });
      if (summary.trim()) process.stdout.write(`${summary}\n`);
      process.stdout.write(failed ? 'Build failed; fix the errors above, it rebuilds on save.\n' : `Built dist/ (${new Date().toLocaleTimeString()})\n`);
      if (first) {
        first = false;
        resolve(compiler);
      }
    });
  });
}

function excelInstalled() {
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform !== 'win32') return false;
  const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
  return roots.some((dir) => fs.existsSync(path.join(dir, 'Microsoft Office', 'root', 'Office16', 'EXCEL.EXE')));
}

function officeAddinDebugging(args) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  return spawn(npx, ['--yes', 'office-addin-debugging@7', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}

function instructions(cert) {
  const manifest = path.join(ROOT, 'manifest.xml');
  const trust = cert.trusted
    ? 'The certificate is the one office-addin-dev-certs installed and trusts.'
    : `The certificate is self-signed (${path.relative(ROOT, cert.file)}): trust it once, or run
    npx office-addin-dev-certs install
  and restart npm start, which then uses that trusted certificate. Check by opening https://localhost:${PORT}/taskpane.html.`;
  return `
Multi-Asset Margin is served at https://localhost:${PORT}/ (rebuilt on every change; Ctrl+C stops).
${trust}

Sideload the add-in with ${manifest}:
  Excel on the web:     open a workbook, Insert > Add-ins > Upload My Add-in (on some plans: Home > Add-ins >
                        More Add-ins > My Add-ins > Upload My Add-in), and choose manifest.xml.
  Excel on Windows/Mac: npx office-addin-debugging start manifest.xml desktop --dev-server-port ${PORT}
                        (Windows alternative: share the folder holding manifest.xml, add its \\\\host\\share path
                        under File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs,
                        restart Excel, then Insert > My Add-ins > Shared Folder.)
Then type =MARGIN. in a cell, or open Home > Margin Presets.
`;
}

async function main(argv) {
  const cert = await loadCertificate();
  const compiler = await buildAndWatch();
  let server;
  try {
    server = await startServer({ root: DIST, port: PORT, cert });
  } catch (error) {
    compiler.close(() => {});
    if (error.code === 'EADDRINUSE') {
      throw new Error(`port ${PORT} is in use: stop the other server (an earlier npm start, or office-addin-debugging stop manifest.xml)`);
    }
    throw error;
  }
  process.stdout.write(instructions(cert));

  let sideloaded = false;
  if (!argv.includes('--no-sideload') && excelInstalled()) {
    sideloaded = true;
    process.stdout.write('Excel is installed here: sideloading the add-in into Excel desktop...\n');
    officeAddinDebugging(['start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', String(PORT)]);
  }
  const stop = () => {
    server.close();
    compiler.close(() => {});
    if (sideloaded) officeAddinDebugging(['stop', 'manifest.xml']).on('exit', () => process.exit(0));
    else process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`npm start: ${error.message ?? error}\n`);
    process.exit(1);
  });
}

module.exports = { staticHandler, startServer, generateCertificate, loadCertificate };
