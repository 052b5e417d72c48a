import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dec } from '../../src/engine';
import type { Dec } from '../../src/engine/decimal';
import { invoke } from '../../src/functions/core';
import type { AccountDocuments, AccountTable } from '../../src/live/stream';
import { AccountReader, accountTable, privateFeed } from '../../src/live/stream';
import { BUILTIN_PRESETS, parsePresetText, PresetRegistry } from '../../src/presets';
import type { AccountSnapshot } from '../../src/presets/account';
import { importAccountSnapshot } from '../../src/presets/account';
import { accountFixture, liveFixture } from '../support/accountServer';

/**
 * The live account read incrementally (only the rows an event replaced are read again) gives exactly what reading
 * the same documents afresh gives, as a pasted snapshot is read: every snapshot field (Decimals compared by value),
 * every table cell, every refusal's message, and MARGIN_RATIO, AVAILABLE_FOR_ORDER and LIQUIDATION_PRICE on the
 * tables. Random Binance ACCOUNT_UPDATE sequences, with collateral prices moving between them.
 */

type Row = Record<string, unknown>;

const preset = parsePresetText(readFileSync(join(__dirname, '../../examples/presets/bitget-brackets.json'), 'utf8'));
const ctx = { registry: new PresetRegistry([...BUILTIN_PRESETS, preset]) };
const feed = privateFeed('binance');

// The recorded rows' shapes (GET /fapi/v2/account's asset and position rows, positionRisk's rows), with the
// figures varied below.
const recordedAccount = accountFixture('binance-account-v2.json') as Row;
const assetTemplate = (recordedAccount.assets as Row[])[0] as Row;
const accountPositionTemplate = (recordedAccount.positions as Row[])[0] as Row;
const riskTemplate = (accountFixture('binance-positionRisk-v2.json') as Row[])[0] as Row;
const recordedUpdate = liveFixture('binance-account-update.json');

const asset = (name: string, amount: string): Row => ({ ...assetTemplate, asset: name, walletBalance: amount, crossWalletBalance: amount });

/** A starting account: USDT, BTC and ETH collateral, BTCUSDT rows following brackets, ETHUSDT rows with margins. */
function startingDocuments(): AccountDocuments {
  const account = {
    ...recordedAccount,
    assets: [asset('USDT', '250000.5'), asset('BTC', '1.25'), asset('ETH', '-3.5'), asset('USDC', '0')],
    // v2's account rows: ETHUSDT's margins, which positionRisk v2 leaves out.
    positions: [
      {
        ...accountPositionTemplate,
        symbol: 'ETHUSDT',
        positionSide: 'LONG',
        positionAmt: '12',
        entryPrice: '3000',
        unrealizedProfit: '600',
        maintMargin: '180',
        initialMargin: '3660',
        positionInitialMargin: '3660',
      },
    ],
  };
  const risk = (symbol: string, side: string, amount: string, entry: string, mark: string, extra: Row = {}): Row => {
    const row: Row = { ...riskTemplate, symbol, positionSide: side, positionAmt: amount, entryPrice: entry, markPrice: mark, ...extra };
    delete row.notional;
    return row;
  };
  const positions = [
    risk('BTCUSDT', 'LONG', '0.8', '61000', '62000.5'),
    risk('BTCUSDT', 'SHORT', '-0.3', '63000', '62000.5'),
    risk('ETHUSDT', 'LONG', '12', '3000', '3050'),
    // positionRisk v3: its own margins.
    risk('SOLUSDT', 'BOTH', '-40', '150', '148.25', { maintMargin: '29.65', initialMargin: '593', notional: '-5930' }),
  ];
  return { account, positions };
}

const decimalText = (min: number, max: number, places: number) =>
  fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((n) =>
    dec(n)
      .div(10 ** places)
      .toString(),
  );

/** Now and then a figure the readers refuse: the refusal must be the same either way, row path included. */
const sometimesBad = (good: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom('abc', '') });

const balanceChange = fc.record({ a: fc.constantFrom('USDT', 'BTC', 'ETH', 'USDC'), amount: sometimesBad(decimalText(-5, 300_000, 4)) });

const positionChange = fc.record({
  s: fc.constantFrom('BTCUSDT', 'BTCUSDT', 'ETHUSDT', 'SOLUSDT'),
  ps: fc.constantFrom('BOTH', 'LONG', 'SHORT'),
  pa: fc.oneof(fc.constant('0'), sometimesBad(decimalText(-2, 2, 3))),
  ep: decimalText(100, 70_000, 2),
  mt: fc.constantFrom('cross', 'cross', 'cross', 'isolated'),
});

