import { positionBracket } from './brackets';
import type { Dec } from './decimal';
import { fail } from './errors';
import type { Position } from './model';
import { messageNumber } from './numberText';

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

/** The notional's margin, |size| × mark × mmr: the most a position's `cum` may take off it. */
export function notionalMargin(position: Position): Dec {
  return position.size.abs().times(position.mark).times(position.mmr);
}

/**
 * Refuses a `cum` larger than the notional's margin: the maintenance margin would be negative, and a margin
 * ratio or a mode-switch check would read a debt as headroom. `arg` names the range and row for the message.
 */
export function checkPositionCum(position: Position, arg: string | (() => string)): void {
  // A zero cum is always within the bound: no product to form (the common row).
  if (position.cum.isZero()) return;
  const bound = notionalMargin(position);
  if (position.cum.gt(bound)) {
    fail('CUM_BEYOND_MARGIN', {
      arg: typeof arg === 'string' ? arg : arg(),
      cum: messageNumber(position.cum),
      bound: messageNumber(bound),
    });
  }
}

/**
 * Maintenance margin in the quote asset: |size| × mark × mmr − cum, with mmr and cum of the bracket of the
 * notional when the position follows its symbol's brackets. Readers refuse a position whose margin is negative at
 * its mark ({@link checkPositionCum}); stressed or moved marks may take it below, as the model asks.
 */
export function positionMaintenance(position: Position): Dec {
  const { mmr, cum } = positionBracket(position) ?? position;
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
