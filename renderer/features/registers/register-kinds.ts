import type {
  Community,
  ContaminationEvent,
  Intake,
  Measurement,
  MonitoringPoint,
  RecordMeta,
  RestorationSite,
  RestorationVisit,
  Withdrawal,
} from '../../../src/domain/records';
import type { RecordTypes } from '../../../src/ports/repository';
import { formatDate, formatDateTime, formatNumber } from '../../../src/i18n/format';
import { hasMessage, translate } from '../../../src/i18n/translate';
import type { Locale } from '../../../src/i18n/define';
import type { PeriodFilter } from '../../state/ui-store';
import { dayInPeriod, spanOverlapsPeriod } from './period';

/*
 * What each register looks like as a table: its columns (how a cell reads and sorts), which community and which
 * days a record belongs to (for the filters), its category (use, kind, parameter...), status, and where it is on
 * the map. Pure: the table component and the tests use the same definitions.
 */

/** The registers the side tab lists, in the order shown. */
export const REGISTER_KINDS = [
  'communities',
  'intakes',
  'withdrawals',
  'monitoringPoints',
  'measurements',
  'contaminationEvents',
  'restorationSites',
  'restorationVisits',
] as const;
/** A register of the side tab. */
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** True when `kind` names a register of the side tab. */
export function isRegisterKind(kind: string): kind is RegisterKind {
  return (REGISTER_KINDS as readonly string[]).includes(kind);
}

/** Records other records point at, by id, so cells show names instead of ids. */
export interface Lookups {
  readonly communities: ReadonlyMap<string, Community>;
  readonly intakes: ReadonlyMap<string, Intake>;
  readonly points: ReadonlyMap<string, MonitoringPoint>;
  readonly sites: ReadonlyMap<string, RestorationSite>;
}

/** Empty lookups (before the store answers). */
export const EMPTY_LOOKUPS: Lookups = {
  communities: new Map(),
  intakes: new Map(),
  points: new Map(),
  sites: new Map(),
};

/** A cell as the table shows it and sorts it. */
export interface Cell {
  readonly text: string;
  readonly sort: string | number;
}

/** One column of a register's table. */
export interface Column<R> {
  readonly key: string;
  /** Message key of the header. */
  readonly labelKey: string;
  readonly numeric?: boolean;
  /** Wider columns (names, descriptions) get more room. */
  readonly wide?: boolean;
  /**
   * The value to sort by without formatting the cell (dates, numbers), so a register of a million rows sorts in a
   * second; columns without it sort by their cell.
   */
  sortKey?(record: R, lookups: Lookups): string | number;
  /** The cell of a record; date-times show at the basin's clock (`timeZone`, an IANA name). */
  cell(record: R, lookups: Lookups, locale: Locale, timeZone: string): Cell;
}

/** How one register reads as a table and filters. */
export interface RegisterDefinition<R extends RecordMeta> {
  readonly columns: readonly Column<R>[];
  /** The community the record belongs to, if any. */
  communityOf(record: R, lookups: Lookups): string | null;
  /** True when the record falls in the period; registers without dates always pass. */
  inPeriod(record: R, period: PeriodFilter): boolean;
  /** The use, kind, parameter, class or activity the category filter picks from, or null. */
  categoryOf(record: R): string | null;
  /** Message key prefix of the category's values, e.g. 'registers.use.'. */
  readonly categoryPrefix: string | null;
  /** Message key naming the category filter, e.g. 'registers.filter.use'. */
  readonly categoryLabelKey: string | null;
  /** The record's status (events, sites), or null. */
  statusOf(record: R): string | null;
  readonly statusPrefix: string | null;
  /** Where the map flies for the record (a withdrawal: its intake; a measurement: its point). */
  locationOf(record: R, lookups: Lookups): readonly [number, number] | null;
  /** The order before the user picks a column: newest first for dated registers, by name for the others. */
  readonly defaultSort: { readonly column: number; readonly descending: boolean };
  /** Short name of the record for headings. */
  titleOf(record: R, lookups: Lookups, locale: Locale): string;
}

function text(value: string): Cell {
  return { text: value, sort: value.toLocaleLowerCase() };
}

function number(value: number, locale: Locale, digits = 2, unit = ''): Cell {
  return { text: `${formatNumber(value, locale, digits)}${unit ? `\u00a0${unit}` : ''}`, sort: value };
}

function dayIso(iso: string): string {
  return iso.length === 10 ? `${iso}T00:00:00Z` : iso;
}

