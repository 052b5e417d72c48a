import type { Dec } from '../../engine/decimal';
import { paneFail } from '../ui/paneErrors';
import type { AccountExchange, SnapshotTable } from '../../presets';
import {
  balancesTable,
  importAccountSnapshot,
  parseJsonDocuments,
  parsePricePair,
  positionsTable,
  reconcile,
  reconciliationTable,
} from '../../presets';
import type { Preset } from '../../engine/model';
import { attempt, type Outcome } from '../ui/outcome';

/**
 * What the user pasted: the two responses (either order; the second may be blank; a box may hold several JSON
 * documents one after another, e.g. OKX's positions then its instruments response) and optional prices.
 */
export interface AccountImportInput {
  readonly exchange: AccountExchange;
  readonly responses: readonly string[];
  /** `ASSET=PRICE` pairs, separated by commas, spaces or new lines, for assets the responses leave unpriced. */
  readonly prices: string;
}

export interface AccountImportResult {
  readonly balances: SnapshotTable;
  readonly positions: SnapshotTable;
  readonly reconciliation: SnapshotTable;
  readonly presetLabel: string;
  readonly unit: string;
  readonly notes: readonly string[];
}

function readPrices(text: string): Map<string, Dec> {
  const prices = new Map<string, Dec>();
  for (const pair of text.split(/[\s,;]+/).filter((p) => p !== '')) {
    const read = parsePricePair(pair);
    if (read === null) return paneFail('BAD_PRICE_PAIR', { got: pair });
    prices.set(read.asset, read.price);
  }
  return prices;
}

function parseResponses(responses: readonly string[]): unknown[] {
  return responses
    .map((text, i) => ({ text, i }))
    .filter(({ text }) => text.trim() !== '')
    .flatMap(({ text, i }) => {
      try {
        return parseJsonDocuments(text);
      } catch (error) {
        return paneFail('PASTED_JSON', { box: i + 1, detail: error instanceof Error ? error.message : String(error) });
      }
    });
}

/**
 * The tables and the reconciliation for pasted exchange responses, valued with `preset`: everything the
 * "Account snapshot" part of the Import section shows and writes, computed without the DOM.
 *
 * @example accountImportView(okxPreset, { exchange: 'okx', responses: [balanceText, positionsText], prices: '' })
 */
export function accountImportView(preset: Preset, input: AccountImportInput): Outcome<AccountImportResult> {
  return attempt(() => {
    const documents = parseResponses(input.responses);
    if (documents.length === 0) paneFail('PASTE_NEEDED');
    const snapshot = importAccountSnapshot(input.exchange, documents, { prices: readPrices(input.prices) });
    return {
      balances: balancesTable(snapshot),
      positions: positionsTable(snapshot),
      reconciliation: reconciliationTable(reconcile(preset, snapshot)),
      presetLabel: `${preset.name} (${preset.id}, as of ${preset.asOf})`,
      unit: snapshot.reportedUnit,
      notes: snapshot.notes,
    };
  });
}
