import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { sequentialIds } from '../../../../src/domain/ids';
import type { Actor, Draft } from '../../../../src/ports/repository';
import { WatershedDatabase } from '../../../../renderer/store/db';
import { DexieRepository } from '../../../../renderer/store/dexie-repository';

/** Each test gets its own in-memory IndexedDB, so no state is shared between tests. */
export function freshIndexedDb(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** A clock that advances one minute per call from 2026-03-01T08:00Z. */
export function steppingClock(): () => string {
  let minutes = 0;
  return () => {
    const at = new Date(Date.UTC(2026, 2, 1, 8, minutes)).toISOString();
    minutes += 1;
    return at;
  };
}

export const ROSA: Actor = Object.freeze({ name: 'Rosa Quispe', device: 'laptop-rosa', role: 'participant' });
export const JOAO: Actor = Object.freeze({ name: 'João Silva', device: 'laptop-joao', role: 'participant' });
export const COORDINATOR: Actor = Object.freeze({ name: 'Marta Choque', device: 'laptop-committee', role: 'coordinator' });

export function openStore(options: { name?: string; indexedDb?: ReturnType<typeof freshIndexedDb> } = {}) {
  const db = new WatershedDatabase(options.name ?? 'watershed-commons', options.indexedDb ?? freshIndexedDb());
  const repository = new DexieRepository({ db, ids: sequentialIds('a'), clock: steppingClock() });
  return { db, repository };
}

export function createCommunityDraft(overrides: Partial<Draft<'communities'>> = {}): Draft<'communities'> {
  return Object.freeze({ name: 'San Isidro', territory: null, population: 420, contacts: 'radio 3', ...overrides });
}

export function createIntakeDraft(overrides: Partial<Draft<'intakes'>> = {}): Draft<'intakes'> {
  return Object.freeze({
    name: 'Bocatoma alta',
    communityId: 'community-1',
    use: 'irrigation' as const,
    location: [-71.5, -13.5] as [number, number],
    snap: null,
    returnLocation: null,
    returnSnap: null,
    ...overrides,
  });
}

export function createWithdrawalDraft(overrides: Partial<Draft<'withdrawals'>> = {}): Draft<'withdrawals'> {
  return Object.freeze({
    intakeId: 'intake-1',
    periodStart: '2026-03-01T00:00:00Z',
    periodEnd: '2026-03-02T00:00:00Z',
    volumeM3: 120,
    entered: { quantity: 'volume', value: 120, unit: 'm3' },
    method: 'meter',
    reporter: 'Rosa Quispe',
    ...overrides,
  } as const);
}
