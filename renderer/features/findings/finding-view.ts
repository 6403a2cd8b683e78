import type { ClauseKind } from '../../../src/domain/agreement';
import type {
  Community,
  ContaminationEvent,
  Intake,
  MonitoringPoint,
  RestorationSite,
} from '../../../src/domain/records';
import type { Locale } from '../../../src/i18n/define';
import { formatDate, formatMonth, formatNumber, formatQuantity, type UnitKey } from '../../../src/i18n/format';
import { hasMessage, translate } from '../../../src/i18n/translate';
import type { Finding, FindingCondition, FindingStatus, Severity } from '../../../src/rules/finding';

/*
 * How findings read and where they sit: the sentence with its period in words, conditions with units, the
 * community a finding concerns, filters of the list and badges on the map. Pure functions of the findings and the
 * few small registers (communities, intakes, points, events, sites) the page already holds.
 */

/** The small registers a finding is placed and named with. */
export interface FindingPlaces {
  readonly communities: ReadonlyMap<string, Community>;
  readonly intakes: ReadonlyMap<string, Intake>;
  readonly points: ReadonlyMap<string, MonitoringPoint>;
  readonly events: ReadonlyMap<string, ContaminationEvent>;
  readonly sites: ReadonlyMap<string, RestorationSite>;
  /** Each community's anchor on the map (basin.json). */
  readonly anchors: ReadonlyMap<string, readonly [number, number]>;
}

/** Filters of the findings list; null means any. */
export interface FindingFilters {
  readonly clauseId: string | null;
  readonly communityId: string | null;
  readonly severity: Severity | null;
  readonly status: FindingStatus | null;
  /** A year ('2026') or month ('2026-03') the finding's period must overlap. */
  readonly period: string | null;
}

/** No filter set. */
export const NO_FILTERS: FindingFilters = {
  clauseId: null,
  communityId: null,
  severity: null,
  status: null,
  period: null,
};

/** Statuses a decision can set, in the order of the decision form. */
export const STATUSES: readonly FindingStatus[] = ['open', 'acknowledged', 'sanctioned', 'resolved', 'dismissed'];
/** Severities, highest first (the order of the list). */
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/**
 * A period key or label in words: a month, a day, a year, or an interval of two dates.
 * @example formatPeriod('2026-03', 'es') === 'marzo de 2026'
 */
export function formatPeriod(key: string, locale: Locale): string {
  if (/^\d{4}-\d{2}$/.test(key)) return formatMonth(key, locale);
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return formatDate(key, locale, 'medium');
  const interval = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (interval) return `${formatDate(interval[1]!, locale, 'medium')} – ${formatDate(interval[2]!, locale, 'medium')}`;
  return key;
}

/** A water-quality parameter's name in `locale` ('turbidity' -> 'turbiedad'); unknown ones read as themselves. */
export function parameterLabel(parameter: string, locale: Locale): string {
  const key = `findings.parameter.${parameter}`;
  return hasMessage(key) ? translate(locale, key) : parameter;
}

/** Notes of WHO guideline values (data/guidelines), by the English text the table stores. */
const BASIS_NOTES: Readonly<Record<string, string>> = {
  'as NO3': 'asNO3',
  'as NO2': 'asNO2',
  inorganic: 'inorganic',
  total: 'total',
  'operational range': 'operationalRange',
  'acceptability; 1 NTU for disinfection': 'turbidity',
};

/**
 * The source of a guideline value in `locale`: WHO's notes are translated ('WHO 2022 (as NO3)' -> 'OMS 2022 (como
 * NO3)'); a national standard's name is the committee's own words and stays as written.
 * @example basisLabel('WHO 2022 (as NO3)', 'es') === 'OMS 2022 (como NO3)'
 */
export function basisLabel(basis: string, locale: Locale): string {
  const who = /^WHO (\d{4})(?: \((.+)\))?$/.exec(basis);
  if (!who) return basis;
  const source = translate(locale, 'findings.basis.who', { year: who[1] ?? '' });
  const note = who[2];
  if (note === undefined) return source;
  const key = BASIS_NOTES[note];
  return `${source} (${key ? translate(locale, `findings.basis.note.${key}`) : note})`;
}

