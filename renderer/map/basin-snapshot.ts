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
}

/** Reaches to highlight after a click: upstream in one colour, downstream in another. */
export interface FlowHighlight {
  readonly upstream: GeoJSON.Feature[];
  readonly downstream: GeoJSON.Feature[];
}
