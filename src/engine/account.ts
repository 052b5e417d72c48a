import { assetSpec, findAssetSpec, normalizeAsset } from './assetSpec';
import type { Dec } from './decimal';
import { ONE, ZERO } from './decimal';
import { fail } from './errors';
import type { Balance, Position, Preset } from './model';
import { isCross, positionUpnl } from './positions';
import { parseSymbol } from './symbols';
import { valueHolding } from './valuation';

/** One asset of an account: its wallet balance, price and equity (balance + all unrealized PnL settling in it). */
export interface AssetState {
  readonly asset: string;
  readonly amount: Dec;
  readonly price: Dec;
  readonly equity: Dec;
  /** False for a quote asset that only positions mention (no balances row). */
  readonly inBalances: boolean;
}

/** The assets of an account in order of first appearance (balances rows, then position-only quote assets). */
export interface Account {
  readonly assets: readonly AssetState[];
  readonly byAsset: ReadonlyMap<string, AssetState>;
}

interface MutableState {
  asset: string;
  amount: Dec;
  price: Dec;
  equity: Dec;
  inBalances: boolean;
  hasBalanceUpnl: boolean;
}

function addBalances(states: Map<string, MutableState>, balances: readonly Balance[]): void {
  for (const row of balances) {
    const asset = normalizeAsset(row.asset);
    if (states.has(asset)) fail('DUPLICATE_ASSET', { arg: 'balances', asset });
    const upnl = row.upnl ?? ZERO;
    states.set(asset, {
      asset,
      amount: row.amount,
      price: row.price,
      equity: row.amount.plus(upnl),
      inBalances: true,
      hasBalanceUpnl: !upnl.isZero(),
    });
  }
}

/**
 * Price of an asset with no balances row: the preset's quote is worth 1; anything else must be priced, by the
 * argument `priceArg` names (`balances`, or MAINT_MARGIN's `prices`).
 */
export function impliedPrice(preset: Preset, asset: string, priceArg = 'balances'): Dec {
  return asset === normalizeAsset(preset.quote) ? ONE : fail('PRICE_NEEDED', { arg: priceArg, asset });
}

/** Unrealized PnL settling in a symbol's quote asset (one position's, or the sum of a symbol's cross positions). */
export interface SymbolPnl {
  readonly symbol: string;
  readonly upnl: Dec;
}

function addPnl(preset: Preset, states: Map<string, MutableState>, pnls: Iterable<SymbolPnl>, priceArg: string): void {
  for (const { symbol, upnl } of pnls) {
    const { quote } = parseSymbol(preset, symbol);
    let state = states.get(quote);
    if (!state) {
      const price = impliedPrice(preset, quote, priceArg);
      state = { asset: quote, amount: ZERO, price, equity: ZERO, inBalances: false, hasBalanceUpnl: false };
      states.set(quote, state);
    }
    if (state.hasBalanceUpnl) fail('DUPLICATE_UPNL', { arg: 'balances', asset: quote });
    state.equity = state.equity.plus(upnl);
  }
}

function* crossPnl(positions: readonly Position[]): Generator<SymbolPnl> {
  for (const position of positions) {
    if (isCross(position)) yield { symbol: position.symbol, upnl: positionUpnl(position) };
  }
}

function finish(states: Map<string, MutableState>): Account {
  const assets: AssetState[] = [...states.values()].map(({ asset, amount, price, equity, inBalances }) => ({
    asset,
    amount,
    price,
    equity,
    inBalances,
  }));
  return { assets, byAsset: new Map(assets.map((a) => [a.asset, a])) };
}

/**
 * {@link buildAccount} from PnL already summed per symbol, so that one book valued under several presets
 * computes each position's PnL once.
 */
export function buildAccountFromPnl(
  preset: Preset,
  balances: readonly Balance[],
  pnls: Iterable<SymbolPnl>,
  priceArg = 'balances',
): Account {
  const states = new Map<string, MutableState>();
  addBalances(states, balances);
  addPnl(preset, states, pnls, priceArg);
  return finish(states);
}

/**
 * The account's assets with their equity. Cross positions add their unrealized PnL to their quote asset;
 * isolated positions stay out (their margin is walled off from the account). `summed` adds PnL already summed
 * per quote asset for positions left out of `positions`.
 *
 * @throws DUPLICATE_ASSET, DUPLICATE_UPNL, PRICE_NEEDED, BAD_SYMBOL.
 */
export function buildAccount(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  priceArg = 'balances',
  summed: Iterable<SymbolPnl> = [],
): Account {
  return buildAccountFromPnl(preset, balances, [...crossPnl(positions), ...summed], priceArg);
}

/** Price of `asset` in the account: its balances row, else 1 for the preset's quote. */
export function accountPrice(preset: Preset, account: Account, asset: string): Dec {
  return account.byAsset.get(asset)?.price ?? impliedPrice(preset, asset);
}

/** Rate that turns an amount of the quote asset into account currency: price × liabilityRate (Binance: askRate). */
export function quoteRate(preset: Preset, account: Account, quote: string): Dec {
  // The positions are what brought this asset in, so a message names them, not an `asset` argument.
  const spec = findAssetSpec(preset, quote) ?? fail('UNLISTED_SETTLEMENT', { asset: normalizeAsset(quote), preset: preset.id });
  return accountPrice(preset, account, quote).times(spec.liabilityRate);
}

/** Valued equity of one asset (zero equity needs no spec, so an unlisted empty row is harmless). */
export function valueState(preset: Preset, state: AssetState): Dec {
  if (state.equity.isZero()) return ZERO;
  return valueHolding(preset, assetSpec(preset, state.asset), state.equity, state.price, 'balances');
}
