import { describe, expect, it } from 'vitest';
import { hasGeometry, recordsToCsv, recordsToGeoJson } from '../../../../src/io/record-export';

const intakes = [
  {
    id: 'i1',
    name: 'Toma La Cristalina',
    use: 'domestic',
    location: [-75.6012345678, 5.01],
    entered: { value: 1.5 },
    deleted: false,
  },
  {
    id: 'i2',
    name: 'Toma vieja',
    use: 'irrigation',
    location: [-75.61, 5.02],
    deleted: true,
  },
];

describe('register exports', () => {
  it('write CSV in the locale dialect, points as lon/lat, nested values as JSON, deleted records left out', () => {
    const text = recordsToCsv(intakes, 'es');
    const lines = text.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('id;name;use;entered;deleted;location_lon;location_lat');
    expect(lines[1]).toBe('i1;Toma La Cristalina;domestic;"{""value"":1.5}";false;-75,6012345678;5,01');
    expect(lines).toHaveLength(2);
  });

  it('write GeoJSON features with the other fields as properties', () => {
    const collection = JSON.parse(recordsToGeoJson(intakes)) as GeoJSON.FeatureCollection;
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [-75.6012346, 5.01],
    });
    expect(collection.features[0]?.properties).toMatchObject({
      id: 'i1',
      use: 'domestic',
    });
  });

  it('know when a register has nothing to put on a map', () => {
    expect(hasGeometry(intakes)).toBe(true);
    expect(hasGeometry([{ id: 'w1', volumeM3: 3 }])).toBe(false);
  });
});
