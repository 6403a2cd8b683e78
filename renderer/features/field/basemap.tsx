import { useEffect, useRef, useState } from 'react';
import { addProtocol, type LayerSpecification, type Map as MapLibreMap } from 'maplibre-gl';
import { FileSource, PMTiles, Protocol, TileType } from 'pmtiles';
import { useSession } from '../../session/session-context';
import { useMapStore } from '../../state/map-store';
import { host } from '../../bridge';
import { useT } from '../../i18n/use-t';
import { FormError } from './common';

/*
 * The basemap under the basin: offline by default (the basin's own relief), or a PMTiles file the committee keeps
 * on the laptop (read in place, range by range, never uploaded), or an online tile server the user names. For an
 * online server the host is told its origin, so Electron's Content-Security-Policy lets that origin and no other.
 */

/** What the basemap is; kept in the store's meta so it survives a restart (a PMTiles file must be opened again). */
export type BasemapChoice =
  | { readonly kind: 'offline' }
  | { readonly kind: 'pmtiles'; readonly fileName: string }
  | { readonly kind: 'online'; readonly url: string };

/** Meta key of the basemap choice. */
export const BASEMAP_META_KEY = 'field.basemap';

const SOURCE_ID = 'field-basemap';
const LAYER_PREFIX = 'field-basemap';

let protocol: Protocol | null = null;

function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/**
 * Checks a tile URL template: https, with {z}, {x} and {y}. Answers its origin, or the message key of the problem.
 * @example tileTemplateOrigin('https://tiles.example.org/{z}/{x}/{y}.png') // { ok: true, origin: 'https://tiles.example.org' }
 */
export function tileTemplateOrigin(template: string): { ok: true; origin: string } | { ok: false; code: string } {
  const trimmed = template.trim();
  if (!/\{z\}/.test(trimmed) || !/\{x\}/.test(trimmed) || !/\{y\}/.test(trimmed)) return { ok: false, code: 'field.basemap.needsXYZ' };
  let url: URL;
  try {
    url = new URL(trimmed.replace(/\{[a-z]\}/g, '0'));
  } catch {
    return { ok: false, code: 'field.basemap.badUrl' };
  }
  if (url.protocol !== 'https:' || url.username || url.password) return { ok: false, code: 'field.basemap.httpsOnly' };
  return { ok: true, origin: url.origin };
}

/** The id of the lowest basin layer, so the basemap goes under everything the app draws. */
function lowestLayerId(map: MapLibreMap): string | undefined {
  return map.getStyle().layers.find((layer) => layer.id !== 'background' && !layer.id.startsWith(LAYER_PREFIX))?.id;
}

function clearBasemap(map: MapLibreMap): void {
  for (const layer of map.getStyle().layers) if (layer.id.startsWith(LAYER_PREFIX)) map.removeLayer(layer.id);
  if (map.getSource(SOURCE_ID)) map.removeSource(SOURCE_ID);
}

function addLayers(map: MapLibreMap, layers: LayerSpecification[]): void {
  const before = lowestLayerId(map);
  for (const layer of layers) map.addLayer(layer, before);
}

function whenStyleReady(map: MapLibreMap, run: () => void): void {
  if (map.isStyleLoaded()) run();
  else map.once('load', run);
}

/** Shows a raster tile server (https URL template) as the basemap. */
export function showOnlineBasemap(map: MapLibreMap, template: string): void {
  clearBasemap(map);
  map.addSource(SOURCE_ID, { type: 'raster', tiles: [template.trim()], tileSize: 256, maxzoom: 19 });
  addLayers(map, [{ id: `${LAYER_PREFIX}-raster`, type: 'raster', source: SOURCE_ID, paint: { 'raster-fade-duration': 0 } }]);
}

/** Shows a PMTiles file (raster, or vector drawn plainly: land grey, water blue, lines dark) as the basemap. */
export async function showPmtilesBasemap(map: MapLibreMap, file: File): Promise<void> {
  const archive = new PMTiles(new FileSource(file));
  const header = await archive.getHeader();
  pmtilesProtocol().add(archive);
  clearBasemap(map);
  const url = `pmtiles://${file.name}`;
  if (header.tileType === TileType.Mvt) {
    const metadata = (await archive.getMetadata().catch(() => ({}))) as { vector_layers?: { id: string }[] };
    map.addSource(SOURCE_ID, { type: 'vector', url });
    const layers: LayerSpecification[] = [];
    for (const { id } of metadata.vector_layers ?? []) {
      const water = /water|ocean|river|lake/i.test(id);
      layers.push(
        {
          id: `${LAYER_PREFIX}-${id}-fill`,
          type: 'fill',
          source: SOURCE_ID,
          'source-layer': id,
          filter: ['==', ['geometry-type'], 'Polygon'],
          paint: { 'fill-color': water ? '#a8c8e8' : '#dfe3d8', 'fill-opacity': 0.8 },
        },
        {
          id: `${LAYER_PREFIX}-${id}-line`,
          type: 'line',
          source: SOURCE_ID,
          'source-layer': id,
          filter: ['==', ['geometry-type'], 'LineString'],
          paint: { 'line-color': water ? '#6f9fcf' : '#8a8f86', 'line-width': 0.8 },
        },
      );
    }
    addLayers(map, layers);
  } else {
    map.addSource(SOURCE_ID, { type: 'raster', url, tileSize: 256 });
    addLayers(map, [{ id: `${LAYER_PREFIX}-raster`, type: 'raster', source: SOURCE_ID, paint: { 'raster-fade-duration': 0 } }]);
  }
  if (Number.isFinite(header.minLon) && header.maxLon > header.minLon) {
    const inView = map.getBounds().intersects([header.minLon, header.minLat, header.maxLon, header.maxLat] as never);
    if (!inView) map.fitBounds([header.minLon, header.minLat, header.maxLon, header.maxLat], { padding: 20 });
  }
}

