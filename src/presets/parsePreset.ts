import type { AssetSpec, Preset } from '../engine/model';
import { parseBrackets } from './bracketsJson';
import { parseAssetSpec } from './parseAssetSpec';
import { parseRules } from './parseRules';
import { ASSET_NAME, checkKeys, describe, field, invalid, item, readChoice, readList, readObject, readText, required } from './jsonRead';
import { PRESET_STATUSES } from './presetJson';

const PRESET_KEYS = ['id', 'name', 'asOf', 'source', 'status', 'quote', 'assets', 'rules', 'notes', 'brackets'] as const;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Validates a preset document (README "Presets": numbers as JSON numbers or decimal strings) and returns an
 * engine {@link Preset} with Decimals and upper-case asset keys. Nothing of the input is kept by reference.
 *
 * @throws MarginError `INVALID_PRESET` with `where` = the JSON path of the first bad field
 *   (e.g. `assets.BTC.tiers[1].floor`) and what was expected.
 * @example
 * const p = parsePreset({ id: 'desk', name: 'Desk', asOf: '2026-11-21', source: 'policy', status: 'custom',
 *   quote: 'USDT', assets: { usdt: { tierUnit: 'value', tiers: [{ floor: 0, cap: null, ratio: 1 }] } },
 *   rules: { riskBands: { warning: 0.5, danger: 0.8 } } });
 * p.assets.USDT.tiers[0].ratio.toString(); // '1'
 */
export function parsePreset(json: unknown): Preset {
  const obj = readObject(json, '');
  checkKeys(obj, PRESET_KEYS, '');
  const id = readText(required(obj, 'id', ''), 'id');
  if (!SLUG.test(id)) {
    invalid('id', `expected a short name of letters, digits, "-" or "_" (e.g. "desk-2026"), got ${describe(id)}`);
  }
  const assets = parseAssets(required(obj, 'assets', ''));
  const preset: Record<string, unknown> = {
    id,
    name: readText(required(obj, 'name', ''), 'name'),
    asOf: parseDate(required(obj, 'asOf', ''), 'asOf'),
    source: readText(required(obj, 'source', ''), 'source'),
    status: readChoice(required(obj, 'status', ''), 'status', PRESET_STATUSES),
    quote: parseQuote(required(obj, 'quote', ''), assets),
    assets,
    rules: parseRules(required(obj, 'rules', ''), 'rules'),
  };
  if (obj.notes !== undefined) preset.notes = parseNotes(obj.notes);
  if (obj.brackets !== undefined) preset.brackets = parseBrackets(obj.brackets);
  return Object.freeze(preset) as unknown as Preset;
}

function parseAssets(value: unknown): Readonly<Record<string, AssetSpec>> {
  const obj = readObject(value, 'assets');
  const out: Record<string, AssetSpec> = {};
  for (const [key, spec] of Object.entries(obj)) {
    const where = field('assets', key);
    if (!ASSET_NAME.test(key)) invalid(where, `expected an asset name of letters and digits (e.g. "BTC"), got ${describe(key)}`);
    const asset = key.toUpperCase();
    if (out[asset] !== undefined) invalid(where, `asset ${asset} appears twice (names are case-insensitive)`);
    out[asset] = parseAssetSpec(asset, spec, where);
  }
  if (Object.keys(out).length === 0) invalid('assets', 'expected at least one asset, got an empty object');
  return Object.freeze(out);
}

function parseQuote(value: unknown, assets: Readonly<Record<string, AssetSpec>>): string {
  const quote = readText(value, 'quote').toUpperCase();
  if (assets[quote] === undefined) {
    invalid('quote', `expected one of the preset's assets (${Object.keys(assets).join(', ')}), got ${describe(value)}`);
  }
  return quote;
}

function parseDate(value: unknown, where: string): string {
  const text = readText(value, where);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m === null ? undefined : new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date === undefined || date.toISOString().slice(0, 10) !== text) {
    invalid(where, `expected a date as YYYY-MM-DD, got ${describe(value)}`);
  }
  return text;
}

function parseNotes(value: unknown): readonly string[] {
  return Object.freeze(readList(value, 'notes').map((n, i) => readText(n, item('notes', i))));
}
