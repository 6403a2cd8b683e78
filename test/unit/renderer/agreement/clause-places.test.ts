import { describe, expect, it } from 'vitest';
import { clausePlaces } from '../../../../renderer/features/agreement/clause-places';
import type { FormOptions } from '../../../../renderer/features/agreement/clause-form';

const OPTIONS: FormOptions = {
  communities: [],
  intakes: [{ id: 'i1', name: 'Toma 1', location: [-75.6, 5.0] }],
  points: [
    { id: 'p1', name: 'Puente', location: [-75.61, 4.99] },
    { id: 'g1', name: 'Estación', location: [-75.62, 5.02] },
  ],
  parameters: [],
};

describe('places of a clause on the map', () => {
  it('marks the control point and the gauge of a flow clause', () => {
    const places = clausePlaces(
      {
        kind: 'minimum-flow',
        controlPointId: 'p1',
        gaugePointId: 'g1',
        minimumFlowM3s: 1,
        periodUnit: 'month',
        season: null,
      },
      OPTIONS,
    );
    expect(places.features.map((feature) => feature.properties?.['name'])).toEqual(['Puente', 'Estación']);
  });

  it('draws the protected place and the intakes a ban lists', () => {
    const zone = clausePlaces(
      {
        kind: 'protected-zone',
        featureName: 'Nacimiento',
        geometry: { type: 'Point', coordinates: [-75.6, 5.05] },
        distanceM: 100,
        intakeUses: null,
        pollutantClasses: null,
      },
      OPTIONS,
    );
    expect(zone.features).toEqual([
      {
        type: 'Feature',
        properties: { role: 'protected', name: 'Nacimiento' },
        geometry: { type: 'Point', coordinates: [-75.6, 5.05] },
      },
    ]);
    const ban = clausePlaces(
      {
        kind: 'seasonal-ban',
        season: { startMonthDay: '01-01', endMonthDay: '03-15' },
        uses: null,
        intakeIds: ['i1', 'gone'],
        pollutantClasses: [],
        toleranceM3: 0,
      },
      OPTIONS,
    );
    expect(ban.features.map((feature) => feature.properties?.['role'])).toEqual(['intake']);
  });
});
