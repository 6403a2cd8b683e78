import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Map as MapLibreMap } from 'maplibre-gl';

/*
 * Drawing and editing restoration sites with terra-draw on the basin map. One session at a time: drawing a
 * polygon or a line (finished by clicking the first point or double-clicking), or moving the vertices of one
 * existing shape (drag a point, drag a midpoint to add one). The caller gets plain GeoJSON geometry back.
 */

/** A shape terra-draw can draw or edit for a site. */
export type DrawnGeometry = GeoJSON.Polygon | GeoJSON.LineString;

const EDIT_FLAGS = {
  feature: { draggable: false, coordinates: { midpoints: true, draggable: true, deletable: true } },
};

let active: { draw: TerraDraw; map: MapLibreMap; doubleClickZoom: boolean } | null = null;

function begin(map: MapLibreMap): TerraDraw {
  stopDrawing();
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPolygonMode({ pointerDistance: 14 }),
      new TerraDrawLineStringMode({ pointerDistance: 14 }),
      new TerraDrawSelectMode({ flags: { polygon: EDIT_FLAGS, linestring: EDIT_FLAGS }, allowManualDeselection: false }),
    ],
  });
  const doubleClickZoom = map.doubleClickZoom.isEnabled();
  // A double-click finishes a line; it must not also zoom the map.
  map.doubleClickZoom.disable();
  draw.start();
  active = { draw, map, doubleClickZoom };
  return draw;
}

/** Starts drawing a new polygon or line; `onFinish` receives it once closed. Returns a function that stops. */
export function startDrawing(map: MapLibreMap, shape: 'polygon' | 'linestring', onFinish: (geometry: DrawnGeometry) => void): () => void {
  const draw = begin(map);
  draw.setMode(shape);
  draw.on('finish', (id, context) => {
    if (context.action !== 'draw') return;
    const feature = draw.getSnapshotFeature(id);
    const geometry = feature?.geometry;
    if (geometry && (geometry.type === 'Polygon' || geometry.type === 'LineString')) {
      stopDrawing();
      onFinish(geometry);
    }
  });
  return stopDrawing;
}

/**
 * Puts an existing shape on the map with its vertices draggable. Returns `read` for the edited shape and `stop`.
 */
export function startEditing(map: MapLibreMap, geometry: DrawnGeometry): { read(): DrawnGeometry | null; stop(): void } {
  const draw = begin(map);
  draw.setMode('select');
  const mode = geometry.type === 'Polygon' ? 'polygon' : 'linestring';
  const [result] = draw.addFeatures([{ type: 'Feature', geometry, properties: { mode } }]);
  const id = result?.valid ? result.id : undefined;
  if (id !== undefined) draw.selectFeature(id);
  return {
    read: () => {
      if (id === undefined) return null;
      const edited = draw.getSnapshotFeature(id)?.geometry;
      return edited && (edited.type === 'Polygon' || edited.type === 'LineString') ? edited : null;
    },
    stop: stopDrawing,
  };
}

/** Ends any drawing or editing session and removes terra-draw's layers. */
export function stopDrawing(): void {
  if (!active) return;
  const { draw, map, doubleClickZoom } = active;
  active = null;
  try {
    draw.clear();
    draw.stop();
  } finally {
    if (doubleClickZoom) map.doubleClickZoom.enable();
  }
}
