import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { RecordMeta } from '../../../src/domain/records';
import { useSession } from '../../session/session-context';
import { EMPTY_LOOKUPS, type Lookups, type RegisterKind } from './register-kinds';

/** Communities, intakes, monitoring points and restoration sites by id, kept current with the store. */
export function useLookups(): Lookups {
  const { db } = useSession();
  const live = useLiveQuery(async () => {
    const [communities, intakes, points, sites] = await Promise.all([
      db.recordTable('communities').toArray(),
      db.recordTable('intakes').toArray(),
      db.recordTable('monitoringPoints').toArray(),
      db.recordTable('restorationSites').toArray(),
    ]);
    return { communities, intakes, points, sites };
  }, [db]);
  return useMemo(
    () =>
      live
        ? {
            communities: new Map(live.communities.map((record) => [record.id, record])),
            intakes: new Map(live.intakes.map((record) => [record.id, record])),
            points: new Map(live.points.map((record) => [record.id, record])),
            sites: new Map(live.sites.map((record) => [record.id, record])),
          }
        : EMPTY_LOOKUPS,
    [live],
  );
}

/** Every current record of a register (deleted ones included; the table leaves them out), or undefined while loading. */
export function useRegisterRecords(kind: RegisterKind | null): readonly RecordMeta[] | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => (kind ? ((await db.recordTable(kind).toArray()) as RecordMeta[]) : []), [db, kind]);
}

/** How many records each register holds. */
export function useRegisterCounts(kinds: readonly RegisterKind[]): Readonly<Record<string, number>> | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => {
    // count() reads the index only; deleted records (rare: a deletion is a version) are counted too.
    const counts = await Promise.all(kinds.map((kind) => db.recordTable(kind).count()));
    return Object.fromEntries(kinds.map((kind, index) => [kind, counts[index] ?? 0]));
  }, [db, kinds]);
}
