/*
 * Browsers may evict IndexedDB under storage pressure unless the origin holds persistent storage. The register is
 * the committee's only copy until a backup is made, so the app asks once at start and tells the user the answer.
 */

/** What the browser answered: kept for good, may be evicted, or the API is missing. */
export type PersistOutcome = 'granted' | 'denied' | 'unsupported';

/** The part of navigator.storage used here. */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/** Message key of the store catalog explaining an outcome to the user. */
export function persistMessageKey(outcome: PersistOutcome): string {
  return `store.persist.${outcome}`;
}

/**
 * Asks for persistent storage when not yet granted; 'unsupported' without the API or when asking fails.
 * @example const outcome = await requestPersistentStorage(); show(translate(locale, persistMessageKey(outcome)))
 */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
): Promise<PersistOutcome> {
  if (storage?.persist === undefined) return 'unsupported';
  try {
    if (storage.persisted !== undefined && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
