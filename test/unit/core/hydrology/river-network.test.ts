import type { Feature, FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { lineLengthKm } from '../../../../src/hydrology/geodesy';
import { RiverNetwork } from '../../../../src/hydrology/river-network';
import { buildFixture } from './golden-fixtures';

function lines(...specs: [Record<string, unknown>, [number, number][]][]): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: specs.map(([properties, coordinates]): Feature<LineString> => ({
      type: 'Feature',
      properties,
      geometry: { type: 'LineString', coordinates },
    })),
  };
}

const y = buildFixture('y-confluence').network;
const braided = buildFixture('braided').network;
const mainLengthKm = y.reach('main')!.lengthKm;
const westLengthKm = y.reach('west')!.lengthKm;

describe('isUpstream', () => {
  it('puts a smaller fraction upstream of a larger one on the same reach', () => {
    expect(y.isUpstream({ reachId: 'main', fraction: 0.2 }, { reachId: 'main', fraction: 0.7 })).toBe(true);
  });

  it('does not put a larger fraction upstream of a smaller one on the same reach', () => {
    expect(y.isUpstream({ reachId: 'main', fraction: 0.7 }, { reachId: 'main', fraction: 0.2 })).toBe(false);
  });

  it('does not put a position upstream of itself', () => {
    expect(y.isUpstream({ reachId: 'main', fraction: 0.5 }, { reachId: 'main', fraction: 0.5 })).toBe(false);
  });

  it('puts every point of a tributary upstream of every point below the confluence', () => {
    expect(y.isUpstream({ reachId: 'west', fraction: 1 }, { reachId: 'main', fraction: 0 })).toBe(true);
  });

  it('puts neither of two tributaries upstream of the other', () => {
    expect([
      y.isUpstream({ reachId: 'west', fraction: 0.1 }, { reachId: 'east', fraction: 0.9 }),
      y.isUpstream({ reachId: 'east', fraction: 0.1 }, { reachId: 'west', fraction: 0.9 }),
    ]).toEqual([false, false]);
  });

  it('answers false for a reach the network does not have', () => {
    expect(y.isUpstream({ reachId: 'nowhere', fraction: 0 }, { reachId: 'main', fraction: 1 })).toBe(false);
  });
});

describe('distances along the river', () => {
  it('measures flow distance from a tributary to the main stem through the confluence', () => {
    expect(y.flowDistanceKm({ reachId: 'west', fraction: 0.5 }, { reachId: 'main', fraction: 0.5 })).toBeCloseTo(
      0.5 * westLengthKm + 0.5 * mainLengthKm,
      9,
    );
  });

  it('gives the same flow distance whichever position comes first', () => {
    const a = { reachId: 'main', fraction: 0.9 };
    const b = { reachId: 'east', fraction: 0.3 };
    expect(y.flowDistanceKm(a, b)).toBe(y.flowDistanceKm(b, a));
  });

  it('has no flow distance between two tributaries', () => {
    expect(y.flowDistanceKm({ reachId: 'west', fraction: 0.5 }, { reachId: 'east', fraction: 0.5 })).toBeNull();
  });

  it('measures distance to the outlet from a point along a reach', () => {
    expect(y.distanceToOutletKm({ reachId: 'main', fraction: 0.25 })).toBeCloseTo(0.75 * mainLengthKm, 9);
  });

  it('records each reach length as the geodesic length of its line', () => {
    expect(mainLengthKm).toBeCloseTo(
      lineLengthKm([
        [-75.7, 4.51],
        [-75.7, 4.5],
      ]),
      9,
    );
  });
});

describe('drainage area', () => {
  it('sums own catchments over everything upstream at the downstream end of a reach', () => {
    expect(y.reach('main')?.drainageAreaKm2).toBeCloseTo(2 + 3 + 1.5, 9);
  });

  it('interpolates along a reach by its own catchment', () => {
    expect(y.drainageAreaKm2({ reachId: 'main', fraction: 0.5 })).toBeCloseTo(5 + 0.5 * 1.5, 9);
  });

  it('is NaN when the data carries no catchment areas', () => {
    expect(buildFixture('disconnected').network.reach('south-c')?.drainageAreaKm2).toBeNaN();
  });

  it('takes own catchment areas from polygons when they are given', () => {
    const network = lines([
      { id: 'a', toid: null },
      [
        [-75.7, 4.51],
        [-75.7, 4.5],
      ],
    ]);
    const catchments: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { FEATUREID: 'a' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-75.71, 4.5],
                [-75.69, 4.5],
                [-75.69, 4.52],
                [-75.71, 4.52],
                [-75.71, 4.5],
              ],
            ],
          },
        },
      ],
    };
    // A 0.02 x 0.02 degree square near 4.5 N: about 2.22 km x 2.22 km.
    expect(RiverNetwork.fromGeoJson(network, { catchments }).network.reach('a')?.drainageAreaKm2).toBeCloseTo(4.91, 1);
  });
});

