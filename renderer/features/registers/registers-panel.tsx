import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { useUiStore } from '../../state/ui-store';
import { useMapStore } from '../../state/map-store';
import { FieldActions } from '../field/field-sections';
import { clearPanePadding, flyToRecord } from './actions';
import { CommunityForm, IntakeForm, WithdrawalForm } from './forms';
import { ImportWizard } from './import-wizard';
import { PeriodBar } from './period-bar';
import { RecordPanel } from './record-panel';
import {
  REGISTER_KINDS,
  buildRows,
  enumLabel,
  filterAndSort,
  isRegisterKind,
  registerOf,
  type RegisterKind,
  type TableRow,
} from './register-kinds';
import { RegisterTable } from './register-table';
import { useRegistersStore } from './registers-store';
import { useLookups, useRegisterCounts, useRegisterRecords } from './use-register-data';
import './registers.css';

export { PeriodBar, RecordPanel };

/*
 * Side tab "Registros": the list of registers with their counts and what can be added to each; choosing one opens
 * its table in a wide pane over the left of the map (the side panel is too narrow for a table), with filters
 * (community, the shared period, category, status, review), a search box and sorting by column. A row click flies
 * the map to the record and selects it, which opens its panel on the right.
 */

const CREATABLE: Partial<Record<RegisterKind, 'communities' | 'intakes' | 'withdrawals'>> = {
  communities: 'communities',
  intakes: 'intakes',
  withdrawals: 'withdrawals',
};
const IMPORTABLE: Partial<Record<RegisterKind, 'withdrawals' | 'measurements'>> = {
  withdrawals: 'withdrawals',
  measurements: 'measurements',
};

const REVIEW_STATES = ['received', 'approved', 'has-issues'] as const;

