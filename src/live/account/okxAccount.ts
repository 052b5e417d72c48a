import { okxPositionInstruments } from '../../presets';
import type { RestClient } from '../restClient';
import type { LiveAccount } from './liveAccount';

export const OKX_BALANCE_PATH = '/api/v5/account/balance';
export const OKX_POSITIONS_PATH = '/api/v5/account/positions';
export const OKX_INSTRUMENTS_PATH = '/api/v5/public/instruments';

type Json = Record<string, unknown>;

/** The instruments answer cut down to the rows of `wanted` (the reader reads those strictly; the others are not ours). */
function onlyWanted(answer: unknown, wanted: ReadonlySet<string>): unknown {
  if (typeof answer !== 'object' || answer === null || !Array.isArray((answer as Json).data)) return answer;
  const data = ((answer as Json).data as unknown[]).filter((row) => {
    const id = typeof row === 'object' && row !== null ? (row as Json).instId : undefined;
    return typeof id === 'string' && wanted.has(id.toUpperCase());
  });
  return { ...(answer as Json), data };
}

/**
 * OKX: balance and positions signed, then the public instruments of each contract type held (one request per
 * type, not per contract), kept to the contracts held, for their contract values (`ctVal`).
 */
export async function fetchOkxAccount(client: RestClient): Promise<LiveAccount> {
  const balance = await client.get(OKX_BALANCE_PATH, [], { signed: true });
  const positions = await client.get(OKX_POSITIONS_PATH, [], { signed: true });
  const requests = [`GET ${OKX_BALANCE_PATH} (signed)`, `GET ${OKX_POSITIONS_PATH} (signed)`];
  const wanted = new Set(okxPositionInstruments(positions));
  const types = [...new Set([...wanted].map((id) => (/-SWAP$/.test(id) ? 'SWAP' : 'FUTURES')))].sort().reverse();
  const instruments: unknown[] = [];
  for (const type of types) {
    instruments.push(onlyWanted(await client.get(OKX_INSTRUMENTS_PATH, [['instType', type]], { signed: false }), wanted));
    requests.push(`GET ${OKX_INSTRUMENTS_PATH}?instType=${type}`);
  }
  return { documents: [balance, positions], prices: new Map(), requests, instruments };
}
