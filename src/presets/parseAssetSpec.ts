import { type Dec, dec } from '../engine/decimal';
import { ASSET_NUMBER_FIELDS, type AssetNumberField, type AssetNumberRange, type AssetSpec, type Tier } from '../engine/model';
import { checkKeys, field, item, numberField, readBounded, readChoice, readList, readObject, readText, required } from './jsonRead';
import { AT_LEAST_ONE, type Bounds, HAIRCUT, NON_NEGATIVE, POSITIVE, RATIO } from './bounds';
import { TIER_UNITS } from './presetJson';
import { checkTierChain } from './tierChain';

const NUMBER_FIELDS = Object.keys(ASSET_NUMBER_FIELDS) as AssetNumberField[];

const ASSET_KEYS = ['tierUnit', 'tiers', ...NUMBER_FIELDS, 'note'];

const TIER_KEYS = ['floor', 'cap', 'ratio'] as const;

/** Each range an asset's number may be asked to lie in, as checked and worded here. */
export const ASSET_RANGES: Readonly<Record<AssetNumberRange, Bounds>> = {
  atLeastOne: AT_LEAST_ONE,
  haircut: HAIRCUT,
  nonNegative: NON_NEGATIVE,
  positive: POSITIVE,
};

/** Reads one asset of a preset document (`where` is its path, e.g. `assets.BTC`) into an {@link AssetSpec}. */
export function parseAssetSpec(asset: string, value: unknown, where: string): AssetSpec {
  const obj = readObject(value, where);
  checkKeys(obj, ASSET_KEYS, where);
  const tierUnit = readChoice(required(obj, 'tierUnit', where), field(where, 'tierUnit'), TIER_UNITS);
  const tiers = parseTiers(required(obj, 'tiers', where), field(where, 'tiers'));
  const spec: Record<string, unknown> = { asset, tierUnit, tiers };
  for (const key of NUMBER_FIELDS) {
    const value = readNumberField(obj[key], key, field(where, key));
    if (value !== undefined) spec[key] = value;
  }
  if (obj.note !== undefined) spec.note = readText(obj.note, field(where, 'note'));
  return Object.freeze(spec) as unknown as AssetSpec;
}

function readNumberField(value: unknown, key: AssetNumberField, where: string): Dec | undefined {
  const entry: { readonly range: AssetNumberRange; readonly absent?: string } = ASSET_NUMBER_FIELDS[key];
  if (value === undefined) return entry.absent === undefined ? undefined : dec(entry.absent);
  return readBounded(value, where, ASSET_RANGES[entry.range]);
}

function parseTiers(value: unknown, where: string): readonly Tier[] {
  const tiers = readList(value, where).map((t, i) => parseTier(t, item(where, i)));
  checkTierChain(tiers, (i, part) => field(item(where, i), part));
  return Object.freeze(tiers);
}

function parseTier(value: unknown, where: string): Tier {
  const obj = readObject(value, where);
  checkKeys(obj, TIER_KEYS, where);
  const floor = numberField(obj, 'floor', where, NON_NEGATIVE);
  const capValue = required(obj, 'cap', where);
  const cap: Dec | null = capValue === null ? null : readBounded(capValue, field(where, 'cap'), POSITIVE);
  const ratio = numberField(obj, 'ratio', where, RATIO);
  return Object.freeze({ floor, cap, ratio });
}
