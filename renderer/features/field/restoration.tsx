import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../session/session-context';
import { currentActor } from '../../session/session';
import { useUiStore } from '../../state/ui-store';
import { currentMap } from '../../state/map-store';
import { host } from '../../bridge';
import { RestorationActivitySchema, RestorationStatusSchema, type RestorationSite } from '../../../src/domain/records';
import { communityContaining, measureSite, siteGeometriesOf, type SiteGeometry } from '../../../src/field/site-measure';
import { importGeoFile } from '../../../src/io/geo-import';
import { decimalSeparatorOf, formatDate, formatNumber } from '../../../src/i18n/format';
import { parseLocaleNumber } from '../../../src/io/number-parse';
import { FormButtons, FormError, freeTheMap, problemsText, useCommunityNames, useT } from './common';
import { checkPhotos, PhotoPicker, PhotoStrip, storePhotos } from './photos';
import { useFieldStore } from './field-store';
import { startDrawing, startEditing, stopDrawing, type DrawnGeometry } from './draw';
import { StatusLegend } from './contamination';
import type { Translator } from '../../i18n/use-t';

/*
 * Restoration sites: drawn on the map (polygon or line, with terra-draw) or imported from a GPS file, sized in
 * hectares or kilometres, described (activity, community, status, planned and done area), then visited: date,
 * survival rate, notes and photos.
 */

const ACTIVITIES = RestorationActivitySchema.options;
const STATUSES = RestorationStatusSchema.options;

/** Area in ha or length in km of a shape, as the user reads it. */
export function sizeText(t: Translator, geometry: SiteGeometry): string {
  const measure = measureSite(geometry);
  return geometry.type === 'LineString'
    ? t('field.restoration.length', { km: formatNumber(measure.lengthKm, t.locale, 2, 2) })
    : t('field.restoration.area', { ha: formatNumber(measure.areaHa, t.locale, 2, 2) });
}

function bboxOf(geometry: SiteGeometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (position: readonly number[]) => {
    box[0] = Math.min(box[0], position[0]!);
    box[1] = Math.min(box[1], position[1]!);
    box[2] = Math.max(box[2], position[0]!);
    box[3] = Math.max(box[3], position[1]!);
  };
  if (geometry.type === 'LineString') geometry.coordinates.forEach(visit);
  else if (geometry.type === 'Polygon') geometry.coordinates.forEach((ring) => ring.forEach(visit));
  else geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
  return box;
}

