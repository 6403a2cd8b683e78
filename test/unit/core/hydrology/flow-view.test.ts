import { describe, expect, it } from 'vitest';
import { RiverNetwork } from '../../../../src/hydrology/river-network';
import { communitySubjects, flowHighlight, flowNeighbours, sliceLine } from '../../../../src/hydrology/flow-view';
import { lineLengthKm } from '../../../../src/hydrology/geodesy';

/*
 * A small basin flowing south:
 *
 *   west (0.1 km2)   north (0.2 km2)
 *          \           |
 *           \        upper (0.3 km2)
 *            \         |
 *             `----> middle (0.4 km2) <---- east (0.1 km2)
 *                      |
 *                    lower (0.5 km2), the outlet
 *
 * Each reach is a straight line of 0.01 degrees of latitude (about 1.11 km) or of longitude for the side ones.
 */
function reach(id: string, toid: string | null, coordinates: [number, number][], areaKm2: number) {
  return {
    type: 'Feature' as const,
    properties: { id, toid, areaKm2 },
    geometry: { type: 'LineString' as const, coordinates },
  };
}

function createNetwork(): RiverNetwork {
  return RiverNetwork.fromGeoJson({
    type: 'FeatureCollection',
    features: [
      reach(
        'north',
        'upper',
        [
          [0, 0.04],
          [0, 0.03],
        ],
        0.2,
      ),
      reach(
        'upper',
        'middle',
        [
          [0, 0.03],
          [0, 0.02],
        ],
        0.3,
      ),
      reach(
        'west',
        'middle',
        [
          [-0.01, 0.02],
          [0, 0.02],
        ],
        0.1,
      ),
      reach(
        'east',
        'middle',
        [
          [0.01, 0.02],
          [0, 0.02],
        ],
        0.1,
      ),
      reach(
        'middle',
        'lower',
        [
          [0, 0.02],
          [0, 0.01],
        ],
        0.4,
      ),
      reach(
        'lower',
        null,
        [
          [0, 0.01],
          [0, 0],
        ],
        0.5,
      ),
    ],
  }).network;
}

const KM_PER_CELL = lineLengthKm([
  [0, 0.01],
  [0, 0],
]);

describe('sliceLine', () => {
  it('cuts a line between two fractions of its length, keeping the vertices in between', () => {
    expect(
      sliceLine(
        [
          [0, 0],
          [0, 1],
          [0, 2],
        ],
        0.25,
        0.75,
      ),
    ).toEqual([
      [0, 0.5],
      [0, 1],
      [0, 1.5],
    ]);
  });

  it('gives the whole line for 0..1 and a single point twice for an empty stretch', () => {
    expect(
      sliceLine(
        [
          [0, 0],
          [0, 2],
        ],
        0,
        1,
      ),
    ).toEqual([
      [0, 0],
      [0, 2],
    ]);
    expect(
      sliceLine(
        [
          [0, 0],
          [0, 2],
        ],
        0.5,
        0.5,
      ),
    ).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });
});

describe('flowHighlight', () => {
  it('puts the part of the reach above the point and every reach above it (with tributaries) upstream', () => {
    const highlight = flowHighlight(createNetwork(), { reachId: 'middle', fraction: 0.5 });
    expect(highlight.upstream.map((feature) => feature.properties.id).sort()).toEqual([
      'east',
      'middle',
      'north',
      'upper',
      'west',
    ]);
    expect(highlight.downstream.map((feature) => feature.properties.id)).toEqual(['middle', 'lower']);
  });

  it('splits the clicked reach at the point: upstream ends and downstream starts there', () => {
    const highlight = flowHighlight(createNetwork(), { reachId: 'middle', fraction: 0.5 });
    const above = highlight.upstream.find((feature) => feature.properties.id === 'middle')!;
    const below = highlight.downstream.find((feature) => feature.properties.id === 'middle')!;
    expect(above.geometry.coordinates[0]).toEqual([0, 0.02]);
    expect(above.geometry.coordinates.at(-1)![1]).toBeCloseTo(0.015, 6);
    expect(below.geometry.coordinates[0]![1]).toBeCloseTo(0.015, 6);
    expect(below.geometry.coordinates.at(-1)).toEqual([0, 0.01]);
  });

  it('has nothing upstream at a source and nothing downstream at the outlet end', () => {
    const network = createNetwork();
    expect(flowHighlight(network, { reachId: 'north', fraction: 0 }).upstream).toEqual([]);
    expect(flowHighlight(network, { reachId: 'lower', fraction: 1 }).downstream).toEqual([]);
  });
});

