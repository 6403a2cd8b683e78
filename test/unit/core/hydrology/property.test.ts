import fc from 'fast-check';
import type { Feature, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { RiverNetwork } from '../../../../src/hydrology/river-network';

/** A random forest: reach i flows into an earlier reach or is an outlet; features come in a shuffled order. */
const forest = fc
  .array(
    fc.tuple(
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      fc.boolean(),
      fc.integer({ min: 1, max: 9 }),
    ),
    {
      minLength: 1,
      maxLength: 60,
    },
  )
  .chain((choices) =>
    fc.tuple(
      fc.constant(
        choices.map(([pick, isOutlet, areaKm2], i) => ({
          downstream: i === 0 || isOutlet ? -1 : Math.floor(pick * i),
          areaKm2,
        })),
      ),
      fc.shuffledSubarray(
        choices.map((_, i) => i),
        { minLength: choices.length, maxLength: choices.length },
      ),
    ),
  );

function build(reaches: readonly { downstream: number; areaKm2: number }[], order: readonly number[]): RiverNetwork {
  const features = order.map((i): Feature<LineString> => ({
    type: 'Feature',
    properties: {
      id: `r${i}`,
      toid: reaches[i]!.downstream >= 0 ? `r${reaches[i]!.downstream}` : null,
      areaKm2: reaches[i]!.areaKm2,
    },
    geometry: {
      type: 'LineString',
      coordinates: [
        [-75.7 + i * 1e-3, 4.5],
        [-75.7 + i * 1e-3, 4.501],
      ],
    },
  }));
  return RiverNetwork.fromGeoJson({ type: 'FeatureCollection', features }).network;
}

function walksThrough(reaches: readonly { downstream: number }[], from: number, to: number): boolean {
  // At most one step per reach, so a malformed forest fails the test instead of hanging it.
  let reach = reaches[from]!.downstream;
  for (let steps = 0; reach >= 0 && steps < reaches.length; steps++, reach = reaches[reach]!.downstream) {
    if (reach === to) return true;
  }
  return false;
}

describe('network properties on random forests', () => {
  it('isUpstream by depth-first intervals equals walking downstream pointers', () => {
    fc.assert(
      fc.property(
        forest,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([reaches, order], fa, fb) => {
          const network = build(reaches, order);
          for (let a = 0; a < reaches.length; a++) {
            for (let b = 0; b < reaches.length; b++) {
              const expected = a === b ? fa < fb : walksThrough(reaches, a, b);
              expect(network.isUpstream({ reachId: `r${a}`, fraction: fa }, { reachId: `r${b}`, fraction: fb })).toBe(
                expected,
              );
            }
          }
        },
      ),
    );
  });

  it('drainage area equals the sum of own areas over every reach that drains through it', () => {
    fc.assert(
      fc.property(forest, ([reaches, order]) => {
        const network = build(reaches, order);
        reaches.forEach((_, b) => {
          let expected = reaches[b]!.areaKm2;
          reaches.forEach((reach, a) => {
            if (walksThrough(reaches, a, b)) expected += reach.areaKm2;
          });
          expect(network.reach(`r${b}`)?.drainageAreaKm2).toBeCloseTo(expected, 9);
        });
      }),
    );
  });

  it('flow distance between a point and any point downstream is the difference of their distances to the outlet', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), ([reaches, order], pick, fraction) => {
        const network = build(reaches, order);
        const from = pick % reaches.length;
        for (const downstreamId of network.downstreamReaches(`r${from}`, 'DM').slice(1)) {
          const a = { reachId: `r${from}`, fraction };
          const b = { reachId: downstreamId, fraction: 0.5 };
          expect(network.flowDistanceKm(a, b)).toBeCloseTo(
            network.distanceToOutletKm(a) - network.distanceToOutletKm(b),
            9,
          );
        }
      }),
    );
  });
});
