import type { Dec } from './decimal';
import { ZERO } from './decimal';

/** A leverage bracket as far as the maintenance amount needs it. */
export interface BracketInput {
  readonly floor: Dec;
  readonly mmr: Dec;
}

/**
 * Maintenance amounts (`cum`) of a bracket table, so that `notional × mmr − cum` is continuous across
 * brackets: cum₀ = 0, cumₙ = floorₙ × (mmrₙ − mmrₙ₋₁) + cumₙ₋₁. Brackets in ascending floor order.
 *
 * @example
 * bracketCum([{ floor: dec(0), mmr: dec('0.004') }, { floor: dec(50000), mmr: dec('0.005') }]).map(String) // ['0', '50']
 */
export function bracketCum(brackets: readonly BracketInput[]): Dec[] {
  const cums: Dec[] = [];
  let cum = ZERO;
  brackets.forEach((bracket, i) => {
    const previous = brackets[i - 1];
    if (previous) cum = bracket.floor.times(bracket.mmr.minus(previous.mmr)).plus(cum);
    cums.push(cum);
  });
  return cums;
}
