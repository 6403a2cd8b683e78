import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../session/session-context';
import { currentActor } from '../../session/session';
import { useUiStore } from '../../state/ui-store';
import type { Measurement, MonitoringPoint } from '../../../src/domain/records';
import {
  assessSample,
  isExceedance,
  NATIONAL_STANDARD_META_KEY,
  unitsFor,
  type SampleAssessment,
} from '../../../src/field/guidelines';
import type { GuidelineTable } from '../../../src/rules/who-guidelines';
import { inPeriod, isoOfLocalInput, localInputOf } from '../../../src/field/time';
import { decimalSeparatorOf, formatDate, formatDateTime, formatNumber } from '../../../src/i18n/format';
import { parseLocaleNumber } from '../../../src/io/number-parse';
import { FormButtons, FormError, problemsText, useBasinClock, useT } from './common';
import { COLOMBIA_FILE, SAMPLE_PARAMETERS, WHO_FILE, useGuidelines } from './guidelines-data';
import type { Translator } from '../../i18n/use-t';

/*
 * Water quality: a form for one sample (or a gauge's discharge) at a monitoring point, the guideline values the
 * committee compares against (WHO by default, its national standard over them), and, in a point's or a sample's
 * panel, each parameter against its guideline with a small time series.
 */

/** A parameter's name in the user's language (unknown keys shown as stored). */
export function parameterName(t: Translator, parameter: string): string {
  const key = `registers.parameter.${parameter}`;
  const text = t(key);
  return text === key ? parameter : text;
}

/** A unit as people write it (ug/L as µg/L, m3/s as m³/s; colony counts as UFC and NMP in Spanish and Portuguese). */
export function unitText(unit: string, locale: Translator['locale'] = 'en'): string {
  const written = unit.replace('ug/L', 'µg/L').replace('m3/s', 'm³/s').replace('/100mL', '/100 mL');
  return locale === 'en' ? written : written.replace('CFU', 'UFC').replace('MPN', 'NMP');
}

function number(t: Translator, value: number): string {
  return formatNumber(value, t.locale, Math.abs(value) < 0.1 && value !== 0 ? 4 : 2);
}

/** One sentence on a sample against the guideline in force. */
export function assessmentText(t: Translator, assessment: SampleAssessment, tableName: string): string {
  switch (assessment.status) {
    case 'above':
      return t('field.quality.above', {
        limit: `${number(t, assessment.limit)} ${unitText(assessment.entry.unit, t.locale)}`,
        table: tableName,
      });
    case 'below':
      return t('field.quality.belowMinimum', {
        limit: `${number(t, assessment.limit)} ${unitText(assessment.entry.unit, t.locale)}`,
        table: tableName,
      });
    case 'within':
      return t('field.quality.within', { table: tableName });
    case 'not-detected':
      return t('field.quality.notDetected');
    case 'unit-mismatch':
      return t('field.quality.unitMismatch', { unit: unitText(assessment.entry.unit, t.locale) });
    case 'no-guideline':
      return t('field.quality.noGuideline');
  }
}

/** "Add a sample" and the guideline settings, above the monitoring points' and measurements' tables. */
export function QualityActions() {
  const t = useT();
  const [open, setOpen] = useState<'sample' | 'guidelines' | null>(null);
  return (
    <div className="field-actions">
      <div className="field-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => setOpen(open === 'sample' ? null : 'sample')}
          aria-expanded={open === 'sample'}
        >
          {t('field.quality.addSample')}
        </button>
        <button
          type="button"
          onClick={() => setOpen(open === 'guidelines' ? null : 'guidelines')}
          aria-expanded={open === 'guidelines'}
        >
          {t('field.guidelines.open')}
        </button>
      </div>
      {open === 'sample' && <SampleForm onClose={() => setOpen(null)} />}
      {open === 'guidelines' && <GuidelineSettings onClose={() => setOpen(null)} />}
    </div>
  );
}

