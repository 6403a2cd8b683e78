import {
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type ImageSource,
  type LayerSpecification,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { BASIN_LAYERS, createBasinStyle, EMPTY_COLLECTION, type SOURCES } from './basin-style';
import type { BasinSnapshot, FlowHighlight, MapLabel } from './basin-snapshot';
import type { LayerGroup } from '../state/ui-store';

setWorkerUrl(workerUrl);

/** What a click on the map hit: a record's feature, or else the bare map position. */
export type MapClick =
  | { readonly type: 'feature'; readonly layerId: string; readonly properties: Record<string, unknown>; readonly lonLat: [number, number] }
  | { readonly type: 'map'; readonly lonLat: [number, number] };

/** Options of the basin map. */
export interface BasinMapOptions {
  readonly container: HTMLElement;
  readonly onClick: (click: MapClick) => void;
  readonly onLoad?: () => void;
}

const CLICKABLE_LAYERS = ['intakes', 'monitoring-points', 'outlet'];

/** A layer of an overlay: any maplibre layer without its source (the overlay's own). */
export type OverlayLayer = LayerSpecification extends infer Layer
  ? Layer extends { readonly type: 'background' }
    ? never
    : Layer extends LayerSpecification
      ? Omit<Layer, 'source'>
      : never
  : never;

/** Options of an overlay. */
export interface OverlayOptions {
  /** Clicks on these layers report the feature (its properties should carry `kind` and `id`). */
  readonly clickable?: boolean;
}

/**
 * Owns the one maplibre-gl map. React never renders features: it hands this class snapshots, and setData is
 * skipped when a snapshot is the same object as last time (as placemark's PMap does).
 */
export class BasinMap {
  private readonly map: MapLibreMap;
  private readonly lastData = new Map<string, unknown>();
  private readonly clickable = new Set<string>(CLICKABLE_LAYERS);
  private readonly overlayLayers = new Map<string, string[]>();
  private labels: Marker[] = [];
  private labelsVisible = true;
  private loaded = false;
  private pending: (() => void)[] = [];

  constructor(private readonly options: BasinMapOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: createBasinStyle(),
      center: [-75.6, 5],
      zoom: 9,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      fadeDuration: 0,
    });
    this.map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
    this.map.on('load', () => {
      this.loaded = true;
      for (const run of this.pending) run();
      this.pending = [];
      options.onLoad?.();
    });
    this.map.on('click', (event) => this.handleClick(event));
    for (const layerId of CLICKABLE_LAYERS) {
      this.map.on('mouseenter', layerId, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layerId, () => (this.map.getCanvas().style.cursor = ''));
    }
  }

  private whenLoaded(run: () => void): void {
    if (this.loaded) run();
    else this.pending.push(run);
  }

  private handleClick(event: MapMouseEvent): void {
    const lonLat: [number, number] = [event.lngLat.lng, event.lngLat.lat];
    const hits = this.map.queryRenderedFeatures(event.point, {
      layers: [...this.clickable].filter((id) => this.map.getLayer(id)),
    });
    const hit = hits[0];
    if (hit) {
      this.options.onClick({ type: 'feature', layerId: hit.layer.id, properties: hit.properties, lonLat });
    } else {
      this.options.onClick({ type: 'map', lonLat });
    }
  }

  private setSourceData(id: (typeof SOURCES)[number], data: GeoJSON.FeatureCollection): void {
    if (this.lastData.get(id) === data) return;
    this.lastData.set(id, data);
    (this.map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
  }

  /** Draws a basin and fits the view to it the first time. */
  setBasin(basin: BasinSnapshot, fit: boolean): void {
    this.whenLoaded(() => {
      this.setSourceData('reaches', basin.reaches);
      this.setSourceData('subbasins', basin.subbasins);
      this.setSourceData('territories', basin.territories);
      this.setSourceData('intakes', basin.intakes);
      this.setSourceData('monitoringPoints', basin.monitoringPoints);
      this.setSourceData('outlet', basin.outlet);
      this.setHillshade(basin.hillshade);
      this.setLabels(basin.labels);
      if (fit) {
        const [west, south, east, north] = basin.bounds;
        this.map.fitBounds(
          [
            [west, south],
            [east, north],
          ],
          { padding: 40, animate: false },
        );
      }
    });
  }

  private setHillshade(hillshade: BasinSnapshot['hillshade']): void {
    if (this.lastData.get('hillshade') === hillshade) return;
    this.lastData.set('hillshade', hillshade);
    if (!hillshade) return;
    const coordinates = hillshade.coordinates as [[number, number], [number, number], [number, number], [number, number]];
    const existing = this.map.getSource('hillshade') as ImageSource | undefined;
    if (existing) {
      existing.updateImage({ url: hillshade.url, coordinates });
      return;
    }
    this.map.addSource('hillshade', { type: 'image', url: hillshade.url, coordinates });
    this.map.addLayer(
      { id: 'hillshade', type: 'raster', source: 'hillshade', paint: { 'raster-opacity': 0.55, 'raster-fade-duration': 0 } },
      BASIN_LAYERS[0]?.layer.id,
    );
  }

  private setLabels(labels: readonly MapLabel[]): void {
    if (this.lastData.get('labels') === labels) return;
    this.lastData.set('labels', labels);
    for (const marker of this.labels) marker.remove();
    this.labels = labels.map((label) => {
      const element = document.createElement('div');
      element.className = 'map-label';
      element.textContent = label.text;
      element.style.display = this.labelsVisible ? '' : 'none';
      return new Marker({ element, anchor: 'center' }).setLngLat([label.lonLat[0], label.lonLat[1]]).addTo(this.map);
    });
  }

  /** Shows or hides a layer group of the layer list. */
  setLayerVisible(group: LayerGroup, visible: boolean): void {
    if (group === 'territories') {
      this.labelsVisible = visible;
      for (const marker of this.labels) marker.getElement().style.display = visible ? '' : 'none';
    }
    this.whenLoaded(() => {
      const ids = group === 'hillshade' ? ['hillshade'] : BASIN_LAYERS.filter((entry) => entry.group === group).map((entry) => entry.layer.id);
      for (const id of ids) {
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      }
    });
  }

  /** Highlights the reaches upstream and downstream of a clicked point; null clears it. */
  setHighlight(highlight: FlowHighlight | null): void {
    this.whenLoaded(() => {
      const features = highlight
        ? [
            ...highlight.upstream.map((feature) => ({ ...feature, properties: { ...feature.properties, side: 'upstream' } })),
            ...highlight.downstream.map((feature) => ({ ...feature, properties: { ...feature.properties, side: 'downstream' } })),
          ]
        : [];
      this.setSourceData('highlight', features.length ? { type: 'FeatureCollection', features } : EMPTY_COLLECTION);
    });
  }

  /** Moves the view to a point, e.g. when a table row is clicked. */
  flyTo(lonLat: readonly [number, number], zoom = 13): void {
    this.map.flyTo({ center: [lonLat[0], lonLat[1]], zoom, essential: true });
  }

  /**
   * Draws features of a feature module (registers, findings, a tool) above the basin layers, in their own source
   * `overlay:<id>`; calling again replaces the data, and the layers when their ids changed.
   */
  setOverlay(id: string, data: GeoJSON.FeatureCollection, layers: readonly OverlayLayer[], options: OverlayOptions = {}): void {
    this.whenLoaded(() => {
      const sourceId = `overlay:${id}`;
      const source = this.map.getSource(sourceId) as GeoJSONSource | undefined;
      if (source) {
        if (this.lastData.get(sourceId) !== data) source.setData(data);
      } else {
        this.map.addSource(sourceId, { type: 'geojson', data });
      }
      this.lastData.set(sourceId, data);
      const ids = layers.map((layer) => layer.id);
      const previous = this.overlayLayers.get(id) ?? [];
      if (previous.join() !== ids.join()) {
        for (const layerId of previous) {
          if (this.map.getLayer(layerId)) this.map.removeLayer(layerId);
          this.clickable.delete(layerId);
        }
        for (const layer of layers) {
          this.map.addLayer({ ...layer, source: sourceId } as LayerSpecification);
          if (options.clickable) {
            this.clickable.add(layer.id);
            this.map.on('mouseenter', layer.id, () => (this.map.getCanvas().style.cursor = 'pointer'));
            this.map.on('mouseleave', layer.id, () => (this.map.getCanvas().style.cursor = ''));
          }
        }
        this.overlayLayers.set(id, ids);
      }
    });
  }

  /** Removes an overlay and its layers. */
  removeOverlay(id: string): void {
    this.whenLoaded(() => {
      for (const layerId of this.overlayLayers.get(id) ?? []) {
        if (this.map.getLayer(layerId)) this.map.removeLayer(layerId);
        this.clickable.delete(layerId);
      }
      this.overlayLayers.delete(id);
      if (this.map.getSource(`overlay:${id}`)) this.map.removeSource(`overlay:${id}`);
      this.lastData.delete(`overlay:${id}`);
    });
  }

  /** Fits the view to a box [west, south, east, north]. */
  fitBounds(bounds: readonly [number, number, number, number], padding = 60): void {
    this.map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding, maxZoom: 15 },
    );
  }

  /** The maplibre map itself, for libraries that need it (terra-draw's adapter); features draw via overlays. */
  get maplibre(): MapLibreMap {
    return this.map;
  }

  /** Sets the cursor over the map (a crosshair while a map tool waits for a click). */
  setCursor(cursor: string): void {
    this.map.getCanvas().style.cursor = cursor;
  }

  /** Resizes to the container (after a panel opens or the window changes). */
  resize(): void {
    this.map.resize();
  }

  /** The map as a PNG data URL, for reports. */
  snapshot(): string {
    return this.map.getCanvas().toDataURL('image/png');
  }

  /** Releases the WebGL context. */
  destroy(): void {
    this.map.remove();
  }
}
