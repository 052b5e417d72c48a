#!/usr/bin/env node
// npm start: builds the add-in in development mode and serves it with webpack-dev-server over https on
// https://localhost:3000/ (rebuilt and reloaded on every change), then says how to sideload manifest.xml. Where
// Excel is installed (Windows, macOS) it also sideloads the add-in into Excel desktop (scripts/sideload.js: a
// registry value on Windows, a copy in Excel's wef folder on macOS) and takes it out again when stopped;
// `npm start -- --no-sideload` only serves. Every tool it runs comes from npm ci: nothing
// is downloaded at run time. The server runs in this process, so stopping it (Ctrl+C, or a signal to its process
// id) frees the port.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CERT_DIR = path.join(ROOT, '.certs');
const OFFICE_DEV_CERTS = path.join(os.homedir(), '.office-addin-dev-certs');
const DEFAULT_PORT = 3000;

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

/**
 * The development server: webpack-dev-server over https, building in memory (dist/ is left to `npm run build`),
 * reloading the pane on change, with no caching so Excel always loads the newest bundle.
 */
function createDevServer({ port, cert }) {
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'development' });
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      host: 'localhost',
      port,
      server: { type: 'https', options: { key: cert.key, cert: cert.cert } },
      headers: { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false, logging: 'warn' },
      devMiddleware: { index: 'taskpane.html' },
      // Never opens a browser or asks questions: npm start runs unattended in scripts and CI too.
      open: false,
      setupExitSignals: false,
    },
    compiler,
  );
  return server;
}

function excelInstalled() {
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform !== 'win32') return false;
  const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
  return roots.some((dir) => fs.existsSync(path.join(dir, 'Microsoft Office', 'root', 'Office16', 'EXCEL.EXE')));
}

/** Registers (or with remove, unregisters) manifest.xml with Excel desktop here; a failure is said, not fatal. */
function sideload(remove) {
  const { sideloadPlan, runPlan, describePlan } = require('./sideload.js');
  try {
    const plan = sideloadPlan({ platform: process.platform, remove });
    runPlan(plan);
    process.stdout.write(`${describePlan(plan, remove)}\n`);
  } catch (error) {
    process.stderr.write(`npm start: sideloading failed (${error.message ?? error}); sideload by hand as above.\n`);
  }
}

function instructions(cert, port) {
  const manifest = path.join(ROOT, 'manifest.xml');
  const trust = cert.trusted
    ? 'The certificate is the one office-addin-dev-certs installed and trusts.'
    : `The certificate is self-signed (${path.relative(ROOT, cert.file)}). Either run
    npx office-addin-dev-certs install
  (installs and trusts a localhost certificate; then restart npm start, which uses it), or trust this one once:
  see "Trust the development certificate" in README.md. Check by opening https://localhost:${port}/taskpane.html.`;
  return `
Multi-Asset Margin is served at https://localhost:${port}/ (rebuilt on every change; Ctrl+C stops).
${trust}

Sideload the add-in with ${manifest}:
  Excel on the web:     open a workbook, Insert > Add-ins > Upload My Add-in (on some plans: Home > Add-ins >
                        More Add-ins > My Add-ins > Upload My Add-in), and choose manifest.xml.
  Excel on Windows/Mac: npm run sideload (npm start does it itself where Excel is installed), then restart Excel
                        (Windows: a value under HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer;
                        Mac: a copy in ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef)
                        (Windows alternative: share the folder holding manifest.xml, add its \\\\host\\share path
                        under File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs,
                        restart Excel, then Insert > My Add-ins > Shared Folder.)
Then type =MARGIN. in a cell, or open Home > Margin Presets.
`;
}

/** `--port N` (for tests; the manifest's URLs name port 3000) and `--no-sideload`. */
function parseArgs(argv) {
  const at = argv.indexOf('--port');
  const port = at >= 0 ? Number(argv[at + 1]) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected a port number, got ${argv[at + 1]}`);
  return { port, sideload: !argv.includes('--no-sideload') };
}

async function main(argv) {
  const { port, sideload: wantSideload } = parseArgs(argv);
  const cert = await loadCertificate();
  const server = createDevServer({ port, cert });
  try {
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    if (error.code === 'EADDRINUSE') {
      throw new Error(`port ${port} is in use: stop the other server (an earlier npm start)`);
    }
    throw error;
  }
  process.stdout.write(instructions(cert, port));

  let sideloaded = false;
  if (wantSideload && excelInstalled()) {
    sideloaded = true;
    process.stdout.write('Excel is installed here: sideloading the add-in into Excel desktop...\n');
    sideload(false);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const exit = () => process.exit(0);
    server.stop().finally(() => {
      if (sideloaded) sideload(true);
      exit();
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stop);
  // `kill <pid of npm start>` ends npm without passing the signal on, and this process would keep the port as an
  // orphan: it stops when its parent is gone.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500).unref();
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`npm start: ${error.message ?? error}\n`);
    process.exit(1);
  });
}

module.exports = { generateCertificate, loadCertificate, parseArgs };