function SampleForm({ onClose, pointId }: { readonly onClose: () => void; readonly pointId?: string }) {
  const t = useT();
  const { db, repository } = useSession();
  const clock = useBasinClock();
  const select = useUiStore((state) => state.select);
  const { table } = useGuidelines();
  const points = useLiveQuery(() => db.recordTable('monitoringPoints').toArray(), [db]);
  const live = (points ?? []).filter((point) => !point.deleted);
  const [point, setPoint] = useState(pointId ?? '');
  const chosenPoint = point || live.find((candidate) => candidate.kind === 'quality')?.id || live[0]?.id || '';
  const [parameter, setParameter] = useState('ecoli');
  const units = unitsFor(parameter, table);
  const [unit, setUnit] = useState(units[0] ?? 'mg/L');
  const chosenUnit = units.includes(unit) ? unit : (units[0] ?? 'mg/L');
  const [valueText, setValueText] = useState('');
  const [limitText, setLimitText] = useState('');
  const [time, setTime] = useState(() => localInputOf(new Date(), clock.offsetMinutes));
  const [error, setError] = useState<string | null>(null);
  const decimal = decimalSeparatorOf(t.locale);
  const value = parseLocaleNumber(valueText, decimal);
  const limit = limitText.trim() ? parseLocaleNumber(limitText, decimal) : null;
  const preview =
    value.ok && (!limit || limit.ok)
      ? assessSample(
          { parameter, value: value.value, unit: chosenUnit, detectionLimit: limit?.ok ? limit.value : undefined },
          table,
        )
      : null;

  const save = async (submit: React.FormEvent) => {
    submit.preventDefault();
    if (!chosenPoint) return setError(t('field.quality.noPoint'));
    if (!value.ok) return setError(t('field.quality.badValue', { problem: t(value.code) }));
    if (limit && !limit.ok) return setError(t('field.quality.badLimit', { problem: t(limit.code) }));
    if (value.value < 0) return setError(t('field.quality.negative'));
    if (limit?.ok && limit.value < 0) return setError(t('field.quality.negative'));
    const timeIso = isoOfLocalInput(time, clock.offsetMinutes);
    if (!timeIso) return setError(t('field.form.badTime'));
    const result = await repository.create(
      'measurements',
      {
        pointId: chosenPoint,
        parameter,
        value: value.value,
        unit: chosenUnit,
        time: timeIso,
        ...(limit?.ok ? { detectionLimit: limit.value } : {}),
      },
      currentActor(),
    );
    if (!result.ok) return setError(problemsText(t, result.problems));
    onClose();
    select({ type: 'record', kind: 'monitoringPoints', id: chosenPoint });
  };

  return (
    <form className="field-form" onSubmit={(submit) => void save(submit)} aria-labelledby="field-sample-title">
      <h3 id="field-sample-title">{t('field.quality.newSample')}</h3>
      <label className="field-wide">
        {t('field.quality.point')}
        <select value={chosenPoint} onChange={(change) => setPoint(change.target.value)}>
          {live.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({t(`field.quality.pointKind.${candidate.kind}`)})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.quality.parameter')}
        <select value={parameter} onChange={(change) => setParameter(change.target.value)}>
          {SAMPLE_PARAMETERS.map((option) => (
            <option key={option} value={option}>
              {parameterName(t, option)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.quality.value')}
        <input
          type="text"
          inputMode="decimal"
          value={valueText}
          onChange={(change) => setValueText(change.target.value)}
          required
        />
      </label>
      <label>
        {t('field.quality.unit')}
        <select value={chosenUnit} onChange={(change) => setUnit(change.target.value)}>
          {units.map((option) => (
            <option key={option} value={option}>
              {unitText(option, t.locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-wide">
        {t('field.quality.time')}
        <input type="datetime-local" value={time} onChange={(change) => setTime(change.target.value)} required />
      </label>
      <label>
        {t('field.quality.detectionLimit')}
        <input
          type="text"
          inputMode="decimal"
          value={limitText}
          onChange={(change) => setLimitText(change.target.value)}
        />
      </label>
      {preview && (
        <p className={isExceedance(preview) ? 'field-exceeds' : 'field-hint'} role="status">
          {assessmentText(t, preview, table.name)}
        </p>
      )}
      <FormError text={error} />
      <FormButtons onCancel={onClose} />
    </form>
  );
}

interface OverrideRow {
  readonly max: string;
  readonly min: string;
}

/** WHO values beside the committee's national standard, which it can fill from a preset and edit. */
function GuidelineSettings({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const { repository } = useSession();
  const { stored } = useGuidelines();
  const decimal = decimalSeparatorOf(t.locale);
  const storedTable = stored && typeof stored === 'object' ? (stored as GuidelineTable) : null;
  const show = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : formatNumber(value, t.locale, 6);
  const rowsOf = (source: GuidelineTable | null): Record<string, OverrideRow> =>
    Object.fromEntries(
      Object.keys(WHO_FILE.entries).map((key) => [
        key,
        { max: show(source?.entries[key]?.maxValue), min: show(source?.entries[key]?.minValue) },
      ]),
    );
  const [name, setName] = useState(storedTable?.name ?? '');
  const [rows, setRows] = useState<Record<string, OverrideRow>>(() => rowsOf(storedTable));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const fillColombia = () => {
    setName(COLOMBIA_FILE.name);
    setRows(rowsOf({ name: COLOMBIA_FILE.name, entries: COLOMBIA_FILE.entries }));
  };

  const save = async (submit: React.FormEvent) => {
    submit.preventDefault();
    const entries: Record<string, GuidelineTable['entries'][string]> = {};
    for (const [key, row] of Object.entries(rows)) {
      if (!row.max.trim() && !row.min.trim()) continue;
      const base = WHO_FILE.entries[key]!;
      const max = row.max.trim() ? parseLocaleNumber(row.max, decimal) : null;
      const min = row.min.trim() ? parseLocaleNumber(row.min, decimal) : null;
      if ((max && (!max.ok || max.value < 0)) || (min && (!min.ok || min.value < 0))) {
        return setError(t('field.guidelines.badValue', { parameter: parameterName(t, key) }));
      }
      entries[key] = {
        unit: base.unit,
        maxValue: max?.ok ? max.value : base.maxValue,
        minValue: min?.ok ? min.value : base.minValue,
        basis: name.trim() || t('field.guidelines.nationalDefault'),
        health: base.health,
      };
    }
    if (Object.keys(entries).length > 0 && !name.trim()) return setError(t('field.guidelines.nameNeeded'));
    await repository.setMeta(
      NATIONAL_STANDARD_META_KEY,
      Object.keys(entries).length > 0 ? { name: name.trim(), entries } : null,
    );
    setError(null);
    setSaved(true);
  };

  return (
    <form className="field-form" onSubmit={(submit) => void save(submit)} aria-labelledby="field-guidelines-title">
      <h3 id="field-guidelines-title">{t('field.guidelines.title')}</h3>
      <p className="field-hint">{t('field.guidelines.explain', { who: WHO_FILE.name })}</p>
      <div className="field-buttons">
        <button type="button" onClick={fillColombia}>
          {t('field.guidelines.fillColombia')}
        </button>
        <button
          type="button"
          onClick={() => {
            setName('');
            setRows(rowsOf(null));
          }}
        >
          {t('field.guidelines.clear')}
        </button>
      </div>
      <label className="field-wide">
        {t('field.guidelines.name')}
        <input type="text" value={name} maxLength={200} onChange={(change) => setName(change.target.value)} />
      </label>
      <table className="field-table" aria-label={t('field.guidelines.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('field.quality.parameter')}</th>
            <th scope="col">{t('field.guidelines.who')}</th>
            <th scope="col">{t('field.guidelines.nationalMax')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(WHO_FILE.entries).map(([key, entry]) => (
            <tr key={key}>
              <th scope="row" title={entry.reference}>
                {parameterName(t, key)}
                <small className="field-sub">{unitText(entry.unit, t.locale)}</small>
              </th>
              <td className="field-number">
                {entry.minValue !== null && `${show(entry.minValue)}–`}
                {show(entry.maxValue)}
              </td>
              <td>
                {entry.minValue !== null && (
                  <input
                    type="text"
                    inputMode="decimal"
                    size={4}
                    aria-label={t('field.guidelines.minFor', { parameter: parameterName(t, key) })}
                    value={rows[key]?.min ?? ''}
                    onChange={(change) =>
                      setRows({ ...rows, [key]: { max: rows[key]?.max ?? '', min: change.target.value } })
                    }
                  />
                )}
                <input
                  type="text"
                  inputMode="decimal"
                  size={5}
                  aria-label={t('field.guidelines.maxFor', { parameter: parameterName(t, key) })}
                  value={rows[key]?.max ?? ''}
                  onChange={(change) =>
                    setRows({ ...rows, [key]: { min: rows[key]?.min ?? '', max: change.target.value } })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">
        {t('field.guidelines.source', { title: WHO_FILE.title, reference: WHO_FILE.reference })}
      </p>
      <FormError text={error} />
      {saved && (
        <p role="status" className="field-ok">
          {t('field.guidelines.saved')}
        </p>
      )}
      <FormButtons onCancel={onClose} cancelKey="field.close" />
    </form>
  );
}

/** Measurements of a point within the shared period, live, oldest first. */
function usePointMeasurements(pointId: string): Measurement[] | undefined {
  const { repository } = useSession();
  const period = useUiStore((state) => state.period);
  const all = useLiveQuery(
    async () => (pointId ? repository.listWhere('measurements', 'pointId', pointId) : []),
    [repository, pointId],
  );
  return useMemo(
    () =>
      all
        ?.filter((measurement) => inPeriod(measurement.time, period))
        .sort((a, b) => Date.parse(a.time) - Date.parse(b.time)),
    [all, period],
  );
}

/** A monitoring point's panel section: each parameter's latest value against its guideline, and a chart. */
export function PointSection({ id }: { readonly id: string }) {
  const t = useT();
  const { db } = useSession();
  const point = useLiveQuery(() => db.recordTable('monitoringPoints').get(id), [db, id]);
  const measurements = usePointMeasurements(id);
  const { table } = useGuidelines();
  const [chosen, setChosen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const byParameter = useMemo(() => {
    const groups = new Map<string, Measurement[]>();
    for (const measurement of measurements ?? []) {
      const list = groups.get(measurement.parameter) ?? [];
      list.push(measurement);
      groups.set(measurement.parameter, list);
    }
    return groups;
  }, [measurements]);
  if (!point || point.deleted || !measurements) return null;
  const parameters = [...byParameter.keys()];
  const exceeding = (parameter: string) =>
    (byParameter.get(parameter) ?? []).filter((measurement) => isExceedance(assessSample(measurement, table))).length;
  const parameter =
    chosen && byParameter.has(chosen)
      ? chosen
      : (parameters.find((key) => exceeding(key) > 0) ?? parameters[0] ?? null);
  return (
    <div className="field-section">
      <section aria-labelledby="field-point-quality">
        <h3 id="field-point-quality">{t('field.quality.pointTitle')}</h3>
        {parameters.length === 0 ? (
          <p className="field-hint">{t('field.quality.noSamples')}</p>
        ) : (
          <table className="field-table" aria-label={t('field.quality.pointTableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('field.quality.parameter')}</th>
                <th scope="col">{t('field.quality.latest')}</th>
                <th scope="col">{t('field.quality.guideline')}</th>
                <th scope="col">{t('field.quality.exceedances')}</th>
              </tr>
            </thead>
            <tbody>
              {parameters.map((key) => {
                const list = byParameter.get(key)!;
                const latest = list[list.length - 1]!;
                const entry = table.entries[key];
                const count = exceeding(key);
                const latestExceeds = isExceedance(assessSample(latest, table));
                return (
                  <tr key={key} className={key === parameter ? 'field-chosen' : undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="field-link"
                        onClick={() => setChosen(key)}
                        aria-pressed={key === parameter}
                      >
                        {parameterName(t, key)}
                      </button>
                    </th>
                    <td className={latestExceeds ? 'field-number field-exceeds' : 'field-number'}>
                      {number(t, latest.value)} {unitText(latest.unit, t.locale)}
                    </td>
                    <td className="field-number">{entry ? guidelineText(t, entry) : '—'}</td>
                    <td className={count > 0 ? 'field-number field-exceeds' : 'field-number'}>
                      {count > 0 ? t('field.quality.exceedanceCount', { count, total: list.length }) : '0'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="field-hint">{t('field.quality.tableInForce', { table: table.name })}</p>
      </section>
      {parameter && (
        <SeriesChart
          point={point}
          parameter={parameter}
          measurements={byParameter.get(parameter) ?? []}
          table={table}
        />
      )}
      {adding ? (
        <SampleForm pointId={point.id} onClose={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('field.quality.addSampleHere')}
        </button>
      )}
    </div>
  );
}

function guidelineText(t: Translator, entry: GuidelineTable['entries'][string]): string {
  const unit = unitText(entry.unit, t.locale);
  if (entry.minValue !== null && entry.maxValue !== null)
    return `${number(t, entry.minValue)}–${number(t, entry.maxValue)} ${unit}`;
  if (entry.maxValue !== null) return `≤ ${number(t, entry.maxValue)} ${unit}`;
  if (entry.minValue !== null) return `≥ ${number(t, entry.minValue)} ${unit}`;
  return '—';
}

/** A sample's panel section: how it compares with the guideline, and its parameter's series at its point. */
export function MeasurementSection({ id }: { readonly id: string }) {
  const t = useT();
  const { db } = useSession();
  const { table } = useGuidelines();
  const measurement = useLiveQuery(() => db.recordTable('measurements').get(id), [db, id]);
  const point = useLiveQuery(
    async () => (measurement ? db.recordTable('monitoringPoints').get(measurement.pointId) : undefined),
    [db, measurement],
  );
  const series = usePointMeasurements(measurement?.pointId ?? '');
  if (!measurement || measurement.deleted) return null;
  const assessment = assessSample(measurement, table);
  return (
    <div className="field-section">
      <p className={isExceedance(assessment) ? 'field-exceeds field-verdict' : 'field-verdict'}>
        {assessmentText(t, assessment, table.name)}
      </p>
      {point && series && (
        <SeriesChart
          point={point}
          parameter={measurement.parameter}
          measurements={series.filter((item) => item.parameter === measurement.parameter)}
          table={table}
          highlightId={measurement.id}
        />
      )}
    </div>
  );
}

const CHART = { width: 300, height: 170, left: 44, right: 10, top: 14, bottom: 26 } as const;

/** A parameter's values over time at a point, with the guideline as a dashed line; exceedances in red. */
export function SeriesChart({
  point,
  parameter,
  measurements,
  table,
  highlightId,
}: {
  readonly point: MonitoringPoint;
  readonly parameter: string;
  readonly measurements: readonly Measurement[];
  readonly table: GuidelineTable;
  readonly highlightId?: string;
}) {
  const t = useT();
  const clock = useBasinClock();
  const entry = table.entries[parameter];
  const unit = entry?.unit ?? measurements[0]?.unit ?? '';
  const points = measurements.flatMap((measurement) => {
    const assessment = assessSample(measurement, table);
    const value = 'value' in assessment ? assessment.value : measurement.unit === unit ? measurement.value : null;
    return value === null
      ? []
      : [
          {
            id: measurement.id,
            time: Date.parse(measurement.time),
            value,
            exceeds: isExceedance(assessment),
            iso: measurement.time,
          },
        ];
  });
  if (points.length === 0) return null;
  const limits = [entry?.maxValue, entry?.minValue].filter(
    (value): value is number => value !== null && value !== undefined,
  );
  const yMax = Math.max(...points.map((item) => item.value), ...limits) * 1.1 || 1;
  const yMin = parameter === 'ph' ? Math.min(...points.map((item) => item.value), ...limits) * 0.95 : 0;
  const tMin = Math.min(...points.map((item) => item.time));
  const tMax = Math.max(...points.map((item) => item.time));
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const x = (time: number) => CHART.left + (tMax > tMin ? ((time - tMin) / (tMax - tMin)) * plotWidth : plotWidth / 2);
  const y = (value: number) => CHART.top + plotHeight - ((value - yMin) / (yMax - yMin || 1)) * plotHeight;
  const title = t('field.chart.label', { parameter: parameterName(t, parameter), point: point.name });
  return (
    <figure className="field-chart">
      <figcaption>
        {parameterName(t, parameter)} ({unitText(unit, t.locale)})
      </figcaption>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={title}>
        <line x1={CHART.left} x2={CHART.left} y1={CHART.top} y2={CHART.top + plotHeight} className="field-axis" />
        <line
          x1={CHART.left}
          x2={CHART.width - CHART.right}
          y1={CHART.top + plotHeight}
          y2={CHART.top + plotHeight}
          className="field-axis"
        />
        <text x={CHART.left - 4} y={CHART.top + 4} textAnchor="end" className="field-tick">
          {number(t, yMax)}
        </text>
        <text x={CHART.left - 4} y={CHART.top + plotHeight} textAnchor="end" className="field-tick">
          {number(t, yMin)}
        </text>
        <text x={CHART.left} y={CHART.height - 6} className="field-tick">
          {formatDate(new Date(tMin).toISOString(), t.locale, 'short', clock.timeZone)}
        </text>
        <text x={CHART.width - CHART.right} y={CHART.height - 6} textAnchor="end" className="field-tick">
          {formatDate(new Date(tMax).toISOString(), t.locale, 'short', clock.timeZone)}
        </text>
        {limits.map((limit) => (
          <g key={limit}>
            <line
              x1={CHART.left}
              x2={CHART.width - CHART.right}
              y1={y(limit)}
              y2={y(limit)}
              className="field-guideline"
            />
            <text
              x={CHART.width - CHART.right}
              y={y(limit) - 3}
              textAnchor="end"
              className="field-tick field-guideline-label"
            >
              {t('field.chart.guideline', { value: number(t, limit) })}
            </text>
          </g>
        ))}
        <polyline
          className="field-series"
          points={points.map((item) => `${x(item.time).toFixed(1)},${y(item.value).toFixed(1)}`).join(' ')}
        />
        {points.map((item) => (
          <circle
            key={item.id}
            cx={x(item.time)}
            cy={y(item.value)}
            r={item.id === highlightId ? 5 : 3}
            className={item.exceeds ? 'field-point field-point-exceeds' : 'field-point'}
          >
            <title>
              {formatDateTime(item.iso, t.locale, clock.timeZone)}: {number(t, item.value)} {unitText(unit, t.locale)}
            </title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
