import { describe, expect, it } from 'vitest';
import { buildFixture, expectGolden, fixtureNames, readInput, summarize } from './golden-fixtures';

describe('golden networks (test/fixtures/hydrology)', () => {
  it.each(fixtureNames())('%s builds the recorded network and diagnostics', (name) => {
    const { network, diagnostics } = buildFixture(name);
    expectGolden(name, summarize(network, diagnostics));
  });

  it('snaps on a reach, at a confluence and refuses beyond tolerance as recorded', () => {
    const { network } = buildFixture('y-confluence');
    const cases = [
      {
        label: 'beside the main stem, 0.0002 deg east',
        point: [-75.6998, 4.505] as [number, number],
        toleranceM: 50,
      },
      {
        label: 'exactly on the confluence',
        point: [-75.7, 4.51] as [number, number],
        toleranceM: 50,
      },
      {
        label: 'a kilometre from every reach',
        point: [-75.69, 4.5] as [number, number],
        toleranceM: 100,
      },
    ];
    expectGolden(
      'snapping',
      cases.map(({ label, point, toleranceM }) => ({
        label,
        point,
        toleranceM,
        result: network.snap(point, toleranceM),
      })),
    );
  });
});

describe('what the golden networks show', () => {
  it('joins two tributaries into the reach below a Y confluence', () => {
    const { network } = buildFixture('y-confluence');
    expect([
      network.reach('west')?.downstreamId,
      network.reach('east')?.downstreamId,
      network.reach('main')?.downstreamId,
    ]).toEqual(['main', 'main', null]);
  });

  it('gives the reach below two first-order streams Strahler order 2', () => {
    const { network } = buildFixture('y-confluence');
    expect(network.reach('main')?.streamOrder).toBe(2);
  });

  it('splits a line where a tributary ends on its interior vertex and snaps the end onto it', () => {
    const { network } = buildFixture('interior-vertex');
    expect(network.reachIds().sort()).toEqual(['creek', 'river:1', 'river:2']);
    expect(network.reach('creek')?.downstreamId).toBe('river:2');
    expect(network.reach('creek')?.coordinates.at(-1)).toEqual([-75.7, 4.52]);
  });

  it('turns a reach drawn against the flow around and reports it', () => {
    const { network, diagnostics } = buildFixture('reversed-reach');
    expect(network.reach('east-drawn-backwards')?.coordinates[0]).toEqual([-75.69, 4.52]);
    expect(network.reach('east-drawn-backwards')?.downstreamId).toBe('main');
    expect(diagnostics.find((d) => d.code === 'hydrology.network.reversed')?.reachIds).toEqual([
      'east-drawn-backwards',
    ]);
  });

  it('reports a loop in the topology attributes and cuts it so every reach still reaches an outlet', () => {
    const { network, diagnostics } = buildFixture('loop');
    expect([...(diagnostics.find((d) => d.code === 'hydrology.network.loop')?.reachIds ?? [])].sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(network.outletIds()).toHaveLength(1);
    expect(network.reachIds().every((id) => network.reach(id)?.outletId === network.outletIds()[0])).toBe(true);
  });

  it('reports two disconnected pieces with their outlets', () => {
    const { network, diagnostics } = buildFixture('disconnected');
    const disconnected = diagnostics.find((d) => d.code === 'hydrology.network.disconnected');
    expect(disconnected?.params).toEqual({ count: 2, outletCount: 2 });
    expect([...(disconnected?.reachIds ?? [])].sort()).toEqual(['north-down', 'south-c']);
    expect(network.isReachUpstream('north-up', 'south-c')).toBe(false);
  });

  it('counts the catchments of a braid once where its paths rejoin, as NHDPlus TotDASqKM does', () => {
    const input = buildFixture('braided');
    const published = new Map(
      readInput('braided').features.map((f) => [String(f.properties?.['COMID']), Number(f.properties?.['TotDASqKM'])]),
    );
    for (const id of input.network.reachIds())
      expect(input.network.reach(id)?.drainageAreaKm2).toBeCloseTo(published.get(id)!, 9);
  });

  it('keeps the minor path of a split as a reach whose downstream link follows the tree', () => {
    const { network, diagnostics } = buildFixture('braided');
    expect(network.reach('2')?.downstreamId).toBe('4');
    expect(network.reach('3')?.downstreamId).toBe('4');
    expect(network.reach('1')?.downstreamId).toBe('2');
    expect(diagnostics.find((d) => d.code === 'hydrology.network.split')?.reachIds).toEqual(['3']);
  });

  it('keeps OpenStreetMap ways in their drawn direction and reports lines drawn into each other', () => {
    const { network, diagnostics } = buildFixture('osm-drawn');
    expect(network.reach('103')?.coordinates[0]).toEqual([-75.72, 4.54]);
    expect(network.reach('104')?.coordinates[0]).toEqual([-75.74, 4.54]);
    expect(
      [...(diagnostics.find((d) => d.code === 'hydrology.network.directionConflict')?.reachIds ?? [])].sort(),
    ).toEqual(['103', '104']);
  });

  it('reports a stream drawn out of the river as a fork and keeps the river as the main path', () => {
    const { network, diagnostics } = buildFixture('osm-drawn');
    expect(network.reach('100:2')?.downstreamId).toBe('100:3');
    expect(diagnostics.find((d) => d.code === 'hydrology.network.split')?.reachIds).toEqual(['102']);
  });

  it('leaves canals out of the tree and reports them', () => {
    const { network, diagnostics } = buildFixture('osm-drawn');
    expect(network.hasReach('105')).toBe(false);
    expect(network.canals().map((canal) => canal.id)).toEqual(['105']);
    expect(diagnostics.find((d) => d.code === 'hydrology.network.canalsExcluded')?.reachIds).toEqual(['105']);
  });
});