/** Side tab "Registers": the tables of every register, its forms and imports. */
export function RegistersPanel() {
  const t = useT();
  const kind = useRegistersStore((state) => state.kind);
  const tableOpen = useRegistersStore((state) => state.tableOpen);
  const open = useRegistersStore((state) => state.open);
  const setTableOpen = useRegistersStore((state) => state.setTableOpen);
  const form = useRegistersStore((state) => state.form);
  const setForm = useRegistersStore((state) => state.setForm);
  const counts = useRegisterCounts(REGISTER_KINDS);
  const select = useUiStore((state) => state.select);
  // The tab opens after the workspace is drawn, so the map area is there; the pane is drawn over it.
  const [mapArea, setMapArea] = useState<Element | null>(() => document.querySelector('.map-area'));
  useEffect(() => {
    if (mapArea) return undefined;
    const frame = requestAnimationFrame(() => setMapArea(document.querySelector('.map-area')));
    return () => cancelAnimationFrame(frame);
  }, [mapArea]);

  const closeForm = (saved: { readonly id: string } | null) => {
    const done = form;
    setForm(null);
    if (saved && done?.type === 'create') {
      open(done.kind);
      select({ type: 'record', kind: done.kind, id: saved.id });
    }
  };

  if (form?.type === 'create') {
    return (
      <div className="registers-side">
        {form.kind === 'communities' && <CommunityForm onDone={closeForm} />}
        {form.kind === 'intakes' && <IntakeForm onDone={closeForm} />}
        {form.kind === 'withdrawals' && <WithdrawalForm onDone={closeForm} />}
      </div>
    );
  }

  return (
    <div className="registers-side">
      <h2 className="registers-title">{t('registers.title')}</h2>
      <p className="hint">{t('registers.pickHint')}</p>
      <ul className="register-list">
        {REGISTER_KINDS.map((registerKind) => (
          <li key={registerKind} className={registerKind === kind ? 'current' : undefined}>
            <button
              type="button"
              className="register-pick"
              aria-pressed={registerKind === kind && tableOpen}
              onClick={() => (registerKind === kind && tableOpen ? setTableOpen(false) : open(registerKind))}
            >
              <span>{t(`registers.kind.${registerKind}`)}</span>
              <span className="count">{counts ? t('registers.count', { count: counts[registerKind] ?? 0 }) : ''}</span>
            </button>
            {registerKind === kind && (
              <div className="register-actions">
                {CREATABLE[registerKind] && (
                  <button type="button" onClick={() => setForm({ type: 'create', kind: CREATABLE[registerKind]! })}>
                    {t(`registers.new.${registerKind}`)}
                  </button>
                )}
                {IMPORTABLE[registerKind] && (
                  <button
                    type="button"
                    onClick={() => (setForm({ type: 'import', kind: IMPORTABLE[registerKind]! }), setTableOpen(true))}
                  >
                    {t('registers.importCsv')}
                  </button>
                )}
                <FieldActions kind={registerKind} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {mapArea && kind && tableOpen && createPortal(<RegisterPane kind={kind} />, mapArea)}
    </div>
  );
}

function RegisterPane({ kind }: { readonly kind: RegisterKind }) {
  const t = useT();
  const form = useRegistersStore((state) => state.form);
  const setForm = useRegistersStore((state) => state.setForm);
  const setTableOpen = useRegistersStore((state) => state.setTableOpen);
  const pane = useRef<HTMLElement>(null);
  const map = useMapStore((state) => state.map);
  // Rows fly the map with the pane's width as padding; closing the pane gives the map its whole area back.
  useEffect(() => () => clearPanePadding(), [map]);
  return (
    <section className="register-pane" ref={pane} aria-label={t(`registers.kind.${kind}`)}>
      {form?.type === 'import' ? (
        <ImportWizard key={form.kind} kind={form.kind} onClose={() => setForm(null)} />
      ) : (
        <RegisterTableView kind={kind} paneRef={pane} onClose={() => setTableOpen(false)} />
      )}
    </section>
  );
}

function RegisterTableView({
  kind,
  paneRef,
  onClose,
}: {
  readonly kind: RegisterKind;
  readonly paneRef: React.RefObject<HTMLElement | null>;
  onClose(): void;
}) {
  const t = useT();
  const lookups = useLookups();
  const records = useRegisterRecords(kind);
  const period = useUiStore((state) => state.period);
  const selection = useUiStore((state) => state.selection);
  const select = useUiStore((state) => state.select);
  const filters = useRegistersStore((state) => state.filters);
  const setFilters = useRegistersStore((state) => state.setFilters);
  const sort = useRegistersStore((state) => state.sort);
  const sortBy = useRegistersStore((state) => state.sortBy);
  const definition = registerOf(kind);
  const [search, setSearch] = useState(filters.search);

  // Typing waits a moment before filtering thousands of rows.
  useEffect(() => {
    const timer = setTimeout(() => setFilters({ search }), 200);
    return () => clearTimeout(timer);
  }, [search, setFilters]);

  const timeZone = useSession().basin.info.settings.timeZone;
  const rows = useMemo(
    () => (records ? buildRows(kind, records, lookups, t.locale, timeZone) : []),
    [kind, records, lookups, t.locale, timeZone],
  );
  const shown = useMemo(
    () => filterAndSort(kind, rows, lookups, period, filters, sort),
    [kind, rows, lookups, period, filters, sort],
  );
  const categories = useMemo(() => {
    const values = new Set<string>();
    for (const row of rows) {
      const category = definition.categoryOf(row.record);
      if (category) values.add(category);
    }
    return [...values].sort();
  }, [rows, definition]);
  const statuses = useMemo(() => {
    const values = new Set<string>();
    for (const row of rows) {
      const status = definition.statusOf(row.record);
      if (status) values.add(status);
    }
    return [...values].sort();
  }, [rows, definition]);
  const communities = useMemo(
    () =>
      [...lookups.communities.values()]
        .filter((community) => !community.deleted)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [lookups],
  );
  const hasCommunity =
    kind !== 'communities' && kind !== 'monitoringPoints' && kind !== 'measurements' && kind !== 'contaminationEvents';

  const onRowClick = (row: TableRow) => {
    select({ type: 'record', kind, id: row.id });
    const location = definition.locationOf(row.record, lookups);
    if (location) flyToRecord(location, paneRef.current?.getBoundingClientRect().width ?? 0);
  };
  const selectedId = selection?.type === 'record' && selection.kind === kind ? selection.id : null;

  return (
    <>
      <header className="pane-header">
        <h2>
          {t(`registers.kind.${kind}`)}{' '}
          <span className="shown-count" role="status">
            {records
              ? t('registers.table.shown', { count: shown.length, total: rows.length })
              : t('registers.table.loading')}
          </span>
        </h2>
        <button type="button" onClick={onClose} aria-label={t('registers.table.hide')}>
          {t('registers.table.hide')}
        </button>
      </header>
      <div className="table-filters" role="search">
        <input
          type="search"
          value={search}
          placeholder={t('registers.filter.searchPlaceholder')}
          aria-label={t('registers.filter.search')}
          onChange={(event) => setSearch(event.target.value)}
        />
        {hasCommunity && (
          <select
            aria-label={t('registers.filter.community')}
            value={filters.community}
            onChange={(event) => setFilters({ community: event.target.value })}
          >
            <option value="">{t('registers.filter.allCommunities')}</option>
            {communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        )}
        {definition.categoryLabelKey && definition.categoryPrefix && (
          <select
            aria-label={t(definition.categoryLabelKey)}
            value={filters.category}
            onChange={(event) => setFilters({ category: event.target.value })}
          >
            <option value="">{t('registers.filter.any', { what: t(definition.categoryLabelKey) })}</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {enumLabel(t.locale, definition.categoryPrefix!, category)}
              </option>
            ))}
          </select>
        )}
        {definition.statusPrefix && (
          <select
            aria-label={t('registers.filter.status')}
            value={filters.status}
            onChange={(event) => setFilters({ status: event.target.value })}
          >
            <option value="">{t('registers.filter.anyStatus')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {enumLabel(t.locale, definition.statusPrefix!, status)}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label={t('registers.filter.review')}
          value={filters.review}
          onChange={(event) => setFilters({ review: event.target.value })}
        >
          <option value="">{t('registers.filter.anyReview')}</option>
          {REVIEW_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`registers.review.${state}`)}
            </option>
          ))}
        </select>
      </div>
      <RegisterTable
        key={`${kind}|${period.start}|${period.end}|${JSON.stringify(filters)}|${sort?.column}|${sort?.descending}`}
        columns={definition.columns as never}
        rows={shown}
        sort={sort}
        selectedId={selectedId}
        label={t(`registers.kind.${kind}`)}
        onSort={sortBy}
        onRowClick={onRowClick}
      />
    </>
  );
}

/**
 * Map layers of the registers module: the selected record's ring (a withdrawal or a measurement shows at its intake
 * or point), and the intake being placed with its snap to the river. Events and restoration sites are drawn by the
 * field module.
 */
export function RegisterOverlays() {
  const map = useMapStore((state) => state.map);
  const selection = useUiStore((state) => state.selection);
  const placement = useRegistersStore((state) => state.placement);
  const lookups = useLookups();
  const session = useSession();
  const selected =
    useLiveQuery(async () => {
      if (selection?.type !== 'record' || !isRegisterKind(selection.kind)) return null;
      const record = await session.repository.get(selection.kind, selection.id);
      return record ? registerOf(selection.kind).locationOf(record, lookups) : null;
    }, [selection, lookups, session]) ?? null;

  useEffect(() => {
    if (!map) return;
    const features: GeoJSON.Feature[] = [];
    if (selected)
      features.push({
        type: 'Feature',
        properties: { role: 'selected' },
        geometry: { type: 'Point', coordinates: [selected[0], selected[1]] },
      });
    if (placement) {
      features.push({
        type: 'Feature',
        properties: { role: 'clicked' },
        geometry: { type: 'Point', coordinates: placement.clicked },
      });
      if (placement.snapped) {
        features.push({
          type: 'Feature',
          properties: { role: 'snapped' },
          geometry: { type: 'Point', coordinates: placement.snapped.point },
        });
        features.push({
          type: 'Feature',
          properties: { role: 'link' },
          geometry: { type: 'LineString', coordinates: [placement.clicked, placement.snapped.point] },
        });
      }
    }
    map.setOverlay('registers', { type: 'FeatureCollection', features }, [
      {
        id: 'registers-link',
        type: 'line',
        filter: ['==', ['get', 'role'], 'link'],
        paint: { 'line-color': '#b45309', 'line-width': 2, 'line-dasharray': [2, 1] },
      },
      {
        id: 'registers-selected',
        type: 'circle',
        filter: ['==', ['get', 'role'], 'selected'],
        paint: {
          'circle-radius': 13,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': '#f2b705',
          'circle-stroke-width': 4,
        },
      },
      {
        id: 'registers-clicked',
        type: 'circle',
        filter: ['==', ['get', 'role'], 'clicked'],
        paint: {
          'circle-radius': 5,
          'circle-color': '#ffffff',
          'circle-stroke-color': '#b45309',
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'registers-snapped',
        type: 'circle',
        filter: ['==', ['get', 'role'], 'snapped'],
        paint: {
          'circle-radius': 8,
          'circle-color': '#1f6fb2',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
    ] as never);
  }, [map, selected, placement]);

  useEffect(() => () => map?.removeOverlay('registers'), [map]);
  return null;
}