describe('flowNeighbours', () => {
  const subject = (id: string, reachId: string, fraction: number) => ({
    id,
    name: id,
    positions: [{ reachId, fraction }],
  });

  it('lists subjects upstream and downstream of a point, nearest first, with distances along the river', () => {
    const network = createNetwork();
    const point = { reachId: 'middle', fraction: 0.5 };
    const found = flowNeighbours(network, point, [
      subject('source', 'north', 0),
      subject('above', 'upper', 0.5),
      subject('below', 'lower', 0.5),
      subject('side', 'east', 0.5),
    ]);
    expect(found.upstream.map((neighbour) => neighbour.id)).toEqual(['side', 'above', 'source']);
    expect(found.upstream[1]!.distanceKm).toBeCloseTo(KM_PER_CELL, 2);
    expect(found.upstream[2]!.distanceKm).toBeCloseTo(2.5 * KM_PER_CELL, 2);
    expect(found.downstream).toEqual([{ id: 'below', name: 'below', distanceKm: expect.closeTo(KM_PER_CELL, 2) }]);
  });

  it('leaves out subjects on another branch, which are neither upstream nor downstream', () => {
    const found = flowNeighbours(createNetwork(), { reachId: 'upper', fraction: 0.5 }, [
      subject('east side', 'east', 0.5),
    ]);
    expect(found).toEqual({ upstream: [], downstream: [] });
  });

  it('orders positions on the same reach by fraction', () => {
    const found = flowNeighbours(createNetwork(), { reachId: 'middle', fraction: 0.5 }, [
      subject('a little above', 'middle', 0.4),
      subject('a little below', 'middle', 0.6),
    ]);
    expect(found.upstream.map((neighbour) => neighbour.id)).toEqual(['a little above']);
    expect(found.downstream.map((neighbour) => neighbour.id)).toEqual(['a little below']);
    expect(found.upstream[0]!.distanceKm).toBeCloseTo(0.1 * KM_PER_CELL, 3);
  });

  it('puts a community with intakes on both sides on both lists, each at its nearest intake', () => {
    const found = flowNeighbours(createNetwork(), { reachId: 'middle', fraction: 0.5 }, [
      {
        id: 'c1',
        name: 'El Roble',
        positions: [
          { reachId: 'north', fraction: 0.5 },
          { reachId: 'upper', fraction: 0.5 },
          { reachId: 'lower', fraction: 1 },
        ],
      },
    ]);
    expect(found.upstream[0]!.distanceKm).toBeCloseTo(KM_PER_CELL, 2);
    expect(found.downstream[0]!.distanceKm).toBeCloseTo(1.5 * KM_PER_CELL, 2);
  });
});

describe('communitySubjects', () => {
  it('places a community at its intakes, or at its anchor when it has none on the river', () => {
    const subjects = communitySubjects(
      [
        { id: 'c1', name: 'Con toma' },
        { id: 'c2', name: 'Sin toma' },
        { id: 'c3', name: 'Lejos' },
      ],
      [
        { communityId: 'c1', position: { reachId: 'upper', fraction: 0.2 } },
        { communityId: 'c1', position: null },
        { communityId: 'c2', position: null },
      ],
      { c1: { reachId: 'lower', fraction: 0.9 }, c2: { reachId: 'east', fraction: 0.5 } },
    );
    expect(subjects).toEqual([
      { id: 'c1', name: 'Con toma', positions: [{ reachId: 'upper', fraction: 0.2 }] },
      { id: 'c2', name: 'Sin toma', positions: [{ reachId: 'east', fraction: 0.5 }] },
      { id: 'c3', name: 'Lejos', positions: [] },
    ]);
  });
});

describe('drainage area at a point', () => {
  it('counts the whole tree above the point, as the panel shows it', () => {
    const network = createNetwork();
    expect(network.drainageAreaKm2({ reachId: 'middle', fraction: 1 })).toBeCloseTo(1.1, 6);
  });
});