/** Drawing or importing a site, then its form. */
export function SiteActions() {
  const t = useT();
  const setMapTool = useUiStore((state) => state.setMapTool);
  const draft = useFieldStore((state) => state.draft);
  const setDraft = useFieldStore((state) => state.setDraft);
  const [imported, setImported] = useState<{ geometry: SiteGeometry; name: string | null }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Stop drawing when the map tool banner is cancelled (or another tool takes the map).
  useEffect(
    () =>
      useUiStore.subscribe((state, previous) => {
        if (previous.mapTool?.id === 'field-draw-site' && state.mapTool?.id !== 'field-draw-site') stopDrawing();
      }),
    [],
  );
  useEffect(() => () => stopDrawing(), []);

  const draw = (shape: 'polygon' | 'linestring') => {
    const map = currentMap();
    if (!map) return;
    setError(null);
    setDraft(null);
    setImported([]);
    freeTheMap();
    setMapTool({
      id: 'field-draw-site',
      hintKey: shape === 'polygon' ? 'field.restoration.drawPolygonHint' : 'field.restoration.drawLineHint',
      onClick: () => undefined,
    });
    startDrawing(map.maplibre, shape, (geometry: DrawnGeometry) => {
      setDraft({ type: 'site', geometry });
      // The closing click (or double-click) still reaches the map after terra-draw finishes; keep the tool a moment
      // longer so that click does not select the point under it.
      setTimeout(() => {
        if (useUiStore.getState().mapTool?.id === 'field-draw-site') useUiStore.getState().setMapTool(null);
      }, 400);
    });
  };

  const importFile = async () => {
    setError(null);
    const opened = await host['file:open']({
      titleKey: 'field.restoration.import.title',
      filters: [{ name: 'GPS', extensions: ['gpx', 'kml', 'kmz', 'geojson', 'json', 'zip'] }],
      multiple: false,
    });
    if (!opened.ok) return setError(opened.detail);
    const file = opened.value.files[0];
    if (opened.value.canceled || !file) return;
    setBusy(true);
    const result = await importGeoFile(file.name, file.bytes, {
      parseXml: (text) => new DOMParser().parseFromString(text, 'text/xml'),
    });
    setBusy(false);
    if (!result.ok) return setError(result.errors.map((issue) => t.message(issue)).join(' · '));
    const shapes = siteGeometriesOf(result.features);
    if (shapes.length === 0) return setError(t('field.restoration.import.noShape', { name: file.name }));
    setImported(shapes);
    freeTheMap();
    setDraft({ type: 'site', geometry: shapes[0]!.geometry });
    // The closing table pane resets the map's padding, which would cut short a move started now.
    setTimeout(() => currentMap()?.fitBounds(bboxOf(shapes[0]!.geometry)), 80);
  };

  const pickImported = (index: number) => {
    const shape = imported[index];
    if (!shape) return;
    setDraft({ type: 'site', geometry: shape.geometry });
    currentMap()?.fitBounds(bboxOf(shape.geometry));
  };

  const current = draft?.type === 'site' ? draft.geometry : null;
  const currentIndex = current ? imported.findIndex((shape) => shape.geometry === current) : -1;
  return (
    <div className="field-actions">
      <div className="field-buttons">
        <button type="button" className="primary" onClick={() => draw('polygon')}>
          {t('field.restoration.drawPolygon')}
        </button>
        <button type="button" onClick={() => draw('linestring')}>
          {t('field.restoration.drawLine')}
        </button>
        <button type="button" onClick={() => void importFile()} disabled={busy}>
          {t('field.restoration.import.button')}
        </button>
      </div>
      <StatusLegend kind="site" />
      <FormError text={error} />
      {imported.length > 1 && current && (
        <label className="field-wide">
          {t('field.restoration.import.pick', { count: imported.length })}
          <select value={currentIndex} onChange={(change) => pickImported(Number(change.target.value))}>
            {imported.map((shape, index) => (
              <option key={index} value={index}>
                {(shape.name ?? t('field.restoration.import.shape', { number: index + 1 })) +
                  ' · ' +
                  sizeText(t, shape.geometry)}
              </option>
            ))}
          </select>
        </label>
      )}
      {current && (
        <SiteForm
          key={JSON.stringify(bboxOf(current))}
          geometry={current}
          suggestedName={currentIndex >= 0 ? (imported[currentIndex]?.name ?? '') : ''}
          onClose={(saved) => {
            setDraft(null);
            if (saved && currentIndex >= 0) {
              const rest = imported.filter((_, index) => index !== currentIndex);
              setImported(rest);
              if (rest[0]) setDraft({ type: 'site', geometry: rest[0].geometry });
            } else if (!saved) setImported([]);
          }}
        />
      )}
    </div>
  );
}

