import type { Dec } from '../engine/decimal';
import type { AssetSpec, Tier } from '../engine/model';
import { ONE } from '../engine/decimal';
import {
  AT_LEAST_ONE,
  type Bounds,
  checkKeys,
  field,
  HAIRCUT,
  item,
  NON_NEGATIVE,
  POSITIVE,
  RATIO,
  readBounded,
  readChoice,
  readList,
  readObject,
  readText,
  required,
} from './jsonRead';
import { TIER_UNITS } from './presetJson';
import { checkTierChain } from './tierChain';

const ASSET_KEYS = [
  'tierUnit',
  'tiers',
  'liabilityRate',
  'autoExchangeHaircut',
  'hourlyInterestRate',
  'interestFree',
  'individualLimit',
  'platformLimit',
  'indexPrice',
  'note',
] as const;

const TIER_KEYS = ['floor', 'cap', 'ratio'] as const;

/** The optional decimal fields of an asset, each with the range it must lie in. */
const OPTIONAL_DECIMALS: readonly (readonly [keyof AssetSpec & string, Bounds])[] = [
  ['autoExchangeHaircut', HAIRCUT],
  ['hourlyInterestRate', NON_NEGATIVE],
  ['interestFree', NON_NEGATIVE],
  ['individualLimit', NON_NEGATIVE],
  ['platformLimit', NON_NEGATIVE],
  ['indexPrice', POSITIVE],
];

/** Reads one asset of a preset document (`where` is its path, e.g. `assets.BTC`) into an {@link AssetSpec}. */
export function parseAssetSpec(asset: string, value: unknown, where: string): AssetSpec {
  const obj = readObject(value, where);
  checkKeys(obj, ASSET_KEYS, where);
  const tierUnit = readChoice(required(obj, 'tierUnit', where), field(where, 'tierUnit'), TIER_UNITS);
  const tiers = parseTiers(required(obj, 'tiers', where), field(where, 'tiers'));
  const liabilityRate =
    obj.liabilityRate === undefined ? ONE : readBounded(obj.liabilityRate, field(where, 'liabilityRate'), AT_LEAST_ONE);
  const spec: Record<string, unknown> = { asset, tierUnit, tiers, liabilityRate };
  for (const [key, bounds] of OPTIONAL_DECIMALS) {
    if (obj[key] !== undefined) spec[key] = readBounded(obj[key], field(where, key), bounds);
  }
  if (obj.note !== undefined) spec.note = readText(obj.note, field(where, 'note'));
  return Object.freeze(spec) as unknown as AssetSpec;
}

function parseTiers(value: unknown, where: string): readonly Tier[] {
  const tiers = readList(value, where).map((t, i) => parseTier(t, item(where, i)));
  checkTierChain(tiers, (i, part) => field(item(where, i), part));
  return Object.freeze(tiers);
}

function parseTier(value: unknown, where: string): Tier {
  const obj = readObject(value, where);
  checkKeys(obj, TIER_KEYS, where);
  const floor = readBounded(required(obj, 'floor', where), field(where, 'floor'), NON_NEGATIVE);
  const capValue = required(obj, 'cap', where);
  const cap: Dec | null = capValue === null ? null : readBounded(capValue, field(where, 'cap'), POSITIVE);
  const ratio = readBounded(required(obj, 'ratio', where), field(where, 'ratio'), RATIO);
  return Object.freeze({ floor, cap, ratio });
}