/** The finding's sentence in `locale`, its period in words and its guideline source translated. */
export function findingSentence(finding: Finding, locale: Locale): string {
  // Numbers are printed by translate, with enough decimals to tell a value from its limit (0,012 against 0,01).
  const params: Record<string, string | number> = { ...finding.sentence.params };
  if (typeof params['period'] === 'string') params['period'] = formatPeriod(params['period'], locale);
  if (typeof params['basis'] === 'string') params['basis'] = basisLabel(params['basis'], locale);
  // Colony counts are UFC/NMP in Spanish and Portuguese (unidades formadoras de colonias, número más probable).
  if (typeof params['unit'] === 'string' && locale !== 'en')
    params['unit'] = params['unit'].replace('CFU', 'UFC').replace('MPN', 'NMP');
  if (typeof params['parameter'] === 'string') params['parameter'] = parameterLabel(params['parameter'], locale);
  return translate(locale, finding.sentence.code, params);
}

/** The suggested remedy in `locale`. */
export function findingRemedy(finding: Finding, locale: Locale): string {
  return translate(locale, finding.remedy.code, finding.remedy.params);
}

const UNIT_KEYS: Readonly<Record<string, UnitKey>> = {
  m3: 'm3',
  'm3/s': 'm3s',
  'mg/L': 'mgl',
  ha: 'ha',
  m: 'm',
  km: 'km',
  h: 'h',
};

/** A condition's value (observed or limit) with its unit, in `locale`. */
export function conditionValue(value: number | string, unit: string, locale: Locale): string {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDate(value, locale, 'medium') : value;
  const key = UNIT_KEYS[unit];
  if (key) return formatQuantity(value, key, locale, 3);
  if (unit === 'count' || unit === 'date') return formatNumber(value, locale);
  if (unit === 'days') return translate(locale, 'findings.unit.days', { count: value });
  return `${formatNumber(value, locale, 3)}\u00a0${unit}`;
}

/** The label of a condition's fact (a water-quality parameter reads as itself when it has no label). */
export function factLabel(condition: FindingCondition, locale: Locale): string {
  const key = `rules.fact.${condition.fact}`;
  return hasMessage(key) ? translate(locale, key) : parameterLabel(condition.fact, locale);
}

/** The community a finding is about: the subject community, the intake's or the site's owner, else null. */
export function communityOfFinding(finding: Finding, places: FindingPlaces): string | null {
  const { type, id } = finding.subject;
  if (type === 'community') return id;
  if (type === 'intake') return places.intakes.get(id)?.communityId ?? null;
  if (type === 'site') return places.sites.get(id)?.communityId ?? null;
  return null;
}

/** True when the period [start, end] overlaps a year or month key. */
export function periodOverlaps(period: { start: string; end: string }, key: string): boolean {
  const from = key.length === 4 ? `${key}-01-01` : `${key}-01`;
  const to = key.length === 4 ? `${key}-12-31` : `${key}-31`;
  return period.start <= to && period.end >= from;
}

/** The findings that pass the filters, most severe first, then newest period, then id. */
export function filterFindings(
  findings: readonly Finding[],
  filters: FindingFilters,
  places: FindingPlaces,
): Finding[] {
  const rank = (finding: Finding): number => SEVERITIES.indexOf(finding.severity);
  return findings
    .filter(
      (finding) =>
        (filters.clauseId === null || finding.clauseId === filters.clauseId) &&
        (filters.severity === null || finding.severity === filters.severity) &&
        (filters.status === null || finding.status === filters.status) &&
        (filters.period === null || periodOverlaps(finding.period, filters.period)) &&
        (filters.communityId === null ||
          communityOfFinding(finding, places) === filters.communityId ||
          finding.affectedCommunityIds.includes(filters.communityId)),
    )
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.period.start < b.period.start ? 1 : a.period.start > b.period.start ? -1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
}

