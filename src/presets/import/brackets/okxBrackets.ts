import type { Dec } from '../../../engine/decimal';
import { ONE, ZERO } from '../../../engine/decimal';
import { messageNumber } from '../../../engine/numberText';
import { field, invalid, item, numberField, readObject, readText, textField } from '../../jsonRead';
import { AT_LEAST_ONE, NON_NEGATIVE, POSITIVE, RATE_ABOVE_ZERO_TO_ONE, RATIO } from '../../bounds';
import { dataRows } from '../envelope';
import type { BracketRow, ImportedBrackets } from './importedBrackets';
import { completeBrackets, groupBySymbol, symbolKey } from './importedBrackets';

export const OKX_BRACKETS_ENDPOINT = 'https://www.okx.com/api/v5/public/position-tiers';
export const OKX_INSTRUMENTS_ENDPOINT = 'https://www.okx.com/api/v5/public/instruments';

const NAMES = { floor: 'maxSz', cap: 'maxSz', mmr: 'mmr' } as const;

/** The instruments URL that gives the contract values of a position-tiers URL's instrument family. */
export function okxInstrumentsUrl(tiersUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(tiersUrl);
  } catch {
    return undefined;
  }
  if (!url.pathname.endsWith('/api/v5/public/position-tiers')) return undefined;
  const family = url.searchParams.get('instFamily') ?? url.searchParams.get('uly');
  if (family === null || family === '') return undefined;
  const out = new URL('/api/v5/public/instruments', url.origin);
  out.searchParams.set('instType', url.searchParams.get('instType') ?? 'SWAP');
  out.searchParams.set('instFamily', family);
  return out.toString();
}

interface TierRow {
  readonly family: string;
  readonly where: string;
  readonly minSz: Dec;
  readonly maxSz: Dec;
  readonly mmr: Dec;
  readonly imr: Dec;
  readonly maxLever: Dec;
}

interface Instrument {
  readonly instId: string;
  readonly family: string;
  readonly contractValue: Dec;
  readonly where: string;
}

/** An optional text field; OKX writes "" for a field that does not apply. */
function text(obj: Readonly<Record<string, unknown>>, key: string, where: string): string {
  const value = obj[key];
  return value === undefined || value === '' ? '' : readText(value, field(where, key));
}

function readTier(value: unknown, where: string): TierRow {
  const obj = readObject(value, where);
  const family = text(obj, 'instFamily', where) || text(obj, 'uly', where);
  if (family === '') {
    const instId = text(obj, 'instId', where);
    invalid(
      field(where, 'instFamily'),
      `these are OKX's MARGIN borrowing tiers${instId === '' ? '' : ` for ${instId}`} (minSz and maxSz are amounts to borrow), not a perpetual's position tiers; request instType=SWAP with instFamily, e.g. ${OKX_BRACKETS_ENDPOINT}?instType=SWAP&tdMode=cross&instFamily=BTC-USDT`,
    );
  }
  const maxLever = numberField(obj, 'maxLever', where, AT_LEAST_ONE);
  const imr = numberField(obj, 'imr', where, RATE_ABOVE_ZERO_TO_ONE);
  return {
    family: symbolKey(family, field(where, obj.instFamily ? 'instFamily' : 'uly')),
    where,
    minSz: numberField(obj, 'minSz', where, NON_NEGATIVE),
    maxSz: numberField(obj, 'maxSz', where, POSITIVE),
    mmr: numberField(obj, 'mmr', where, RATIO),
    imr,
    maxLever,
  };
}

/**
 * Each tier runs from the previous tier's maxSz (0 for the first) up to its own maxSz, inclusive. minSz is checked,
 * not used: it may repeat the previous maxSz or sit one contract above it, but a wider gap would leave positions in
 * no tier, and an overlap in two.
 */
function familyRows(rows: readonly TierRow[], contractValue: Dec): BracketRow[] {
  let floor: Dec = ZERO;
  return rows.map((r, i) => {
    if (i > 0 && (r.minSz.lt(floor) || r.minSz.gt(floor.plus(ONE)))) {
      invalid(
        field(r.where, 'minSz'),
        `expected the previous tier's maxSz ${messageNumber(floor)} (or one contract above it: tiers must follow each other), got ${messageNumber(r.minSz)}`,
      );
    }
    const row: BracketRow = {
      floor,
      cap: r.maxSz,
      mmr: r.mmr,
      cum: ZERO,
      imr: r.imr,
      maxLeverage: r.maxLever,
      contractValue,
      at: r.where,
      names: NAMES,
    };
    floor = r.maxSz;
    return row;
  });
}

