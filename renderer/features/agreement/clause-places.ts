import type { ClauseParams } from '../../../src/domain/agreement';
import type { OverlayLayer } from '../../map/basin-map';
import type { FormOptions } from './clause-form';

/*
 * The places a clause names, drawn on the map while it is edited: control points and gauges, the protected
 * place (a point or an area), the intakes and monitoring points it lists. Features carry a `role` for styling.
 */

/** The map features of the places a clause names. */
export function clausePlaces(params: ClauseParams, options: FormOptions): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  const byId = (list: FormOptions['points']) => new Map(list.map((place) => [place.id, place]));
  const points = byId(options.points);
  const intakes = byId(options.intakes);
  const add = (place: { name: string; location?: readonly [number, number] } | undefined, role: string): void => {
    if (!place?.location) return;
    features.push({
      type: 'Feature',
      properties: { role, name: place.name },
      geometry: { type: 'Point', coordinates: [place.location[0], place.location[1]] },
    });
  };
  const record = params as unknown as Record<string, unknown>;
  for (const key of ['controlPointId', 'gaugePointId'])
    if (typeof record[key] === 'string') add(points.get(record[key]), 'point');
  if (Array.isArray(record['pointIds'])) for (const id of record['pointIds'] as string[]) add(points.get(id), 'point');
  if (Array.isArray(record['intakeIds']))
    for (const id of record['intakeIds'] as string[]) add(intakes.get(id), 'intake');
  if (params.kind === 'rotation')
    for (const entry of params.roster.entries) for (const id of entry.intakeIds) add(intakes.get(id), 'intake');
  if (params.kind === 'withdrawal-quota' && params.scope === 'intake')
    for (const id of params.subjectIds ?? []) add(intakes.get(id), 'intake');
  if (params.kind === 'protected-zone')
    features.push({
      type: 'Feature',
      properties: { role: 'protected', name: params.featureName },
      geometry: params.geometry,
    });
  return { type: 'FeatureCollection', features };
}

/** How the clause's places look: areas hatched green, points ringed in the editor's blue. */
export const CLAUSE_PLACE_LAYERS: readonly OverlayLayer[] = [
  {
    id: 'clause-protected-fill',
    type: 'fill',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': '#0b7a3e', 'fill-opacity': 0.25 },
  },
  {
    id: 'clause-protected-line',
    type: 'line',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': '#0b7a3e', 'line-width': 2 },
  },
  {
    id: 'clause-places',
    type: 'circle',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': ['match', ['get', 'role'], 'protected', 12, 10],
      'circle-color': ['match', ['get', 'role'], 'protected', 'rgba(11,122,62,0.25)', 'rgba(0,0,0,0)'],
      'circle-stroke-color': ['match', ['get', 'role'], 'protected', '#0b7a3e', '#1f6fb2'],
      'circle-stroke-width': 3,
    },
  },
];