/** A day as written: records keep the basin's offset in their date-times, so the first ten characters are its day. */
function date(iso: string, locale: Locale): Cell {
  return { text: formatDate(iso.slice(0, 10), locale), sort: Date.parse(dayIso(iso)) };
}

function dateTime(iso: string, locale: Locale, timeZone: string): Cell {
  return { text: formatDateTime(iso, locale, timeZone), sort: Date.parse(iso) };
}

/** The label of an enum value from its message key, or the value itself when no message names it. */
export function enumLabel(locale: Locale, prefix: string, value: string): string {
  const key = `${prefix}${value}`;
  return hasMessage(key) ? translate(locale, key) : value;
}

function enumCell(locale: Locale, prefix: string, value: string): Cell {
  return text(enumLabel(locale, prefix, value));
}

/** Name of a community by id, or the id when it is unknown. */
export function communityName(lookups: Lookups, id: string | null | undefined): string {
  if (!id) return '';
  return lookups.communities.get(id)?.name ?? id;
}

const review: Column<RecordMeta> = {
  key: 'reviewState',
  labelKey: 'registers.column.review',
  cell: (record, _lookups, locale) => enumCell(locale, 'registers.review.', record.reviewState),
};

function centroid(geometry: RestorationSite['geometry'] | Community['territory']): [number, number] | null {
  if (!geometry) return null;
  const ring =
    geometry.type === 'LineString'
      ? geometry.coordinates
      : geometry.type === 'Polygon'
        ? geometry.coordinates[0]
        : geometry.coordinates[0]?.[0];
  if (!ring || ring.length === 0) return null;
  let lon = 0;
  let lat = 0;
  for (const position of ring) {
    lon += position[0] ?? 0;
    lat += position[1] ?? 0;
  }
  return [lon / ring.length, lat / ring.length];
}

const always = () => true;
const none = () => null;

const communities: RegisterDefinition<Community> = {
  columns: [
    { key: 'name', labelKey: 'registers.column.name', wide: true, cell: (record) => text(record.name) },
    {
      key: 'population',
      labelKey: 'registers.column.population',
      numeric: true,
      cell: (record, _l, locale) => number(record.population, locale, 0),
    },
    {
      key: 'intakes',
      labelKey: 'registers.column.intakeCount',
      numeric: true,
      cell: (record, lookups, locale) => {
        let count = 0;
        for (const intake of lookups.intakes.values())
          if (intake.communityId === record.id && !intake.deleted) count += 1;
        return number(count, locale, 0);
      },
    },
    review,
  ],
  defaultSort: { column: 0, descending: false },
  communityOf: (record) => record.id,
  inPeriod: always,
  categoryOf: none,
  categoryPrefix: null,
  categoryLabelKey: null,
  statusOf: none,
  statusPrefix: null,
  locationOf: (record) => centroid(record.territory),
  titleOf: (record) => record.name,
};

const intakes: RegisterDefinition<Intake> = {
  columns: [
    { key: 'name', labelKey: 'registers.column.name', wide: true, cell: (record) => text(record.name) },
    {
      key: 'community',
      labelKey: 'registers.column.community',
      cell: (record, lookups) => text(communityName(lookups, record.communityId)),
    },
    {
      key: 'use',
      labelKey: 'registers.column.use',
      cell: (record, _l, locale) => enumCell(locale, 'registers.use.', record.use),
    },
    {
      key: 'snap',
      labelKey: 'registers.column.snapDistance',
      numeric: true,
      cell: (record, _l, locale) =>
        record.snap ? number(record.snap.distanceM, locale, 0, 'm') : { text: '—', sort: Infinity },
    },
    review,
  ],
  defaultSort: { column: 0, descending: false },
  communityOf: (record) => record.communityId,
  inPeriod: always,
  categoryOf: (record) => record.use,
  categoryPrefix: 'registers.use.',
  categoryLabelKey: 'registers.filter.use',
  statusOf: none,
  statusPrefix: null,
  locationOf: (record) => record.location,
  titleOf: (record) => record.name,
};

