/** Everything the map draws of a basin, as plain GeoJSON; the map class never reads the store itself. */
export interface BasinSnapshot {
  readonly bounds: readonly [number, number, number, number];
  readonly hillshade: { readonly url: string; readonly coordinates: readonly [number, number][] } | null;
  readonly reaches: GeoJSON.FeatureCollection;
  readonly subbasins: GeoJSON.FeatureCollection;
  readonly territories: GeoJSON.FeatureCollection;
  readonly intakes: GeoJSON.FeatureCollection;
  readonly monitoringPoints: GeoJSON.FeatureCollection;
  readonly outlet: GeoJSON.FeatureCollection;
  /** Names written on the map (communities), drawn as HTML labels: the offline style has no font glyphs. */
  readonly labels: readonly MapLabel[];
}

/** A name on the map at a place. */
export interface MapLabel {
  readonly lonLat: readonly [number, number];
  readonly text: string;
}

/** Reaches to highlight after a click: upstream in one colour, downstream in another. */
export interface FlowHighlight {
  readonly upstream: GeoJSON.Feature[];
  readonly downstream: GeoJSON.Feature[];
}
