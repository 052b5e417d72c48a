import { hostKeyStore, runtimeKeyStore, sessionOnlyKeyStore } from '../../../src/taskpane/connections/keyStore';
import type { RuntimeStorage } from '../../../src/taskpane/connections/keyStore';

/** OfficeRuntime.storage as the shared runtime offers it: an asynchronous string store per add-in and user. */
function runtimeStorage(): RuntimeStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: async (key) => items.get(key) ?? null,
    setItem: async (key, value) => {
      items.set(key, value);
    },
    removeItem: async (key) => {
      items.delete(key);
    },
  };
}

describe('keys remembered on this computer', () => {
  it('are kept in the add-in storage under one item per exchange, read back, and removed on Forget', async () => {
    const storage = runtimeStorage();
    const store = runtimeKeyStore(storage);
    await store.save('okx', { key: 'k', secret: 's', passphrase: 'p' });
    expect([...storage.items.keys()]).toEqual(['multiasset.keys.okx']);
    await expect(store.load('okx')).resolves.toEqual({ key: 'k', secret: 's', passphrase: 'p' });
    await expect(store.load('binance')).resolves.toBeNull();
    await store.remove('okx');
    expect(storage.items.size).toBe(0);
  });

  it('treat an edited or truncated item as no key', async () => {
    const storage = runtimeStorage();
    storage.items.set('multiasset.keys.bybit', '{"key":"k","secr');
    await expect(runtimeKeyStore(storage).load('bybit')).resolves.toBeNull();
    storage.items.set('multiasset.keys.bybit', '{"key":"k"}');
    await expect(runtimeKeyStore(storage).load('bybit')).resolves.toBeNull();
  });

  it('say where they are kept, and outside Office are not kept at all', async () => {
    expect(hostKeyStore({ OfficeRuntime: { storage: runtimeStorage() } }).where).toContain('OfficeRuntime.storage');
    expect(hostKeyStore({}).where).toBeNull();
    await expect(sessionOnlyKeyStore.save('okx', { key: 'k', secret: 's' })).rejects.toThrow('kept for this session only');
  });
});
