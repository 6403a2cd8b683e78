import { useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../session/session-context';
import { useMapStore } from '../../state/map-store';
import { useUiStore } from '../../state/ui-store';
import type { LayerSpecification } from 'maplibre-gl';
import type { OverlayLayer } from '../../map/basin-map';
import { downstreamReachLines } from '../../../src/field/downstream';
import { assessSample, isExceedance } from '../../../src/field/guidelines';
import { inPeriod } from '../../../src/field/time';
import { useFieldStore } from './field-store';
import { useGuidelines } from './guidelines-data';

/*
 * The field registers on the map: restoration sites filled by status, contamination events coloured by status,
 * the river downstream of the selected event, and a red ring on each monitoring point with a sample over its
 * guideline in the shared period. Every feature carries `kind` and `id`, so a click opens its record.
 */

/** Colours of the field layers, repeated in the legends (field.css). */
export const FIELD_COLORS = {
  event: { open: '#c1121f', contained: '#e07b00', remediated: '#2f7d32' },
  site: { planned: '#8d99ae', 'in-progress': '#e9c46a', done: '#2a9d8f', failed: '#6d4c41' },
  siteLine: { planned: '#4a5568', 'in-progress': '#a07800', done: '#1b6b61', failed: '#4e342e' },
  downstream: '#7b2cbf',
  exceedance: '#d00000',
  draft: '#f2b705',
} as const;

// OverlayLayer omits `source` from the union as a whole, which drops per-type fields such as `filter`; omit per member.
type LayerWithoutSource = LayerSpecification extends infer L ? (L extends LayerSpecification ? Omit<L, 'source'> : never) : never;
const layers = (list: LayerWithoutSource[]): OverlayLayer[] => list as unknown as OverlayLayer[];

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

const statusColor = (colors: Readonly<Record<string, string>>, fallback: string) =>
  ['match', ['get', 'status'], ...Object.entries(colors).flat(), fallback] as unknown as string;

const SITE_LAYERS = layers([
  {
    id: 'field-sites-fill',
    type: 'fill',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': statusColor(FIELD_COLORS.site, '#999'), 'fill-opacity': 0.45 },
  },
  {
    id: 'field-sites-line',
    type: 'line',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['case', ['==', ['geometry-type'], 'LineString'], statusColor(FIELD_COLORS.site, '#999'), statusColor(FIELD_COLORS.siteLine, '#555')] as unknown as string,
      'line-width': ['case', ['==', ['geometry-type'], 'LineString'], 5, 2] as unknown as number,
    },
  },
]);

const EVENT_LAYERS = layers([
  {
    id: 'field-events',
    type: 'circle',
    paint: {
      'circle-radius': ['case', ['get', 'selected'], 11, 8] as unknown as number,
      'circle-color': statusColor(FIELD_COLORS.event, '#c1121f'),
      'circle-stroke-color': '#1d2a22',
      'circle-stroke-width': ['case', ['get', 'selected'], 3, 2] as unknown as number,
    },
  },
  // A white core sets events apart from intakes (plain dots) and monitoring points (rings).
  { id: 'field-events-core', type: 'circle', paint: { 'circle-radius': 3, 'circle-color': '#ffffff' } },
]);

const EXCEEDANCE_LAYERS = layers([
  {
    id: 'field-exceedances',
    type: 'circle',
    paint: {
      'circle-radius': 13,
      'circle-color': 'rgba(208, 0, 0, 0.12)',
      'circle-stroke-color': FIELD_COLORS.exceedance,
      'circle-stroke-width': 3,
    },
  },
]);

const DOWNSTREAM_LAYERS = layers([
  {
    id: 'field-downstream-casing',
    type: 'line',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': 9, 'line-opacity': 0.9 },
  },
  {
    id: 'field-downstream',
    type: 'line',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': FIELD_COLORS.downstream, 'line-width': 5 },
  },
]);

const DRAFT_LAYERS = layers([
  { id: 'field-draft-fill', type: 'fill', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': FIELD_COLORS.draft, 'fill-opacity': 0.35 } },
  { id: 'field-draft-line', type: 'line', paint: { 'line-color': '#8a6d00', 'line-width': 3, 'line-dasharray': [2, 1] } },
  {
    id: 'field-draft-point',
    type: 'circle',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 9, 'circle-color': FIELD_COLORS.draft, 'circle-stroke-color': '#1d2a22', 'circle-stroke-width': 2 },
  },
]);

