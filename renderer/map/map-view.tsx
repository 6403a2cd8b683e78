import { useEffect, useRef } from 'react';
import { BasinMap, type MapClick } from './basin-map';
import type { BasinSnapshot, FlowHighlight } from './basin-snapshot';
import { LAYER_GROUPS } from '../state/ui-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';

/** Props of the map view: snapshots in, clicks out. */
export interface MapViewProps {
  readonly basin: BasinSnapshot | null;
  readonly highlight: FlowHighlight | null;
  readonly onClick: (click: MapClick) => void;
  readonly onMapReady?: (map: BasinMap) => void;
}

/** The map filling its container; React feeds the BasinMap class snapshots and never touches features. */
export function MapView({ basin, highlight, onClick, onMapReady }: MapViewProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<BasinMap | null>(null);
  const fitted = useRef(false);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);
  const layers = useUiStore((state) => state.layers);

  useEffect(() => {
    if (!container.current) return;
    const map = new BasinMap({
      container: container.current,
      onClick: (click) => clickRef.current(click),
      onLoad: () => container.current?.setAttribute('data-map-loaded', 'true'),
    });
    mapRef.current = map;
    onMapReady?.(map);
    const observer = new ResizeObserver(() => map.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      map.destroy();
      mapRef.current = null;
    };
    // The map is created once; later props flow through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!basin || !mapRef.current) return;
    mapRef.current.setBasin(basin, !fitted.current);
    fitted.current = true;
  }, [basin]);

  useEffect(() => {
    for (const group of LAYER_GROUPS) mapRef.current?.setLayerVisible(group, layers[group]);
  }, [layers, basin]);

  useEffect(() => {
    mapRef.current?.setHighlight(highlight);
  }, [highlight]);

  return <div ref={container} className="map" role="region" aria-label={t('app.map.label')} />;
}