const withdrawals: RegisterDefinition<Withdrawal> = {
  columns: [
    {
      key: 'periodStart',
      labelKey: 'registers.column.from',
      sortKey: (record) => Date.parse(dayIso(record.periodStart)),
      cell: (record, _l, locale) => date(record.periodStart, locale),
    },
    {
      key: 'periodEnd',
      labelKey: 'registers.column.to',
      sortKey: (record) => Date.parse(dayIso(record.periodEnd)),
      cell: (record, _l, locale) => date(record.periodEnd, locale),
    },
    {
      key: 'intake',
      labelKey: 'registers.column.intake',
      wide: true,
      cell: (record, lookups) => text(lookups.intakes.get(record.intakeId)?.name ?? record.intakeId),
    },
    {
      key: 'community',
      labelKey: 'registers.column.community',
      cell: (record, lookups) => text(communityName(lookups, lookups.intakes.get(record.intakeId)?.communityId)),
    },
    {
      key: 'volume',
      labelKey: 'registers.column.volume',
      numeric: true,
      sortKey: (record) => record.volumeM3,
      cell: (record, _l, locale) => number(record.volumeM3, locale, 2, 'm³'),
    },
    {
      key: 'method',
      labelKey: 'registers.column.method',
      cell: (record, _l, locale) => enumCell(locale, 'registers.method.', record.method),
    },
    { key: 'reporter', labelKey: 'registers.column.reporter', cell: (record) => text(record.reporter) },
    review,
  ],
  defaultSort: { column: 0, descending: true },
  communityOf: (record, lookups) => lookups.intakes.get(record.intakeId)?.communityId ?? null,
  inPeriod: (record, period) => spanOverlapsPeriod(record.periodStart, record.periodEnd, period),
  categoryOf: (record) => record.method,
  categoryPrefix: 'registers.method.',
  categoryLabelKey: 'registers.filter.method',
  statusOf: none,
  statusPrefix: null,
  locationOf: (record, lookups) => lookups.intakes.get(record.intakeId)?.location ?? null,
  titleOf: (record, lookups, locale) =>
    `${lookups.intakes.get(record.intakeId)?.name ?? record.intakeId} · ${formatDate(record.periodStart, locale)}`,
};

const monitoringPoints: RegisterDefinition<MonitoringPoint> = {
  columns: [
    { key: 'name', labelKey: 'registers.column.name', wide: true, cell: (record) => text(record.name) },
    {
      key: 'kind',
      labelKey: 'registers.column.pointKind',
      cell: (record, _l, locale) => enumCell(locale, 'registers.pointKind.', record.kind),
    },
    review,
  ],
  defaultSort: { column: 0, descending: false },
  communityOf: none,
  inPeriod: always,
  categoryOf: (record) => record.kind,
  categoryPrefix: 'registers.pointKind.',
  categoryLabelKey: 'registers.filter.pointKind',
  statusOf: none,
  statusPrefix: null,
  locationOf: (record) => record.location,
  titleOf: (record) => record.name,
};

const measurements: RegisterDefinition<Measurement> = {
  columns: [
    {
      key: 'time',
      labelKey: 'registers.column.time',
      sortKey: (record) => Date.parse(record.time),
      cell: (record, _l, locale, timeZone) => dateTime(record.time, locale, timeZone),
    },
    {
      key: 'point',
      labelKey: 'registers.column.point',
      wide: true,
      cell: (record, lookups) => text(lookups.points.get(record.pointId)?.name ?? record.pointId),
    },
    {
      key: 'parameter',
      labelKey: 'registers.column.parameter',
      cell: (record, _l, locale) => enumCell(locale, 'registers.parameter.', record.parameter),
    },
    {
      key: 'value',
      labelKey: 'registers.column.value',
      numeric: true,
      cell: (record, _l, locale) => number(record.value, locale, 3, unitSymbol(record.unit, locale)),
    },
    review,
  ],
  defaultSort: { column: 0, descending: true },
  communityOf: none,
  inPeriod: (record, period) => dayInPeriod(record.time, period),
  categoryOf: (record) => record.parameter,
  categoryPrefix: 'registers.parameter.',
  categoryLabelKey: 'registers.filter.parameter',
  statusOf: none,
  statusPrefix: null,
  locationOf: (record, lookups) => lookups.points.get(record.pointId)?.location ?? null,
  titleOf: (record, lookups, locale) =>
    `${enumLabel(locale, 'registers.parameter.', record.parameter)} · ${lookups.points.get(record.pointId)?.name ?? record.pointId}`,
};