/** Draws the field registers as map overlays; renders nothing itself. */
export function FieldOverlays() {
  const { db, network, repository } = useSession();
  const map = useMapStore((state) => state.map);
  const period = useUiStore((state) => state.period);
  const selection = useUiStore((state) => state.selection);
  const downstreamKm = useFieldStore((state) => state.downstreamKm);
  const draft = useFieldStore((state) => state.draft);
  const editingSiteId = useFieldStore((state) => state.editingSiteId);
  const { table } = useGuidelines();

  const sites = useLiveQuery(() => db.recordTable('restorationSites').toArray(), [db]);
  const events = useLiveQuery(() => db.recordTable('contaminationEvents').toArray(), [db]);
  const points = useLiveQuery(() => db.recordTable('monitoringPoints').toArray(), [db]);
  // Only parameters with a guideline, only in the period, through the [point, parameter, time] index: the many
  // discharge readings of the gauges are never read. Times sort as written (one UTC offset per basin).
  const measurements = useLiveQuery(async () => {
    const live = (points ?? []).filter((point) => !point.deleted);
    const parameters = Object.keys(table.entries);
    const lists = await Promise.all(
      live.flatMap((point) =>
        parameters.map((parameter) => repository.measurementSeries(point.id, parameter, period.start, `${period.end}\uffff`)),
      ),
    );
    return lists.flat();
  }, [repository, points, table, period]);
  const selectedEventId = selection?.type === 'record' && selection.kind === 'contaminationEvents' ? selection.id : null;

  const siteData = useMemo<GeoJSON.FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: (sites ?? [])
        .filter((site) => !site.deleted && site.id !== editingSiteId && inPeriod(site.workDate, period))
        .map((site) => ({
          type: 'Feature',
          properties: { kind: 'restorationSites', id: site.id, status: site.status },
          geometry: site.geometry,
        })),
    }),
    [sites, period, editingSiteId],
  );

  const eventData = useMemo<GeoJSON.FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: (events ?? [])
        .filter((event) => !event.deleted && (inPeriod(event.observedAt, period) || event.id === selectedEventId))
        .map((event) => ({
          type: 'Feature',
          properties: { kind: 'contaminationEvents', id: event.id, status: event.status, selected: event.id === selectedEventId },
          geometry: { type: 'Point', coordinates: event.location },
        })),
    }),
    [events, period, selectedEventId],
  );

  const exceedanceData = useMemo<GeoJSON.FeatureCollection>(() => {
    const counts = new Map<string, number>();
    for (const measurement of measurements ?? []) {
      if (measurement.deleted || !inPeriod(measurement.time, period)) continue;
      if (isExceedance(assessSample(measurement, table))) counts.set(measurement.pointId, (counts.get(measurement.pointId) ?? 0) + 1);
    }
    return {
      type: 'FeatureCollection',
      features: (points ?? [])
        .filter((point) => !point.deleted && counts.has(point.id))
        .map((point) => ({
          type: 'Feature',
          properties: { kind: 'monitoringPoints', id: point.id, exceedances: counts.get(point.id) ?? 0 },
          geometry: { type: 'Point', coordinates: point.location },
        })),
    };
  }, [measurements, points, period, table]);

  const downstreamData = useMemo<GeoJSON.FeatureCollection>(() => {
    const event = selectedEventId ? events?.find((candidate) => candidate.id === selectedEventId) : undefined;
    return event?.snap ? downstreamReachLines(network, event.snap, downstreamKm) : EMPTY;
  }, [selectedEventId, events, network, downstreamKm]);

  const draftData = useMemo<GeoJSON.FeatureCollection>(() => {
    if (!draft) return EMPTY;
    const geometry: GeoJSON.Geometry = draft.type === 'event' ? { type: 'Point', coordinates: draft.lonLat } : draft.geometry;
    return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] };
  }, [draft]);

  // Drawing order: sites at the bottom, then the downstream river, exceedance rings, events, the draft on top.
  useEffect(() => {
    if (!map) return;
    map.setOverlay('field-sites', siteData, SITE_LAYERS, { clickable: true });
  }, [map, siteData]);
  useEffect(() => {
    if (!map) return;
    map.setOverlay('field-downstream', downstreamData, DOWNSTREAM_LAYERS);
  }, [map, downstreamData]);
  useEffect(() => {
    if (!map) return;
    map.setOverlay('field-exceedances', exceedanceData, EXCEEDANCE_LAYERS, { clickable: true });
  }, [map, exceedanceData]);
  useEffect(() => {
    if (!map) return;
    map.setOverlay('field-events', eventData, EVENT_LAYERS, { clickable: true });
  }, [map, eventData]);
  useEffect(() => {
    if (!map) return;
    map.setOverlay('field-draft', draftData, DRAFT_LAYERS);
  }, [map, draftData]);
  useEffect(
    () => () => {
      for (const id of ['field-sites', 'field-downstream', 'field-exceedances', 'field-events', 'field-draft']) map?.removeOverlay(id);
    },
    [map],
  );
  return null;
}