describe('navigation (hydroloom modes)', () => {
  it('UT lists the reach and everything upstream of it', () => {
    expect(y.upstreamReaches('main', 'UT').sort()).toEqual(['east', 'main', 'west']);
  });

  it('UM follows the main stem upstream: the named river, then the larger catchment', () => {
    expect(braided.upstreamReaches('6', 'UM')).toEqual(['6', '4', '2', '1']);
  });

  it('UM prefers the tributary with the larger drainage area when names do not decide', () => {
    expect(y.upstreamReaches('main', 'UM')).toEqual(['main', 'east']);
  });

  it('DM follows the main path to the outlet', () => {
    expect(braided.downstreamReaches('1', 'DM')).toEqual(['1', '2', '4', '6']);
  });

  it('DD also takes the minor path of a split', () => {
    expect(braided.downstreamReaches('1', 'DD').sort()).toEqual(['1', '2', '3', '4', '6']);
  });

  it('highlights the stretches within a distance downstream of a point, across a confluence', () => {
    const stretches = y.downstreamWithin({ reachId: 'west', fraction: 0.5 }, 1);
    expect(stretches.map((s) => s.reachId)).toEqual(['west', 'main']);
    expect(stretches[1]?.toFraction).toBeCloseTo((1 - 0.5 * westLengthKm) / mainLengthKm, 9);
  });

  it('stops highlighting at the outlet', () => {
    expect(y.downstreamWithin({ reachId: 'main', fraction: 0.5 }, 100)).toEqual([
      { reachId: 'main', fromFraction: 0.5, toFraction: 1 },
    ]);
  });
});

describe('snapping', () => {
  it('refuses a point beyond the tolerance with the distance and the tolerance', () => {
    const result = y.snap([-75.69, 4.5], 100);
    expect(
      result.ok === false &&
        result.code === 'hydrology.snap.tooFar' &&
        result.params.toleranceM === 100 &&
        result.params.distanceM > 1000,
    ).toBe(true);
  });

  it('accepts the same point once the tolerance is raised', () => {
    expect(y.snap([-75.69, 4.5], 2000).ok).toBe(true);
  });

  it('snaps a point on a confluence to the top of the reach below it', () => {
    const result = y.snap([-75.7, 4.51], 10);
    expect(result.ok && result.position).toEqual({
      reachId: 'main',
      fraction: 0,
    });
  });

  it('gives the fraction along the reach where the point lands', () => {
    const result = y.snap([-75.6999, 4.5075], 50);
    expect(result.ok && result.position.reachId === 'main' && result.position.fraction).toBeCloseTo(0.25, 6);
  });
});