/** "Mapa base": offline relief, a PMTiles file, or an online tile server; for the Map tab. */
export function BasemapSettings() {
  const t = useT();
  const { repository } = useSession();
  const map = useMapStore((state) => state.map);
  const [choice, setChoice] = useState<BasemapChoice>({ kind: 'offline' });
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Restore the saved choice: an online server again; a PMTiles file is remembered by name only.
  useEffect(() => {
    let live = true;
    void repository.getMeta(BASEMAP_META_KEY).then((saved) => {
      if (!live || !saved || typeof saved !== 'object') return;
      const stored = saved as BasemapChoice;
      if (stored.kind === 'online' && typeof stored.url === 'string') {
        setUrl(stored.url);
        setChoice(stored);
        const checked = tileTemplateOrigin(stored.url);
        if (map && checked.ok) {
          void host['app:set-tile-origins']({ origins: [checked.origin] }).then((answer) => {
            if (answer.ok && live) whenStyleReady(map.maplibre, () => showOnlineBasemap(map.maplibre, stored.url));
          });
        }
      } else if (stored.kind === 'pmtiles') {
        setNote(t('field.basemap.reopen', { name: stored.fileName }));
      }
    });
    return () => {
      live = false;
    };
  }, [repository, map, t]);

  const chooseOffline = async () => {
    setError(null);
    setNote(null);
    if (map) clearBasemap(map.maplibre);
    setChoice({ kind: 'offline' });
    await repository.setMeta(BASEMAP_META_KEY, { kind: 'offline' });
    await host['app:set-tile-origins']({ origins: [] });
  };

  const openFile = async (file: File | undefined) => {
    if (!file || !map) return;
    setError(null);
    setNote(null);
    if (!file.name.toLowerCase().endsWith('.pmtiles')) return setError(t('field.basemap.notPmtiles', { name: file.name }));
    try {
      await showPmtilesBasemap(map.maplibre, file);
    } catch {
      return setError(t('field.basemap.unreadable', { name: file.name }));
    }
    const next: BasemapChoice = { kind: 'pmtiles', fileName: file.name };
    setChoice(next);
    await repository.setMeta(BASEMAP_META_KEY, next);
  };

  const chooseOnline = async (submit: React.FormEvent) => {
    submit.preventDefault();
    setNote(null);
    const checked = tileTemplateOrigin(url);
    if (!checked.ok) return setError(t(checked.code));
    const answer = await host['app:set-tile-origins']({ origins: [checked.origin] });
    if (!answer.ok || !answer.value.origins.includes(checked.origin)) return setError(t('field.basemap.refused', { origin: checked.origin }));
    if (map) showOnlineBasemap(map.maplibre, url);
    const next: BasemapChoice = { kind: 'online', url: url.trim() };
    setChoice(next);
    setError(null);
    await repository.setMeta(BASEMAP_META_KEY, next);
  };

  return (
    <section className="panel-section field-basemap" aria-labelledby="field-basemap-heading">
      <h2 id="field-basemap-heading">{t('field.basemap.title')}</h2>
      <label className="field-choice">
        <input type="radio" name="field-basemap" checked={choice.kind === 'offline'} onChange={() => void chooseOffline()} />
        {t('field.basemap.offline')}
      </label>
      <label className="field-choice">
        <input type="radio" name="field-basemap" checked={choice.kind === 'pmtiles'} onChange={() => fileInput.current?.click()} />
        {choice.kind === 'pmtiles' ? t('field.basemap.fileInUse', { name: choice.fileName }) : t('field.basemap.file')}
      </label>
      <label className="field-file-button">
        <span className="field-file-face">{t('field.basemap.openFile')}</span>
        <input ref={fileInput} type="file" accept=".pmtiles" onChange={(change) => void openFile(change.target.files?.[0])} />
      </label>
      <form onSubmit={(submit) => void chooseOnline(submit)} className="field-online">
        <label className="field-choice">
          <input type="radio" name="field-basemap" checked={choice.kind === 'online'} readOnly tabIndex={-1} />
          {t('field.basemap.online')}
        </label>
        <input
          type="url"
          value={url}
          placeholder={t('field.basemap.urlPlaceholder')}
          aria-label={t('field.basemap.urlLabel')}
          onChange={(change) => setUrl(change.target.value)}
        />
        <button type="submit">{t('field.basemap.useOnline')}</button>
      </form>
      <p className="field-hint">{t('field.basemap.onlineNote')}</p>
      {note && <p className="field-hint">{note}</p>}
      <FormError text={error} />
    </section>
  );
}
