import { positionBracket } from './brackets';
import type { Dec } from './decimal';
import type { Position } from './model';

/** Signed position size: LONG and SHORT take the magnitude, BOTH (one-way mode) keeps the sign given. */
export function signedSize(position: Position): Dec {
  if (position.side === 'LONG') return position.size.abs();
  if (position.side === 'SHORT') return position.size.abs().neg();
  return position.size;
}

/** Unrealized PnL in the quote asset: (mark − entry) × signed size. */
export function positionUpnl(position: Position): Dec {
  return position.mark.minus(position.entry).times(signedSize(position));
}

/**
 * Maintenance margin in the quote asset: |size| × mark × mmr − cum, with mmr and cum of the bracket of the
 * notional when the position follows its symbol's brackets.
 */
export function positionMaintenance(position: Position): Dec {
  const bracket = positionBracket(position);
  const { mmr, cum } = bracket ?? position;
  return position.size.abs().times(position.mark).times(mmr).minus(cum);
}

/**
 * Initial margin in the quote asset: |size| × mark × imr. Without an imr, the maintenance margin stands in
 * (a lower bound of the true initial margin), and `estimated` says so.
 */
export function positionInitial(position: Position): { readonly margin: Dec; readonly estimated: boolean } {
  const imr = position.imr ?? positionBracket(position)?.imr;
  if (imr === undefined) return { margin: positionMaintenance(position), estimated: true };
  return { margin: position.size.abs().times(position.mark).times(imr), estimated: false };
}

export function isCross(position: Position): boolean {
  return position.marginMode !== 'isolated';
}
