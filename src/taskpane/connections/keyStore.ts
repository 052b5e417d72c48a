import type { LiveExchange } from '../../live/liveExchange';
import type { Credentials } from '../../live/signers';

/**
 * Where a remembered key is kept: the add-in's own per-user storage on this computer (`OfficeRuntime.storage`),
 * never the workbook, its settings or custom XML. Keys not remembered live only in memory, for the session.
 */
export interface KeyStore {
  /** Where the keys are kept, in words for the pane; null when this host has no per-user storage. */
  readonly where: string | null;
  load(exchange: LiveExchange): Promise<Credentials | null>;
  save(exchange: LiveExchange, credentials: Credentials): Promise<void>;
  remove(exchange: LiveExchange): Promise<void>;
}

/** The part of `OfficeRuntime.storage` used (Office's shared runtime: a per-add-in, per-user key-value store). */
export interface RuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

const itemName = (exchange: LiveExchange): string => `multiasset.keys.${exchange}`;

/** A stored key read back as it was saved; anything else (edited, truncated) is treated as no key. */
function parseStored(text: string | null): Credentials | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.key !== 'string' || typeof value.secret !== 'string' || value.key === '' || value.secret === '') return null;
    return typeof value.passphrase === 'string'
      ? { key: value.key, secret: value.secret, passphrase: value.passphrase }
      : { key: value.key, secret: value.secret };
  } catch {
    return null;
  }
}

export function runtimeKeyStore(storage: RuntimeStorage): KeyStore {
  return {
    where: "this computer's Office add-in storage for your user (OfficeRuntime.storage), not the workbook",
    load: async (exchange) => parseStored(await storage.getItem(itemName(exchange))),
    save: (exchange, credentials) => storage.setItem(itemName(exchange), JSON.stringify(credentials)),
    remove: (exchange) => storage.removeItem(itemName(exchange)),
  };
}

/** Outside Office (a plain browser) nothing is remembered: keys last for the session. */
export const sessionOnlyKeyStore: KeyStore = {
  where: null,
  load: () => Promise.resolve(null),
  save: () => Promise.reject(new Error('this host has no per-user add-in storage: the key is kept for this session only')),
  remove: () => Promise.resolve(),
};

/** The host's store: Office's per-user storage where the shared runtime offers it, else session only. */
export function hostKeyStore(scope: { OfficeRuntime?: { storage?: RuntimeStorage } } = globalThis as never): KeyStore {
  const storage = scope.OfficeRuntime?.storage;
  return storage === undefined ? sessionOnlyKeyStore : runtimeKeyStore(storage);
}
