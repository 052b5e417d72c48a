import type { RestClient } from '../restClient';
import type { LiveAccount } from './liveAccount';

export const OKX_BALANCE_PATH = '/api/v5/account/balance';
export const OKX_POSITIONS_PATH = '/api/v5/account/positions';
export const OKX_INSTRUMENTS_PATH = '/api/v5/public/instruments';

/** The contract types among the positions (SWAP, FUTURES), whose instruments carry the contract values. */
function contractTypes(positions: unknown): string[] {
  const data = typeof positions === 'object' && positions !== null ? (positions as Record<string, unknown>).data : undefined;
  const types = new Set<string>();
  if (Array.isArray(data)) {
    for (const row of data) {
      const type = typeof row === 'object' && row !== null ? (row as Record<string, unknown>).instType : undefined;
      if (type === 'SWAP' || type === 'FUTURES') types.add(type);
    }
  }
  return [...types].sort();
}

/**
 * OKX: balance and positions signed, then the public instruments of each contract type held, for the
 * contract value (`ctVal`) of each position's contract.
 */
export async function fetchOkxAccount(client: RestClient): Promise<LiveAccount> {
  const balance = await client.get(OKX_BALANCE_PATH, [], { signed: true });
  const positions = await client.get(OKX_POSITIONS_PATH, [], { signed: true });
  const requests = [`GET ${OKX_BALANCE_PATH} (signed)`, `GET ${OKX_POSITIONS_PATH} (signed)`];
  const instruments: unknown[] = [];
  for (const type of contractTypes(positions)) {
    instruments.push(await client.get(OKX_INSTRUMENTS_PATH, [['instType', type]], { signed: false }));
    requests.push(`GET ${OKX_INSTRUMENTS_PATH}?instType=${type}`);
  }
  return { documents: [balance, positions], prices: new Map(), requests, contracts: instruments };
}