function SiteForm({
  geometry,
  suggestedName,
  onClose,
}: {
  readonly geometry: SiteGeometry;
  readonly suggestedName: string;
  readonly onClose: (saved: boolean) => void;
}) {
  const t = useT();
  const { repository, db } = useSession();
  const names = useCommunityNames();
  const select = useUiStore((state) => state.select);
  const measure = useMemo(() => measureSite(geometry), [geometry]);
  const communities = useLiveQuery(() => db.recordTable('communities').toArray(), [db]);
  const suggested = useMemo(
    () => (communities ? communityContaining(geometry, communities) : null),
    [communities, geometry],
  );
  const decimal = decimalSeparatorOf(t.locale);
  const [name, setName] = useState(suggestedName);
  const [activity, setActivity] = useState<(typeof ACTIVITIES)[number]>(
    geometry.type === 'LineString' ? 'riparian-buffer' : 'reforestation',
  );
  const [communityId, setCommunityId] = useState('');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('planned');
  const [planned, setPlanned] = useState(() => formatNumber(measure.areaHa, t.locale, 2));
  const [done, setDone] = useState(() => formatNumber(0, t.locale, 2));
  const [plants, setPlants] = useState('0');
  const [workDate, setWorkDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<string | null>(null);
  const community = communityId || suggested || [...names.keys()][0] || '';

  const save = async (submit: React.FormEvent) => {
    submit.preventDefault();
    if (!name.trim()) return setError(t('field.restoration.nameNeeded'));
    const plannedHa = parseLocaleNumber(planned, decimal);
    const doneHa = parseLocaleNumber(done, decimal);
    const plantCount = parseLocaleNumber(plants, decimal);
    if (!plannedHa.ok || plannedHa.value < 0)
      return setError(t('field.restoration.badNumber', { field: t('field.restoration.plannedHa') }));
    if (!doneHa.ok || doneHa.value < 0)
      return setError(t('field.restoration.badNumber', { field: t('field.restoration.doneHa') }));
    if (!plantCount.ok || plantCount.value < 0 || !Number.isInteger(plantCount.value)) {
      return setError(t('field.restoration.badNumber', { field: t('field.restoration.plants') }));
    }
    const result = await repository.create(
      'restorationSites',
      {
        name: name.trim(),
        communityId: community,
        geometry,
        activity,
        status,
        plannedAreaHa: plannedHa.value,
        doneAreaHa: doneHa.value,
        plantsPlanted: plantCount.value,
        workDate,
      },
      currentActor(),
    );
    if (!result.ok) return setError(problemsText(t, result.problems));
    onClose(true);
    select({ type: 'record', kind: 'restorationSites', id: result.value.id });
  };

  return (
    <form className="field-form" onSubmit={(submit) => void save(submit)} aria-labelledby="field-site-title">
      <h3 id="field-site-title">{t('field.restoration.newTitle')}</h3>
      <p className="field-measure" role="status">
        {sizeText(t, geometry)}
      </p>
      <label className="field-wide">
        {t('field.restoration.name')}
        <input type="text" value={name} maxLength={200} onChange={(change) => setName(change.target.value)} required />
      </label>
      <label>
        {t('field.restoration.activity')}
        <select value={activity} onChange={(change) => setActivity(change.target.value as typeof activity)}>
          {ACTIVITIES.map((option) => (
            <option key={option} value={option}>
              {t(`registers.activity.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.restoration.community')}
        <select value={community} onChange={(change) => setCommunityId(change.target.value)}>
          {[...names].map(([id, communityName]) => (
            <option key={id} value={id}>
              {communityName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.restoration.statusLabel')}
        <select value={status} onChange={(change) => setStatus(change.target.value as typeof status)}>
          {STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`registers.siteStatus.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.restoration.workDate')}
        <input type="date" value={workDate} onChange={(change) => setWorkDate(change.target.value)} required />
      </label>
      <label>
        {t('field.restoration.plannedHa')}
        <input type="text" inputMode="decimal" value={planned} onChange={(change) => setPlanned(change.target.value)} />
      </label>
      <label>
        {t('field.restoration.doneHa')}
        <input type="text" inputMode="decimal" value={done} onChange={(change) => setDone(change.target.value)} />
      </label>
      <label>
        {t('field.restoration.plants')}
        <input type="text" inputMode="numeric" value={plants} onChange={(change) => setPlants(change.target.value)} />
      </label>
      <FormError text={error} />
      <FormButtons onCancel={() => onClose(false)} />
    </form>
  );
}

/** A site's panel section: its size, planned against done, shape editing, and its visits. */
export function SiteSection({ id }: { readonly id: string }) {
  const t = useT();
  const { db } = useSession();
  const site = useLiveQuery(() => db.recordTable('restorationSites').get(id), [db, id]);
  if (!site || site.deleted) return null;
  const progress = site.plannedAreaHa > 0 ? Math.min(1, site.doneAreaHa / site.plannedAreaHa) : 0;
  return (
    <div className="field-section">
      <p className="field-measure">{sizeText(t, site.geometry)}</p>
      <div className="field-progress" aria-label={t('field.restoration.progressLabel')}>
        <div>
          {t('field.restoration.plannedDone', {
            planned: formatNumber(site.plannedAreaHa, t.locale, 2),
            done: formatNumber(site.doneAreaHa, t.locale, 2),
            pct: Math.round(progress * 100),
          })}
        </div>
        <div className="field-bar" aria-hidden="true">
          <span style={{ width: `${progress * 100}%` }} />
        </div>
      </div>
      <ShapeEditor site={site} />
      <Visits site={site} />
    </div>
  );
}

function ShapeEditor({ site }: { readonly site: RestorationSite }) {
  const t = useT();
  const { repository } = useSession();
  const setEditing = useFieldStore((state) => state.setEditingSiteId);
  const session = useRef<ReturnType<typeof startEditing> | null>(null);
  const [editing, setEditingLocal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () => () => {
      if (session.current) {
        session.current.stop();
        session.current = null;
        useFieldStore.getState().setEditingSiteId(null);
      }
    },
    [],
  );
  if (site.geometry.type === 'MultiPolygon') return null;
  const geometry = site.geometry;
  const begin = () => {
    const map = currentMap();
    if (!map) return;
    session.current = startEditing(map.maplibre, geometry);
    setEditing(site.id);
    setEditingLocal(true);
    setError(null);
  };
  const end = () => {
    session.current?.stop();
    session.current = null;
    setEditing(null);
    setEditingLocal(false);
  };
  const save = async () => {
    const edited = session.current?.read();
    if (!edited) return end();
    const result = await repository.update('restorationSites', site.id, { geometry: edited }, currentActor(), {
      expectedVersion: site.version,
      moveLocation: true,
    });
    if (!result.ok) return setError(problemsText(t, result.problems));
    end();
  };
  return (
    <div className="field-row">
      {editing ? (
        <>
          <p className="field-hint">{t('field.restoration.editHint')}</p>
          <div className="field-buttons">
            <button type="button" className="primary" onClick={() => void save()}>
              {t('field.restoration.saveShape')}
            </button>
            <button type="button" onClick={end}>
              {t('field.cancel')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" onClick={begin}>
          {t('field.restoration.editShape')}
        </button>
      )}
      <FormError text={error} />
    </div>
  );
}

function Visits({ site }: { readonly site: RestorationSite }) {
  const t = useT();
  const { repository } = useSession();
  const visits = useLiveQuery(
    () => repository.listWhere('restorationVisits', 'siteId', site.id),
    [repository, site.id],
  );
  const [adding, setAdding] = useState(false);
  const sorted = [...(visits ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section aria-labelledby="field-visits-title">
      <h3 id="field-visits-title">{t('field.visit.title', { count: sorted.length })}</h3>
      {sorted.length === 0 && <p className="field-hint">{t('field.visit.none')}</p>}
      <ul className="field-list">
        {sorted.map((visit) => (
          <li key={visit.id}>
            <strong>{formatDate(visit.date, t.locale, 'medium')}</strong>
            {visit.survivalRatePct !== null && (
              <> · {t('field.visit.survival', { pct: formatNumber(visit.survivalRatePct, t.locale, 1) })}</>
            )}
            {visit.notes && <small className="field-sub">{visit.notes}</small>}
            <PhotoStrip ids={visit.photoIds} />
          </li>
        ))}
      </ul>
      {adding ? (
        <VisitForm siteId={site.id} onClose={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('field.visit.add')}
        </button>
      )}
    </section>
  );
}

function VisitForm({ siteId, onClose }: { readonly siteId: string; readonly onClose: () => void }) {
  const t = useT();
  const { repository } = useSession();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [survival, setSurvival] = useState('');
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const save = async (submit: React.FormEvent) => {
    submit.preventDefault();
    let survivalRatePct: number | null = null;
    if (survival.trim()) {
      const parsed = parseLocaleNumber(survival.replace('%', ''), decimalSeparatorOf(t.locale));
      if (!parsed.ok || parsed.value < 0 || parsed.value > 100) return setError(t('field.visit.badSurvival'));
      survivalRatePct = parsed.value;
    }
    const photoProblem = checkPhotos(photos);
    if (photoProblem) return setError(t.message(photoProblem));
    const stored = await storePhotos(repository, photos);
    if (!stored.ok) return setError(t.message(stored.error));
    const result = await repository.create(
      'restorationVisits',
      { siteId, date, survivalRatePct, notes: notes.trim(), photoIds: stored.ids },
      currentActor(),
    );
    if (!result.ok) return setError(problemsText(t, result.problems));
    onClose();
  };
  return (
    <form className="field-form" onSubmit={(submit) => void save(submit)} aria-labelledby="field-visit-form-title">
      <h4 id="field-visit-form-title">{t('field.visit.newTitle')}</h4>
      <label>
        {t('field.visit.date')}
        <input type="date" value={date} onChange={(change) => setDate(change.target.value)} required />
      </label>
      <label>
        {t('field.visit.survivalLabel')}
        <input
          type="text"
          inputMode="decimal"
          value={survival}
          onChange={(change) => setSurvival(change.target.value)}
        />
      </label>
      <label className="field-wide">
        {t('field.visit.notes')}
        <textarea rows={3} value={notes} maxLength={5000} onChange={(change) => setNotes(change.target.value)} />
      </label>
      <PhotoPicker files={photos} onChange={setPhotos} />
      <FormError text={error} />
      <FormButtons onCancel={onClose} />
    </form>
  );
}

/** A visit's panel section: its photos and a way back to its site. */
export function VisitSection({ id }: { readonly id: string }) {
  const t = useT();
  const { db } = useSession();
  const select = useUiStore((state) => state.select);
  const visit = useLiveQuery(() => db.recordTable('restorationVisits').get(id), [db, id]);
  const site = useLiveQuery(
    async () => (visit ? db.recordTable('restorationSites').get(visit.siteId) : undefined),
    [db, visit],
  );
  if (!visit || visit.deleted) return null;
  return (
    <div className="field-section">
      {site && (
        <button
          type="button"
          className="field-link"
          onClick={() => select({ type: 'record', kind: 'restorationSites', id: site.id })}
        >
          {t('field.visit.ofSite', { name: site.name })}
        </button>
      )}
      <PhotoStrip ids={visit.photoIds} />
    </div>
  );
}
