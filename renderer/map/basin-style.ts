import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerGroup } from '../state/ui-store';

/*
 * The map's inline style: no glyphs, no sprites, no remote sources, so it draws with no network at all.
 * Colours are chosen to stay distinct on a washed-out meeting-room projector and for colour-blind viewers
 * (blue rivers, orange upstream, purple downstream).
 */

/** Colours used on the map and repeated in the legend. */
export const COLORS = {
  background: '#eef0ea',
  river: '#1f6fb2',
  subbasinLine: '#7c8a6e',
  territoryFill: '#c9a227',
  territoryLine: '#8a6d00',
  upstream: '#e07b00',
  downstream: '#7b2cbf',
  intakeDomestic: '#0b7a3e',
  intakeIrrigation: '#2a9d8f',
  intakeLivestock: '#8d5524',
  intakeIndustry: '#6c757d',
  monitoringPoint: '#d62828',
  outlet: '#111111',
} as const;

/** Empty GeoJSON, the initial data of every source. */
export const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Source ids of the basin's data. */
export const SOURCES = ['reaches', 'subbasins', 'territories', 'intakes', 'monitoringPoints', 'outlet', 'highlight'] as const;

const riverWidth = ['interpolate', ['linear'], ['get', 'streamOrder'], 1, 0.8, 3, 2, 5, 4.5, 7, 7] as const;

/** Map layers with the layer-list group each belongs to (null: always shown). */
export const BASIN_LAYERS: readonly { group: LayerGroup | null; layer: LayerSpecification }[] = [
  {
    group: 'subbasins',
    layer: {
      id: 'subbasins-line',
      type: 'line',
      source: 'subbasins',
      paint: { 'line-color': COLORS.subbasinLine, 'line-width': 0.5, 'line-opacity': 0.45 },
    },
  },
  {
    group: 'territories',
    layer: {
      id: 'territories-fill',
      type: 'fill',
      source: 'territories',
      paint: { 'fill-color': COLORS.territoryFill, 'fill-opacity': 0.12 },
    },
  },
  {
    group: 'territories',
    layer: {
      id: 'territories-line',
      type: 'line',
      source: 'territories',
      paint: { 'line-color': COLORS.territoryLine, 'line-width': 1.2, 'line-opacity': 0.65 },
    },
  },
  {
    group: 'rivers',
    layer: {
      id: 'rivers',
      type: 'line',
      source: 'reaches',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': COLORS.river, 'line-width': riverWidth as unknown as number },
    },
  },
  {
    group: null,
    layer: {
      id: 'highlight-upstream',
      type: 'line',
      source: 'highlight',
      filter: ['==', ['get', 'side'], 'upstream'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': COLORS.upstream, 'line-width': 4 },
    },
  },
  {
    group: null,
    layer: {
      id: 'highlight-downstream',
      type: 'line',
      source: 'highlight',
      filter: ['==', ['get', 'side'], 'downstream'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': COLORS.downstream, 'line-width': 4 },
    },
  },
  {
    group: 'intakes',
    layer: {
      id: 'intakes',
      type: 'circle',
      source: 'intakes',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 4.5, 14, 8] as unknown as number,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-color': [
          'match',
          ['get', 'use'],
          'domestic',
          COLORS.intakeDomestic,
          'irrigation',
          COLORS.intakeIrrigation,
          'livestock',
          COLORS.intakeLivestock,
          COLORS.intakeIndustry,
        ],
      },
    },
  },
  {
    group: 'monitoringPoints',
    layer: {
      id: 'monitoring-points',
      type: 'circle',
      source: 'monitoringPoints',
      paint: {
        'circle-radius': 6,
        'circle-color': '#ffffff',
        'circle-stroke-color': COLORS.monitoringPoint,
        'circle-stroke-width': 3,
      },
    },
  },
  {
    group: 'outlet',
    layer: {
      id: 'outlet',
      type: 'circle',
      source: 'outlet',
      paint: { 'circle-radius': 7, 'circle-color': COLORS.outlet, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  },
];

/** The initial style: a background and empty sources; the basin arrives later through setData. */
export function createBasinStyle(): StyleSpecification {
  return {
    version: 8,
    sources: Object.fromEntries(SOURCES.map((id) => [id, { type: 'geojson', data: EMPTY_COLLECTION }])),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.background } },
      ...BASIN_LAYERS.map((entry) => entry.layer),
    ],
  };
}