const contaminationEvents: RegisterDefinition<ContaminationEvent> = {
  columns: [
    {
      key: 'observedAt',
      labelKey: 'registers.column.observedAt',
      sortKey: (record) => Date.parse(record.observedAt),
      cell: (record, _l, locale, timeZone) => dateTime(record.observedAt, locale, timeZone),
    },
    {
      key: 'pollutantClass',
      labelKey: 'registers.column.pollutantClass',
      cell: (record, _l, locale) => enumCell(locale, 'registers.pollutant.', record.pollutantClass),
    },
    {
      key: 'source',
      labelKey: 'registers.column.suspectedSource',
      wide: true,
      cell: (record) => text(record.suspectedSource),
    },
    {
      key: 'status',
      labelKey: 'registers.column.status',
      cell: (record, _l, locale) => enumCell(locale, 'registers.eventStatus.', record.status),
    },
    review,
  ],
  defaultSort: { column: 0, descending: true },
  communityOf: none,
  inPeriod: (record, period) => dayInPeriod(record.observedAt, period),
  categoryOf: (record) => record.pollutantClass,
  categoryPrefix: 'registers.pollutant.',
  categoryLabelKey: 'registers.filter.pollutantClass',
  statusOf: (record) => record.status,
  statusPrefix: 'registers.eventStatus.',
  locationOf: (record) => record.location,
  titleOf: (record, _lookups, locale) =>
    `${enumLabel(locale, 'registers.pollutant.', record.pollutantClass)} · ${formatDate(record.observedAt, locale)}`,
};

const restorationSites: RegisterDefinition<RestorationSite> = {
  columns: [
    { key: 'name', labelKey: 'registers.column.name', wide: true, cell: (record) => text(record.name) },
    {
      key: 'community',
      labelKey: 'registers.column.community',
      cell: (record, lookups) => text(communityName(lookups, record.communityId)),
    },
    {
      key: 'activity',
      labelKey: 'registers.column.activity',
      cell: (record, _l, locale) => enumCell(locale, 'registers.activity.', record.activity),
    },
    {
      key: 'status',
      labelKey: 'registers.column.status',
      cell: (record, _l, locale) => enumCell(locale, 'registers.siteStatus.', record.status),
    },
    {
      key: 'planned',
      labelKey: 'registers.column.plannedArea',
      numeric: true,
      cell: (record, _l, locale) => number(record.plannedAreaHa, locale, 2, 'ha'),
    },
    {
      key: 'done',
      labelKey: 'registers.column.doneArea',
      numeric: true,
      cell: (record, _l, locale) => number(record.doneAreaHa, locale, 2, 'ha'),
    },
    {
      key: 'workDate',
      labelKey: 'registers.column.workDate',
      sortKey: (record) => Date.parse(dayIso(record.workDate)),
      cell: (record, _l, locale) => date(record.workDate, locale),
    },
    review,
  ],
  defaultSort: { column: 0, descending: false },
  communityOf: (record) => record.communityId,
  inPeriod: (record, period) => dayInPeriod(record.workDate, period),
  categoryOf: (record) => record.activity,
  categoryPrefix: 'registers.activity.',
  categoryLabelKey: 'registers.filter.activity',
  statusOf: (record) => record.status,
  statusPrefix: 'registers.siteStatus.',
  locationOf: (record) => centroid(record.geometry),
  titleOf: (record) => record.name,
};

const restorationVisits: RegisterDefinition<RestorationVisit> = {
  columns: [
    {
      key: 'date',
      labelKey: 'registers.column.date',
      sortKey: (record) => Date.parse(dayIso(record.date)),
      cell: (record, _l, locale) => date(record.date, locale),
    },
    {
      key: 'site',
      labelKey: 'registers.column.site',
      wide: true,
      cell: (record, lookups) => text(lookups.sites.get(record.siteId)?.name ?? record.siteId),
    },
    {
      key: 'community',
      labelKey: 'registers.column.community',
      cell: (record, lookups) => text(communityName(lookups, lookups.sites.get(record.siteId)?.communityId)),
    },
    {
      key: 'survival',
      labelKey: 'registers.column.survival',
      numeric: true,
      cell: (record, _l, locale) =>
        record.survivalRatePct === null ? { text: '—', sort: -1 } : number(record.survivalRatePct, locale, 0, '%'),
    },
    { key: 'notes', labelKey: 'registers.column.notes', wide: true, cell: (record) => text(record.notes) },
    review,
  ],
  defaultSort: { column: 0, descending: true },
  communityOf: (record, lookups) => lookups.sites.get(record.siteId)?.communityId ?? null,
  inPeriod: (record, period) => dayInPeriod(record.date, period),
  categoryOf: none,
  categoryPrefix: null,
  categoryLabelKey: null,
  statusOf: none,
  statusPrefix: null,
  locationOf: (record, lookups) => {
    const site = lookups.sites.get(record.siteId);
    return site ? centroid(site.geometry) : null;
  },
  titleOf: (record, lookups, locale) =>
    `${lookups.sites.get(record.siteId)?.name ?? record.siteId} · ${formatDate(record.date, locale)}`,
};