/** The years present in the findings' periods, newest first (choices of the period filter). */
export function yearsOf(findings: readonly Finding[]): string[] {
  const years = new Set<string>();
  for (const finding of findings) {
    for (let year = Number(finding.period.start.slice(0, 4)); year <= Number(finding.period.end.slice(0, 4)); year++)
      years.add(String(year));
  }
  return [...years].sort().reverse();
}

/** The clauses present in the findings, by number: id, number and kind (choices of the clause filter). */
export function clausesOf(findings: readonly Finding[]): { id: string; number: number; kind: ClauseKind }[] {
  const clauses = new Map<string, { id: string; number: number; kind: ClauseKind }>();
  for (const finding of findings)
    clauses.set(finding.clauseId, { id: finding.clauseId, number: finding.clauseNumber, kind: finding.kind });
  return [...clauses.values()].sort((a, b) => a.number - b.number);
}

function centroid(coordinates: readonly (readonly number[])[]): [number, number] {
  let lon = 0;
  let lat = 0;
  for (const position of coordinates) {
    lon += position[0]!;
    lat += position[1]!;
  }
  return [lon / Math.max(1, coordinates.length), lat / Math.max(1, coordinates.length)];
}

/** Where a record of the evidence (or a subject) sits on the map, or null. */
export function locationOf(kind: string, id: string, places: FindingPlaces): [number, number] | null {
  switch (kind) {
    case 'intake':
      return places.intakes.get(id)?.location ?? null;
    case 'monitoring-point':
    case 'point':
      return places.points.get(id)?.location ?? null;
    case 'contamination-event':
    case 'event':
      return places.events.get(id)?.location ?? null;
    case 'community': {
      const anchor = places.anchors.get(id);
      return anchor ? [anchor[0], anchor[1]] : null;
    }
    case 'restoration-site':
    case 'site': {
      const geometry = places.sites.get(id)?.geometry;
      if (!geometry) return null;
      if (geometry.type === 'LineString') return centroid(geometry.coordinates);
      if (geometry.type === 'Polygon') return centroid(geometry.coordinates[0] ?? []);
      return centroid(geometry.coordinates[0]?.[0] ?? []);
    }
    default:
      return null;
  }
}

/** Where a finding's badge goes: at its subject, else at its first evidence that has a place. */
export function findingLocation(finding: Finding, places: FindingPlaces): [number, number] | null {
  const atSubject = locationOf(finding.subject.type, finding.subject.id, places);
  if (atSubject) return atSubject;
  for (const evidence of finding.evidence) {
    const at = locationOf(evidence.kind, evidence.id, places);
    if (at) return at;
  }
  return null;
}

const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3 };

/**
 * Map badges: one point per subject place with how many open findings it has and the worst severity, carrying
 * `kind: 'finding'` and the id of its most severe finding, so a click opens that finding.
 */
export function findingBadges(
  findings: readonly Finding[],
  places: FindingPlaces,
): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const byPlace = new Map<string, { at: [number, number]; count: number; worst: Finding }>();
  for (const finding of findings) {
    if (finding.status === 'resolved' || finding.status === 'dismissed') continue;
    const at = findingLocation(finding, places);
    if (!at) continue;
    const key = `${at[0].toFixed(6)},${at[1].toFixed(6)}`;
    const known = byPlace.get(key);
    if (!known) byPlace.set(key, { at, count: 1, worst: finding });
    else {
      known.count++;
      const worse = SEVERITY_WEIGHT[finding.severity] - SEVERITY_WEIGHT[known.worst.severity];
      if (worse > 0 || (worse === 0 && finding.period.start > known.worst.period.start)) known.worst = finding;
    }
  }
  return {
    type: 'FeatureCollection',
    features: [...byPlace.values()].map(({ at, count, worst }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: {
        kind: 'finding',
        id: worst.id,
        count,
        severity: worst.severity,
        label: count > 99 ? '99+' : String(count),
      },
    })),
  };
}
