import type { Dec } from '../../engine/decimal';
import { readBinanceAssetIndex } from '../../presets';
import { LiveError } from '../liveErrors';
import type { RestClient } from '../restClient';
import type { LiveAccount } from './liveAccount';

export const BINANCE_ACCOUNT_PATH = '/fapi/v3/account';
export const BINANCE_POSITIONS_PATH = '/fapi/v3/positionRisk';
export const BINANCE_ASSET_INDEX_PATH = '/fapi/v1/assetIndex';

/** The assets the account response lists, upper case (read loosely: the account reader reads them strictly). */
function accountAssets(account: unknown): Set<string> {
  const assets = new Set<string>();
  const list = typeof account === 'object' && account !== null ? (account as Record<string, unknown>).assets : undefined;
  if (!Array.isArray(list)) return assets;
  for (const row of list) {
    const asset = typeof row === 'object' && row !== null ? (row as Record<string, unknown>).asset : undefined;
    if (typeof asset === 'string') assets.add(asset.toUpperCase());
  }
  return assets;
}

/**
 * Binance USDⓈ-M: the account (v3) and positions (v3) signed, then the public asset index, whose `index` (USD)
 * prices each collateral asset of the account other than USDT, the quote (Binance's account response prices
 * none of them).
 */
export async function fetchBinanceAccount(client: RestClient): Promise<LiveAccount> {
  const account = await client.get(BINANCE_ACCOUNT_PATH, [], { signed: true });
  const positions = await client.get(BINANCE_POSITIONS_PATH, [], { signed: true });
  const index = await client.get(BINANCE_ASSET_INDEX_PATH, [], { signed: false });
  return {
    documents: [account, positions],
    prices: binanceCollateralPrices(account, index),
    instruments: [],
    requests: [`GET ${BINANCE_ACCOUNT_PATH} (signed)`, `GET ${BINANCE_POSITIONS_PATH} (signed)`, `GET ${BINANCE_ASSET_INDEX_PATH}`],
  };
}

/**
 * The `index` (USD) price of each collateral asset of the account other than USDT, the quote, from the public
 * asset index (Binance's account response prices none of them).
 */
export function binanceCollateralPrices(account: unknown, index: unknown): Map<string, Dec> {
  const wanted = accountAssets(account);
  wanted.delete('USDT');
  const prices = new Map<string, Dec>();
  if (wanted.size === 0) return prices;
  let table: ReturnType<typeof readBinanceAssetIndex>;
  try {
    table = readBinanceAssetIndex(index);
  } catch (error) {
    throw new LiveError('BAD_RESPONSE', {
      exchange: 'Binance',
      endpoint: `GET ${BINANCE_ASSET_INDEX_PATH}`,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  for (const row of table.assets) {
    if (wanted.has(row.asset) && row.indexPrice !== undefined) prices.set(row.asset, row.indexPrice);
  }
  return prices;
}
