import type { Dec } from '../../engine/decimal';
import { fail } from '../../engine/errors';
import { normalizeAsset } from '../../engine/assetSpec';
import { isBinanceAccount, isBinancePositions, readBinanceSnapshot } from './binance';
import { isBitgetAccounts, isBitgetPositions, readBitgetSnapshot } from './bitget';
import { isBybitPositions, isBybitWallet, readBybitSnapshot } from './bybit';
import { isOkxBalance, isOkxInstruments, isOkxPositions, readOkxSnapshot } from './okx';
import type { RowReading } from './rowMemo';
import type { AccountExchange, AccountSnapshot } from './snapshot';

interface DocumentKinds {
  readonly account: (doc: unknown) => boolean;
  readonly positions: (doc: unknown) => boolean;
  readonly expected: string;
}

const KINDS: Readonly<Record<AccountExchange, DocumentKinds>> = {
  binance: {
    account: isBinanceAccount,
    positions: isBinancePositions,
    expected: 'GET /fapi/v2/account (or v3) and GET /fapi/v2/positionRisk',
  },
  okx: {
    account: isOkxBalance,
    positions: isOkxPositions,
    expected: 'GET /api/v5/account/balance and GET /api/v5/account/positions (and GET /api/v5/public/instruments for the contract values)',
  },
  bybit: { account: isBybitWallet, positions: isBybitPositions, expected: 'GET /v5/account/wallet-balance and GET /v5/position/list' },
  bitget: {
    account: isBitgetAccounts,
    positions: isBitgetPositions,
    expected: 'GET /api/v2/mix/account/accounts (or /account) and GET /api/v2/mix/position/all-position',
  },
};

export interface SnapshotOptions {
  /** Prices for assets the responses leave unpriced (Binance gives none for collateral coins). */
  readonly prices?: ReadonlyMap<string, Dec>;
  /**
   * OKX: instruments responses (`GET /api/v5/public/instruments`, parsed) for the contract values of the positions;
   * they may also be given among `documents`.
   */
  readonly instruments?: readonly unknown[];
  /**
   * Keeps what each row read to, for reading the same responses again after a change: only rows that are new
   * objects are read (see `RowMemo`). The figures are the same as without it.
   */
  readonly memo?: RowReading;
}

/**
 * Turns an exchange's own account and position responses (parsed JSON, in any order; for OKX also its instruments
 * responses) into balances and positions tables, with the figures the exchange reported beside them. Which document is
 * which is told from its shape. No keys, no requests: the responses are fetched elsewhere (pasted, files, or a signed
 * fetch) and passed in. The readers of each exchange are exported too (readBinanceSnapshot, readOkxSnapshot, …).
 *
 * @throws SNAPSHOT_DOCUMENT_UNKNOWN for a document of neither kind or two of one kind; BAD_SNAPSHOT for a
 * malformed response, with the JSON path of the field.
 * @example
 * importAccountSnapshot('okx', [balanceJson, positionsJson]).balances[0].asset // 'USDT'
 */
export function importAccountSnapshot(
  exchange: AccountExchange,
  documents: readonly unknown[],
  options: SnapshotOptions = {},
): AccountSnapshot {
  const kinds = KINDS[exchange];
  let account: unknown;
  let positions: unknown;
  const instruments: unknown[] = [...(options.instruments ?? [])];
  documents.forEach((doc, i) => {
    const which = documents.length > 1 ? `response ${i + 1}` : 'the response';
    if (exchange === 'okx' && isOkxInstruments(doc)) instruments.push(doc);
    else if (kinds.account(doc) && account === undefined) account = doc;
    else if (kinds.positions(doc) && positions === undefined) positions = doc;
    else
      fail('SNAPSHOT_DOCUMENT_UNKNOWN', { exchange, detail: `${which} is not one of the two, or repeats one`, expected: kinds.expected });
  });
  if (account === undefined) {
    fail('SNAPSHOT_DOCUMENT_UNKNOWN', { exchange, detail: 'no response with the balances', expected: kinds.expected });
  }
  const prices = new Map([...(options.prices ?? new Map<string, Dec>())].map(([asset, price]) => [normalizeAsset(asset), price]));
  if (exchange === 'binance') return readBinanceSnapshot(account, positions, prices, options.memo);
  if (exchange === 'okx') return withPrices(readOkxSnapshot(account, positions, instruments), prices);
  if (exchange === 'bitget') return withPrices(readBitgetSnapshot(account, positions), prices);
  return withPrices(readBybitSnapshot(account, positions), prices);
}

/** Prices the user gave win over prices derived from the responses. */
function withPrices(snapshot: AccountSnapshot, prices: ReadonlyMap<string, Dec>): AccountSnapshot {
  if (prices.size === 0) return snapshot;
  return {
    ...snapshot,
    balances: snapshot.balances.map((b) => {
      const price = prices.get(b.asset);
      return price ? { ...b, price, priceSource: 'given' } : b;
    }),
  };
}
