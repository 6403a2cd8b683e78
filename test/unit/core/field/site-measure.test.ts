import { describe, expect, it } from 'vitest';
import { communityContaining, measureSite, siteGeometriesOf } from '../../../../src/field/site-measure';

describe('restoration site sizes', () => {
  it('gives a polygon of about 100 m by 100 m as about 1 ha', () => {
    // 0.0009 degrees of latitude is about 100 m; at 5° N a degree of longitude is about 0.996 of that.
    const dLat = 0.000899;
    const dLon = dLat / Math.cos((5 * Math.PI) / 180);
    const { areaHa } = measureSite({
      type: 'Polygon',
      coordinates: [
        [
          [-75.6, 5],
          [-75.6 + dLon, 5],
          [-75.6 + dLon, 5 + dLat],
          [-75.6, 5 + dLat],
          [-75.6, 5],
        ],
      ],
    });
    expect(areaHa).toBeGreaterThan(0.98);
    expect(areaHa).toBeLessThan(1.02);
  });

  it('gives a line its length in km and no area', () => {
    const measure = measureSite({
      type: 'LineString',
      coordinates: [
        [-75.6, 5],
        [-75.6, 5.009],
      ],
    });
    expect(measure.areaHa).toBe(0);
    expect(measure.lengthKm).toBeCloseTo(1.0, 1);
  });
});

describe('imported shapes as sites', () => {
  it('keeps polygons and lines, splits a multi-segment track, drops points', () => {
    const found = siteGeometriesOf([
      { type: 'Feature', properties: { name: 'Punto' }, geometry: { type: 'Point', coordinates: [0, 0] } },
      {
        type: 'Feature',
        properties: { name: ' Recorrido ' },
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [0, 1],
            ],
            [
              [1, 1],
              [1, 2],
            ],
          ],
        },
      },
    ]);
    expect(found.map((site) => [site.geometry.type, site.name])).toEqual([
      ['LineString', 'Recorrido'],
      ['LineString', 'Recorrido'],
    ]);
  });
});

describe('the community a site lies in', () => {
  const square = (west: number, south: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [west, south],
        [west + 1, south],
        [west + 1, south + 1],
        [west, south + 1],
        [west, south],
      ],
    ],
  });
  const communities = [
    { id: 'gone', territory: square(0, 0), deleted: true },
    { id: 'no-territory', territory: null },
    { id: 'west', territory: square(0, 0) },
    { id: 'east', territory: square(1, 0) },
  ];

  it('is the one whose territory holds the site (deleted ones and ones without territory skipped)', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [1.5, 0.5],
        [0.5, 0.5],
      ],
    };
    expect(communityContaining(line, communities)).toBe('east');
    expect(communityContaining(square(0.2, 0.2), communities)).toBe('west');
  });

  it('is none outside every territory', () => {
    expect(communityContaining(square(5, 5), communities)).toBeNull();
  });
});
