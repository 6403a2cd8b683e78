import { describe, expect, it } from 'vitest';
import { RiverNetwork } from '../../../../src/hydrology/river-network';
import type { StoredBasin } from '../../../../renderer/session/basin-files';
import {
  replaceBasinRivers,
  restoreBasin,
  snapChanges,
  storedReaches,
  withNewRivers,
} from '../../../../renderer/features/network/basin-replacement';
import { BASIN_META_KEY } from '../../../../renderer/session/sample-import';
import {
  COORDINATOR,
  createCommunityDraft,
  createIntakeDraft,
  createWithdrawalDraft,
  openStore,
} from '../store/store-fixtures';

type Line = [number, number][];
function reach(id: string, toid: string | null, coordinates: Line) {
  return { type: 'Feature' as const, properties: { id, toid }, geometry: { type: 'LineString' as const, coordinates } };
}

/** Old rivers: one straight reach running south along lon -75.60. */
const OLD_REACHES = {
  type: 'FeatureCollection' as const,
  features: [
    reach('old', null, [
      [-75.6, 5.05],
      [-75.6, 4.95],
    ]),
  ],
};

/** New rivers: a tributary from the east joining a main stem along lon -75.61, flowing south. */
function newNetwork(): RiverNetwork {
  return RiverNetwork.fromGeoJson({
    type: 'FeatureCollection',
    features: [
      reach('upper', 'lower', [
        [-75.61, 5.05],
        [-75.61, 5.0],
      ]),
      reach('east', 'lower', [
        [-75.58, 5.0],
        [-75.61, 5.0],
      ]),
      reach('lower', null, [
        [-75.61, 5.0],
        [-75.61, 4.95],
      ]),
    ],
  }).network;
}

function createBasin(): StoredBasin {
  return Object.freeze({
    info: {
      formatVersion: 1 as const,
      name: 'Cuenca de prueba',
      fictional: true,
      bounds: [-75.62, 4.95, -75.59, 5.05] as [number, number, number, number],
      outlet: [-75.6, 4.95] as [number, number],
      settings: {
        flowVelocityMs: 0.8,
        timeZone: 'America/Bogota',
        utcOffsetMinutes: -300,
        locale: 'es',
        snapToleranceM: 100,
      },
      communities: [
        { id: 'community-x', name: 'El Roble', anchor: [-75.6095, 5.02] as [number, number], reachId: 'old' },
      ],
    },
    reaches: OLD_REACHES,
    subbasins: { type: 'FeatureCollection' as const, features: [] },
    hillshadeUrl: 'data:image/png;base64,AAAA',
  });
}

describe('storedReaches', () => {
  it('writes id/toid topology that reads back as the same network', () => {
    const network = newNetwork();
    const again = RiverNetwork.fromGeoJson(storedReaches(network)).network;
    expect(again.scheme).toBe('id-toid');
    expect(again.reach('east')?.downstreamId).toBe('lower');
    expect(again.reach('upper')?.downstreamId).toBe('lower');
    expect(again.outletIds()).toEqual(['lower']);
    expect(again.reach('lower')?.streamOrder).toBe(2);
  });
});

describe('withNewRivers', () => {
  it('replaces the reaches and outlet, grows the bounds, re-points communities, and keeps settings', () => {
    const replaced = withNewRivers(createBasin(), newNetwork());
    expect(replaced.reaches.features.map((feature) => feature.properties?.['id'])).toEqual(['upper', 'east', 'lower']);
    expect(replaced.info.outlet).toEqual([-75.61, 4.95]);
    expect(replaced.info.bounds[2]).toBeCloseTo(-75.58);
    expect(replaced.info.communities[0]?.reachId).toBe('upper');
    expect(replaced.info.settings.snapToleranceM).toBe(100);
    expect(replaced.hillshadeUrl).toBe('data:image/png;base64,AAAA');
  });

  it('takes sub-basins and a hillshade from a delineation', () => {
    const subbasins = { type: 'FeatureCollection' as const, features: [] };
    const replaced = withNewRivers(createBasin(), newNetwork(), {
      subbasins,
      hillshade: { url: 'data:image/png;base64,BBBB', bounds: [-75.7, 4.9, -75.5, 5.1] },
    });
    expect(replaced.subbasins).toBe(subbasins);
    expect(replaced.hillshadeUrl).toBe('data:image/png;base64,BBBB');
    expect(replaced.info.hillshade?.bounds).toEqual([-75.7, 4.9, -75.5, 5.1]);
  });
});