/**
 * The linear instruments of the tiers' families in OKX instruments responses (`GET /api/v5/public/instruments`), by
 * instrument family; rows of other families (and spot or margin rows, which have none) are ignored and counted.
 */
function readInstruments(
  companions: readonly unknown[],
  families: ReadonlySet<string>,
): { byFamily: Map<string, Instrument[]>; ignored: number } {
  const byFamily = new Map<string, Instrument[]>();
  let ignored = 0;
  companions.forEach((companion) => {
    const { rows } = dataRows(companion, '0');
    for (const { value, where } of rows) {
      const obj = readObject(value, where);
      if (obj.ctVal === undefined && obj.minSz !== undefined && obj.maxLever !== undefined) {
        invalid(where, 'expected an OKX instruments response after the position tiers, got a second position-tiers response');
      }
      const instId = textField(obj, 'instId', where);
      const family = (text(obj, 'instFamily', where) || text(obj, 'uly', where)).toUpperCase();
      if (family === '' || !families.has(family)) {
        ignored += 1;
        continue;
      }
      if (text(obj, 'ctType', where) === 'inverse') {
        invalid(
          field(where, 'ctType'),
          `${instId} is an inverse (coin-margined) contract; multi-asset margin covers USDⓈ-margined (linear) contracts only`,
        );
      }
      const instrument = {
        instId: symbolKey(instId, field(where, 'instId')),
        family,
        contractValue: numberField(obj, 'ctVal', where, POSITIVE),
        where,
      };
      byFamily.set(instrument.family, [...(byFamily.get(instrument.family) ?? []), instrument]);
    }
  });
  return { byFamily, ignored };
}

/**
 * OKX `GET /api/v5/public/position-tiers` for perpetuals and futures (instType SWAP or FUTURES): tiers of one
 * instrument family bounded by position size in contracts (minSz, maxSz), each with mmr, imr and maxLever. OKX
 * applies a tier's mmr to the whole position, so the brackets carry no maintenance amount. The contracts become
 * coin through each instrument's contract value `ctVal`, from OKX's instruments response given after the tiers
 * (in `companions`): one preset symbol per instrument of the family, e.g. `BTC-USDT-SWAP`.
 *
 * @throws INVALID_PRESET naming the field: MARGIN borrowing tiers, no instruments response, a family without
 *   instruments, an inverse contract, tiers that do not follow each other.
 */
export function readOkxBrackets(response: unknown, companions: readonly unknown[] = []): ImportedBrackets {
  const { rows } = dataRows(response, '0');
  const tiers = rows.map(({ value, where }) => readTier(value, where));
  const families = groupBySymbol(tiers.map((t) => ({ ...t, symbol: t.family })));
  if (companions.length === 0) {
    const family = [...families.keys()][0] as string;
    invalid(
      field(item('response.data', 0), 'maxSz'),
      `OKX position tiers count contracts; give OKX's instruments response for ${family} after this one (the task pane: paste it below; the command line: --instruments FILE|URL), e.g. ${OKX_INSTRUMENTS_ENDPOINT}?instType=SWAP&instFamily=${family}, so that each instrument's contract value (ctVal) turns contracts into coin`,
    );
  }
  const { byFamily: instruments, ignored } = readInstruments(companions, new Set(families.keys()));
  const symbols = [...families].flatMap(([family, list]) => {
    const first = list[0] as TierRow;
    const ofFamily = instruments.get(family);
    if (ofFamily === undefined) {
      return invalid(
        field(first.where, 'instFamily'),
        `the instruments response has no instrument of family ${family}, so its contract value is unknown; fetch ${OKX_INSTRUMENTS_ENDPOINT}?instType=SWAP&instFamily=${family}`,
      );
    }
    return ofFamily.map((instrument) => ({
      symbol: instrument.instId,
      where: first.where,
      brackets: completeBrackets(familyRows(list, instrument.contractValue), first.where),
    }));
  });
  return {
    symbols,
    source: OKX_BRACKETS_ENDPOINT,
    howRead:
      'OKX position-tiers: per instrument family, each tier runs from the previous maxSz (0 first) up to its own maxSz, in contracts, inclusive; mmr applies to the whole position (no maintenance amount), imr = imr, max leverage = maxLever; contracts count ctVal coin each, from OKX’s instruments response, one symbol per instrument of the tiers’ family. The response carries no time.' +
      (ignored === 0 ? '' : ` The instruments response also lists ${ignored} instrument(s) of other families (or none), ignored.`),
  };
}
