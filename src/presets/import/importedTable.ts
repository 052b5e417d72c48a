import type { Dec } from '../../engine/decimal';
import type { Tier, TierUnit } from '../../engine/model';

/** The fields of an asset that an exchange's table sets; everything else is kept from the base preset. */
export interface ImportedAsset {
  readonly asset: string;
  /** The JSON path of the row it was read from, for messages. */
  readonly where: string;
  readonly tierUnit: TierUnit;
  readonly tiers: readonly Tier[];
  readonly liabilityRate?: Dec;
  readonly autoExchangeHaircut?: Dec;
  readonly interestFree?: Dec;
  readonly individualLimit?: Dec;
  readonly platformLimit?: Dec;
  readonly indexPrice?: Dec;
}

export type OwnedField = Exclude<keyof ImportedAsset, 'asset' | 'where'>;

/** What a reader makes of one exchange response. */
export interface ImportedTable {
  readonly assets: readonly ImportedAsset[];
  /** Fields the table owns: on an imported asset, a base value of these is dropped even when the table omits it. */
  readonly owns: readonly OwnedField[];
  /** Publication time of the response (ms since 1970, UTC), where the response carries one. */
  readonly timeMs?: number;
  /** The endpoint the response came from, when not the exchange's default one (Bitget's unified account). */
  readonly source?: string;
  /** How this exchange's fields became the preset's, for the imported preset's notes. */
  readonly howRead: string;
}