/** An ACCOUNT_UPDATE as Binance sends it (the recorded event's fields), or a move of the collateral prices. */
const step = fc.oneof(
  fc.record({ B: fc.array(balanceChange, { maxLength: 2 }), P: fc.array(positionChange, { maxLength: 3 }) }).map(({ B, P }) => ({
    event: {
      ...recordedUpdate,
      a: {
        m: 'ORDER',
        B: B.map((b) => ({ a: b.a, wb: b.amount, cw: b.amount, bc: '0' })),
        P: P.map((p) => ({ ...p, bep: p.ep, cr: '0', up: '0', iw: '0' })),
      },
    },
  })),
  fc.record({ prices: fc.record({ BTC: decimalText(50_000, 70_000, 2), ETH: decimalText(2_000, 4_000, 2) }) }),
);

/** A snapshot with every Decimal as its exact text, for comparison. */
const plain = (snapshot: AccountSnapshot): unknown =>
  JSON.parse(
    JSON.stringify(snapshot, (_key, value: unknown) => (dec(0).constructor === (value as object)?.constructor ? String(value) : value)),
  );

type Reading = { snapshot: unknown; tables: AccountTable[]; figures: unknown[] } | { refused: string };

function figures(balances: AccountTable, positions: AccountTable): unknown[] {
  return [
    invoke('MARGIN_RATIO', [balances, positions, preset.id], ctx),
    invoke('AVAILABLE_FOR_ORDER', [balances, positions, null, preset.id], ctx),
    invoke('LIQUIDATION_PRICE', [balances, positions, 'BTC', preset.id], ctx),
  ];
}

function readWith(
  read: () => AccountSnapshot,
  table: (snapshot: AccountSnapshot, part: 'balances' | 'positions') => AccountTable,
): Reading {
  let snapshot: AccountSnapshot;
  try {
    snapshot = read();
  } catch (error) {
    return { refused: (error as Error).message };
  }
  const tables = [table(snapshot, 'balances'), table(snapshot, 'positions')];
  return { snapshot: plain(snapshot), tables, figures: figures(tables[0] as AccountTable, tables[1] as AccountTable) };
}

describe('the live account read incrementally', () => {
  it('equals a full read of the same documents after every event of random sequences', () => {
    let compared = 0;
    let refusals = 0;
    let numbers = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const reader = new AccountReader('binance');
        let docs = startingDocuments();
        let prices: ReadonlyMap<string, Dec> = new Map([
          ['BTC', dec('62000.5')],
          ['ETH', dec('3050')],
        ]);
        reader.snapshot(docs, prices);
        for (const s of steps) {
          if ('prices' in s) prices = new Map(Object.entries(s.prices).map(([a, p]) => [a, dec(p)]));
          else for (const e of feed.read(s.event)) if (e.kind === 'update') docs = e.apply(docs);
          const incremental = readWith(
            () => reader.snapshot(docs, prices),
            (snapshot, part) => reader.table(snapshot, part, 0),
          );
          const full = readWith(
            () => importAccountSnapshot('binance', [docs.account, docs.positions], { prices }),
            (snapshot, part) => accountTable(snapshot, part, 0),
          );
          expect(incremental).toEqual(full);
          compared += 1;
          if ('refused' in full) refusals += 1;
          else numbers += full.figures.filter((f) => typeof f === 'number').length;
        }
      }),
      { numRuns: 150, seed: 20261207 },
    );
    // The sequences reach both refusals and figures, not only one of them.
    expect(refusals).toBeGreaterThan(20);
    expect(numbers).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(500);
  });

  it('reads again only the rows an event replaced: the other positions and their table rows are kept', () => {
    const reader = new AccountReader('binance');
    let docs = startingDocuments();
    const prices = new Map([['BTC', dec('62000.5')]]);
    const before = reader.snapshot(docs, prices);
    const rowsBefore = reader.table(before, 'positions', 0);
    const update = {
      e: 'ACCOUNT_UPDATE',
      a: { m: 'ORDER', B: [], P: [{ s: 'BTCUSDT', pa: '-0.5', ep: '63000', up: '0', mt: 'cross', ps: 'SHORT' }] },
    };
    for (const e of feed.read(update)) if (e.kind === 'update') docs = e.apply(docs);
    const after = reader.snapshot(docs, prices);
    const rowsAfter = reader.table(after, 'positions', 0);
    expect(after.positions.map((p) => p.symbol + ' ' + p.side)).toEqual(['BTCUSDT LONG', 'BTCUSDT SHORT', 'ETHUSDT LONG', 'SOLUSDT BOTH']);
    expect(after.positions[1]?.size.toString()).toBe('0.5');
    expect(after.positions[1]).not.toBe(before.positions[1]);
    // BTCUSDT LONG (brackets) and SOLUSDT (positionRisk v3's own margins) are kept; ETHUSDT takes its rates
    // from the account response, which every update rewrites, and is put together again, to the same figures.
    for (const i of [0, 3]) {
      expect(after.positions[i]).toBe(before.positions[i]);
      expect(rowsAfter[i + 1]).toBe(rowsBefore[i + 1]);
    }
    expect(after.positions[2]).toEqual(before.positions[2]);
    expect(rowsAfter[2]).toEqual(['BTCUSDT', 'SHORT', 0.5, 63000, 62000.5, '', '', '', 'cross']);
  });
});
