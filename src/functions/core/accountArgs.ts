import type { AccountPart } from '../../live/stream/accountTables';
import type { AccountExchange } from '../../presets/account/snapshot';
import { ACCOUNT_EXCHANGES } from '../../presets/account/snapshot';
import type { ArgList } from './args';
import { isBlankCell, requiredChoice } from './coerce';

const EXCHANGES: ReadonlyMap<string, AccountExchange> = new Map(ACCOUNT_EXCHANGES.map((id) => [id, id]));
const PARTS: ReadonlyMap<string, AccountPart> = new Map([
  ['balances', 'balances'],
  ['positions', 'positions'],
  ['totals', 'totals'],
]);

export interface AccountRequest {
  readonly exchange: AccountExchange;
  readonly part: AccountPart;
}

/** The account an ACCOUNT call asks for: which exchange's, and which table of it (balances when omitted). */
export function readAccountRequest(a: ArgList): AccountRequest {
  const exchange = requiredChoice(a.cell('exchange'), 'exchange', EXCHANGES);
  const partCell = a.cell('part');
  const part = isBlankCell(partCell) ? 'balances' : requiredChoice(partCell, 'part', PARTS);
  return { exchange, part };
}
