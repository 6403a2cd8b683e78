import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Decision, Measurement, Withdrawal } from '../../../src/domain/records';
import { formatDate, formatQuantity } from '../../../src/i18n/format';
import type { Finding, FindingEvidence, FindingStatus } from '../../../src/rules/finding';
import { useT, type Translator } from '../../i18n/use-t';
import type { OverlayLayer } from '../../map/basin-map';
import { currentActor, type Session } from '../../session/session';
import { useSession } from '../../session/session-context';
import { currentMap, useMapStore } from '../../state/map-store';
import { useUiStore } from '../../state/ui-store';
import { isoOffset, localToday } from './engine';
import {
  clausesOf,
  conditionValue,
  factLabel,
  filterFindings,
  findingBadges,
  findingLocation,
  findingRemedy,
  findingSentence,
  formatPeriod,
  locationOf,
  NO_FILTERS,
  parameterLabel,
  SEVERITIES,
  STATUSES,
  yearsOf,
  type FindingFilters,
  type FindingPlaces,
} from './finding-view';
import { useFindingsEngine, useFindingsStore } from './findings-store';
import './findings.css';

/*
 * Findings in the app: the side tab lists them with filters, the map shows a badge at each subject, and the
 * details panel explains one (sentence, conditions, evidence, communities downstream, ladder, remedy, decisions)
 * and records a decision, the only way a finding's status changes.
 */

const PAGE = 100;

/** Table names of evidence kinds, as the details panel selects records. */
export const EVIDENCE_TABLES: Readonly<Record<FindingEvidence['kind'], string>> = {
  withdrawal: 'withdrawals',
  intake: 'intakes',
  measurement: 'measurements',
  'contamination-event': 'contaminationEvents',
  'restoration-site': 'restorationSites',
  'monitoring-point': 'monitoringPoints',
};

/** The small registers findings are named and placed with, following the store. */
export function useFindingPlaces(session: Session): FindingPlaces | undefined {
  return useLiveQuery(async () => {
    const [communities, intakes, points, events, sites] = await Promise.all([
      session.db.recordTable('communities').toArray(),
      session.db.recordTable('intakes').toArray(),
      session.db.recordTable('monitoringPoints').toArray(),
      session.db.recordTable('contaminationEvents').toArray(),
      session.db.recordTable('restorationSites').toArray(),
    ]);
    const byId = <T extends { id: string }>(rows: T[]): Map<string, T> => new Map(rows.map((row) => [row.id, row]));
    return {
      communities: byId(communities),
      intakes: byId(intakes),
      points: byId(points),
      events: byId(events),
      sites: byId(sites),
      anchors: new Map(session.basin.info.communities.map((community) => [community.id, community.anchor] as const)),
    };
  }, [session]);
}

function EvaluationState() {
  const t = useT();
  const status = useFindingsStore((state) => state.status);
  const count = useFindingsStore((state) => state.findings.length);
  const referenceDate = useFindingsStore((state) => state.referenceDate);
  const millis = useFindingsStore((state) => state.millis);
  if (status === 'idle') return null;
  return (
    <p className={`findings-state findings-state-${status}`} role="status" data-evaluation-ms={millis ?? undefined}>
      {status === 'evaluating' && t('findings.state.evaluating')}
      {status === 'ready' && t('findings.state.count', { count })}
      {status === 'error' && t('findings.state.error')}
      {status === 'ready' && referenceDate && (
        <span className="findings-judged">
          {' '}
          · {t('findings.state.judgedAt', { date: formatDate(referenceDate, t.locale, 'medium') })}
        </span>
      )}
    </p>
  );
}

function SeverityBadge({ finding }: { readonly finding: Finding }) {
  const t = useT();
  return (
    <span className={`finding-severity severity-${finding.severity}`}>{t(`rules.severity.${finding.severity}`)}</span>
  );
}

function StatusBadge({ status }: { readonly status: FindingStatus }) {
  const t = useT();
  return <span className={`finding-status status-${status}`}>{t(`findings.status.${status}`)}</span>;
}