/** The table definition of every register. */
export const REGISTERS: { readonly [K in RegisterKind]: RegisterDefinition<RecordTypes[K]> } = {
  communities,
  intakes,
  withdrawals,
  monitoringPoints,
  measurements,
  contaminationEvents,
  restorationSites,
  restorationVisits,
};

/** The definition of a register, typed loosely for generic code (tables, panels). */
export function registerOf(kind: RegisterKind): RegisterDefinition<RecordMeta> {
  return REGISTERS[kind] as unknown as RegisterDefinition<RecordMeta>;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  m3: 'm³',
  'm3/s': 'm³/s',
  'm3/h': 'm³/h',
  'ug/L': 'µg/L',
  'CFU/100mL': 'UFC/100 mL',
  'MPN/100mL': 'NMP/100 mL',
};

/** How a stored unit id shows on screen (m3 -> m³); colony counts are UFC / NMP in Spanish and Portuguese. */
export function unitSymbol(unit: string, locale: Locale = 'es'): string {
  if (locale === 'en' && unit === 'CFU/100mL') return 'CFU/100 mL';
  if (locale === 'en' && unit === 'MPN/100mL') return 'MPN/100 mL';
  return SYMBOLS[unit] ?? unit;
}

/** What the filters of a table hold; empty strings mean "any". */
export interface TableFilters {
  readonly community: string;
  readonly category: string;
  readonly status: string;
  readonly review: string;
  readonly search: string;
}

/** Filters that let everything through. */
export const NO_FILTERS: TableFilters = { community: '', category: '', status: '', review: '', search: '' };

/** A record ready for the table: its cells and a lower-cased text to search in, both made when first read. */
export interface TableRow {
  readonly id: string;
  readonly record: RecordMeta;
  readonly cells: readonly Cell[];
  readonly haystack: string;
}

function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Formats a row's cells only when the table shows it, or a search or sort needs them. */
class LazyRow implements TableRow {
  private formatted: readonly Cell[] | null = null;
  private folded: string | null = null;

  constructor(
    readonly record: RecordMeta,
    private readonly format: (record: RecordMeta) => readonly Cell[],
  ) {}

  get id(): string {
    return this.record.id;
  }

  get cells(): readonly Cell[] {
    this.formatted ??= this.format(this.record);
    return this.formatted;
  }

  get haystack(): string {
    this.folded ??= fold(this.cells.map((cell) => cell.text).join(' '));
    return this.folded;
  }
}

/**
 * The table rows of a register, deleted records left out. Cells are formatted for the locale when first read, so a
 * register of a million rows opens without formatting every one.
 */
export function buildRows(
  kind: RegisterKind,
  records: readonly RecordMeta[],
  lookups: Lookups,
  locale: Locale,
  timeZone = 'UTC',
): TableRow[] {
  const definition = registerOf(kind);
  const format = (record: RecordMeta) =>
    definition.columns.map((column) => column.cell(record, lookups, locale, timeZone));
  const rows: TableRow[] = [];
  for (const record of records) if (!record.deleted) rows.push(new LazyRow(record, format));
  return rows;
}

/** The rows that pass the period and the filters, sorted by a column (or the register's default order). */
export function filterAndSort(
  kind: RegisterKind,
  rows: readonly TableRow[],
  lookups: Lookups,
  period: PeriodFilter,
  filters: TableFilters,
  sort: { readonly column: number; readonly descending: boolean } | null,
): TableRow[] {
  const definition = registerOf(kind);
  const words = fold(filters.search).split(/\s+/).filter(Boolean);
  const kept = rows.filter((row) => {
    const record = row.record;
    if (!definition.inPeriod(record, period)) return false;
    if (filters.community && definition.communityOf(record, lookups) !== filters.community) return false;
    if (filters.category && definition.categoryOf(record) !== filters.category) return false;
    if (filters.status && definition.statusOf(record) !== filters.status) return false;
    if (filters.review && record.reviewState !== filters.review) return false;
    return words.every((word) => row.haystack.includes(word));
  });
  const order = sort ?? definition.defaultSort;
  const column = definition.columns[order.column];
  // Each row's key is read once, not at every comparison.
  const keys = new Map<TableRow, string | number>();
  for (const row of kept) keys.set(row, column?.sortKey?.(row.record, lookups) ?? row.cells[order.column]?.sort ?? '');
  const direction = order.descending ? -1 : 1;
  kept.sort((a, b) => {
    const left = keys.get(a) ?? '';
    const right = keys.get(b) ?? '';
    if (left === right) return 0;
    if (typeof left === 'number' && typeof right === 'number') return (left - right) * direction;
    return String(left).localeCompare(String(right)) * direction;
  });
  return kept;
}
