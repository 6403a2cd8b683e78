import { describe, expect, it } from 'vitest';
import { persistMessageKey, requestPersistentStorage } from '../../../../renderer/store/persist';
import { store } from '../../../../src/i18n/messages/store';

describe('requestPersistentStorage', () => {
  it('reports granted without asking again when storage is already persistent', async () => {
    let asked = false;
    const outcome = await requestPersistentStorage({
      persisted: async () => true,
      persist: async () => {
        asked = true;
        return true;
      },
    });
    expect([outcome, asked]).toEqual(['granted', false]);
  });

  it('reports what the browser answers when asked', async () => {
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe('denied');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => true })).toBe('granted');
  });

  it('reports unsupported without the API or when asking fails', async () => {
    expect(await requestPersistentStorage({})).toBe('unsupported');
    expect(await requestPersistentStorage({ persist: async () => Promise.reject(new Error('blocked')) })).toBe('unsupported');
  });

  it('names a message of the store catalog for every outcome', () => {
    for (const outcome of ['granted', 'denied', 'unsupported'] as const) {
      expect(Object.hasOwn(store.en, persistMessageKey(outcome).replace(/^store\./, ''))).toBe(true);
    }
  });
});
