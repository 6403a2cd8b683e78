import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsWithin, distanceToFeatureM, type FeatureGeometry, isInBounds } from '../../../../src/rules/geometry';

const spring: FeatureGeometry = { type: 'Point', coordinates: [-75.6, 4.5] };
const wetland: FeatureGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-75.61, 4.49],
      [-75.59, 4.49],
      [-75.6, 4.51],
      [-75.61, 4.49],
    ],
  ],
};

describe('protected-zone geometry', () => {
  it('never leaves out of the box a point within the distance of the feature', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(spring, wetland, { type: 'Point', coordinates: [-70, -54.8] } as FeatureGeometry),
        fc.double({ min: -0.03, max: 0.03, noNaN: true }),
        fc.double({ min: -0.03, max: 0.03, noNaN: true }),
        fc.integer({ min: 1, max: 3000 }),
        (feature, dLon, dLat, limitM) => {
          const anchor = feature.type === 'Point' ? feature.coordinates : [-75.6, 4.5];
          const point: [number, number] = [anchor[0]! + dLon, anchor[1]! + dLat];
          if (distanceToFeatureM(point, feature) <= limitM)
            expect(isInBounds(point, boundsWithin(feature, limitM))).toBe(true);
        },
      ),
    );
  });

  it('leaves out points clearly farther away', () => {
    expect(isInBounds([-75.6, 4.51], boundsWithin(spring, 500))).toBe(false);
    expect(isInBounds([-75.6, 4.503], boundsWithin(spring, 500))).toBe(true);
    expect(isInBounds([-75.57, 4.5], boundsWithin(wetland, 500))).toBe(false);
  });
});
