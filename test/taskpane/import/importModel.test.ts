import { readFileSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { BITGET_PRESET, IMPORT_ENDPOINTS, PresetRegistry } from '../../../src/presets';
import {
  changeLine,
  defaultEndpoint,
  fetchedSymbol,
  fetchResponseText,
  orderedLines,
  previewImport,
} from '../../../src/taskpane/import/importModel';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', '..', 'fixtures', 'api', name), 'utf8');

describe('previewImport', () => {
  it("imports Bitget's v3 position tiers for the symbol of the URL they were fetched from, and asks for it otherwise", () => {
    const registry = new PresetRegistry();
    const text = fixture('bitget-v3-position-tier-doc.json');
    const symbol = fetchedSymbol('https://api.bitget.com/api/v3/market/position-tier?category=USDT-FUTURES&symbol=ETHUSDT');
    expect(symbol).toBe('ETHUSDT');
    const out = previewImport(registry, 'bitget', text, '2026-11-21', { symbol: 'ETHUSDT' });
    expect(out.ok && out.value.lines.map((l) => l.what)).toEqual(['brackets.ETHUSDT']);
    const pasted = previewImport(registry, 'bitget', text, '2026-11-21');
    expect(!pasted.ok && pasted.message).toMatch(
      /^preset response\.data\[0\]\.symbol: Bitget's v3 position tiers do not repeat the symbol/,
    );
  });

  it('shows what an imported Bitget table changes, without changing the registry', () => {
    const registry = new PresetRegistry();
    const out = previewImport(registry, 'bitget', fixture('bitget-discount-rate.json'), '2026-11-21');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.imported.id).toBe('bitget-imported');
    expect(out.value.imported.status).toBe('imported');
    expect(out.value.before).toBe(BITGET_PRESET);
    expect(out.value.replaces).toBe(false);
    expect(out.value.lines.length).toBe(out.value.changes.length);
    expect(out.value.lines.some((l) => l.what.startsWith('ETH '))).toBe(true);
    expect(registry.customs()).toEqual([]);
  });

  it('compares against an earlier import of the same exchange', () => {
    const registry = new PresetRegistry();
    const first = previewImport(registry, 'bitget', fixture('bitget-discount-rate.json'), '2026-11-21');
    if (!first.ok) throw new Error(first.message);
    registry.upsertCustom(first.value.imported);
    const again = previewImport(registry, 'bitget', fixture('bitget-discount-rate.json'), '2026-11-21');
    expect(again.ok && again.value.replaces).toBe(true);
    expect(again.ok && again.value.before.id).toBe('bitget-imported');
  });

  it('imports a pasted leverage-bracket response into the earlier import, keeping its haircut tables', () => {
    const registry = new PresetRegistry();
    const tables = previewImport(registry, 'bitget', fixture('bitget-discount-rate-doc.json'), '2026-11-30');
    if (!tables.ok) throw new Error(tables.message);
    registry.upsertCustom(tables.value.imported);
    const brackets = previewImport(registry, 'bitget', fixture('bitget-query-position-lever-doc.json'), '2026-11-30');
    if (!brackets.ok) throw new Error(brackets.message);
    expect(brackets.value.replaces).toBe(true);
    expect(brackets.value.lines).toEqual([
      {
        what: 'brackets.BTCUSDT',
        title: 'BTCUSDT leverage brackets',
        kind: 'table',
        before: '—',
        after: '0 to 50000: mmr 0.004, cum 0, 125×; 50000 to 200000: mmr 0.005, cum 50, 100×',
      },
    ]);
    expect(brackets.value.imported.assets.BTC?.tiers[0]?.ratio.toString()).toBe('0.99');
    registry.upsertCustom(brackets.value.imported);
    const again = previewImport(registry, 'bitget', fixture('bitget-discount-rate-doc.json'), '2026-11-30');
    if (!again.ok) throw new Error(again.message);
    expect(Object.keys(again.value.imported.brackets ?? {})).toEqual(['BTCUSDT']);
    expect(again.value.lines.some((l) => l.what.startsWith('brackets'))).toBe(false);
  });

  it('refuses malformed JSON with the line and column', () => {
    const out = previewImport(new PresetRegistry(), 'bitget', '{"code": "00000", "data": [}', '2026-11-21');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/^preset: malformed JSON at line 1, column 28/);
  });

  it('refuses an exchange error response with the exchange’s words', () => {
    const out = previewImport(new PresetRegistry(), 'bitget', fixture('bitget-discount-rate-error.json'), '2026-11-21');
    expect(!out.ok && out.message).toContain('Parameter does not exist');
  });

  it('refuses an unexpected shape, naming the response path', () => {
    const out = previewImport(new PresetRegistry(), 'bybit', '{"hello": "world"}', '2026-11-21');
    expect(!out.ok && out.message).toMatch(/^preset response/);
  });

  it('says which response was expected, and what it looks like, for a paste of the wrong shape', () => {
    const out = previewImport(new PresetRegistry(), 'bybit', '{"hello": "world"}', '2026-11-21');
    expect(!out.ok && out.message).toContain(
      'Expected Bybit’s collateral response (GET /v5/spot-margin-trade/collateral), which looks like {"retCode":0,"result":{"list":[{"currency":"BTC","collateralRatioList":[',
    );
  });

  it('names the exchange whose response was pasted under another exchange', () => {
    const out = previewImport(new PresetRegistry(), 'okx', fixture('bitget-discount-rate.json'), '2026-11-21');
    expect(!out.ok && out.message).toMatch(
      /^This is Bitget’s response: choose Bitget under Exchange\. Expected OKX’s discount-rate-interest-free-quota response /,
    );
  });

  it('lists tier changes first and notes last', () => {
    const lines = orderedLines([
      changeLine({ asset: 'BTC', field: 'note', before: null, after: 'x' }),
      changeLine({ asset: null, field: 'rules.ltvTrigger', before: '1', after: '0.995' }),
      changeLine({ asset: 'ETH', field: 'individualLimit', before: null, after: '100' }),
      changeLine({ asset: 'ETH', field: 'tiers[1]', before: null, after: '10 to 20 at 0.9' }),
    ]);
    expect(lines.map((l) => [l.kind, l.title])).toEqual([
      ['table', 'ETH tier 2'],
      ['rate', 'LTV trigger'],
      ['limit', 'ETH individualLimit'],
      ['note', 'BTC note'],
    ]);
  });

  it('words a change for display', () => {
    expect(changeLine({ asset: 'BTC', field: 'tiers[0]', before: null, after: '0 to 10 at 0.95' })).toEqual({
      what: 'BTC tiers[0]',
      title: 'BTC tier 1',
      kind: 'table',
      before: '—',
      after: '0 to 10 at 0.95',
    });
  });

  it('pre-fills each exchange’s public endpoint', () => {
    expect(defaultEndpoint('okx')).toBe(IMPORT_ENDPOINTS.okx);
  });
});

describe('fetchResponseText', () => {
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/table') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(fixture('bitget-discount-rate.json'));
      } else if (req.url === '/slow') {
        const timer = setTimeout(() => res.end('[]'), 2000);
        res.on('close', () => clearTimeout(timer));
      } else {
        res.writeHead(404, 'Not Found');
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns the body of a local endpoint', async () => {
    expect(await fetchResponseText(`${base}/table`, fetch)).toBe(fixture('bitget-discount-rate.json'));
  });

  it('reports an HTTP error and suggests pasting', async () => {
    await expect(fetchResponseText(`${base}/missing`, fetch)).rejects.toThrow(
      `endpoint URL: fetching ${base}/missing failed (HTTP 404 Not Found); paste the response JSON instead`,
    );
  });

  it('gives up after the timeout', async () => {
    await expect(fetchResponseText(`${base}/slow`, fetch, 100)).rejects.toThrow(
      `fetching ${base}/slow failed (timeout after 0.1 s); paste the response JSON instead`,
    );
  });

  it('refuses a URL that is not http(s)', async () => {
    await expect(fetchResponseText('file:///etc/passwd', fetch)).rejects.toThrow('expected an http(s) URL');
  });
});
