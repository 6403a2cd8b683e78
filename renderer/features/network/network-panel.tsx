import { useEffect, useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { RiverNetwork, type NetworkDiagnostic } from '../../../src/hydrology/river-network';
import type { CodedMessage } from '../../../src/i18n/translate';
import { useT } from '../../i18n/use-t';
import { currentActor } from '../../session/session';
import { useReloadSession, useSession } from '../../session/session-context';
import type { StoredBasin } from '../../session/basin-files';
import { BASIN_META_KEY } from '../../session/sample-import';
import { useMapStore } from '../../state/map-store';
import type { OverlayLayer } from '../../map/basin-map';
import type { CircleLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { useUiStore } from '../../state/ui-store';
import {
  networkBounds,
  replaceBasinRivers,
  PLACED_KINDS,
  restoreBasin,
  storedReaches,
  type PlacedRecord,
  type ReplacementOutcome,
} from './basin-replacement';
import { clearFocus, DiagnosticList } from './diagnostic-list';
import { parseDecimal, useRiverImportStore, type CandidateRivers } from './river-import-store';
import './network.css';

export { PointPanel } from './point-panel';

/*
 * Side tab "River": the network in use (size, orders, outlets, pieces and what its build found), the snap
 * tolerance, and two ways to replace the rivers: a hydrography file, or a delineation from a GeoTIFF DEM.
 * Both show a preview on the map first; only "Use as the basin's rivers" writes.
 */

const PREVIEW_OVERLAY = 'river-preview';
const PREVIEW_COLOR = '#0f766e';
/** Meta key where the basin as it was before the last replacement of its rivers is kept. */
const PREVIOUS_BASIN_KEY = 'basin.previous';
/** Meta key of what the check found when the rivers in use were imported (loops cut, reaches turned around...). */
const IMPORT_DIAGNOSTICS_KEY = 'river.importDiagnostics';

/** The diagnostics kept from the import of the rivers in use. */
interface ImportDiagnostics {
  readonly fileName: string;
  readonly diagnostics: readonly NetworkDiagnostic[];
}

/** Brings a block that has just appeared (progress, new rivers) into view in the scrolling side panel. */
function revealOnMount(element: HTMLElement | null): void {
  element?.scrollIntoView?.({ block: 'nearest' });
}

/** Brings the top of a block that has just appeared into view (its title first). */
function revealTopOnMount(element: HTMLElement | null): void {
  element?.scrollIntoView?.({ block: 'start' });
}

/** An overlay layer with a filter (OverlayLayer drops the keys that not every layer type has). */
function layer(spec: Omit<LineLayerSpecification, 'source'> | Omit<CircleLayerSpecification, 'source'>): OverlayLayer {
  return spec as OverlayLayer;
}

function Summary() {
  const t = useT();
  const session = useSession();
  const { network } = session;
  const { diagnostics, maxOrder } = useMemo(() => {
    const built = RiverNetwork.fromGeoJson(session.basin.reaches);
    let highest = 0;
    for (const id of network.reachIds()) highest = Math.max(highest, network.reach(id)?.streamOrder ?? 0);
    return { diagnostics: built.diagnostics, maxOrder: highest };
  }, [session.basin.reaches, network]);
  const imported = useLiveQuery(
    async () => (await session.repository.getMeta(IMPORT_DIAGNOSTICS_KEY)) as ImportDiagnostics | undefined,
    [session],
  );
  return (
    <section className="panel-section" aria-labelledby="river-summary">
      <h2 id="river-summary">{t('river.summary.title')}</h2>
      <dl className="river-facts">
        <dt>{t('river.summary.reaches')}</dt>
        <dd>{network.reachCount}</dd>
        <dt>{t('river.summary.maxOrder')}</dt>
        <dd>{maxOrder}</dd>
        <dt>{t('river.summary.outlets')}</dt>
        <dd>{network.outletIds().length}</dd>
        <dt>{t('river.summary.pieces')}</dt>
        <dd>{network.pieces().length}</dd>
      </dl>
      <h3 className="river-subtitle">{t('river.diagnostics.title')}</h3>
      <DiagnosticList network={network} diagnostics={diagnostics} />
      {imported && imported.diagnostics.length > 0 && (
        <>
          <h3 className="river-subtitle">{t('river.diagnostics.atImport', { name: imported.fileName })}</h3>
          <DiagnosticList network={network} diagnostics={imported.diagnostics} />
        </>
      )}
    </section>
  );
}

function ToleranceSetting() {
  const t = useT();
  const session = useSession();
  const reload = useReloadSession();
  const inputId = useId();
  const current = session.basin.info.settings.snapToleranceM;
  const [text, setText] = useState(String(current));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const save = async () => {
    const value = parseDecimal(text);
    if (!(value > 0 && value <= 10_000)) {
      setMessage({ kind: 'error', text: t('river.tolerance.invalid', { value: text }) });
      return;
    }
    const stored = ((await session.repository.getMeta(BASIN_META_KEY)) as StoredBasin | undefined) ?? session.basin;
    await session.repository.setMeta(BASIN_META_KEY, {
      ...stored,
      info: { ...stored.info, settings: { ...stored.info.settings, snapToleranceM: value } },
    } satisfies StoredBasin);
    await reload();
    setMessage({ kind: 'ok', text: t('river.tolerance.saved', { m: value }) });
  };

  return (
    <section className="panel-section" aria-labelledby="river-tolerance">
      <h2 id="river-tolerance">{t('river.tolerance.title')}</h2>
      <form
        className="river-form-row"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor={inputId}>{t('river.tolerance.label')}</label>
        <input
          id={inputId}
          inputMode="decimal"
          size={6}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setMessage(null);
          }}
        />
        <button type="submit">{t('river.tolerance.save')}</button>
      </form>
      <p className="river-hint">{t('river.tolerance.hint')}</p>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'river-error' : 'river-ok'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

function ErrorList({ errors }: { readonly errors: readonly CodedMessage[] }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="river-error">
      {errors.map((error, index) => (
        <p key={index}>{t.message(error)}</p>
      ))}
    </div>
  );
}

/** Draws the candidate rivers (and a delineation's sub-basins and outlet) while the River tab is open. */
function usePreviewOverlay(candidate: CandidateRivers | null) {
  const map = useMapStore((state) => state.map);
  useEffect(() => {
    if (!map || !candidate) return;
    const reaches = storedReaches(candidate.network);
    const features: GeoJSON.Feature[] = [
      ...(candidate.subbasins?.features ?? []).map((feature) => ({ ...feature, properties: { part: 'subbasin' } })),
      ...reaches.features.map((feature) => ({ ...feature, properties: { ...feature.properties, part: 'reach' } })),
    ];
    if (candidate.outlet)
      features.push({
        type: 'Feature',
        properties: { part: 'outlet' },
        geometry: { type: 'Point', coordinates: [candidate.outlet[0], candidate.outlet[1]] },
      });
    map.setOverlay(PREVIEW_OVERLAY, { type: 'FeatureCollection', features }, [
      layer({
        id: 'river-preview-subbasins',
        type: 'line',
        filter: ['==', ['get', 'part'], 'subbasin'],
        paint: { 'line-color': '#b45309', 'line-width': 0.8, 'line-opacity': 0.55 },
      }),
      layer({
        id: 'river-preview-casing',
        type: 'line',
        filter: ['==', ['get', 'part'], 'reach'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['coalesce', ['get', 'streamOrder'], 1], 1, 5, 6, 10],
        },
      }),
      layer({
        id: 'river-preview-reaches',
        type: 'line',
        filter: ['==', ['get', 'part'], 'reach'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': PREVIEW_COLOR,
          'line-width': ['interpolate', ['linear'], ['coalesce', ['get', 'streamOrder'], 1], 1, 2.5, 6, 7],
        },
      }),
      layer({
        id: 'river-preview-outlet',
        type: 'circle',
        filter: ['==', ['get', 'part'], 'outlet'],
        paint: {
          'circle-radius': 7,
          'circle-color': PREVIEW_COLOR,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      }),
    ]);
    const box = networkBounds(candidate.network);
    if (box) map.fitBounds(box);
    return () => map.removeOverlay(PREVIEW_OVERLAY);
  }, [map, candidate]);
}

function Candidate({ candidate }: { readonly candidate: CandidateRivers }) {
  const t = useT();
  const session = useSession();
  const reload = useReloadSession();
  const discard = useRiverImportStore((state) => state.discard);
  const setUsed = useRiverImportStore((state) => state.setUsed);
  const setFailed = useRiverImportStore((state) => state.setFailed);
  const [saving, setSaving] = useState(false);
  const pieces = candidate.network.pieces().length;
  const toleranceM = session.basin.info.settings.snapToleranceM;
  // Before anything is written: how many placed records these rivers would leave too far from any river.
  const wouldBeOff = useLiveQuery(async () => {
    const lists = await Promise.all(PLACED_KINDS.map((kind) => session.repository.list(kind)));
    const placed = lists.flat() as unknown as PlacedRecord[];
    return placed.filter((record) => !candidate.network.snap(record.location, toleranceM).ok).length;
  }, [session, candidate.network, toleranceM]);

  const use = async () => {
    setSaving(true);
    try {
      const stored = ((await session.repository.getMeta(BASIN_META_KEY)) as StoredBasin | undefined) ?? session.basin;
      await session.repository.setMeta(PREVIOUS_BASIN_KEY, stored);
      const result = await replaceBasinRivers(session.repository, stored, candidate.network, currentActor(), {
        ...(candidate.subbasins ? { subbasins: candidate.subbasins } : {}),
        ...(candidate.hillshade ? { hillshade: candidate.hillshade } : {}),
      });
      await session.repository.setMeta(IMPORT_DIAGNOSTICS_KEY, {
        fileName: candidate.fileName,
        diagnostics: candidate.diagnostics,
      } satisfies ImportDiagnostics);
      await reload();
      setUsed(result);
    } catch (error) {
      console.error(error);
      setFailed({
        code: 'river.candidate.failed',
        params: { detail: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="river-candidate" aria-label={t('river.candidate.label')} ref={revealTopOnMount}>
      <h3 className="river-subtitle">{t('river.candidate.title', { name: candidate.fileName })}</h3>
      <p>
        {t('river.candidate.summary', {
          count: candidate.network.reachCount,
          pieces,
          outlets: candidate.network.outletIds().length,
        })}
      </p>
      {candidate.watershedAreaKm2 !== undefined && (
        <p>{t('river.candidate.area', { km2: candidate.watershedAreaKm2 })}</p>
      )}
      <p className="river-hint">
        <span
          className="swatch swatch-line"
          style={{ '--swatch': PREVIEW_COLOR } as React.CSSProperties}
          aria-hidden="true"
        />
        {t('river.candidate.preview')}
      </p>
      <DiagnosticList network={candidate.network} diagnostics={candidate.diagnostics} />
      {wouldBeOff !== undefined && wouldBeOff > 0 && (
        <p className="river-warning">{t('river.candidate.wouldBeOff', { count: wouldBeOff, m: toleranceM })}</p>
      )}
      <div className="river-actions">
        <button type="button" className="primary" disabled={saving} onClick={() => void use()}>
          {candidate.source === 'dem' ? t('river.candidate.useDem') : t('river.candidate.use')}
        </button>
        <button type="button" disabled={saving} onClick={discard}>
          {t('river.candidate.discard')}
        </button>
      </div>
      {saving ? (
        <p role="status" className="river-hint">
          {t('river.candidate.saving')}
        </p>
      ) : (
        <p className="river-hint">{t('river.candidate.keepsRecords')}</p>
      )}
    </div>
  );
}

function UsedMessage({ outcome }: { readonly outcome: ReplacementOutcome & { readonly restored?: boolean } }) {
  const t = useT();
  const session = useSession();
  const reload = useReloadSession();
  const setUsed = useRiverImportStore((state) => state.setUsed);
  const setFailed = useRiverImportStore((state) => state.setFailed);
  const [restoring, setRestoring] = useState(false);

  const restore = async () => {
    setRestoring(true);
    try {
      const previous = (await session.repository.getMeta(PREVIOUS_BASIN_KEY)) as StoredBasin | undefined;
      if (!previous) return;
      const result = await restoreBasin(session.repository, previous, currentActor());
      await session.repository.setMeta(IMPORT_DIAGNOSTICS_KEY, null);
      await reload();
      setUsed({ ...result, restored: true });
    } catch (error) {
      setFailed({
        code: 'river.candidate.failed',
        params: { detail: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      setRestoring(false);
    }
  };

  return (
    <div role="status" className="river-ok river-used">
      <p>{outcome.restored ? t('river.candidate.restored') : t('river.candidate.used')}</p>
      {outcome.resnapped > 0 && <p>{t('river.candidate.resnapped', { count: outcome.resnapped })}</p>}
      {outcome.offRiver > 0 && (
        <p className="river-warning">{t('river.candidate.offRiver', { count: outcome.offRiver })}</p>
      )}
      {outcome.failed > 0 && (
        <p className="river-error">{t('river.candidate.resnapFailed', { count: outcome.failed })}</p>
      )}
      {!outcome.restored && (
        <button type="button" disabled={restoring} onClick={() => void restore()}>
          {t('river.candidate.restore')}
        </button>
      )}
      {restoring && <p className="river-hint">{t('river.candidate.saving')}</p>}
    </div>
  );
}

function HydrographyImport() {
  const t = useT();
  const readFile = useRiverImportStore((state) => state.readFile);
  const busy = useRiverImportStore((state) => state.busy);
  return (
    <section className="panel-section" aria-labelledby="river-import">
      <h2 id="river-import">{t('river.import.title')}</h2>
      <p className="river-hint">{t('river.import.hint')}</p>
      <label className="river-file-button">
        {t('river.import.choose')}
        <input
          type="file"
          className="visually-hidden"
          accept=".geojson,.json,.zip,.kml,.kmz"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void readFile(file);
            event.target.value = '';
          }}
        />
      </label>
      {busy === 'file' && <p role="status">{t('river.import.reading')}</p>}
    </section>
  );
}

function DemImport() {
  const t = useT();
  const thresholdId = useId();
  const store = useRiverImportStore();
  const setMapTool = useUiStore((state) => state.setMapTool);
  const { dem, run } = store;
  const map = useMapStore((state) => state.map);

  useEffect(() => {
    if (!map || !dem) return;
    const [west, south, east, north] = dem.bounds;
    const features: GeoJSON.Feature[] = [
      {
        type: 'Feature',
        properties: { part: 'footprint' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [west, south],
            [east, south],
            [east, north],
            [west, north],
            [west, south],
          ],
        },
      },
    ];
    if (dem.outlet)
      features.push({
        type: 'Feature',
        properties: { part: 'outlet' },
        geometry: { type: 'Point', coordinates: [...dem.outlet] },
      });
    map.setOverlay('river-dem', { type: 'FeatureCollection', features }, [
      layer({
        id: 'river-dem-footprint',
        type: 'line',
        filter: ['==', ['get', 'part'], 'footprint'],
        paint: { 'line-color': '#4b5a50', 'line-width': 1.5, 'line-dasharray': [4, 3] },
      }),
      layer({
        id: 'river-dem-outlet',
        type: 'circle',
        filter: ['==', ['get', 'part'], 'outlet'],
        paint: {
          'circle-radius': 7,
          'circle-color': '#ffffff',
          'circle-stroke-color': PREVIEW_COLOR,
          'circle-stroke-width': 3,
        },
      }),
    ]);
    return () => map.removeOverlay('river-dem');
  }, [map, dem]);

  useEffect(() => {
    if (map && dem) map.fitBounds(dem.bounds);
    // Fit once per file, not on every settings change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, dem?.raster]);

  const pickOutlet = () =>
    setMapTool({
      id: 'river.outlet',
      hintKey: 'river.dem.pickOutletHint',
      onClick: (lonLat) => {
        useRiverImportStore.getState().setOutlet(lonLat);
        useUiStore.getState().setMapTool(null);
      },
    });

  return (
    <section className="panel-section" aria-labelledby="river-dem">
      <h2 id="river-dem">{t('river.dem.title')}</h2>
      <p className="river-hint">{t('river.dem.hint')}</p>
      <label className="river-file-button">
        {t('river.dem.choose')}
        <input
          type="file"
          className="visually-hidden"
          accept=".tif,.tiff"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void store.readDem(file);
            event.target.value = '';
          }}
        />
      </label>
      {store.busy === 'dem' && <p role="status">{t('river.import.reading')}</p>}
      {dem && (
        <div className="river-dem-settings">
          <p>
            {t('river.dem.loaded', {
              name: dem.fileName,
              width: dem.raster.width,
              height: dem.raster.height,
              count: dem.validCells,
            })}
          </p>
          <fieldset>
            <legend>{t('river.dem.outlet')}</legend>
            <p>
              {dem.outlet
                ? t('river.dem.outletPicked', { lon: dem.outlet[0].toFixed(5), lat: dem.outlet[1].toFixed(5) })
                : t('river.dem.outletSuggested')}
            </p>
            <div className="river-actions">
              <button type="button" onClick={pickOutlet} disabled={run !== null}>
                {t('river.dem.pickOutlet')}
              </button>
              {dem.outlet && (
                <button type="button" onClick={() => store.setOutlet(null)} disabled={run !== null}>
                  {t('river.dem.useSuggested')}
                </button>
              )}
            </div>
          </fieldset>
          <div className="river-form-row">
            <label htmlFor={thresholdId}>{t('river.dem.threshold')}</label>
            <input
              id={thresholdId}
              inputMode="decimal"
              size={7}
              value={dem.threshold.value}
              disabled={run !== null}
              onChange={(event) => store.setThreshold({ ...dem.threshold, value: event.target.value })}
            />
            <select
              aria-label={t('river.dem.thresholdUnit')}
              value={dem.threshold.unit}
              disabled={run !== null}
              onChange={(event) =>
                store.setThreshold({ ...dem.threshold, unit: event.target.value as 'km2' | 'cells' })
              }
            >
              <option value="cells">{t('river.dem.unitCells')}</option>
              <option value="km2">{t('river.dem.unitKm2')}</option>
            </select>
          </div>
          <p className="river-hint">{t('river.dem.thresholdHint')}</p>
          {run ? (
            <div className="river-progress" role="status" ref={revealOnMount}>
              <label>
                {t(`river.dem.stage.${run.stage}`)}
                <progress max={1} value={run.fraction} aria-label={t('river.dem.progress')} />
              </label>
              <button type="button" onClick={store.cancel}>
                {t('river.dem.cancel')}
              </button>
            </div>
          ) : (
            <div className="river-actions">
              <button type="button" className="primary" onClick={store.delineate}>
                {t('river.dem.delineate')}
              </button>
              <button type="button" onClick={store.discard}>
                {t('river.candidate.discard')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** Side tab "River": the network's summary and diagnostics, the snap tolerance, hydrography import and DEM delineation. */
export function NetworkPanel() {
  const candidate = useRiverImportStore((state) => state.candidate);
  const errors = useRiverImportStore((state) => state.errors);
  const used = useRiverImportStore((state) => state.used);
  usePreviewOverlay(candidate);
  useEffect(() => () => clearFocus(), []);
  return (
    <div className="river-panel">
      <Summary />
      <ToleranceSetting />
      <HydrographyImport />
      <DemImport />
      <ErrorList errors={errors} />
      {candidate && <Candidate candidate={candidate} />}
      {used && <UsedMessage outcome={used} />}
    </div>
  );
}