describe('snapChanges', () => {
  it('re-snaps records whose place on the river changed and leaves the others', () => {
    const network = newNetwork();
    const onUpper = network.snap([-75.6098, 5.03], 100);
    if (!onUpper.ok) throw new Error('fixture point must snap');
    const unchanged = {
      id: 'kept',
      version: 3,
      location: [-75.6098, 5.03] as [number, number],
      snap: {
        reachId: onUpper.position.reachId,
        fraction: onUpper.position.fraction,
        distanceM: Math.round(onUpper.distanceM * 100) / 100,
      },
    };
    const moved = {
      id: 'moved',
      version: 1,
      location: [-75.6002, 5.0] as [number, number],
      snap: { reachId: 'old', fraction: 0.5, distanceM: 14 },
    };
    const far = {
      id: 'far',
      version: 2,
      location: [-75.5, 5.0] as [number, number],
      snap: { reachId: 'old', fraction: 0.5, distanceM: 20 },
    };
    const changes = snapChanges(network, [unchanged, moved, far], 100);
    expect(changes.map((change) => change.id)).toEqual(['moved', 'far']);
    expect(changes[0]).toMatchObject({ expectedVersion: 1, patch: { snap: { reachId: 'east' } } });
    expect(changes[1]).toEqual({ id: 'far', expectedVersion: 2, patch: { snap: null } });
  });
});

describe('replaceBasinRivers', () => {
  it('stores the new rivers and re-snaps intakes without losing or moving any record', async () => {
    const { db, repository } = openStore();
    await repository.setMeta(BASIN_META_KEY, createBasin());
    const community = await repository.create('communities', createCommunityDraft(), COORDINATOR);
    if (!community.ok) throw new Error('fixture');
    const intake = await repository.create(
      'intakes',
      createIntakeDraft({
        communityId: community.value.id,
        location: [-75.6098, 5.03],
        snap: { reachId: 'old', fraction: 0.2, distanceM: 10 },
      }),
      COORDINATOR,
    );
    if (!intake.ok) throw new Error('fixture');
    await repository.create('withdrawals', createWithdrawalDraft({ intakeId: intake.value.id }), COORDINATOR);
    const farAway = await repository.create(
      'intakes',
      createIntakeDraft({ location: [-75.5, 5.0], snap: { reachId: 'old', fraction: 0.5, distanceM: 90 } }),
      COORDINATOR,
    );
    if (!farAway.ok) throw new Error('fixture');
    const before = await repository.counts();

    const outcome = await replaceBasinRivers(repository, createBasin(), newNetwork(), COORDINATOR);

    expect(outcome).toEqual({ resnapped: 1, offRiver: 1, failed: 0 });
    const far = await repository.get('intakes', farAway.value.id);
    expect(far?.snap).toBeNull();
    expect(far?.location).toEqual([-75.5, 5.0]);
    const stored = (await repository.getMeta(BASIN_META_KEY)) as StoredBasin;
    expect(stored.reaches.features).toHaveLength(3);
    const after = await repository.get('intakes', intake.value.id);
    expect(after?.location).toEqual([-75.6098, 5.03]);
    expect(after?.snap?.reachId).toBe('upper');
    expect(after?.version).toBe(2);
    expect((await repository.history('intakes', intake.value.id)).map((entry) => entry.version)).toEqual([1, 2]);
    const tableCounts = (digest: typeof before) =>
      digest.tables.map((table) => [table.kind, table.records, table.deleted]);
    expect(tableCounts(await repository.counts())).toEqual(tableCounts(before));
    expect((await repository.verifyAudit()).ok).toBe(true);
    expect(await db.recordTable('withdrawals').count()).toBe(1);
    expect(await db.recordTable('communities').count()).toBe(1);
    expect(await db.recordTable('intakes').count()).toBe(2);
  });

  it('puts the previous rivers back and the records on them', async () => {
    const { repository } = openStore();
    const previous = { ...createBasin(), reaches: OLD_REACHES };
    await repository.setMeta(BASIN_META_KEY, previous);
    const intake = await repository.create(
      'intakes',
      createIntakeDraft({ location: [-75.6005, 5.0003], snap: { reachId: 'old', fraction: 0.5, distanceM: 55.44 } }),
      COORDINATOR,
    );
    if (!intake.ok) throw new Error('fixture');
    await replaceBasinRivers(repository, previous, newNetwork(), COORDINATOR);
    expect((await repository.get('intakes', intake.value.id))?.snap?.reachId).toBe('east');

    const outcome = await restoreBasin(repository, previous, COORDINATOR);

    expect(outcome).toEqual({ resnapped: 1, offRiver: 0, failed: 0 });
    expect(await repository.getMeta(BASIN_META_KEY)).toEqual(previous);
    const restored = await repository.get('intakes', intake.value.id);
    expect(restored?.snap?.reachId).toBe('old');
    expect(restored?.version).toBe(3);
  });
});