/** Shows a finding on the map: its subject and the communities downstream it affects, all in view. */
function flyToFinding(finding: Finding, places: FindingPlaces | undefined): void {
  const at = places ? findingLocation(finding, places) : null;
  if (!at || !places) return;
  const anchors = finding.affectedCommunityIds
    .map((id) => places.anchors.get(id))
    .filter((anchor): anchor is readonly [number, number] => anchor !== undefined);
  const points: (readonly [number, number])[] = [at, ...anchors];
  if (points.length === 1) {
    currentMap()?.flyTo(at, 14);
    return;
  }
  const lons = points.map((point) => point[0]);
  const lats = points.map((point) => point[1]);
  currentMap()?.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], 80);
}

function FilterField({
  id,
  label,
  children,
}: {
  readonly id: string;
  readonly label: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="findings-filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function Filters({
  findings,
  filters,
  setFilters,
  places,
}: {
  readonly findings: readonly Finding[];
  readonly filters: FindingFilters;
  readonly setFilters: (filters: FindingFilters) => void;
  readonly places: FindingPlaces | undefined;
}) {
  const t = useT();
  const clauses = useMemo(() => clausesOf(findings), [findings]);
  const years = useMemo(() => yearsOf(findings), [findings]);
  const communities = useMemo(
    () =>
      [...(places?.communities.values() ?? [])]
        .filter((community) => !community.deleted)
        .sort((a, b) => a.name.localeCompare(b.name, t.locale)),
    [places, t.locale],
  );
  const id = useId();
  const set = (patch: Partial<FindingFilters>): void => setFilters({ ...filters, ...patch });
  const isFiltered = Object.values(filters).some((value) => value !== null);
  return (
    <fieldset className="findings-filters">
      <legend>{t('findings.filters.label')}</legend>
      <FilterField id={`${id}-clause`} label={t('findings.filters.clause')}>
        <select
          id={`${id}-clause`}
          value={filters.clauseId ?? ''}
          onChange={(event) => set({ clauseId: event.target.value || null })}
        >
          <option value="">{t('findings.filters.allClauses')}</option>
          {clauses.map((clause) => (
            <option key={clause.id} value={clause.id}>
              {t('findings.filters.clauseOption', {
                number: String(clause.number),
                kind: t(`rules.kind.${clause.kind}`),
              })}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id={`${id}-community`} label={t('findings.filters.community')}>
        <select
          id={`${id}-community`}
          value={filters.communityId ?? ''}
          onChange={(event) => set({ communityId: event.target.value || null })}
        >
          <option value="">{t('findings.filters.allCommunities')}</option>
          {communities.map((community) => (
            <option key={community.id} value={community.id}>
              {community.name}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id={`${id}-severity`} label={t('findings.filters.severity')}>
        <select
          id={`${id}-severity`}
          value={filters.severity ?? ''}
          onChange={(event) => set({ severity: (event.target.value || null) as FindingFilters['severity'] })}
        >
          <option value="">{t('findings.filters.allSeverities')}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`rules.severity.${severity}`)}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id={`${id}-status`} label={t('findings.filters.status')}>
        <select
          id={`${id}-status`}
          value={filters.status ?? ''}
          onChange={(event) => set({ status: (event.target.value || null) as FindingFilters['status'] })}
        >
          <option value="">{t('findings.filters.allStatuses')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`findings.status.${status}`)}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id={`${id}-period`} label={t('findings.filters.period')}>
        <select
          id={`${id}-period`}
          value={filters.period ?? ''}
          onChange={(event) => set({ period: event.target.value || null })}
        >
          <option value="">{t('findings.filters.allPeriods')}</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </FilterField>
      {isFiltered && (
        <button type="button" className="findings-clear" onClick={() => setFilters(NO_FILTERS)}>
          {t('findings.filters.clear')}
        </button>
      )}
    </fieldset>
  );
}

/** Side tab "Findings": every finding of the period, filtered, most severe first. */
export function FindingsPanel() {
  const t = useT();
  const session = useSession();
  const places = useFindingPlaces(session);
  const findings = useFindingsStore((state) => state.findings);
  const status = useFindingsStore((state) => state.status);
  const selection = useUiStore((state) => state.selection);
  const select = useUiStore((state) => state.select);
  const [filters, setFilters] = useState<FindingFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => (places ? filterFindings(findings, filters, places) : []), [findings, filters, places]);
  return (
    <section className="panel-section findings-panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t('findings.title')}</h2>
      <EvaluationState />
      <Filters
        findings={findings}
        filters={filters}
        setFilters={(next) => {
          setFilters(next);
          setLimit(PAGE);
        }}
        places={places}
      />
      {status === 'ready' && findings.length === 0 && <p className="findings-empty">{t('findings.list.none')}</p>}
      {findings.length > 0 && shown.length === 0 && <p className="findings-empty">{t('findings.list.empty')}</p>}
      {shown.length > 0 && (
        <p className="findings-count">
          {t('findings.list.shown', { shown: String(Math.min(limit, shown.length)), count: shown.length })}
        </p>
      )}
      <ul className="findings-list" aria-label={t('findings.list.label')}>
        {shown.slice(0, limit).map((finding) => (
          <li key={finding.id}>
            <button
              type="button"
              className="finding-item"
              aria-current={selection?.type === 'finding' && selection.id === finding.id ? 'true' : undefined}
              onClick={() => {
                select({ type: 'finding', id: finding.id });
                flyToFinding(finding, places);
              }}
            >
              <span className="finding-item-head">
                <SeverityBadge finding={finding} />
                <span className="finding-rung">{t(`rules.rung.${finding.rung}`)}</span>
                <StatusBadge status={finding.status} />
                <span className="finding-item-clause">
                  {t('findings.filters.clauseOption', {
                    number: String(finding.clauseNumber),
                    kind: t(`rules.kind.${finding.kind}`),
                  })}
                </span>
              </span>
              <span className="finding-sentence">{findingSentence(finding, t.locale)}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('findings.list.more', { count: String(Math.min(PAGE, shown.length - limit)) })}
        </button>
      )}
    </section>
  );
}

function evidenceLabel(
  t: Translator,
  evidence: FindingEvidence,
  places: FindingPlaces,
  records: EvidenceRecords | undefined,
): string {
  switch (evidence.kind) {
    case 'intake': {
      const intake = places.intakes.get(evidence.id);
      return intake
        ? t('findings.evidence.intake', { name: intake.name })
        : t('findings.evidence.missing', { id: evidence.id });
    }
    case 'monitoring-point': {
      const point = places.points.get(evidence.id);
      return point
        ? t('findings.evidence.point', { name: point.name })
        : t('findings.evidence.missing', { id: evidence.id });
    }
    case 'contamination-event': {
      const event = places.events.get(evidence.id);
      return event
        ? t('findings.evidence.event', {
            source: event.suspectedSource || t(`registers.pollutant.${event.pollutantClass}`),
            date: formatDate(event.observedAt, t.locale, 'medium'),
          })
        : t('findings.evidence.missing', { id: evidence.id });
    }
    case 'restoration-site': {
      const site = places.sites.get(evidence.id);
      return site
        ? t('findings.evidence.site', { name: site.name })
        : t('findings.evidence.missing', { id: evidence.id });
    }
    case 'withdrawal': {
      const withdrawal = records?.withdrawals.get(evidence.id);
      return withdrawal
        ? t('findings.evidence.withdrawal', {
            start: formatDate(withdrawal.periodStart.slice(0, 10), t.locale),
            end: formatDate(withdrawal.periodEnd.slice(0, 10), t.locale),
            volume: formatQuantity(withdrawal.volumeM3, 'm3', t.locale),
          })
        : t('findings.evidence.missing', { id: evidence.id });
    }
    case 'measurement': {
      const measurement = records?.measurements.get(evidence.id);
      return measurement
        ? t('findings.evidence.measurement', {
            parameter: parameterLabel(measurement.parameter, t.locale),
            value: measurement.value,
            unit: measurement.unit,
            date: formatDate(measurement.time.slice(0, 10), t.locale),
          })
        : t('findings.evidence.missing', { id: evidence.id });
    }
  }
}

interface EvidenceRecords {
  readonly withdrawals: ReadonlyMap<string, Withdrawal>;
  readonly measurements: ReadonlyMap<string, Measurement>;
}

function evidenceLocation(
  evidence: FindingEvidence,
  places: FindingPlaces,
  records: EvidenceRecords | undefined,
): [number, number] | null {
  if (evidence.kind === 'withdrawal') {
    const intakeId = records?.withdrawals.get(evidence.id)?.intakeId;
    return intakeId ? locationOf('intake', intakeId, places) : null;
  }
  if (evidence.kind === 'measurement') {
    const pointId = records?.measurements.get(evidence.id)?.pointId;
    return pointId ? locationOf('monitoring-point', pointId, places) : null;
  }
  return locationOf(evidence.kind, evidence.id, places);
}

function DecisionForm({ finding }: { readonly finding: Finding }) {
  const t = useT();
  const session = useSession();
  const actor = currentActor();
  const offset = session.basin.info.settings.utcOffsetMinutes;
  const [status, setStatus] = useState<FindingStatus>(finding.status === 'open' ? 'acknowledged' : finding.status);
  const [note, setNote] = useState('');
  const [date, setDate] = useState(localToday(offset));
  const [saving, setSaving] = useState(false);
  const formId = useId();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (actor.role !== 'coordinator') return <p className="findings-note">{t('findings.decide.coordinatorOnly')}</p>;
  const save = async (): Promise<void> => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setMessage({ kind: 'error', text: t('findings.decide.dateMissing') });
      return;
    }
    setSaving(true);
    // The time of day keeps two decisions of one day in the order they were recorded.
    const time = new Date(Date.now() + offset * 60_000).toISOString().slice(11, 19);
    const result = await session.repository.create(
      'decisions',
      {
        findingId: finding.id,
        meetingId: null,
        status,
        note: note.trim(),
        decidedAt: `${date}T${time}${isoOffset(offset)}`,
      },
      actor,
    );
    setSaving(false);
    if (result.ok) {
      setNote('');
      setMessage({ kind: 'ok', text: t('findings.decide.saved') });
    } else {
      setMessage({ kind: 'error', text: result.problems.map((problem) => t.message(problem)).join(' ') });
    }
  };
  return (
    <form
      className="decision-form"
      aria-labelledby="decide-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id="decide-heading">{t('findings.decide.title')}</h3>
      <label htmlFor={`${formId}-status`}>{t('findings.decide.status')}</label>
      <select
        id={`${formId}-status`}
        value={status}
        onChange={(event) => setStatus(event.target.value as FindingStatus)}
      >
        {STATUSES.map((option) => (
          <option key={option} value={option}>
            {t(`findings.status.${option}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${formId}-date`}>{t('findings.decide.date')}</label>
      <input
        id={`${formId}-date`}
        type="date"
        value={date}
        onChange={(event) => setDate(event.target.value)}
        required
      />
      <label htmlFor={`${formId}-note`}>{t('findings.decide.note')}</label>
      <textarea
        id={`${formId}-note`}
        value={note}
        rows={3}
        maxLength={5000}
        onChange={(event) => setNote(event.target.value)}
      />
      <button type="submit" className="primary" disabled={saving}>
        {saving ? t('findings.decide.saving') : t('findings.decide.save')}
      </button>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error' : 'findings-note'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

function Decisions({ findingId }: { readonly findingId: string }) {
  const t = useT();
  const session = useSession();
  const decisions = useLiveQuery(
    () => session.db.recordTable('decisions').where('findingId').equals(findingId).toArray(),
    [session, findingId],
  );
  const live = (decisions ?? [])
    .filter((decision) => !decision.deleted)
    .sort((a: Decision, b: Decision) => (a.decidedAt < b.decidedAt ? 1 : -1));
  return (
    <section aria-labelledby="decisions-heading">
      <h3 id="decisions-heading">{t('findings.panel.decisions')}</h3>
      {live.length === 0 ? (
        <p className="findings-note">{t('findings.panel.decisionsNone')}</p>
      ) : (
        <ul className="decision-list">
          {live.map((decision) => (
            <li key={decision.id}>
              <StatusBadge status={decision.status} />{' '}
              <span className="findings-note">
                {t('findings.panel.decisionBy', {
                  date: formatDate(decision.decidedAt.slice(0, 10), t.locale, 'medium'),
                  author: decision.author,
                })}
              </span>
              {decision.note && <p>{decision.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Ladder({ finding }: { readonly finding: Finding }) {
  const t = useT();
  const session = useSession();
  const agreement = useLiveQuery(
    () => session.db.recordTable('agreements').get(finding.agreementId),
    [session, finding.agreementId],
  );
  const ladder = agreement?.versions.find((version) => version.version === finding.agreementVersion)?.ladder;
  if (!ladder) return null;
  return (
    <section aria-labelledby="ladder-heading">
      <h3 id="ladder-heading">{t('findings.panel.ladder')}</h3>
      <ol className="ladder">
        {ladder.rungs.map((rung, index) => (
          <li key={`${rung}-${index}`} aria-current={index === finding.rungIndex ? 'step' : undefined}>
            {t(`rules.rung.${rung}`)}
          </li>
        ))}
      </ol>
      <p className="findings-note">
        {t('findings.panel.ladderPosition', {
          step: String(finding.rungIndex + 1),
          steps: String(ladder.rungs.length),
          days: String(ladder.windowDays),
        })}
      </p>
    </section>
  );
}

/** Detail panel of one finding: how it explains itself, and the decisions taken on it. */
export function FindingPanel({ id }: { readonly id: string }) {
  const t = useT();
  const session = useSession();
  const finding = useFindingsStore((state) => state.byId.get(id));
  const status = useFindingsStore((state) => state.status);
  const places = useFindingPlaces(session);
  const map = useMapStore((state) => state.map);
  const marks = useMemo(() => (finding && places ? selectionMarks(finding, places) : null), [finding, places]);
  useEffect(() => {
    if (!map || !marks) return undefined;
    map.setOverlay(SELECTION_OVERLAY, marks, SELECTION_LAYERS);
    return () => map.removeOverlay(SELECTION_OVERLAY);
  }, [map, marks]);
  const select = useUiStore((state) => state.select);
  const evidenceIds = finding?.evidence ?? [];
  const records = useLiveQuery(async (): Promise<EvidenceRecords> => {
    const withdrawalIds = evidenceIds
      .filter((evidence) => evidence.kind === 'withdrawal')
      .map((evidence) => evidence.id);
    const measurementIds = evidenceIds
      .filter((evidence) => evidence.kind === 'measurement')
      .map((evidence) => evidence.id);
    const [withdrawals, measurements] = await Promise.all([
      session.db.recordTable('withdrawals').bulkGet(withdrawalIds),
      session.db.recordTable('measurements').bulkGet(measurementIds),
    ]);
    return {
      withdrawals: new Map(withdrawals.flatMap((row) => (row ? [[row.id, row] as const] : []))),
      measurements: new Map(measurements.flatMap((row) => (row ? [[row.id, row] as const] : []))),
    };
  }, [session, JSON.stringify(evidenceIds)]);

  if (!finding) {
    return (
      <div className="finding-panel">
        <h2>{t('findings.title')}</h2>
        <p>{status === 'ready' ? t('findings.panel.notFound') : t('findings.panel.loading')}</p>
      </div>
    );
  }
  const communityName = (communityId: string): string =>
    places?.communities.get(communityId)?.name ??
    session.basin.info.communities.find((community) => community.id === communityId)?.name ??
    communityId;
  return (
    <article className="finding-panel" aria-labelledby="finding-heading">
      <p className="finding-kicker">
        {t('findings.panel.clause', {
          number: String(finding.clauseNumber),
          version: String(finding.clauseVersion),
          kind: t(`rules.kind.${finding.kind}`),
        })}
      </p>
      <h2 id="finding-heading" className="finding-panel-sentence">
        {findingSentence(finding, t.locale)}
      </h2>
      <p className="finding-item-head">
        <SeverityBadge finding={finding} />
        <span className="finding-rung">{t(`rules.rung.${finding.rung}`)}</span>
        <StatusBadge status={finding.status} />
      </p>
      <dl className="finding-facts">
        <dt>{t('findings.panel.period')}</dt>
        <dd>
          {formatPeriod(
            /^\d{4}(-\d{2}){0,2}$/.test(finding.period.key)
              ? finding.period.key
              : `${finding.period.start}/${finding.period.end}`,
            t.locale,
          )}
        </dd>
      </dl>
      <section aria-labelledby="conditions-heading">
        <h3 id="conditions-heading">{t('findings.panel.conditions')}</h3>
        <table className="conditions">
          <thead>
            <tr>
              <th scope="col">{t('findings.panel.fact')}</th>
              <th scope="col">{t('findings.panel.observed')}</th>
              <th scope="col">{t('findings.panel.limit')}</th>
            </tr>
          </thead>
          <tbody>
            {finding.conditions.map((condition, index) => (
              <tr key={`${condition.fact}-${index}`}>
                <th scope="row">{factLabel(condition, t.locale)}</th>
                <td className="observed">{conditionValue(condition.observed, condition.unit, t.locale)}</td>
                <td>
                  {t(`rules.operator.${condition.operator}`)}{' '}
                  {conditionValue(condition.limit, condition.unit, t.locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="evidence-heading">
        <h3 id="evidence-heading">{t('findings.panel.evidence')}</h3>
        <p className="findings-note">{t('findings.panel.evidenceHint')}</p>
        <ul className="evidence-list">
          {finding.evidence.map((evidence) => (
            <li key={`${evidence.kind}:${evidence.id}`}>
              <button
                type="button"
                onClick={() => {
                  const at = places ? evidenceLocation(evidence, places, records) : null;
                  if (at) currentMap()?.flyTo(at, 15);
                  select({ type: 'record', kind: EVIDENCE_TABLES[evidence.kind], id: evidence.id });
                }}
              >
                {places ? evidenceLabel(t, evidence, places, records) : evidence.id}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="affected-heading">
        <h3 id="affected-heading">{t('findings.panel.affected')}</h3>
        {finding.affectedCommunities.length === 0 ? (
          <p className="findings-note">{t('findings.panel.affectedNone')}</p>
        ) : (
          <ul className="affected-list">
            {finding.affectedCommunities.map((affected) => (
              <li key={affected.communityId}>
                {t('findings.panel.affectedItem', {
                  community: communityName(affected.communityId),
                  distanceKm: affected.distanceKm,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Ladder finding={finding} />
      <section aria-labelledby="remedy-heading">
        <h3 id="remedy-heading">{t('findings.panel.remedy')}</h3>
        <p>{findingRemedy(finding, t.locale)}</p>
      </section>
      <Decisions findingId={finding.id} />
      <DecisionForm key={finding.id} finding={finding} />
    </article>
  );
}

const SELECTION_OVERLAY = 'finding-selected';

/** The selected finding on the map: a ring at its subject and a dot at each community downstream it affects. */
function selectionMarks(finding: Finding, places: FindingPlaces): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  const at = findingLocation(finding, places);
  if (at)
    features.push({ type: 'Feature', properties: { role: 'subject' }, geometry: { type: 'Point', coordinates: at } });
  for (const communityId of finding.affectedCommunityIds) {
    const anchor = places.anchors.get(communityId);
    if (anchor)
      features.push({
        type: 'Feature',
        properties: { role: 'affected' },
        geometry: { type: 'Point', coordinates: [anchor[0], anchor[1]] },
      });
  }
  return { type: 'FeatureCollection', features };
}

const SELECTION_LAYERS: readonly OverlayLayer[] = [
  {
    id: 'finding-selected-affected',
    type: 'circle',
    filter: ['==', ['get', 'role'], 'affected'],
    paint: {
      'circle-radius': 7,
      'circle-color': '#6d28d9',
      'circle-opacity': 0.85,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    id: 'finding-selected-subject',
    type: 'circle',
    filter: ['==', ['get', 'role'], 'subject'],
    paint: {
      'circle-radius': 16,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#1d2a22',
      'circle-stroke-width': 3,
    },
  },
];

const BADGE_LAYERS: readonly OverlayLayer[] = [
  {
    id: 'findings-badge-halo',
    type: 'circle',
    paint: { 'circle-radius': 11, 'circle-color': '#ffffff', 'circle-opacity': 0.9, 'circle-translate': [10, -10] },
  },
  {
    id: 'findings-badge',
    type: 'circle',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 6, 10, 8, 50, 10],
      'circle-translate': [10, -10],
      'circle-color': ['match', ['get', 'severity'], 'high', '#b42318', 'medium', '#d97706', '#ca8a04'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
];

/** Starts the findings worker, draws a badge at each subject with open findings, and shows the evaluation state. */
export function FindingOverlays() {
  const session = useSession();
  useFindingsEngine(session);
  const map = useMapStore((state) => state.map);
  const findings = useFindingsStore((state) => state.findings);
  const places = useFindingPlaces(session);
  const badges = useMemo(() => (places ? findingBadges(findings, places) : null), [findings, places]);
  useEffect(() => {
    if (!map || !badges) return;
    map.setOverlay('findings', badges, BADGE_LAYERS, { clickable: true });
  }, [map, badges]);
  useEffect(() => () => currentMap()?.removeOverlay('findings'), []);
  return (
    <div className="findings-map-state">
      <EvaluationState />
    </div>
  );
}