describe('reading topology attributes', () => {
  it('reads HydroRIVERS HYRIV_ID / NEXT_DOWN with 0 as the outlet and CATCH_SKM as own catchment', () => {
    const { network } = RiverNetwork.fromGeoJson(
      lines(
        [
          { HYRIV_ID: 10, NEXT_DOWN: 11, CATCH_SKM: 4, ORD_STRA: 1 },
          [
            [-75.7, 4.52],
            [-75.7, 4.51],
          ],
        ],
        [
          { HYRIV_ID: 11, NEXT_DOWN: 0, CATCH_SKM: 5, ORD_STRA: 1 },
          [
            [-75.7, 4.51],
            [-75.7, 4.5],
          ],
        ],
      ),
    );
    expect([
      network.scheme,
      network.reach('10')?.downstreamId,
      network.reach('11')?.downstreamId,
      network.reach('11')?.drainageAreaKm2,
    ]).toEqual(['hydrorivers', '11', null, 9]);
  });

  it('reads NHDPlus Hydroseq / DnHydroseq when nodes are absent', () => {
    const { network } = RiverNetwork.fromGeoJson(
      lines(
        [
          { COMID: 1, Hydroseq: 300, DnHydroseq: 200 },
          [
            [-75.7, 4.52],
            [-75.7, 4.51],
          ],
        ],
        [
          { COMID: 2, Hydroseq: 200, DnHydroseq: 0 },
          [
            [-75.7, 4.51],
            [-75.7, 4.5],
          ],
        ],
      ),
    );
    expect([network.scheme, network.reach('1')?.downstreamId]).toEqual(['nhdplus-hydroseq', '2']);
  });

  it('treats a toid naming a reach that is not in the file as an outlet and reports it', () => {
    const { network, diagnostics } = RiverNetwork.fromGeoJson(
      lines([
        { id: 'a', toid: 'elsewhere' },
        [
          [-75.7, 4.52],
          [-75.7, 4.51],
        ],
      ]),
    );
    expect(network.reach('a')?.downstreamId).toBeNull();
    expect(diagnostics.find((d) => d.code === 'hydrology.network.downstreamMissing')?.reachIds).toEqual(['a']);
  });

  it('reports features that are not lines instead of dropping them silently', () => {
    const input: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        ...lines([
          { id: 'a', toid: null },
          [
            [-75.7, 4.52],
            [-75.7, 4.51],
          ],
        ]).features,
        {
          type: 'Feature',
          properties: { id: 'p' },
          geometry: { type: 'Point', coordinates: [-75.7, 4.5] },
        },
      ],
    };
    expect(
      RiverNetwork.fromGeoJson(input).diagnostics.find((d) => d.code === 'hydrology.network.notALine')?.params,
    ).toEqual({ count: 1, features: '2' });
  });

  it('reverses a reach whose upstream end touches its downstream neighbour and reports it', () => {
    const { network, diagnostics } = RiverNetwork.fromGeoJson(
      lines(
        [
          { id: 'a', toid: 'b' },
          [
            [-75.7, 4.51],
            [-75.7, 4.52],
          ],
        ],
        [
          { id: 'b', toid: null },
          [
            [-75.7, 4.51],
            [-75.7, 4.5],
          ],
        ],
      ),
    );
    expect(network.reach('a')?.coordinates[0]).toEqual([-75.7, 4.52]);
    expect(diagnostics.find((d) => d.code === 'hydrology.network.reversed')?.reachIds).toEqual(['a']);
  });
});

describe('geometry options', () => {
  it('orients every reach away from a chosen outlet', () => {
    const input = lines(
      [
        { id: 'a' },
        [
          [-75.7, 4.5],
          [-75.7, 4.51],
        ],
      ],
      [
        { id: 'b' },
        [
          [-75.7, 4.51],
          [-75.7, 4.52],
        ],
      ],
    );
    const { network } = RiverNetwork.fromGeoJson(input, {
      outlets: [[-75.7, 4.52]],
    });
    expect([network.reach('a')?.downstreamId, network.reach('b')?.downstreamId]).toEqual(['b', null]);
  });

  it('joins endpoints closer than the tolerance and keeps apart those farther away', () => {
    // The two ends are about 5.6 m apart.
    const input = lines(
      [
        { id: 'a' },
        [
          [-75.7, 4.52],
          [-75.7, 4.51005],
        ],
      ],
      [
        { id: 'b' },
        [
          [-75.7, 4.51],
          [-75.7, 4.5],
        ],
      ],
    );
    const joined = RiverNetwork.fromGeoJson(input, {
      endpointToleranceM: 10,
      orientation: 'drawn',
    }).network;
    const apart = RiverNetwork.fromGeoJson(input, {
      endpointToleranceM: 1,
      orientation: 'drawn',
    }).network;
    expect([joined.reach('a')?.downstreamId, apart.reach('a')?.downstreamId]).toEqual(['b', null]);
  });

  it('computes Strahler order when the data has none', () => {
    expect(braided.reach('6')?.streamOrder).toBe(2);
  });
});

describe('toGeoJson', () => {
  it('writes every reach with id, downstreamId, streamOrder, lengthKm, drainageAreaKm2 and distanceToOutletKm', () => {
    const main = y.toGeoJson().features.find((feature) => feature.properties.id === 'main');
    expect(main?.properties).toEqual({
      id: 'main',
      downstreamId: null,
      streamOrder: 2,
      lengthKm: mainLengthKm,
      drainageAreaKm2: 6.5,
      distanceToOutletKm: 0,
      outletId: 'main',
    });
  });
});
